// A small Config built by hand for the ingest tests (no config files needed).
#pragma once

#include <string>

#include "config/config.h"

namespace casus::testing {

inline Config test_config() {
  Config c;
  for (const char* d : {"A", "E", "F", "K", "M", "N", "T", "B", "S", "buiten"})
    c.districts.push_back({d, {d, d}});
  for (const char* p : {"gemeente", "politie", "om", "reclassering", "zorg"}) {
    Partner partner;
    partner.code = p;
    partner.name = p;
    c.partners.push_back(partner);
  }
  // politie delivers events with its own headers, as in the spec's example.
  PartnerExport events;
  events.kind = RecordKind::events;
  events.format = "csv";
  events.delimiter = ';';
  events.encoding = "windows-1252";
  events.date_order = DateOrder::dmy;
  events.columns.push_back({"event_id", "Registratienummer", {}, {}});
  events.columns.push_back({"bsn", "BSN-nummer", {}, {}});
  events.columns.push_back({"occurred_on", "Pleegdatum", {}, {}});
  events.columns.push_back({"kind", "Soort registratie", {{"AANH", "aanhouding"}, {"VERD", "verdachte"}}, {}});
  c.partners[1].exports.push_back(events);
  PartnerExport xml_events = events;
  xml_events.format = "xml";
  xml_events.encoding = "";
  xml_events.columns[0].header = "RegNr";
  c.partners[1].exports.push_back(xml_events);

  c.toolkit.categories.push_back({"begrenzen", {"Begrenzen", "Restricting"}, true});
  c.toolkit.categories.push_back({"beinvloeden", {"Beïnvloeden", "Influencing"}, false});
  c.toolkit.categories.push_back({"zorg", {"Zorg", "Care"}, false});
  Instrument ban;
  ban.code = "gebiedsverbod";
  ban.category = "begrenzen";
  Instrument mentor;
  mentor.code = "mentor";
  mentor.category = "beinvloeden";
  c.toolkit.instruments = {ban, mentor};

  const std::pair<const char*, int> domains[] = {{"V", 6}, {"I", 5}, {"K", 8}, {"B", 6}};
  for (const auto& [domain, n] : domains) {
    FrameworkDomain d;
    d.code = domain;
    for (int i = 1; i <= n; ++i) {
      FrameworkItem item;
      item.code = std::string(domain) + std::to_string(i);
      item.domain = domain;
      d.item_codes.push_back(item.code);
      c.framework.items.push_back(item);
    }
    c.framework.domains.push_back(d);
  }
  for (const char* d : {"financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties",
                        "geestelijke_gezondheid", "lichamelijke_gezondheid", "middelengebruik", "basale_adl",
                        "instrumentele_adl", "sociaal_netwerk", "participatie", "justitie"})
    c.monitoring.life_domains.push_back({d, {d, d}});
  return c;
}

}  // namespace casus::testing
