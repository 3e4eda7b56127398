// Provenance: where a stored record came from (file, line or record index,
// delivering partner, import batch), so every figure can be traced back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "model/interned_string.h"

namespace casus {

struct Provenance {
  InternedString file;        // shared by all records of a file
  InternedString partner;     // delivering partner code
  std::uint32_t line = 0;     // CSV line, or XML record line
  std::int32_t batch_id = 0;  // import batch in the store; 0 = not stored yet
};

}  // namespace casus
