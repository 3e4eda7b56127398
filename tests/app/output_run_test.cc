#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "app/output_run.h"
#include "core/file_io.h"

namespace fs = std::filesystem;

TEST_CASE("a run records its files and ends with a manifest", "[output_run]") {
  const fs::path out = fs::temp_directory_path() / ("casus_output_run_test_" + std::to_string(::getpid()));
  fs::remove_all(out);
  REQUIRE(casus::write_file_atomic(out / "rapport" / "a.txt", "abc").is_ok());
  casus::OutputRun run(out);
  REQUIRE(run.record("rapport/a.txt", "board", {"regulier"}, "2026-10-31", "Proef").is_ok());
  auto missing = run.record("rapport/b.txt", "board", {}, "2026-10-31", "");
  REQUIRE_FALSE(missing.is_ok());
  REQUIRE(run.write_manifest("2026-11-28T09:00:00").is_ok());
  auto manifest = casus::read_file(out / "manifest.json");
  REQUIRE(manifest.is_ok());
  CHECK(*manifest ==
        "{\n"
        "  \"generated_at\": \"2026-11-28T09:00:00\",\n"
        "  \"files\": [\n"
        "    {\n"
        "      \"path\": \"rapport/a.txt\",\n"
        "      \"size\": 3,\n"
        "      \"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\n"
        "      \"audience\": \"board\",\n"
        "      \"categories\": [\n"
        "        \"regulier\"\n"
        "      ],\n"
        "      \"data_as_of\": \"2026-10-31\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
  CHECK(run.summary() == "  " + (out / "rapport/a.txt").generic_string() + "  (1 KB)  Proef\n");
  fs::remove_all(out);
}
