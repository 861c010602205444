#include "receiver/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "receiver/client_limits.h"
#include "receiver/http_reply.h"

namespace otklik {

namespace {

using Clock = std::chrono::steady_clock;

// Pending connections the kernel keeps for accept(); Linux caps it at
// net.core.somaxconn (4096 since 5.4). A burst larger than the backlog has
// SYNs dropped, and each dropped one costs its client a second.
constexpr int kBacklog = 4096;
// How long a connection answered with "Connection: close" may go on sending
// what it had started (its unread bytes would make close() send a reset,
// which can destroy the reply before the client reads it).
constexpr std::chrono::milliseconds kLinger{2000};
// How often deadlines are checked.
constexpr std::chrono::milliseconds kTick{50};
constexpr uint64_t kListenKey = 0;
constexpr uint64_t kWakeKey = 1;

enum class Phase {
  kReading,   // waiting for (the rest of) a request
  kServing,   // a worker has it; the loop does not touch it
  kWriting,   // the reply did not fit into the socket at once
  kDraining,  // answered and closing: reading and dropping what still comes
};

struct Connection {
  Connection(uint64_t k, int f, std::string p, RequestReader::Limits limits)
      : key(k), fd(f), peer(std::move(p)), reader(limits) {}

  const uint64_t key;
  const int fd;
  const std::string peer;
  RequestReader reader;
  // Who has it: the loop, or (kServing) a worker, which may give it back to
  // the loop by setting kReading once everything else is set.
  std::atomic<Phase> phase = Phase::kReading;
  Clock::time_point deadline;
  bool idle = false;           // kept alive, no byte of the next request yet
  bool counted = false;        // holds one of `connections`
  std::string peer_counted;    // holds one of the peer's `per_client`
  std::string client_counted;  // holds one of a forwarded client's `per_client`, headers to reply
  bool registered = false;
  uint32_t events = 0;
  std::string out;
  size_t sent = 0;
  bool close_after = false;
  bool broken = false;
};

std::string PeerOf(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    const in6_addr& v6 = reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
      inet_ntop(AF_INET, &v6.s6_addr[12], text, sizeof text);
    } else {
      inet_ntop(AF_INET6, &v6, text, sizeof text);
    }
  }
  return text;
}

// Writes what the socket takes now; false on a broken connection.
bool SendSome(Connection& c) {
  while (c.sent < c.out.size()) {
    const ssize_t n = send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
    if (n > 0) {
      c.sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }
  return true;
}

}  // namespace

class HttpServer::Loop {
 public:
  Loop(HttpServerOptions options, Callbacks callbacks)
      : options_(std::move(options)), callbacks_(std::move(callbacks)), limits_(options_.per_client) {}

  ~Loop() {
    for (const int fd : {listen_fd_, epoll_fd_, wake_fd_, spare_fd_}) {
      if (fd >= 0) close(fd);
    }
  }

  bool Bind(const std::string& host, int port, std::string* error);
  int port() const;
  void Run();
  void Stop() {
    stopping_ = true;
    Wake();
  }

 private:
  // ---- the loop thread ----
  void Accept(Clock::time_point now);
  void Admit(int fd, std::string peer, Clock::time_point now);
  void OnEvent(Connection& c, uint32_t events, Clock::time_point now);
  void Read(Connection& c, Clock::time_point now);
  /// After new bytes: bounds the forwarded client, sends 100 Continue, and
  /// dispatches or refuses a request that is done. True while it needs more.
  bool OnProgress(Connection& c, RequestReader::State state, Clock::time_point now);
  void Dispatch(Connection& c);
  void Refuse(Connection& c, Refusal refusal, Clock::time_point now);
  void Send(Connection& c, Clock::time_point now);
  void Finished(Connection& c, Clock::time_point now);
  void Linger(Connection& c, Clock::time_point now);
  void Drain(Connection& c);
  void TakeBack(Clock::time_point now);
  void Sweep(Clock::time_point now);
  void StopAccepting();
  void Watch(Connection& c, uint32_t events);
  void Release(Connection& c);
  void Close(Connection& c);
  bool Trusted(const std::string& peer) const {
    return std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(), peer) !=
           options_.trusted_proxies.end();
  }
  std::string ClientOf(const Connection& c) const;

  // ---- the workers ----
  void Work();
  void Answer(Connection& c);
  void Wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(wake_fd_, &one, sizeof one);
  }

  const HttpServerOptions options_;
  const Callbacks callbacks_;
  ClientLimits limits_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  int spare_fd_ = -1;  // given up to accept (and close) a connection when out of descriptors
  std::atomic<bool> stopping_{false};

  std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections_;
  uint64_t next_key_ = 2;
  size_t counted_ = 0;
  size_t draining_ = 0;

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Connection*> requests_;   // read whole, waiting for a worker
  std::vector<Connection*> answered_;  // back from the workers
  bool workers_stop_ = false;
};

