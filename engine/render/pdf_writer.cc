#include "render/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "core/file_io.h"
#include "render/chart_scale.h"
#include "render/page_deflater.h"
#include "render/pdf_content_stream.h"
#include "render/pdf_deflated_stream.h"
#include "render/pdf_to_unicode.h"
#include "render/pdf_font_program.h"
#include "render/labels.h"
#include "render/style.h"

namespace casus {

namespace {

using namespace casus::doc;
using style::Rgb;

// ---------------------------------------------------------------------------
// Fonts and text measurement
// ---------------------------------------------------------------------------

enum FontId : std::uint8_t { kRegular = 0, kBold = 1, kItalic = 2, kBoldItalic = 3 };

Run text_run(std::string text, bool bold = false, bool italic = false) {
  Run run;
  run.text = std::move(text);
  run.bold = bold;
  run.italic = italic;
  return run;
}

FontId font_for(bool bold, bool italic) {
  if (bold && italic) return kBoldItalic;
  if (bold) return kBold;
  if (italic) return kItalic;
  return kRegular;
}

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes give U+FFFD.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  ++i;
  if (c < 0x80) return c;
  int extra = 0;
  std::uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
  else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
  else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; extra = 3; }
  else return 0xFFFD;
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    ++i;
  }
  return cp;
}

struct ErrorState {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->error == 0) {
    state->error = error_no;
    state->detail = detail_no;
  }
}

// One libharu handle per thread, reused for every document the thread
// renders. HPDF_NewDoc keeps a handle's font definitions (parsed TrueType
// files) and encoders, so each face is read and parsed once per thread, not
// once per document. All four faces are loaded up front in a fixed order so
// their subset tags (HPDFAA+ ... HPDFAD+) never depend on what the thread
// rendered before: the same input gives the same bytes.
//
// Each face is used through two PDF fonts that share one embedded font file:
// a single-byte TrueType font (Windows-1252, /WinAnsiEncoding) for text whose
// characters all have a byte there -- Dutch and English text -- and, created
// only when a document needs it, a UTF-8 CID font for any other text (names
// with ş, ğ, ı, ł). The CID font costs a 64K-entry CIDToGIDMap per face per
// document; the single-byte font costs nothing up front.
//
// Widths are cached per thread and read from the parsed face without marking
// glyphs as used: a document embeds the glyphs it draws (plus the fixed set
// of PdfFontProgram), never glyphs that depend on what the cache held.
//
// Every face a document uses embeds the glyphs of all single-byte
// characters, so that a document drawing nothing else reuses the thread's
// font program for the face, deflated once (see pdf_font_program.h).
struct PdfEngine {
  std::array<std::string, 4> files;
  HPDF_Doc pdf = nullptr;
  ErrorState errors;
  std::array<std::string, 4> names;        // libharu font names; empty = failed to load
  std::array<HPDF_FontDef, 4> defs{};      // the parsed faces
  std::array<std::vector<std::int16_t>, 4> widths;  // advance widths by code point, -1 = not yet known
  std::vector<unsigned char> single_byte;  // code point -> Windows-1252 byte, 0 = none (BMP)
  std::array<std::unique_ptr<PdfFontProgram>, 4> programs;  // per loaded face

  PdfEngine() = default;
  PdfEngine(const PdfEngine&) = delete;
  PdfEngine& operator=(const PdfEngine&) = delete;
  ~PdfEngine() {
    if (pdf) HPDF_Free(pdf);
  }
};

// libharu's WinAnsiEncoding is Windows-1252 (its "CP1252" encoder is the
// same map plus a /Differences entry for 0x7F, which no text uses).
constexpr const char* kSingleByteEncoding = "WinAnsiEncoding";

// Code point -> byte table of libharu's own single-byte encoder (the map it
// writes /Widths from), limited to characters that extract as themselves:
// no controls, and no no-break or soft hyphen (WinAnsi names them "space"
// and "hyphen"; the CID path keeps them as U+00A0 and U+00AD).
std::vector<unsigned char> single_byte_table(HPDF_Doc pdf) {
  std::vector<unsigned char> table(0x10000, 0);
  HPDF_Encoder encoder = HPDF_GetEncoder(pdf, kSingleByteEncoding);
  if (!encoder) return table;
  for (unsigned byte = 0x20; byte <= 0xFF; ++byte) {
    const HPDF_UNICODE cp = HPDF_Encoder_GetUnicode(encoder, static_cast<HPDF_UINT16>(byte));
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD) continue;
    table[cp] = static_cast<unsigned char>(byte);
  }
  return table;
}

// The calling thread's engine for these font files; nullptr when libharu
// cannot create a handle. Faces that fail to load have an empty name.
PdfEngine* engine_for(const PdfOptions& options) {
  thread_local std::unique_ptr<PdfEngine> engine;
  const std::array<std::string, 4> files = {
      (options.font_folder / options.font_regular).string(), (options.font_folder / options.font_bold).string(),
      (options.font_folder / options.font_italic).string(), (options.font_folder / options.font_bold_italic).string()};
  if (engine && engine->files == files && !engine->names[kRegular].empty() && !engine->names[kBold].empty())
    return engine.get();
  engine = std::make_unique<PdfEngine>();
  engine->files = files;
  engine->pdf = HPDF_New(on_hpdf_error, &engine->errors);
  if (!engine->pdf) {
    engine.reset();
    return nullptr;
  }
  HPDF_UseUTFEncodings(engine->pdf);
  for (std::size_t id = 0; id < files.size(); ++id) {
    engine->errors = ErrorState{};
    HPDF_ResetError(engine->pdf);
    const char* name = HPDF_LoadTTFontFromFile(engine->pdf, files[id].c_str(), HPDF_TRUE);
    if (name) {
      engine->names[id] = name;
      engine->defs[id] = HPDF_GetFontDef(engine->pdf, name);
      if (!engine->defs[id]) engine->names[id].clear();
    }
    engine->widths[id].assign(0x10000, -1);
  }
  engine->errors = ErrorState{};
  HPDF_ResetError(engine->pdf);
  engine->single_byte = single_byte_table(engine->pdf);
  std::vector<std::uint32_t> characters;
  for (std::uint32_t cp = 0; cp < engine->single_byte.size(); ++cp)
    if (engine->single_byte[cp]) characters.push_back(cp);
  for (std::size_t id = 0; id < files.size(); ++id)
    if (engine->defs[id]) engine->programs[id] = std::make_unique<PdfFontProgram>(engine->defs[id], characters);
  return engine.get();
}

class Fonts {
 public:
  explicit Fonts(PdfEngine& engine) : engine_(engine) {}

  // The face's single-byte font, created on first use in this document.
  HPDF_Font single_byte(FontId id) { return font(id, single_byte_, kSingleByteEncoding); }
  // The face's UTF-8 CID font, created on first use in this document.
  HPDF_Font unicode(FontId id) {
    const bool created = !unicode_[id];
    HPDF_Font f = font(id, unicode_, "UTF-8");
    if (created && f) repair_to_unicode(f);  // libharu's own map is not a ToUnicode map
    return f;
  }

