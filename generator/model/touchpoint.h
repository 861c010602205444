#pragma once

#include <string>
#include <vector>

namespace otklik {

enum class Channel { kOnline, kOffline };

/// The names used for Channel in content files, in enum order.
const std::vector<std::string>& ChannelNames();
/// The names of touchpoint kinds: website, portal, social, messenger, hotline,
/// app, email, reception, mfc, post, outreach.
const std::vector<std::string>& TouchpointKindNames();
/// Which channel a touchpoint kind belongs to (seed 000 §2.3, 001 §1.8).
Channel ChannelOfKind(const std::string& kind);

/// Where a citizen meets the agency: a site, the Gosuslugi portal, an office.
struct Touchpoint {
  std::string id;
  std::string path;
  std::string title;
  std::string summary;
  std::string kind;  ///< One of TouchpointKindNames().
  Channel channel = Channel::kOnline;
  std::string address;
  std::string hours;
  std::string phone;
  std::string email;
  std::string url;
  int order = 1000;
  std::string body;  ///< Markdown.
  std::vector<std::string> services;  ///< Derived: services delivered here, in site order.
};

}  // namespace otklik
