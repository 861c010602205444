#include "model/appeal.h"

#include <catch2/catch.hpp>

namespace otklik::appeal_test {
namespace {

const Date kAsOf(2026, 11, 23);
const char kHeader[] = "registered;answered;channel;kind;topic;outcome;reason\n";
const char kReasons[] =
    "- {id: late-payment, title: Задержка выплаты}\n"
    "- {id: documents, title: \"Непонятно, какие документы нужны\"}\n";
const char kClassifier[] =
    "0002.0007: Социальное обеспечение и социальное страхование\n"
    "0002.0007.0075.0000: Выплата пособий, компенсаций\n"
    "0002.0007.0076.0000: Пенсии\n";

std::vector<Touchpoint> Touchpoints() {
  std::vector<Touchpoint> touchpoints(3);
  touchpoints[0].id = "gosuslugi";
  touchpoints[1].id = "hotline";
  touchpoints[2].id = "mfc";
  return touchpoints;
}

void Put(MemoryFileSystem* fs, const std::string& name, const std::string& text) {
  REQUIRE(fs->WriteFile("content/appeals/" + name, text).ok());
}

// The reasons and the classifier above.
void PutLists(MemoryFileSystem* fs) {
  Put(fs, "reasons.yaml", kReasons);
  Put(fs, "classifier.yaml", kClassifier);
}

std::optional<Appeals> Load(const MemoryFileSystem& fs, Diagnostics* diagnostics) {
  return LoadAppeals(fs, "content", Touchpoints(), kAsOf, diagnostics);
}

// Every diagnostic for the folder, which must fail to load.
std::string ErrorsOf(const MemoryFileSystem& fs) {
  Diagnostics diagnostics;
  CHECK_FALSE(Load(fs, &diagnostics));
  return diagnostics.ToString();
}

// Every diagnostic for `rows` (the first is row 2) under the standard header in 2026-q3.csv.
std::string ErrorsOfRows(const std::string& rows) {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q3.csv", kHeader + rows);
  return ErrorsOf(fs);
}

// The quarter 2026-q3.csv with `rows`, which must load.
AppealQuarter LoadRows(const std::string& rows) {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q3.csv", kHeader + rows);
  Diagnostics diagnostics;
  std::optional<Appeals> appeals = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(appeals);
  REQUIRE(appeals->quarters.size() == 1);
  return appeals->quarters[0];
}

TEST_CASE("LoadAppeals reads quarter files in both date formats, oldest quarter first") {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q3.csv",
      std::string(kHeader) +
          "2026-07-01;2026-07-15;mfc;complaint;0002.0007.0075.0000;supported;late-payment\n"
          "14.08.2026;;hotline;appeal;0005.0005.0056.0000;in-progress;\n"
          "30.09.2026;01.10.2026;gosuslugi;request;0002.0007.0076.0000;redirected;documents\n");
  Put(&fs, "2025-q4.csv",
      "reason,outcome,topic,kind,channel,answered,registered\n"
      ",no-answer,0001.0001.0001.0000,proposal,mfc,,31.12.2025\n"
      "documents,measures,0002.0007.0075.0000,complaint,mfc,2026-01-20,2025-10-01\n"
      ",explained,0003.0008.0081.0000,appeal,hotline,2025-11-05,2025-11-05\n"
      ",refused,0004.0016.0165.0000,complaint,gosuslugi,2025-12-30,2025-12-01\n");
  Diagnostics diagnostics;
  const std::optional<Appeals> appeals = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(appeals);
  CHECK(diagnostics.empty());
  REQUIRE(appeals->quarters.size() == 2);

  const AppealQuarter& q4 = appeals->quarters[0];
  CHECK(q4.year == 2025);
  CHECK(q4.quarter == 4);
  CHECK(q4.path == "content/appeals/2025-q4.csv");
  REQUIRE(q4.records.size() == 4);
  CHECK(q4.records[0].registered == Date(2025, 12, 31));
  CHECK_FALSE(q4.records[0].answered);
  CHECK(q4.records[0].kind == AppealKind::kProposal);
  CHECK(q4.records[0].outcome == AppealOutcome::kNoAnswer);
  CHECK(q4.records[0].topic == "0001.0001.0001.0000");
  CHECK(q4.records[0].reason.empty());
  CHECK(q4.records[1].answered == Date(2026, 1, 20));
  CHECK(q4.records[1].outcome == AppealOutcome::kMeasures);
  CHECK(q4.records[1].reason == "documents");
  CHECK(q4.records[2].outcome == AppealOutcome::kExplained);
  CHECK(q4.records[3].outcome == AppealOutcome::kRefused);
  CHECK(q4.records[3].row == 5);