  // The font that draws `text` in face `id` and the bytes to show with it:
  // Windows-1252 bytes on the single-byte font when every character has
  // one, else the UTF-8 text itself on the CID font.
  HPDF_Font for_text(FontId id, const std::string& text, std::string& bytes) {
    bytes.clear();
    bytes.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
      const std::uint32_t cp = next_code_point(text, i);
      const unsigned char b = cp < 0x10000 ? engine_.single_byte[cp] : 0;
      if (b == 0) {
        bytes = text;
        return unicode(id);
      }
      bytes += static_cast<char>(b);
    }
    return single_byte(id);
  }

  // Advance width in points of `text` at `size` (libharu does no kerning,
  // so the sum of glyph advances is exactly what TextOut draws, on either
  // font: both take their widths from the same face).
  double width(FontId id, std::string_view text, double size) {
    if (!usable(id)) return 0;
    HPDF_FontDef def = engine_.defs[id];
    std::vector<std::int16_t>& cache = engine_.widths[id];
    long total = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::uint32_t cp = next_code_point(text, i);
      if (cp >= 0x10000) continue;  // libharu drops non-BMP characters
      std::int16_t& w = cache[cp];
      if (w < 0)  // what HPDF_TTFontDef_GetCharWidth returns, without marking the glyph as used
        w = HPDF_TTFontDef_GetGidWidth(def, HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp)));
      total += w;
    }
    return static_cast<double>(total) * size / 1000.0;
  }

  // Whether this document has a font of face `id`.
  bool used(FontId id) const { return single_byte_[id] || unicode_[id]; }

  // Whether `font` is one of the single-byte fonts, whose text is shown as
  // bytes without libharu; then records the bytes as used, as libharu's
  // ShowText would: a single-byte font's /Widths array holds the widths of
  // the codes measured through it, and a code never measured gets width 0.
  bool is_single_byte(HPDF_Font font, std::string_view bytes) {
    const auto at = std::find(single_byte_.begin(), single_byte_.end(), font);
    if (!font || at == single_byte_.end()) return false;
    std::array<bool, 256>& used = used_codes_[static_cast<std::size_t>(at - single_byte_.begin())];
    for (const char c : bytes) {
      const auto b = static_cast<unsigned char>(c);
      if (used[b]) continue;
      used[b] = true;
      HPDF_Font_TextWidth(font, &b, 1);
    }
    return true;
  }

  bool failed() const { return failed_; }
  const std::string& failed_file() const { return failed_file_; }

 private:
  // Whether face `id` loaded; records the first face that did not.
  bool usable(FontId id) {
    if (!engine_.names[id].empty()) return true;
    if (!failed_) {
      failed_ = true;
      failed_file_ = engine_.files[id];
    }
    return false;
  }

  HPDF_Font font(FontId id, std::array<HPDF_Font, 4>& fonts, const char* encoding) {
    if (!fonts[id] && usable(id)) fonts[id] = HPDF_GetFont(engine_.pdf, engine_.names[id].c_str(), encoding);
    return fonts[id];
  }

  PdfEngine& engine_;
  std::array<HPDF_Font, 4> single_byte_{};
  std::array<std::array<bool, 256>, 4> used_codes_{};  // per single-byte font: codes measured through it
  std::array<HPDF_Font, 4> unicode_{};
  bool failed_ = false;
  std::string failed_file_;
};

// ---------------------------------------------------------------------------
// Page content, recorded during layout and drawn once the page count is known
// ---------------------------------------------------------------------------

struct TextOp {
  double x, y;
  FontId font;
  double size;
  Rgb color;
  std::string text;
};
struct RectOp {
  double x, y, w, h;
  std::optional<Rgb> fill;
  std::optional<Rgb> stroke;
  double line_width = 0.5;
  bool dashed = false;
};
struct LineOp {
  std::vector<std::pair<double, double>> points;
  Rgb color;
  double line_width = 0.5;
  int dash = 0;  // 0 solid, 1 dashed, 2 dotted
  bool close = false;
  std::optional<Rgb> fill;
};
struct CircleOp {
  double x, y, r;
  Rgb fill;
  std::optional<Rgb> stroke;
};
struct HatchOp {
  double x, y, w, h;
  Rgb color;
};
struct ImageOp {
  HPDF_Image image;
  double x, y, w, h;
};
using Shape = std::variant<RectOp, LineOp, CircleOp, HatchOp, ImageOp>;

struct LinkOp {
  double x0, y0, x1, y1;
  std::string uri;          // external link, or
  int heading = -1;         // internal link to a heading
};
struct TocNumberOp {
  double right, y;
  int heading;
};

struct Page {
  std::vector<Shape> shapes;
  std::vector<TextOp> texts;
  std::vector<LinkOp> links;
  std::vector<TocNumberOp> toc_numbers;
};

struct HeadingPlace {
  int level;
  std::string text;
  int page = 0;
  double y = 0;
};

// ---------------------------------------------------------------------------
// Line breaking
// ---------------------------------------------------------------------------

struct Frag {
  FontId font;
  std::string text;
  double x;  // from the line start
  double width;
  std::string link;
};
struct TextLine {
  std::vector<Frag> frags;
  double width = 0;
};

class Wrapper {
 public:
  explicit Wrapper(Fonts& fonts) : fonts_(fonts) {}

  std::vector<TextLine> wrap(const Runs& runs, double size, double max_width, bool bold = false) {
    // The common case of a table cell: one plain run, single-spaced, that
    // fits. It is one line of one fragment, as the word loop below would make it.
    if (runs.size() == 1 && runs[0].link.empty()) {
      const std::string& t = runs[0].text;
      if (t.empty()) return {};
      if (t.front() != ' ' && t.back() != ' ' && t.find("  ") == std::string::npos) {
        const FontId font = font_for(runs[0].bold || bold, runs[0].italic);
        const double width = fonts_.width(font, t, size);
        if (width <= max_width + 1e-6) {
          std::vector<TextLine> lines(1);
          lines[0].frags.push_back({font, t, 0, width, std::string()});
          lines[0].width = width;
          return lines;
        }
      }
    }
    // Split into words (sequences of non-space pieces, possibly of several
    // styles) separated by single spaces.
    struct Piece {
      FontId font;
      std::string text;
      std::string link;
    };
    std::vector<std::vector<Piece>> words;
    std::vector<bool> space_before;
    bool pending_space = false;
    bool in_word = false;
    for (const Run& run : runs) {
      const FontId font = font_for(run.bold || bold, run.italic);
      std::size_t i = 0;
      const std::string& t = run.text;
      while (i < t.size()) {
        if (t[i] == ' ') {
          pending_space = true;
          in_word = false;
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j < t.size() && t[j] != ' ') ++j;
        if (!in_word) {
          words.emplace_back();
          space_before.push_back(pending_space && !words.empty());
          pending_space = false;
          in_word = true;
        }
        words.back().push_back({font, t.substr(i, j - i), run.link});
        i = j;
      }
    }
    std::vector<TextLine> lines;
    lines.emplace_back();
    for (std::size_t w = 0; w < words.size(); ++w) {
      double ww = 0;
      for (const Piece& p : words[w]) ww += fonts_.width(p.font, p.text, size);
      TextLine& line = lines.back();
      const FontId space_font = words[w].front().font;
      const double sp = (line.frags.empty() || !space_before[w]) ? 0 : fonts_.width(space_font, " ", size);
      if (!line.frags.empty() && line.width + sp + ww > max_width + 1e-6) {
        lines.emplace_back();
      }
      TextLine& cur = lines.back();
      if (!cur.frags.empty() && space_before[w]) {
        // the space carries a link only inside one linked phrase
        const std::string& next = words[w].front().link;
        append(cur, space_font, " ", cur.frags.back().link == next ? next : std::string(), sp);
      }
      if (cur.frags.empty() && ww > max_width) {
        // a word longer than the line: break between characters
        for (const Piece& p : words[w]) {
          std::size_t i = 0;
          while (i < p.text.size()) {
            std::size_t start = i;
            const std::uint32_t cp = next_code_point(p.text, i);
            (void)cp;
            const std::string ch = p.text.substr(start, i - start);
            const double cw = fonts_.width(p.font, ch, size);
            if (!lines.back().frags.empty() && lines.back().width + cw > max_width + 1e-6) lines.emplace_back();
            append(lines.back(), p.font, ch, p.link, cw);
          }
        }
        continue;
      }
      for (const Piece& p : words[w]) append(cur, p.font, p.text, p.link, fonts_.width(p.font, p.text, size));
    }
    if (lines.size() == 1 && lines[0].frags.empty()) lines.clear();
    return lines;
  }

 private:
  static void append(TextLine& line, FontId font, const std::string& text, const std::string& link, double width) {
    if (!line.frags.empty() && line.frags.back().font == font && line.frags.back().link == link) {
      line.frags.back().text += text;
      line.frags.back().width += width;
    } else {
      line.frags.push_back({font, text, line.width, width, link});
    }
    line.width += width;
  }

  Fonts& fonts_;
};

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

constexpr double kBodySize = 10;
constexpr double kBodyLead = 14.6;
// Type size, leading and cell padding of a table; status cells get a colour
// band of band_w and their text moves band_gap to the right.
struct TableMetrics {
  double size, lead, pad_x, pad_y, band_w, band_gap;
};
TableMetrics table_metrics(TableDensity density) {
  if (density == TableDensity::compact) return {6.6, 8.0, 2.4, 1.5, 2.2, 3.0};
  return {8.8, 11.6, 5, 3.6, 3.5, 6};
}

struct HeadingStyle {
  double size, lead, before, after;
  Rgb color;
};
HeadingStyle heading_style(int level) {
  switch (level) {
    case 1: return {16, 20, 22, 9, style::kAccent};
    case 2: return {12.5, 16, 15, 5, style::kAccentDark};
    default: return {10.5, 14, 11, 3, style::kText};
  }
}

// Baseline of text of `size` in a line box of height `lead` whose top is `top`.
double baseline(double top, double size, double lead) { return top - (lead - size) / 2 - size * 0.80; }

