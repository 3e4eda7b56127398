#include "app/console.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace casus {

void print_error(const std::string& message) { std::cerr << "casus: " << message << '\n'; }

void print_warning(const std::string& message) {
  std::cerr << "casus: waarschuwing: " << message << '\n';
}

void print_diagnostic(const Diagnostic& diagnostic) {
  if (diagnostic.severity == Severity::warning) {
    print_warning(diagnostic.to_string());
  } else {
    print_error(diagnostic.to_string());
  }
}

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  shown_ = true;
  std::fprintf(stderr, "\r%s: %zu/%zu", label_.c_str(), done, total_);
  std::fflush(stderr);
}

void Progress::finish() {
  if (shown_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown_ = false;
  }
}

}  // namespace casus
