#include "logic/covenant_changes.h"

#include <algorithm>
#include <sstream>

namespace casus {

namespace {

constexpr const char* kHeader = "casus-covenant-snapshot 1";

std::string clean(const std::string& value) {
  std::string out = value;
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    parts.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return parts;
}

template <typename T, typename Key>
const T* find_by(const std::vector<T>& items, const Key& key) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return key(item); });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool CovenantChanges::empty() const {
  return added.empty() && removed.empty() && changed.empty() && joined.empty() && left.empty() &&
         representative_changed.empty() && exchanges.empty();
}

std::string snapshot_to_text(const CovenantSnapshot& snapshot) {
  std::string out = std::string(kHeader) + "\n";
  for (const auto& p : snapshot.parties)
    out += "party\t" + clean(p.code) + "\t" + clean(p.name) + "\t" + clean(p.representative) + "\n";
  for (const auto& a : snapshot.articles)
    out += "article\t" + clean(a.id) + "\t" + clean(a.title) + "\t" + clean(a.digest) + "\n";
  for (const auto& e : snapshot.exchanges)
    out += "exchange\t" + clean(e.partner) + "\t" + clean(e.category) + "\t" + (e.supplies ? "1" : "0") + "\t" +
           (e.receives ? "1" : "0") + "\t" + clean(e.legal_ground) + "\n";
  return out;
}

Result<CovenantSnapshot> snapshot_from_text(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader)
    return Status::error("covenant snapshot: line 1: expected '" + std::string(kHeader) + "'");
  CovenantSnapshot snapshot;
  std::size_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const auto f = split_tabs(line);
    const auto bad = [&](const char* what) {
      return Status::error("covenant snapshot: line " + std::to_string(number) + ": malformed " + what);
    };
    if (f[0] == "party") {
      if (f.size() != 4) return bad("party");
      snapshot.parties.push_back({f[1], f[2], f[3]});
    } else if (f[0] == "article") {
      if (f.size() != 4) return bad("article");
      snapshot.articles.push_back({f[1], f[2], f[3]});
    } else if (f[0] == "exchange") {
      if (f.size() != 6 || (f[3] != "0" && f[3] != "1") || (f[4] != "0" && f[4] != "1")) return bad("exchange");
      snapshot.exchanges.push_back({f[1], f[2], f[3] == "1", f[4] == "1", f[5]});
    } else {
      return Status::error("covenant snapshot: line " + std::to_string(number) + ": unknown entry '" + f[0] + "'");
    }
  }
  return snapshot;
}

CovenantChanges compute_covenant_changes(const CovenantSnapshot& previous, const CovenantSnapshot& current) {
  CovenantChanges changes;
  for (const auto& a : current.articles) {
    const auto* before = find_by(previous.articles, [&](const CovenantArticle& x) { return x.id == a.id; });
    if (!before)
      changes.added.push_back(a);
    else if (before->digest != a.digest || before->title != a.title)
      changes.changed.push_back(a);
  }
  for (const auto& a : previous.articles)
    if (!find_by(current.articles, [&](const CovenantArticle& x) { return x.id == a.id; }))
      changes.removed.push_back(a);
  for (const auto& p : current.parties) {
    const auto* before = find_by(previous.parties, [&](const CovenantParty& x) { return x.code == p.code; });
    if (!before)
      changes.joined.push_back(p);
    else if (before->representative != p.representative || before->name != p.name)
      changes.representative_changed.push_back(p);
  }
  for (const auto& p : previous.parties)
    if (!find_by(current.parties, [&](const CovenantParty& x) { return x.code == p.code; }))
      changes.left.push_back(p);
  const auto same_cell = [](const CovenantExchange& e) {
    return [&e](const CovenantExchange& x) { return x.partner == e.partner && x.category == e.category; };
  };
  for (const auto& e : current.exchanges) {
    const auto* before = find_by(previous.exchanges, same_cell(e));
    if (!before)
      changes.exchanges.push_back({e.partner, e.category, std::nullopt, e});
    else if (!(*before == e))
      changes.exchanges.push_back({e.partner, e.category, *before, e});
  }
  for (const auto& e : previous.exchanges)
    if (!find_by(current.exchanges, same_cell(e))) changes.exchanges.push_back({e.partner, e.category, e, std::nullopt});
  return changes;
}

}  // namespace casus