  const AppealQuarter& q3 = appeals->quarters[1];
  CHECK(q3.year == 2026);
  CHECK(q3.quarter == 3);
  REQUIRE(q3.records.size() == 3);
  const AppealRecord& first = q3.records[0];
  CHECK(first.registered == Date(2026, 7, 1));
  CHECK(first.answered == Date(2026, 7, 15));
  CHECK(first.channel == "mfc");
  CHECK(first.kind == AppealKind::kComplaint);
  CHECK(first.topic == "0002.0007.0075.0000");
  CHECK(first.outcome == AppealOutcome::kSupported);
  CHECK(first.reason == "late-payment");
  CHECK(first.row == 2);
  const AppealRecord& second = q3.records[1];
  CHECK(second.registered == Date(2026, 8, 14));
  CHECK_FALSE(second.answered);
  CHECK(second.channel == "hotline");
  CHECK(second.kind == AppealKind::kAppeal);
  CHECK(second.topic == "0005.0005.0056.0000");  // a subsection classifier.yaml does not list: any code
  CHECK(second.outcome == AppealOutcome::kInProgress);
  CHECK(second.reason.empty());
  CHECK(second.row == 3);
  const AppealRecord& third = q3.records[2];
  CHECK(third.registered == Date(2026, 9, 30));
  CHECK(third.answered == Date(2026, 10, 1));
  CHECK(third.kind == AppealKind::kRequest);
  CHECK(third.outcome == AppealOutcome::kRedirected);
  CHECK(third.row == 4);
}

TEST_CASE("LoadAppeals reads the reasons in file order and the classifier sorted, sections first") {
  MemoryFileSystem fs;
  PutLists(&fs);
  Diagnostics diagnostics;
  const std::optional<Appeals> appeals = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(appeals);
  CHECK(appeals->quarters.empty());
  REQUIRE(appeals->reasons.size() == 2);
  CHECK(appeals->reasons[0].id == "late-payment");
  CHECK(appeals->reasons[0].title == "Задержка выплаты");
  CHECK(appeals->reasons[1].id == "documents");
  CHECK(appeals->reasons[1].title == "Непонятно, какие документы нужны");
  std::vector<std::string> codes;
  for (const ClassifierEntry& entry : appeals->classifier) codes.push_back(entry.code);
  CHECK(codes == std::vector<std::string>{"0001", "0002", "0002.0007", "0002.0007.0075.0000", "0002.0007.0076.0000",
                                          "0003", "0004", "0005"});
  REQUIRE(appeals->TitleOf("0002"));
  CHECK(*appeals->TitleOf("0002") == "Социальная сфера");
  CHECK(*appeals->TitleOf("0005") == "Жилищно-коммунальная сфера");
  CHECK(*appeals->TitleOf("0002.0007") == "Социальное обеспечение и социальное страхование");
  CHECK(*appeals->TitleOf("0002.0007.0075.0000") == "Выплата пособий, компенсаций");
  CHECK(appeals->TitleOf("0006") == nullptr);
  CHECK(appeals->TitleOf("0002.0008") == nullptr);
}

TEST_CASE("LoadAppeals without an appeals folder has no appeals and no errors") {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("content/site.yaml", "title: x\n").ok());
  Diagnostics diagnostics;
  const std::optional<Appeals> appeals = Load(fs, &diagnostics);
  REQUIRE(appeals);
  CHECK(diagnostics.empty());
  CHECK(appeals->quarters.empty());
  CHECK(appeals->reasons.empty());
  REQUIRE(appeals->classifier.size() == 5);
  CHECK(appeals->classifier[0].code == "0001");
  CHECK(appeals->classifier[0].title == "Государство, общество, политика");
  CHECK(appeals->classifier[3].title == "Оборона, безопасность, законность");
  CHECK(appeals->classifier[4].title == "Жилищно-коммунальная сфера");
}

