#include "render/covenant_context.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/file_io.h"
#include "render/document_meta_context.h"

namespace casus {

namespace {

bool has_role(const Config& config, const std::string& role) {
  return std::any_of(config.partners.begin(), config.partners.end(), [&](const Partner& p) { return p.role == role; });
}

const char* tr(Language lang, const char* nl, const char* en) { return lang == Language::en ? en : nl; }

std::string role_label(const std::string& role, Language lang) {
  static const std::map<std::string, std::pair<const char*, const char*>> labels = {
      {"regie", {"regie en openbare orde", "case management and public order"}},
      {"veiligheid", {"politie en veiligheid", "police and security"}},
      {"justitie", {"justitie en strafrechtketen", "justice and criminal-justice chain"}},
      {"zorg", {"zorg en ondersteuning", "care and support"}},
      {"jeugd", {"jeugdbescherming en jeugdhulp", "child protection and youth care"}}};
  auto it = labels.find(role);
  if (it == labels.end()) return role;
  return tr(lang, it->second.first, it->second.second);
}

// "A", "A en B", "A, B en C".
std::string join_names(const std::vector<std::string>& names, Language lang) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? tr(lang, " en ", " and ") : ", ";
    out += names[i];
  }
  return out;
}

std::string representative_of(const Partner& p) {
  return p.representative_title.empty() ? p.representative : p.representative + ", " + p.representative_title;
}

std::string category_name(const Config& config, const std::string& code, Language lang) {
  const DataCategory* c = config.find_data_category(code);
  return c ? c->name.get(lang) : code;
}

std::string partner_name(const Config& config, const std::string& code, const CovenantSnapshot* previous) {
  if (const Partner* p = config.find_partner(code)) return p->name;
  if (previous)
    for (const auto& party : previous->parties)
      if (party.code == code) return party.name;
  return code;
}

// Plain text of one block, for the article digest.
std::string block_text(const doc::Block& block) {
  struct Visitor {
    std::string operator()(const doc::Heading& h) const { return h.text; }
    std::string operator()(const doc::Paragraph& p) const { return plain_text(p.runs); }
    std::string operator()(const doc::ListBlock& l) const {
      std::string out;
      for (const auto& item : l.items) out += plain_text(item) + "\n";
      return out;
    }
    std::string operator()(const doc::Table& t) const {
      std::string out = t.caption + "\n";
      for (const auto& row : t.rows) {
        for (const auto& cell : row.cells) out += plain_text(cell.runs) + "\t";
        out += "\n";
      }
      return out;
    }
    std::string operator()(const doc::KeyFigures& k) const {
      std::string out;
      for (const auto& f : k.items) out += f.value + " " + f.label + " " + f.change + "\n";
      return out;
    }
    std::string operator()(const doc::Chart& c) const { return c.title + " " + c.alt; }
    std::string operator()(const doc::Figure& f) const { return f.alt; }
    std::string operator()(const doc::PageBreak&) const { return ""; }
    std::string operator()(const doc::SignatureBlock& s) const {
      std::string out;
      for (const auto& signer : s.signers) out += signer.role + " " + signer.name + "\n";
      return out;
    }
    std::string operator()(const doc::FormField& f) const { return f.label + " " + f.hint; }
    std::string operator()(const doc::TableOfContents&) const { return ""; }
  };
  return std::visit(Visitor{}, block);
}

// The title of an article heading: the text after "Artikel N. ".
std::string article_title(const std::string& heading) {
  const auto dot = heading.find(". ");
  return dot == std::string::npos ? heading : heading.substr(dot + 2);
}

std::map<std::string, std::string> article_titles(const Document& document) {
  std::map<std::string, std::string> titles;
  for (const auto& block : document.blocks)
    if (const auto* h = std::get_if<doc::Heading>(&block); h && h->level == 1 && h->id.rfind("art-", 0) == 0)
      titles[h->id] = article_title(h->text);
  return titles;
}

std::string yes_no(bool value, Language lang) { return value ? tr(lang, "ja", "yes") : "—"; }

