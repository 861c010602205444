#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/date.h"

namespace otklik {

/// One entry of an Atom feed. All text is plain text; the writer escapes it.
struct AtomEntry {
  /// A stable URI that never changes for this entry, usually a TagUri.
  std::string id;
  std::string title;
  /// Written as midnight in Moscow (Otklik has days only).
  Date updated;
  /// Absolute address of the entry's page (rel="alternate").
  std::string url;
  /// Omitted when empty.
  std::string summary;
  /// Category term and label; omitted when empty.
  std::string category;
};

/// An Atom 1.0 (RFC 4287) feed in Russian, written by one agency.
struct AtomFeed {
  /// A stable URI that never changes for this feed, usually a TagUri.
  std::string id;
  std::string title;
  /// Omitted when empty.
  std::string subtitle;
  /// Absolute address of the feed file itself (rel="self").
  std::string self_url;
  /// Absolute address of the page the feed belongs to (rel="alternate").
  std::string site_url;
  /// The agency's name: the author of every entry.
  std::string author;
  /// The feed's <updated> when it has no entries; otherwise the newest entry's date is used.
  Date updated_if_empty;
  std::vector<AtomEntry> entries;
};

/// The feed as an Atom XML document: entries newest first (ties by id, so the
/// output is deterministic), at most `limit` of them (0 = all). Text is
/// escaped; characters XML 1.0 forbids (control characters other than tab,
/// newline and carriage return, U+FFFE, U+FFFF) are dropped and invalid UTF-8
/// bytes become U+FFFD. Entries repeating an earlier entry's id are a
/// programming error: the first one in `feed.entries` is kept, the later ones
/// are dropped.
std::string RenderAtom(AtomFeed feed, size_t limit = 50);

/// A tag URI (RFC 4151) minted by `base_url`'s host, e.g.
/// TagUri("https://a.example.ru:8443/x/", 2026, "decisions/x") == "tag:a.example.ru,2026:decisions/x".
/// The host is lowercased; scheme, user, port and path are left out. Bytes of
/// `specific` outside RFC 4151's set (pchar, "/" and "?"), "%" included, are
/// percent-encoded. REQUIRES: 0 <= year <= 9999.
std::string TagUri(const std::string& base_url, int year, const std::string& specific);

}  // namespace otklik
