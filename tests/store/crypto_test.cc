#include <catch2/catch.hpp>

#include "core/crypto.h"

using namespace casus;

TEST_CASE("crypto: HMAC-SHA256 matches RFC 4231 test case 2") {
  CHECK(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  Hmac256 h(std::string(131, '\xaa'));  // test case 6: a key longer than the block
  CHECK(h.hex("Test Using Larger Than Block-Size Key - Hash Key First") ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("crypto: AES-256-GCM round trip, fresh nonce, tamper and wrong key detected") {
  const std::string key(32, 'k');
  FieldCipher cipher(key);
  auto a = cipher.seal("123456782", "cases/1");
  auto b = cipher.seal("123456782", "cases/1");
  REQUIRE(a.is_ok());
  CHECK(a->size() == 12 + 9 + 16);
  CHECK(*a != *b);
  CHECK(cipher.open(*a, "cases/1").value() == "123456782");
  CHECK(cipher.open(*a, "cases/2").message() == "cannot decrypt: wrong key or altered data");
  std::string tampered = *a;
  tampered[14] ^= 1;
  CHECK_FALSE(cipher.open(tampered, "cases/1").is_ok());
  FieldCipher other(std::string(32, 'x'));
  CHECK_FALSE(other.open(*a, "cases/1").is_ok());
  CHECK(cipher.open("short").message() == "encrypted value is too short");
  CHECK(cipher.open(cipher.seal("").value()).value().empty());
}

TEST_CASE("crypto: random bytes") {
  auto a = random_bytes(32);
  auto b = random_bytes(32);
  REQUIRE(a.is_ok());
  CHECK(a->size() == 32);
  CHECK(*a != *b);
}
