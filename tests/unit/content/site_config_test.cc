#include "content/site_config.h"

#include <catch2/catch.hpp>

namespace otklik::site_config_test {
namespace {

const char kMinimal[] =
    "agency:\n"
    "  name: Министерство социальной защиты Тестовой области\n"
    "  region: Тестовая область\n"
    "base_url: https://otklik.example.ru\n";

// The diagnostics `text` produces; the config must be rejected.
std::string ErrorsOf(std::string_view text) {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig("content/site.yaml", text, &diagnostics);
  CHECK_FALSE(config);
  CHECK_FALSE(diagnostics.empty());
  return diagnostics.ToString();
}

TEST_CASE("ParseSiteConfig reads every field of a full site.yaml") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig("content/site.yaml",
                                                           "title: Отзывы и решения\n"
                                                           "description: Что граждане думают об услугах.\n"
                                                           "agency:\n"
                                                           "  name: Министерство социальной защиты\n"
                                                           "  short_name: Минсоц\n"
                                                           "  region: Тестовая область\n"
                                                           "  website: https://minsoc.example.ru/\n"
                                                           "base_url: https://otklik.example.ru/\n"
                                                           "receiver_url: https://api.example.ru/otklik\n"
                                                           "contacts:\n"
                                                           "  address: г. Тестов, ул. Ленина, 1\n"
                                                           "  phone: 8 (800) 000-00-00\n"
                                                           "  email: obr@example.ru\n"
                                                           "  hours: пн–пт 9:00–18:00\n"
                                                           "publication:\n"
                                                           "  min_group_size: 25\n"
                                                           "  allow_raw_html: true\n",
                                                           &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(config);
  CHECK(diagnostics.empty());
  CHECK(config->title == "Отзывы и решения");
  CHECK(config->description == "Что граждане думают об услугах.");
  CHECK(config->agency.name == "Министерство социальной защиты");
  CHECK(config->agency.short_name == "Минсоц");
  CHECK(config->agency.region == "Тестовая область");
  CHECK(config->agency.website == "https://minsoc.example.ru/");
  CHECK(config->base_url == "https://otklik.example.ru/");
  CHECK(config->receiver_url == "https://api.example.ru/otklik");
  CHECK(config->contacts.address == "г. Тестов, ул. Ленина, 1");
  CHECK(config->contacts.phone == "8 (800) 000-00-00");
  CHECK(config->contacts.email == "obr@example.ru");
  CHECK(config->contacts.hours == "пн–пт 9:00–18:00");
  CHECK(config->min_group_size == 25);
  CHECK(config->allow_raw_html);
}

TEST_CASE("ParseSiteConfig fills in defaults for everything optional") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig("content/site.yaml", kMinimal, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(config);
  CHECK(config->title == "Обратная связь");
  CHECK(config->description == "");
  CHECK(config->agency.short_name == "Министерство социальной защиты Тестовой области");
  CHECK(config->agency.website == "");
  CHECK(config->base_url == "https://otklik.example.ru/");
  CHECK(config->receiver_url == "https://otklik.example.ru");
  CHECK(config->contacts.address == "");
  CHECK(config->contacts.phone == "");
  CHECK(config->contacts.email == "");
  CHECK(config->contacts.hours == "");
  CHECK(config->min_group_size == 10);
  CHECK_FALSE(config->allow_raw_html);
}

TEST_CASE("ParseSiteConfig keeps a base_url that already ends in a slash") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig(
      "site.yaml", "agency: {name: a, region: b}\nbase_url: http://localhost:8080/otklik/\n", &diagnostics);
  REQUIRE(config);
  CHECK(config->base_url == "http://localhost:8080/otklik/");
  CHECK(config->receiver_url == "http://localhost:8080/otklik");
}

TEST_CASE("ParseSiteConfig trims every trailing slash from receiver_url") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig(
      "site.yaml", std::string(kMinimal) + "receiver_url: https://api.example.ru/otklik//\n", &diagnostics);
  REQUIRE(config);
  CHECK(config->receiver_url == "https://api.example.ru/otklik");
}

TEST_CASE("ParseSiteConfig accepts the smallest allowed group size") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config =
      ParseSiteConfig("site.yaml", std::string(kMinimal) + "publication:\n  min_group_size: 5\n", &diagnostics);
  REQUIRE(config);
  CHECK(config->min_group_size == 5);
}

TEST_CASE("ParseSiteConfig ignores diagnostics reported before it was called") {
  Diagnostics diagnostics;
  diagnostics.Add("other.md", 1, "чужая ошибка");
  const std::optional<SiteConfig> config = ParseSiteConfig("site.yaml", kMinimal, &diagnostics);
  CHECK(config);
  CHECK(diagnostics.size() == 1);
}

