// Delivery plan: which partner delivers which record kind, in which file
// format and dialect, with which columns. Derived from Config: the partner
// with role `regie` (or code `gemeente`) delivers cases, assessments and
// life domains; a partner with an events mapping (or role `veiligheid`)
// delivers police events naming persons by bsn; partners with role `justitie`
// deliver prosecution and probation events naming the case; every owner of a
// toolkit instrument delivers its interventions. A partner export mapping in
// config (own headers, value codes, delimiter, encoding, date order) always
// wins over the default dialect.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/status.h"
#include "sample/export_writer.h"
#include "sample/simulation.h"

namespace casus {

struct Delivery {
  std::string partner;
  RecordKind kind = RecordKind::cases;
  Dialect dialect;
  std::vector<ExportColumn> columns;
  bool mapped = false;  // headers and codes from the partner's mapping file
};

class DeliveryPlan {
 public:
  std::string regie;                          // cases, assessments, life domains
  std::vector<std::string> event_partners;    // in config order
  std::vector<std::string> intervention_partners;  // in config order
  std::map<EventKind, EventRoute> event_routes;
  std::string evidence_source;  // the police partner, named as source of item evidence

  // The delivery of `kind` by `partner` in the month with this index (of
  // `months`): assessments move from CSV to XML halfway, as after a system change.
  Delivery delivery(const std::string& partner, RecordKind kind, int month_index) const;

  const Config* config = nullptr;
  int months = 1;
};

Result<DeliveryPlan> plan_deliveries(const Config& config, int months);

// The exchange-format field names of a kind, in the spec's order; for
// assessments the framework's item codes stand between assessor and judgement.
std::vector<std::string> exchange_columns(RecordKind kind, const Framework& framework);

}  // namespace casus
