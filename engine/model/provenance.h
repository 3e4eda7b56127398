// Provenance: where a stored record came from (file, line or record index,
// delivering partner, import batch), so every figure can be traced back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace casus {

struct Provenance {
  std::string file;
  std::size_t line = 0;       // CSV line, or XML record line
  std::string partner;        // delivering partner code
  std::int64_t batch_id = 0;  // import batch in the store; 0 = not stored yet
};

}  // namespace casus