class Layout {
 public:
  // `page_done` is called with each page the layout will not add to any
  // more (in page order, from the third page on: a list item's bullet can
  // still go on the page before the current one); the caller may draw it
  // and empty its shapes and texts. Pages never handed over stay in pages().
  using PageDone = std::function<void(int index, Page& page)>;
  Layout(const Document& document, Fonts& fonts, const PdfOptions& options, HPDF_Doc pdf, PageDone page_done)
      : doc_(document), fonts_(fonts), wrapper_(fonts), options_(options), pdf_(pdf),
        labels_(writer_labels(document.meta.language)), page_done_(std::move(page_done)) {
    page_w_ = options.page_width;
    page_h_ = options.page_height;
    left_ = options.side_margin;
    right_ = page_w_ - options.side_margin;
    width_ = right_ - left_;
    top_ = page_h_ - 82;
    bottom_ = 74;
    for (const Block& b : doc_.blocks)
      if (const auto* h = std::get_if<Heading>(&b)) headings_.push_back({h->level, h->text, 0, 0});
  }

  Status run() {
    new_page();
    title_block();
    int heading_index = 0;
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& block = doc_.blocks[i];
      if (const auto* h = std::get_if<Heading>(&block)) {
        heading(*h, heading_index++, i);
      } else if (const auto* p = std::get_if<Paragraph>(&block)) {
        paragraph(*p);
      } else if (const auto* l = std::get_if<ListBlock>(&block)) {
        list(*l);
      } else if (const auto* t = std::get_if<Table>(&block)) {
        table(*t);
      } else if (const auto* k = std::get_if<KeyFigures>(&block)) {
        key_figures(*k);
      } else if (const auto* c = std::get_if<Chart>(&block)) {
        chart(*c);
      } else if (const auto* f = std::get_if<Figure>(&block)) {
        if (Status s = figure(*f); !s) return s;
      } else if (std::holds_alternative<PageBreak>(block)) {
        if (!at_top()) new_page();
      } else if (const auto* s = std::get_if<SignatureBlock>(&block)) {
        signatures(*s);
      } else if (const auto* ff = std::get_if<FormField>(&block)) {
        form_field(*ff);
      } else if (const auto* toc = std::get_if<TableOfContents>(&block)) {
        contents(*toc);
      }
      if (fonts_.failed()) return Status::error("cannot load font " + fonts_.failed_file());
    }
    return Status::ok();
  }

  std::vector<Page>& pages() { return pages_; }
  const std::vector<HeadingPlace>& headings() const { return headings_; }

 private:
  // ---- page state ------------------------------------------------------
  Page& page() { return pages_.back(); }
  int page_index() const { return static_cast<int>(pages_.size()) - 1; }
  void new_page() {
    pages_.emplace_back();
    y_ = top_;
    pending_ = 0;
    if (pages_.size() >= 3 && page_done_) {
      const std::size_t done = pages_.size() - 3;
      page_done_(static_cast<int>(done), pages_[done]);
    }
  }
  bool at_top() const { return y_ >= top_ - 0.01; }
  void space(double s) { pending_ = std::max(pending_, s); }
  double gap() const { return at_top() ? 0 : pending_; }
  bool fits(double h) const { return gap() + h <= y_ - bottom_ + 0.01; }
  // Starts a new page unless `h` fits after the pending space; consumes the space.
  void ensure(double h) {
    if (!fits(h)) new_page();
    y_ -= gap();
    pending_ = 0;
  }
  double body_height() const { return top_ - bottom_; }

  // ---- drawing helpers ---------------------------------------------------
  void text(double x, double y, FontId font, double size, Rgb color, std::string s) {
    page().texts.push_back({x, y, font, size, color, std::move(s)});
  }
  void rect(double x, double y, double w, double h, std::optional<Rgb> fill, std::optional<Rgb> stroke = std::nullopt,
            double lw = 0.5, bool dashed = false) {
    page().shapes.push_back(RectOp{x, y, w, h, fill, stroke, lw, dashed});
  }
  void line(double x0, double y0, double x1, double y1, Rgb color, double lw, int dash = 0) {
    page().shapes.push_back(LineOp{{{x0, y0}, {x1, y1}}, color, lw, dash, false, std::nullopt});
  }

  void draw_line(const TextLine& l, double x, double base, double size, Rgb color) {
    for (const Frag& f : l.frags) {
      if (f.link.empty()) {
        text(x + f.x, base, f.font, size, color, f.text);
      } else {
        text(x + f.x, base, f.font, size, style::kAccent, f.text);
        line(x + f.x, base - 1.4, x + f.x + f.width, base - 1.4, style::kAccent, 0.5);
        page().links.push_back({x + f.x, base - 3, x + f.x + f.width, base + size * 0.9, f.link, -1});
      }
    }
  }

  double aligned_x(const TextLine& l, double x, double w, Align align) {
    switch (align) {
      case Align::left: return x;
      case Align::center: return x + (w - l.width) / 2;
      case Align::right: return x + w - l.width;
    }
    return x;
  }

  // Truncates to `max` points with an ellipsis.
  std::string fit(const std::string& s, FontId font, double size, double max) {
    if (fonts_.width(font, s, size) <= max) return s;
    std::string out;
    const double ell = fonts_.width(font, "…", size);
    std::size_t i = 0;
    double w = 0;
    while (i < s.size()) {
      const std::size_t start = i;
      next_code_point(s, i);
      const std::string ch = s.substr(start, i - start);
      const double cw = fonts_.width(font, ch, size);
      if (w + cw + ell > max) break;
      out += ch;
      w += cw;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
  }

  // Places wrapped lines with widow/orphan control (never one line of a
  // paragraph alone at a page's foot or head). Returns the page and baseline
  // of the first line (for list markers).
  std::pair<int, double> place_lines(const std::vector<TextLine>& lines, double x, double size, double lead, Rgb color,
                                     double max_width, Align align = Align::left) {
    std::pair<int, double> first{-1, 0};
    std::size_t i = 0;
    const std::size_t n = lines.size();
    bool started = false;
    while (i < n) {
      const double room = y_ - bottom_ - (started ? 0 : gap());
      const std::size_t fit_count = room <= 0 ? 0 : static_cast<std::size_t>((room + 0.01) / lead);
      const std::size_t remaining = n - i;
      std::size_t take = remaining;
      if (remaining > fit_count) {
        take = fit_count;
        if (remaining - take < 2) take = remaining >= 2 ? remaining - 2 : 0;  // no widow
        if (take < 2 && !at_top()) {                                          // no orphan
          new_page();
          started = true;
          continue;
        }
        if (take == 0) take = std::min(remaining, std::max<std::size_t>(fit_count, 1));
      }
      if (!started) {
        y_ -= gap();
        pending_ = 0;
        started = true;
      }
      for (std::size_t k = 0; k < take; ++k) {
        const TextLine& l = lines[i + k];
        const double base = baseline(y_, size, lead);
        if (first.first < 0) first = {page_index(), base};
        draw_line(l, aligned_x(l, x, max_width, align), base, size, color);
        y_ -= lead;
      }
      i += take;
      if (i < n) new_page();
    }
    if (first.first < 0) first = {page_index(), baseline(y_, size, lead)};
    return first;
  }

  // ---- blocks -------------------------------------------------------------
  void title_block() {
    const DocumentMeta& m = doc_.meta;
    auto title_lines = wrapper_.wrap({text_run(m.title, true)}, 22, width_);
    y_ -= 4;
    place_lines(title_lines, left_, 22, 27, style::kAccent, width_);
    if (!m.subtitle.empty()) {
      y_ -= 2;
      place_lines(wrapper_.wrap({text_run(m.subtitle)}, 12.5, width_), left_, 12.5, 17, style::kMuted, width_);
    }
    y_ -= 8;
    line(left_, y_, left_ + 56, y_, style::kAccent, 2.2);
    y_ -= 12;
    std::vector<std::pair<std::string, std::string>> facts;
    if (!m.audience.empty()) facts.push_back({labels_.audience, m.audience});
    if (!m.data_as_of.empty()) facts.push_back({labels_.data_as_of, m.data_as_of});
    if (!m.generated_at.empty()) facts.push_back({labels_.generated, m.generated_at});
    double label_w = 0;
    for (const auto& f : facts) label_w = std::max(label_w, fonts_.width(kBold, f.first, 8.5));
    for (const auto& f : facts) {
      const double base = baseline(y_, 8.5, 12.5);
      text(left_, base, kBold, 8.5, style::kMuted, f.first);
      text(left_ + label_w + 10, base, kRegular, 8.5, style::kText, fit(f.second, kRegular, 8.5, width_ - label_w - 10));
      y_ -= 12.5;
    }
    space(22);
  }

  // Height needed at the start of block `i` so that a heading is not left
  // alone at the foot of a page (keep with next).
  double start_height(std::size_t i, int depth = 0) {
    if (i >= doc_.blocks.size() || depth > 3) return 0;
    const Block& b = doc_.blocks[i];
    if (const auto* h = std::get_if<Heading>(&b)) {
      const HeadingStyle hs = heading_style(h->level);
      const auto lines = wrapper_.wrap({text_run(h->text, true)}, hs.size, width_);
      return hs.before + lines.size() * hs.lead + hs.after + start_height(i + 1, depth + 1);
    }
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      const auto lines = wrapper_.wrap(p->runs, kBodySize, width_);
      return 6 + std::min<std::size_t>(lines.size(), 2) * kBodyLead;
    }
    if (const auto* l = std::get_if<ListBlock>(&b)) {
      if (l->items.empty()) return 0;
      const auto lines = wrapper_.wrap(l->items[0], kBodySize, width_ - 18);
      return 6 + std::min<std::size_t>(lines.size(), 2) * kBodyLead;
    }
    if (const auto* t = std::get_if<Table>(&b)) {
      const auto rows = measure_rows(*t, std::min<std::size_t>(t->rows.size(), static_cast<std::size_t>(t->header_rows) + 1));
      double h = t->caption.empty() ? 0 : 18;
      for (const auto& r : rows) h += r.height;
      return 8 + h;
    }
    if (const auto* k = std::get_if<KeyFigures>(&b)) return 8 + key_figures_height(*k);
    if (const auto* c = std::get_if<Chart>(&b)) return 8 + chart_height(*c);
    if (const auto* f = std::get_if<FormField>(&b)) return 8 + 16 + std::max(1, f->lines) * 22;
    if (std::holds_alternative<SignatureBlock>(b)) return 8 + 110;
    return 0;
  }

  void heading(const Heading& h, int index, std::size_t block) {
    const HeadingStyle hs = heading_style(h.level);
    const auto lines = wrapper_.wrap({text_run(h.text, true)}, hs.size, width_);
    space(hs.before);
    const double own = lines.size() * hs.lead + hs.after + (h.level == 1 ? 4 : 0);
    const double next = start_height(block + 1);
    if (!fits(own + next) && own + next < body_height()) new_page();
    ensure(own);
    headings_[static_cast<std::size_t>(index)].page = page_index();
    headings_[static_cast<std::size_t>(index)].y = y_ + 4;
    for (const TextLine& l : lines) {
      draw_line(l, left_, baseline(y_, hs.size, hs.lead), hs.size, hs.color);
      y_ -= hs.lead;
    }
    if (h.level == 1) {
      y_ -= 3;
      line(left_, y_, right_, y_, style::kRule, 0.6);
      y_ -= 1;
    }
    space(hs.after);
    pending_ = hs.after;
  }

  void paragraph(const Paragraph& p) {
    double size = kBodySize, lead = kBodyLead;
    Rgb color = style::kText;
    if (p.style == ParagraphStyle::lead) {
      size = 11.5;
      lead = 16.5;
      color = style::kAccentDark;
    } else if (p.style == ParagraphStyle::note) {
      size = 8.5;
      lead = 12;
      color = style::kMuted;
    }
    space(p.style == ParagraphStyle::note ? 5 : 7);
    place_lines(wrapper_.wrap(p.runs, size, width_), left_, size, lead, color, width_);
    space(7);
  }

  void list(const ListBlock& l) {
    space(6);
    const double indent = l.ordered ? 20 : 16;
    int number = 1;
    for (const Runs& item : l.items) {
      const auto lines = wrapper_.wrap(item, kBodySize, width_ - indent);
      auto [pi, base] = place_lines(lines, left_ + indent, kBodySize, kBodyLead, style::kText, width_ - indent);
      Page& pg = pages_[static_cast<std::size_t>(pi)];
      if (l.ordered) {
        const std::string label = std::to_string(number) + ".";
        pg.texts.push_back({left_ + indent - 6 - fonts_.width(kRegular, label, kBodySize), base, kRegular, kBodySize,
                            style::kAccent, label});
      } else {
        pg.shapes.push_back(CircleOp{left_ + 5, base + 3.2, 1.9, style::kAccent, std::nullopt});
      }
      ++number;
      space(3);
    }
    space(7);
  }

  // ---- tables -------------------------------------------------------------
  struct CellBox {
    std::vector<TextLine> lines;
    double x, w;
    const Cell* cell;
    Align align;
    FontId font;
  };
  struct RowBox {
    std::vector<CellBox> cells;
    double height;
    bool header;
    bool total;
    std::size_t index;
  };

  // The x positions of the columns' left edges, and the right edge last.
  std::vector<double> column_edges(const Table& t) const {
    std::vector<double> xs;
    double total_weight = 0;
    for (const Column& c : t.columns) total_weight += c.width;
    double x = left_;
    for (const Column& c : t.columns) {
      xs.push_back(x);
      x += width_ * c.width / total_weight;
    }
    xs.push_back(right_);
    return xs;
  }

  RowBox measure_row(const Table& t, const std::vector<double>& xs, std::size_t r) {
    const TableMetrics m = table_metrics(t.density);
    const double max_row = body_height() - 60;
    const Row& row = t.rows[r];
    const bool header = static_cast<int>(r) < t.header_rows;
    RowBox box{{}, 0, header, row.total, r};
    box.cells.reserve(row.cells.size());
    std::size_t col = 0;
    std::size_t max_lines = 1;
    for (const Cell& cell : row.cells) {
      const std::size_t span = static_cast<std::size_t>(std::max(1, cell.colspan));
      const std::size_t end = std::min(col + span, t.columns.size());
      const double cx = xs[col];
      const double cw = xs[end] - cx;
      const bool bold = header || row.total || cell.bold;
      const double band = cell.status ? m.band_gap : 0;
      CellBox cb{wrapper_.wrap(cell.runs, m.size, cw - 2 * m.pad_x - band, bold), cx, cw, &cell,
                 cell.align ? *cell.align : (col < t.columns.size() ? t.columns[col].align : Align::left),
                 bold ? kBold : kRegular};
      max_lines = std::max(max_lines, cb.lines.size());
      box.cells.push_back(std::move(cb));
      col = end;
    }
    box.height = static_cast<double>(max_lines) * m.lead + 2 * m.pad_y;
    if (box.height > max_row) {  // a row taller than a page: cut its lines, never overflow
      const std::size_t keep = static_cast<std::size_t>((max_row - 2 * m.pad_y) / m.lead);
      for (CellBox& cb : box.cells) {
        if (cb.lines.size() > keep) {
          cb.lines.resize(keep);
          if (!cb.lines.empty() && !cb.lines.back().frags.empty()) cb.lines.back().frags.back().text += " …";
        }
      }
      box.height = static_cast<double>(keep) * m.lead + 2 * m.pad_y;
    }
    return box;
  }

  // The first `count` rows, measured.
  std::vector<RowBox> measure_rows(const Table& t, std::size_t count) {
    const std::vector<double> xs = column_edges(t);
    std::vector<RowBox> rows;
    rows.reserve(count);
    for (std::size_t r = 0; r < count; ++r) rows.push_back(measure_row(t, xs, r));
    return rows;
  }

  void draw_row(const RowBox& row, std::size_t body_index, const TableMetrics& m) {
    const double top = y_;
    const double h = row.height;
    if (row.header) {
      rect(left_, top - h, width_, h, style::kAccentTint);
    } else if (row.total) {
      rect(left_, top - h, width_, h, style::kAccentTint);
    } else if (body_index % 2 == 1) {
      rect(left_, top - h, width_, h, style::kZebra);
    }
    for (const CellBox& cb : row.cells) {
      double tx = cb.x + m.pad_x;
      double tw = cb.w - 2 * m.pad_x;
      if (cb.cell->status) {
        rect(cb.x + 0.5, top - h + 0.5, cb.w - 1, h - 1, style::status_tint(*cb.cell->status));
        rect(cb.x + 0.5, top - h + 0.5, m.band_w, h - 1, style::status_band(*cb.cell->status));
        tx += m.band_gap;
        tw -= m.band_gap;
      }
      double ly = top - m.pad_y;
      const Rgb color = row.header ? style::kAccentDark : style::kText;
      for (const TextLine& l : cb.lines) {
        draw_line(l, aligned_x(l, tx, tw, cb.align), baseline(ly, m.size, m.lead), m.size, color);
        ly -= m.lead;
      }
    }
    if (row.header) {
      line(left_, top - h, right_, top - h, style::kAccent, 0.9);
    } else if (row.total) {
      line(left_, top, right_, top, style::kText, 0.8);
      line(left_, top - h, right_, top - h, style::kText, 0.8);
    } else {
      line(left_, top - h, right_, top - h, style::kHairline, 0.4);
    }
    y_ -= h;
  }

  // Measures the header rows once and each body row as it is drawn, so a
  // table of any length holds one measured body row at a time.
  void table(const Table& t) {
    const TableMetrics m = table_metrics(t.density);
    const std::vector<double> xs = column_edges(t);
    const std::size_t nh = std::min(static_cast<std::size_t>(t.header_rows), t.rows.size());
    const std::vector<RowBox> headers = measure_rows(t, nh);
    double header_h = 0;
    for (const RowBox& h : headers) header_h += h.height;
    const double caption_h = t.caption.empty() ? 0 : 18;
    space(9);
    auto start_part = [&](bool continued) {
      if (!t.caption.empty()) {
        std::string cap = continued ? t.caption + " " + labels_.continued : t.caption;
        cap = fit(cap, kBold, 9.5, width_);
        text(left_, baseline(y_, 9.5, 14), kBold, 9.5, style::kText, cap);
        y_ -= caption_h;
      }
      for (const RowBox& h : headers) draw_row(h, 0, m);
    };
    std::optional<RowBox> next;
    if (t.rows.size() > nh) next = measure_row(t, xs, nh);
    ensure(caption_h + header_h + (next ? next->height : 0));
    start_part(false);
    std::size_t body_index = 0;
    for (std::size_t r = nh; r < t.rows.size(); ++r, ++body_index) {
      const RowBox row = r == nh ? std::move(*next) : measure_row(t, xs, r);
      if (row.height > y_ - bottom_ + 0.01) {
        new_page();
        start_part(true);
      }
      draw_row(row, body_index, m);
    }
    space(10);
  }

  // ---- key figures ----------------------------------------------------------
  struct KfLayout {
    std::size_t per_row;
    double box_w;
    std::vector<std::vector<TextLine>> labels;
    std::vector<double> row_heights;
  };
  KfLayout key_figures_layout(const KeyFigures& k) {
    KfLayout lay;
    const std::size_t n = k.items.size();
    lay.per_row = n <= 4 ? std::max<std::size_t>(n, 1) : (n % 3 == 0 || n == 5 ? 3 : 4);
    const double gapw = 10;
    lay.box_w = (width_ - gapw * static_cast<double>(lay.per_row - 1)) / static_cast<double>(lay.per_row);
    for (const KeyFigure& f : k.items) lay.labels.push_back(wrapper_.wrap({text_run(f.label)}, 8.8, lay.box_w - 20));
    for (std::size_t start = 0; start < n; start += lay.per_row) {
      double h = 0;
      for (std::size_t i = start; i < std::min(n, start + lay.per_row); ++i) {
        const double hi = 10 + 26 + static_cast<double>(lay.labels[i].size()) * 11.5 +
                          (k.items[i].change.empty() ? 0 : 13) + 10;
        h = std::max(h, hi);
      }
      lay.row_heights.push_back(h);
    }
    return lay;
  }
  double key_figures_height(const KeyFigures& k) {
    const KfLayout lay = key_figures_layout(k);
    double h = 0;
    for (double rh : lay.row_heights) h += rh + 10;
    return h;
  }

  void key_figures(const KeyFigures& k) {
    const KfLayout lay = key_figures_layout(k);
    space(9);
    std::size_t i = 0;
    for (double rh : lay.row_heights) {
      ensure(rh);
      const double top = y_;
      for (std::size_t c = 0; c < lay.per_row && i < k.items.size(); ++c, ++i) {
        const KeyFigure& f = k.items[i];
        const double x = left_ + static_cast<double>(c) * (lay.box_w + 10);
        rect(x, top - rh, lay.box_w, rh, style::kAccentTint);
        rect(x, top - rh, 3, rh, style::kAccent);
        double ly = top - 10;
        text(x + 12, baseline(ly, 21, 26), kBold, 21, style::kAccent, fit(f.value, kBold, 21, lay.box_w - 20));
        ly -= 26;
        for (const TextLine& l : lay.labels[i]) {
          draw_line(l, x + 12, baseline(ly, 8.8, 11.5), 8.8, style::kText);
          ly -= 11.5;
        }
        if (!f.change.empty()) {
          ly -= 1.5;
          text(x + 12, baseline(ly, 8, 11.5), kRegular, 8, style::kMuted, fit(f.change, kRegular, 8, lay.box_w - 20));
        }
      }
      y_ -= rh;
      space(10);
    }
    space(10);
  }

  // ---- charts ---------------------------------------------------------------
  static constexpr double kPlotHeight = 150;

  std::size_t legend_rows(const Chart& c) {
    double x = 0;
    std::size_t rows = 1;
    for (const Series& s : c.series) {
      const double w = 18 + fonts_.width(kRegular, s.name, 8) + 14;
      if (x + w > width_ && x > 0) {
        ++rows;
        x = 0;
      }
      x += w;
    }
    return rows;
  }
  bool has_suppressed(const Chart& c) {
    for (const Series& s : c.series)
      for (const ChartValue& v : s.values)
        if (v.suppressed) return true;
    return false;
  }
  double chart_height(const Chart& c) {
    return 16 + (c.y_label.empty() ? 0 : 12) + kPlotHeight + 18 + static_cast<double>(legend_rows(c)) * 13 +
           (has_suppressed(c) ? 12 : 0) + 4;
  }

  void marker(double x, double y, std::size_t series, Rgb color) {
    const double r = 2.6;
    switch (series % 4) {
      case 0:
        page().shapes.push_back(CircleOp{x, y, r, color, style::kWhite});
        break;
      case 1:
        page().shapes.push_back(RectOp{x - r, y - r, 2 * r, 2 * r, color, style::kWhite, 0.6, false});
        break;
      case 2:
        page().shapes.push_back(LineOp{{{x - r - 0.4, y - r}, {x + r + 0.4, y - r}, {x, y + r + 0.4}}, style::kWhite, 0.6, 0, true, color});
        break;
      default:
        page().shapes.push_back(LineOp{{{x, y - r - 0.6}, {x + r + 0.6, y}, {x, y + r + 0.6}, {x - r - 0.6, y}}, style::kWhite, 0.6, 0, true, color});
        break;
    }
  }

  void chart(const Chart& c) {
    space(10);
    ensure(chart_height(c));
    const ChartScale scale = chart_scale(c);
    const Language lang = doc_.meta.language;
    const int value_decimals = chart_value_decimals(c);
    text(left_, baseline(y_, 9.5, 14), kBold, 9.5, style::kText, fit(c.title, kBold, 9.5, width_));
    y_ -= 16;
    if (!c.y_label.empty()) {
      text(left_, baseline(y_, 7.5, 11), kRegular, 7.5, style::kMuted, c.y_label);
      y_ -= 12;
    }
    double label_w = 0;
    for (double t : scale.ticks) label_w = std::max(label_w, fonts_.width(kRegular, tick_label(t, scale.decimals, lang), 7.5));
    const double px = left_ + label_w + 6;
    const double pw = right_ - px;
    const double ptop = y_ - 4;
    const double pbot = ptop - kPlotHeight + 4;
    const double ph = ptop - pbot;
    auto vy = [&](double v) { return pbot + ph * scale.fraction(v); };
    for (double t : scale.ticks) {
      const double yy = vy(t);
      line(px, yy, right_, yy, t == 0 ? style::kMuted : style::kHairline, t == 0 ? 0.7 : 0.4);
      const std::string lbl = tick_label(t, scale.decimals, lang);
      text(px - 5 - fonts_.width(kRegular, lbl, 7.5), yy - 2.6, kRegular, 7.5, style::kMuted, lbl);
    }
    const std::size_t ncat = c.categories.size();
    const double band = pw / static_cast<double>(std::max<std::size_t>(ncat, 1));
    // category labels, thinned when they would collide
    double max_cat = 0;
    for (const auto& cat : c.categories) max_cat = std::max(max_cat, fonts_.width(kRegular, cat, 7.5));
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((max_cat + 4) / band)));
    for (std::size_t i = 0; i < ncat; i += every) {
      const std::string lbl = fit(c.categories[i], kRegular, 7.5, band * static_cast<double>(every) - 2);
      const double cx = px + band * (static_cast<double>(i) + 0.5);
      text(cx - fonts_.width(kRegular, lbl, 7.5) / 2, pbot - 11, kRegular, 7.5, style::kMuted, lbl);
    }
    const std::size_t ns = c.series.size();
    const double zero = vy(std::max(scale.min, 0.0));
    if (c.kind == ChartKind::line) {
      for (std::size_t s = 0; s < ns; ++s) {
        const Rgb col = style::series_colour(s);
        LineOp path{{}, col, 1.6, s % 2 == 1 ? 1 : 0, false, std::nullopt};
        auto flush = [&] {
          if (path.points.size() > 1) page().shapes.push_back(path);
          path.points.clear();
        };
        for (std::size_t i = 0; i < ncat && i < c.series[s].values.size(); ++i) {
          const ChartValue& v = c.series[s].values[i];
          const double cx = px + band * (static_cast<double>(i) + 0.5);
          if (v.suppressed) {
            flush();
            const double lw = fonts_.width(kRegular, v.label, 7);
            text(cx - lw / 2, zero + 3 + 9 * static_cast<double>(s), kRegular, 7, style::kMuted, v.label);
            continue;
          }
          path.points.push_back({cx, vy(v.value)});
        }
        flush();
        for (std::size_t i = 0; i < ncat && i < c.series[s].values.size(); ++i) {
          const ChartValue& v = c.series[s].values[i];
          if (!v.suppressed) marker(px + band * (static_cast<double>(i) + 0.5), vy(v.value), s, col);
        }
        // label the last shown value of each series
        for (std::size_t i = std::min(ncat, c.series[s].values.size()); i-- > 0;) {
          const ChartValue& v = c.series[s].values[i];
          if (v.suppressed) continue;
          const std::string lbl = v.label.empty() ? tick_label(v.value, value_decimals, lang) : v.label;
          text(px + band * (static_cast<double>(i) + 0.5) + 5, vy(v.value) + 3, kBold, 7, col, lbl);
          break;
        }
      }
    } else {
      const bool stacked = c.kind == ChartKind::stacked_bar;
      const double group = band * (stacked ? 0.56 : 0.74);
      const double bw = stacked ? group : group / static_cast<double>(std::max<std::size_t>(ns, 1));
      for (std::size_t i = 0; i < ncat; ++i) {
        const double gx = px + band * static_cast<double>(i) + (band - group) / 2;
        double stack_top = 0;
        for (std::size_t s = 0; s < ns; ++s) {
          if (i >= c.series[s].values.size()) continue;
          const ChartValue& v = c.series[s].values[i];
          const Rgb col = style::series_colour(s);
          const double x = stacked ? gx : gx + bw * static_cast<double>(s);
          const double inner = stacked ? bw : std::max(bw - 1.2, 1.0);
          if (v.suppressed) {
            const double base_v = stacked ? stack_top : 0;
            const double y0 = vy(base_v);
            const double hh = std::min(ph * 0.07, 10.0);
            rect(x, y0, inner, hh, std::nullopt, col, 0.6, true);
            const double lw = fonts_.width(kRegular, v.label, 6.8);
            if (!stacked) text(x + inner / 2 - lw / 2, y0 + hh + 2.5, kRegular, 6.8, style::kMuted, v.label);
            else text(x + inner + 2, y0 + 1, kRegular, 6.8, style::kMuted, v.label);
            if (stacked) stack_top += 0;  // suppressed values add nothing to the stack
            continue;
          }
          const double b0 = stacked ? stack_top : 0;
          const double b1 = b0 + v.value;
          const double y0 = vy(std::min(b0, b1));
          const double y1 = vy(std::max(b0, b1));
          rect(x, y0, inner, y1 - y0, col);
          if (s % 2 == 1) page().shapes.push_back(HatchOp{x, y0, inner, y1 - y0, style::kWhite});
          const std::string lbl = v.label.empty() ? tick_label(v.value, value_decimals, lang) : v.label;
          const double lw = fonts_.width(kRegular, lbl, 6.8);
          if (stacked) {
            if (y1 - y0 >= 9 && lw + 2 <= inner) {
              const bool dark = (col.r * 299 + col.g * 587 + col.b * 114) / 1000 < 140;
              const double tx = x + inner / 2 - lw / 2, ty = (y0 + y1) / 2 - 2.4;
              if (s % 2 == 1) rect(tx - 1.5, ty - 1.8, lw + 3, 8.4, col);
              text(tx, ty, kRegular, 6.8, dark ? style::kWhite : style::kText, lbl);
            }
            stack_top = b1;
          } else if (lw <= bw + 6) {
            text(x + inner / 2 - lw / 2, (v.value >= 0 ? y1 + 2.5 : y0 - 8.5), kRegular, 6.8, style::kText, lbl);
          }
        }
      }
    }
    line(px, pbot, px, ptop, style::kMuted, 0.6);
    y_ = pbot - 18;
    // legend
    double lx = left_;
    double ly = y_;
    for (std::size_t s = 0; s < ns; ++s) {
      const Rgb col = style::series_colour(s);
      const double w = 18 + fonts_.width(kRegular, c.series[s].name, 8) + 14;
      if (lx + w > right_ && lx > left_) {
        lx = left_;
        ly -= 13;
      }
      if (c.kind == ChartKind::line) {
        page().shapes.push_back(LineOp{{{lx, ly - 5}, {lx + 14, ly - 5}}, col, 1.6, s % 2 == 1 ? 1 : 0, false, std::nullopt});
        marker(lx + 7, ly - 5, s, col);
      } else {
        rect(lx, ly - 8.5, 12, 7.5, col);
        if (s % 2 == 1) page().shapes.push_back(HatchOp{lx, ly - 8.5, 12, 7.5, style::kWhite});
      }
      text(lx + 18, ly - 8, kRegular, 8, style::kText, c.series[s].name);
      lx += w;
    }
    y_ = ly - 13;
    if (has_suppressed(c)) {
      std::string note;
      for (const Series& s : c.series)
        for (const ChartValue& v : s.values)
          if (v.suppressed && note.empty()) note = v.label;
      note += ": " + std::string(labels_.suppressed_note);
      rect(left_, y_ - 8, 12, 7.5, std::nullopt, style::kMuted, 0.6, true);
      text(left_ + 18, y_ - 7.5, kRegular, 7.5, style::kMuted, note);
      y_ -= 12;
    }
    y_ -= 4;
    space(12);
  }

  // ---- figures, forms, signatures, contents -------------------------------------
  Status figure(const Figure& f) {
    std::filesystem::path src = f.source;
    if (src.is_relative() && !options_.image_folder.empty()) src = options_.image_folder / src;
    HPDF_Image img = HPDF_LoadPngImageFromFile(pdf_, src.string().c_str());
    if (!img) return Status::error("cannot load figure image " + src.string() + " (PNG expected)");
    const double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
    double w = width_ * f.width;
    double h = iw > 0 ? w * ih / iw : 0;
    const auto caption = wrapper_.wrap(f.caption, 8.5, width_);
    const double cap_h = static_cast<double>(caption.size()) * 12 + (caption.empty() ? 0 : 5);
    const double max_h = body_height() - cap_h - 10;
    if (h > max_h) {
      w *= max_h / h;
      h = max_h;
    }
    space(10);
    ensure(h + cap_h);
    page().shapes.push_back(ImageOp{img, left_, y_ - h, w, h});
    y_ -= h + (caption.empty() ? 0 : 5);
    for (const TextLine& l : caption) {
      draw_line(l, left_, baseline(y_, 8.5, 12), 8.5, style::kMuted);
      y_ -= 12;
    }
    space(10);
    return Status::ok();
  }

  void form_field(const FormField& f) {
    const auto hint = f.hint.empty() ? std::vector<TextLine>{} : wrapper_.wrap({text_run(f.hint, false, true)}, 8, width_);
    const double lines_h = static_cast<double>(f.lines) * 22;
    const double head = 14 + static_cast<double>(hint.size()) * 11;
    space(8);
    if (f.lines == 0) {
      ensure(22);
      const double lw = fonts_.width(kBold, f.label, 9.5);
      const double base = y_ - 16;
      text(left_, base, kBold, 9.5, style::kText, f.label);
      line(left_ + lw + 8, base - 2, right_, base - 2, style::kMuted, 0.5);
      y_ -= 22;
      space(4);
      return;
    }
    ensure(std::min(head + lines_h, body_height()));
    text(left_, baseline(y_, 9.5, 14), kBold, 9.5, style::kText, f.label);
    y_ -= 14;
    for (const TextLine& l : hint) {
      draw_line(l, left_, baseline(y_, 8, 11), 8, style::kMuted);
      y_ -= 11;
    }
    for (int i = 0; i < f.lines; ++i) {
      if (y_ - 22 < bottom_) new_page();
      y_ -= 22;
      line(left_, y_ + 2, right_, y_ + 2, style::kMuted, 0.5);
    }
    space(8);
  }

  void signatures(const SignatureBlock& s) {
    const double colw = (width_ - 24) / 2;
    const double box_h = 104;
    space(14);
    for (std::size_t i = 0; i < s.signers.size(); i += 2) {
      ensure(box_h);
      const double top = y_;
      for (std::size_t k = 0; k < 2 && i + k < s.signers.size(); ++k) {
        const Signer& sg = s.signers[i + k];
        const double x = left_ + static_cast<double>(k) * (colw + 24);
        line(x, top, x + colw, top, style::kAccent, 1.2);
        text(x, top - 14, kBold, 9.5, style::kText, fit(sg.role, kBold, 9.5, colw));
        auto row = [&](double yy, const char* label, const std::string& value) {
          const double lw = 70;
          text(x, yy, kRegular, 8.5, style::kMuted, label);
          if (value.empty()) line(x + lw, yy - 2, x + colw, yy - 2, style::kMuted, 0.5, 2);
          else text(x + lw, yy, kRegular, 9.5, style::kText, fit(value, kRegular, 9.5, colw - lw));
        };
        row(top - 32, labels_.name, sg.name);
        row(top - 50, labels_.date, "");
        text(x, top - 68, kRegular, 8.5, style::kMuted, labels_.signature);
        line(x, top - 98, x + colw, top - 98, style::kMuted, 0.5);
      }
      y_ -= box_h;
      space(12);
    }
  }

  void contents(const TableOfContents& toc) {
    const HeadingStyle hs = heading_style(1);
    space(hs.before);
    ensure(hs.lead + hs.after + 3 * 16);
    text(left_, baseline(y_, hs.size, hs.lead), kBold, hs.size, hs.color,
         toc.title.empty() ? labels_.contents : toc.title);
    y_ -= hs.lead + 3;
    line(left_, y_, right_, y_, style::kRule, 0.6);
    y_ -= 1 + hs.after;
    for (std::size_t i = 0; i < headings_.size(); ++i) {
      const HeadingPlace& h = headings_[i];
      if (h.level > 2) continue;
      const double lead = h.level == 1 ? 17 : 14.5;
      if (y_ - lead < bottom_) new_page();
      const FontId font = h.level == 1 ? kBold : kRegular;
      const double size = h.level == 1 ? 10 : 9.5;
      const double indent = h.level == 1 ? 0 : 14;
      const double base = baseline(y_, size, lead);
      const std::string t = fit(h.text, font, size, width_ - indent - 48);
      const double tw = fonts_.width(font, t, size);
      text(left_ + indent, base, font, size, style::kText, t);
      line(left_ + indent + tw + 6, base, right_ - 24, base, style::kRule, 0.8, 2);
      page().toc_numbers.push_back({right_, base, static_cast<int>(i)});
      page().links.push_back({left_ + indent, base - 3, right_, base + size, "", static_cast<int>(i)});
      y_ -= lead;
    }
    space(16);
  }

  const Document& doc_;
  Fonts& fonts_;
  Wrapper wrapper_;
  const PdfOptions& options_;
  HPDF_Doc pdf_;
  const WriterLabels& labels_;
  double page_w_, page_h_, left_, right_, width_, top_, bottom_;
  double y_ = 0;
  double pending_ = 0;
  std::vector<Page> pages_;
  std::vector<HeadingPlace> headings_;
  PageDone page_done_;
};

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------

