#include "render/figure.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/escape.h"

namespace otklik {

Shown Figure(const std::string& key, const std::string& value, const std::string& text) {
  return {"<data value=\"" + EscapeXml(value) + "\" data-key=\"" + EscapeXml(key) + "\">" + EscapeXml(text) +
              "</data>",
          text};
}

Shown Count(const std::string& key, uint64_t n) {
  const std::string text = std::to_string(n);
  return Figure(key, text, text);
}

Shown Sum(const std::string& key, uint64_t n, const std::vector<std::string>& terms) {
  if (terms.empty()) return Count(key, n);
  std::string sum;
  for (const std::string& term : terms) sum += (sum.empty() ? "" : " ") + term;
  const std::string text = std::to_string(n);
  return {"<data value=\"" + text + "\" data-key=\"" + EscapeXml(key) + "\" data-sum=\"" + EscapeXml(sum) + "\">" +
              text + "</data>",
          text};
}

Shown Share(const std::string& key, const Ratio& share, int digits) {
  return Figure(key, share.Text(), FormatPercent(share, digits));
}

std::string IntervalText(const Proportion& p) {
  return std::to_string(std::lround(p.low * 100)) + "–" + std::to_string(std::lround(p.high * 100)) + "\u00A0%";
}

Shown Interval(const std::string& key, const Proportion& p) {
  return Figure(key, Ratio{p.successes, p.n}.Text(), IntervalText(p));
}

Shown Mean(const std::string& key, const Ratio& mean) { return Figure(key, mean.Text(), FormatDecimal(mean, 1, ',')); }

Shown LevelShare(const std::string& key, const Ratio& share, const Ratio& target) {
  return Share(key + "/share", share, CompareWithTarget(share, target).digits);
}

Shown Difference(const std::string& key, const std::string& from, const std::string& to, long tenths,
                 const std::string& zero_text) {
  const std::string value = (tenths < 0 ? "-" : "") + std::to_string(std::labs(tenths) / 10) + "." +
                            std::to_string(std::labs(tenths) % 10);
  const std::string text = tenths == 0 ? zero_text : TenthsText(tenths);
  return {"<data value=\"" + value + "\" data-key=\"" + EscapeXml(key) + "\" data-from=\"" + EscapeXml(from) +
              "\" data-to=\"" + EscapeXml(to) + "\">" + EscapeXml(text) + "</data>",
          text};
}

Shown Hidden(const std::string& key, const std::string& text) {
  return {"<span data-key=\"" + EscapeXml(key) + "\" data-hidden=\"\">" + EscapeXml(text) + "</span>", text};
}

Shown Parts(const std::string& whole, const Shown& parts) {
  return {"<span data-parts=\"" + EscapeXml(whole) + "\">" + parts.html + "</span>", parts.text};
}

Shown Words(const std::string& text) { return {EscapeXml(text), text}; }

Sentence& Sentence::operator<<(const std::string& words) {
  html_ += EscapeXml(words);
  text_ += words;
  return *this;
}

Sentence& Sentence::operator<<(const Shown& figure) {
  html_ += figure.html;
  text_ += figure.text;
  return *this;
}

Sentence& Sentence::Put(std::string_view message, const std::vector<std::pair<std::string, Shown>>& figures) {
  size_t start = 0;
  for (size_t open = message.find('{'); open != std::string_view::npos; open = message.find('{', open + 1)) {
    const size_t close = message.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = message.substr(open + 1, close - open - 1);
    const auto figure = std::find_if(figures.begin(), figures.end(), [&](const auto& f) { return f.first == name; });
    if (figure == figures.end()) continue;
    *this << std::string(message.substr(start, open - start)) << figure->second;
    start = close + 1;
    open = close;
  }
  return *this << std::string(message.substr(start));
}

}  // namespace otklik
