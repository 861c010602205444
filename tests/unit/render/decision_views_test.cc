#include "render/decision_views.h"

#include <catch2/catch.hpp>

namespace otklik::decision_views_test {
namespace {

const Messages kMessages = Messages::Defaults({});

TEST_CASE("StateLabel says a decision's state in the catalogue's words") {
  DecisionState done;
  done.kind = DecisionState::Kind::kDone;
  done.completed = Date(2026, 9, 15);
  DecisionState late;
  late.kind = DecisionState::Kind::kInProgress;
  late.overdue = true;
  DecisionState planned;
  CHECK(StateLabel(kMessages, done) == "выполнено 15\u00A0сентября 2026\u00A0г.");
  CHECK(StateLabel(kMessages, late) == "выполняется, срок прошёл");
  CHECK(StateLabel(kMessages, planned) == "запланировано");
  const Messages theme = Messages::FromTexts(
      {{"decision.state_done", "сделано {date}"}, {"decision.state_in_progress_overdue", "опаздывает"}}, {});
  CHECK(StateLabel(theme, done) == "сделано 15\u00A0сентября 2026\u00A0г.");
  CHECK(StateLabel(theme, late) == "опаздывает");
}

TEST_CASE("DecisionEvent::Text names the problem put on the map, or the measure and its new status") {
  Decision decision;
  decision.id = "queue";
  decision.title = "Долгое ожидание в очереди";
  Measure measure;
  measure.id = "e-queue";
  measure.title = "Электронная очередь";
  StatusChange started{Date(2026, 10, 1), MeasureStatus::kInProgress, "", 0};
  CHECK(DecisionEvent{Date(2026, 9, 1), &decision, nullptr, {}}.Text(kMessages) ==
        "Проблема внесена в карту: Долгое ожидание в очереди");
  CHECK(DecisionEvent{started.date, &decision, &measure, started}.Text(kMessages) ==
        "Мероприятие «Электронная очередь»: выполняется");
  const Messages theme = Messages::FromTexts(
      {{"decision.event_measure", "{status}: {measure}"}, {"decision.measure_status.in_progress", "начато"}}, {});
  CHECK(DecisionEvent{started.date, &decision, &measure, started}.Text(theme) == "начато: Электронная очередь");
}

TEST_CASE("MeasuresView labels each measure's kind and status, and its history, from the catalogue") {
  Decision decision;
  Measure measure;
  measure.id = "form";
  measure.title = "Упростить заявление";
  measure.kind = MeasureKind::kRegulation;
  measure.responsible = "Правовой отдел";
  measure.deadline = Date(2026, 12, 1);
  measure.history = {{Date(2026, 8, 1), MeasureStatus::kPlanned, "", 0},
                     {Date(2026, 9, 1), MeasureStatus::kCancelled, "Не нужно", 0}};
  decision.measures = {measure};
  const nlohmann::json view = MeasuresView(kMessages, decision, Date(2026, 10, 1));
  REQUIRE(view.size() == 1);
  CHECK(view[0]["kind"] == "Предложение об изменении регулирования");
  CHECK(view[0]["status"] == "отменено");
  CHECK(view[0]["status_id"] == "cancelled");
  REQUIRE(view[0]["history"].size() == 2);
  CHECK(view[0]["history"][0]["status"] == "запланировано");
  CHECK(view[0]["history"][1]["note"] == "Не нужно");
}

}  // namespace
}  // namespace otklik::decision_views_test