std::string exchange_change_text(const Config& config, const CovenantExchangeChange& c,
                                 const CovenantSnapshot* previous, Language lang) {
  std::string head = partner_name(config, c.partner, previous) + " — " + category_name(config, c.category, lang) + ": ";
  std::vector<std::string> parts;
  const bool s0 = c.before && c.before->supplies, s1 = c.after && c.after->supplies;
  const bool r0 = c.before && c.before->receives, r1 = c.after && c.after->receives;
  if (!s0 && s1) parts.push_back(tr(lang, "levert voortaan", "now supplies"));
  if (s0 && !s1) parts.push_back(tr(lang, "levert niet meer", "no longer supplies"));
  if (!r0 && r1) parts.push_back(tr(lang, "ontvangt voortaan", "now receives"));
  if (r0 && !r1) parts.push_back(tr(lang, "ontvangt niet meer", "no longer receives"));
  if (c.before && c.after && c.before->legal_ground != c.after->legal_ground)
    parts.push_back(tr(lang, "grondslag gewijzigd", "legal ground changed"));
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) joined += (i ? "; " : "") + parts[i];
  return head + joined + ".";
}

TemplateData changes_context(const Config& config, const CovenantDraftInput& input, const CovenantChanges* changes,
                             const std::map<std::string, std::string>& titles,
                             const std::map<std::string, int>& numbers) {
  const Language lang = input.language;
  TemplateData out;
  std::vector<std::string> articles, parties, matrix;
  if (changes) {
    const auto title_of = [&](const CovenantArticle& a) {
      auto it = titles.find(a.id);
      return it == titles.end() ? a.title : it->second;
    };
    const auto number_of = [&](const std::string& id) {
      auto it = numbers.find(id);
      return it == numbers.end() ? std::string("?") : std::to_string(it->second);
    };
    for (const auto& a : changes->added)
      articles.push_back(std::string(tr(lang, "Artikel ", "Article ")) + number_of(a.id) + " (" + title_of(a) + ")" +
                         tr(lang, " is toegevoegd.", " has been added."));
    for (const auto& a : changes->changed)
      articles.push_back(std::string(tr(lang, "Artikel ", "Article ")) + number_of(a.id) + " (" + title_of(a) + ")" +
                         tr(lang, " is gewijzigd.", " has been changed."));
    for (const auto& a : changes->removed) {
      int old_number = 0;
      if (input.previous)
        for (std::size_t i = 0; i < input.previous->articles.size(); ++i)
          if (input.previous->articles[i].id == a.id) old_number = static_cast<int>(i) + 1;
      articles.push_back(std::string(tr(lang, "Artikel ", "Article ")) + std::to_string(old_number) +
                         tr(lang, " van versie ", " of version ") + std::to_string(input.previous_version) + " (" +
                         a.title + ")" + tr(lang, " is vervallen.", " has been removed."));
    }
    for (const auto& p : changes->joined)
      parties.push_back(std::string(tr(lang, "Toegetreden: ", "Joined: ")) + p.name + tr(lang, ", vertegenwoordigd door ", ", represented by ") + p.representative + ".");
    for (const auto& p : changes->left)
      parties.push_back(std::string(tr(lang, "Uitgetreden: ", "Left: ")) + p.name + ".");
    for (const auto& p : changes->representative_changed)
      parties.push_back(std::string(tr(lang, "Gewijzigde vertegenwoordiging: ", "Changed representation: ")) + p.name + tr(lang, ", vertegenwoordigd door ", ", represented by ") + p.representative + ".");
    const auto joined_or_left = [&](const std::string& code) {
      for (const auto& p : changes->joined)
        if (p.code == code) return true;
      for (const auto& p : changes->left)
        if (p.code == code) return true;
      return false;
    };
    for (const auto& e : changes->exchanges)
      if (!joined_or_left(e.partner))
        matrix.push_back(exchange_change_text(config, e, input.previous ? &*input.previous : nullptr, lang));
  }
  out.set("articles", text_list(articles));
  out.set("parties", text_list(parties));
  out.set("matrix", text_list(matrix));
  out.set("has_articles", flag(!articles.empty()));
  out.set("has_parties", flag(!parties.empty()));
  out.set("has_matrix", flag(!matrix.empty()));
  out.set("none", flag(changes && changes->empty()));
  return out;
}

}  // namespace

