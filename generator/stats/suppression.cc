#include "stats/suppression.h"

namespace otklik {

std::vector<bool> SuppressCells(const std::vector<uint64_t>& counts, uint64_t k) {
  std::vector<bool> hidden(counts.size(), false);
  size_t primary = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    hidden[i] = TooSmall(counts[i], k);
    primary += hidden[i] ? 1 : 0;
  }
  if (primary != 1) return hidden;
  size_t partner = counts.size();
  for (size_t i = 0; i < counts.size(); ++i) {
    if (hidden[i] || counts[i] == 0) continue;
    if (partner == counts.size() || counts[i] < counts[partner]) partner = i;
  }
  if (partner != counts.size()) hidden[partner] = true;
  return hidden;
}

}  // namespace otklik
