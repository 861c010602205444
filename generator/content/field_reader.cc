#include "content/field_reader.h"

#include <algorithm>
#include <charconv>

#include "core/spelling.h"

namespace otklik {

FieldReader::FieldReader(const YamlNode& map, std::string path, Diagnostics* diagnostics)
    : FieldReader(std::move(path), map.line(), diagnostics) {
  if (!map.IsMap()) return;
  flow_ = map.flow();
  for (const auto& [key_node, value] : map.entries()) {
    const std::string& key = key_node.text();
    if (fields_.count(key)) {
      Error(key_node.line(), "поле «" + key + "» указано дважды");
      continue;
    }
    fields_[key] = {&key_node, &value};
    order_.push_back(key);
  }
}

FieldReader::FieldReader(std::string path, int line, Diagnostics* diagnostics)
    : path_(std::move(path)), line_(line), diagnostics_(diagnostics) {}

int FieldReader::LineOf(const std::string& key) const {
  const auto it = fields_.find(key);
  return it == fields_.end() ? line_ : it->second.key->line();
}

void FieldReader::Error(int line, std::string message) const {
  diagnostics_->Add(path_, line, std::move(message));
}

const FieldReader::Field* FieldReader::Take(const std::string& key) {
  taken_.insert(key);
  const auto it = fields_.find(key);
  if (it == fields_.end() || it->second.value->IsNull()) return nullptr;
  return &it->second;
}

std::optional<std::string> FieldReader::Scalar(const std::string& key, const Field& field) {
  if (!field.value->IsScalar()) {
    Error(field.key->line(), "поле «" + key + "» должно быть строкой, а не списком или набором полей");
    return std::nullopt;
  }
  return field.value->text();
}

std::string FieldReader::RequiredString(const std::string& key) {
  const Field* field = Take(key);
  if (!field) {
    Error(LineOf(key), "не заполнено обязательное поле «" + key + "»");
    return "";
  }
  const std::optional<std::string> value = Scalar(key, *field);
  if (!value) return "";
  if (value->empty()) Error(field->key->line(), "поле «" + key + "» не может быть пустым");
  return *value;
}

std::string FieldReader::OptionalString(const std::string& key, const std::string& fallback) {
  const Field* field = Take(key);
  if (!field) return fallback;
  return Scalar(key, *field).value_or(fallback);
}

std::string FieldReader::OptionalUrl(const std::string& key, const std::string& fallback) {
  const Field* field = Take(key);
  if (!field) return fallback;
  std::optional<std::string> text = Scalar(key, *field);
  if (!text) return fallback;
  if (!IsWebAddress(*text)) {
    Error(LineOf(key), "поле «" + key + "» должно быть адресом в интернете, начинающимся с https:// или http://, "
                       "например https://example.ru/");
    return fallback;
  }
  return *text;
}

std::string FieldReader::OptionalEmail(const std::string& key) {
  const Field* field = Take(key);
  if (!field) return "";
  std::optional<std::string> text = Scalar(key, *field);
  if (!text) return "";
  if (!IsEmailAddress(*text)) {
    Error(LineOf(key), "поле «" + key + "» должно быть адресом электронной почты, например obr@example.ru");
    return "";
  }
  return *text;
}

std::string FieldReader::Choice(const std::string& key, const std::vector<std::string>& allowed,
                                const std::string& fallback) {
  const Field* field = Take(key);
  if (!field) {
    if (fallback.empty()) {
      Error(LineOf(key), "не заполнено обязательное поле «" + key + "» (допустимые значения: " + JoinWithCommas(allowed) + ")");
    }
    return fallback;
  }
  const std::string usable = fallback.empty() ? allowed.front() : fallback;
  const std::optional<std::string> value = Scalar(key, *field);
  if (!value) return usable;
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    Error(field->key->line(), "недопустимое значение «" + *value + "» в поле «" + key + "»" +
                                  DidYouMean(*value, allowed) + "; допустимые значения: " + JoinWithCommas(allowed));
    return usable;
  }
  return *value;
}

bool FieldReader::Bool(const std::string& key, bool fallback) {
  const Field* field = Take(key);
  if (!field) return fallback;
  const std::optional<bool> value = field->value->AsBool();
  if (!value) Error(field->key->line(), "поле «" + key + "» должно быть true или false");
  return value.value_or(fallback);
}