std::vector<CovenantArticleSlot> covenant_articles(const Config& config) {
  return {{"begrippen", true},
          {"doel", true},
          {"grondslagen", true},
          {"uitwisseling", true},
          {"besluitvorming", true},
          {"verantwoordelijkheden", true},
          {"zorg", has_role(config, "zorg")},
          {"jeugd", has_role(config, "jeugd")},
          {"bewaren", true},
          {"rechten", true},
          {"beveiliging", true},
          {"evaluatie", true},
          {"duur", true},
          {"slot", true}};
}

std::vector<CovenantMatrixCell> covenant_matrix(const Config& config) {
  std::vector<CovenantMatrixCell> cells;
  for (const auto& partner : config.partners) {
    for (const auto& category : config.data_categories) {
      CovenantMatrixCell cell;
      cell.partner = partner.code;
      cell.category = category.code;
      for (const auto& e : partner.exchanges)
        if (e.category == category.code) {
          cell.supplies = e.supplies;
          cell.declared_receives = e.receives;
          cell.legal_ground = e.legal_ground;
        }
      for (const auto& code : partner.audiences) {
        const Audience* a = config.find_audience(code);
        if (a && !a->aggregates_only && a->categories.count(category.code)) cell.via_audiences.push_back(code);
      }
      cell.receives = !cell.via_audiences.empty();
      if (cell.supplies || cell.receives || cell.declared_receives) cells.push_back(cell);
    }
  }
  return cells;
}

std::vector<std::string> covenant_open_points(const Config& config, Language lang) {
  // One point per partner and kind of mismatch, naming the categories.
  std::vector<std::string> points;
  const auto matrix = covenant_matrix(config);
  const auto lower = [](std::string name) {
    if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = static_cast<char>(name[0] - 'A' + 'a');
    return name;
  };
  for (const auto& partner : config.partners) {
    std::vector<std::string> no_ground, undeclared, undelivered;
    for (const auto& cell : matrix) {
      if (cell.partner != partner.code) continue;
      const std::string what = lower(category_name(config, cell.category, lang));
      if (cell.receives && !cell.legal_ground) no_ground.push_back(what);
      else if (cell.receives && !cell.declared_receives) undeclared.push_back(what);
      else if (!cell.receives && cell.declared_receives) undelivered.push_back(what);
    }
    const std::string file = "config/partners/" + partner.code + ".xml";
    if (!no_ground.empty())
      points.push_back(partner.name + tr(lang, " ontvangt via de overleggen waaraan zij deelneemt ook ",
                                         " receives, through the meetings it takes part in, also ") +
                       join_names(no_ground, lang) + tr(lang, ", maar ", ", but ") + file +
                       tr(lang, " noemt daarvoor geen grondslag.", " gives no legal ground for it."));
    if (!undeclared.empty())
      points.push_back(partner.name + tr(lang, " ontvangt ", " receives ") + join_names(undeclared, lang) +
                       tr(lang, ", terwijl ", ", while ") + file +
                       tr(lang, " dat alleen als levering vermeldt.", " lists it as supplied only."));
    if (!undelivered.empty())
      points.push_back(partner.name + tr(lang, " zou volgens ", " would receive ") +
                       (lang == Language::en ? join_names(undelivered, lang) + " according to " + file
                                             : file + " " + join_names(undelivered, lang) + " ontvangen") +
                       tr(lang, ", maar geen overleg waaraan zij deelneemt krijgt die gegevens; de matrix vermeldt dat niet als ontvangst.",
                          ", but no meeting it takes part in is given those data; the matrix does not list it as received."));
  }
  return points;
}

