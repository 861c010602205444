#include "render/chart.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/escape.h"
#include "core/utf8.h"

namespace otklik {

namespace {

constexpr const char* kInk = "#1b3f73";     // line, bars: 10.3:1 on white
constexpr const char* kBand = "#1b3f73";    // interval band, drawn with opacity
constexpr const char* kMuted = "#4a5568";   // axes and labels: 7.5:1
constexpr const char* kGrid = "#c9d2de";
constexpr const char* kTarget = "#8a4b00";  // the target line: 6.6:1
// Charts are drawn 320 units wide, the width of a phone's column, and the
// stylesheet lets them grow only a little (svg.chart): text of 14 units is
// still 12.6 px on a 320 px screen, where the chart is 288 px wide.
constexpr int kWidth = 320;
constexpr int kText = 14;
constexpr double kCharWidth = 0.55 * kText;  // an average letter, for laying labels out
constexpr size_t kLineCharacters = 26;       // a bar's label wraps after this many (room for wide spacing)
constexpr size_t kLabelLines = 3;            // and is shortened past this many lines

// One decimal, rounded as printf's "%.1f" rounds (from the exact binary
// value), at a tenth of its cost: a chart has dozens of coordinates.
std::string Number(double value) {
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
  return std::string(buffer, written.ptr);
}

// The chart is named by its title only: the page shows its one-sentence
// reading in the figure's caption, which screen readers read once there.
std::string Open(const std::string& id, const std::string& title, int height) {
  return "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
         "\" width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-title\" xmlns=\"http://www.w3.org/2000/svg\">"
         "<title id=\"" + id + "-title\">" + EscapeXml(title) + "</title>";
}

std::string Text(double x, double y, const std::string& text, const char* anchor, const char* fill) {
  return "<text x=\"" + Number(x) + "\" y=\"" + Number(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill +
         "\" font-size=\"" + std::to_string(kText) + "\">" + EscapeXml(text) + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, const char* stroke, const char* extra = "") {
  return "<line x1=\"" + Number(x1) + "\" y1=\"" + Number(y1) + "\" x2=\"" + Number(x2) + "\" y2=\"" + Number(y2) +
         "\" stroke=\"" + stroke + "\"" + extra + "/>";
}

// Half the width a centred label takes, by its length.
double HalfWidth(const std::string& text) { return static_cast<double>(Utf8Length(text)) * kCharWidth / 2 + 2; }

// Where to centre a label meant for `x` so that it stays inside the chart.
double Centre(double x, const std::string& text) {
  const double half = HalfWidth(text);
  return std::clamp(x, half, kWidth - half);
}

// The first `characters` characters of `text`, by whole characters.
std::string Prefix(const std::string& text, size_t characters) {
  size_t i = 0;
  for (size_t count = 0; i < text.size() && count < characters; ++count) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

// A bar's label in lines of at most kLineCharacters, broken between words
// (a word longer than a line is broken inside); past kLabelLines the last
// line ends in «…».
std::vector<std::string> Wrap(const std::string& text) {
  std::vector<std::string> lines(1);
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    std::string word = text.substr(start, space - start);
    start = space + 1;
    while (!word.empty()) {
      const std::string joined = lines.back().empty() ? word : lines.back() + " " + word;
      if (Utf8Length(joined) <= kLineCharacters) {
        lines.back() = joined;
        word.clear();
      } else if (lines.back().empty()) {
        lines.back() = Prefix(word, kLineCharacters);
        word.erase(0, lines.back().size());
        lines.emplace_back();
      } else {
        lines.emplace_back();
      }
    }
  }
  if (lines.back().empty() && lines.size() > 1) lines.pop_back();
  if (lines.size() > kLabelLines) {
    lines.resize(kLabelLines);
    lines.back() = Prefix(lines.back(), kLineCharacters - 1) + "…";
  }
  return lines;
}

}  // namespace

std::string TrendChart(const std::string& id, const std::string& title, const std::vector<ChartPoint>& points,
                       const ChartTarget& target) {
  const int height = 220;
  const double left = 46, right = kWidth - 12, top = 16, bottom = height - 40;
  const auto y = [&](double share) { return bottom - share * (bottom - top); };
  const double step = points.size() > 1 ? (right - left) / static_cast<double>(points.size() - 1) : 0;
  const auto x = [&](size_t i) { return points.size() > 1 ? left + step * static_cast<double>(i) : (left + right) / 2; };
  std::string svg = Open(id, title, height);
  for (int percent = 0; percent <= 100; percent += 20) {
    svg += Line(left, y(percent / 100.0), right, y(percent / 100.0), kGrid);
    svg += Text(left - 5, y(percent / 100.0) + 5, std::to_string(percent) + " %", "end", kMuted);
  }
  if (target.share > 0) {
    svg += Line(left, y(target.share), right, y(target.share), kTarget, " stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    svg += Text(right, y(target.share) - 6, target.label, "end", kTarget);
  }
  // The band and the line run over consecutive shown points; a hidden one breaks them.
  for (size_t start = 0; start < points.size();) {
    if (!points[start].shown) {
      ++start;
      continue;
    }
    size_t end = start;
    while (end + 1 < points.size() && points[end + 1].shown) ++end;
    std::string band;
    std::string line;
    for (size_t i = start; i <= end; ++i) {
      band += Number(x(i)) + "," + Number(y(points[i].high)) + " ";
      line += Number(x(i)) + "," + Number(y(points[i].share)) + " ";
    }
    for (size_t i = end + 1; i-- > start;) band += Number(x(i)) + "," + Number(y(points[i].low)) + " ";
    svg += "<polygon points=\"" + band + "\" fill=\"" + kBand + "\" fill-opacity=\"0.15\"/>";
    svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + kInk + "\" stroke-width=\"3\"/>";
    start = end + 1;
  }
  // Period labels under the axis, as many as fit side by side at regular
  // steps (the table has them all); one that would touch the last is left out.
  double widest = 0;
  for (const ChartPoint& point : points) widest = std::max(widest, HalfWidth(point.label));
  const size_t label_every = step > 0 ? static_cast<size_t>(std::ceil((2 * widest + 8) / step)) : 1;
  double last_end = -1e9;
  for (size_t i = 0; i < points.size(); ++i) {
    if (i % label_every == 0) {
      const double centre = Centre(x(i), points[i].label);
      if (centre - HalfWidth(points[i].label) >= last_end + 4) {
        svg += Text(centre, height - 14, points[i].label, "middle", kMuted);
        last_end = centre + HalfWidth(points[i].label);
      }
    }
    if (!points[i].shown) {
      svg += Text(Centre(x(i), points[i].value), y(0.5), points[i].value, "middle", kMuted);
      continue;
    }
    svg += "<circle cx=\"" + Number(x(i)) + "\" cy=\"" + Number(y(points[i].share)) + "\" r=\"4\" fill=\"" + kInk +
           "\"/>";
  }
  return svg + "</svg>";
}

std::string BarChart(const std::string& id, const std::string& title, const std::vector<ChartPoint>& bars,
                     bool intervals, const ChartTarget& target) {
  const double left = 2, right = kWidth - 50, line = 18;
  const auto x = [&](double share) { return left + share * (right - left); };
  std::vector<std::vector<std::string>> labels;
  double height = 4;
  for (const ChartPoint& bar : bars) {
    labels.push_back(Wrap(bar.label));
    height += static_cast<double>(labels.back().size()) * line + 28;
  }
  std::string svg = Open(id, title, static_cast<int>(height));
  if (target.share > 0) {
    svg += Line(x(target.share), 0, x(target.share), height, kTarget, " stroke-width=\"2\" stroke-dasharray=\"6 4\"");
  }
  double top = 4;
  for (size_t i = 0; i < bars.size(); ++i) {
    const ChartPoint& bar = bars[i];
    for (const std::string& text : labels[i]) {
      top += line;
      svg += Text(left, top - 4, text, "start", kMuted);
    }
    const double middle = top + 14;  // the bar's (or the gap's words') middle
    top += 28;
    if (!bar.shown) {
      svg += Text(left, middle + 5, bar.value, "start", kMuted);
      continue;
    }
    svg += "<rect x=\"" + Number(left) + "\" y=\"" + Number(middle - 8) + "\" width=\"" +
           Number(std::max(1.0, x(bar.share) - left)) + "\" height=\"16\" fill=\"" + kInk + "\"/>";
    if (intervals) {
      svg += Line(x(bar.low), middle, x(bar.high), middle, kMuted, " stroke-width=\"2\"");
      svg += Line(x(bar.low), middle - 6, x(bar.low), middle + 6, kMuted, " stroke-width=\"2\"");
      svg += Line(x(bar.high), middle - 6, x(bar.high), middle + 6, kMuted, " stroke-width=\"2\"");
    }
    svg += Text(std::max(x(bar.share), intervals ? x(bar.high) : 0.0) + 5, middle + 5, bar.value, "start", kInk);
  }
  return svg + "</svg>";
}

}  // namespace otklik
