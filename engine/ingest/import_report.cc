#include "ingest/import_report.h"

#include "core/json_text.h"

#include <cstdio>

namespace casus {

int import_exit_status(const std::vector<FileReport>& files) {
  bool quarantined = false;
  for (const auto& f : files) {
    if (f.status == FileStatus::rejected) return 1;
    quarantined = quarantined || f.quarantined > 0;
  }
  return quarantined ? 3 : 0;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
std::string json_or_null(const std::string& s) { return s.empty() ? "null" : json_quote(s); }
}  // namespace

std::string import_report_json(const std::vector<FileReport>& files) {
  std::string out = "[";
  bool first_file = true;
  for (const auto& f : files) {
    out += first_file ? "\n" : ",\n";
    first_file = false;
    out += "  {\"file\": " + json_quote(f.file) + ", \"kind\": " + json_or_null(f.kind) +
           ", \"partner\": " + json_or_null(f.partner) + ", \"status\": " + json_quote(code(f.status)) +
           ", \"read\": " + std::to_string(f.read) + ", \"stored\": " + std::to_string(f.stored) +
           ", \"updated\": " + std::to_string(f.updated) + ", \"unchanged\": " + std::to_string(f.unchanged) +
           ", \"quarantined\": " + std::to_string(f.quarantined) +
           ", \"unlinked\": " + std::to_string(f.unlinked) + ", \"diagnostics\": [";
    bool first = true;
    for (const auto& d : f.diagnostics) {
      out += first ? "\n" : ",\n";
      first = false;
      out += "    {\"line\": " + (d.location.line == 0 ? std::string("null") : std::to_string(d.location.line)) +
             ", \"field\": " + json_or_null(d.field) + ", \"code\": " + json_quote(d.code) +
             ", \"message\": " + json_quote(d.message) + "}";
    }
    out += first ? "]}" : "\n  ]}";
  }
  out += files.empty() ? "]\n" : "\n]\n";
  return out;
}

std::string import_report_summary(const std::vector<FileReport>& files) {
  std::string out;
  for (const auto& f : files) {
    out += f.file + ": " + code(f.status);
    if (!f.kind.empty() || !f.partner.empty())
      out += " (" + (f.kind.empty() ? std::string("?") : f.kind) + ", " +
             (f.partner.empty() ? std::string("?") : f.partner) + ")";
    if (f.status != FileStatus::skipped)
      out += ": " + std::to_string(f.read) + " read, " + std::to_string(f.stored) + " new, " +
             std::to_string(f.updated) + " updated, " + std::to_string(f.unchanged) + " unchanged, " +
             std::to_string(f.quarantined) + " quarantined, " + std::to_string(f.unlinked) + " unlinked";
    if (f.encoding == "windows-1252") out += "; read as Windows-1252";
    out += '\n';
  }
  return out;
}

std::string import_report_html(const std::vector<FileReport>& files, const DateTime& when,
                               const std::filesystem::path& quarantine_folder) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Importverslag " +
      html_escape(when.iso()) +
      "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
      "td,th{border:1px solid #999;padding:2px 6px;text-align:left}.error{color:#a00}"
      ".warning{color:#850}</style></head><body>\n<h1>Importverslag</h1>\n<p>Tijdstip: " +
      html_escape(when.iso()) + "</p>\n";
  if (!quarantine_folder.empty())
    out += "<p>Quarantaine: " + html_escape(quarantine_folder.string()) + "</p>\n";
  out += "<table><tr><th>bestand</th><th>soort</th><th>partner</th><th>status</th><th>gelezen</th>"
         "<th>nieuw</th><th>bijgewerkt</th><th>ongewijzigd</th><th>quarantaine</th><th>niet "
         "gekoppeld</th><th>codering</th></tr>\n";
  for (const auto& f : files)
    out += "<tr><td>" + html_escape(f.file) + "</td><td>" + html_escape(f.kind) + "</td><td>" +
           html_escape(f.partner) + "</td><td>" + code(f.status) + "</td><td>" + std::to_string(f.read) +
           "</td><td>" + std::to_string(f.stored) + "</td><td>" + std::to_string(f.updated) + "</td><td>" +
           std::to_string(f.unchanged) + "</td><td>" + std::to_string(f.quarantined) + "</td><td>" +
           std::to_string(f.unlinked) + "</td><td>" + html_escape(f.encoding) + "</td></tr>\n";
  out += "</table>\n";
  for (const auto& f : files) {
    if (f.diagnostics.empty()) continue;
    out += "<h2>" + html_escape(f.file) + "</h2>\n<table><tr><th>regel</th><th>veld</th><th>code</th>"
           "<th>melding</th></tr>\n";
    for (const auto& d : f.diagnostics)
      out += "<tr class=\"" + std::string(severity_name(d.severity)) + "\"><td>" +
             (d.location.line ? std::to_string(d.location.line) : std::string()) + "</td><td>" +
             html_escape(d.field) + "</td><td>" + html_escape(d.code) + "</td><td>" +
             html_escape(d.message) + "</td></tr>\n";
    out += "</table>\n";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace casus
