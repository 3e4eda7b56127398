// The covenant draft (convenant): its template context and the whole draft.
// Parties, representatives, roles and the information-exchange matrix come
// from config; the matrix's "receives" column is what the engine actually
// gives each partner (the data categories of the audiences its people belong
// to), its "supplies" column and legal grounds come from the partner's
// <exchange> entries, and every mismatch between the two becomes an open
// point in the drafting notes. Articles are numbered here: an article whose
// condition does not hold (no youth-care partner, say) is left out and the
// numbers and cross-references (`art.<key>.number`) stay continuous.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "logic/covenant_changes.h"
#include "render/document.h"
#include "render/template_renderer.h"

namespace casus {

// The articles in document order: key (template `art.<key>`, anchor "art-<key>")
// and whether it applies under this config.
struct CovenantArticleSlot {
  std::string key;
  bool present = true;
};
std::vector<CovenantArticleSlot> covenant_articles(const Config& config);

// One cell of the information-exchange matrix (partner × data category).
struct CovenantMatrixCell {
  std::string partner;
  std::string category;
  bool supplies = false;                 // declared in the partner's <exchange>
  bool receives = false;                 // what the engine gives the partner's audiences
  std::vector<std::string> via_audiences;  // audience codes through which it receives
  bool declared_receives = false;        // <exchange receives="true">
  std::optional<LocalizedText> legal_ground;  // empty: no <exchange> for this category
};
// Every partner × category that is supplied or received, in config order.
std::vector<CovenantMatrixCell> covenant_matrix(const Config& config);

// Drafting notes: each mismatch between the matrix and the partners' declarations.
std::vector<std::string> covenant_open_points(const Config& config, Language language);

struct CovenantDraftInput {
  Language language = Language::nl;
  DateTime now;
  int version = 1;
  std::string note;
  // The previous draft (empty for version 1).
  std::optional<CovenantSnapshot> previous;
  int previous_version = 0;
  std::string previous_created_at;  // ISO date-time
};

struct CovenantDraft {
  Document document;
  CovenantSnapshot snapshot;  // canonical (Dutch wording, cross-references as ids)
  CovenantChanges changes;    // against the previous draft (empty for version 1)
  std::vector<std::string> open_points;
};

// The template context (`meta`, `draft`, `parties`, `art`, `matrix`, …).
// With `canonical`, article numbers are replaced by their keys ("#jeugd") so
// the wording of an article does not change when another is dropped.
Result<TemplateData> covenant_context(const Config& config, const CovenantDraftInput& input,
                                      const CovenantChanges* changes, bool canonical);

// The snapshot of a rendered canonical covenant: each level-1 section whose
// anchor starts with "art-" is an article (title after "Artikel #key. ").
CovenantSnapshot covenant_snapshot(const Config& config, const Document& canonical);

// Renders templates/covenant/<lang>/convenant.mustache: the canonical Dutch
// version for the snapshot, then the draft with its change list.
Result<CovenantDraft> build_covenant(const Config& config, const CovenantDraftInput& input, DiagnosticSink& sink);

}  // namespace casus
