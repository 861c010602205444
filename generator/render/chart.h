#pragma once

#include <string>
#include <vector>

namespace otklik {

/// One value of a chart: a share (0–1) with its 95 % interval, or a gap
/// («недостаточно данных») when `shown` is false.
struct ChartPoint {
  std::string label;
  double share = 0;
  double low = 0;
  double high = 0;
  bool shown = true;
};

/// Inline SVG charts, made by the generator: no script, no images, no
/// external requests. Each is a role="img" with a <title> (`title`) and a
/// <desc> (`summary`, the one-sentence reading the page also shows), and
/// pages put the same data in an HTML table beside it. `id` must be unique
/// on the page. Colours meet WCAG AA contrast on white.

/// A line of shares over periods with its interval band and the target.
std::string TrendChart(const std::string& id, const std::string& title, const std::string& summary,
                       const std::vector<ChartPoint>& points, double target);

/// Horizontal bars, one per item, with interval whiskers when `intervals`.
std::string BarChart(const std::string& id, const std::string& title, const std::string& summary,
                     const std::vector<ChartPoint>& bars, bool intervals, double target);

/// "74 %" (rounded to a whole percent, with a non-breaking space).
std::string Percent(double share);

}  // namespace otklik
