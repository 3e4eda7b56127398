#include "ingest/importer.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "core/file_io.h"
#include "core/text_encoding.h"
#include "ingest/csv_reader.h"
#include "ingest/field_mapping.h"
#include "ingest/xml_reader.h"

namespace casus {
namespace fs = std::filesystem;

const char* code(FileStatus status) {
  switch (status) {
    case FileStatus::stored: return "stored";
    case FileStatus::skipped: return "skipped";
    case FileStatus::rejected: return "rejected";
  }
  return "rejected";
}

namespace {

// One streaming pass before parsing: size, SHA-256, UTF-8 validity, NUL bytes, the head.
struct Prescan {
  std::uintmax_t size = 0;
  std::string sha256;
  bool valid_utf8 = true;
  bool has_nul = false;
  std::string head;  // first bytes, for sniffing
};

Result<Prescan> prescan(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::error("is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot open: " + std::string(std::strerror(errno)));
  Prescan out;
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  std::string carry;
  std::string chunk(std::size_t{1} << 16, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    const std::string_view bytes(chunk.data(), got);
    sha.update(bytes.data(), static_cast<unsigned>(got));
    if (out.head.size() < 4096) out.head.append(bytes.substr(0, 4096 - out.head.size()));
    out.size += got;
    if (!out.has_nul && bytes.find('\0') != std::string_view::npos) out.has_nul = true;
    if (out.valid_utf8) {
      std::string joined = carry;
      joined.append(bytes);
      carry.clear();
      const std::size_t bad = first_invalid_utf8(joined);
      if (bad != std::string::npos) {
        if (joined.size() - bad < 4)
          carry = joined.substr(bad);  // maybe a sequence cut by the chunk boundary
        else
          out.valid_utf8 = false;
      }
    }
  }
  if (in.bad()) return Status::error("read error");
  if (!carry.empty()) out.valid_utf8 = false;
  out.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
  return out;
}

bool is_windows1252_name(const std::string& encoding) {
  const std::string e = ascii_lower(encoding);
  return e == "windows-1252" || e == "cp1252" || e == "iso-8859-1" || e == "latin1" || e == "latin-1" ||
         e == "iso8859-1";
}

const Partner* find_partner(const Config& config, const std::string& code) {
  const std::string lowered = ascii_lower(code);
  for (const auto& partner : config.partners)
    if (ascii_lower(partner.code) == lowered) return &partner;
  return nullptr;
}

const PartnerExport* find_export(const Partner* partner, RecordKind kind, const char* format) {
  if (partner == nullptr) return nullptr;
  const PartnerExport* any = nullptr;
  for (const auto& e : partner->exports) {
    if (e.kind != kind) continue;
    if (ascii_lower(e.format) == format) return &e;
    if (e.format.empty() && any == nullptr) any = &e;
  }
  return any;
}

std::string kind_list() { return list_codes(kAllRecordKinds); }

class FileImport {
 public:
  FileImport(const fs::path& path, const ImportOptions& options, const Config& config,
             ImportTarget& target, Quarantine& quarantine)
      : path_(path), options_(options), config_(config), target_(target), quarantine_(quarantine) {
    report_.file = path.string();
  }

  FileReport run();

 private:
  void diag(Severity severity, std::size_t line, const std::string& field, const std::string& code,
            const std::string& message) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.location = {report_.file, line, 0};
    d.field = field;
    d.message = message;
    report_.diagnostics.push_back(std::move(d));
  }
  FileReport reject(std::size_t line, const std::string& code, const std::string& message,
                    const std::string& field = "") {
    diag(Severity::error, line, field, code, message);
    return finish_rejected();
  }
  FileReport finish_rejected() {
    if (in_transaction_) target_.rollback();
    in_transaction_ = false;
    report_.status = FileStatus::rejected;
    report_.stored = report_.updated = report_.unchanged = report_.unlinked = 0;
    return report_;
  }

  // A "LINE[:COL]: message" status from a reader, split into a diagnostic.
  FileReport reject_located(const std::string& code, const std::string& message) {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t pos = 0;
    while (pos < message.size() && message[pos] >= '0' && message[pos] <= '9')
      line = line * 10 + static_cast<std::size_t>(message[pos++] - '0');
    std::string rest = message;
    if (pos > 0 && pos < message.size() && message[pos] == ':') {
      ++pos;
      std::size_t col_start = pos;
      while (pos < message.size() && message[pos] >= '0' && message[pos] <= '9')
        column = column * 10 + static_cast<std::size_t>(message[pos++] - '0');
      if (pos == col_start || pos >= message.size() || message[pos] != ':') {
        column = 0;
        pos = col_start - 1;
      }
      ++pos;
      while (pos < message.size() && message[pos] == ' ') ++pos;
      rest = message.substr(pos);
    } else {
      line = 0;
    }
    diag(Severity::error, line, "", code, rest);
    report_.diagnostics.back().location.column = column;
    return finish_rejected();
  }

