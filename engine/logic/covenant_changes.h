// Covenant versions: the canonical snapshot of one covenant draft (its
// articles by stable id with a digest of their wording, its parties, and the
// information-exchange matrix) and the pure comparison of two snapshots into
// the change list a new draft opens with: articles added, removed or changed,
// parties joined or left (or with a new representative), matrix cells changed.
// The snapshot's text form is what the store keeps per version.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace casus {

struct CovenantArticle {
  std::string id;      // stable: "art-jeugd"
  std::string title;   // without its number: "Jeugdigen"
  std::string digest;  // SHA-256 of the wording, with cross-references as ids (not numbers)
  bool operator==(const CovenantArticle&) const = default;
};

struct CovenantParty {
  std::string code;
  std::string name;
  std::string representative;  // "mr. A.B. Voorbeeld-Jansen, burgemeester"
  bool operator==(const CovenantParty&) const = default;
};

struct CovenantExchange {
  std::string partner;
  std::string category;
  bool supplies = false;
  bool receives = false;
  std::string legal_ground;
  bool operator==(const CovenantExchange&) const = default;
};

struct CovenantSnapshot {
  std::vector<CovenantArticle> articles;   // in document order
  std::vector<CovenantParty> parties;      // in document order
  std::vector<CovenantExchange> exchanges; // one per partner × category with supplies or receives
  bool operator==(const CovenantSnapshot&) const = default;
};

// Line-based canonical text: a header line, then one tab-separated line per
// party, article and exchange. Tabs and line breaks inside values become spaces.
std::string snapshot_to_text(const CovenantSnapshot& snapshot);
Result<CovenantSnapshot> snapshot_from_text(const std::string& text);

struct CovenantExchangeChange {
  std::string partner;
  std::string category;
  std::optional<CovenantExchange> before;  // empty: new cell
  std::optional<CovenantExchange> after;   // empty: cell removed
};

struct CovenantChanges {
  std::vector<CovenantArticle> added;    // in the new draft's order
  std::vector<CovenantArticle> removed;  // in the previous draft's order
  std::vector<CovenantArticle> changed;  // new title and digest, new order
  std::vector<CovenantParty> joined;
  std::vector<CovenantParty> left;
  std::vector<CovenantParty> representative_changed;  // new values
  std::vector<CovenantExchangeChange> exchanges;      // new order, then removed cells
  bool empty() const;
};

CovenantChanges compute_covenant_changes(const CovenantSnapshot& previous, const CovenantSnapshot& current);

}  // namespace casus
