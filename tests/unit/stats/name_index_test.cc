#include "stats/name_index.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace otklik::name_index_test {
namespace {

TEST_CASE("NameIndex finds nothing before anything is set") {
  NameIndex<int> index;
  CHECK(index.Find("overall") == nullptr);
  CHECK(index.Find("") == nullptr);
}

TEST_CASE("NameIndex finds each name it was given, of every length, and no other") {
  // Lengths 0 to 40 cover every way Hash reads a name: bytes, halves, words and a last overlapping word.
  NameIndex<int> index;
  std::vector<std::string> names;
  for (int length = 0; length <= 40; ++length) names.push_back(std::string(static_cast<size_t>(length), 'a'));
  for (int n = 0; n < 60; ++n) names.push_back("parameters.row-" + std::to_string(n));
  for (size_t i = 0; i < names.size(); ++i) index.Set(names[i], static_cast<int>(i));
  for (size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    REQUIRE(index.Find(names[i]) != nullptr);
    CHECK(*index.Find(names[i]) == static_cast<int>(i));
  }
  CHECK(index.Find("parameters.row-60") == nullptr);
  CHECK(index.Find("b") == nullptr);
  CHECK(index.Find(std::string(41, 'a')) == nullptr);
}

TEST_CASE("NameIndex tells apart names that differ only in the middle or in one byte") {
  NameIndex<int> index;
  index.Set("abcXefg", 1);
  index.Set("abcYefg", 2);
  index.Set("a1c", 3);
  index.Set("a2c", 4);
  index.Set("info-source", 5);
  index.Set("info-sourcf", 6);
  CHECK(*index.Find("abcXefg") == 1);
  CHECK(*index.Find("abcYefg") == 2);
  CHECK(*index.Find("a1c") == 3);
  CHECK(*index.Find("a2c") == 4);
  CHECK(*index.Find("info-source") == 5);
  CHECK(*index.Find("info-sourcf") == 6);
  CHECK(index.Find("abcZefg") == nullptr);
}

TEST_CASE("NameIndex::Set replaces the value of a name it has") {
  NameIndex<std::pair<int, int>> index;
  index.Set("parameters.speed", {8, 3});
  index.Set("parameters.speed", {9, 4});
  CHECK(*index.Find("parameters.speed") == std::pair<int, int>{9, 4});
}

TEST_CASE("NameIndex looks up a view into a longer text by its own bytes only") {
  NameIndex<int> index;
  index.Set("date", 1);
  const std::string line = "{\"date\":\"2026-07-15\"}";
  CHECK(*index.Find(std::string_view(line).substr(2, 4)) == 1);
  CHECK(index.Find(std::string_view(line).substr(2, 5)) == nullptr);
}

}  // namespace
}  // namespace otklik::name_index_test
