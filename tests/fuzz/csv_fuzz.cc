// libFuzzer target: the streaming CSV reader on arbitrary bytes, both as
// UTF-8 and as Windows-1252, with the detected and a declared delimiter.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  casus::CsvOptions options;
  options.max_field_bytes = 4096;
  (void)casus::parse_csv(text, options);
  options.windows1252 = true;
  options.delimiter = ';';
  (void)casus::parse_csv(text, options);
  return 0;
}