bool HttpServer::Loop::Bind(const std::string& host, int port, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0) {
    *error = gai_strerror(rc);
    return false;
  }
  *error = "no address";
  for (addrinfo* ai = found; ai && listen_fd_ < 0; ai = ai->ai_next) {
    const int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, kBacklog) == 0) {
      listen_fd_ = fd;
    } else {
      *error = strerror(errno);
      close(fd);
    }
  }
  freeaddrinfo(found);
  if (listen_fd_ < 0) return false;
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  spare_fd_ = open("/dev/null", O_RDONLY | O_CLOEXEC);
  epoll_event listen_event{EPOLLIN, {.u64 = kListenKey}};
  epoll_event wake_event{EPOLLIN, {.u64 = kWakeKey}};
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &listen_event);
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake_event);
  return true;
}

int HttpServer::Loop::port() const {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  if (listen_fd_ < 0 || getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &length) != 0) return 0;
  return ntohs(addr.ss_family == AF_INET ? reinterpret_cast<sockaddr_in&>(addr).sin_port
                                         : reinterpret_cast<sockaddr_in6&>(addr).sin6_port);
}

void HttpServer::Loop::Run() {
  std::vector<std::thread> workers;
  for (size_t i = 0; i < std::max<size_t>(options_.workers, 1); ++i) workers.emplace_back([this] { Work(); });
  std::vector<epoll_event> events(256);
  Clock::time_point next_sweep = Clock::now() + kTick;
  for (;;) {
    const int n =
        epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), static_cast<int>(kTick.count()));
    const Clock::time_point now = Clock::now();
    for (int i = 0; i < n; ++i) {
      const uint64_t key = events[i].data.u64;
      if (key == kListenKey) {
        Accept(now);
      } else if (key == kWakeKey) {
        uint64_t count = 0;
        [[maybe_unused]] const ssize_t r = read(wake_fd_, &count, sizeof count);
        TakeBack(now);
      } else if (const auto it = connections_.find(key); it != connections_.end()) {
        OnEvent(*it->second, events[i].events, now);
      }
    }
    if (stopping_) StopAccepting();
    if (now >= next_sweep) {
      Sweep(now);
      next_sweep = now + kTick;
    }
    if (stopping_ && connections_.empty()) break;
  }
  {
    std::lock_guard lock(mutex_);
    workers_stop_ = true;
  }
  ready_.notify_all();
  for (std::thread& worker : workers) worker.join();
}

void HttpServer::Loop::Accept(Clock::time_point now) {
  for (;;) {
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    const int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      const int yes = 1;  // a reply is one write; nothing to gain from Nagle
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      Admit(fd, PeerOf(addr), now);
      continue;
    }
    if (errno == EINTR || errno == ECONNABORTED) continue;
    if ((errno == EMFILE || errno == ENFILE) && spare_fd_ >= 0) {
      // Out of descriptors (accept4 says so before it looks at the queue):
      // take a waiting connection with the spare one and close it, rather
      // than leave it in the queue to wake the loop for ever.
      close(spare_fd_);
      const int dropped = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (dropped >= 0) close(dropped);
      spare_fd_ = open("/dev/null", O_RDONLY | O_CLOEXEC);
      if (dropped >= 0) continue;
    }
    return;  // EAGAIN: nothing more waiting
  }
}

void HttpServer::Loop::Admit(int fd, std::string peer, Clock::time_point now) {
  const uint64_t key = next_key_++;
  auto owned = std::make_unique<Connection>(key, fd, std::move(peer), options_.limits);
  Connection& c = *owned;
  connections_.emplace(key, std::move(owned));
  c.deadline = now + options_.request_timeout;
  if (counted_ >= options_.connections) return Refuse(c, Refusal::kOverloaded, now);
  if (!Trusted(c.peer)) {
    if (!limits_.Open(c.peer)) return Refuse(c, Refusal::kTooManyConnections, now);
    c.peer_counted = c.peer;
  }
  c.counted = true;
  ++counted_;
  Watch(c, EPOLLIN);
}

void HttpServer::Loop::OnEvent(Connection& c, uint32_t events, Clock::time_point now) {
  switch (c.phase) {
    case Phase::kReading: return Read(c, now);
    case Phase::kWriting:
      if (events & (EPOLLERR | EPOLLHUP)) return Close(c);
      return Send(c, now);
    case Phase::kDraining: return Drain(c);
    case Phase::kServing: return;
  }
}

