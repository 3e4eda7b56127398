#include "render/caselist_document.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <utility>
#include <variant>

#include "core/number_format.h"
#include "render/case_document_parts.h"
#include "render/markup_parser.h"
#include "render/report_labels.h"
#include "render/template_renderer.h"

namespace casus {

namespace {

// The column headers are the workbook's (CaseList::headers()), stacked two to
// a column where the PDF puts two values in one cell, and hyphenated where a
// narrow column needs it (a header word never breaks between letters).
constexpr LabelText kLabels[] = {
    {"pseudonym", "Pseudoniem", "Pseudonym"},
    {"regisseur", "Regisseur", "Case\u00a0director"},
    {"risk_group", "Doel- groep", "Risk group"},
    {"stage", "Fase", "Stage"},
    {"instruments", "Lopende instrumenten", "Instruments running"},
    {"judgement", "Laatste oordeel", "Latest judgement"},
    {"review_due", "Herbeoor- deling uiterlijk", "Review due"},
    {"level", "Esca- latie- niveau", "Esca- lation level"},
    {"life_domains", "Leefgebieden", "Life domains"},
    {"overdue", "te laat", "overdue"},
    {"no_cases", "Aan het eind van deze maand is geen casus actief.", "No case is active at the end of this month."},
    {"notes", "Toelichting", "Notes"},
};

// The first letter of the band's short label, upper case ("R" for rood).
std::string band_initial(const Config& config, const std::string& band, Language language) {
  const std::string word = band_short_label(config, band, language);
  if (word.empty()) return "?";
  const char c = word[0];
  if (c >= 'a' && c <= 'z') return std::string(1, static_cast<char>(c - 'a' + 'A'));
  if (static_cast<unsigned char>(c) < 0x80) return std::string(1, c);
  return "?";
}

// "R2": the band's initial and the score, so that the cell says in text what
// its colour says; "–" without a score.
std::string domain_cell_label(const Config& config, const CaseListDomainCell& cell, Language language) {
  if (cell.score == 0) return "–";
  return band_initial(config, cell.band, language) + std::to_string(cell.score);
}

// "R = rood (score 1–2), O = oranje (3), G = groen (4–5), – = geen meting."
std::string band_legend(const Config& config, Language language) {
  const bool en = language == Language::en;
  std::string out;
  for (const auto& band : config.monitoring.bands) {
    const std::string word = band_short_label(config, band.code, language);
    const std::string initial = band_initial(config, band.code, language);
    const std::string range = band.min_score == band.max_score
                                  ? std::to_string(band.min_score)
                                  : std::to_string(band.min_score) + "–" + std::to_string(band.max_score);
    out += (out.empty() ? "" : ", ") + initial + " = " + word + " (" + (out.empty() ? "score " : "") + range + ")";
  }
  out += en ? ", – = no observation; after the letter, the latest score."
            : ", – = geen meting; achter de letter de laatste score.";
  return out;
}

std::string intro_text(const CaseList& list, Language language) {
  const bool en = language == Language::en;
  const std::size_t n = list.size();
  const std::string count = format_integer(static_cast<std::int64_t>(n), language);
  const std::string day = format_date_long(list.month().last_day(), language);
  if (en)
    return count + (n == 1 ? " case" : " cases") + " active on " + day +
           ", by case director and pseudonym. Overdue reviews are marked \"overdue\".";
  return count + (n == 1 ? " casus" : " casussen") + " actief op " + day +
         ", naar regisseur en pseudoniem. Een verlopen herbeoordeling is gemarkeerd met \"te laat\".";
}

// The context of rows [first, last) with the frame every chunk repeats.
Result<TemplateData> chunk_context(const CaseList& list, const DocumentMeta& meta, const Audience& audience,
                                   const DocumentSchema& schema, std::size_t first, std::size_t last) {
  const Language language = list.language();
  const Config& config = list.config();
  ContextBuilder builder(schema, audience);
  auto root = builder.root();

  put_document_meta(root, meta);
  put_labels(root, kLabels, language);

  root.empty_list("domain_legend");
  const auto& domains = config.monitoring.life_domains;
  for (std::size_t d = 0; d < domains.size(); ++d) {
    auto item = root.object("domain_legend");
    item.set("separator", d == 0 ? "" : ", ");
    item.set("number", std::to_string(d + 1));
    item.set("name", domains[d].name.get(language));
    root.append("domain_legend", std::move(item));
  }
  root.set("domain_count", std::to_string(list.domain_count()));
  root.set("band_legend", band_legend(config, language));
  root.set("intro", intro_text(list, language));
  root.empty_list("notes");
  for (const std::string& note : list.notes()) {
    auto item = root.object("notes");
    item.set("text", note);
    root.append("notes", std::move(item));
  }

  root.presence("rows_any", list.size() > 0);
  root.empty_list("rows", last - first);
  for (std::size_t i = first; i < last; ++i) {
    const CaseListRow r = list.row(i);
    auto row = root.object("rows");
    row.set("pseudonym", r.pseudonym);
    row.set("regisseur", r.regisseur.empty() ? "—" : r.regisseur);
    row.set("risk_group", std::to_string(r.risk_group));
    row.set("stage", r.stage);
    row.set("judgement", r.judgement.empty() ? "—" : r.judgement);
    row.set("judged_on", r.judged_on ? format_date_short(*r.judged_on) : "");
    row.set("review_due", format_date_short(r.review_due));
    row.presence("overdue_any", r.review_overdue);
    row.set("level", std::to_string(r.escalation_level));
    row.empty_list("domains", r.domains.size());
    for (const CaseListDomainCell& cell : r.domains) {
      auto c = row.object("domains");
      c.set("status", doc::status_level_name(band_status_level(cell.band)));
      c.set("label", domain_cell_label(config, cell, language));
      row.append("domains", std::move(c));
    }
    row.presence("instruments_any", !r.instruments.empty());
    row.set("instruments", r.instruments);
    root.append("rows", std::move(row));
  }
  return builder.build(std::move(root));
}

// The tables of a parsed chunk.
std::vector<doc::Table*> tables_of(Document& document) {
  std::vector<doc::Table*> out;
  for (doc::Block& block : document.blocks)
    if (auto* t = std::get_if<doc::Table>(&block)) out.push_back(t);
  return out;
}

}  // namespace

PdfOptions caselist_page(PdfOptions base) {
  if (base.page_width < base.page_height) std::swap(base.page_width, base.page_height);
  base.side_margin = 40;
  return base;
}

DocumentSchema caselist_schema(const Config& config) {
  DocumentSchema s("casuslijst");
  declare_frame(s, kLabels);
  s.structural("domain_legend.separator");
  s.structural("domain_legend.number");
  s.structural("domain_legend.name");
  s.structural("domain_count");
  s.structural("band_legend");
  s.structural("intro");
  s.structural("notes.text");
  s.field("rows_any", config, "cases", "case_id");
  // The pseudonym stands for the case id; the case id itself is not declared.
  s.field("rows.pseudonym", config, "cases", "case_id");
  s.field("rows.regisseur", config, "cases", "regisseur");
  s.field("rows.risk_group", config, "cases", "risk_group");
  s.field("rows.stage", config, "cases", "plan_approved_on");
  s.field("rows.judgement", config, "assessments", "judgement");
  s.field("rows.judged_on", config, "assessments", "assessed_on");
  s.field("rows.review_due", config, "assessments", "assessed_on");
  s.field("rows.overdue_any", config, "assessments", "assessed_on");
  s.field("rows.level", config, "cases", "escalation_level");
  s.field("rows.domains", config, "life_domains", "score");
  s.field("rows.domains.status", config, "life_domains", "score");
  s.field("rows.domains.label", config, "life_domains", "score");
  s.field("rows.instruments_any", config, "interventions", "code");
  s.field("rows.instruments", config, "interventions", "code");
  // Declared so that a template asking for them names the category the
  // staff audience may not receive; the builder never sets them.
  s.field("rows.name", config, "cases", "surname");
  s.field("rows.bsn", config, "cases", "bsn");
  s.field("rows.birth_date", config, "cases", "birth_date");
  return s;
}

Result<Document> render_caselist_document(const CaseList& list, const DocumentMeta& meta, const Audience& audience,
                                          const DocumentSchema& schema, const std::filesystem::path& template_path,
                                          DiagnosticSink& sink, const CaseListDocumentOptions& options) {
  if (!audience.pseudonymised || audience.aggregates_only)
    return Status::error("audience '" + audience.code + "' is not pseudonymised: the case list is only for staff");
  auto tmpl = MustacheTemplate::load(template_path, sink);
  if (!tmpl) return tmpl.status();
  const std::string where = template_path.generic_string();
  const std::size_t chunk = std::max<std::size_t>(options.chunk_rows, 1);

  // The chunks go through context, template and markup parser independently,
  // on up to `workers` threads (each with a sink of its own); they are joined
  // and checked in list order, so the document, the diagnostics and the first
  // error are those of a single pass.
  const std::size_t chunks = std::max<std::size_t>(1, (list.size() + chunk - 1) / chunk);
  struct Part {
    CollectingSink sink;
    std::optional<Result<Document>> document;
  };
  std::vector<Part> parts(chunks);
  const auto render_part = [&](std::size_t index) {
    Part& part = parts[index];
    const std::size_t first = index * chunk;
    const std::size_t last = std::min(list.size(), first + chunk);
    auto context = chunk_context(list, meta, audience, schema, first, last);
    if (!context) {
      part.document.emplace(context.status());
      return;
    }
    auto markup = tmpl->render(*context, part.sink);
    if (!markup) {
      part.document.emplace(markup.status());
      return;
    }
    part.document.emplace(parse_markup(*markup, where, part.sink));
  };
  const std::size_t workers =
      options.workers ? options.workers : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t index = next++; index < chunks; index = next++) render_part(index);
  };
  std::vector<std::thread> helpers;
  for (std::size_t w = 1; w < std::min(workers, chunks); ++w) helpers.emplace_back(work);
  work();
  for (auto& helper : helpers) helper.join();

  Document document;
  doc::Table* table = nullptr;
  for (std::size_t index = 0; index < chunks; ++index) {
    for (const Diagnostic& d : parts[index].sink.diagnostics()) sink.report(d);
    Result<Document>& part = *parts[index].document;
    if (!part) return part.status();
    const std::size_t first = index * chunk;
    const std::size_t last = std::min(list.size(), first + chunk);
    std::vector<doc::Table*> tables = tables_of(*part);
    if (list.size() > 0 && tables.size() != 1)
      return Status::error(where + ": the case list needs exactly one <table> for its rows, not " +
                           std::to_string(tables.size()));
    if (list.size() > 0) {
      doc::Table& t = *tables.front();
      const std::size_t header = static_cast<std::size_t>(t.header_rows);
      if (t.rows.size() != header + (last - first))
        return Status::error(where + ": the table must hold one row per case after its " + std::to_string(header) +
                             " header row(s), not " + std::to_string(t.rows.size() - std::min(header, t.rows.size())) +
                             " for " + std::to_string(last - first) + " cases");
      if (!table) {
        document = std::move(*part);
        table = tables_of(document).front();
        table->rows.reserve(header + list.size());
      } else {
        std::move(t.rows.begin() + static_cast<std::ptrdiff_t>(header), t.rows.end(), std::back_inserter(table->rows));
      }
    } else {
      document = std::move(*part);
    }
    parts[index].document.reset();  // its rows are moved; the rest goes now
  }
  return document;
}

}  // namespace casus
