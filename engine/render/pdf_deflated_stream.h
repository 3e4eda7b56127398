// Streams the PDF writer deflates itself: reading a libharu memory stream
// whole, deflating bytes at a chosen zlib level, and storing deflated bytes
// in a libharu stream dictionary so that libharu copies them as they are
// and writes the /Filter entry it writes for a stream it deflated.
//
// libharu deflates every stream at zlib's default level when it saves the
// document; a page of a long table is mostly numbers, and level 1 deflates
// it several times faster for a file about a tenth larger. The font
// programs (PdfFontProgram) are deflated once per thread and stored here.
//
// This reaches into libharu 2.3.0's stream dictionaries (hpdf_objects.h);
// built against any other libharu version, store_deflated(),
// page_content_to_deflate() and deflate_page_content() do nothing and
// return false (null), and libharu deflates
// as it always does.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace casus {

// The whole content of `stream` (a libharu memory stream); empty on failure.
std::string read_whole_stream(HPDF_Stream stream);

// `data` in zlib format at `level` (1 fastest .. 9 smallest, or -1 for
// zlib's default); empty on failure.
std::string deflate_bytes(std::string_view data, int level);

// Replaces the data of stream dictionary `dict` with `deflated` (zlib
// format) and marks it as FlateDecode without a filter of libharu's own.
bool store_deflated(HPDF_Dict dict, std::string_view deflated);

// The content stream `page` draws into now, when it is set to be
// compressed and not deflated yet: what deflate_page_content() would
// deflate, for a caller that deflates it elsewhere (PageDeflater) and
// stores it with store_deflated(). Null otherwise.
HPDF_Dict page_content_to_deflate(HPDF_Page page);

// Deflates the content stream of `page` at `level` now, instead of
// libharu at its default level when saving. Call once, after the last
// operator is drawn on the page. False (the page left to libharu) when the
// page is not set to be compressed or on failure.
bool deflate_page_content(HPDF_Page page, int level);

}  // namespace casus