void HttpServer::Loop::Read(Connection& c, Clock::time_point now) {
  char buffer[16 * 1024];
  for (;;) {
    const ssize_t n = recv(c.fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n <= 0) return Close(c);  // gone before its request was whole
    if (c.idle) {                 // the next request on a kept-alive connection: its own clock
      c.idle = false;
      c.deadline = now + options_.request_timeout;
    }
    const RequestReader::State state = c.reader.Feed(std::string_view(buffer, static_cast<size_t>(n)));
    if (!OnProgress(c, state, now)) return;
  }
}

bool HttpServer::Loop::OnProgress(Connection& c, RequestReader::State state, Clock::time_point now) {
  // Behind the proxy, a forwarded client is known from its headers on, and
  // bounded from then until its reply.
  if (c.reader.headers_done() && c.client_counted.empty() && Trusted(c.peer)) {
    const std::string client = ClientOf(c);
    if (!limits_.Open(client)) {
      Refuse(c, Refusal::kTooManyConnections, now);
      return false;
    }
    c.client_counted = client;
  }
  if (c.reader.TakeContinue()) {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    send(c.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL);
  }
  switch (state) {
    case RequestReader::State::kNeedMore: return true;
    case RequestReader::State::kComplete: Dispatch(c); break;
    case RequestReader::State::kBad: Refuse(c, Refusal::kBadRequest, now); break;
    case RequestReader::State::kHeadersTooLarge: Refuse(c, Refusal::kHeadersTooLarge, now); break;
  }
  return false;
}

std::string HttpServer::Loop::ClientOf(const Connection& c) const {
  if (!Trusted(c.peer)) return c.peer;
  const std::string& forwarded = c.reader.forwarded_for();
  const size_t comma = forwarded.rfind(',');
  std::string last = forwarded.substr(comma == std::string::npos ? 0 : comma + 1);
  last.erase(0, last.find_first_not_of(' '));
  last.erase(last.find_last_not_of(' ') + 1);
  return last.empty() ? c.peer : last;
}

void HttpServer::Loop::Dispatch(Connection& c) {
  c.reader.request().client = ClientOf(c);
  Watch(c, 0);
  c.phase = Phase::kServing;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(&c);
  }
  ready_.notify_one();
}

void HttpServer::Loop::Refuse(Connection& c, Refusal refusal, Clock::time_point now) {
  const HttpResponse reply = callbacks_.refuse(refusal);
  const std::string& method = c.reader.method();
  callbacks_.log(method.empty() ? "-" : method, c.reader.target().empty() ? "-" : LoggedPath(c.reader.target()),
                 reply.status);
  c.out = ReplyBytes(reply, false, true);
  c.sent = 0;
  c.close_after = true;
  c.phase = Phase::kWriting;
  Send(c, now);
}

void HttpServer::Loop::Send(Connection& c, Clock::time_point now) {
  if (!SendSome(c)) return Close(c);
  if (c.sent == c.out.size()) return Finished(c, now);
  if (c.events != EPOLLOUT) c.deadline = now + options_.write_timeout;  // from when the client stopped taking it
  c.phase = Phase::kWriting;
  Watch(c, EPOLLOUT);
}

void HttpServer::Loop::Finished(Connection& c, Clock::time_point now) {
  c.out.clear();
  c.sent = 0;
  if (c.close_after || stopping_) return Linger(c, now);
  c.phase = Phase::kReading;
  c.idle = true;
  c.deadline = now + options_.keep_alive;
  const RequestReader::State state = c.reader.Next();  // a pipelined request may be here already
  if (c.reader.started()) {
    c.idle = false;
    c.deadline = now + options_.request_timeout;
  }
  if (OnProgress(c, state, now)) Watch(c, EPOLLIN);
}

void HttpServer::Loop::Linger(Connection& c, Clock::time_point now) {
  if (draining_ >= options_.connections) return Close(c);  // a flood's: no lingering for so many
  shutdown(c.fd, SHUT_WR);
  Release(c);  // no longer served: its places go to others
  ++draining_;
  c.phase = Phase::kDraining;
  c.deadline = now + kLinger;
  Watch(c, EPOLLIN);
}

void HttpServer::Loop::Drain(Connection& c) {
  char buffer[16 * 1024];
  for (;;) {
    const ssize_t n = recv(c.fd, buffer, sizeof buffer, 0);
    if (n > 0 || (n < 0 && errno == EINTR)) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    return Close(c);  // the client has closed too
  }
}

