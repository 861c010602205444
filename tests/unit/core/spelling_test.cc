#include "core/spelling.h"

#include <catch2/catch.hpp>

namespace otklik::spelling_test {
namespace {

using Words = std::vector<std::string>;

TEST_CASE("EditDistance counts insertions, deletions and substitutions") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("pension", "pension") == 0);
  CHECK(EditDistance("", "abc") == 3);
  CHECK(EditDistance("abc", "") == 3);
  CHECK(EditDistance("retirment", "retirement") == 1);
  CHECK(EditDistance("retirement", "retirment") == 1);
  CHECK(EditDistance("mfc", "mfk") == 1);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("flaw", "lawn") == 2);
}

TEST_CASE("EditDistance counts a swap of two letters as two edits") {
  CHECK(EditDistance("titel", "title") == 2);
}

TEST_CASE("EditDistance counts bytes, so one Cyrillic letter may differ by one or two") {
  // "а" is D0 B0, "б" is D0 B1, "я" is D1 8F.
  CHECK(EditDistance("а", "б") == 1);
  CHECK(EditDistance("а", "я") == 2);
  CHECK(EditDistance("мфц", "") == 6);
}

TEST_CASE("ClosestMatch finds the candidate a typo was meant to be") {
  CHECK(ClosestMatch("retirment", {"birth", "retirement", "low-income"}) == "retirement");
  CHECK(ClosestMatch("suport_measure", {"service", "support_measure"}) == "support_measure");
}

TEST_CASE("ClosestMatch accepts at most two edits for words up to eight letters") {
  // |word| / 3 is below 2 up to 8 letters, so the limit stays 2.
  CHECK(ClosestMatch("abcdef", {"abcdxy"}) == "abcdxy");
  CHECK(ClosestMatch("abcdef", {"abcxyz"}) == "");
  CHECK(ClosestMatch("abcdefgh", {"abcdefxy"}) == "abcdefxy");
  CHECK(ClosestMatch("abcdefgh", {"abcdexyz"}) == "");
  CHECK(ClosestMatch("ab", {"xy"}) == "xy");
  CHECK(ClosestMatch("ab", {"xyz"}) == "");
}

TEST_CASE("ClosestMatch accepts up to a third of the word's length for longer words") {
  // 9 letters: limit 3.
  CHECK(ClosestMatch("abcdefghi", {"abcdefxyz"}) == "abcdefxyz");
  CHECK(ClosestMatch("abcdefghi", {"abcdewxyz"}) == "");
  // 12 letters: limit 4.
  CHECK(ClosestMatch("abcdefghijkl", {"abcdefghwxyz"}) == "abcdefghwxyz");
  CHECK(ClosestMatch("abcdefghijkl", {"abcdefgvwxyz"}) == "");
}

TEST_CASE("ClosestMatch prefers the nearest candidate wherever it stands") {
  CHECK(ClosestMatch("abcdef", {"abcdxy", "abcdex"}) == "abcdex");
  CHECK(ClosestMatch("abcdef", {"abcdex", "abcdxy"}) == "abcdex");
}

TEST_CASE("ClosestMatch gives ties to the first candidate") {
  CHECK(ClosestMatch("abcd", {"abce", "abcf"}) == "abce");
  CHECK(ClosestMatch("abcd", {"abcf", "abce"}) == "abcf");
}

TEST_CASE("ClosestMatch with no candidates is empty") {
  CHECK(ClosestMatch("pension", {}) == "");
}

TEST_CASE("DidYouMean suggests the closest candidate in guillemets") {
  CHECK(DidYouMean("retirment", {"birth", "retirement"}) == " (возможно, имелось в виду «retirement»?)");
}

TEST_CASE("DidYouMean is empty when nothing is close") {
  CHECK(DidYouMean("themes", {"title", "agency", "base_url"}) == "");
  CHECK(DidYouMean("anything", {}) == "");
}

}  // namespace
}  // namespace otklik::spelling_test
