// Rendering benchmark: a 500-page table document and a 1-page document, to
// PDF and to DOCX, in-process; reports wall time per run and peak RSS, and
// for PDF also the first document of a new thread (fonts not loaded yet).
// Goals: 500 pages under 1 s, 1 page under 20 ms.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

#include "render/docx_writer.h"
#include "render/document.h"
#include "render/html_writer.h"
#include "render/pdf_writer.h"

using namespace casus;
using namespace casus::doc;

namespace {

Run text(std::string s, bool bold = false) {
  Run r;
  r.text = std::move(s);
  r.bold = bold;
  return r;
}

Cell cell(std::string s) {
  Cell c;
  c.runs.push_back(text(std::move(s)));
  return c;
}

DocumentMeta meta(const std::string& title) {
  DocumentMeta m;
  m.title = title;
  m.marking = "VERTROUWELIJK — alleen voor regisseurs";
  m.audience = "regisseurs";
  m.data_as_of = "27 november 2026";
  m.generated_at = "28 november 2026 09:00";
  m.created = DateTime{Date{2026, 11, 28}, 9, 0, 0};
  return m;
}

Document table_document(int rows) {
  Document d;
  d.meta = meta("Casuslijst");
  d.blocks.push_back(Heading{1, "Alle actieve casussen", "alle"});
  Table t;
  t.caption = "Tabel 1. Actieve casussen";
  t.header_rows = 1;
  t.columns = {{1.2, Align::left}, {2.2, Align::left}, {1.2, Align::right}, {1.6, Align::left}, {1.4, Align::left}};
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
    Cell s = cell(levels[i % 3]);
    s.status = st[i % 3];
    r.cells.push_back(s);
    r.cells.push_back(cell(std::to_string(1 + i % 28) + "-12-2026"));
    t.rows.push_back(r);
  }
  d.blocks.push_back(t);
  return d;
}

Document one_page_document() {
  Document d;
  d.meta = meta("Agenda casusoverleg");
  d.blocks.push_back(Heading{1, "Te bespreken casussen", "agenda"});
  Paragraph p;
  p.runs.push_back(text("Het casusoverleg bespreekt deze week de volgende casussen. De regisseur licht per casus de "
                        "reden van agendering toe; partners vullen aan binnen hun eigen bevoegdheid."));
  d.blocks.push_back(p);
  Table t;
  t.header_rows = 1;
  t.columns = {{1, Align::left}, {3, Align::left}, {1.4, Align::left}};
  Row h;
  for (const char* s : {"Casus", "Reden", "Risico"}) h.cells.push_back(cell(s));
  t.rows.push_back(h);
  for (int i = 0; i < 12; ++i) {
    Row r;
    r.cells.push_back(cell("C-0" + std::to_string(100 + i)));
    r.cells.push_back(cell(i % 2 ? "Evaluatie plan van aanpak verlopen" : "Nieuwe aanmelding door de politie"));
    Cell s = cell(i % 3 ? "Verhoogd" : "Hoog");
    s.status = i % 3 ? StatusLevel::orange : StatusLevel::red;
    r.cells.push_back(s);
    t.rows.push_back(r);
  }
  d.blocks.push_back(t);
  return d;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// Pages in a PDF made by libharu: its page objects say "/Type /Page" (the tree says "/Pages").
std::size_t pdf_pages(const std::string& pdf) {
  std::size_t n = 0;
  for (std::size_t p = pdf.find("/Type /Page"); p != std::string::npos; p = pdf.find("/Type /Page", p + 1))
    if (p + 11 < pdf.size() && pdf[p + 11] != 's') ++n;
  return n;
}

// Runs `fn` `runs` times; prints the best and the median wall time.
void measure(const char* name, int runs, const std::function<std::size_t()>& fn) {
  std::vector<double> ms;
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    bytes = fn();
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-26s best %8.1f ms  median %8.1f ms  %9zu bytes  peak RSS %6.1f MB\n", name, ms.front(), ms[ms.size() / 2],
              bytes, peak_rss_mb());
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  // 19 rows a page fit on the first page, about 33 on the others: 17,000 rows is 500 pages.
  const Document big = table_document(17000);
  const Document small = one_page_document();
  auto pdf = [](const Document& d) {
    return [&d]() {
      auto r = render_pdf(d);
      if (!r) {
        std::fprintf(stderr, "%s\n", r.message().c_str());
        std::exit(1);
      }
      return r.value().size();
    };
  };
  auto docx = [](const Document& d) {
    return [&d]() {
      auto r = render_docx(d);
      if (!r) {
        std::fprintf(stderr, "%s\n", r.message().c_str());
        std::exit(1);
      }
      return r.value().size();
    };
  };
  {
    auto check = render_pdf(big);
    auto check_small = render_pdf(small);
    if (!check || !check_small) return 1;
    std::printf("table document: %zu pages; small document: %zu page(s)\n", pdf_pages(check.value()),
                pdf_pages(check_small.value()));
  }
  // A new thread loads and parses the fonts and builds each face's font
  // program once; the figures above and below are for a thread that has.
  measure("1 page  -> PDF, new thread", runs, [&]() {
    std::size_t bytes = 0;
    std::thread t([&]() { bytes = pdf(small)(); });
    t.join();
    return bytes;
  });
  measure("1 page  -> PDF", runs * 4, pdf(small));
  measure("1 page  -> DOCX", runs * 4, docx(small));
  measure("500 pages -> PDF", runs, pdf(big));
  measure("500 pages -> DOCX", runs, docx(big));
  return 0;
}