TEST_CASE("AppealKindNames and AppealOutcomeNames follow the enums") {
  CHECK(AppealKindNames() == std::vector<std::string>{"appeal", "complaint", "request", "proposal"});
  CHECK(AppealOutcomeNames() == std::vector<std::string>{"supported", "measures", "explained", "refused", "redirected",
                                                         "no-answer", "in-progress"});
  CHECK(AppealKindNames()[static_cast<size_t>(AppealKind::kProposal)] == "proposal");
  CHECK(AppealOutcomeNames()[static_cast<size_t>(AppealOutcome::kInProgress)] == "in-progress");
}

TEST_CASE("LoadAppeals names every file in the folder that is not a quarter or a list") {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-Q3.csv", kHeader);
  Put(&fs, "2026-q5.csv", kHeader);
  Put(&fs, "26-q3.csv", kHeader);
  Put(&fs, "2026-q3.xlsx", "");
  Put(&fs, "2026-q3.csv.bak", "");
  Put(&fs, "old/2025-q1.csv", kHeader);
  Put(&fs, "reasons.yml", kReasons);
  Put(&fs, ".~lock.2026-q3.csv#", "");  // hidden: ignored
  Put(&fs, "2026-q2.csv", kHeader);     // fine, and empty
  const std::string why =
      ": файл не будет прочитан: файлы обращений называются <ГГГГ>-q<N>.csv (например, 2026-q3.csv); кроме них в "
      "папке могут быть только reasons.yaml и classifier.yaml\n";
  CHECK(ErrorsOf(fs) == "content/appeals/2026-Q3.csv" + why + "content/appeals/2026-q3.csv.bak" + why +
                            "content/appeals/2026-q3.xlsx" + why + "content/appeals/2026-q5.csv" + why +
                            "content/appeals/26-q3.csv" + why + "content/appeals/old/2025-q1.csv" + why +
                            "content/appeals/reasons.yml" + why);
}

TEST_CASE("LoadAppeals checks the header: missing, unknown and personal-data columns") {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q3.csv",
      "\n"
      "registred;channel;kind;topic;outcome;reason;ФИО заявителя;Телефон;e-mail;comment\n"
      "2026-07-01;mfc;appeal;0002.0007.0075.0000;explained;;Иванов Иван Иванович;+7 912 345-67-89;a@b.ru;\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/2026-q3.csv:2: нет столбца «answered» (дата окончательного ответа)\n"
        "content/appeals/2026-q3.csv:2: нет столбца «registered» (дата регистрации)\n"
        "content/appeals/2026-q3.csv:2: столбец «comment» не предусмотрен; допустимые столбцы: registered, answered, "
        "channel, kind, topic, outcome, reason\n"
        "content/appeals/2026-q3.csv:2: столбец «e-mail» похож на персональные данные: удалите его перед "
        "публикацией; в файлах обращений их быть не должно\n"
        "content/appeals/2026-q3.csv:2: столбец «registred» не предусмотрен (возможно, имелось в виду "
        "«registered»?); допустимые столбцы: registered, answered, channel, kind, topic, outcome, reason\n"
        "content/appeals/2026-q3.csv:2: столбец «Телефон» похож на персональные данные: удалите его перед "
        "публикацией; в файлах обращений их быть не должно\n"
        "content/appeals/2026-q3.csv:2: столбец «ФИО заявителя» похож на персональные данные: удалите его перед "
        "публикацией; в файлах обращений их быть не должно\n");
}

TEST_CASE("LoadAppeals takes only some column names for personal data") {
  for (const std::string name :
       {"Фамилия", "Имя", "Отчество", "Заявитель", "Адрес", "Почтовый адрес", "Эл. почта", "Email", "Паспорт", "СНИЛС",
        "ИНН", "Дата рождения", "full_name", "Phone", "address", "Тел."}) {
    MemoryFileSystem fs;
    PutLists(&fs);
    Put(&fs, "2026-q1.csv", "registered;answered;channel;kind;topic;outcome;reason;" + name + "\n");
    CHECK(ErrorsOf(fs) == "content/appeals/2026-q1.csv:1: столбец «" + name +
                              "» похож на персональные данные: удалите его перед публикацией; в файлах обращений "
                              "их быть не должно\n");
  }
  for (const std::string name : {"Комментарий", "Тема", "Отдел", "count"}) {
    MemoryFileSystem fs;
    PutLists(&fs);
    Put(&fs, "2026-q1.csv", "registered;answered;channel;kind;topic;outcome;reason;" + name + "\n");
    CHECK(ErrorsOf(fs) == "content/appeals/2026-q1.csv:1: столбец «" + name +
                              "» не предусмотрен; допустимые столбцы: registered, answered, channel, kind, topic, "
                              "outcome, reason\n");
  }
}