int FieldReader::Int(const std::string& key, int fallback, int min, int max) {
  const Field* field = Take(key);
  if (!field) return fallback;
  const std::optional<std::string> scalar = Scalar(key, *field);
  if (!scalar) return fallback;
  const std::string& text = *scalar;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    Error(field->key->line(), "поле «" + key + "» должно быть целым числом от " + std::to_string(min) + " до " +
                                  std::to_string(max) + ", а не «" + text + "»");
    return fallback;
  }
  return value;
}

std::optional<Date> FieldReader::OptionalDate(const std::string& key) {
  const Field* field = Take(key);
  if (!field) return std::nullopt;
  const std::optional<std::string> text = Scalar(key, *field);
  if (!text) return std::nullopt;
  const std::optional<Date> date = Date::Parse(*text);
  if (!date) {
    Error(field->key->line(), "поле «" + key + "» должно быть датой в виде ГГГГ-ММ-ДД, а не «" + *text + "»");
  }
  return date;
}

std::vector<Ref> FieldReader::RefList(const std::string& key) {
  const Field* field = Take(key);
  std::vector<Ref> out;
  if (!field) return out;
  if (field->value->IsScalar()) {
    out.push_back({field->value->text(), field->value->line()});
    return out;
  }
  if (!field->value->IsSequence()) {
    Error(field->key->line(), "поле «" + key + "» должно быть списком идентификаторов");
    return out;
  }
  for (const YamlNode& item : field->value->items()) {
    if (!item.IsScalar()) {
      Error(item.line(), "в списке «" + key + "» ожидается идентификатор");
      continue;
    }
    out.push_back({item.text(), item.line()});
  }
  return out;
}

FieldReader FieldReader::Map(const std::string& key) {
  const Field* field = Take(key);
  // An empty reader reports its missing fields at `key` (or at this map when `key` is absent).
  if (!field) return FieldReader(path_, LineOf(key), diagnostics_);
  if (!field->value->IsMap()) {
    Error(field->key->line(), "поле «" + key + "» должно быть набором полей «ключ: значение»");
    return FieldReader(path_, LineOf(key), diagnostics_);
  }
  return FieldReader(*field->value, path_, diagnostics_);
}

std::vector<FieldReader> FieldReader::MapList(const std::string& key) {
  const Field* field = Take(key);
  std::vector<FieldReader> out;
  if (!field) return out;
  if (!field->value->IsSequence()) {
    Error(field->key->line(), "поле «" + key + "» должно быть списком");
    return out;
  }
  for (const YamlNode& item : field->value->items()) {
    if (!item.IsMap()) {
      Error(item.line(), "каждый элемент списка «" + key + "» должен быть набором полей «ключ: значение»");
      continue;
    }
    out.emplace_back(item, path_, diagnostics_);
  }
  return out;
}

void FieldReader::Finish(const std::vector<std::string>& known) {
  const std::vector<std::string> candidates =
      known.empty() ? std::vector<std::string>(taken_.begin(), taken_.end()) : known;
  for (const std::string& key : order_) {
    if (taken_.count(key)) continue;
    const Field& field = fields_.at(key);
    if (flow_ && field.value->IsNull()) {
      // {note: один ответ, выберите из списка}: the text after the comma became a key.
      Error(field.key->line(), "«" + key + "» — не поле, а часть значения: в значении есть двоеточие или запятая: "
                                            "заключите его в кавычки");
      continue;
    }
    Error(field.key->line(), "неизвестное поле «" + key + "»" + DidYouMean(key, candidates));
  }
}

namespace {

bool HasSpaceOrControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7F;
  });
}

}  // namespace

bool IsWebAddress(std::string_view text) {
  size_t host = 0;
  if (text.starts_with("https://")) {
    host = 8;
  } else if (text.starts_with("http://")) {
    host = 7;
  } else {
    return false;
  }
  const size_t host_end = text.find_first_of("/?#", host);
  const std::string_view name = text.substr(host, host_end == std::string_view::npos ? text.npos : host_end - host);
  return !name.empty() && name.find('@') == std::string_view::npos && !HasSpaceOrControl(text) &&
         text.find_first_of("\"<>\\`") == std::string_view::npos;
}

bool IsEmailAddress(std::string_view text) {
  const size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != 0 && dot != std::string_view::npos && dot + 1 < domain.size() && !HasSpaceOrControl(text) &&
         text.find_first_of(":/?#\"'<>\\`") == std::string_view::npos;
}

}  // namespace otklik
