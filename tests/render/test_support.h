// Helpers for the render tests: running the checking tools (pdftotext, qpdf,
// pdffonts, soffice) and reading their output, and an output folder.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace casus::testing {

struct CommandResult {
  int status = -1;
  std::string output;  // stdout only
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline bool have_tool(const std::string& tool) {
  return run_command("command -v " + tool + " >/dev/null 2>&1").status == 0;
}

inline std::filesystem::path output_folder() {
  const std::filesystem::path dir = std::filesystem::current_path() / "render_test_output";
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// How often `needle` occurs in `text` (overlapping occurrences count).
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Collapses all whitespace runs to one space (for comparing wrapped text).
inline std::string squash(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

}  // namespace casus::testing
