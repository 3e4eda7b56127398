// The fixed words writers print around a document's content (page numbers,
// "data as of", table of contents, form labels), in Dutch and English.
#pragma once

#include <string>

#include "core/language.h"

namespace casus {

struct WriterLabels {
  const char* page_of;        // "pagina %1 van %2"
  const char* data_as_of;     // "Gegevens tot en met"
  const char* generated;      // "Gegenereerd"
  const char* audience;       // "Doelgroep"
  const char* contents;       // "Inhoud"
  const char* continued;      // "(vervolg)"
  const char* figure;         // "Figuur"
  const char* table;          // "Tabel"
  const char* name;           // "Naam"
  const char* date;           // "Datum"
  const char* signature;      // "Handtekening"
  const char* place;          // "Plaats"
  const char* chart_data;     // "Gegevens bij de grafiek"
  const char* suppressed_note;  // "<5: te klein aantal om te tonen"
};

const WriterLabels& writer_labels(Language language);

// "pagina 3 van 12" / "page 3 of 12".
std::string page_of(Language language, int page, int pages);

}  // namespace casus
