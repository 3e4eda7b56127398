// The case list (casuslijst) for staff as data: one row per case active on
// the last day of the month, under its pseudonym, with regisseur, risk group,
// stage, latest judgement and its date, review due date and whether it is
// overdue (the rules of spec/monitoring.md), escalation level, the colour band
// of the latest score per life domain, and the instruments running. Only
// fields of the categories the staff audience may receive; no bsn, names or
// birth date. Rows are made one at a time (in order of regisseur, then
// pseudonym) so a writer can stream 100k cases in constant memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "logic/dataset_index.h"
#include "render/document.h"
#include "render/pseudonym.h"

namespace casus {

struct CaseListDomainCell {
  std::string band;   // band code ("rood") or "onbekend"
  std::string label;  // "rood (2)" / "onbekend"
  int score = 0;      // the latest score, 0 without one
};

// The traffic-light level a band is drawn with: rood red, oranje orange,
// groen green, anything else (onbekend) grey.
doc::StatusLevel band_status_level(const std::string& band);

struct CaseListRow {
  std::string pseudonym;
  std::string regisseur;
  int risk_group = 0;
  std::string stage;      // label
  std::string judgement;  // label, "" without assessment
  std::optional<Date> judged_on;
  Date review_due;
  bool review_overdue = false;
  std::string overdue_label;  // "ja" / "nee"
  int escalation_level = 1;
  std::vector<CaseListDomainCell> domains;  // config order
  std::string instruments;                  // "Name; Name"
};

class CaseList {
 public:
  CaseList(const DatasetIndex& index, const Config& config, YearMonth month, Language language,
           const Pseudonymizer& pseudonymizer);

  std::size_t size() const { return order_.size(); }
  CaseListRow row(std::size_t i) const;  // i-th row in list order

  YearMonth month() const { return month_; }
  Language language() const { return language_; }
  // Column headers, in order: pseudonym … escalation level, one per life domain, instruments.
  std::vector<std::string> headers() const;
  std::size_t first_domain_column() const { return 9; }
  std::size_t domain_count() const { return config_->monitoring.life_domains.size(); }
  const Config& config() const { return *config_; }
  // "ja" / "yes": the value of the overdue column that is highlighted.
  std::string yes() const;
  // The explanation every form of the list carries (XLSX notes sheet, PDF
  // notes): who is in it and what it leaves out, the pseudonyms, the review
  // rule with config's intervals, the life-domain cells. One paragraph each.
  std::vector<std::string> notes() const;

 private:
  const DatasetIndex* index_;
  const Config* config_;
  YearMonth month_;
  Language language_;
  Date end_;
  struct Entry {
    std::size_t history;
    std::string pseudonym;
  };
  std::vector<Entry> order_;
};

}  // namespace casus
