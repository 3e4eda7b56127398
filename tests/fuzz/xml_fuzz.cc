// libFuzzer target: the XML export reader (encodings, DOCTYPE rejection,
// records and items) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/xml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)casus::read_xml_export(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
