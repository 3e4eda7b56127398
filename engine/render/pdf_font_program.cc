#include "render/pdf_font_program.h"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>

#include "render/pdf_deflated_stream.h"

namespace casus {

namespace {

std::uint32_t get32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}
std::uint16_t get16(std::string_view s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) << 8 | static_cast<unsigned char>(s[at + 1]));
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) s[at + static_cast<std::size_t>(k)] = static_cast<char>(v >> (24 - 8 * k));
}
void append32(std::string& s, std::uint32_t v) {
  s.resize(s.size() + 4);
  put32(s, s.size() - 4, v);
}
void append16(std::string& s, std::uint16_t v) {
  s += static_cast<char>(v >> 8);
  s += static_cast<char>(v & 0xFF);
}

// Sum of the big-endian 32-bit words of `data`, zero-padded to a multiple of 4.
std::uint32_t checksum(std::string_view data) {
  std::uint32_t sum = 0;
  std::size_t i = 0;
  for (; i + 4 <= data.size(); i += 4) sum += get32(data, i);
  if (i < data.size()) {
    char tail[4] = {0, 0, 0, 0};
    for (std::size_t k = 0; i + k < data.size(); ++k) tail[k] = data[i + k];
    sum += get32(std::string_view(tail, 4), 0);
  }
  return sum;
}

}  // namespace

std::string truetype_without_glyph_names(std::string_view font) {
  if (font.size() < 12) return {};
  const std::size_t count = get16(font, 4);
  if (count == 0 || font.size() < 12 + 16 * count) return {};
  struct Table {
    std::string tag;
    std::string data;
  };
  std::vector<Table> tables;
  bool has_head = false, has_post = false;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t entry = 12 + 16 * i;
    const std::uint32_t offset = get32(font, entry + 8), length = get32(font, entry + 12);
    if (offset > font.size() || length > font.size() - offset) return {};
    Table t{std::string(font.substr(entry, 4)), std::string(font.substr(offset, length))};
    if (t.tag == "head") {
      if (t.data.size() < 12) return {};
      put32(t.data, 8, 0);  // checkSumAdjustment, set below
      has_head = true;
    } else if (t.tag == "post") {
      if (t.data.size() < 32) return {};
      t.data.resize(32);
      put32(t.data, 0, 0x00030000);
      has_post = true;
    }
    tables.push_back(std::move(t));
  }
  if (!has_head || !has_post) return {};

  std::uint16_t power = 1, selector = 0;
  while (power * 2 <= count) {
    power = static_cast<std::uint16_t>(power * 2);
    ++selector;
  }
  std::string out(font.substr(0, 4));  // sfnt version
  append16(out, static_cast<std::uint16_t>(count));
  append16(out, static_cast<std::uint16_t>(power * 16));
  append16(out, selector);
  append16(out, static_cast<std::uint16_t>(count * 16 - power * 16));
  std::size_t offset = 12 + 16 * count;
  std::size_t head_at = 0;
  for (const Table& t : tables) {
    out += t.tag;
    append32(out, checksum(t.data));
    append32(out, static_cast<std::uint32_t>(offset));
    append32(out, static_cast<std::uint32_t>(t.data.size()));
    if (t.tag == "head") head_at = offset;
    offset += (t.data.size() + 3) / 4 * 4;
  }
  for (const Table& t : tables) {
    out += t.data;
    out.append((4 - t.data.size() % 4) % 4, '\0');
  }
  put32(out, head_at + 8, 0xB1B0AFBA - checksum(out));
  return out;
}

#if HPDF_VERSION_ID == 20300

