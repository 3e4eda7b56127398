// Pseudonyms for per-case lists (audience staff): "C-" followed by ten
// Crockford base-32 characters (50 bits) of HMAC-SHA256 over the case_id,
// keyed with a sub-key derived from the store key (HMAC(store key,
// "casus/pseudonym/v1")). Stable for as long as the store key is, never
// derived from the bsn, and not computable from the case_id without the key.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace casus {

class Pseudonymizer {
 public:
  explicit Pseudonymizer(std::string_view store_key);
  std::string pseudonym(std::string_view case_id) const;

 private:
  std::unique_ptr<Hmac256> hmac_;
};

}  // namespace casus
