#include "render/style.h"

#include <array>

namespace casus::style {

std::string Rgb::hex() const {
  static const char* digits = "0123456789ABCDEF";
  std::string out(6, '0');
  const std::uint8_t v[3] = {r, g, b};
  for (int i = 0; i < 3; ++i) {
    out[static_cast<std::size_t>(2 * i)] = digits[v[i] >> 4];
    out[static_cast<std::size_t>(2 * i + 1)] = digits[v[i] & 15];
  }
  return out;
}

Rgb status_band(doc::StatusLevel level) {
  switch (level) {
    case doc::StatusLevel::red: return {0xB8, 0x32, 0x27};
    case doc::StatusLevel::orange: return {0xE0, 0x7B, 0x16};
    case doc::StatusLevel::green: return {0x23, 0x8B, 0x4E};
    case doc::StatusLevel::grey: return {0x8A, 0x94, 0x9C};
  }
  return {0x8A, 0x94, 0x9C};
}

Rgb status_tint(doc::StatusLevel level) {
  switch (level) {
    case doc::StatusLevel::red: return {0xF8, 0xE1, 0xDE};
    case doc::StatusLevel::orange: return {0xFC, 0xEB, 0xD7};
    case doc::StatusLevel::green: return {0xDF, 0xF1, 0xE5};
    case doc::StatusLevel::grey: return {0xEC, 0xEE, 0xF0};
  }
  return {0xEC, 0xEE, 0xF0};
}

Rgb series_colour(std::size_t index) {
  static constexpr std::array<Rgb, 6> palette{{
      {0x1F, 0x4E, 0x79},  // petrol (dark)
      {0x6F, 0xA8, 0xDC},  // light blue
      {0xD9, 0x8C, 0x2B},  // ochre
      {0x9A, 0xA5, 0xAE},  // grey
      {0x2E, 0x7D, 0x5B},  // green
      {0xB5, 0x4A, 0x6A},  // plum
  }};
  return palette[index % palette.size()];
}

}  // namespace casus::style
