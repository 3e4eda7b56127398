// Synthetic context for templates/_sample/report.mustache, and helpers that
// build documents in code (a long table) for the writer tests.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "render/document.h"
#include "render/template_renderer.h"

namespace casus::testing {

inline TemplateData text_list(std::initializer_list<const char*> items) {
  TemplateData list{TemplateData::type::list};
  for (const char* s : items) list.push_back(TemplateData(std::string(s)));
  return list;
}

inline TemplateData sample_context(const std::string& language = "nl") {
  TemplateData ctx;
  TemplateData meta;
  meta.set("title", "Maandrapportage Top 600-aanpak");
  meta.set("subtitle", "Monitoring casusoverleg — november 2026");
  meta.set("audience", "Stuurgroep (bestuurlijk)");
  meta.set("marking", "VERTROUWELIJK — alleen voor leden van de stuurgroep");
  meta.set("data_as_of", "27 november 2026");
  meta.set("generated_at", "28 november 2026 09:00");
  meta.set("created", "2026-11-28T09:00:00");
  meta.set("language", language);
  meta.set("author", "Gemeente Voorbeeldstad, programmabureau");
  ctx.set("meta", meta);

  TemplateData summary;
  summary.set("lead",
              "In november waren 128 casussen actief, vier meer dan in oktober. De instroom bleef stabiel; "
              "twee casussen zijn afgeschaald na een positieve evaluatie van het plan van aanpak.");
  TemplateData paragraphs{TemplateData::type::list};
  for (const char* t :
       {"Het aantal casussen met een hoog risiconiveau daalde van 31 naar 27. In drie stadsdelen is de "
        "doorlooptijd van het plan van aanpak korter dan de norm van zes weken; in Noord en Nieuw-West "
        "loopt het opstellen van plannen achter door wisselingen in de bezetting van regisseurs.",
        "De partners leverden hun gegevens tijdig aan. Eén levering van de reclassering bevatte regels met "
        "een onbekende datumnotatie; die regels zijn in quarantaine geplaatst en na correctie opnieuw "
        "ingelezen. Deze rapportage bevat uitsluitend geaggregeerde cijfers; aantallen kleiner dan vijf "
        "worden niet getoond."}) {
    TemplateData p;
    p.set("text", t);
    paragraphs.push_back(p);
  }
  summary.set("paragraphs", paragraphs);
  summary.set("link", "https://www.example.org/aanpak");
  ctx.set("summary", summary);

  TemplateData figures{TemplateData::type::list};
  const char* kf[][3] = {{"128", "actieve casussen", "+4 t.o.v. oktober"},
                         {"27", "casussen met hoog risico", "−4 t.o.v. oktober"},
                         {"9", "nieuwe aanmeldingen", "gelijk aan oktober"},
                         {"92%", "plannen binnen zes weken", "+3 procentpunt"}};
  for (auto& f : kf) {
    TemplateData d;
    d.set("value", f[0]);
    d.set("label", f[1]);
    d.set("change", f[2]);
    figures.push_back(d);
  }
  ctx.set("key_figures", figures);

  TemplateData districts;
  districts.set("intro",
                "De tabel toont per stadsdeel het aantal actieve casussen aan het eind van de maand en het "
                "overheersende risiconiveau. De kleur ondersteunt het label; het label is leidend.");
  districts.set("chart_alt",
                "Staafdiagram: actieve casussen per stadsdeel in oktober en november. Centrum 18 en 19, "
                "Noord 24 en 26, Oost 21 en 20, West 17 en 18, Zuid 14 en 15, Nieuw-West 27 en 28, "
                "Zuidoost 3 en minder dan vijf.");
  TemplateData rows{TemplateData::type::list};
  struct D { const char* name; const char* prev; const char* act; const char* change; const char* status; const char* label; bool suppressed; };
  const D ds[] = {{"Centrum", "18", "19", "+1", "oranje", "Verhoogd", false},
                  {"Noord", "24", "26", "+2", "rood", "Hoog", false},
                  {"Oost", "21", "20", "−1", "groen", "Beheersbaar", false},
                  {"West", "17", "18", "+1", "oranje", "Verhoogd", false},
                  {"Zuid", "14", "15", "+1", "groen", "Beheersbaar", false},
                  {"Nieuw-West", "27", "28", "+1", "rood", "Hoog", false},
                  {"Zuidoost", "3", "<5", "n.v.t.", "grijs", "Niet getoond", true}};
  for (const D& d : ds) {
    TemplateData r;
    r.set("name", d.name);
    r.set("previous", d.prev);
    r.set("previous_value", d.prev);
    r.set("active", d.act);
    r.set("active_value", d.suppressed ? "0" : d.act);
    r.set("change", d.change);
    r.set("status", d.status);
    r.set("status_label", d.label);
    r.set("suppressed", d.suppressed);
    rows.push_back(r);
  }
  districts.set("rows", rows);
  districts.set("total_previous", "124");
  districts.set("total_active", "128");
  districts.set("total_change", "+4");
  ctx.set("districts", districts);

  TemplateData flow;
  flow.set("intro",
           "Nieuwe casussen komen vooral binnen via de politie en het Openbaar Ministerie. Het aandeel "
           "aanmeldingen vanuit zorg en onderwijs groeit langzaam.");
  flow.set("alt", "Gestapeld staafdiagram: instroom per maand van juni tot en met november, naar bron.");
  flow.set("months", text_list({"jun", "jul", "aug", "sep", "okt", "nov"}));
  TemplateData series{TemplateData::type::list};
  const char* sources[] = {"Politie", "Openbaar Ministerie", "Zorg en onderwijs"};
  const char* values[][6] = {{"5", "4", "6", "5", "4", "5"}, {"2", "3", "2", "3", "3", "2"}, {"1", "1", "2", "1", "2", "2"}};
  for (int s = 0; s < 3; ++s) {
    TemplateData d;
    d.set("name", sources[s]);
    TemplateData vs{TemplateData::type::list};
    for (int m = 0; m < 6; ++m) vs.push_back(TemplateData(std::string(values[s][m])));
    d.set("values", vs);
    series.push_back(d);
  }
  flow.set("series", series);
  ctx.set("flow", flow);

  TemplateData trend;
  trend.set("alt", "Lijndiagram: gemiddelde risicoscore per maand voor twee groepen; in september is de score van de "
                   "jongerengroep niet getoond omdat het aantal te klein was.");
  trend.set("months", text_list({"jun", "jul", "aug", "sep", "okt", "nov"}));
  TemplateData tseries{TemplateData::type::list};
  const char* tnames[] = {"Volwassenen", "Jongeren (tot 23 jaar)"};
  const char* tvals[][6] = {{"3.4", "3.3", "3.5", "3.2", "3.1", "2.9"}, {"2.8", "3.0", "2.7", "", "2.6", "2.4"}};
  for (int s = 0; s < 2; ++s) {
    TemplateData d;
    d.set("name", tnames[s]);
    TemplateData vs{TemplateData::type::list};
    for (int m = 0; m < 6; ++m) {
      TemplateData v;
      const bool sup = std::string(tvals[s][m]).empty();
      v.set("suppressed", sup);
      v.set("label", "<5");
      v.set("value", sup ? "0" : tvals[s][m]);
      vs.push_back(v);
    }
    d.set("values", vs);
    tseries.push_back(d);
  }
  trend.set("series", tseries);
  ctx.set("trend", trend);

  ctx.set("steps", text_list({"De regisseur bereidt de casus voor en deelt de agenda uiterlijk twee werkdagen vooraf.",
                              "De partners vullen de actuele informatie aan, ieder binnen de eigen bevoegdheid.",
                              "Het overleg stelt het risiconiveau vast en kiest de instrumenten uit de toolkit.",
                              "De regisseur legt het besluit vast in het plan van aanpak en plant de evaluatie."}));
  ctx.set("attention", text_list({"Deel alleen informatie die voor het doel van het overleg nodig is.",
                                  "Gebruik in verslagen het pseudoniem van de casus, nooit naam of bsn.",
                                  "Meld een datalek direct bij de functionaris gegevensbescherming."}));
  TemplateData defs{TemplateData::type::list};
  const char* dd[][2] = {{"Actieve casus", "een casus die op de peildatum is aangemeld en nog niet is afgesloten."},
                         {"Risiconiveau", "het oordeel van het casusoverleg op basis van het afwegingskader."}};
  for (auto& d : dd) {
    TemplateData t;
    t.set("term", d[0]);
    t.set("text", d[1]);
    defs.push_back(t);
  }
  ctx.set("definitions", defs);

  TemplateData figure;
  figure.set("src", "netwerk.png");
  figure.set("alt", "Schema: de regisseur in het midden, verbonden met zes partners.");
  figure.set("caption", "Figuur 1. De regisseur verbindt de partners in het casusoverleg.");
  ctx.set("figure", figure);

  TemplateData approval;
  approval.set("text", "Aldus vastgesteld in de vergadering van de stuurgroep.");
  TemplateData signers{TemplateData::type::list};
  const char* ss[][2] = {{"Voorzitter stuurgroep", "A. de Vries"}, {"Programmamanager", ""}};
  for (auto& s : ss) {
    TemplateData d;
    d.set("role", s[0]);
    d.set("name", s[1]);
    signers.push_back(d);
  }
  approval.set("signers", signers);
  ctx.set("approval", approval);
  return ctx;
}

// A document whose table runs over many pages (for header repetition and benchmarks).
inline Document long_table_document(int rows, const std::string& title = "Casuslijst") {
  using namespace casus::doc;
  Document d;
  d.meta.title = title;
  d.meta.marking = "VERTROUWELIJK — alleen voor regisseurs";
  d.meta.audience = "regisseurs";
  d.meta.data_as_of = "27 november 2026";
  d.meta.generated_at = "28 november 2026 09:00";
  d.meta.created = DateTime{Date{2026, 11, 28}, 9, 0, 0};
  d.blocks.push_back(Heading{1, "Alle actieve casussen", "alle"});
  Table t;
  t.caption = "Tabel 1. Actieve casussen";
  t.header_rows = 1;
  t.columns = {{1.2, Align::left}, {2.2, Align::left}, {1.2, Align::right}, {1.6, Align::left}, {1.4, Align::left}};
  auto cell = [](std::string s) {
    Cell c;
    Run r;
    r.text = std::move(s);
    c.runs.push_back(r);
    return c;
  };
  Row header;
  for (const char* h : {"Pseudoniem", "Regisseur", "Score", "Risiconiveau", "Evaluatie"}) header.cells.push_back(cell(h));
  t.rows.push_back(header);
  const char* regisseurs[] = {"J. Bakker", "M. el Idrissi", "S. Jansen", "P. de Boer"};
  const char* levels[] = {"Hoog", "Verhoogd", "Beheersbaar"};
  const StatusLevel st[] = {StatusLevel::red, StatusLevel::orange, StatusLevel::green};
  for (int i = 0; i < rows; ++i) {
    Row r;
    char id[16];
    std::snprintf(id, sizeof id, "C-%05d", i + 1);
    r.cells.push_back(cell(id));
    r.cells.push_back(cell(regisseurs[i % 4]));
    r.cells.push_back(cell(std::to_string(10 + (i * 7) % 30) + "," + std::to_string(i % 10)));
    Cell status = cell(levels[i % 3]);
    status.status = st[i % 3];
    r.cells.push_back(status);
    r.cells.push_back(cell(std::to_string(1 + i % 28) + "-12-2026"));
    t.rows.push_back(r);
  }
  d.blocks.push_back(t);
  return d;
}

}  // namespace casus::testing