TEST_CASE("LoadAppeals reports every empty cell that must be filled") {
  CHECK(ErrorsOfRows(";;;;;;late-payment\n") ==
        "content/appeals/2026-q3.csv:2: не заполнен столбец «channel» (точка взаимодействия, через которую "
        "поступило обращение)\n"
        "content/appeals/2026-q3.csv:2: не заполнен столбец «kind» (вид обращения: appeal, complaint, request, "
        "proposal)\n"
        "content/appeals/2026-q3.csv:2: не заполнен столбец «outcome» (результат рассмотрения: supported, measures, "
        "explained, refused, redirected, no-answer, in-progress)\n"
        "content/appeals/2026-q3.csv:2: не заполнен столбец «registered» (дата регистрации)\n"
        "content/appeals/2026-q3.csv:2: не заполнен столбец «topic» (код тематического классификатора, например "
        "0002.0007.0075.0000)\n");
}

TEST_CASE("LoadAppeals reports unknown values with the closest known one, row by row") {
  CHECK(ErrorsOfRows("2026-07-01;2026-07-02;mfc;complaint;0002.0007.0075.0000;explained;late-payment\n"
                     "2026-07-01;2026-07-02;hotlne;complaint;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;complain;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;жалоба;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explaned;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;late-paymnt\n"
                     "2026-07-01;2026-07-02;post;appeal;0002.0007.0075.0000;explained;\n") ==
        "content/appeals/2026-q3.csv:3: неизвестная точка взаимодействия «hotlne» (возможно, имелось в виду "
        "«hotline»?)\n"
        "content/appeals/2026-q3.csv:4: недопустимое значение «complain» в столбце «kind» (возможно, имелось в виду "
        "«complaint»?); допустимые значения: appeal, complaint, request, proposal\n"
        "content/appeals/2026-q3.csv:5: недопустимое значение «жалоба» в столбце «kind»; допустимые значения: "
        "appeal, complaint, request, proposal\n"
        "content/appeals/2026-q3.csv:6: недопустимое значение «explaned» в столбце «outcome» (возможно, имелось в "
        "виду «explained»?); допустимые значения: supported, measures, explained, refused, redirected, no-answer, "
        "in-progress\n"
        "content/appeals/2026-q3.csv:7: неизвестная причина «late-paymnt» (возможно, имелось в виду "
        "«late-payment»?)\n"
        "content/appeals/2026-q3.csv:8: неизвестная точка взаимодействия «post»\n");
}

TEST_CASE("LoadAppeals without reasons.yaml refuses a reason and says where reasons go") {
  MemoryFileSystem fs;
  Put(&fs, "2026-q3.csv",
      std::string(kHeader) +
          "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;"
          "late-payment\n2026-07-01;2026-07-02;mfc;appeal;0001.0001.0001.0000;"
          "explained;\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/2026-q3.csv:2: неизвестная причина «late-payment»: причины перечисляются "
        "в content/appeals/reasons.yaml, а этого файла нет\n");
}

