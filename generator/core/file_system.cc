#include "core/file_system.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace otklik {

namespace fs = std::filesystem;

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  out.append(b.substr(b.front() == '/' ? 1 : 0));
  return out;
}

std::string ParentPath(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::string HiddenSibling(std::string_view dir, std::string_view what) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  const size_t slash = dir.rfind('/');
  const size_t name = slash == std::string_view::npos ? 0 : slash + 1;
  return std::string(dir.substr(0, name)) + "." + std::string(dir.substr(name)) + "." + std::string(what);
}

namespace {

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(ErrnoText(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// "a/b" → "a/b/", so that the folder "a/b" does not also match "a/bc"; "" (the
// root) stays "".
std::string DirectoryPrefix(std::string_view dir) {
  std::string prefix(dir);
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return prefix;
}

bool IsHidden(const fs::path& relative) {
  for (const auto& part : relative) {
    if (!part.empty() && part.native()[0] == '.') return true;
  }
  return false;
}

}  // namespace

Result<std::string> RealFileSystem::ReadFile(const std::string& path) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(path + ": не удалось прочитать файл: " + ErrnoText(errno));
  std::string out;
  struct stat info;
  if (::fstat(fd, &info) == 0 && info.st_size > 0) out.reserve(static_cast<size_t>(info.st_size));
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string reason = ErrnoText(errno);
      ::close(fd);
      return Status::Error(path + ": не удалось прочитать файл: " + reason);
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

std::vector<std::string> RealFileSystem::ListFiles(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::path relative = it->path().lexically_relative(dir);
    if (IsHidden(relative)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(relative.generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool RealFileSystem::IsDirectory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool RealFileSystem::IsEmptyDirectory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::is_empty(path, ec) && !ec;
}

bool RealFileSystem::IsFile(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

std::optional<FileStamp> RealFileSystem::Stamp(const std::string& path) const {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStamp{static_cast<uint64_t>(st.st_size), st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
}

Status RealFileSystem::WriteFile(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(ParentPath(path), ec);
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) return Status::Error(path + ": не удалось записать файл: " + ErrnoText(errno));
  Status written = WriteAll(fd, bytes);
  if (::close(fd) != 0 && written.ok()) written = Status::Error(ErrnoText(errno));
  if (!written.ok()) return Status::Error(path + ": не удалось записать файл: " + written.message());
  return Status::Ok();
}

Status RealFileSystem::ReplaceFile(const std::string& path, std::string_view bytes) {
  const std::string dir = ParentPath(path);
  const std::string temporary = JoinPath(dir, "." + path.substr(dir.empty() ? 0 : dir.size() + 1) + ".tmp");
  const auto fail = [&](int error) {
    ::unlink(temporary.c_str());
    return Status::Error(path + ": не удалось записать файл: " + ErrnoText(error));
  };
  if (Status written = WriteFile(temporary, bytes); !written.ok()) return written;
  const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(errno);
  const bool synced = ::fsync(fd) == 0;
  const int sync_error = errno;
  ::close(fd);
  if (!synced) return fail(sync_error);
  if (::rename(temporary.c_str(), path.c_str()) != 0) return fail(errno);
  // The rename itself must reach the disk too.
  const int dir_fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return Status::Ok();
}

Status RealFileSystem::RemoveAll(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) return Status::Error(path + ": не удалось удалить: " + ec.message());
  return Status::Ok();
}

void RealFileSystem::RemoveEmptyDirectory(const std::string& path) { ::rmdir(path.c_str()); }

Status RealFileSystem::ExchangeDirectories(const std::string& staging, const std::string& target) {
  const int swapped = IsDirectory(target)
      ? ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE)
      : ::rename(staging.c_str(), target.c_str());
  if (swapped != 0) return Status::Error(target + ": не удалось опубликовать сайт: " + ErrnoText(errno));
  return Status::Ok();
}

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path) const {
  std::lock_guard lock(mutex_);
  const auto it = files_.find(path);
  if (it == files_.end()) {
    return Status::Error(path + ": не удалось прочитать файл: " + ErrnoText(ENOENT));
  }
  return it->second;
}

std::vector<std::string> MemoryFileSystem::ListFiles(const std::string& dir) const {
  std::lock_guard lock(mutex_);
  const std::string prefix = DirectoryPrefix(dir);
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix); ++it) {
    const std::string relative = it->first.substr(prefix.size());
    if (!IsHidden(fs::path(relative))) out.push_back(relative);
  }
  return out;
}

bool MemoryFileSystem::IsDirectory(const std::string& path) const {
  std::lock_guard lock(mutex_);
  const std::string prefix = DirectoryPrefix(path);
  const auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.starts_with(prefix);
}

bool MemoryFileSystem::IsEmptyDirectory(const std::string&) const {
  return false;  // a directory exists only through the files below it
}

bool MemoryFileSystem::IsFile(const std::string& path) const {
  std::lock_guard lock(mutex_);
  return files_.count(path) > 0;
}

std::optional<FileStamp> MemoryFileSystem::Stamp(const std::string& path) const {
  std::lock_guard lock(mutex_);
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return FileStamp{it->second.size(), static_cast<int64_t>(std::hash<std::string>{}(it->second))};
}

Status MemoryFileSystem::WriteFile(const std::string& path, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  for (const std::string& prefix : failing_prefixes_) {
    if (path.starts_with(prefix)) {
      return Status::Error(path + ": не удалось записать файл: " + ErrnoText(ENOSPC));
    }
  }
  files_[path] = std::string(bytes);
  return Status::Ok();
}

Status MemoryFileSystem::ReplaceFile(const std::string& path, std::string_view bytes) {
  return WriteFile(path, bytes);
}

Status MemoryFileSystem::RemoveAll(const std::string& path) {
  std::lock_guard lock(mutex_);
  files_.erase(path);
  const std::string prefix = DirectoryPrefix(path);
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);) {
    it = files_.erase(it);
  }
  return Status::Ok();
}

void MemoryFileSystem::RemoveEmptyDirectory(const std::string&) {
  // Directories exist only through the files below them.
}

Status MemoryFileSystem::ExchangeDirectories(const std::string& staging, const std::string& target) {
  std::lock_guard lock(mutex_);
  const std::string staging_prefix = DirectoryPrefix(staging);
  const std::string target_prefix = DirectoryPrefix(target);
  const auto inside = [&](const std::string& prefix) {
    const auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.starts_with(prefix);
  };
  if (!inside(staging_prefix)) {
    return Status::Error(target + ": не удалось опубликовать сайт: " + ErrnoText(ENOENT));
  }
  std::map<std::string, std::string> next;
  for (auto& [path, bytes] : files_) {
    if (path.starts_with(staging_prefix)) {
      next[target_prefix + path.substr(staging_prefix.size())] = std::move(bytes);
    } else if (path.starts_with(target_prefix)) {
      next[staging_prefix + path.substr(target_prefix.size())] = std::move(bytes);
    } else {
      next[path] = std::move(bytes);
    }
  }
  files_ = std::move(next);
  return Status::Ok();
}

void MemoryFileSystem::FailWritesUnder(const std::string& prefix) {
  std::lock_guard lock(mutex_);
  failing_prefixes_.insert(prefix);
}

std::map<std::string, std::string> MemoryFileSystem::Files() const {
  std::lock_guard lock(mutex_);
  return files_;
}

}  // namespace otklik
