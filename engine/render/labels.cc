#include "render/labels.h"

namespace casus {

const WriterLabels& writer_labels(Language language) {
  static const WriterLabels nl{"pagina %1 van %2", "Gegevens tot en met", "Gegenereerd", "Doelgroep",
                               "Inhoud", "(vervolg)", "Figuur", "Tabel", "Naam", "Datum",
                               "Handtekening", "Plaats", "Gegevens bij de grafiek",
                               "waarde niet getoond (te klein aantal)"};
  static const WriterLabels en{"page %1 of %2", "Data as of", "Generated", "Audience",
                               "Contents", "(continued)", "Figure", "Table", "Name", "Date",
                               "Signature", "Place", "Data for the chart",
                               "value not shown (count too small)"};
  return language == Language::nl ? nl : en;
}

std::string page_of(Language language, int page, int pages) {
  std::string pattern = writer_labels(language).page_of;
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && (pattern[i + 1] == '1' || pattern[i + 1] == '2')) {
      out += std::to_string(pattern[i + 1] == '1' ? page : pages);
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace casus
