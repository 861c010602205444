#include "render/json_to_mustache.h"

namespace otklik {

kainjow::mustache::data ToMustache(const nlohmann::json& value) {
  using kainjow::mustache::data;
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      data out{data::type::object};
      for (const auto& [key, item] : value.items()) {
        out.set(key, ToMustache(item));
        if (item.is_array() && !value.contains("has_" + key)) {
          out.set("has_" + key, data{item.empty() ? data::type::bool_false : data::type::bool_true});
        }
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      data out{data::type::list};
      for (const auto& item : value) out.push_back(ToMustache(item));
      return out;
    }
    case nlohmann::json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      return text.empty() ? data{data::type::bool_false} : data{text};
    }
    case nlohmann::json::value_t::boolean:
      return data{value.get<bool>() ? data::type::bool_true : data::type::bool_false};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return data{data::type::bool_false};
    default:
      return data{value.dump()};
  }
}

}  // namespace otklik