  // Resolves partner and kind codes against config; false after rejecting.
  bool settle(const std::string& partner_code, std::optional<RecordKind> kind) {
    if (!kind) return false;
    const Partner* partner = find_partner(config_, partner_code);
    if (partner == nullptr) return false;
    partner_ = partner;
    kind_ = *kind;
    report_.partner = partner->code;
    report_.kind = code(*kind);
    return true;
  }

  Status begin() {
    BatchStart start{report_.file, report_.sha256, report_.partner, kind_};
    auto status = target_.begin(start);
    if (status) in_transaction_ = true;
    return status;
  }

  // Validates and stores one mapped record; false when the file must stop.
  bool handle(const MappedRecord& mapped, std::size_t line, const std::string& original,
              const RecordValidator& validator, std::vector<Diagnostic> extra = {}) {
    ++report_.read;
    std::vector<Diagnostic> problems = std::move(extra);
    const SourceLocation where{report_.file, line, 0};
    std::optional<ValidRecord> record = validator.validate(mapped, where, problems);
    if (!record || !problems.empty()) {
      ++report_.quarantined;
      if (auto status = quarantine_.add(original, problems); !status) {
        diag(Severity::error, 0, "", "quarantine.write", status.message());
        return false;
      }
      // The report keeps the first kMaxRecordDiagnostics; the quarantine reasons file has all.
      for (auto& p : problems) {
        if (record_diagnostics_ < kMaxRecordDiagnostics) report_.diagnostics.push_back(std::move(p));
        ++record_diagnostics_;
      }
      return true;
    }
    auto outcome = target_.put(*record);
    if (!outcome) {
      diag(Severity::error, line, "", "store.error", outcome.message());
      return false;
    }
    switch (outcome->result) {
      case PutResult::inserted: ++report_.stored; break;
      case PutResult::updated: ++report_.updated; break;
      case PutResult::unchanged: ++report_.unchanged; break;
    }
    if (!outcome->linked) ++report_.unlinked;
    return true;
  }

  void note_omitted() {
    if (record_diagnostics_ > kMaxRecordDiagnostics)
      diag(Severity::warning, 0, "", "import.more_diagnostics",
           std::to_string(record_diagnostics_ - kMaxRecordDiagnostics) +
               " more record problems not listed here; the quarantine reasons file has them all");
  }

  FileReport complete() {
    quarantine_.end_file();
    note_omitted();
    if (options_.strict && report_.quarantined > 0) {
      diag(Severity::error, 0, "", "import.strict",
           std::to_string(report_.quarantined) +
               " invalid record(s); --strict rejects the whole file, nothing stored");
      return finish_rejected();
    }
    if (report_.read == 0)
      diag(Severity::warning, 0, "", "import.no_records", "no records (header only)");
    BatchCounts counts{report_.read,      report_.stored,      report_.updated,
                       report_.unchanged, report_.quarantined, report_.unlinked};
    if (auto status = target_.commit(counts); !status) {
      in_transaction_ = false;
      return reject(0, "store.error", status.message());
    }
    in_transaction_ = false;
    report_.status = FileStatus::stored;
    return report_;
  }

  FileReport run_csv(const Prescan& scan);
  FileReport run_xml();

