#pragma once

#include <string>

namespace otklik {

/// A free page (about, methodology, FAQ), published at /<id>/.
struct Page {
  std::string id;
  std::string path;
  std::string title;
  std::string summary;
  int order = 1000;
  bool menu = false;  ///< Listed in the main navigation.
  std::string body;   ///< Markdown.
};

}  // namespace otklik
