#include "cli/response_commands.h"

#include <iostream>

#include "content/csv_reader.h"
#include "core/file_system.h"
#include "core/plural.h"
#include "site/content.h"
#include "store/response_export.h"
#include "store/response_import.h"

namespace otklik::cli {

namespace {

// The survey named by --survey, or nullptr after saying it is not in the content.
const Survey* SurveyOfFlag(const Site& site, const std::string& id, const std::string& content_dir) {
  const Survey* survey = site.FindSurvey(id);
  if (!survey) std::cerr << "--survey: опроса «" << id << "» нет в " << content_dir << "/surveys\n";
  return survey;
}

}  // namespace

// Flags of `otklik import responses`.


int RunImportResponses(const ImportFlags& flags, const Days& days, bool quiet, Progress& progress) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) {
    std::cerr << diagnostics.ToString() << what << "\n";
    return kExitContentError;
  };
  const std::optional<Content> content = LoadContentOrSay(
      fs, {flags.content, days.as_of, days.today, /*site_only=*/true}, "Импорт не выполнен");
  if (!content) return kExitContentError;
  const Site* site = &content->site;
  const Survey* survey = SurveyOfFlag(*site, flags.survey, flags.content);
  if (!survey) return kExitUsage;
  if (flags.revision != 0) {
    survey = survey->Revision(flags.revision);
    if (!survey) {
      std::cerr << "--revision: у опроса «" << flags.survey << "» нет редакции " << flags.revision << "\n";
      return kExitUsage;
    }
  }
  ImportMapping mapping;
  if (!flags.mapping.empty()) {
    Result<std::string> text = fs.ReadFile(flags.mapping);
    if (!text.ok()) return fail(text.status().message());
    std::optional<ImportMapping> parsed = ParseImportMapping(flags.mapping, text.value(), *survey,
                                                                             &diagnostics);
    if (!parsed) return fail("Импорт не выполнен: исправьте файл сопоставления.");
    mapping = std::move(*parsed);
  }
  Result<std::string> bytes = fs.ReadFile(flags.file);
  if (!bytes.ok()) return fail(bytes.status().message());
  const std::optional<CsvTable> table = ParseCsv(flags.file, bytes.value(), &diagnostics);
  if (!table) return fail("Импорт не выполнен: ничего не записано.");
  ImportRequest request{survey, flags.source, flags.skip_invalid, JoinPath(flags.data, "responses"),
                                days.as_of, &progress,
                                site->FindSurvey(flags.survey)};
  ImportOutcome outcome;
  const bool imported = ImportResponses(fs, flags.file, *table, mapping, request, &outcome, &diagnostics);
  if (!imported) {
    return fail(outcome.invalid > 0 && !flags.skip_invalid
                    ? "Импорт не выполнен: строк с ошибками — " + std::to_string(outcome.invalid) + " из " +
                          std::to_string(outcome.rows) +
                          ". Ничего не записано. Исправьте их или добавьте --skip-invalid, чтобы импортировать "
                          "остальные."
                    : "Импорт не выполнен: ничего не записано.");
  }
  std::cerr << diagnostics.ToString();
  if (!quiet) std::cerr << outcome.dropped.ToString();
  if (table->converted_from_cp1251 && !quiet) std::cerr << flags.file << ": файл прочитан в кодировке Windows-1251\n";
  switch (outcome.kind) {
    case ImportOutcome::Kind::kAlreadyImported:
      std::cerr << "Эти ответы уже импортированы (" << outcome.segment << "): ничего не добавлено.\n";
      return kExitOk;
    case ImportOutcome::Kind::kNothingValid:
      std::cerr << (outcome.rows == 0 ? "В файле нет строк с ответами" : "Ни одна строка не прошла проверку")
                << ": ничего не записано.\n";
      return kExitContentError;
    case ImportOutcome::Kind::kWritten: break;
  }
  for (const std::string& earlier : outcome.replaced) {
    std::cerr << "Прежний импорт " << earlier << " входит в этот файл целиком и заменён им.\n";
  }
  for (const std::string& earlier : outcome.overlapping) {
    std::cerr << "Внимание: часть ответов совпадает с прежним импортом " << earlier
              << ". Если это те же анкеты, удалите один из файлов, иначе они посчитаются дважды.\n";
  }
  if (!quiet) {
    std::cerr << "Импортировано ответов: " << outcome.imported << " из " << outcome.rows << " "
              << RussianPlural(static_cast<long>(outcome.rows), "строки", "строк", "строк")
              << (outcome.invalid > 0 ? " (с ошибками пропущено: " + std::to_string(outcome.invalid) + ")" : "")
              << " → " << outcome.segment << "\n";
  }
  return kExitOk;
}

namespace {

// "answers.csv" → "answers.codebook.csv".
std::string CodebookPathFor(const std::string& out) {
  const std::string stem = out.ends_with(".csv") ? out.substr(0, out.size() - 4) : out;
  return stem + ".codebook.csv";
}

}  // namespace

int RunExportResponses(const ExportResponsesFlags& flags, const Days& days, bool quiet) {
  RealFileSystem fs;
  const std::optional<Content> content = LoadContentOrSay(
      fs, {flags.content, days.as_of, days.today, /*site_only=*/true}, "Выгрузка не выполнена");
  if (!content) return kExitContentError;
  const Site* site = &content->site;
  const Survey* survey = SurveyOfFlag(*site, flags.survey, flags.content);
  if (!survey) return kExitUsage;
  ExportRequest request{survey, JoinPath(flags.data, "responses"), std::nullopt, std::nullopt,
                                flags.with_text};
  if (!flags.from.empty()) request.from = Date::Parse(flags.from);
  if (!flags.to.empty()) request.to = Date::Parse(flags.to);
  if (request.from && request.to && *request.to < *request.from) {
    std::cerr << "--to: " << flags.to << " раньше --from " << flags.from << "\n";
    return kExitUsage;
  }
  Diagnostics warnings;
  const ExportedResponses exported = ExportResponses(request, &warnings);
  std::cerr << warnings.ToString();
  const std::string codebook = !flags.codebook.empty() ? flags.codebook
                               : flags.out.empty()      ? ""
                                                        : CodebookPathFor(flags.out);
  if (flags.out.empty()) {
    std::cout << exported.table;
  } else if (Status written = fs.ReplaceFile(flags.out, exported.table); !written.ok()) {
    std::cerr << written.message() << "\n";
    return kExitContentError;
  }
  if (!codebook.empty()) {
    if (Status written = fs.ReplaceFile(codebook, exported.codebook); !written.ok()) {
      std::cerr << written.message() << "\n";
      return kExitContentError;
    }
  }
  if (!quiet) {
    std::cerr << "Выгружено ответов: " << exported.rows << (flags.out.empty() ? "" : " в " + flags.out)
              << (codebook.empty() ? "" : "; описание столбцов и кодов — " + codebook) << ".\n";
    if (flags.with_text) {
      std::cerr << "Открытых ответов, в которых скрыты персональные данные: " << exported.masked << ".\n";
    }
  }
  return kExitOk;
}

}  // namespace otklik::cli
