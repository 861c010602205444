#include "render/chart.h"

#include <cmath>
#include <cstdio>

#include "core/escape.h"
#include "core/utf8.h"

namespace otklik {

namespace {

constexpr const char* kInk = "#1b3f73";     // line, bars: 10.3:1 on white
constexpr const char* kBand = "#1b3f73";    // interval band, drawn with opacity
constexpr const char* kMuted = "#4a5568";   // axes and labels: 7.5:1
constexpr const char* kGrid = "#c9d2de";
constexpr const char* kTarget = "#8a4b00";  // the target line: 6.6:1
constexpr int kWidth = 640;

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string Open(const std::string& id, const std::string& title, const std::string& summary, int height) {
  return "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
         "\" width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
         "<title id=\"" + id + "-title\">" + EscapeXml(title) + "</title><desc id=\"" + id + "-desc\">" +
         EscapeXml(summary) + "</desc>";
}

std::string Text(double x, double y, const std::string& text, const char* anchor, const char* fill, int size) {
  return "<text x=\"" + Number(x) + "\" y=\"" + Number(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill +
         "\" font-size=\"" + std::to_string(size) + "\">" + EscapeXml(text) + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, const char* stroke, const char* extra = "") {
  return "<line x1=\"" + Number(x1) + "\" y1=\"" + Number(y1) + "\" x2=\"" + Number(x2) + "\" y2=\"" + Number(y2) +
         "\" stroke=\"" + stroke + "\"" + extra + "/>";
}

// Shortens a label that would not fit, by whole characters.
std::string Fit(const std::string& text, size_t characters) {
  if (Utf8Length(text) <= characters) return text;
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < text.size() && count < characters - 1; ++count) {
    size_t length = 1;
    while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) ++length;
    out.append(text, i, length);
    i += length;
  }
  return out + "…";
}

}  // namespace

std::string TrendChart(const std::string& id, const std::string& title, const std::string& summary,
                       const std::vector<ChartPoint>& points, const ChartTarget& target) {
  const int height = 240;
  const double left = 48, right = kWidth - 40, top = 14, bottom = height - 36;
  const auto y = [&](double share) { return bottom - share * (bottom - top); };
  const double step = points.size() > 1 ? (right - left) / static_cast<double>(points.size() - 1) : 0;
  const auto x = [&](size_t i) { return points.size() > 1 ? left + step * static_cast<double>(i) : (left + right) / 2; };
  std::string svg = Open(id, title, summary, height);
  for (int percent = 0; percent <= 100; percent += 20) {
    svg += Line(left, y(percent / 100.0), right, y(percent / 100.0), kGrid);
    svg += Text(left - 6, y(percent / 100.0) + 4, std::to_string(percent) + " %", "end", kMuted, 12);
  }
  if (target.share > 0) {
    svg += Line(left, y(target.share), right, y(target.share), kTarget, " stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    svg += Text(right, y(target.share) - 6, target.label, "end", kTarget, 12);
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
  // At most about ten period labels fit under the axis; the table has them all.
  const size_t label_every = (points.size() + 9) / 10;
  for (size_t i = 0; i < points.size(); ++i) {
    if (i % label_every == 0) {
      svg += Text(x(i), height - 14, points[i].label, "middle", kMuted, 12);
    }
    if (!points[i].shown) {
      svg += Text(x(i), y(0.5), points[i].value, "middle", kMuted, 12);
      continue;
    }
    svg += "<circle cx=\"" + Number(x(i)) + "\" cy=\"" + Number(y(points[i].share)) + "\" r=\"4\" fill=\"" + kInk +
           "\"/>";
  }
  return svg + "</svg>";
}

std::string BarChart(const std::string& id, const std::string& title, const std::string& summary,
                     const std::vector<ChartPoint>& bars, bool intervals, const ChartTarget& target) {
  const int row = 46;
  const int height = static_cast<int>(bars.size()) * row + 8;
  const double left = 4, right = kWidth - 64;
  const auto x = [&](double share) { return left + share * (right - left); };
  std::string svg = Open(id, title, summary, height);
  if (target.share > 0) {
    svg += Line(x(target.share), 0, x(target.share), height, kTarget, " stroke-width=\"2\" stroke-dasharray=\"6 4\"");
  }
  for (size_t i = 0; i < bars.size(); ++i) {
    const ChartPoint& bar = bars[i];
    const double top = static_cast<double>(i) * row + 4;
    svg += Text(left, top + 14, Fit(bar.label, 90), "start", kMuted, 13);
    if (!bar.shown) {
      svg += Text(left, top + 34, bar.value, "start", kMuted, 13);
      continue;
    }
    svg += "<rect x=\"" + Number(left) + "\" y=\"" + Number(top + 22) + "\" width=\"" +
           Number(std::max(1.0, x(bar.share) - left)) + "\" height=\"16\" fill=\"" + kInk + "\"/>";
    if (intervals) {
      svg += Line(x(bar.low), top + 30, x(bar.high), top + 30, kMuted, " stroke-width=\"2\"");
      svg += Line(x(bar.low), top + 24, x(bar.low), top + 36, kMuted, " stroke-width=\"2\"");
      svg += Line(x(bar.high), top + 24, x(bar.high), top + 36, kMuted, " stroke-width=\"2\"");
    }
    svg += Text(std::max(x(bar.share), intervals ? x(bar.high) : 0.0) + 6, top + 35, bar.value, "start",
                kInk, 13);
  }
  return svg + "</svg>";
}

}  // namespace otklik
