#pragma once

#include <string>
#include <vector>

namespace otklik {

/// A typical life situation («Рождение ребёнка»): the services a person needs at once.
struct LifeSituation {
  std::string id;
  std::string path;
  std::string title;
  std::string summary;
  int order = 1000;
  std::string body;  ///< Markdown.
  std::vector<std::string> services;  ///< Derived: services that list this situation, in site order.
};

}  // namespace otklik
