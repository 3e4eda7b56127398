#include "render/pdf_to_unicode.h"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("pdf to-unicode: the identity map covers 0000-FFFF in ranges of one high byte, 100 to a block") {
  const std::string& cmap = casus::identity_to_unicode_cmap();
  CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") != std::string::npos);
  CHECK(cmap.find("100 beginbfrange\n<0000> <00FF> <0000>\n") != std::string::npos);
  CHECK(cmap.find("<6300> <63FF> <6300>\nendbfrange\n100 beginbfrange\n<6400> <64FF> <6400>\n") != std::string::npos);
  CHECK(cmap.find("56 beginbfrange\n<C800> <C8FF> <C800>\n") != std::string::npos);
  CHECK(cmap.find("<FF00> <FFFF> <FF00>\nendbfrange\nendcmap\n") != std::string::npos);
  CHECK(cmap.find("cidrange") == std::string::npos);
}