TEST_CASE("ParseSiteConfig requires the agency") {
  CHECK(ErrorsOf("title: x\nbase_url: https://otklik.example.ru/\n") ==
        "content/site.yaml:1: не заполнено обязательное поле «agency» (сведения о ведомстве)\n"
        "content/site.yaml:1: не заполнено обязательное поле «name»\n"
        "content/site.yaml:1: не заполнено обязательное поле «region»\n");
}

TEST_CASE("ParseSiteConfig requires the agency's name and region") {
  CHECK(ErrorsOf("title: x\nagency:\n  website: https://minsoc.example.ru/\nbase_url: https://otklik.example.ru/\n") ==
        "content/site.yaml:3: не заполнено обязательное поле «name»\n"
        "content/site.yaml:3: не заполнено обязательное поле «region»\n");
}

TEST_CASE("ParseSiteConfig requires base_url") {
  CHECK(ErrorsOf("agency:\n  name: a\n  region: b\n") ==
        "content/site.yaml:1: не заполнено обязательное поле «base_url»\n");
}

TEST_CASE("ParseSiteConfig rejects a base_url that is not an absolute address") {
  CHECK(ErrorsOf("agency:\n  name: a\n  region: b\nbase_url: otklik.example.ru\n") ==
        "content/site.yaml:4: поле «base_url» должно быть полным адресом, например https://otklik.example.ru/\n");
  CHECK(ErrorsOf("agency:\n  name: a\n  region: b\nbase_url: /otklik/\n") ==
        "content/site.yaml:4: поле «base_url» должно быть полным адресом, например https://otklik.example.ru/\n");
}

TEST_CASE("ParseSiteConfig rejects a group size below 5") {
  CHECK(ErrorsOf(std::string(kMinimal) + "publication:\n  min_group_size: 4\n") ==
        "content/site.yaml:6: поле «min_group_size» должно быть целым числом от 5 до 1000, а не «4»\n");
}

TEST_CASE("ParseSiteConfig rejects allow_raw_html that is not a boolean") {
  CHECK(ErrorsOf(std::string(kMinimal) + "publication:\n  allow_raw_html: да\n") ==
        "content/site.yaml:6: поле «allow_raw_html» должно быть true или false\n");
}

TEST_CASE("ParseSiteConfig reports unknown keys with the closest known one, at every level") {
  CHECK(ErrorsOf("titel: x\n"
                 "agency:\n"
                 "  name: a\n"
                 "  shortname: b\n"
                 "  region: c\n"
                 "base_url: https://otklik.example.ru/\n"
                 "contacts:\n"
                 "  adress: d\n"
                 "publication:\n"
                 "  min_group: 20\n"
                 "themes: dark\n") ==
        "content/site.yaml:4: неизвестное поле «shortname» (возможно, имелось в виду «short_name»?)\n"
        "content/site.yaml:8: неизвестное поле «adress» (возможно, имелось в виду «address»?)\n"
        "content/site.yaml:10: неизвестное поле «min_group»\n"
        "content/site.yaml:1: неизвестное поле «titel» (возможно, имелось в виду «title»?)\n"
        "content/site.yaml:11: неизвестное поле «themes»\n");
}

TEST_CASE("ParseSiteConfig reports every problem of a broken file in one run") {
  CHECK(ErrorsOf("agency:\n"
                 "  name: Министерство\n"
                 "base_url: otklik.example.ru\n"
                 "publication:\n"
                 "  min_group_size: 3\n"
                 "themes: dark\n") ==
        "content/site.yaml:2: не заполнено обязательное поле «region»\n"
        "content/site.yaml:3: поле «base_url» должно быть полным адресом, например https://otklik.example.ru/\n"
        "content/site.yaml:5: поле «min_group_size» должно быть целым числом от 5 до 1000, а не «3»\n"
        "content/site.yaml:6: неизвестное поле «themes»\n");
}

TEST_CASE("ParseSiteConfig reports a YAML syntax error at its line") {
  CHECK(ErrorsOf("title: x\nagency:\n  name: a\n\tregion: b\n") ==
        "content/site.yaml:4: ошибка в YAML: табуляция в отступе; используйте пробелы\n");
  CHECK(ErrorsOf("title: x\ndescription: y\nbase_url: *url\n") ==
        "content/site.yaml:3: ошибка в YAML: ссылка «*url» на неизвестную метку «&url»\n");
}

TEST_CASE("ParseSiteConfig requires a map of fields") {
  CHECK(ErrorsOf("- title\n- agency\n") == "content/site.yaml:1: ожидается набор полей «ключ: значение»\n");
}

