#include "render/pseudonym.h"

namespace casus {

Pseudonymizer::Pseudonymizer(std::string_view store_key)
    : hmac_(std::make_unique<Hmac256>(hmac_sha256(store_key, "casus/pseudonym/v1"))) {}

std::string Pseudonymizer::pseudonym(std::string_view case_id) const {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford
  const std::string digest = hmac_->digest(case_id);
  std::uint64_t bits = 0;
  for (int i = 0; i < 7; ++i) bits = (bits << 8) | static_cast<unsigned char>(digest[static_cast<std::size_t>(i)]);
  bits >>= 6;  // 56 -> 50 bits
  std::string out = "C-";
  out.resize(12);
  for (int i = 11; i >= 2; --i) {
    out[static_cast<std::size_t>(i)] = kAlphabet[bits & 31];
    bits >>= 5;
  }
  return out;
}

}  // namespace casus
