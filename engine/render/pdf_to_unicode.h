// The ToUnicode map of the PDF writer's UTF-8 CID fonts.
//
// libharu 2.3.0 gives a Type0 font with its UTF-8 encoder a /ToUnicode
// stream that holds the encoding's CMap (a "begincidrange" mapping every
// code to CID 0) instead of a map to Unicode: pdftotext warns "Invalid
// 'begincidrange' operator in ToUnicode CMap", and a reader that trusts the
// map copies names like "Ayşe" wrongly. That font shows text as UTF-16 code
// units (<015F> for ş), so the right map is the identity on 0000-FFFF; this
// replaces the stream's data with it.
#pragma once

#include <hpdf.h>

#include <string>

namespace casus {

// The ToUnicode CMap mapping every two-byte code to the same UTF-16 value.
const std::string& identity_to_unicode_cmap();

// Puts identity_to_unicode_cmap() into the /ToUnicode stream of `font` (a
// Type0 font made by HPDF_GetFont with the "UTF-8" encoder). False when
// the font has no such stream or libharu refused the write.
bool repair_to_unicode(HPDF_Font font);

}  // namespace casus