// Draws a page's operations: paths, colours and single-byte text through
// PdfContentStream, fonts, CID text, circles and images through libharu
// (flushing the stream before each such call so the order holds).
class Painter {
 public:
  Painter(HPDF_Page page, Fonts& fonts) : page_(page), fonts_(fonts), out_(page) {}

  void shape(const Shape& s) {
    if (const auto* r = std::get_if<RectOp>(&s)) {
      if (r->stroke) {
        stroke_color(*r->stroke);
        width(r->line_width);
        dash(r->dashed ? 1 : 0);
      }
      if (r->fill) fill_color(*r->fill);
      out_.rectangle(r->x, r->y, r->w, r->h);
      if (r->fill && r->stroke) out_.fill_stroke();
      else if (r->fill) out_.fill();
      else out_.stroke();
    } else if (const auto* l = std::get_if<LineOp>(&s)) {
      stroke_color(l->color);
      width(l->line_width);
      dash(l->dash);
      if (l->fill) fill_color(*l->fill);
      out_.move_to(l->points[0].first, l->points[0].second);
      for (std::size_t i = 1; i < l->points.size(); ++i) out_.line_to(l->points[i].first, l->points[i].second);
      if (l->close) out_.close_path();
      if (l->fill) out_.fill_stroke();
      else out_.stroke();
    } else if (const auto* c = std::get_if<CircleOp>(&s)) {
      fill_color(c->fill);
      if (c->stroke) {
        stroke_color(*c->stroke);
        width(0.6);
        dash(0);
      }
      out_.flush();
      HPDF_Page_Circle(page_, f(c->x), f(c->y), f(c->r));
      if (c->stroke) HPDF_Page_FillStroke(page_);
      else HPDF_Page_Fill(page_);
    } else if (const auto* h = std::get_if<HatchOp>(&s)) {
      out_.save();
      out_.rectangle(h->x, h->y, h->w, h->h);
      out_.clip();
      out_.stroke_rgb(h->color.rf(), h->color.gf(), h->color.bf());
      out_.line_width(0.9);
      for (double d = -h->h; d < h->w; d += 3.6) {
        out_.move_to(h->x + d, h->y);
        out_.line_to(h->x + d + h->h, h->y + h->h);
      }
      out_.stroke();
      out_.restore();
      stroke_ = fill_ = std::nullopt;
      width_ = -1;
      dash_ = -1;
    } else if (const auto* im = std::get_if<ImageOp>(&s)) {
      out_.flush();
      HPDF_Page_DrawImage(page_, im->image, f(im->x), f(im->y), f(im->w), f(im->h));
    }
  }