Result<TemplateData> covenant_context(const Config& config, const CovenantDraftInput& input,
                                      const CovenantChanges* changes, bool canonical) {
  const Language lang = input.language;
  DocumentMetaInput meta_input;
  meta_input.title = tr(lang, "Convenant informatiedeling ", "Information-sharing covenant ") + config.settings.program_name;
  meta_input.subtitle = std::string(tr(lang, "Concept, versie ", "Draft, version ")) + std::to_string(input.version) +
                        " — " + format_date_long(input.now.date, lang);
  meta_input.audience = "partners";
  meta_input.language = lang;
  meta_input.now = input.now;
  auto meta = document_meta_context(config, meta_input);
  if (!meta) return meta.status();
  TemplateData ctx;
  ctx.set("meta", *meta);

  // Article numbers.
  std::map<std::string, int> numbers;
  TemplateData art;
  int next = 1;
  for (const auto& slot : covenant_articles(config)) {
    TemplateData a;
    a.set("present", flag(slot.present));
    if (slot.present) numbers["art-" + slot.key] = next;
    a.set("number", canonical ? "#" + slot.key : slot.present ? std::to_string(next) : std::string("—"));
    if (slot.present) ++next;
    art.set(slot.key, a);
  }
  ctx.set("art", art);

  // Parties.
  TemplateData parties{TemplateData::type::list};
  int n = 0;
  for (const auto& p : config.partners) {
    TemplateData party;
    party.set("number", std::to_string(++n));
    party.set("name", p.name);
    party.set("role", role_label(p.role, lang));
    party.set("representative", p.representative);
    party.set("title", p.representative_title);
    party.set("signer_role", std::string(tr(lang, "Namens ", "On behalf of ")) + p.name + ", " + p.representative_title);
    parties.push_back(party);
  }
  ctx.set("parties", parties);
  ctx.set("party_count", std::to_string(config.partners.size()));

  // Roles and the partners in each.
  TemplateData roles;
  for (const char* role : {"regie", "veiligheid", "justitie", "zorg", "jeugd"}) {
    std::vector<std::string> names;
    for (const auto& p : config.partners)
      if (p.role == role) names.push_back(p.name);
    if (names.empty()) {
      roles.set(role, flag(false));
    } else {
      TemplateData r;
      r.set("partners", join_names(names, lang));
      roles.set(role, r);
    }
  }
  ctx.set("roles", roles);

  // Data categories.
  TemplateData categories{TemplateData::type::list};
  for (const auto& c : config.data_categories) {
    TemplateData item;
    item.set("code", c.code);
    item.set("name", c.name.get(lang));
    categories.push_back(item);
  }
  ctx.set("categories", categories);
  {
    std::vector<std::string> names;
    for (const auto& c : config.data_categories) {
      std::string name = c.name.get(lang);
      if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = static_cast<char>(name[0] - 'A' + 'a');
      names.push_back(name);
    }
    ctx.set("category_list", join_names(names, lang));
  }

  // The matrix and the distinct legal grounds.
  TemplateData rows{TemplateData::type::list};
  std::vector<std::string> grounds;
  for (const auto& cell : covenant_matrix(config)) {
    if (!cell.supplies && !cell.receives) continue;
    TemplateData row;
    row.set("partner", partner_name(config, cell.partner, nullptr));
    row.set("category", category_name(config, cell.category, lang));
    row.set("supplies", yes_no(cell.supplies, lang));
    row.set("receives", yes_no(cell.receives, lang));
    const std::string ground = cell.legal_ground ? cell.legal_ground->get(lang)
                                                 : std::string(tr(lang, "nog vast te stellen (zie toelichting)",
                                                                  "to be determined (see drafting notes)"));
    row.set("ground", ground);
    rows.push_back(row);
    if (cell.legal_ground && std::find(grounds.begin(), grounds.end(), ground) == grounds.end()) grounds.push_back(ground);
  }
  ctx.set("matrix", rows);
  ctx.set("grounds", text_list(grounds));

  // Escalation ladder.
  TemplateData ladder{TemplateData::type::list};
  for (const auto& level : config.escalation.levels) {
    TemplateData l;
    l.set("level", std::to_string(level.level));
    l.set("name", level.name.get(lang));
    l.set("description", level.description.get(lang));
    ladder.push_back(l);
  }
  ctx.set("ladder", ladder);
  ctx.set("ladder_levels", std::to_string(config.escalation.levels.size()));
  ctx.set("retention_years", std::to_string(config.settings.retention_years_after_closure));
  ctx.set("review_hoog", std::to_string(config.monitoring.review_days_hoog));
  ctx.set("review_midden", std::to_string(config.monitoring.review_days_midden));
  ctx.set("review_laag", std::to_string(config.monitoring.review_days_laag));

  // The draft: version, note, change list, drafting notes.
  TemplateData draft;
  draft.set("version", std::to_string(input.version));
  draft.set("note", input.note);
  draft.set("has_note", flag(!input.note.empty()));
  draft.set("first", flag(input.previous_version == 0));
  draft.set("previous_version", std::to_string(input.previous_version));
  auto previous_date = parse_date_time(input.previous_created_at);
  draft.set("previous_date", previous_date ? format_date_long(previous_date->date, lang) : input.previous_created_at);
  const auto points = canonical ? std::vector<std::string>{} : covenant_open_points(config, lang);
  draft.set("open_points", text_list(points));
  draft.set("has_open_points", flag(!points.empty()));
  ctx.set("draft", draft);
  ctx.set("changes", changes_context(config, input, changes, {}, numbers));
  return ctx;
}

