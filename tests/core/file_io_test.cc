#include <catch2/catch.hpp>

#include <filesystem>

#include "core/file_io.h"

namespace fs = std::filesystem;

TEST_CASE("atomic writes leave only the final file", "[file_io]") {
  const fs::path dir = fs::temp_directory_path() / "casus_file_io_test";
  fs::remove_all(dir);
  const fs::path target = dir / "sub" / "out.txt";
  REQUIRE(casus::write_file_atomic(target, "inhoud").is_ok());
  auto read = casus::read_file(target);
  REQUIRE(read.is_ok());
  CHECK(*read == "inhoud");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "sub")) ++entries;
  CHECK(entries == 1);
  fs::remove_all(dir);
}

TEST_CASE("reading a missing file names it", "[file_io]") {
  auto read = casus::read_file("/nonexistent/casus.csv");
  REQUIRE_FALSE(read.is_ok());
  CHECK(read.message() == "/nonexistent/casus.csv: cannot open: No such file or directory");
}

TEST_CASE("sha256 of known input", "[file_io]") {
  CHECK(casus::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
