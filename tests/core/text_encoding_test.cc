#include <catch2/catch.hpp>

#include "core/text_encoding.h"

TEST_CASE("UTF-8 validation finds the first bad byte", "[encoding]") {
  CHECK(casus::is_valid_utf8("café € één"));
  CHECK(casus::first_invalid_utf8("caf\xe9") == 3);
  CHECK(casus::first_invalid_utf8("ok\xC0\xAF") == 2);          // overlong '/'
  CHECK(casus::first_invalid_utf8("\xED\xA0\x80") == 0);       // surrogate
  CHECK(casus::first_invalid_utf8("ab\xE2\x82") == 2);         // truncated €
  CHECK(casus::first_invalid_utf8("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(casus::is_valid_utf8("\xF0\x9F\x98\x80"));             // emoji is valid UTF-8
}

TEST_CASE("Windows-1252 becomes UTF-8 including euro and curly quotes", "[encoding]") {
  CHECK(casus::windows1252_to_utf8("caf\xe9 \x80 \x93q\x94 Ge\xEBrd") ==
        "café € “q” Geërd");
  CHECK(casus::windows1252_to_utf8("plain") == "plain");
}

TEST_CASE("BOM handling", "[encoding]") {
  CHECK(casus::has_utf8_bom("\xEF\xBB\xBFid;x"));
  CHECK(casus::strip_utf8_bom("\xEF\xBB\xBFid;x") == "id;x");
  CHECK(casus::strip_utf8_bom("id;x") == "id;x");
}

TEST_CASE("sanitizing replaces each bad sequence with U+FFFD", "[encoding]") {
  std::string out;
  CHECK(casus::sanitize_utf8("a\xff" "b\xfe", out) == 2);
  CHECK(out == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(casus::sanitize_utf8("geen fout", out) == 0);
  CHECK(out == "geen fout");
}

TEST_CASE("small text helpers", "[encoding]") {
  CHECK(casus::utf8_length("één") == 3);
  CHECK(casus::ascii_lower("Case_ID ÉÉN") == "case_id ÉÉn");
  CHECK(casus::trim_blanks(" \t waarde\t ") == "waarde");
  CHECK(casus::trim_blanks(" \t ").empty());
}
