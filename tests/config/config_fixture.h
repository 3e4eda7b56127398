// Test helper: a scratch copy of the shipped configuration (config/ and
// data/districts.csv) in a temporary folder, with helpers to break one file
// and to read back the located error messages.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "config/config_loader.h"

namespace casus::testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

class ScratchConfig {
 public:
  ScratchConfig() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("casus_config_test_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(root_ / "data");
    std::filesystem::copy(std::filesystem::path(CASUS_SOURCE_DIR) / "config", root_ / "config",
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy_file(std::filesystem::path(CASUS_SOURCE_DIR) / "data" / "districts.csv",
                               root_ / "data" / "districts.csv");
  }
  ~ScratchConfig() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  ScratchConfig(const ScratchConfig&) = delete;
  ScratchConfig& operator=(const ScratchConfig&) = delete;

  std::filesystem::path dir() const { return root_ / "config"; }
  std::filesystem::path file(const std::string& name) const { return dir() / name; }
  // The name a diagnostic uses for a file of this config.
  std::string shown(const std::string& name) const {
    return (dir() / name).lexically_normal().generic_string();
  }

  // Replaces the first occurrence of `from` in config file `name` (must exist).
  void replace(const std::string& name, const std::string& from, const std::string& to) {
    std::string text = read_text(file(name));
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    write_text(file(name), text);
  }
  // 1-based line of the first occurrence of `needle` in config file `name`.
  std::size_t line_of(const std::string& name, const std::string& needle) const {
    const std::string text = read_text(file(name));
    const auto pos = text.find(needle);
    REQUIRE(pos != std::string::npos);
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + pos, '\n'));
  }

  // Loads the config; returns the error messages ("FILE:LINE: ...").
  std::vector<std::string> errors(bool* loaded = nullptr) const {
    CollectingSink sink;
    auto config = load_config(dir(), sink);
    if (loaded) *loaded = config.is_ok();
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) {
      if (d.severity == Severity::error) out.push_back(d.to_string());
      UNSCOPED_INFO(d.to_string());
    }
    return out;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace casus::testing