  void begin_text() {
    out_.flush();
    HPDF_Page_BeginText(page_);
    out_.text_object_begun();
  }
  void end_text() {
    out_.flush();
    HPDF_Page_EndText(page_);
  }
  void text(const TextOp& t) {
    HPDF_Font font = fonts_.for_text(t.font, t.text, bytes_);
    if (!font) return;
    if (font != font_ || t.size != size_) {
      out_.flush();
      HPDF_Page_SetFontAndSize(page_, font, f(t.size));
      font_ = font;
      size_ = t.size;
    }
    fill_color(t.color);
    out_.text_origin(t.x, t.y);
    if (fonts_.is_single_byte(font, bytes_)) {
      out_.show_single_byte(bytes_);
    } else {
      out_.flush();
      HPDF_Page_ShowText(page_, bytes_.c_str());
    }
  }
  // Hands the buffered operators to the page (also done on destruction).
  void finish() { out_.flush(); }

 private:
  static HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }
  void fill_color(Rgb c) {
    if (fill_ && *fill_ == c) return;
    out_.fill_rgb(c.rf(), c.gf(), c.bf());
    fill_ = c;
  }
  void stroke_color(Rgb c) {
    if (stroke_ && *stroke_ == c) return;
    out_.stroke_rgb(c.rf(), c.gf(), c.bf());
    stroke_ = c;
  }
  void width(double w) {
    if (w == width_) return;
    out_.line_width(w);
    width_ = w;
  }
  void dash(int d) {
    if (d == dash_) return;
    if (d == 1) out_.dash(3, 2);
    else if (d == 2) out_.dash(1, 2);
    else out_.dash(0, 0);
    dash_ = d;
  }

  HPDF_Page page_;
  Fonts& fonts_;
  PdfContentStream out_;
  std::optional<Rgb> fill_, stroke_;
  double width_ = -1;
  int dash_ = -1;
  HPDF_Font font_ = nullptr;
  double size_ = -1;
  std::string bytes_;  // the text op's bytes in its font's encoding
};