namespace {

HPDF_TTFontDefAttr tt_attr(HPDF_FontDef face) { return static_cast<HPDF_TTFontDefAttr>(face->attr); }

// The font program of `face` with the glyphs marked as used, without glyph
// names, zlib-deflated at the default level (as libharu deflates); its
// uncompressed length in `length`. Empty on failure (libharu's error
// handler has the cause, if it had one).
std::string deflated_program(HPDF_FontDef face, std::uint32_t& length) {
  HPDF_Stream stream = HPDF_MemStream_New(face->mmgr, 64 * 1024);
  if (!stream) return {};
  std::string program;
  if (HPDF_TTFontDef_SaveFontData(face, stream) == HPDF_OK) program = read_whole_stream(stream);
  HPDF_Stream_Free(stream);
  program = truetype_without_glyph_names(program);
  if (program.empty()) return {};
  length = static_cast<std::uint32_t>(program.size());
  return deflate_bytes(program, -1);  // zlib's default level, as libharu deflates
}

// The font descriptor libharu 2.3.0 writes for an embedded TrueType face
// (same keys in the same order), with `program` as its FontFile2.
HPDF_Dict font_descriptor(HPDF_Doc pdf, HPDF_FontDef face, const std::string& program, std::uint32_t length) {
  HPDF_TTFontDefAttr attr = tt_attr(face);
  HPDF_MMgr mmgr = pdf->mmgr;
  HPDF_Dict descriptor = HPDF_Dict_New(mmgr);
  if (!descriptor || HPDF_Xref_Add(pdf->xref, descriptor) != HPDF_OK) return nullptr;
  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddNumber(descriptor, "Ascent", face->ascent);
  ret += HPDF_Dict_AddNumber(descriptor, "Descent", face->descent);
  ret += HPDF_Dict_AddNumber(descriptor, "CapHeight", face->cap_height);
  ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(face->flags));
  ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(mmgr, face->font_bbox));
  ret += HPDF_Dict_AddName(descriptor, "FontName", attr->base_font);
  ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", face->italic_angle);
  ret += HPDF_Dict_AddNumber(descriptor, "StemV", face->stemv);
  ret += HPDF_Dict_AddNumber(descriptor, "XHeight", face->x_height);
  if (attr->char_set) ret += HPDF_Dict_AddName(descriptor, "CharSet", attr->char_set);
  HPDF_Dict data = HPDF_DictStream_New(mmgr, pdf->xref);
  if (!data) return nullptr;
  ret += HPDF_Dict_AddNumber(data, "Length1", static_cast<HPDF_INT32>(length));
  ret += HPDF_Dict_AddNumber(data, "Length2", 0);
  ret += HPDF_Dict_AddNumber(data, "Length3", 0);
  if (!store_deflated(data, program)) return nullptr;
  ret += HPDF_Dict_Add(descriptor, "FontFile2", data);
  return ret == HPDF_OK ? descriptor : nullptr;
}

}  // namespace

PdfFontProgram::PdfFontProgram(HPDF_FontDef face, const std::vector<std::uint32_t>& characters) : face_(face) {
  if (!face_ || face_->type != HPDF_FONTDEF_TYPE_TRUETYPE || !tt_attr(face_)->embedding) return;
  HPDF_TTFontDefAttr attr = tt_attr(face_);
  for (std::uint32_t cp : characters)
    if (cp < 0x10000) HPDF_TTFontDef_GetCharWidth(face_, static_cast<HPDF_UINT16>(cp));  // marks the glyph and its parts
  glyphs_.assign(attr->glyph_tbl.flgs, attr->glyph_tbl.flgs + attr->num_glyphs);
  HPDF_FontDef_Cleanup(face_);
  usable_ = true;
}

void PdfFontProgram::attach(HPDF_Doc pdf) {
  if (!usable_ || face_->descriptor) return;
  HPDF_TTFontDefAttr attr = tt_attr(face_);
  if (attr->num_glyphs != glyphs_.size()) return;
  bool only_fixed = true;
  for (std::size_t g = 0; g < glyphs_.size(); ++g) {
    if (attr->glyph_tbl.flgs[g] && !glyphs_[g]) only_fixed = false;
    attr->glyph_tbl.flgs[g] |= glyphs_[g];
  }
  HPDF_Dict descriptor = nullptr;
  if (only_fixed) {
    if (fixed_program_.empty()) fixed_program_ = deflated_program(face_, fixed_length_);
    if (!fixed_program_.empty()) descriptor = font_descriptor(pdf, face_, fixed_program_, fixed_length_);
  } else {
    std::uint32_t length = 0;
    const std::string program = deflated_program(face_, length);
    if (!program.empty()) descriptor = font_descriptor(pdf, face_, program, length);
  }
  if (descriptor) face_->descriptor = descriptor;  // libharu's fonts take this one instead of making their own
}

#else  // another libharu: it writes every font program itself

PdfFontProgram::PdfFontProgram(HPDF_FontDef face, const std::vector<std::uint32_t>&) : face_(face) {}
void PdfFontProgram::attach(HPDF_Doc) {}

#endif

}  // namespace casus
