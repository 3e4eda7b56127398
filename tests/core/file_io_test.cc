#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

TEST_CASE("temporary files are hidden in the target's folder, stale ones are removed", "[file_io]") {
  const fs::path dir = fs::temp_directory_path() / "casus_file_io_stale_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  const fs::path temporary = casus::temporary_path_for(dir / "sub" / "plan.pdf");
  CHECK(temporary.parent_path() == dir / "sub");
  const std::string name = temporary.filename().string();
  CHECK(name.rfind(".casus-tmp-" + std::to_string(::getpid()) + "-", 0) == 0);
  CHECK(name.substr(name.size() - 9) == "-plan.pdf");
  // A dead process (pid beyond pid_max), this process, and a live one (pid 1).
  for (const char* stale : {"sub/.casus-tmp-999999999-0-plan.pdf", ".casus-tmp-999999998-3-manifest.json"})
    REQUIRE(casus::write_file_atomic(dir / stale, "half").is_ok());
  REQUIRE(casus::write_file_atomic(dir / ("sub/.casus-tmp-" + std::to_string(::getpid()) + "-7-a.pdf"), "mine").is_ok());
  REQUIRE(casus::write_file_atomic(dir / "sub/.casus-tmp-1-0-b.pdf", "init's").is_ok());
  REQUIRE(casus::write_file_atomic(dir / "sub/plan.pdf", "whole").is_ok());
  auto removed = casus::remove_stale_temporaries(dir);
  REQUIRE(removed.is_ok());
  CHECK(*removed == 2);
  CHECK_FALSE(fs::exists(dir / "sub/.casus-tmp-999999999-0-plan.pdf"));
  CHECK_FALSE(fs::exists(dir / ".casus-tmp-999999998-3-manifest.json"));
  CHECK(fs::exists(dir / ("sub/.casus-tmp-" + std::to_string(::getpid()) + "-7-a.pdf")));
  CHECK(fs::exists(dir / "sub/.casus-tmp-1-0-b.pdf"));
  CHECK(fs::exists(dir / "sub/plan.pdf"));
  CHECK(casus::remove_stale_temporaries(dir / "missing").value() == 0);
  fs::remove_all(dir);
}

TEST_CASE("kill -9 in the middle of an atomic write leaves the old file or nothing, never a partial one",
          "[file_io]") {
  const fs::path dir = fs::temp_directory_path() / ("casus_file_io_kill_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path target = dir / "groot.pdf";
  const std::string old_contents = "%PDF-1.4 oud\n%%EOF\n";
  REQUIRE(casus::write_file_atomic(target, old_contents).is_ok());
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const std::string big(64u << 20, 'x');
    for (;;) (void)casus::write_file_atomic(target, big);
  }
  // Wait until the child is writing its temporary file, then kill it.
  bool writing = false;
  for (int i = 0; i < 2000 && !writing; ++i) {
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().filename().string().rfind(".casus-tmp-", 0) == 0 && entry.file_size() > 0) writing = true;
    if (!writing) ::usleep(1000);
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(writing);
  const std::uintmax_t size = fs::file_size(target);
  CHECK((size == old_contents.size() || size == (64u << 20)));  // old or complete, never partial
  auto removed = casus::remove_stale_temporaries(dir);
  REQUIRE(removed.is_ok());
  CHECK(*removed == 1);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 1);
  fs::remove_all(dir);
}
