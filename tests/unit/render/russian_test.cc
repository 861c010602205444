#include "render/russian.h"

#include <catch2/catch.hpp>

namespace otklik::russian_test {
namespace {

const std::string kOne = "услуга";
const std::string kFew = "услуги";
const std::string kMany = "услуг";

const std::string& Plural(long n) {
  return RussianPlural(n, kOne, kFew, kMany);
}

TEST_CASE("RussianPlural picks «one» for 1, 21, 101 and other numbers ending in 1 but not 11") {
  CHECK(Plural(1) == kOne);
  CHECK(Plural(21) == kOne);
  CHECK(Plural(101) == kOne);
  CHECK(Plural(1001) == kOne);
}

TEST_CASE("RussianPlural picks «few» for numbers ending in 2, 3, 4 but not 12–14") {
  CHECK(Plural(2) == kFew);
  CHECK(Plural(3) == kFew);
  CHECK(Plural(4) == kFew);
  CHECK(Plural(22) == kFew);
  CHECK(Plural(104) == kFew);
}

TEST_CASE("RussianPlural picks «many» for 0, 5–20, 25, 111 and the teens") {
  CHECK(Plural(0) == kMany);
  CHECK(Plural(5) == kMany);
  CHECK(Plural(11) == kMany);
  CHECK(Plural(12) == kMany);
  CHECK(Plural(14) == kMany);
  CHECK(Plural(19) == kMany);
  CHECK(Plural(20) == kMany);
  CHECK(Plural(25) == kMany);
  CHECK(Plural(111) == kMany);
  CHECK(Plural(112) == kMany);
  CHECK(Plural(1000) == kMany);
}

TEST_CASE("RussianPlural treats negative numbers like their absolute value") {
  CHECK(Plural(-1) == kOne);
  CHECK(Plural(-2) == kFew);
  CHECK(Plural(-5) == kMany);
  CHECK(Plural(-11) == kMany);
  CHECK(Plural(-21) == kOne);
}

TEST_CASE("RussianPlural returns one of the forms it was given") {
  CHECK(&Plural(1) == &kOne);
  CHECK(&Plural(3) == &kFew);
  CHECK(&Plural(7) == &kMany);
}

TEST_CASE("CountWithNoun joins the number and the noun with a non-breaking space") {
  CHECK(CountWithNoun(1, "услуга", "услуги", "услуг") == "1\u00A0услуга");
  CHECK(CountWithNoun(3, "услуга", "услуги", "услуг") == "3\u00A0услуги");
  CHECK(CountWithNoun(12, "услуга", "услуги", "услуг") == "12\u00A0услуг");
  CHECK(CountWithNoun(0, "позиция", "позиции", "позиций") == "0\u00A0позиций");
  CHECK(CountWithNoun(-2, "услуга", "услуги", "услуг") == "-2\u00A0услуги");
  CHECK(CountWithNoun(21, "услуга", "услуги", "услуг") == "21\xC2\xA0услуга");
}

TEST_CASE("RussianDate writes the day, the month in the genitive and the year") {
  CHECK(RussianDate(Date(2026, 11, 22)) == "22\u00A0ноября 2026\u00A0г.");
  CHECK(RussianDate(Date(2027, 1, 1)) == "1\u00A0января 2027\u00A0г.");
}

TEST_CASE("RussianDate knows every month") {
  const char* const months[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  for (int month = 1; month <= 12; ++month) {
    CHECK(RussianDate(Date(2026, month, 15)) == "15\u00A0" + std::string(months[month - 1]) + " 2026\u00A0г.");
  }
}

// The built-in catalogue, as every site has it unless its theme says otherwise.
const Messages& Defaults() {
  static const Messages kDefaults = Messages::Defaults(AgencyWords{});
  return kDefaults;
}

TEST_CASE("ServiceKindLabel names each kind in the singular") {
  CHECK(ServiceKindLabel(Defaults(), ServiceKind::kService) == "Государственная услуга");
  CHECK(ServiceKindLabel(Defaults(), ServiceKind::kSupportMeasure) == "Мера поддержки");
  CHECK(ServiceKindLabel(Defaults(), ServiceKind::kControl) == "Контрольная (надзорная) функция");
  CHECK(ServiceKindLabel(Defaults(), ServiceKind::kAppeals) == "Рассмотрение обращений");
  CHECK(ServiceKindLabel(Defaults(), ServiceKind::kInformation) == "Доступ к информации");
}

TEST_CASE("ServiceKindHeading names each kind as a section heading") {
  CHECK(ServiceKindHeading(Defaults(), ServiceKind::kService) == "Государственные услуги");
  CHECK(ServiceKindHeading(Defaults(), ServiceKind::kSupportMeasure) == "Меры поддержки");
  CHECK(ServiceKindHeading(Defaults(), ServiceKind::kControl) == "Контроль и надзор");
  CHECK(ServiceKindHeading(Defaults(), ServiceKind::kAppeals) == "Рассмотрение обращений");
  CHECK(ServiceKindHeading(Defaults(), ServiceKind::kInformation) == "Доступ к информации");
}

TEST_CASE("TouchpointKindLabel names every touchpoint kind") {
  CHECK(TouchpointKindLabel(Defaults(), "website") == "Официальный сайт");
  CHECK(TouchpointKindLabel(Defaults(), "portal") == "Портал госуслуг");
  CHECK(TouchpointKindLabel(Defaults(), "social") == "Социальная сеть");
  CHECK(TouchpointKindLabel(Defaults(), "messenger") == "Мессенджер");
  CHECK(TouchpointKindLabel(Defaults(), "hotline") == "Телефонная линия");
  CHECK(TouchpointKindLabel(Defaults(), "app") == "Мобильное приложение");
  CHECK(TouchpointKindLabel(Defaults(), "email") == "Электронная почта");
  CHECK(TouchpointKindLabel(Defaults(), "reception") == "Личный приём");
  CHECK(TouchpointKindLabel(Defaults(), "mfc") == "МФЦ");
  CHECK(TouchpointKindLabel(Defaults(), "post") == "Почта");
  CHECK(TouchpointKindLabel(Defaults(), "outreach") == "Выездной приём");
}

TEST_CASE("TouchpointKindLabel has a label for every kind content may use") {
  for (const std::string& kind : TouchpointKindNames()) {
    INFO(kind);
    CHECK(TouchpointKindLabel(Defaults(), kind) != kind);
  }
}

TEST_CASE("TouchpointKindLabel passes an unknown kind through unchanged, and it is not a missing message") {
  const Messages messages = Messages::Defaults(AgencyWords{});
  CHECK(TouchpointKindLabel(messages, "fax") == "fax");
  CHECK(TouchpointKindLabel(messages, "") == "");
  CHECK(TouchpointKindLabel(messages, "MFC") == "MFC");
  CHECK(messages.Missing().empty());
}

TEST_CASE("ChannelLabel names both channels") {
  CHECK(ChannelLabel(Defaults(), Channel::kOnline) == "Через интернет и по телефону");
  CHECK(ChannelLabel(Defaults(), Channel::kOffline) == "Лично и по почте");
}

TEST_CASE("The labels are the catalogue's: a theme may rename a kind or a channel") {
  const Messages messages = Messages::FromTexts({{"labels.service_kind.control", "Надзор"},
                                                 {"labels.service_kind_heading.control", "Виды надзора"},
                                                 {"labels.touchpoint_kind.mfc", "Многофункциональный центр"},
                                                 {"labels.channel.offline", "Лично"}},
                                                AgencyWords{});
  CHECK(ServiceKindLabel(messages, ServiceKind::kControl) == "Надзор");
  CHECK(ServiceKindHeading(messages, ServiceKind::kControl) == "Виды надзора");
  CHECK(TouchpointKindLabel(messages, "mfc") == "Многофункциональный центр");
  CHECK(ChannelLabel(messages, Channel::kOffline) == "Лично");
  CHECK(messages.Missing().empty());
  CHECK(ChannelLabel(messages, Channel::kOnline) == "");
  CHECK(messages.Missing() == std::vector<std::string>{"labels.channel.online"});
}

}  // namespace
}  // namespace otklik::russian_test
