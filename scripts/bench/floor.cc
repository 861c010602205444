// The file-system floor of a build: the least work that puts the same bytes
// in the same tree. scripts/bench/build-vs-hugo compiles this and runs it
// beside Otklik, so that a build time can be read as a multiple of what the
// disk and the kernel cannot go below on this machine.
//
//   floor SOURCE DEST fresh     DEST must not exist: creates every folder
//                               of SOURCE and writes every file of it
//   floor SOURCE DEST in-place  DEST holds the same tree: opens every file
//                               and writes its bytes again over the old ones
//                               (then cuts it to their length). Not O_TRUNC:
//                               on ext4 a file truncated to zero and written
//                               again is flushed to disk on close
//                               (auto_da_alloc), ten times slower.
//
// SOURCE (a built site) is read into memory first, untimed. The timed part
// is one thread of plain system calls (mkdir, open, write, close): on this
// kind of machine more threads make it slower, not faster. Prints the
// seconds of the timed part, the files and the bytes.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

struct File {
  std::string relative;
  std::string bytes;
};

bool WriteAll(const std::string& path, const std::string& bytes, bool fresh) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | (fresh ? O_EXCL : 0) | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  const bool cut = fresh || ftruncate(fd, static_cast<off_t>(bytes.size())) == 0;
  return close(fd) == 0 && cut;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc != 4 || (std::strcmp(argv[3], "fresh") != 0 && std::strcmp(argv[3], "in-place") != 0)) {
    std::fprintf(stderr, "usage: floor SOURCE DEST fresh|in-place\n");
    return 2;
  }
  const fs::path source = argv[1];
  const std::string dest = argv[2];
  const bool fresh = std::strcmp(argv[3], "fresh") == 0;
  std::vector<std::string> folders;  // parents before children, as the walk meets them
  std::vector<File> files;
  size_t total = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(source)) {
    const std::string relative = entry.path().lexically_relative(source).string();
    if (entry.is_directory()) {
      folders.push_back(relative);
    } else if (entry.is_regular_file()) {
      std::ifstream in(entry.path(), std::ios::binary);
      files.push_back({relative, std::string(std::istreambuf_iterator<char>(in), {})});
      total += files.back().bytes.size();
    }
  }
  const auto start = std::chrono::steady_clock::now();
  if (fresh) {
    if (mkdir(dest.c_str(), 0755) != 0) {
      std::perror(dest.c_str());
      return 1;
    }
    for (const std::string& folder : folders) {
      if (mkdir((dest + "/" + folder).c_str(), 0755) != 0) {
        std::perror(folder.c_str());
        return 1;
      }
    }
  }
  for (const File& file : files) {
    if (!WriteAll(dest + "/" + file.relative, file.bytes, fresh)) {
      std::perror(file.relative.c_str());
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.4f %zu %zu\n", seconds, files.size(), total);
  return 0;
}
