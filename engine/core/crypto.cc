#include "core/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace casus {

Result<std::string> random_bytes(std::size_t count) {
  std::string out(count, '\0');
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
    return Status::error("the system's random number generator failed");
  return out;
}

// --- AES-256-GCM -----------------------------------------------------------

struct FieldCipher::State {
  std::string key;
  // Nonces: 8 random bytes per cipher object, then a 4-byte counter
  // (NIST SP 800-38D, 8.2.1 deterministic construction); re-keyed randomly
  // when the counter wraps.
  unsigned char nonce_prefix[8] = {0};
  std::uint32_t counter = 0;
  bool prefix_ready = false;
  EVP_CIPHER_CTX* encrypt = nullptr;
  EVP_CIPHER_CTX* decrypt = nullptr;
};

FieldCipher::FieldCipher(std::string_view key) : state_(std::make_unique<State>()) {
  state_->key.assign(key.data(), key.size());
  state_->encrypt = EVP_CIPHER_CTX_new();
  state_->decrypt = EVP_CIPHER_CTX_new();
  const auto* k = reinterpret_cast<const unsigned char*>(state_->key.data());
  if (key.size() == kKeyBytes) {
    EVP_EncryptInit_ex(state_->encrypt, EVP_aes_256_gcm(), nullptr, k, nullptr);
    EVP_DecryptInit_ex(state_->decrypt, EVP_aes_256_gcm(), nullptr, k, nullptr);
  }
}

FieldCipher::~FieldCipher() {
  EVP_CIPHER_CTX_free(state_->encrypt);
  EVP_CIPHER_CTX_free(state_->decrypt);
  OPENSSL_cleanse(state_->key.data(), state_->key.size());
}

Result<std::string> FieldCipher::seal(std::string_view plaintext, std::string_view associated) {
  if (state_->key.size() != kKeyBytes) return Status::error("encryption key is not 32 bytes");
  std::string out(kGcmNonceBytes + plaintext.size() + kGcmTagBytes, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (!state_->prefix_ready || state_->counter == 0xFFFFFFFFu) {
    if (RAND_bytes(state_->nonce_prefix, sizeof state_->nonce_prefix) != 1)
      return Status::error("the system's random number generator failed");
    state_->prefix_ready = true;
    state_->counter = 0;
  }
  const std::uint32_t n32 = ++state_->counter;
  std::memcpy(o, state_->nonce_prefix, 8);
  o[8] = static_cast<unsigned char>(n32 >> 24);
  o[9] = static_cast<unsigned char>(n32 >> 16);
  o[10] = static_cast<unsigned char>(n32 >> 8);
  o[11] = static_cast<unsigned char>(n32);
  EVP_CIPHER_CTX* ctx = state_->encrypt;
  int n = 0;
  bool ok = EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, o) == 1;
  if (ok && !associated.empty())
    ok = EVP_EncryptUpdate(ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(associated.data()),
                           static_cast<int>(associated.size())) == 1;
  if (ok && !plaintext.empty())
    ok = EVP_EncryptUpdate(ctx, o + kGcmNonceBytes, &n,
                           reinterpret_cast<const unsigned char*>(plaintext.data()),
                           static_cast<int>(plaintext.size())) == 1;
  if (ok) ok = EVP_EncryptFinal_ex(ctx, o + kGcmNonceBytes + plaintext.size(), &n) == 1;
  if (ok)
    ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kGcmTagBytes),
                             o + kGcmNonceBytes + plaintext.size()) == 1;
  if (!ok) return Status::error("AES-256-GCM encryption failed");
  return out;
}

Result<std::string> FieldCipher::open(std::string_view sealed, std::string_view associated) {
  if (state_->key.size() != kKeyBytes) return Status::error("encryption key is not 32 bytes");
  if (sealed.size() < kGcmNonceBytes + kGcmTagBytes)
    return Status::error("encrypted value is too short");
  const std::size_t length = sealed.size() - kGcmNonceBytes - kGcmTagBytes;
  const auto* s = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string out(length, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  EVP_CIPHER_CTX* ctx = state_->decrypt;
  int n = 0;
  bool ok = EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, s) == 1;
  if (ok && !associated.empty())
    ok = EVP_DecryptUpdate(ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(associated.data()),
                           static_cast<int>(associated.size())) == 1;
  if (ok && length > 0)
    ok = EVP_DecryptUpdate(ctx, o, &n, s + kGcmNonceBytes, static_cast<int>(length)) == 1;
  if (ok) {
    unsigned char tag[kGcmTagBytes];
    std::memcpy(tag, s + kGcmNonceBytes + length, kGcmTagBytes);
    ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kGcmTagBytes), tag) == 1;
  }
  if (ok) ok = EVP_DecryptFinal_ex(ctx, o + length, &n) == 1;
  if (!ok) return Status::error("cannot decrypt: wrong key or altered data");
  return out;
}

// --- HMAC-SHA256 ------------------------------------------------------------

struct Hmac256::State {
  EVP_MD_CTX* inner = nullptr;  // after key ^ ipad
  EVP_MD_CTX* outer = nullptr;  // after key ^ opad
  EVP_MD_CTX* work = nullptr;
};

Hmac256::Hmac256(std::string_view key) : state_(std::make_unique<State>()) {
  unsigned char block[64] = {0};
  if (key.size() > 64) {
    unsigned int n = 0;
    EVP_Digest(key.data(), key.size(), block, &n, EVP_sha256(), nullptr);
  } else {
    std::memcpy(block, key.data(), key.size());
  }
  unsigned char ipad[64], opad[64];
  for (int i = 0; i < 64; ++i) {
    ipad[i] = static_cast<unsigned char>(block[i] ^ 0x36);
    opad[i] = static_cast<unsigned char>(block[i] ^ 0x5c);
  }
  state_->inner = EVP_MD_CTX_new();
  state_->outer = EVP_MD_CTX_new();
  state_->work = EVP_MD_CTX_new();
  EVP_DigestInit_ex(state_->inner, EVP_sha256(), nullptr);
  EVP_DigestUpdate(state_->inner, ipad, sizeof ipad);
  EVP_DigestInit_ex(state_->outer, EVP_sha256(), nullptr);
  EVP_DigestUpdate(state_->outer, opad, sizeof opad);
  OPENSSL_cleanse(block, sizeof block);
  OPENSSL_cleanse(ipad, sizeof ipad);
  OPENSSL_cleanse(opad, sizeof opad);
}

Hmac256::~Hmac256() {
  EVP_MD_CTX_free(state_->inner);
  EVP_MD_CTX_free(state_->outer);
  EVP_MD_CTX_free(state_->work);
}

std::string Hmac256::digest(std::string_view message) const {
  unsigned char inner_hash[32];
  unsigned int n = 0;
  EVP_MD_CTX_copy_ex(state_->work, state_->inner);
  EVP_DigestUpdate(state_->work, message.data(), message.size());
  EVP_DigestFinal_ex(state_->work, inner_hash, &n);
  EVP_MD_CTX_copy_ex(state_->work, state_->outer);
  EVP_DigestUpdate(state_->work, inner_hash, sizeof inner_hash);
  std::string out(32, '\0');
  EVP_DigestFinal_ex(state_->work, reinterpret_cast<unsigned char*>(out.data()), &n);
  return out;
}

std::string Hmac256::hex(std::string_view message) const { return to_hex(digest(message)); }

std::string hmac_sha256(std::string_view key, std::string_view message) {
  return Hmac256(key).digest(message);
}

std::string to_hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace casus
