#include "render/pdf_content_stream.h"

#include <catch2/catch.hpp>
#include <hpdf.h>

#include <string>
#include <vector>

using casus::PdfContentStream;

namespace {

struct PdfPage {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  HPDF_Page page = HPDF_AddPage(pdf);
  ~PdfPage() { HPDF_Free(pdf); }
};

// The page's content stream as saved without compression.
std::string saved_content(HPDF_Doc pdf) {
  HPDF_SaveToStream(pdf);
  std::vector<HPDF_BYTE> bytes(HPDF_GetStreamSize(pdf));
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(pdf, bytes.data(), &size);
  return std::string(bytes.begin(), bytes.begin() + size);
}

}  // namespace

TEST_CASE("pdf content stream: numbers have at most four decimals, without trailing zeros") {
  PdfPage p;
  PdfContentStream out(p.page);
  out.rectangle(12.5, 0.12345, -3, 0);
  out.line_width(0.00004);
  out.move_to(-0.5, 1000000.25);
  out.fill_rgb(0.1216, 1, 0.30595);
  CHECK(out.pending() == "12.5 0.1235 -3 0 re\n0 w\n-0.5 1000000.25 m\n0.1216 1 0.306 rg\n");
}

TEST_CASE("pdf content stream: operators and dashes are the ones libharu writes") {
  PdfPage p;
  PdfContentStream out(p.page);
  out.stroke_rgb(0, 0, 0);
  out.dash(3, 2);
  out.dash(0, 0);
  out.line_to(1, 2);
  out.close_path();
  out.fill();
  out.stroke();
  out.fill_stroke();
  out.save();
  out.clip();
  out.restore();
  CHECK(out.pending() == "0 0 0 RG\n[3 2] 0 d\n[] 0 d\n1 2 l\nh\nf\nS\nB\nq\nW n\nQ\n");
}

TEST_CASE("pdf content stream: text origins are offsets from the previous one, without drift") {
  PdfPage p;
  PdfContentStream out(p.page);
  out.text_object_begun();
  out.text_origin(40, 500.12345);
  out.text_origin(40.1, 500.12345);
  out.text_origin(39.99996, 488.1);
  CHECK(out.pending() == "40 500.1235 Td\n0.1 0 Td\n-0.1 -12.0235 Td\n");
  // After a new BT the origin is (0, 0) again.
  out.text_object_begun();
  out.text_origin(1, 1);
  CHECK(out.pending().substr(out.pending().size() - 7) == "1 1 Td\n");
}

TEST_CASE("pdf content stream: single-byte text escapes parentheses, backslashes and control bytes") {
  PdfPage p;
  PdfContentStream out(p.page);
  out.show_single_byte(std::string("a(b)c\\d\ne\xE9", 10));
  CHECK(out.pending() == std::string("(a\\(b\\)c\\\\d\\012e\xE9) Tj\n"));
}

TEST_CASE("pdf content stream: flush appends the operators to the page's content, in order") {
  PdfPage p;
  HPDF_SetCompressionMode(p.pdf, HPDF_COMP_NONE);
  {
    PdfContentStream out(p.page);
    out.rectangle(1, 2, 3, 4);
    out.fill();
    REQUIRE(out.flush());
    CHECK(out.pending().empty());
    HPDF_Page_SetLineWidth(p.page, 2);  // libharu's own operator, between ours
    out.stroke_rgb(1, 0, 0);
  }  // the destructor flushes the rest
  const std::string pdf = saved_content(p.pdf);
  const std::size_t ours = pdf.find("1 2 3 4 re\nf\n");
  const std::size_t libharus = pdf.find("2 w\n");
  const std::size_t last = pdf.find("1 0 0 RG\n");
  REQUIRE(ours != std::string::npos);
  REQUIRE(libharus != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK(ours < libharus);
  CHECK(libharus < last);
}
