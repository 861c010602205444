#include "render/russian.h"

#include <cmath>
#include <cstdlib>
#include <map>

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

std::string ServiceKindLabel(ServiceKind kind) {
  switch (kind) {
    case ServiceKind::kService: return "Государственная услуга";
    case ServiceKind::kSupportMeasure: return "Мера поддержки";
    case ServiceKind::kControl: return "Контрольная (надзорная) функция";
    case ServiceKind::kAppeals: return "Рассмотрение обращений";
    case ServiceKind::kInformation: return "Доступ к информации";
  }
  return "";
}

std::string ServiceKindHeading(ServiceKind kind) {
  switch (kind) {
    case ServiceKind::kService: return "Государственные услуги";
    case ServiceKind::kSupportMeasure: return "Меры поддержки";
    case ServiceKind::kControl: return "Контроль и надзор";
    case ServiceKind::kAppeals: return "Рассмотрение обращений";
    case ServiceKind::kInformation: return "Доступ к информации";
  }
  return "";
}

std::string TouchpointKindLabel(const std::string& kind) {
  static const std::map<std::string, std::string> kLabels = {
      {"website", "Официальный сайт"},   {"portal", "Портал госуслуг"},     {"social", "Социальная сеть"},
      {"messenger", "Мессенджер"},       {"hotline", "Телефонная линия"},   {"app", "Мобильное приложение"},
      {"email", "Электронная почта"},    {"reception", "Личный приём"},     {"mfc", "МФЦ"},
      {"post", "Почта"},                 {"outreach", "Выездной приём"}};
  const auto it = kLabels.find(kind);
  return it == kLabels.end() ? kind : it->second;
}

std::string ChannelLabel(Channel channel) {
  return channel == Channel::kOnline ? "Через интернет и по телефону" : "Лично и по почте";
}

}  // namespace otklik
