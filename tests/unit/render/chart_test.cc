#include "render/chart.h"

#include <catch2/catch.hpp>

namespace otklik::chart_test {
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

TEST_CASE("TrendChart is an accessible image named by its title only, escaped") {
  // The reading of the chart is the figure's caption: a <desc> would make screen readers say it twice.
  const std::string svg = TrendChart("t", "Уровень <всего> & тренд", Points(2), kTarget);
  CHECK(svg.starts_with("<svg class=\"chart\" viewBox=\"0 0 320 220\" width=\"320\" height=\"220\" role=\"img\" "
                        "aria-labelledby=\"t-title\" xmlns=\"http://www.w3.org/2000/svg\">"
                        "<title id=\"t-title\">Уровень &lt;всего&gt; &amp; тренд</title><line"));
  CHECK(svg.find("<desc") == std::string::npos);
  CHECK(svg.ends_with("</svg>"));
  CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("TrendChart draws the target as a dashed line at its height, labelled at the right") {
  // The plot runs from y = 180 (0 %) up to y = 16 (100 %): 60 % is at 180 − 0.6 · 164 = 81.6.
  const std::string svg = TrendChart("t", "T", Points(2), kTarget);
  CHECK(svg.find("<line x1=\"46.0\" y1=\"81.6\" x2=\"308.0\" y2=\"81.6\" stroke=\"#8a4b00\" stroke-width=\"2\" "
                 "stroke-dasharray=\"6 4\"/>") != std::string::npos);
  CHECK(svg.find("<text x=\"308.0\" y=\"75.6\" text-anchor=\"end\" fill=\"#8a4b00\" font-size=\"14\">цель "
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
  const std::string svg = TrendChart("t", "T", points, kTarget);
  CHECK(Count(svg, "<polyline") == 2);
  CHECK(Count(svg, "<polygon") == 2);
  CHECK(Count(svg, "<circle") == 4);
  CHECK(Count(svg, ">н/д</text>") == 1);
  // Points 1 and 2 at x = 46 and 46 + 262/4 = 111.5, share 50 % at y = 180 − 82 = 98.
  CHECK(svg.find("<polyline points=\"46.0,98.0 111.5,98.0 \"") != std::string::npos);
  // The band: the upper bounds left to right, then the lower bounds back (60 % at y = 81.6, 40 % at y = 114.4).
  CHECK(svg.find("<polygon points=\"46.0,81.6 111.5,81.6 111.5,114.4 46.0,114.4 \"") != std::string::npos);
}

TEST_CASE("TrendChart with no shown point draws no line at all") {
  std::vector<ChartPoint> points = Points(3);
  for (ChartPoint& point : points) point = Gap(point, "н/д");
  const std::string svg = TrendChart("t", "T", points, kTarget);
  CHECK(Count(svg, "<polyline") == 0);
  CHECK(Count(svg, ">н/д</text>") == 3);
}

TEST_CASE("TrendChart labels as many periods as fit side by side, at regular steps") {
  // 25 points 10.9 units apart, labels «Q25» about 27 units wide: every 4th (0, 4, …, 24), 7 labels.
  const std::string many = TrendChart("t", "T", Points(25), kTarget);
  CHECK(Count(many, ">Q") == 7);
  CHECK(many.find(">Q1</text>") != std::string::npos);
  CHECK(many.find(">Q25</text>") != std::string::npos);
  CHECK(many.find(">Q2</text>") == std::string::npos);
  CHECK(Count(TrendChart("t", "T", Points(3), kTarget), ">Q") == 3);
  // Quarters («III кв. 2025», about 96 units) on eight points 37.4 apart: every third.
  std::vector<ChartPoint> quarters = Points(8);
  for (ChartPoint& point : quarters) point.label = "III кв. 2025";
  CHECK(Count(TrendChart("t", "T", quarters, kTarget), ">III кв. 2025<") == 3);
}

TEST_CASE("TrendChart keeps a label at the edge inside the chart") {
  std::vector<ChartPoint> points = Points(2);
  points[1] = Gap(points[1], "нет данных за период");
  // Centred at x = 308 the words (about 154 units) would run past 320: centred at 320 − 79 instead.
  CHECK(TrendChart("t", "T", points, kTarget).find("<text x=\"241.0\" y=\"98.0\" text-anchor=\"middle\"") !=
        std::string::npos);
}

TEST_CASE("BarChart draws a bar per shown item with the percent its table prints, and a note for a hidden one") {
  // The label is the table's text: a chart never rounds a share itself.
  const std::vector<ChartPoint> bars = {{"Скорость", 0.5, 0.4, 0.6, true, "50\u00A0%"},
                                        {"Документы", 0.9, 0.8, 0.95, false, "недостаточно данных"}};
  const std::string svg = BarChart("b", "T", bars, false, {});
  // The bars run from x = 2 to x = 270: 50 % is 134 wide, under the label's line.
  CHECK(svg.find("<text x=\"2.0\" y=\"18.0\" text-anchor=\"start\" fill=\"#4a5568\" font-size=\"14\">Скорость</text>"
                 "<rect x=\"2.0\" y=\"28.0\" width=\"134.0\" height=\"16\" fill=\"#1b3f73\"/>") != std::string::npos);
  CHECK(svg.find(">50\u00A0%</text>") != std::string::npos);
  CHECK(Count(svg, "<rect") == 1);
  CHECK(svg.find(">недостаточно данных</text>") != std::string::npos);
  CHECK(svg.find(">90\u00A0%<") == std::string::npos);
  CHECK(svg.find("stroke-dasharray") == std::string::npos);  // no target
  CHECK(Count(svg, "<line") == 0);                            // no whiskers
}

TEST_CASE("BarChart with intervals draws whiskers and the target line") {
  const std::string svg = BarChart("b", "T", {{"Скорость", 0.5, 0.25, 0.75, true, "50\u00A0%"}}, true, kTarget);
  // Whiskers from 25 % (x = 69) to 75 % (x = 203) at the bar's middle (y = 4 + 18 + 14).
  CHECK(svg.find("<line x1=\"69.0\" y1=\"36.0\" x2=\"203.0\" y2=\"36.0\" stroke=\"#4a5568\" stroke-width=\"2\"/>") !=
        std::string::npos);
  // The target at 60 %: x = 2 + 0.6 · 268 = 162.8, across the chart (height 4 + 18 + 28).
  CHECK(svg.find("<line x1=\"162.8\" y1=\"0.0\" x2=\"162.8\" y2=\"50.0\" stroke=\"#8a4b00\"") != std::string::npos);
  // The percent goes after the whisker, not over it.
  CHECK(svg.find("<text x=\"208.0\" y=\"41.0\" text-anchor=\"start\" fill=\"#1b3f73\" font-size=\"14\">50\u00A0%") !=
        std::string::npos);
}

TEST_CASE("BarChart wraps a long label between words over up to three lines, then shortens it") {
  const std::string svg = BarChart("b", "T", {{"Оптимальность количества необходимых документов", 0.5, 0.4, 0.6, true,
                                              "50\u00A0%"}}, false, {});
  CHECK(svg.find(">Оптимальность количества</text><text x=\"2.0\" y=\"36.0\" text-anchor=\"start\" fill=\"#4a5568\" "
                 "font-size=\"14\">необходимых документов</text><rect x=\"2.0\" y=\"46.0\"") != std::string::npos);
  const std::string word(20, 'x');
  const std::string long_svg =
      BarChart("b", "T", {{word + " " + word + " " + word + " " + word + "ё", 0.5, 0.4, 0.6, true, "50\u00A0%"}}, false, {});
  CHECK(Count(long_svg, ">" + word + "</text>") == 2);
  CHECK(long_svg.find(">" + word + "…</text>") != std::string::npos);
  // A word longer than a line is broken inside it, by whole characters.
  const std::string one = BarChart("b", "T", {{std::string(40, 'x') + "ёё", 0.5, 0.4, 0.6, true, "50\u00A0%"}}, false, {});
  CHECK(one.find(">" + std::string(26, 'x') + "</text>") != std::string::npos);
  CHECK(one.find(">" + std::string(14, 'x') + "ёё</text>") != std::string::npos);
}

}  // namespace
}  // namespace otklik::chart_test
