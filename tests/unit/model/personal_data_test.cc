#include "model/personal_data.h"

#include <catch2/catch.hpp>

namespace otklik::personal_data_test {
namespace {

TEST_CASE("PersonalDataIn finds e-mail addresses, phones, SNILS and full names") {
  CHECK(PersonalDataIn("ivanov@mail.ru") == "адрес электронной почты");
  CHECK(PersonalDataIn("пишите на Ivan.Petrov+1@почта.рф") == "адрес электронной почты");
  CHECK(PersonalDataIn("+7 (912) 345-67-89") == "телефон");
  CHECK(PersonalDataIn("8 912 345 67 89") == "телефон");
  CHECK(PersonalDataIn("8-800-555-35-35") == "телефон");
  CHECK(PersonalDataIn("89123456789") == "телефон");
  CHECK(PersonalDataIn("+79123456789") == "телефон");
  CHECK(PersonalDataIn("9123456789") == "телефон");
  CHECK(PersonalDataIn("тел. 345-67-89") == "телефон");
  CHECK(PersonalDataIn("(3822) 12-34-56") == "телефон");
  CHECK(PersonalDataIn("123-456-789 01") == "СНИЛС");
  CHECK(PersonalDataIn("СНИЛС 123-456-789-01") == "СНИЛС");
  CHECK(PersonalDataIn("Иванов Иван Иванович") == "ФИО");
  CHECK(PersonalDataIn("Иван Иванович Иванов") == "ФИО");
  CHECK(PersonalDataIn("заявитель Сидорова Мария Петровна, повторно") == "ФИО");
  CHECK(PersonalDataIn("ИВАНОВ ИВАН ИВАНОВИЧ") == "ФИО");
  CHECK(PersonalDataIn("Петров-Водкин Кузьма Сергеевич") == "ФИО");
  CHECK(PersonalDataIn("Мамедов Рашид Алиевич") == "ФИО");
  CHECK(PersonalDataIn("Алиев Рашид оглы") == "ФИО");
  CHECK(PersonalDataIn("Гасанова Лейла Ахмедкызы") == "ФИО");
  CHECK(PersonalDataIn("Петрова Анна Ильинична") == "ФИО");
  CHECK(PersonalDataIn("Петрова А. С.") == "ФИО");
  CHECK(PersonalDataIn("Петрова А.С.") == "ФИО");
  CHECK(PersonalDataIn("А. С. Петрова") == "ФИО");
}

TEST_CASE("PersonalDataIn leaves codes, dates, ids and plain words alone") {
  for (const char* cell : {"",
                           "0002.0007.0075.0000",
                           "0002 0007 0075 0000",
                           "2026-07-01",
                           "01.07.2026",
                           "01-07-2026",
                           "2026-07-01 2026-08-01",
                           "late-payment",
                           "in-progress",
                           "gosuslugi",
                           "mfc-2",
                           "Социальная защита населения",
                           "Министерство Социальной Защиты",
                           "Социальное обеспечение и социальное страхование",
                           "Задержка выплаты",
                           "выплата за 2026 год",
                           "123456",
                           "12345678",
                           "20261001",
                           "12-34-56",
                           "user@localhost",
                           "@mfc",
                           "МФЦ г. Тестов",
                           "Иван Иванович",
                           "т. е. без ответа"}) {
    INFO(cell);
    CHECK_FALSE(PersonalDataIn(cell));
  }
}

}  // namespace
}  // namespace otklik::personal_data_test

namespace otklik::personal_data_test {
namespace {

TEST_CASE("MaskPersonalData masks each kind where it stands and says what it masked") {
  const MaskedText phone = MaskPersonalData("Позвоните мне: +7 (912) 345-67-89, после обеда");
  CHECK(phone.text == "Позвоните мне: [телефон], после обеда");
  CHECK(phone.kinds == std::vector<std::string>{"телефон"});
  CHECK(MaskPersonalData("пишите на Ivan.Petrov+1@почта.рф.").text == "пишите на [e-mail].");
  CHECK(MaskPersonalData("мой СНИЛС 123-456-789 01 не приняли").text == "мой СНИЛС [СНИЛС] не приняли");
  CHECK(MaskPersonalData("Спасибо специалисту Петровой А. С. за помощь").text ==
        "Спасибо специалисту [ФИО] за помощь");
  CHECK(MaskPersonalData("Иванов Иван Иванович очень помог").text == "[ФИО] очень помог");
  const MaskedText all = MaskPersonalData("Сидорова Мария Петровна, a.b@mail.ru, 89123456789 и 8 800 555-35-35");
  CHECK(all.text == "[ФИО], [e-mail], [телефон] и [телефон]");
  CHECK(all.kinds == std::vector<std::string>{"адрес электронной почты", "телефон", "ФИО"});
}

TEST_CASE("MaskPersonalData leaves dates, sums of money, codes and plain opinions as they are") {
  for (const char* text : {"Ждала с 01.07.2026 до 2026-08-15, выплатили 12 500 руб.",
                           "Субсидия 3 456,78 ₽ пришла через 10 рабочих дней",
                           "код 0002.0007.0075.0000 в ответе непонятен",
                           "Больше окон приёма в районных центрах",
                           "Сократить список документов до 3 штук",
                           "Номер заявления 2026/1234 потерялся"}) {
    const MaskedText masked = MaskPersonalData(text);
    CHECK(masked.text == text);
    CHECK(masked.kinds.empty());
  }
}

}  // namespace
}  // namespace otklik::personal_data_test
