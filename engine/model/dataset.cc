#include "model/dataset.h"

namespace casus {

std::unordered_map<std::string, std::size_t> Dataset::index_cases() const {
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) index.emplace(cases[i].case_id, i);
  return index;
}

}  // namespace casus
