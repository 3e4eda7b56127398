// The format-neutral document tree: what a document says, in order, with no
// layout. Context builders or the markup parser produce it; every writer
// (PDF, DOCX, HTML) only lays out what it holds and never computes a fact.
// Values arrive formatted ("1.234,5"); chart values as doubles plus labels.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/language.h"

namespace casus::doc {

struct DocumentMeta {
  std::string title;
  std::string subtitle;
  std::string audience;      // "casusoverleg"
  std::string marking;       // "VERTROUWELIJK — alleen voor deelnemers casusoverleg"
  std::string data_as_of;    // already formatted: "28 november 2026"
  std::string generated_at;  // already formatted: "28 november 2026 09:00"
  Language language = Language::nl;
  std::string author;
  DateTime created;          // from the pinned clock: PDF info, DOCX core props, zip times
};

// A piece of inline text with one style. `link` is a URI ("https://…") or
// empty. Text is UTF-8 with whitespace already collapsed.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;
  bool operator==(const Run&) const = default;
};
using Runs = std::vector<Run>;

// The plain text of runs (for alternatives, outlines, tests).
std::string plain_text(const Runs& runs);

enum class Align { left, center, right };
// Traffic-light status of a table cell; the cell text is its label, always printed.
enum class StatusLevel { red, orange, green, grey };
const char* status_level_name(StatusLevel level);  // "red" …

struct Heading {
  int level = 1;  // 1..3
  std::string text;
  std::string id;  // anchor; generated from the text when the markup gives none
};

enum class ParagraphStyle { body, lead, note };

struct Paragraph {
  Runs runs;
  ParagraphStyle style = ParagraphStyle::body;
};

struct ListBlock {
  bool ordered = false;
  std::vector<Runs> items;
};

struct Column {
  double width = 1;  // relative weight; writers normalise over all columns
  Align align = Align::left;
};

struct Cell {
  Runs runs;
  std::optional<StatusLevel> status;
  std::optional<Align> align;  // overrides the column
  bool bold = false;
  int colspan = 1;
};

struct Row {
  std::vector<Cell> cells;
  bool total = false;  // totals row: bold, rule above
};

// How tightly a table is set. `compact` is for long listings (the case list):
// a smaller type size and narrower cell padding, so a row is one line.
enum class TableDensity : std::uint8_t { normal, compact };

struct Table {
  std::string caption;
  std::vector<Column> columns;
  int header_rows = 0;  // the first header_rows rows repeat on every page
  TableDensity density = TableDensity::normal;
  std::vector<Row> rows;
};

struct KeyFigure {
  std::string value;   // "128"
  std::string label;   // "actieve casussen"
  std::string change;  // "+4 t.o.v. oktober" (may be empty)
};

struct KeyFigures {
  std::vector<KeyFigure> items;
};

enum class ChartKind { bar, stacked_bar, line };

struct ChartValue {
  double value = 0;
  std::string label;       // display label; for suppressed values e.g. "<5"
  bool suppressed = false;  // drawn as an empty, dashed bar with its label
};

struct Series {
  std::string name;
  std::vector<ChartValue> values;  // one per category
};

struct Chart {
  ChartKind kind = ChartKind::bar;
  std::string title;
  std::string y_label;
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::string alt;  // text alternative, required
};

struct Figure {
  std::string source;  // PNG file path (resolved by the caller)
  double width = 1;    // fraction of the text width
  Runs caption;
  std::string alt;     // text alternative, required
};

struct PageBreak {};

struct Signer {
  std::string role;  // "Voorzitter casusoverleg"
  std::string name;  // may be empty on blank forms
};

struct SignatureBlock {
  std::vector<Signer> signers;
};

// A fill-in field on a blank form: a label and `lines` ruled writing lines.
struct FormField {
  std::string label;
  int lines = 1;
  std::string hint;  // small text under the label (optional)
};

// Table of contents built from the headings (levels 1-2).
struct TableOfContents {
  std::string title;  // empty: "Inhoud" / "Contents"
};

using Block = std::variant<Heading, Paragraph, ListBlock, Table, KeyFigures, Chart, Figure,
                           PageBreak, SignatureBlock, FormField, TableOfContents>;

struct Document {
  DocumentMeta meta;
  std::vector<Block> blocks;
};

}  // namespace casus::doc

namespace casus {
using doc::Document;
using doc::DocumentMeta;
}  // namespace casus
