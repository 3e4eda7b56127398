// The Dutch citizen service number (bsn): nine digits that pass the 11-test
// (9*d1 + 8*d2 + … + 2*d8 − 1*d9 divisible by 11, and not all zero).
#pragma once

#include <string_view>

namespace casus {

bool is_valid_bsn(std::string_view text);

}  // namespace casus
