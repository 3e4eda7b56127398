#include "render/pdf_to_unicode.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>


namespace casus {

const std::string& identity_to_unicode_cmap() {
  static const std::string cmap = [] {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // A bfrange may vary only in its last byte, and a block holds at most 100.
    for (int block = 0; block < 256; block += 100) {
      const int count = block + 100 <= 256 ? 100 : 256 - block;
      s += std::to_string(count) + " beginbfrange\n";
      for (int high = block; high < block + count; ++high) {
        static const char kHex[] = "0123456789ABCDEF";
        const std::string hh{kHex[high >> 4], kHex[high & 15]};
        s += "<" + hh + "00> <" + hh + "FF> <" + hh + "00>\n";
      }
      s += "endbfrange\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
  }();
  return cmap;
}

bool repair_to_unicode(HPDF_Font font) {
  if (!font) return false;
  auto to_unicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (!to_unicode || !to_unicode->stream) return false;
  HPDF_MemStream_FreeData(to_unicode->stream);
  const std::string& cmap = identity_to_unicode_cmap();
  return HPDF_Stream_Write(to_unicode->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                           static_cast<HPDF_UINT>(cmap.size())) == HPDF_OK;
}

}  // namespace casus
