#include "render/view_fingerprint.h"

#include <cstring>
#include <string>

namespace otklik {

namespace {

template <typename T>
void AppendRaw(std::string& out, const T& value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof value);
}

// An unambiguous encoding: a type tag, then a length before every string and
// container, so that no two different views encode to the same bytes.
void Encode(const nlohmann::json& value, std::string& out) {
  using Type = nlohmann::json::value_t;
  out += static_cast<char>(value.type());
  switch (value.type()) {
    case Type::object:
      AppendRaw(out, value.size());
      for (const auto& [key, item] : value.items()) {
        AppendRaw(out, key.size());
        out += key;
        Encode(item, out);
      }
      break;
    case Type::array:
      AppendRaw(out, value.size());
      for (const nlohmann::json& item : value) Encode(item, out);
      break;
    case Type::string: {
      const std::string& text = value.get_ref<const std::string&>();
      AppendRaw(out, text.size());
      out += text;
      break;
    }
    case Type::boolean:
      out += value.get<bool>() ? '1' : '0';
      break;
    case Type::number_integer:
      AppendRaw(out, value.get<int64_t>());
      break;
    case Type::number_unsigned:
      AppendRaw(out, value.get<uint64_t>());
      break;
    case Type::number_float:
      AppendRaw(out, value.get<double>());
      break;
    case Type::binary:
      AppendRaw(out, value.get_binary().size());
      out.append(reinterpret_cast<const char*>(value.get_binary().data()), value.get_binary().size());
      break;
    case Type::null:
    case Type::discarded:
      break;
  }
}

}  // namespace

Fingerprint ViewFingerprint(const nlohmann::json& view, const Fingerprint& seed) {
  // One buffer per thread, reused from page to page.
  thread_local std::string encoded;
  encoded.clear();
  Encode(view, encoded);
  return FingerprintOf(encoded, seed);
}

}  // namespace otklik
