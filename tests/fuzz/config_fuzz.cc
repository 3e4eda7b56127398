// libFuzzer target: the configuration loader. The first input byte picks one
// of the configuration files (settings, framework, toolkit, escalation,
// monitoring, audiences, fields, regisseurs, data/districts.csv); the rest replaces it in a
// scratch copy of the shipped config/, which is then loaded and validated.
// Built with -DCASUS_FUZZ_MAPPING, the whole input replaces the partner
// mapping file partners/politie.xml instead.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/config_loader.h"

namespace {

namespace fs = std::filesystem;

const fs::path& scratch() {
  static const fs::path dir = [] {
    const fs::path root = fs::temp_directory_path() / ("casus-config-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "data");
    fs::copy(fs::path(CASUS_SOURCE_DIR) / "config", root / "config", fs::copy_options::recursive);
    fs::copy_file(fs::path(CASUS_SOURCE_DIR) / "data" / "districts.csv", root / "data" / "districts.csv");
    return root / "config";
  }();
  return dir;
}

void put(const fs::path& path, const char* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& dir = scratch();
  const char* bytes = reinterpret_cast<const char*>(data);
#ifdef CASUS_FUZZ_MAPPING
  const fs::path target = dir / casus::kPartnersFolder / "politie.xml";
#else
  if (size == 0) return 0;
  static const char* const files[] = {casus::kSettingsFile,   casus::kFrameworkFile, casus::kToolkitFile,
                                      casus::kEscalationFile, casus::kMonitoringFile, casus::kAudiencesFile,
                                      casus::kFieldsFile,     casus::kRegisseursFile};
  const unsigned pick = data[0] % 9;
  const fs::path target = pick == 8 ? casus::districts_path(dir) : dir / files[pick];
  ++bytes;
  --size;
#endif
  std::string original;
  {
    std::ifstream in(target, std::ios::binary);
    original.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  put(target, bytes, size);
  casus::CollectingSink sink;
  (void)casus::load_config(dir, sink);
  put(target, original.data(), original.size());
  return 0;
}