TEST_CASE("LoadAppeals reads dates as YYYY-MM-DD or DD.MM.YYYY only") {
  CHECK(ErrorsOfRows("2026/07/01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "1.07.2026;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;31.09.2026;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;02.07.26;mfc;appeal;0002.0007.0075.0000;explained;\n") ==
        "content/appeals/2026-q3.csv:2: дата «2026/07/01» в столбце «registered» не распознана: ожидается "
        "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n"
        "content/appeals/2026-q3.csv:3: дата «1.07.2026» в столбце «registered» не распознана: ожидается "
        "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n"
        "content/appeals/2026-q3.csv:4: дата «31.09.2026» в столбце «answered» не распознана: ожидается "
        "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n"
        "content/appeals/2026-q3.csv:5: дата «02.07.26» в столбце «answered» не распознана: ожидается "
        "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n");
}

TEST_CASE("LoadAppeals keeps registration dates inside the file's quarter and before the build") {
  CHECK(ErrorsOfRows("2026-10-01;2026-10-02;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "30.06.2026;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2025-08-01;2025-08-02;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-09-30;2026-10-01;mfc;appeal;0002.0007.0075.0000;explained;\n") ==
        "content/appeals/2026-q3.csv:2: дата регистрации 01.10.2026 не входит в квартал файла (с 01.07.2026 по "
        "30.09.2026); перенесите строку в файл 2026-q4.csv\n"
        "content/appeals/2026-q3.csv:3: дата регистрации 30.06.2026 не входит в квартал файла (с 01.07.2026 по "
        "30.09.2026); перенесите строку в файл 2026-q2.csv\n"
        "content/appeals/2026-q3.csv:4: дата регистрации 01.08.2025 не входит в квартал файла (с 01.07.2026 по "
        "30.09.2026); перенесите строку в файл 2025-q3.csv\n");

  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q4.csv",
      std::string(kHeader) +
          "2026-11-23;;mfc;appeal;0002.0007.0075.0000;in-progress;\n"
          "2026-11-24;;mfc;appeal;0002.0007.0075.0000;in-progress;\n"
          "2026-12-31;;mfc;appeal;0002.0007.0075.0000;in-progress;\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/2026-q4.csv:3: дата регистрации 24.11.2026 ещё не наступила (дата сборки 23.11.2026)\n"
        "content/appeals/2026-q4.csv:4: дата регистрации 31.12.2026 ещё не наступила (дата сборки 23.11.2026)\n");
}

TEST_CASE("LoadAppeals checks the answer date against registration, the build date and the outcome") {
  CHECK(ErrorsOfRows("2026-07-05;2026-07-01;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-05;2026-11-24;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-05;;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-05;;mfc;complaint;0002.0007.0075.0000;refused;\n"
                     "2026-07-05;2026-07-06;mfc;appeal;0002.0007.0075.0000;in-progress;\n"
                     "2026-07-05;;mfc;appeal;0002.0007.0075.0000;in-progress;\n"
                     "2026-07-05;;mfc;appeal;0002.0007.0075.0000;no-answer;\n"
                     "2026-07-05;2026-07-20;mfc;appeal;0002.0007.0075.0000;no-answer;\n"
                     "2026-07-05;2026-07-05;mfc;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-05;2026-11-23;mfc;appeal;0002.0007.0075.0000;explained;\n") ==
        "content/appeals/2026-q3.csv:2: дата ответа 01.07.2026 раньше даты регистрации 05.07.2026\n"
        "content/appeals/2026-q3.csv:3: дата ответа 24.11.2026 ещё не наступила (дата сборки 23.11.2026)\n"
        "content/appeals/2026-q3.csv:4: не заполнен столбец «answered» (дата окончательного ответа): пустым он "
        "может быть только при результате in-progress или no-answer\n"
        "content/appeals/2026-q3.csv:5: не заполнен столбец «answered» (дата окончательного ответа): пустым он "
        "может быть только при результате in-progress или no-answer\n"
        "content/appeals/2026-q3.csv:6: у обращения на рассмотрении (in-progress) ещё нет окончательного ответа: "
        "уберите дату ответа или укажите результат\n");
}

TEST_CASE("LoadAppeals accepts an empty answer date while in progress or left without an answer") {
  const AppealQuarter quarter = LoadRows(
      "2026-07-05;;mfc;appeal;0002.0007.0075.0000;in-progress;\n"
      "2026-07-06;;mfc;appeal;0002.0007.0075.0000;no-answer;\n"
      "2026-07-07;2026-07-20;mfc;appeal;0002.0007.0075.0000;no-answer;\n");
  REQUIRE(quarter.records.size() == 3);
  CHECK_FALSE(quarter.records[0].answered);
  CHECK(quarter.records[0].outcome == AppealOutcome::kInProgress);
  CHECK_FALSE(quarter.records[1].answered);
  CHECK(quarter.records[1].outcome == AppealOutcome::kNoAnswer);
  CHECK(quarter.records[2].answered == Date(2026, 7, 20));
}

TEST_CASE("LoadAppeals checks topics: format, section and the agency's classifier") {
  CHECK(ErrorsOfRows("2026-07-01;2026-07-02;mfc;appeal;2.7.75.0;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0009.0001.0001.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0000.0001.0001.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0077.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0000.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0008.0080.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0076.0000;explained;\n") ==
        "content/appeals/2026-q3.csv:2: тема «2.7.75.0» не похожа на код тематического классификатора: ожидаются "
        "четыре группы по четыре цифры через точку, например 0002.0007.0075.0000\n"
        "content/appeals/2026-q3.csv:3: тема «0002.0007.0075» не похожа на код тематического классификатора: "
        "ожидаются четыре группы по четыре цифры через точку, например 0002.0007.0075.0000\n"
        "content/appeals/2026-q3.csv:4: тема «0009.0001.0001.0000»: раздела «0009» нет в тематическом "
        "классификаторе (разделы 0001–0005)\n"
        "content/appeals/2026-q3.csv:5: тема «0000.0001.0001.0000»: раздела «0000» нет в тематическом "
        "классификаторе (разделы 0001–0005)\n"
        "content/appeals/2026-q3.csv:6: темы «0002.0007.0077.0000» нет в content/appeals/classifier.yaml, где "
        "перечислены коды подраздела 0002.0007 (возможно, имелось в виду «0002.0007.0075.0000»?)\n"
        "content/appeals/2026-q3.csv:7: темы «0002.0007.0000.0000» нет в content/appeals/classifier.yaml, где "
        "перечислены коды подраздела 0002.0007 (возможно, имелось в виду «0002.0007.0075.0000»?)\n");
}

TEST_CASE("LoadAppeals without classifier.yaml accepts any code of the five sections") {
  MemoryFileSystem fs;
  Put(&fs, "reasons.yaml", kReasons);
  Put(&fs, "2026-q3.csv", std::string(kHeader) + "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0077.0000;explained;\n");
  Diagnostics diagnostics;
  const std::optional<Appeals> appeals = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(appeals);
  CHECK(appeals->quarters[0].records[0].topic == "0002.0007.0077.0000");
  CHECK(appeals->classifier.size() == 5);
}

TEST_CASE("LoadAppeals refuses personal data in any cell, without quoting it back") {
  CHECK(ErrorsOfRows("2026-07-01;2026-07-02;+7 (912) 345-67-89;appeal;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;ivanov@mail.ru;0002.0007.0075.0000;explained;\n"
                     "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;Петрова А. С.\n"
                     "2026-07-01;2026-07-02;mfc;appeal;123-456-789 01;explained;\n"
                     "Иванов Иван Иванович;2026-07-02;89123456789;appeal;0002.0007.0075.0000;explained;\n") ==
        "content/appeals/2026-q3.csv:2: в строке есть персональные данные (телефон); в файлах обращений их быть не "
        "должно\n"
        "content/appeals/2026-q3.csv:3: в строке есть персональные данные (адрес электронной почты); в файлах "
        "обращений их быть не должно\n"
        "content/appeals/2026-q3.csv:4: в строке есть персональные данные (ФИО); в файлах обращений их быть не "
        "должно\n"
        "content/appeals/2026-q3.csv:5: в строке есть персональные данные (СНИЛС); в файлах обращений их быть не "
        "должно\n"
        "content/appeals/2026-q3.csv:6: в строке есть персональные данные (ФИО, телефон); в файлах обращений их "
        "быть не должно\n");
}

TEST_CASE("LoadAppeals checks the cells of extra columns for personal data too") {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q3.csv",
      "registered;answered;channel;kind;topic;outcome;reason;note\n"
      "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;;звонить 345-67-89\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/2026-q3.csv:1: столбец «note» не предусмотрен; допустимые столбцы: registered, answered, "
        "channel, kind, topic, outcome, reason\n"
        "content/appeals/2026-q3.csv:2: в строке есть персональные данные (телефон); в файлах обращений их быть не "
        "должно\n");
}

