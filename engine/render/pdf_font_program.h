// PdfFontProgram: the embedded font program of one TrueType face for the
// PDF writer, built and deflated once per thread instead of once per
// document.
//
// libharu embeds a face as a pseudo-subset (every table of the TrueType
// file, with only the glyphs the document drew, glyph names included) and
// deflates it for every document: about 60 KB per face and half of a plan
// of action's PDF time. Here every document that uses a face embeds the
// glyphs of a fixed character set (the Windows-1252 characters the
// single-byte fonts draw) plus whatever else it drew. When it drew nothing
// else -- Dutch and English text -- the font program is the same for every
// document, so it is built and deflated once per thread, and each document
// gets a font descriptor pointing to those bytes. A document that drew
// other glyphs (names in Turkish or Polish) gets a program of its own.
//
// Either way the program leaves out the glyph names (its 'post' table is
// cut to the version 3.0 header): PDF readers find TrueType glyphs through
// the font's cmap table (single-byte fonts) or the CIDToGIDMap (CID fonts),
// never by name, and the names were a fifth of every embedded face.
//
// This reaches into libharu 2.3.0's internal structures (hpdf_fontdef.h,
// hpdf_objects.h, hpdf_doc.h). Built against any other libharu version it
// does nothing and libharu writes every font program itself.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

class PdfFontProgram {
 public:
  // Records the glyphs of `characters` (and the glyphs they are composed
  // of) in `face`, a TrueType font definition loaded for embedding. Call
  // while the face's glyph marks are clean (just after loading); leaves
  // them clean.
  PdfFontProgram(HPDF_FontDef face, const std::vector<std::uint32_t>& characters);

  // Call after a document's text is drawn with this face, before saving:
  // marks the fixed glyphs as used too and gives the face its font
  // descriptor and font program. Errors go to the document's error handler.
  void attach(HPDF_Doc pdf);

 private:
  HPDF_FontDef face_;
  std::vector<unsigned char> glyphs_;  // per glyph id: 1 = in the fixed set
  std::string fixed_program_;          // deflated program with exactly the fixed glyphs; empty = not built yet
  std::uint32_t fixed_length_ = 0;     // its uncompressed length
  bool usable_ = false;
};

// A TrueType font program (sfnt) with its 'post' table cut to the version
// 3.0 header (no glyph names), every table 4-byte aligned, and the table
// checksums and head.checkSumAdjustment recomputed. Empty when `font` is
// not a well-formed table directory or has no head or post table.
std::string truetype_without_glyph_names(std::string_view font);

}  // namespace casus
