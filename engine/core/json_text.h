// JSON text for the engine's hand-written JSON (indicators, import reports,
// sample manifests, audit entries), whose key order and layout are part of
// their contracts: one quoting function for strings.
#pragma once

#include <string>
#include <string_view>

namespace casus {

// `text` as a JSON string literal, quotes included: " \ and control
// characters escaped; UTF-8 passed through.
std::string json_quote(std::string_view text);

}  // namespace casus
