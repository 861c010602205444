#pragma once

#include <string>
#include <vector>

namespace otklik {

/// One value of a chart: a share (0–1) with its 95 % interval, or a gap
/// when `shown` is false. `value` is what the page prints for it: the share
/// as its table prints it (charts draw numbers, they never round them), or
/// for a gap the words that stand in its place («н/д», «недостаточно
/// данных»), never its share. Charts write no words of their own.
struct ChartPoint {
  std::string label;
  double share = 0;
  double low = 0;
  double high = 0;
  bool shown = true;
  std::string value;
};

/// Inline SVG charts, made by the generator: no script, no images, no
/// external requests. Each is a role="img" named by its <title> (`title`);
/// pages show its one-sentence reading in the figure's caption and put the
/// same data in an HTML table beside it. Drawn for a phone's width, so that
/// their text is at least 12 px there. `id` must be unique on the page.
/// Colours meet WCAG AA contrast on white.

/// The target line of a chart: where it is and its label («цель 60 %»); no
/// line when `share` is 0.
struct ChartTarget {
  double share = 0;
  std::string label;
};

/// A line of shares over periods with its interval band and the target.
std::string TrendChart(const std::string& id, const std::string& title, const std::vector<ChartPoint>& points,
                       const ChartTarget& target);

/// Horizontal bars, one per item under its label (wrapped over up to three
/// lines, then shortened), with interval whiskers when `intervals`.
std::string BarChart(const std::string& id, const std::string& title, const std::vector<ChartPoint>& bars,
                     bool intervals, const ChartTarget& target);

}  // namespace otklik
