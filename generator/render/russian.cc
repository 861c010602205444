#include "render/russian.h"

#include <map>

namespace otklik {

std::string RussianDate(const Date& date) {
  static const char* const kMonths[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                        "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  return std::to_string(date.day()) + "\u00A0" + kMonths[date.month() - 1] + " " + std::to_string(date.year()) +
         "\u00A0г.";
}

std::string ServiceKindLabel(ServiceKind kind) {
  switch (kind) {
    case ServiceKind::kService: return "Государственная услуга";
    case ServiceKind::kSupportMeasure: return "Мера социальной поддержки";
    case ServiceKind::kControl: return "Контрольная (надзорная) функция";
    case ServiceKind::kAppeals: return "Рассмотрение обращений";
    case ServiceKind::kInformation: return "Доступ к информации";
  }
  return "";
}

std::string ServiceKindHeading(ServiceKind kind) {
  switch (kind) {
    case ServiceKind::kService: return "Государственные услуги";
    case ServiceKind::kSupportMeasure: return "Меры социальной поддержки";
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
