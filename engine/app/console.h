// Console: how the `casus` command talks to people. Errors go to stderr as
// "casus: message"; a progress line is shown on stderr only when stderr is a
// terminal and the work takes more than a second.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "core/diagnostic.h"

namespace casus {

void print_error(const std::string& message);    // "casus: message" on stderr
void print_warning(const std::string& message);  // "casus: waarschuwing: message"
void print_diagnostic(const Diagnostic& diagnostic);

// Reports "label: done/total" at most a few times per second, starting after one
// second, and only on a terminal. finish() clears the line.
class Progress {
 public:
  Progress(std::string label, std::size_t total);
  ~Progress();
  void update(std::size_t done);
  void finish();

 private:
  std::string label_;
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace casus
