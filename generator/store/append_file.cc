#include "store/append_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/file_system.h"

namespace otklik {

namespace {

Status Failed(const std::string& path, const std::string& what) {
  return Status::Error(path + ": " + what + ": " + ErrnoText(errno));
}

// Makes a folder entry durable: fsync on the folder itself.
void SyncFolder(const std::string& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// mkdir -p that syncs the parent of every folder it creates.
Status MakeFolders(const std::string& dir) {
  if (dir.empty()) return Status::Ok();
  struct stat info;
  if (::stat(dir.c_str(), &info) == 0) return Status::Ok();
  if (Status parent = MakeFolders(ParentPath(dir)); !parent.ok()) return parent;
  if (::mkdir(dir.c_str(), 0750) != 0 && errno != EEXIST) return Failed(dir, "не удалось создать папку");
  SyncFolder(ParentPath(dir));
  return Status::Ok();
}

class DiskAppendFile : public AppendFile {
 public:
  DiskAppendFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~DiskAppendFile() override { ::close(fd_); }

  Result<uint64_t> Size() const override {
    struct stat info;
    if (::fstat(fd_, &info) != 0) return Failed(path_, "не удалось узнать размер");
    return static_cast<uint64_t>(info.st_size);
  }

  Result<std::string> Tail(size_t count) const override {
    const Result<uint64_t> measured = Size();
    if (!measured.ok()) return measured.status();
    const uint64_t size = measured.value();
    const uint64_t start = size > count ? size - count : 0;
    std::string bytes(static_cast<size_t>(size - start), '\0');
    const ssize_t n = ::pread(fd_, bytes.data(), bytes.size(), static_cast<off_t>(start));
    if (n < 0) return Failed(path_, "не удалось прочитать");
    bytes.resize(static_cast<size_t>(n));
    return bytes;
  }

  Status Append(std::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return Failed(path_, "не удалось записать");
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  }

  Status Sync() override {
    if (::fdatasync(fd_) != 0) return Failed(path_, "не удалось сохранить на диск");
    return Status::Ok();
  }

  Status Truncate(uint64_t size) override {
    if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) return Failed(path_, "не удалось обрезать");
    return Sync();
  }

 private:
  std::string path_;
  int fd_;
};

}  // namespace

std::unique_ptr<AppendFile> OpenDiskAppendFile(const std::string& path, Status* status) {
  if (Status made = MakeFolders(ParentPath(path)); !made.ok()) {
    *status = made;
    return nullptr;
  }
  const bool existed = ::access(path.c_str(), F_OK) == 0;
  const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    *status = Failed(path, "не удалось открыть");
    return nullptr;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    *status = Status::Error(path + ": файл уже открыт другим процессом приёма ответов; у каждого процесса "
                                   "должен быть свой идентификатор (instance)");
    return nullptr;
  }
  if (!existed) {
    ::fsync(fd);
    SyncFolder(ParentPath(path));
  }
  *status = Status::Ok();
  return std::make_unique<DiskAppendFile>(path, fd);
}

}  // namespace otklik
