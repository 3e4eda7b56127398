// The indicator codes of spec/monitoring.md, in the order of that page. A code
// here is the base code; breakdowns add ".<value>" (outflow_reason.verhuisd).
// Config must define a label and definition for each; logic computes each.
#pragma once

#include <string>
#include <vector>

namespace casus {

const std::vector<std::string>& indicator_base_codes();

}  // namespace casus