CovenantSnapshot covenant_snapshot(const Config& config, const Document& canonical) {
  CovenantSnapshot snapshot;
  for (const auto& p : config.partners) snapshot.parties.push_back({p.code, p.name, representative_of(p)});
  CovenantArticle* current = nullptr;
  std::string text;
  const auto close = [&] {
    if (current) current->digest = sha256_hex(text);
    current = nullptr;
    text.clear();
  };
  for (const auto& block : canonical.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&block); h && h->level == 1) {
      close();
      if (h->id.rfind("art-", 0) == 0) {
        snapshot.articles.push_back({h->id, article_title(h->text), ""});
        current = &snapshot.articles.back();
      }
    }
    if (current) text += block_text(block) + "\n";
  }
  close();
  for (const auto& cell : covenant_matrix(config)) {
    if (!cell.supplies && !cell.receives) continue;
    snapshot.exchanges.push_back({cell.partner, cell.category, cell.supplies, cell.receives,
                                  cell.legal_ground ? cell.legal_ground->nl : std::string()});
  }
  return snapshot;
}

Result<CovenantDraft> build_covenant(const Config& config, const CovenantDraftInput& input, DiagnosticSink& sink) {
  // 1. Canonical Dutch render: the snapshot.
  CovenantDraftInput canonical_input = input;
  canonical_input.language = Language::nl;
  auto canonical_ctx = covenant_context(config, canonical_input, nullptr, true);
  if (!canonical_ctx) return canonical_ctx.status();
  auto canonical = render_document(localized_template(config, "covenant", Language::nl, "convenant"), *canonical_ctx, sink);
  if (!canonical) return canonical.status();
  CovenantDraft draft;
  draft.snapshot = covenant_snapshot(config, *canonical);
  if (input.previous) draft.changes = compute_covenant_changes(*input.previous, draft.snapshot);
  draft.open_points = covenant_open_points(config, input.language);

  // 2. The draft itself; a first pass gives the article titles in the output language.
  const auto path = localized_template(config, "covenant", input.language, "convenant");
  auto ctx = covenant_context(config, input, input.previous ? &draft.changes : nullptr, false);
  if (!ctx) return ctx.status();
  auto first = render_document(path, *ctx, sink);
  if (!first) return first.status();
  std::map<std::string, int> numbers;
  {
    int next = 1;
    for (const auto& slot : covenant_articles(config))
      if (slot.present) numbers["art-" + slot.key] = next++;
  }
  ctx->set("changes", changes_context(config, input, input.previous ? &draft.changes : nullptr,
                                      article_titles(*first), numbers));
  auto final_doc = render_document(path, *ctx, sink);
  if (!final_doc) return final_doc.status();
  draft.document = std::move(*final_doc);
  return draft;
}

}  // namespace casus
