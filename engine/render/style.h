// The house style shared by every writer: colours for the accent, text,
// rules, status bands and chart series, so PDF, DOCX and HTML look alike.
#pragma once

#include <cstdint>
#include <string>

#include "render/document.h"

namespace casus::style {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  // "1F4E79"
  double rf() const { return r / 255.0; }
  double gf() const { return g / 255.0; }
  double bf() const { return b / 255.0; }
  bool operator==(const Rgb&) const = default;
};

inline constexpr Rgb kText{0x1C, 0x24, 0x2B};
inline constexpr Rgb kMuted{0x5B, 0x67, 0x70};
inline constexpr Rgb kAccent{0x1F, 0x4E, 0x79};       // petrol blue
inline constexpr Rgb kAccentDark{0x17, 0x3A, 0x5A};
inline constexpr Rgb kAccentTint{0xE6, 0xEE, 0xF5};   // table header, key figures
inline constexpr Rgb kZebra{0xF5, 0xF7, 0xF9};
inline constexpr Rgb kRule{0xC9, 0xD1, 0xD8};
inline constexpr Rgb kHairline{0xDF, 0xE4, 0xE8};
inline constexpr Rgb kMarking{0xA3, 0x1F, 0x1F};      // classification marking
inline constexpr Rgb kWhite{0xFF, 0xFF, 0xFF};

// Status band colour (strong) and the tint behind the label (light).
Rgb status_band(doc::StatusLevel level);
Rgb status_tint(doc::StatusLevel level);

// Chart series colours: distinguishable in greyscale too (different lightness).
Rgb series_colour(std::size_t index);

}  // namespace casus::style