TEST_CASE("LoadAppeals reports the first 50 row errors of a file and counts the rest") {
  std::string rows;
  for (int i = 0; i < 60; ++i) rows += "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explaind;\n";
  const std::string errors = ErrorsOfRows(rows);
  const std::string error =
      ": недопустимое значение «explaind» в столбце «outcome» (возможно, имелось в виду «explained»?); допустимые "
      "значения: supported, measures, explained, refused, redirected, no-answer, in-progress\n";
  std::string expected;
  for (int row = 2; row <= 51; ++row) expected += "content/appeals/2026-q3.csv:" + std::to_string(row) + error;
  expected += "content/appeals/2026-q3.csv:52: и ещё ошибок в этой и следующих строках: 10\n";
  CHECK(errors == expected);
}

TEST_CASE("LoadAppeals drops a quarter with errors and keeps reporting the others") {
  MemoryFileSystem fs;
  PutLists(&fs);
  Put(&fs, "2026-q2.csv", std::string(kHeader) + "2026-04-01;2026-04-02;mfc;appeal;0002.0007.0075.0000;explained;\n");
  Put(&fs, "2026-q3.csv", std::string(kHeader) + "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;nope;\n");
  Put(&fs, "2026-q1.csv", "registered;answered\n\"2026-01-01;\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/2026-q1.csv:2: кавычка, открытая в этой строке, не закрыта до конца файла\n"
        "content/appeals/2026-q3.csv:2: недопустимое значение «nope» в столбце «outcome»; допустимые значения: "
        "supported, measures, explained, refused, redirected, no-answer, in-progress\n");
}

