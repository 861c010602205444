#pragma once

#include <atomic>
#include <ostream>

#include "receiver/handler.h"
#include "receiver/receiver_config.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace otklik {

/// Runs `otklik receive`: loads the content, recovers this instance's
/// segments, and serves HTTP (cpp-httplib) until SIGTERM or SIGINT, then
/// drains the requests in flight and the appends queued and returns 0.
/// SIGHUP reloads the content without dropping requests; content with errors
/// is reported and the previous content kept. Returns 1 when it cannot
/// start (content errors, port taken, segments locked by another process).
/// Startup and shutdown messages go to `log`; the per-request log goes to
/// config.access_log. `today` gives the date a request is received on (the
/// survey's dates are checked against it and it names the stored segment).
int RunReceiver(const ReceiverConfig& config, std::ostream& log, Handler::Today today);

/// Socket options for a listening server: SO_REUSEADDR only. httplib's
/// default adds SO_REUSEPORT, with which a second process binds a port that
/// is taken and silently shares it instead of failing.
void ExclusivePortOptions(int socket);

/// Stops a server whose listen_after_bind() runs on another thread, which
/// sets `listen_returned` once it has returned. httplib 0.11.4's stop() does
/// nothing until the listening loop has marked itself running, so a signal
/// that arrives in the first instant would leave accept() blocked forever;
/// this waits for the loop to start (or to have ended) before stopping it.
void StopListening(httplib::Server& server, const std::atomic<bool>& listen_returned);

}  // namespace otklik
