// PdfContentStream: writes PDF content-stream operators (paths, colours,
// line styles, text positioning and single-byte text) for one libharu page
// into a buffer of its own and hands the bytes to the page's content stream
// in one write.
//
// libharu formats every operator through a 512-byte scratch buffer that it
// clears byte by byte, and checks its graphics-mode state machine on each
// call: for a table of thousands of cells that is most of the PDF writer's
// drawing time. The operators here are the same ones libharu writes.
//
// Anything libharu must know about -- fonts (Tf registers the font in the
// page's resources), text shown in a CID font (libharu encodes it and marks
// its glyphs for embedding), images, BT/ET -- still goes through libharu;
// call flush() before such a call so the page's operators stay in order.
// Numbers are written with at most four decimals. The page's content
// stream is reached through libharu's page attributes (hpdf_pages.h).
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace casus {

class PdfContentStream {
 public:
  explicit PdfContentStream(HPDF_Page page);
  ~PdfContentStream();
  PdfContentStream(const PdfContentStream&) = delete;
  PdfContentStream& operator=(const PdfContentStream&) = delete;

  // Paths and painting (outside a text object).
  void rectangle(double x, double y, double w, double h);  // re
  void move_to(double x, double y);                        // m
  void line_to(double x, double y);                        // l
  void close_path();                                       // h
  void fill();                                             // f
  void stroke();                                           // S
  void fill_stroke();                                      // B
  void clip();                                             // W n
  void save();                                             // q
  void restore();                                          // Q

  // Graphics state (also inside a text object).
  void fill_rgb(double r, double g, double b);    // rg
  void stroke_rgb(double r, double g, double b);  // RG
  void line_width(double w);                      // w
  void dash(double on, double off);               // [on off] 0 d; on == 0: solid

  // Call right after BT (libharu's HPDF_Page_BeginText): the text origin
  // is back at (0, 0).
  void text_object_begun();
  // Inside a text object: moves the text origin to (x, y) by the offset
  // from the previous origin (Td; the text matrix stays unscaled), and
  // shows `bytes`, a single-byte string in the current font's encoding (Tj).
  void text_origin(double x, double y);
  void show_single_byte(std::string_view bytes);

  // Writes the buffered operators to the page. False when libharu refused
  // (the error is in the document's error state).
  bool flush();

  // The buffered operators (tests).
  const std::string& pending() const { return buffer_; }

 private:
  void number(double v);
  void numbers(double a, double b);
  void fixed(long long ten_thousandths);

  long long origin_x_ = 0, origin_y_ = 0;  // the text origin, in 1/10000 pt, as written

  HPDF_Page page_;
  std::string buffer_;
};

}  // namespace casus
