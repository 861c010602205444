#include "content/field_reader.h"

#include <algorithm>
#include <charconv>

#include "core/spelling.h"

namespace otklik {

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

FieldReader::FieldReader(YAML::Node map, std::string path, int first_line, Diagnostics* diagnostics)
    : path_(std::move(path)), first_line_(first_line), diagnostics_(diagnostics) {
  line_ = LineOf(map);
  if (!map.IsMap()) return;
  for (const auto& entry : map) {
    const std::string key = entry.first.Scalar();
    if (fields_.count(key)) {
      Error(LineOf(entry.first), "поле «" + key + "» указано дважды");
      continue;
    }
    fields_[key] = {entry.first, entry.second};
    order_.push_back(key);
  }
}

int FieldReader::LineOf(const YAML::Node& node) const {
  const int line = node.Mark().line;
  return first_line_ + std::max(0, line);
}

int FieldReader::LineOf(const std::string& key) const {
  const auto it = fields_.find(key);
  return it == fields_.end() ? line_ : LineOf(it->second.key);
}

void FieldReader::Error(int line, std::string message) const {
  diagnostics_->Add(path_, line, std::move(message));
}

const FieldReader::Field* FieldReader::Take(const std::string& key) {
  taken_.insert(key);
  const auto it = fields_.find(key);
  if (it == fields_.end() || it->second.value.IsNull()) return nullptr;
  return &it->second;
}

std::optional<std::string> FieldReader::Scalar(const std::string& key, const Field& field) {
  if (!field.value.IsScalar()) {
    Error(LineOf(field.key), "поле «" + key + "» должно быть строкой, а не списком или набором полей");
    return std::nullopt;
  }
  return field.value.Scalar();
}

std::string FieldReader::RequiredString(const std::string& key) {
  const Field* field = Take(key);
  if (!field) {
    Error(line_, "не заполнено обязательное поле «" + key + "»");
    return "";
  }
  std::string value = Scalar(key, *field).value_or("");
  if (value.empty()) Error(LineOf(field->key), "поле «" + key + "» не может быть пустым");
  return value;
}

std::string FieldReader::OptionalString(const std::string& key, const std::string& fallback) {
  const Field* field = Take(key);
  if (!field) return fallback;
  return Scalar(key, *field).value_or(fallback);
}

std::string FieldReader::Choice(const std::string& key, const std::vector<std::string>& allowed,
                                const std::string& fallback) {
  const Field* field = Take(key);
  if (!field) {
    if (fallback.empty()) {
      Error(line_, "не заполнено обязательное поле «" + key + "» (допустимые значения: " + Join(allowed) + ")");
    }
    return fallback;
  }
  const std::string value = Scalar(key, *field).value_or("");
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    Error(LineOf(field->key), "недопустимое значение «" + value + "» в поле «" + key + "»" +
                                  DidYouMean(value, allowed) + "; допустимые значения: " + Join(allowed));
    return fallback.empty() ? allowed.front() : fallback;
  }
  return value;
}

bool FieldReader::Bool(const std::string& key, bool fallback) {
  const Field* field = Take(key);
  if (!field) return fallback;
  bool value = fallback;
  if (!field->value.IsScalar() || !YAML::convert<bool>::decode(field->value, value)) {
    Error(LineOf(field->key), "поле «" + key + "» должно быть true или false");
  }
  return value;
}

int FieldReader::Int(const std::string& key, int fallback, int min, int max) {
  const Field* field = Take(key);
  if (!field) return fallback;
  const std::string text = Scalar(key, *field).value_or("");
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    Error(LineOf(field->key), "поле «" + key + "» должно быть целым числом от " + std::to_string(min) + " до " +
                                  std::to_string(max) + ", а не «" + text + "»");
    return fallback;
  }
  return value;
}

std::optional<Date> FieldReader::OptionalDate(const std::string& key) {
  const Field* field = Take(key);
  if (!field) return std::nullopt;
  const std::string text = Scalar(key, *field).value_or("");
  const std::optional<Date> date = Date::Parse(text);
  if (!date) {
    Error(LineOf(field->key), "поле «" + key + "» должно быть датой в виде ГГГГ-ММ-ДД, а не «" + text + "»");
  }
  return date;
}

std::vector<Ref> FieldReader::RefList(const std::string& key) {
  const Field* field = Take(key);
  std::vector<Ref> out;
  if (!field) return out;
  if (field->value.IsScalar()) {
    out.push_back({field->value.Scalar(), LineOf(field->value)});
    return out;
  }
  if (!field->value.IsSequence()) {
    Error(LineOf(field->key), "поле «" + key + "» должно быть списком идентификаторов");
    return out;
  }
  for (const YAML::Node& item : field->value) {
    if (!item.IsScalar()) {
      Error(LineOf(item), "в списке «" + key + "» ожидается идентификатор");
      continue;
    }
    out.push_back({item.Scalar(), LineOf(item)});
  }
  return out;
}

FieldReader FieldReader::Map(const std::string& key) {
  const Field* field = Take(key);
  if (!field) return FieldReader(YAML::Node(YAML::NodeType::Map), path_, line_, diagnostics_);
  if (!field->value.IsMap()) {
    Error(LineOf(field->key), "поле «" + key + "» должно быть набором полей «ключ: значение»");
    return FieldReader(YAML::Node(YAML::NodeType::Map), path_, line_, diagnostics_);
  }
  return FieldReader(field->value, path_, first_line_, diagnostics_);
}

std::vector<FieldReader> FieldReader::MapList(const std::string& key) {
  const Field* field = Take(key);
  std::vector<FieldReader> out;
  if (!field) return out;
  if (!field->value.IsSequence()) {
    Error(LineOf(field->key), "поле «" + key + "» должно быть списком");
    return out;
  }
  for (const YAML::Node& item : field->value) {
    if (!item.IsMap()) {
      Error(LineOf(item), "каждый элемент списка «" + key + "» должен быть набором полей «ключ: значение»");
      continue;
    }
    out.emplace_back(item, path_, first_line_, diagnostics_);
  }
  return out;
}

void FieldReader::Finish(const std::vector<std::string>& known) {
  const std::vector<std::string> candidates = known.empty()
      ? std::vector<std::string>(taken_.begin(), taken_.end()) : known;
  for (const std::string& key : order_) {
    if (taken_.count(key)) continue;
    Error(LineOf(fields_.at(key).key), "неизвестное поле «" + key + "»" + DidYouMean(key, candidates));
  }
}

}  // namespace otklik
