#include "stats/proportion.h"

#include <catch2/catch.hpp>

namespace otklik::proportion_test {
namespace {

// Wilson's 95 % interval for x successes of n, with z = 1.959963984540054 and
// z² = 3.841458820694125:
//   p = x / n,  d = 1 + z²/n,  c = (p + z²/(2n)) / d,  h = z·√(p(1−p)/n + z²/(4n²)) / d,
//   low = c − h (0 when x = 0),  high = c + h (1 when x = n).
// The expected values below were worked out with 30 significant digits and
// are rounded to 15; the code computes in double, hence the margin.
Approx Near(double value) { return Approx(value).epsilon(0).margin(1e-13); }

TEST_CASE("WilsonInterval of 0 of 10 starts exactly at 0") {
  // d = 1 + 3.841458820694125/10 = 1.3841458820694125
  // c = (0 + 3.841458820694125/20) / d = 0.19207294103470625 / 1.3841458820694125 = 0.138766399931445
  // h = z·√(0 + 3.841458820694125/400) / d = z·(z/20) / d = c, so high = 2c = 0.277532799862889
  const Proportion p = WilsonInterval(0, 10);
  CHECK(p.successes == 0);
  CHECK(p.n == 10);
  CHECK(p.share == 0.0);
  CHECK(p.low == 0.0);
  CHECK(p.high == Near(0.277532799862889));
}

TEST_CASE("WilsonInterval of 10 of 10 ends exactly at 1") {
  // The mirror image of 0 of 10: c = 1 − 0.138766399931445 = 0.861233600068555, h = 0.138766399931445,
  // low = 0.861233600068555 − 0.138766399931445 = 0.722467200137111 (= 1 − 0.277532799862889).
  const Proportion p = WilsonInterval(10, 10);
  CHECK(p.share == 1.0);
  CHECK(p.low == Near(0.722467200137111));
  CHECK(p.high == 1.0);
}

TEST_CASE("WilsonInterval of 7 of 10") {
  // p = 0.7, d = 1.3841458820694125
  // c = (0.7 + 0.19207294103470625) / d = 0.89207294103470625 / 1.3841458820694125 = 0.644493440027422
  // h = z·√(0.7·0.3/10 + 3.841458820694125/400) / d = z·√(0.021 + 0.0096036470517353) / d
  //   = 1.959963984540054 · 0.174938980938313 / 1.3841458820694125 = 0.247715292566277
  // low = 0.644493440027422 − 0.247715292566277 = 0.396778147461145
  // high = 0.644493440027422 + 0.247715292566277 = 0.892208732593699
  const Proportion p = WilsonInterval(7, 10);
  CHECK(p.share == Near(0.7));
  CHECK(p.low == Near(0.396778147461145));
  CHECK(p.high == Near(0.892208732593699));
}

TEST_CASE("WilsonInterval of 45 of 100") {
  // p = 0.45, d = 1 + 3.841458820694125/100 = 1.03841458820694125
  // c = (0.45 + 3.841458820694125/200) / d = 0.469207294103471 / 1.03841458820694 = 0.451849674910349
  // h = z·√(0.45·0.55/100 + 3.841458820694125/40000) / d = z·√(0.002475 + 0.0000960364705) / d
  //   = 1.959963984540054 · 0.0507053889691949 / 1.03841458820694 = 0.0957042951152294
  // low = 0.356145379795120, high = 0.547553970025579
  const Proportion p = WilsonInterval(45, 100);
  CHECK(p.share == Near(0.45));
  CHECK(p.low == Near(0.356145379795120));
  CHECK(p.high == Near(0.547553970025579));
}

TEST_CASE("WilsonInterval of 1 of 1 is wide but stays inside [0, 1]") {
  // p = 1, d = 1 + 3.841458820694125 = 4.841458820694125
  // c = (1 + 1.9207294103470625) / d = 2.9207294103470625 / 4.841458820694125 = 0.603274657188619
  // h = z·√(0 + 3.841458820694125/4) / d = z·(z/2) / d = 1.9207294103470625 / 4.841458820694125 = 0.396725342811381
  // low = 0.603274657188619 − 0.396725342811381 = 0.206549314377237; high is exactly 1.
  const Proportion p = WilsonInterval(1, 1);
  CHECK(p.share == 1.0);
  CHECK(p.low == Near(0.206549314377237));
  CHECK(p.high == 1.0);
}

TEST_CASE("WilsonInterval of 3 of 4 is not symmetric around the share") {
  // p = 0.75, d = 1 + 3.841458820694125/4 = 1.96036470517353
  // c = (0.75 + 3.841458820694125/8) / d = 1.23018235258677 / 1.96036470517353 = 0.627527290886351
  // h = z·√(0.75·0.25/4 + 3.841458820694125/64) / d = z·√(0.046875 + 0.060022794073346) / d = 0.326885448303949
  // low = 0.300641842582402, high = 0.954412739190299: 0.449 below the share, 0.204 above.
  const Proportion p = WilsonInterval(3, 4);
  CHECK(p.low == Near(0.300641842582402));
  CHECK(p.high == Near(0.954412739190299));
  CHECK(p.share - p.low > p.high - p.share);
}

TEST_CASE("WilsonInterval of an empty group is all zeros") {
  const Proportion p = WilsonInterval(0, 0);
  CHECK(p.successes == 0);
  CHECK(p.n == 0);
  CHECK(p.share == 0.0);
  CHECK(p.low == 0.0);
  CHECK(p.high == 0.0);
}

// Newcombe's hybrid score interval for after − before, from the Wilson
// intervals (l₁, u₁) of before (share p₁) and (l₂, u₂) of after (share p₂):
//   low  = (p₂ − p₁) − √((p₂ − l₂)² + (u₁ − p₁)²)
//   high = (p₂ − p₁) + √((u₂ − p₂)² + (p₁ − l₁)²)
TEST_CASE("ChangeBetween 20 of 50 and 30 of 50 is just significant") {
  // before 20/50: p₁ = 0.4, l₁ = 0.276083897302565, u₁ = 0.538185622524106
  // after 30/50:  p₂ = 0.6, l₂ = 0.461814377475894, u₂ = 0.723916102697435
  // low  = 0.2 − √(0.138185622524106² + 0.138185622524106²) = 0.2 − 0.195423981498560 = 0.00457601850143978
  // high = 0.2 + √(0.123916102697435² + 0.123916102697435²) = 0.2 + 0.175243833031129 = 0.375243833031129
  const Change c = ChangeBetween(WilsonInterval(20, 50), WilsonInterval(30, 50));
  CHECK(c.difference == Near(0.2));
  CHECK(c.low == Near(0.00457601850143978));
  CHECK(c.high == Near(0.375243833031129));
  CHECK(c.significant);
}

TEST_CASE("ChangeBetween 20 of 50 and 29 of 50 is not significant") {
  // after 29/50: p₂ = 0.58, l₂ = 0.442334417685782, u₂ = 0.706249966452880
  // low  = 0.18 − √(0.137665582314218² + 0.138185622524106²) = 0.18 − 0.195056604159632 = −0.0150566041596321
  // high = 0.18 + √(0.126249966452880² + 0.123916102697435²) = 0.18 + 0.176901821746059 = 0.356901821746059
  const Change c = ChangeBetween(WilsonInterval(20, 50), WilsonInterval(29, 50));
  CHECK(c.difference == Near(0.18));
  CHECK(c.low == Near(-0.0150566041596321));
  CHECK(c.high == Near(0.356901821746059));
  CHECK_FALSE(c.significant);
}

TEST_CASE("ChangeBetween small shares: 2 of 40 to 8 of 40 is significant, to 7 of 40 is not") {
  // before 2/40: p₁ = 0.05, l₁ = 0.0138206673861484, u₁ = 0.165038773691410
  // after 8/40:  p₂ = 0.2,  l₂ = 0.104999897254377
  // low = 0.15 − √(0.095000102745623² + 0.115038773691410²) = 0.15 − 0.149194299402163 = 0.000805700597836913
  const Change up8 = ChangeBetween(WilsonInterval(2, 40), WilsonInterval(8, 40));
  CHECK(up8.difference == Near(0.15));
  CHECK(up8.low == Near(0.000805700597836913));
  CHECK(up8.high == Near(0.301943256410188));
  CHECK(up8.significant);
  // after 7/40: p₂ = 0.175, l₂ = 0.0874541374603592
  // low = 0.125 − √(0.0875458625396408² + 0.115038773691410²) = 0.125 − 0.144562088737791 = −0.0195620887377913
  const Change up7 = ChangeBetween(WilsonInterval(2, 40), WilsonInterval(7, 40));
  CHECK(up7.difference == Near(0.125));
  CHECK(up7.low == Near(-0.0195620887377913));
  CHECK(up7.high == Near(0.273960283858683));
  CHECK_FALSE(up7.significant);
}

TEST_CASE("ChangeBetween: a fall is significant when the whole interval is below 0") {
  // before 8/10: p₁ = 0.8, l₁ = 0.490162471536642, u₁ = 0.943317848545625
  // after 3/10:  p₂ = 0.3, l₂ = 0.107791267406301, u₂ = 0.603221852538855
  // low  = −0.5 − √(0.192208732593699² + 0.143317848545625²) = −0.5 − 0.239758634040617 = −0.739758634040617
  // high = −0.5 + √(0.303221852538855² + 0.309837528463358²) = −0.5 + 0.433523685513695 = −0.0664763144863049
  const Change c = ChangeBetween(WilsonInterval(8, 10), WilsonInterval(3, 10));
  CHECK(c.difference == Near(-0.5));
  CHECK(c.low == Near(-0.739758634040617));
  CHECK(c.high == Near(-0.0664763144863049));
  CHECK(c.significant);
}

TEST_CASE("ChangeBetween equal shares: no change, a symmetric interval, not significant") {
  // 5/10 both times: l = 0.236593090512564, u = 0.763406909487436; each side √2 · 0.263406909487436
  const Change c = ChangeBetween(WilsonInterval(5, 10), WilsonInterval(5, 10));
  CHECK(c.difference == 0.0);
  CHECK(c.low == Near(-0.372513623819914));
  CHECK(c.high == Near(0.372513623819914));
  CHECK_FALSE(c.significant);
}

}  // namespace
}  // namespace otklik::proportion_test
