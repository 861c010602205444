#include "render/chart.h"

#include <catch2/catch.hpp>

namespace otklik {
namespace {

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

std::vector<ChartPoint> Points(size_t n) {
  std::vector<ChartPoint> points;
  for (size_t i = 0; i < n; ++i) points.push_back({"Q" + std::to_string(i + 1), 0.5, 0.4, 0.6, true, "50\u00A0%"});
  return points;
}

const ChartTarget kTarget{0.6, "цель 60\u00A0%"};

TEST_CASE("TrendChart is an accessible image named by its title and summary, escaped") {
  const std::string svg = TrendChart("t", "Уровень <всего> & тренд", "Рост \"на 5\"", Points(2), kTarget);
  CHECK(svg.starts_with("<svg class=\"chart\" viewBox=\"0 0 640 240\" width=\"640\" height=\"240\" role=\"img\" "
                        "aria-labelledby=\"t-title t-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
                        "<title id=\"t-title\">Уровень &lt;всего&gt; &amp; тренд</title>"
                        "<desc id=\"t-desc\">Рост &quot;на 5&quot;</desc>"));
  CHECK(svg.ends_with("</svg>"));
  CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("TrendChart draws the target as a dashed line at its height, labelled at the right") {
  // The plot runs from y = 204 (0 %) up to y = 14 (100 %): 60 % is at 204 − 0.6 · 190 = 90.
  const std::string svg = TrendChart("t", "T", "S", Points(2), kTarget);
  CHECK(svg.find("<line x1=\"48.0\" y1=\"90.0\" x2=\"600.0\" y2=\"90.0\" stroke=\"#8a4b00\" stroke-width=\"2\" "
                 "stroke-dasharray=\"6 4\"/>") != std::string::npos);
  CHECK(svg.find("<text x=\"600.0\" y=\"84.0\" text-anchor=\"end\" fill=\"#8a4b00\" font-size=\"12\">цель "
                 "60\u00A0%</text>") != std::string::npos);
}

// A point the page does not show, with the words that stand in its place.
ChartPoint Gap(ChartPoint point, const std::string& words) {
  point.shown = false;
  point.value = words;
  return point;
}

TEST_CASE("TrendChart draws the line and the band through shown points and breaks them at a hidden one") {
  std::vector<ChartPoint> points = Points(5);
  points[2] = Gap(points[2], "н/д");
  const std::string svg = TrendChart("t", "T", "S", points, kTarget);
  CHECK(Count(svg, "<polyline") == 2);
  CHECK(Count(svg, "<polygon") == 2);
  CHECK(Count(svg, "<circle") == 4);
  CHECK(Count(svg, ">н/д</text>") == 1);
  // Points 1 and 2 at x = 48 and 48 + 552/4 = 186, share 50 % at y = 204 − 95 = 109.
  CHECK(svg.find("<polyline points=\"48.0,109.0 186.0,109.0 \"") != std::string::npos);
  // The band: the upper bounds left to right, then the lower bounds back (60 % at y = 90, 40 % at y = 128).
  CHECK(svg.find("<polygon points=\"48.0,90.0 186.0,90.0 186.0,128.0 48.0,128.0 \"") != std::string::npos);
}

TEST_CASE("TrendChart with no shown point draws no line at all") {
  std::vector<ChartPoint> points = Points(3);
  for (ChartPoint& point : points) point = Gap(point, "н/д");
  const std::string svg = TrendChart("t", "T", "S", points, kTarget);
  CHECK(Count(svg, "<polyline") == 0);
  CHECK(Count(svg, ">н/д</text>") == 3);
}

TEST_CASE("TrendChart labels at most about ten periods under the axis") {
  // 25 points: every 3rd label (0, 3, …, 24) — 9 labels.
  const std::string many = TrendChart("t", "T", "S", Points(25), kTarget);
  CHECK(Count(many, ">Q") == 9);
  CHECK(many.find(">Q1</text>") != std::string::npos);
  CHECK(many.find(">Q25</text>") != std::string::npos);
  CHECK(many.find(">Q2</text>") == std::string::npos);
  CHECK(Count(TrendChart("t", "T", "S", Points(10), kTarget), ">Q") == 10);
}

TEST_CASE("BarChart draws a bar per shown item with the percent its table prints, and a note for a hidden one") {
  // The label is the table's text: a chart never rounds a share itself.
  const std::vector<ChartPoint> bars = {{"Скорость", 0.5, 0.4, 0.6, true, "50\u00A0%"},
                                        {"Документы", 0.9, 0.8, 0.95, false, "недостаточно данных"}};
  const std::string svg = BarChart("b", "T", "S", bars, false, {});
  // The bars run from x = 4 to x = 576: 50 % is 286 wide.
  CHECK(svg.find("<rect x=\"4.0\" y=\"26.0\" width=\"286.0\" height=\"16\" fill=\"#1b3f73\"/>") != std::string::npos);
  CHECK(svg.find(">50\u00A0%</text>") != std::string::npos);
  CHECK(Count(svg, "<rect") == 1);
  CHECK(svg.find(">недостаточно данных</text>") != std::string::npos);
  CHECK(svg.find(">90\u00A0%<") == std::string::npos);
  CHECK(svg.find("stroke-dasharray") == std::string::npos);  // no target
  CHECK(Count(svg, "<line") == 0);                            // no whiskers
}

TEST_CASE("BarChart with intervals draws whiskers and the target line") {
  const std::string svg = BarChart("b", "T", "S", {{"Скорость", 0.5, 0.25, 0.75, true, "50\u00A0%"}}, true, kTarget);
  // Whiskers from 25 % (x = 147) to 75 % (x = 433) at the bar's middle (y = 4 + 30).
  CHECK(svg.find("<line x1=\"147.0\" y1=\"34.0\" x2=\"433.0\" y2=\"34.0\" stroke=\"#4a5568\" stroke-width=\"2\"/>") !=
        std::string::npos);
  // The target at 60 %: x = 4 + 0.6 · 572 = 347.2, across the chart (height 46 + 8).
  CHECK(svg.find("<line x1=\"347.2\" y1=\"0.0\" x2=\"347.2\" y2=\"54.0\" stroke=\"#8a4b00\"") != std::string::npos);
  // The percent goes after the whisker, not over it.
  CHECK(svg.find("<text x=\"439.0\" y=\"39.0\" text-anchor=\"start\" fill=\"#1b3f73\" font-size=\"13\">50\u00A0%") !=
        std::string::npos);
}

TEST_CASE("BarChart shortens a label too long for the chart by whole characters") {
  const std::string label(100, 'x');
  const std::string svg = BarChart("b", "T", "S", {{label + "ё", 0.5, 0.4, 0.6, true, "50\u00A0%"}}, false, {});
  CHECK(svg.find(">" + std::string(89, 'x') + "…</text>") != std::string::npos);
}

}  // namespace
}  // namespace otklik
