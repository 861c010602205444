#include "render/json_to_mustache.h"

namespace otklik {

namespace {

using Data = kainjow::mustache::data;

// kainjow's push_back copies its argument deeply; appending through the list
// itself lets each converted item be moved in instead.
void Append(Data& list, Data&& item) {
  const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item));
}

}  // namespace

Data ToMustache(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      Data out{Data::type::object};
      for (const auto& [key, item] : value.items()) {
        out[key] = ToMustache(item);
        if (item.is_array() && !value.contains("has_" + key)) {
          out["has_" + key] = Data{item.empty() ? Data::type::bool_false : Data::type::bool_true};
        }
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      Data out{Data::type::list};
      for (const auto& item : value) Append(out, ToMustache(item));
      return out;
    }
    case nlohmann::json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      return text.empty() ? Data{Data::type::bool_false} : Data{text};
    }
    case nlohmann::json::value_t::boolean:
      return Data{value.get<bool>() ? Data::type::bool_true : Data::type::bool_false};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return Data{Data::type::bool_false};
    default:
      return Data{value.dump()};
  }
}

}  // namespace otklik
