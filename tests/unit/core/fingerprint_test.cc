#include "core/fingerprint.h"

#include <catch2/catch.hpp>

namespace otklik::fingerprint_test {
namespace {

TEST_CASE("Fingerprint is 32 hex digits and reads back from them, nothing else") {
  const Fingerprint print = FingerprintOf("страница");
  const std::string hex = print.Hex();
  CHECK(hex.size() == 32);
  CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(Fingerprint::FromHex(hex) == print);
  CHECK(Fingerprint{0x0123456789abcdefULL, 0xfedcba9876543210ULL}.Hex() == "0123456789abcdeffedcba9876543210");
  CHECK_FALSE(Fingerprint::FromHex(hex.substr(1)));
  CHECK_FALSE(Fingerprint::FromHex(hex + "0"));
  CHECK_FALSE(Fingerprint::FromHex("0123456789ABCDEF0123456789abcdef"));
  CHECK_FALSE(Fingerprint::FromHex("0123456789abcdef0123456789abcdeg"));
}

TEST_CASE("FingerprintOf tells different bytes and different seeds apart") {
  CHECK(FingerprintOf("a") == FingerprintOf("a"));
  CHECK_FALSE(FingerprintOf("a") == FingerprintOf("b"));
  CHECK_FALSE(FingerprintOf("a") == FingerprintOf("a", FingerprintOf("seed")));
  CHECK_FALSE(FingerprintOf("a", FingerprintOf("x")) == FingerprintOf("a", FingerprintOf("y")));
}

TEST_CASE("ProgramFingerprint is the same on every call and not all zero") {
  CHECK(ProgramFingerprint() == ProgramFingerprint());
  CHECK_FALSE(ProgramFingerprint() == Fingerprint{});
}

}  // namespace
}  // namespace otklik::fingerprint_test