void HttpServer::Loop::TakeBack(Clock::time_point now) {
  std::vector<Connection*> answered;
  {
    std::lock_guard lock(mutex_);
    answered.swap(answered_);
  }
  for (Connection* c : answered) {
    if (!c->client_counted.empty()) limits_.Close(c->client_counted);
    c->client_counted.clear();
    c->phase = Phase::kWriting;
    if (c->broken) {
      Close(*c);
    } else if (c->sent == c->out.size()) {
      Finished(*c, now);
    } else {
      Send(*c, now);
    }
  }
}

void HttpServer::Loop::Sweep(Clock::time_point now) {
  std::vector<Connection*> late;
  for (const auto& [key, c] : connections_) {
    if (c->phase != Phase::kServing && now >= c->deadline) late.push_back(c.get());
  }
  for (Connection* c : late) {
    // A request begun and not finished in time is told so; an idle
    // connection, or one being written to or drained, is just closed.
    if (c->phase == Phase::kReading && c->reader.started() && !c->idle) {
      Refuse(*c, Refusal::kTimeout, now);
    } else {
      Close(*c);
    }
  }
}

void HttpServer::Loop::StopAccepting() {
  if (listen_fd_ >= 0) {
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
    close(listen_fd_);
    listen_fd_ = -1;
  }
  std::vector<Connection*> idle;
  for (const auto& [key, c] : connections_) {
    if (c->phase == Phase::kReading && !c->reader.started()) idle.push_back(c.get());
  }
  for (Connection* c : idle) Close(*c);
}

void HttpServer::Loop::Watch(Connection& c, uint32_t events) {
  if (c.registered && c.events == events) return;
  if (events == 0) {  // not even hang-ups while a worker has it
    if (c.registered) epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c.fd, nullptr);
    c.registered = false;
    c.events = 0;
    return;
  }
  epoll_event event{events, {.u64 = c.key}};
  epoll_ctl(epoll_fd_, c.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, c.fd, &event);
  c.registered = true;
  c.events = events;
}

void HttpServer::Loop::Release(Connection& c) {
  if (c.counted) --counted_;
  c.counted = false;
  if (!c.peer_counted.empty()) limits_.Close(c.peer_counted);
  c.peer_counted.clear();
  if (!c.client_counted.empty()) limits_.Close(c.client_counted);
  c.client_counted.clear();
}

void HttpServer::Loop::Close(Connection& c) {
  Release(c);
  if (c.phase == Phase::kDraining) --draining_;
  close(c.fd);  // also takes it out of the epoll set
  connections_.erase(c.key);
}

void HttpServer::Loop::Work() {
  for (;;) {
    Connection* c = nullptr;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return workers_stop_ || !requests_.empty(); });
      if (requests_.empty()) return;
      c = requests_.front();
      requests_.pop_front();
    }
    Answer(*c);
  }
}

// On a worker: the handler's reply, logged, and written at once when the
// socket takes it (it nearly always does); the loop finishes anything else.
void HttpServer::Loop::Answer(Connection& c) {
  const HttpRequest& request = c.reader.request();
  HttpResponse reply;
  try {
    reply = callbacks_.serve(request);
  } catch (const std::exception&) {
    reply = callbacks_.refuse(Refusal::kInternalError);
  }
  callbacks_.log(request.method, LoggedPath(c.reader.target()), reply.status);
  c.close_after = !c.reader.keep_alive() || stopping_;
  c.out = ReplyBytes(reply, request.method == "HEAD", c.close_after);
  c.sent = 0;
  c.broken = !SendSome(c);
  if (c.broken || c.sent < c.out.size() || c.close_after || c.reader.has_pending()) {
    {
      std::lock_guard lock(mutex_);
      answered_.push_back(&c);
    }
    Wake();
    return;
  }
  // The usual case, a kept-alive connection with nothing more to send or
  // read: back to reading from here, without waking the loop.
  c.out.clear();
  if (!c.client_counted.empty()) limits_.Close(c.client_counted);
  c.client_counted.clear();
  c.reader.Next();
  c.idle = true;
  c.deadline = Clock::now() + options_.keep_alive;
  c.registered = true;
  c.events = EPOLLIN;
  epoll_event event{EPOLLIN, {.u64 = c.key}};
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c.fd, &event);
  c.phase = Phase::kReading;  // the loop's again: an event before this line waits for the next epoll_wait
}

HttpServer::HttpServer(HttpServerOptions options, Callbacks callbacks)
    : loop_(std::make_unique<Loop>(std::move(options), std::move(callbacks))) {}

HttpServer::~HttpServer() = default;

bool HttpServer::Bind(const std::string& host, int port, std::string* error) {
  return loop_->Bind(host, port, error);
}

int HttpServer::port() const {
  return loop_->port();
}

void HttpServer::Run() {
  loop_->Run();
}

void HttpServer::Stop() {
  loop_->Stop();
}

}  // namespace otklik
