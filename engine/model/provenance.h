// Provenance: where a stored record came from — its line (or XML record
// line) and its import batch, whose file, partner and time the store keeps
// (Dataset::batch_files) — so every figure can be traced back. Eight bytes:
// a 100k-case dataset carries millions of them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace casus {

struct Provenance {
  std::uint32_t line = 0;     // CSV line, or XML record line
  std::int32_t batch_id = 0;  // import batch in the store; 0 = not stored yet
};

}  // namespace casus
