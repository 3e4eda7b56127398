// Crypto helpers for privacy at rest: AES-256-GCM authenticated encryption of
// single field values, HMAC-SHA256 (keyed hashes for linking and change
// detection) and random keys. Wraps OpenSSL; keys are 32 raw bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace casus {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kGcmNonceBytes = 12;
inline constexpr std::size_t kGcmTagBytes = 16;

// Cryptographically random bytes (OpenSSL RAND_bytes).
Result<std::string> random_bytes(std::size_t count);

// AES-256-GCM with a fresh random 96-bit nonce per message. The sealed form
// is nonce || ciphertext || tag. `associated` is authenticated, not stored.
// One object reuses its OpenSSL context: cheap per call, not thread-safe.
class FieldCipher {
 public:
  explicit FieldCipher(std::string_view key);  // key must be kKeyBytes long
  ~FieldCipher();
  FieldCipher(const FieldCipher&) = delete;
  FieldCipher& operator=(const FieldCipher&) = delete;

  Result<std::string> seal(std::string_view plaintext, std::string_view associated = {});
  // Fails when the data was altered, the key is wrong or the input is too short.
  Result<std::string> open(std::string_view sealed, std::string_view associated = {});

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// HMAC-SHA256 with a fixed key; the ipad/opad states are computed once.
class Hmac256 {
 public:
  explicit Hmac256(std::string_view key);
  ~Hmac256();
  Hmac256(const Hmac256&) = delete;
  Hmac256& operator=(const Hmac256&) = delete;

  std::string digest(std::string_view message) const;  // 32 raw bytes
  std::string hex(std::string_view message) const;     // 64 lowercase hex digits

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One-shot HMAC-SHA256 (raw 32 bytes).
std::string hmac_sha256(std::string_view key, std::string_view message);

std::string to_hex(std::string_view bytes);

// Compares in time independent of where the inputs differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace casus