TEST_CASE("ParseSiteConfig publishes every appeals metric unless told otherwise") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig("content/site.yaml", kMinimal, &diagnostics);
  REQUIRE(config);
  CHECK(config->public_appeal_metrics ==
        std::vector<std::string>{"channels", "topics", "reasons", "complaints", "redirected", "answer_time"});
}

TEST_CASE("ParseSiteConfig reads the public appeals metrics, once each, in the order given") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config = ParseSiteConfig(
      "content/site.yaml", std::string(kMinimal) + "publication:\n  appeals_public: [complaints, channels, complaints]\n",
      &diagnostics);
  REQUIRE(config);
  CHECK(config->public_appeal_metrics == std::vector<std::string>{"complaints", "channels"});
}

TEST_CASE("ParseSiteConfig accepts an empty list of public appeals metrics") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> config =
      ParseSiteConfig("content/site.yaml", std::string(kMinimal) + "publication:\n  appeals_public: []\n", &diagnostics);
  REQUIRE(config);
  CHECK(config->public_appeal_metrics.empty());
}

TEST_CASE("ParseSiteConfig rejects an unknown appeals metric with the closest one") {
  CHECK(ErrorsOf(std::string(kMinimal) + "publication:\n  appeals_public:\n    - channels\n    - topcs\n") ==
        "content/site.yaml:8: неизвестный показатель обращений «topcs» (возможно, имелось в виду «topics»?); "
        "допустимые: channels, topics, reasons, complaints, redirected, answer_time\n");
}

TEST_CASE("ParseSiteConfig holds surveys to seed 004 §6.2 unless survey_cadence says otherwise") {
  Diagnostics diagnostics;
  const std::optional<SiteConfig> defaults = ParseSiteConfig("content/site.yaml", kMinimal, &diagnostics);
  REQUIRE(defaults);
  CHECK(defaults->external_cadence.per_year == 2);
  CHECK(defaults->external_cadence.working_days == 10);
  CHECK(defaults->internal_cadence.per_year == 1);
  CHECK(defaults->internal_cadence.working_days == 5);
  const std::optional<SiteConfig> config = ParseSiteConfig(
      "content/site.yaml",
      std::string(kMinimal) + "survey_cadence:\n  external: {per_year: 4}\n  internal: {per_year: 0, working_days: 3}\n",
      &diagnostics);
  REQUIRE(config);
  CHECK(diagnostics.empty());
  CHECK(config->external_cadence.per_year == 4);
  CHECK(config->external_cadence.working_days == 10);
  CHECK(config->internal_cadence.per_year == 0);
  CHECK(config->internal_cadence.working_days == 3);
}

TEST_CASE("ParseSiteConfig reports a misspelt survey_cadence field and an audience it does not know") {
  CHECK(ErrorsOf(std::string(kMinimal) + "survey_cadence:\n  external:\n    per_yer: 3\n  staff:\n    per_year: 1\n") ==
        "content/site.yaml:7: неизвестное поле «per_yer» (возможно, имелось в виду «per_year»?)\n"
        "content/site.yaml:8: неизвестное поле «staff»\n");
}

TEST_CASE("ParseSiteConfig refuses addresses that are not web addresses, a script link among them") {
  CHECK(ErrorsOf("agency:\n"
                 "  name: Служба\n"
                 "  region: Тестовая область\n"
                 "  website: javascript:alert(1)\n"
                 "base_url: https://otklik.example.ru\n"
                 "receiver_url: \"javascript:fetch('//evil')\"\n"
                 "internal_receiver_url: //intranet.example.ru/\n"
                 "contacts:\n"
                 "  email: \"a@b.ru?body=x\"\n") ==
        "content/site.yaml:4: поле «website» должно быть адресом в интернете, начинающимся с https:// или http://, "
        "например https://example.ru/\n"
        "content/site.yaml:6: поле «receiver_url» должно быть адресом в интернете, начинающимся с https:// или "
        "http://, например https://example.ru/\n"
        "content/site.yaml:7: поле «internal_receiver_url» должно быть адресом в интернете, начинающимся с https:// "
        "или http://, например https://example.ru/\n"
        "content/site.yaml:9: поле «email» должно быть адресом электронной почты, например obr@example.ru\n");
  CHECK(ErrorsOf("agency:\n  name: Служба\n  region: Тестовая область\nbase_url: javascript:alert(1)//\n") ==
        "content/site.yaml:4: поле «base_url» должно быть полным адресом, например https://otklik.example.ru/\n");
}

}  // namespace
}  // namespace otklik::site_config_test
