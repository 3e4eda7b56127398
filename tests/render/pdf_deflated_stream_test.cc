#include "render/pdf_deflated_stream.h"

#include <catch2/catch.hpp>
#include <hpdf.h>

#include <string>

#include "core/file_io.h"
#include "render/pdf_content_stream.h"
#include "test_support.h"

using namespace casus;
using casus::testing::count_of;
using casus::testing::have_tool;
using casus::testing::output_folder;
using casus::testing::quoted;
using casus::testing::run_command;

TEST_CASE("deflated stream: deflate_bytes gives zlib data, and the page content is deflated once, readable") {
  const std::string z = deflate_bytes(std::string(1000, 'a'), 1);
  REQUIRE(z.size() > 2);
  CHECK(static_cast<unsigned char>(z[0]) == 0x78);  // zlib header
  CHECK(z.size() < 100);

  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_Page page = HPDF_AddPage(pdf);
  {
    PdfContentStream out(page);
    for (int i = 0; i < 200; ++i) {
      out.rectangle(10, 10 + i, 100, 0.5);
      out.fill();
    }
  }
  CHECK(deflate_page_content(page, 1));
  CHECK_FALSE(deflate_page_content(page, 1));  // once only: the stream is marked as deflated
  const auto path = output_folder() / "deflated_page.pdf";
  REQUIRE(HPDF_SaveToFile(pdf, path.c_str()) == HPDF_OK);
  HPDF_Free(pdf);
  const std::string bytes = read_file(path).value();
  CHECK(count_of(bytes, "/Filter [ /FlateDecode ]") == 1);
  CHECK(bytes.find("10 209 100 0.5 re") == std::string::npos);  // not in clear text

  if (!have_tool("qpdf")) {
    WARN("qpdf not installed: skipping the read-back");
    return;
  }
  const auto check = run_command("qpdf --check " + quoted(path) + " 2>&1");
  CHECK(check.status == 0);
  const auto plain = output_folder() / "deflated_page_plain.pdf";
  REQUIRE(run_command("qpdf --qdf --object-streams=disable " + quoted(path) + " " + quoted(plain)).status == 0);
  const std::string text = read_file(plain).value();
  CHECK(count_of(text, " re\nf\n") == 200);
  CHECK(text.find("10 209 100 0.5 re\nf\n") != std::string::npos);
}