TEST_CASE("LoadAppeals checks reasons.yaml: fields, ids and repeats") {
  MemoryFileSystem fs;
  Put(&fs, "reasons.yaml",
      "- {id: late-payment, title: Задержка выплаты}\n"
      "- {id: late-payment, title: Опять задержка}\n"
      "- {id: Documents, title: Документы}\n"
      "- {id: queue, titel: Очередь}\n"
      "- {title: Без идентификатора}\n"
      "- rude\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/reasons.yaml:2: причина «late-payment» уже указана в строке 1\n"
        "content/appeals/reasons.yaml:3: идентификатор «Documents» не годится: используйте строчные латинские "
        "буквы, цифры и дефис\n"
        "content/appeals/reasons.yaml:4: не заполнено обязательное поле «title»\n"
        "content/appeals/reasons.yaml:4: неизвестное поле «titel» (возможно, имелось в виду «title»?)\n"
        "content/appeals/reasons.yaml:5: не заполнено обязательное поле «id»\n"
        "content/appeals/reasons.yaml:6: причина должна быть набором полей «id» и «title», например «- {id: "
        "late-payment, title: Задержка выплаты}»\n");
}

TEST_CASE("LoadAppeals explains a title cut short by a comma in reasons.yaml") {
  MemoryFileSystem fs;
  Put(&fs, "reasons.yaml", "- {id: documents, title: Непонятно, какие документы нужны}\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/reasons.yaml:1: «какие документы нужны» прочитано как отдельное поле: если "
        "это продолжение названия после запятой, заключите название в кавычки\n");
}

TEST_CASE("LoadAppeals needs reasons.yaml to be a list") {
  MemoryFileSystem fs;
  Put(&fs, "reasons.yaml", "late-payment: Задержка выплаты\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/reasons.yaml:1: ожидается список причин, например «- {id: late-payment, "
        "title: Задержка выплаты}»\n");
  Put(&fs, "reasons.yaml", "- {id: late-payment, title: [x\n");
  CHECK(
      ErrorsOf(fs) ==
      "content/appeals/reasons.yaml:1: ошибка в YAML: список в квадратных скобках не закрыт: не хватает «,» или «]»\n");
}

TEST_CASE("LoadAppeals does not check reasons against a broken reasons.yaml") {
  MemoryFileSystem fs;
  Put(&fs, "reasons.yaml", "- {id: late-payment}\n");
  Put(&fs, "2026-q3.csv",
      std::string(kHeader) + "2026-07-01;2026-07-02;mfc;appeal;0002.0007.0075.0000;explained;late-payment\n");
  CHECK(ErrorsOf(fs) == "content/appeals/reasons.yaml:1: не заполнено обязательное поле «title»\n");
}

