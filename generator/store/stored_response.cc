#include "store/stored_response.h"

#include <nlohmann/json.hpp>

namespace otklik {

std::string EncodeLine(const StoredResponse& stored) {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [field, values] : stored.response.answers) answers[field] = values;
  nlohmann::json line = {{"answers", std::move(answers)},
                         {"date", stored.date.ToString()},
                         {"revision", stored.response.revision},
                         {"source", stored.source},
                         {"survey", stored.response.survey}};
  if (!stored.response.language.empty()) line["lang"] = stored.response.language;
  // std::map keeps the keys sorted, so equal responses give equal bytes.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace otklik
