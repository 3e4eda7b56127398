// Reads the case table of a meeting agenda back from `pdftotext -layout`
// output: one row per case, one cell per column, each cell's wrapped lines
// joined with single spaces. Columns are cut where their header texts start
// (found again after every page break: the header repeats on each page);
// header lines, page headers and page footers ("... pagina 1 van 3") are
// skipped.
#pragma once

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace casus::testing {

inline std::string squash_spaces(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

// `headers`: the column headers in order, e.g. {"Nr.", "Casus", "Regisseur",
// "Niveau", "Waarom op de agenda"} (the first cell of each row is its
// number); `end_heading`: the heading of the section after the table.
inline std::vector<std::vector<std::string>> agenda_rows(const std::string& layout,
                                                        const std::vector<std::string>& headers,
                                                        const std::string& end_heading) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(layout);
  std::string line;
  std::vector<std::size_t> starts;  // where each column starts on this page; empty: before its header
  bool in_table = false;
  bool in_header = false;  // after a header line, until the first numbered row
  auto find_header = [&](const std::string& l) {
    std::vector<std::size_t> found;
    std::size_t at = 0;
    for (const std::string& h : headers) {
      at = l.find(h, at);
      if (at == std::string::npos) return std::vector<std::size_t>{};
      found.push_back(at);
      at += h.size();
    }
    return found;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '\f') {
      line.erase(0, 1);
      starts.clear();  // a new page: wait for the repeated header
    }
    if (auto found = find_header(line); !found.empty()) {
      starts = found;
      // A cell's text may start a character before its header's; the first column starts at 0.
      for (std::size_t i = 1; i < starts.size(); ++i) starts[i] = starts[i] > 0 ? starts[i] - 1 : 0;
      starts[0] = 0;
      in_table = true;
      in_header = true;
      continue;
    }
    if (!in_table || starts.empty()) continue;
    const std::string trimmed = squash_spaces(line);
    if (trimmed == end_heading) break;
    static const std::regex footer(R"((pagina \d+ van \d+|page \d+ of \d+)$)");
    if (trimmed.empty() || std::regex_search(trimmed, footer)) continue;
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const std::size_t from = std::min(starts[i], line.size());
      const std::size_t to = i + 1 < starts.size() ? std::min(starts[i + 1], line.size()) : line.size();
      cells.push_back(squash_spaces(line.substr(from, to - from)));
    }
    const bool starts_row = !cells[0].empty() && std::isdigit(static_cast<unsigned char>(cells[0][0]));
    if (starts_row) {
      in_header = false;
      rows.emplace_back(headers.size());
    } else if (in_header || rows.empty()) {
      continue;  // the header's own wrapped lines
    }
    auto& row = rows.back();
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (!cells[i].empty()) row[i] += (row[i].empty() ? "" : " ") + cells[i];
  }
  return rows;
}

}  // namespace casus::testing