TEST_CASE("LoadAppeals checks classifier.yaml: codes, sections, titles and repeats") {
  MemoryFileSystem fs;
  Put(&fs, "classifier.yaml",
      "0002: Социальная сфера\n"
      "0002.0007: Социальное обеспечение\n"
      "0002.0007.0075: Выплаты\n"
      "2.7: Что-то\n"
      "0009.0001: Неизвестный раздел\n"
      "0002.0008:\n"
      "0002.0009: [a, b]\n"
      "0002.0007: Повтор\n"
      "0002.0007.0075.0000: Выплата пособий\n");
  CHECK(ErrorsOf(fs) ==
        "content/appeals/classifier.yaml:1: разделы классификатора встроены в Отклик: «0002» указывать не нужно; "
        "здесь перечисляются подразделы (0002.0007) и полные коды (0002.0007.0075.0000)\n"
        "content/appeals/classifier.yaml:3: «0002.0007.0075» не похоже на код тематического классификатора: "
        "ожидается подраздел вида 0002.0007 или полный код вида 0002.0007.0075.0000\n"
        "content/appeals/classifier.yaml:4: «2.7» не похоже на код тематического классификатора: ожидается "
        "подраздел вида 0002.0007 или полный код вида 0002.0007.0075.0000\n"
        "content/appeals/classifier.yaml:5: код «0009.0001»: раздела «0009» нет в тематическом классификаторе "
        "(разделы 0001–0005)\n"
        "content/appeals/classifier.yaml:6: у кода «0002.0008» нет названия\n"
        "content/appeals/classifier.yaml:7: название кода «0002.0009» должно быть строкой, а не списком или "
        "набором полей\n"
        "content/appeals/classifier.yaml:8: код «0002.0007» уже указан в строке 2\n");
  Put(&fs, "classifier.yaml", "- 0002.0007\n");
  CHECK(ErrorsOf(fs) == "content/appeals/classifier.yaml:1: ожидается набор полей «ключ: значение»\n");
}

TEST_CASE("LoadAppealsLeniently with a memo reads again only when a file, a touchpoint or the day changed") {
  MemoryFileSystem fs;
  PutLists(&fs);
  const std::string row = "2026-07-01;2026-07-15;mfc;complaint;0002.0007.0075.0000;supported;late-payment\n";
  Put(&fs, "2026-q3.csv", kHeader + row);
  Put(&fs, "notes.txt", "");  // not a quarter: a diagnostic, every time
  AppealsMemo memo;
  const auto load = [&](const std::vector<Touchpoint>& touchpoints, const Date& day) {
    Diagnostics diagnostics;
    Appeals appeals = LoadAppealsLeniently(fs, "content", touchpoints, day, &diagnostics, &memo);
    CHECK(diagnostics.ToString() ==
          "content/appeals/notes.txt: файл не будет прочитан: файлы обращений называются <ГГГГ>-q<N>.csv (например, "
          "2026-q3.csv); кроме них в папке могут быть только reasons.yaml и classifier.yaml\n");
    return appeals;
  };
  REQUIRE(load(Touchpoints(), kAsOf).quarters.size() == 1);
  // What the memo holds is what comes back while nothing changed: mark it.
  memo.appeals->quarters[0].path = "marked";
  CHECK(load(Touchpoints(), kAsOf).quarters[0].path == "marked");

  std::vector<Touchpoint> renamed = Touchpoints();
  renamed[0].id = "portal";
  CHECK(load(renamed, kAsOf).quarters[0].path == "content/appeals/2026-q3.csv");
  memo.appeals->quarters[0].path = "marked";
  CHECK(load(renamed, Date(2026, 11, 24)).quarters[0].path == "content/appeals/2026-q3.csv");
  memo.appeals->quarters[0].path = "marked";
  Put(&fs, "2026-q3.csv", kHeader + row + row);
  const Appeals edited = load(renamed, Date(2026, 11, 24));
  CHECK(edited.quarters[0].path == "content/appeals/2026-q3.csv");
  CHECK(edited.quarters[0].records.size() == 2);
}

}  // namespace
}  // namespace otklik::appeal_test
