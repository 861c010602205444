#include "preview/watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/file_system.h"

namespace otklik {

namespace {

constexpr uint32_t kFileEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE;

bool Ignored(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name == "4913" || name.ends_with(".swp") ||
         name.ends_with(".swx");
}

}  // namespace

Result<std::unique_ptr<Watcher>> Watcher::Start(const std::vector<std::string>& dirs) {
  const int inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify < 0) return Status::Error(std::string("не удалось следить за файлами (inotify): ") + std::strerror(errno));
  int wake[2];
  if (pipe2(wake, O_NONBLOCK | O_CLOEXEC) != 0) {
    close(inotify);
    return Status::Error(std::string("не удалось следить за файлами: ") + std::strerror(errno));
  }
  std::unique_ptr<Watcher> watcher(new Watcher(inotify, wake[0], wake[1]));
  for (const std::string& dir : dirs) {
    if (std::filesystem::is_directory(dir)) watcher->AddTree(dir);
  }
  return watcher;
}

Watcher::Watcher(int inotify, int wake_read, int wake_write)
    : inotify_(inotify), wake_read_(wake_read), wake_write_(wake_write) {}

Watcher::~Watcher() {
  close(inotify_);
  close(wake_read_);
  close(wake_write_);
}

void Watcher::AddTree(const std::string& dir) {
  const int wd = inotify_add_watch(inotify_, dir.c_str(), kFileEvents | IN_ONLYDIR);
  if (wd < 0) return;  // gone already, or the watch limit: the rest still works
  folders_[wd] = dir;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (!Ignored(name) && entry.is_directory(error)) AddTree(JoinPath(dir, name));
  }
}

void Watcher::Stop() {
  const char byte = 1;
  [[maybe_unused]] const ssize_t ignored = write(wake_write_, &byte, 1);
}

bool Watcher::Drain(int timeout_ms, std::vector<std::string>* changed, std::set<std::string>* scratch) {
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_read_, POLLIN, 0}};
  if (poll(fds, 2, timeout_ms) <= 0) return true;
  if (fds[1].revents != 0) return false;
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t length = read(inotify_, buffer, sizeof buffer);
    if (length <= 0) return true;
    for (ssize_t offset = 0; offset < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      const auto folder = folders_.find(event->wd);
      if (folder == folders_.end() || event->len == 0) continue;
      const std::string name = event->name;
      if (Ignored(name)) continue;
      const std::string path = JoinPath(folder->second, name);
      if (event->mask & IN_ISDIR) {
        if (event->mask & (IN_CREATE | IN_MOVED_TO)) AddTree(path);
        changed->push_back(path);  // files moved in or out with it
      } else if (event->mask & (IN_CREATE | IN_CLOSE_WRITE)) {
        written_.insert(path);
        if (event->mask & IN_CLOSE_WRITE) changed->push_back(path);  // a created file counts once written
      } else {
        if (written_.count(path)) scratch->insert(path);
        changed->push_back(path);
      }
    }
  }
}

std::vector<std::string> Watcher::Wait(std::chrono::milliseconds settle) {
  std::vector<std::string> changed;
  std::set<std::string> scratch;
  written_.clear();
  while (changed.empty()) {
    if (!Drain(-1, &changed, &scratch)) return {};
  }
  for (size_t before = 0; before != changed.size();) {
    before = changed.size();
    if (!Drain(static_cast<int>(settle.count()), &changed, &scratch)) return {};
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  // Scratch copies matter only through the file they became.
  std::erase_if(changed, [&](const std::string& path) { return scratch.count(path) > 0; });
  if (changed.empty()) return Wait(settle);
  return changed;
}

}  // namespace otklik
