#include "render/document.h"

namespace casus::doc {

std::string plain_text(const Runs& runs) {
  std::string out;
  for (const Run& run : runs) out += run.text;
  return out;
}

const char* status_level_name(StatusLevel level) {
  switch (level) {
    case StatusLevel::red: return "red";
    case StatusLevel::orange: return "orange";
    case StatusLevel::green: return "green";
    case StatusLevel::grey: return "grey";
  }
  return "grey";
}

}  // namespace casus::doc
