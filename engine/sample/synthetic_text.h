// Synthetic identities and free text for the sample generator: invented
// given names and surnames (with Dutch diacritics), synthetic bsns in the
// obviously fake range 9999xxxxx that pass the 11-test, and the short texts
// used in descriptions, goals, hold reasons and rationales. Nothing here
// describes a real person.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "sample/prng.h"

namespace casus {

// Synthetic bsns start with this prefix; a set of more than 9,000 persons
// continues with 9998, 9997, … (each four-digit block holds 9,000).
inline constexpr const char* kSyntheticBsnPrefix = "9999";

// Hands out distinct synthetic bsns (a 99xx block + 5 digits, 11-test valid).
class SyntheticBsnAllocator {
 public:
  explicit SyntheticBsnAllocator(std::uint64_t seed);
  std::string next();
  // A 9999-prefixed number that fails the 11-test (for planted faults).
  static std::string invalid_example();

 private:
  Prng prng_;
  std::set<std::string> used_;
  int block_ = 9999;            // current four-digit prefix
  std::size_t in_block_ = 0;    // bsns handed out in it
};

// The invented name lists (fictional; any likeness to a real person is chance).
const std::vector<std::string>& synthetic_given_names();
const std::vector<std::string>& synthetic_surnames();
// Invented case directors, used when config lists no regisseurs.
const std::vector<std::string>& synthetic_regisseurs();

// Free-text snippets; some hold the CSV delimiters, double quotes and line
// breaks on purpose, so that every export exercises RFC 4180 quoting.
const std::vector<std::string>& event_descriptions(const std::string& kind);
const std::vector<std::string>& hold_reasons();
const std::vector<std::string>& begrenzen_rationales();
const std::vector<std::string>& intervention_notes();
const std::vector<std::string>& life_domain_goals();
const std::vector<std::string>& deviation_rationales();
const std::vector<std::string>& item_evidence();

}  // namespace casus
