#include "store/decision_file.h"

#include <algorithm>
#include <cstdio>

namespace otklik {

namespace {

// Words YAML reads as null or as a flag when plain.
bool IsSpecialWord(std::string_view text) {
  static const std::string_view kWords[] = {"~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"};
  std::string lower(text);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  for (const std::string_view word : kWords) {
    if (lower == word) return true;
  }
  return false;
}

// "2025", "0002.0007", "-1.5": what YAML reads as a number when plain.
bool LooksLikeNumber(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const auto digits = std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits > 0 && std::count(text.begin(), text.end(), '.') <= 1 &&
         static_cast<size_t>(digits) + static_cast<size_t>(std::count(text.begin(), text.end(), '.')) == text.size();
}

// Whether `text` must be quoted to read back as itself; `in_flow` inside [...] or {...}.
bool NeedsQuotes(std::string_view text, bool in_flow) {
  if (text.empty() || IsSpecialWord(text) || LooksLikeNumber(text)) return true;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos) return true;
  if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return true;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return true;
  return in_flow && text.find_first_of(",[]{}:") != std::string_view::npos;
}

std::string DoubleQuoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string Scalar(std::string_view text, bool in_flow = false) {
  return NeedsQuotes(text, in_flow) ? DoubleQuoted(text) : std::string(text);
}

// "[a, b]"
std::string FlowList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + Scalar(item, true);
  return "[" + out + "]";
}

std::string EvidenceText(const Evidence& e) {
  if (e.kind == Evidence::Kind::kAppeals) {
    return "  - topic: " + Scalar(e.topic) + "\n    quarter: " + Scalar(e.period) + "\n";
  }
  if (e.kind == Evidence::Kind::kTheme) {
    return "  - theme: " + Scalar(e.theme) + "\n    survey: " + Scalar(e.survey) + "\n" +
           (e.question.empty() ? "" : "    question: " + Scalar(e.question) + "\n") + "    period: " + Scalar(e.period) +
           "\n";
  }
  std::string text = "  - survey: " + Scalar(e.survey) + "\n    question: " + Scalar(e.question) + "\n";
  if (!e.row.empty()) text += "    row: " + Scalar(e.row) + "\n";
  if (!e.answers.empty()) text += "    answers: " + FlowList(e.answers) + "\n";
  return text + "    period: " + Scalar(e.period) + "\n";
}

std::string MeasureText(const Measure& m) {
  std::string text = "  - id: " + Scalar(m.id) + "\n";
  text += "    title: " + Scalar(m.title) + "\n";
  text += "    kind: " + MeasureKindNames()[static_cast<size_t>(m.kind)] + "\n";
  text += "    responsible: " + Scalar(m.responsible) + "\n";
  text += "    deadline: " + m.deadline.ToString() + "\n";
  text += "    history:\n";
  for (const StatusChange& change : m.history) {
    text += "      - {date: " + change.date.ToString() +
            ", status: " + MeasureStatusNames()[static_cast<size_t>(change.status)];
    if (!change.note.empty()) text += ", note: " + DoubleQuoted(change.note);
    text += "}\n";
  }
  return text;
}

}  // namespace

std::string DecisionFileText(const Decision& decision) {
  const Prevalence& prevalence = decision.prevalence;
  std::string text = "---\n";
  text += "title: " + Scalar(decision.title) + "\n";
  text += "service: " + Scalar(decision.service) + "\n";
  if (!decision.situations.empty()) text += "situations: " + FlowList(decision.situations) + "\n";
  if (!decision.touchpoints.empty()) text += "touchpoints: " + FlowList(decision.touchpoints) + "\n";
  text += "identified: " + decision.identified.ToString() + "\n";
  text += "priority: " + PriorityNames()[static_cast<size_t>(decision.priority)] + "\n";
  text += "prevalence:\n  count: " + std::to_string(prevalence.count) + "\n  base: " + std::to_string(prevalence.base) +
          "\n  unit: " + PrevalenceUnitNames()[static_cast<size_t>(prevalence.unit)] + "\n";
  // No evidence (a problem taken from the template of the pain map) is said, not left out: the field is required.
  text += decision.evidence.empty() ? "evidence: []\n" : "evidence:\n";
  for (const Evidence& evidence : decision.evidence) text += EvidenceText(evidence);
  text += "measures:\n";
  for (const Measure& measure : decision.measures) text += MeasureText(measure);
  return text + "---\n" + decision.body;
}

}  // namespace otklik
