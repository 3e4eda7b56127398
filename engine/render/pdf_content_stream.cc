#include "render/pdf_content_stream.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cmath>
#include <cstdint>

namespace casus {

PdfContentStream::PdfContentStream(HPDF_Page page) : page_(page) { buffer_.reserve(16 * 1024); }

PdfContentStream::~PdfContentStream() { flush(); }

void PdfContentStream::number(double v) { fixed(std::llround(v * 10000.0)); }

void PdfContentStream::fixed(long long n) {
  // Four decimals, trailing zeros dropped: 12.5, 0.1234, -3, 0.
  if (n < 0) {
    buffer_ += '-';
    n = -n;
  }
  const long long whole = n / 10000;
  long long frac = n % 10000;
  char digits[24];
  int len = 0;
  long long w = whole;
  do {
    digits[len++] = static_cast<char>('0' + w % 10);
    w /= 10;
  } while (w > 0);
  while (len > 0) buffer_ += digits[--len];
  if (frac != 0) {
    buffer_ += '.';
    int places = 4;
    while (frac % 10 == 0) {
      frac /= 10;
      --places;
    }
    char f[4];
    for (int i = places - 1; i >= 0; --i) {
      f[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    buffer_.append(f, static_cast<std::size_t>(places));
  }
}

void PdfContentStream::numbers(double a, double b) {
  number(a);
  buffer_ += ' ';
  number(b);
  buffer_ += ' ';
}

void PdfContentStream::rectangle(double x, double y, double w, double h) {
  numbers(x, y);
  numbers(w, h);
  buffer_ += "re\n";
}
void PdfContentStream::move_to(double x, double y) {
  numbers(x, y);
  buffer_ += "m\n";
}
void PdfContentStream::line_to(double x, double y) {
  numbers(x, y);
  buffer_ += "l\n";
}
void PdfContentStream::close_path() { buffer_ += "h\n"; }
void PdfContentStream::fill() { buffer_ += "f\n"; }
void PdfContentStream::stroke() { buffer_ += "S\n"; }
void PdfContentStream::fill_stroke() { buffer_ += "B\n"; }
void PdfContentStream::clip() { buffer_ += "W n\n"; }
void PdfContentStream::save() { buffer_ += "q\n"; }
void PdfContentStream::restore() { buffer_ += "Q\n"; }

void PdfContentStream::fill_rgb(double r, double g, double b) {
  numbers(r, g);
  number(b);
  buffer_ += " rg\n";
}
void PdfContentStream::stroke_rgb(double r, double g, double b) {
  numbers(r, g);
  number(b);
  buffer_ += " RG\n";
}
void PdfContentStream::line_width(double w) {
  number(w);
  buffer_ += " w\n";
}
void PdfContentStream::dash(double on, double off) {
  if (on <= 0) {
    buffer_ += "[] 0 d\n";
    return;
  }
  buffer_ += '[';
  number(on);
  buffer_ += ' ';
  number(off);
  buffer_ += "] 0 d\n";
}

void PdfContentStream::text_object_begun() { origin_x_ = origin_y_ = 0; }

void PdfContentStream::text_origin(double x, double y) {
  // The offset is taken between rounded positions, so rounding never accumulates.
  const long long nx = std::llround(x * 10000.0), ny = std::llround(y * 10000.0);
  fixed(nx - origin_x_);
  buffer_ += ' ';
  fixed(ny - origin_y_);
  buffer_ += " Td\n";
  origin_x_ = nx;
  origin_y_ = ny;
}

void PdfContentStream::show_single_byte(std::string_view bytes) {
  buffer_ += '(';
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '(' || c == ')' || c == '\\') {
      buffer_ += '\\';
      buffer_ += c;
    } else if (b < 0x20) {  // control bytes as octal escapes, so no reader normalises a line end
      buffer_ += '\\';
      buffer_ += static_cast<char>('0' + (b >> 6));
      buffer_ += static_cast<char>('0' + ((b >> 3) & 7));
      buffer_ += static_cast<char>('0' + (b & 7));
    } else {
      buffer_ += c;
    }
  }
  buffer_ += ") Tj\n";
}

bool PdfContentStream::flush() {
  if (buffer_.empty()) return true;
  auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
  const HPDF_STATUS status =
      HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(buffer_.data()),
                        static_cast<HPDF_UINT>(buffer_.size()));
  buffer_.clear();
  return status == HPDF_OK;
}

}  // namespace casus
