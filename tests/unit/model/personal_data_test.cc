#include "model/personal_data.h"

#include <catch2/catch.hpp>

namespace otklik {
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
}  // namespace otklik
