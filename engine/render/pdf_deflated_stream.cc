#include "render/pdf_deflated_stream.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

#include <Poco/DeflatingStream.h>

#include <exception>
#include <sstream>

namespace casus {

std::string read_whole_stream(HPDF_Stream stream) {
  if (!stream || HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK) return {};
  std::string bytes(HPDF_Stream_Size(stream), '\0');
  HPDF_UINT size = static_cast<HPDF_UINT>(bytes.size());
  if (HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK || size != bytes.size())
    return {};
  return bytes;
}

std::string deflate_bytes(std::string_view data, int level) {
  try {
    std::ostringstream out;
    Poco::DeflatingOutputStream deflate(out, Poco::DeflatingStreamBuf::STREAM_ZLIB, level);
    deflate.write(data.data(), static_cast<std::streamsize>(data.size()));
    deflate.close();
    return std::move(out).str();
  } catch (const std::exception&) {
    return {};
  }
}

#if HPDF_VERSION_ID == 20300

namespace {

// Written in place of the /Filter entry of a stream whose data is deflated already.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

}  // namespace

bool store_deflated(HPDF_Dict dict, std::string_view deflated) {
  if (!dict || !dict->stream || (dict->write_fn && dict->write_fn != write_flate_filter)) return false;
  HPDF_MemStream_FreeData(dict->stream);
  if (HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK)
    return false;
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter;
  return true;
}

HPDF_Dict page_content_to_deflate(HPDF_Page page) {
  if (!page || !page->attr) return nullptr;
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Dict contents = attr->contents;
  if (!contents || contents->stream != attr->stream || !(contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE) ||
      contents->write_fn)
    return nullptr;
  return contents;
}

bool deflate_page_content(HPDF_Page page, int level) {
  HPDF_Dict contents = page_content_to_deflate(page);
  if (!contents) return false;
  const std::string content = read_whole_stream(contents->stream);
  if (content.empty()) return false;
  const std::string deflated = deflate_bytes(content, level);
  return !deflated.empty() && store_deflated(contents, deflated);
}

#else

bool store_deflated(HPDF_Dict, std::string_view) { return false; }
HPDF_Dict page_content_to_deflate(HPDF_Page) { return nullptr; }
bool deflate_page_content(HPDF_Page, int) { return false; }

#endif

}  // namespace casus