HPDF_Date pdf_date(const DateTime& t) {
  HPDF_Date d{};
  d.year = t.date.year;
  d.month = t.date.month;
  d.day = t.date.day;
  d.hour = t.hour;
  d.minutes = t.minute;
  d.seconds = t.second;
  d.ind = ' ';
  return d;
}

std::string hpdf_message(const ErrorState& e) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(e.error),
                static_cast<unsigned>(e.detail));
  return buf;
}

struct DocHolder {
  HPDF_Doc pdf = nullptr;
  ~DocHolder() {
    if (pdf) HPDF_FreeDoc(pdf);
  }
};

}  // namespace

Result<std::string> render_pdf(const Document& document, const PdfOptions& options) {
  PdfEngine* engine = engine_for(options);
  if (!engine) return Status::error("cannot create PDF document");
  ErrorState& errors = engine->errors;
  HPDF_Doc pdf = engine->pdf;
  DocHolder holder{pdf};  // releases this document's objects (not the fonts) on return
  errors = ErrorState{};
  if (HPDF_NewDoc(pdf) != HPDF_OK) return Status::error("cannot create PDF document: " + hpdf_message(errors));
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);

  Fonts fonts(*engine);
  if (!fonts.single_byte(kRegular) || !fonts.single_byte(kBold))
    return Status::error("cannot load font " + fonts.failed_file() + " for the PDF");
  const double pw = options.page_width, ph = options.page_height;
  const double left = options.side_margin, right = pw - options.side_margin;

  // Each page's body is drawn as soon as the layout is done with it, and its
  // operations are dropped: a long table never holds all its pages at once.
  // The finished body is deflated at zlib's fastest level on the deflater's
  // thread while the layout goes on (libharu would deflate it at its
  // default level when saving, at three times the time); the header and
  // footer, which wait for the page count, go into a second content stream.
  std::vector<HPDF_Page> hpages;
  std::vector<HPDF_Dict> bodies;  // per page: its body's stream, when handed to the deflater
  PageDeflater deflater(1);
  auto store_ready = [&] {
    for (auto& [index, deflated] : deflater.take_ready())
      if (!deflated.empty()) store_deflated(bodies[index], deflated);  // else libharu deflates it
  };
  auto draw_body = [&](int index, Page& pg) {
    if (static_cast<std::size_t>(index) != hpages.size()) return;  // pages come in order, once
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(pw));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(ph));
    hpages.push_back(page);
    Painter painter(page, fonts);
    for (const Shape& sh : pg.shapes) painter.shape(sh);
    painter.begin_text();
    for (const TextOp& t : pg.texts) painter.text(t);
    painter.end_text();
    painter.finish();
    std::vector<Shape>().swap(pg.shapes);
    std::vector<TextOp>().swap(pg.texts);
    HPDF_Dict body = page_content_to_deflate(page);
    std::string content = body ? read_whole_stream(body->stream) : std::string();
    if (!content.empty() && HPDF_Page_New_Content_Stream(page, nullptr) == HPDF_OK) {
      bodies.push_back(body);
      deflater.submit(hpages.size() - 1, std::move(content));
    } else {
      bodies.push_back(nullptr);  // one stream: deflated whole with the header and footer
    }
    store_ready();
  };
  Layout layout(document, fonts, options, pdf, draw_body);
  if (Status s = layout.run(); !s) return s;
  if (errors.error) return Status::error("PDF layout failed: " + hpdf_message(errors));

  const DocumentMeta& meta = document.meta;
  const WriterLabels& labels = writer_labels(meta.language);
  std::vector<Page>& pages = layout.pages();
  const int total = static_cast<int>(pages.size());
  hpages.reserve(pages.size());
  for (int i = static_cast<int>(hpages.size()); i < total; ++i) draw_body(i, pages[static_cast<std::size_t>(i)]);

  std::string footer_left;
  if (!meta.data_as_of.empty()) footer_left = std::string(labels.data_as_of) + " " + meta.data_as_of;
  if (!meta.generated_at.empty()) {
    if (!footer_left.empty()) footer_left += "  ·  ";
    footer_left += std::string(labels.generated) + " " + meta.generated_at;
  }
  const double marking_w = fonts.width(kBold, meta.marking, 7.5);

  // Header, footer ("pagina X van Y") and table-of-contents page numbers,
  // once the number of pages is known.
  for (int i = 0; i < total; ++i) {
    Page& pg = pages[static_cast<std::size_t>(i)];
    Painter painter(hpages[static_cast<std::size_t>(i)], fonts);
    painter.shape(LineOp{{{left, ph - 52}, {right, ph - 52}}, style::kRule, 0.5, 0, false, std::nullopt});
    painter.shape(LineOp{{{left, 52}, {right, 52}}, style::kRule, 0.5, 0, false, std::nullopt});
    painter.shape(RectOp{left, ph - 46.5, 5, 5, style::kMarking, std::nullopt, 0.5, false});
    painter.begin_text();
    // header: marking left, title right
    painter.text({left + 9, ph - 46, kBold, 7.5, style::kMarking, meta.marking});
    {
      std::string title = meta.title;
      const double room = right - left - 9 - marking_w - 24;
      if (fonts.width(kRegular, title, 7.5) > room) {
        while (!title.empty() && fonts.width(kRegular, title + "…", 7.5) > room) {
          std::size_t cut = title.size() - 1;
          while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
          title.erase(cut);
        }
        title += "…";
      }
      if (room > 30) painter.text({right - fonts.width(kRegular, title, 7.5), ph - 46, kRegular, 7.5, style::kMuted, title});
    }
    // footer: data-as-of and generation time left, page X of Y right
    const std::string number = page_of(meta.language, i + 1, total);
    painter.text({left, 40, kRegular, 7.5, style::kMuted, footer_left});
    painter.text({right - fonts.width(kRegular, number, 7.5), 40, kRegular, 7.5, style::kText, number});
    for (const TocNumberOp& t : pg.toc_numbers) {
      const std::string n = std::to_string(layout.headings()[static_cast<std::size_t>(t.heading)].page + 1);
      painter.text({t.right - fonts.width(kRegular, n, 9.5), t.y, kRegular, 9.5, style::kText, n});
    }
    painter.end_text();
    painter.finish();
    // The page is complete: its header and footer (or, when the body was not
    // handed to the deflater, the whole page) deflated here, its body by the
    // deflater.
    deflate_page_content(hpages[static_cast<std::size_t>(i)], 1);
    if (HPDF_Dict body = bodies[static_cast<std::size_t>(i)]) {
      const std::string deflated = deflater.take(static_cast<std::size_t>(i));
      if (!deflated.empty()) store_deflated(body, deflated);
    }
  }

  // links and bookmarks once every page exists
  auto destination = [&](const HeadingPlace& h) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(hpages[static_cast<std::size_t>(h.page)]);
    HPDF_Destination_SetXYZ(dst, 0, static_cast<HPDF_REAL>(h.y + 14), 1);
    return dst;
  };
  for (int i = 0; i < total; ++i) {
    for (const LinkOp& l : pages[static_cast<std::size_t>(i)].links) {
      HPDF_Rect r{static_cast<HPDF_REAL>(l.x0), static_cast<HPDF_REAL>(l.y0), static_cast<HPDF_REAL>(l.x1),
                  static_cast<HPDF_REAL>(l.y1)};
      HPDF_Annotation a;
      if (l.heading >= 0) {
        a = HPDF_Page_CreateLinkAnnot(hpages[static_cast<std::size_t>(i)], r,
                                      destination(layout.headings()[static_cast<std::size_t>(l.heading)]));
        HPDF_LinkAnnot_SetHighlightMode(a, HPDF_ANNOT_NO_HIGHTLIGHT);
      } else {
        a = HPDF_Page_CreateURILinkAnnot(hpages[static_cast<std::size_t>(i)], r, l.uri.c_str());
      }
      HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
  }
  HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
  std::array<HPDF_Outline, 4> parents{};
  for (const HeadingPlace& h : layout.headings()) {
    const int level = std::clamp(h.level, 1, 3);
    HPDF_Outline parent = nullptr;
    for (int l = level - 1; l >= 1 && !parent; --l) parent = parents[static_cast<std::size_t>(l)];
    HPDF_Outline o = HPDF_CreateOutline(pdf, parent, h.text.c_str(), utf8);
    HPDF_Outline_SetDestination(o, destination(h));
    HPDF_Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE);
    parents[static_cast<std::size_t>(level)] = o;
    for (int l = level + 1; l <= 3; ++l) parents[static_cast<std::size_t>(l)] = nullptr;
  }
  if (!layout.headings().empty()) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);

  HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, meta.title.c_str());
  if (!meta.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, meta.author.c_str());
  if (!meta.subtitle.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, meta.subtitle.c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "Casus");
  if (!meta.marking.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, meta.marking.c_str());
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, pdf_date(meta.created));
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, pdf_date(meta.created));
  if (fonts.failed()) return Status::error("cannot load font " + fonts.failed_file());
  if (errors.error) return Status::error("PDF drawing failed: " + hpdf_message(errors));

  for (std::size_t id = 0; id < engine->programs.size(); ++id)
    if (engine->programs[id] && fonts.used(static_cast<FontId>(id))) engine->programs[id]->attach(pdf);
  if (HPDF_SaveToStream(pdf) != HPDF_OK || errors.error)
    return Status::error("PDF save failed: " + hpdf_message(errors));
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ResetStream(pdf);
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  if (read != size) return Status::error("PDF save failed: short read from libharu stream");
  return bytes;
}

Status write_pdf(const Document& document, const std::filesystem::path& path, const PdfOptions& options) {
  Result<std::string> bytes = render_pdf(document, options);
  if (!bytes) return bytes.status();
  return write_file_atomic(path, bytes.value());
}

}  // namespace casus