  const fs::path& path_;
  const ImportOptions& options_;
  const Config& config_;
  ImportTarget& target_;
  Quarantine& quarantine_;
  FileReport report_;
  const Partner* partner_ = nullptr;
  RecordKind kind_ = RecordKind::cases;
  bool in_transaction_ = false;
  std::size_t record_diagnostics_ = 0;
  static constexpr std::size_t kMaxRecordDiagnostics = 1000;
};

FileReport FileImport::run() {
  if (!options_.kind_text.empty() && !options_.kind)
    return reject(0, "import.unknown_kind", "unknown kind '" + options_.kind_text + "'; expected one of " + kind_list());
  auto scan = prescan(path_);
  if (!scan) return reject(0, "file.unreadable", scan.message());
  if (scan->size == 0) return reject(0, "file.empty", "empty file");
  report_.sha256 = scan->sha256;
  const bool utf16 = scan->head.rfind("\xFF\xFE", 0) == 0 || scan->head.rfind("\xFE\xFF", 0) == 0;
  if (scan->has_nul && !utf16)
    return reject(0, "file.binary", "not a text file (contains NUL bytes); expected a CSV or XML export");
  {
    bool blank = true;
    for (char c : strip_utf8_bom(scan->head))
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') blank = false;
    if (blank && scan->size <= scan->head.size()) return reject(0, "file.empty", "empty file");
  }
  auto previous = target_.previous_import(scan->sha256);
  if (!previous) return reject(0, "store.error", previous.message());
  if (*previous) {
    const PreviousImport& p = **previous;
    report_.status = FileStatus::skipped;
    report_.kind = p.kind;
    report_.partner = p.partner;
    diag(Severity::info, 0, "", "import.skipped",
         "already imported (same SHA-256) as '" + p.file + "' at " + p.imported_at + "; skipped");
    return report_;
  }
  if (looks_like_xml(scan->head)) return run_xml();
  return run_csv(*scan);
}

FileReport FileImport::run_xml() {
  auto bytes = read_file(path_);
  if (!bytes) return reject(0, "file.unreadable", bytes.message());
  auto document = read_xml_export(std::move(bytes.value()));
  if (!document) return reject_located("xml.rejected", document.message());
  XmlExport& xml = *document;
  report_.encoding = xml.encoding;

  // Kind: root, else --kind; they must agree.
  std::optional<RecordKind> kind;
  if (!xml.kind.empty()) {
    kind = parse_record_kind(xml.kind);
    if (!kind) return reject(0, "import.unknown_kind", "unknown kind '" + xml.kind + "' in <export>; expected one of " + kind_list());
    if (options_.kind && *options_.kind != *kind)
      return reject(0, "import.kind_conflict", std::string("<export kind=\"") + xml.kind + "\"> contradicts --kind " + code(*options_.kind));
  } else if (options_.kind) {
    kind = options_.kind;
  } else {
    return reject(0, "import.no_kind", "no kind: <export> has no kind attribute and no --kind was given");
  }
  // Partner: root, else --partner, else gemeente.
  std::string partner = xml.partner;
  if (!partner.empty() && !options_.partner.empty() && ascii_lower(partner) != ascii_lower(options_.partner))
    return reject(0, "import.partner_conflict", "<export partner=\"" + partner + "\"> contradicts --partner " + options_.partner);
  if (partner.empty()) partner = options_.partner;
  if (partner.empty()) {
    if (find_partner(config_, "gemeente") == nullptr)
      return reject(0, "import.no_partner", "no partner: <export> has no partner attribute; use --partner");
    partner = "gemeente";
  }
  if (!settle(partner, kind)) return reject(0, "import.unknown_partner", "unknown partner '" + partner + "'");

  const PartnerExport* mapping = find_export(partner_, kind_, "xml");
  FieldMapper mapper(kind_, mapping, config_.framework.items);
  RecordValidator validator(config_, kind_, partner_->code, mapping ? mapping->date_order : DateOrder::dmy);
  for (const auto& [line, name] : xml.stray_elements)
    diag(Severity::warning, line, "", "xml.unknown_element", "element <" + name + "> is not a <record>; ignored");

  quarantine_.begin_file(report_.file,
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export kind=\"" + report_.kind +
                             "\" partner=\"" + report_.partner + "\">\n",
                         "</export>\n", "\n");
  if (auto status = begin(); !status) return reject(0, "store.error", status.message());
  std::set<std::string> warned;
  for (const RawRecord& raw : xml.records) {
    std::vector<std::string> unknown;
    MappedRecord mapped = mapper.map(raw, unknown);
    for (const auto& name : unknown) {
      if (kind_ == RecordKind::assessments) {
        mapped.problems.push_back({name, "record.unknown_item",
                                   "item code not in the assessment framework (got '" + name + "')"});
      } else if (warned.insert(ascii_lower(name)).second) {
        diag(Severity::warning, raw.line, name, "xml.unknown_element", "unknown element, ignored");
      }
    }
    if (!handle(mapped, raw.line, raw.original, validator)) return finish_rejected();
  }
  return complete();
}

FileReport FileImport::run_csv(const Prescan& scan) {
  // What is known before the header: --partner and --kind (or the partner's only CSV export).
  const Partner* given_partner = nullptr;
  if (!options_.partner.empty()) {
    given_partner = find_partner(config_, options_.partner);
    if (given_partner == nullptr)
      return reject(0, "import.unknown_partner", "unknown partner '" + options_.partner + "'");
  }
  std::optional<RecordKind> kind = options_.kind;
  if (!kind && given_partner != nullptr) {
    std::set<RecordKind> kinds;
    for (const auto& e : given_partner->exports)
      if (e.format.empty() || ascii_lower(e.format) == "csv") kinds.insert(e.kind);
    if (kinds.size() == 1) kind = *kinds.begin();
  }

  // The delimiter is detected from the header row; a declared one is checked
  // against it below. A declared Windows-1252 is used outright; otherwise a
  // file that is not valid UTF-8 is read as Windows-1252.
  auto options_for = [&](const PartnerExport* mapping) {
    CsvOptions o;
    const std::string declared = mapping != nullptr ? mapping->encoding : std::string();
    o.windows1252 = is_windows1252_name(declared) || !scan.valid_utf8;
    return o;
  };
  const PartnerExport* mapping = kind ? find_export(given_partner, *kind, "csv") : nullptr;
  CsvOptions csv_options = options_for(mapping);

  auto in = std::make_unique<std::ifstream>(path_, std::ios::binary);
  auto reader = std::make_unique<CsvReader>(*in, csv_options);
  if (auto status = reader->read_header(); !status) return reject_located("csv.rejected", status.message());

  // A mapping matches a header when the headers it gives for the kind's
  // required fields are all there, and at least one of them is the partner's own name.
  auto header_has = [&](const PartnerExport& e) {
    std::set<std::string> names;
    for (const auto& h : reader->header()) names.insert(ascii_lower(h));
    bool own = false;
    for (const auto& required : required_columns(e.kind)) {
      std::string header = required;
      for (const auto& c : e.columns)
        if (ascii_lower(c.field) == required) header = ascii_lower(trim_blanks(c.header));
      if (names.count(header) == 0) return false;
      own = own || header != required;
    }
    return own;
  };

  // Infer the partner from mappings whose headers all appear.
  const Partner* partner = given_partner;
  if (partner == nullptr) {
    std::vector<std::pair<const Partner*, const PartnerExport*>> matches;
    for (const auto& p : config_.partners)
      for (const auto& e : p.exports)
        if ((e.format.empty() || ascii_lower(e.format) == "csv") && (!kind || e.kind == *kind) && header_has(e))
          matches.emplace_back(&p, &e);
    if (matches.size() > 1) {
      std::string names;
      for (const auto& m : matches) names += (names.empty() ? "" : ", ") + m.first->code;
      return reject(0, "import.ambiguous_partner",
                    "headers match the mappings of several partners (" + names + "); use --partner");
    }
    if (matches.size() == 1) {
      partner = matches[0].first;
      kind = matches[0].second->kind;
    } else {
      partner = find_partner(config_, "gemeente");
      if (partner == nullptr) return reject(0, "import.no_partner", "no partner given; use --partner");
    }
  }
  if (!kind) {
    std::vector<RecordKind> kinds;
    for (const auto& e : partner->exports)
      if ((e.format.empty() || ascii_lower(e.format) == "csv") && header_has(e)) kinds.push_back(e.kind);
    if (kinds.size() == 1) kind = kinds[0];
  }
  if (!kind) {
    std::set<std::string> names;
    for (const auto& h : reader->header()) names.insert(ascii_lower(h));
    std::vector<RecordKind> kinds;
    for (RecordKind k : kAllRecordKinds) {
      bool all = true;
      for (const auto& f : required_columns(k)) all = all && names.count(f) > 0;
      if (all) kinds.push_back(k);
    }
    if (kinds.size() != 1)
      return reject(0, "import.no_kind", "cannot tell the record kind from the header; use --kind");
    kind = kinds[0];
  }
  settle(partner->code, kind);
  mapping = find_export(partner_, kind_, "csv");
  CsvOptions final_options = options_for(mapping);
  final_options.delimiter = reader->delimiter();
  if (mapping != nullptr && mapping->delimiter && *mapping->delimiter != reader->delimiter()) {
    const char declared = *mapping->delimiter;
    auto show = [](char c) { return c == '\t' ? std::string("TAB") : std::string("'") + c + "'"; };
    if (reader->header_text().find(declared) != std::string::npos) {
      final_options.delimiter = declared;
    } else {
      diag(Severity::warning, reader->header_line(), "", "csv.delimiter",
           "the mapping of partner '" + partner_->code + "' declares delimiter " + show(declared) +
               " but the header row has none; using " + show(reader->delimiter()));
    }
  }
  if (final_options.windows1252 != csv_options.windows1252 || *final_options.delimiter != reader->delimiter()) {
    in = std::make_unique<std::ifstream>(path_, std::ios::binary);
    reader = std::make_unique<CsvReader>(*in, final_options);
    if (auto status = reader->read_header(); !status) return reject_located("csv.rejected", status.message());
  }
  const std::string declared = mapping != nullptr ? ascii_lower(mapping->encoding) : std::string();
  report_.encoding = final_options.windows1252 ? "windows-1252" : "utf-8";
  if (!scan.valid_utf8 && !is_windows1252_name(declared))
    diag(Severity::warning, 0, "", "csv.encoding",
         declared.empty() ? std::string("not valid UTF-8; read as Windows-1252")
                          : "not valid UTF-8 (the mapping of partner '" + partner_->code + "' declares " +
                                declared + "); read as Windows-1252");

  // Resolve the header.
  FieldMapper mapper(kind_, mapping, config_.framework.items);
  const auto& fields = record_fields(kind_);
  const std::size_t header_line = reader->header_line();
  std::vector<FieldTarget> targets;
  std::vector<std::string> claimed(fields.size());
  for (std::size_t i = 0; i < reader->header().size(); ++i) {
    const std::string& name = reader->header()[i];
    FieldTarget target = name.empty() ? FieldTarget{} : mapper.resolve(name);
    if (target.type == FieldTarget::Type::field) {
      auto& previous = claimed[static_cast<std::size_t>(target.index)];
      if (!previous.empty())
        return reject(header_line, "csv.duplicate_column",
                      "columns '" + previous + "' and '" + name + "' both give this field",
                      fields[static_cast<std::size_t>(target.index)]);
      previous = name;
    } else if (target.type == FieldTarget::Type::unknown) {
      if (name.empty())
        diag(Severity::warning, header_line, "", "csv.unnamed_column",
             "column " + std::to_string(i + 1) + " has no name; ignored");
      else
        diag(Severity::warning, header_line, name, "csv.unknown_column", "unknown column, ignored");
    }
    targets.push_back(std::move(target));
  }
  for (const auto& required : required_columns(kind_))
    if (claimed[static_cast<std::size_t>(field_index(kind_, required))].empty())
      return reject(header_line, "csv.missing_column", "required column missing", required);
  if (kind_ == RecordKind::events && claimed[static_cast<std::size_t>(field_index(kind_, "case_id"))].empty() &&
      claimed[static_cast<std::size_t>(field_index(kind_, "bsn"))].empty())
    return reject(header_line, "csv.missing_column", "required column missing (case_id or bsn)", "case_id");

  RecordValidator validator(config_, kind_, partner_->code, mapping ? mapping->date_order : DateOrder::dmy);
  const std::string eol = "\n";
  quarantine_.begin_file(report_.file, reader->header_text() + eol, "", eol);
  if (auto status = begin(); !status) return reject(0, "store.error", status.message());

  CsvRecord row;
  MappedRecord mapped = mapper.empty_record();
  while (reader->next(row)) {
    std::fill(mapped.values.begin(), mapped.values.end(), std::string());
    std::fill(mapped.given.begin(), mapped.given.end(), false);
    mapped.items.clear();
    mapped.problems.clear();
    std::size_t extra = 0;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      if (i >= targets.size()) {
        if (!trim_blanks(row.fields[i]).empty()) ++extra;
        continue;
      }
      const FieldTarget& target = targets[i];
      if (target.type == FieldTarget::Type::field) {
        const auto f = static_cast<std::size_t>(target.index);
        mapped.given[f] = true;
        mapped.values[f] = mapper.map_value(target, row.fields[i]);
      } else if (target.type == FieldTarget::Type::item) {
        mapped.items[target.item_code].score = mapper.map_value(target, row.fields[i]);
      }
    }
    if (extra > 0)
      mapped.problems.push_back({"", "csv.field_count",
                                 "record has " + std::to_string(row.fields.size()) +
                                     " fields, the header " + std::to_string(targets.size())});
    if (!handle(mapped, row.line, row.original, validator)) return finish_rejected();
  }
  if (reader->error()) {
    diag(Severity::error, reader->error()->first, "", "csv.rejected", reader->error()->second);
    quarantine_.end_file();
    return finish_rejected();
  }
  return complete();
}

}  // namespace

FileReport import_file(const fs::path& path, const ImportOptions& options, const Config& config,
                       ImportTarget& target, Quarantine& quarantine) {
  FileImport import(path, options, config, target, quarantine);
  return import.run();
}

}  // namespace casus
