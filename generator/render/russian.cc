#include "render/russian.h"

#include <cmath>
#include <cstdlib>

namespace otklik {

std::string RussianDate(const Date& date) {
  static const char* const kMonths[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                        "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  return std::to_string(date.day()) + "\u00A0" + kMonths[date.month() - 1] + " " + std::to_string(date.year()) +
         "\u00A0г.";
}

namespace {

const char* const kRoman[] = {"I", "II", "III", "IV"};

}  // namespace

std::string PeriodIn(const Period& period) {
  const std::string year = std::to_string(period.year);
  switch (period.kind) {
    case Period::Kind::kQuarter:
      return std::string(period.index == 2 ? "во " : "в ") + kRoman[period.index - 1] + " квартале " + year + "\u00A0г.";
    case Period::Kind::kHalf: return "в " + std::to_string(period.index) + "-м полугодии " + year + "\u00A0г.";
    case Period::Kind::kYear: return "в " + year + " году";
  }
  return year;
}

std::string PeriodShort(const Period& period) {
  const std::string year = std::to_string(period.year);
  switch (period.kind) {
    case Period::Kind::kQuarter: return std::string(kRoman[period.index - 1]) + " кв. " + year;
    case Period::Kind::kHalf: return std::to_string(period.index) + "-е пол. " + year;
    case Period::Kind::kYear: return year;
  }
  return year;
}

std::string Decimal(double value) {
  const long tenths = std::lround(value * 10);
  return std::to_string(tenths / 10) + "," + std::to_string(std::labs(tenths % 10));
}

std::string ServiceKindLabel(const Messages& messages, ServiceKind kind) {
  return messages["labels.service_kind." + ServiceKindNames()[static_cast<size_t>(kind)]];
}

std::string ServiceKindHeading(const Messages& messages, ServiceKind kind) {
  return messages["labels.service_kind_heading." + ServiceKindNames()[static_cast<size_t>(kind)]];
}

std::string TouchpointKindLabel(const Messages& messages, const std::string& kind) {
  const std::string key = "labels.touchpoint_kind." + kind;
  return messages.Has(key) ? messages[key] : kind;
}

std::string ChannelLabel(const Messages& messages, Channel channel) {
  return messages["labels.channel." + ChannelNames()[static_cast<size_t>(channel)]];
}

}  // namespace otklik
