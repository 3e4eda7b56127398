#include "sample/synthetic_text.h"

#include <map>

#include "model/bsn.h"

namespace casus {

SyntheticBsnAllocator::SyntheticBsnAllocator(std::uint64_t seed)
    : prng_(Prng::derive(seed, "bsn")) {}

std::string SyntheticBsnAllocator::next() {
  // A block has about 9,091 valid numbers; move on well before it is full, so
  // drawing stays fast and never runs out.
  if (in_block_ >= 9000) {
    --block_;
    in_block_ = 0;
  }
  for (;;) {
    std::string digits = std::to_string(block_);
    for (int i = 0; i < 4; ++i) digits += static_cast<char>('0' + prng_.uniform(0, 9));
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[static_cast<std::size_t>(i)] - '0');
    const int check = sum % 11;
    if (check == 10) continue;
    digits += static_cast<char>('0' + check);
    if (!is_valid_bsn(digits) || used_.count(digits) > 0) continue;
    used_.insert(digits);
    ++in_block_;
    return digits;
  }
}

std::string SyntheticBsnAllocator::invalid_example() {
  // 9999 1234 5: 9*9+8*9+7*9+6*9+5*1+4*2+3*3+2*4 - 5 = 295, 295 % 11 = 9.
  return "999912345";
}

// Invented names. Surnames are made-up Dutch-sounding compositions; they
// are fictional, chosen to carry diacritics (ë, é, ï, ö, ü, ç) that
// Windows-1252 can encode.
const std::vector<std::string>& synthetic_given_names() {
  static const std::vector<std::string> names = {
      "Aëlle",  "Bram",   "Chloë",   "Daan",    "Eliën",  "Femke",  "Gijsbert", "Hanneke",
      "Inès",   "Joëlle", "Kees",    "Loïs",    "Maarten", "Noël",  "Olaf",     "Pien",
      "Raphaël", "Sanne", "Thijmen", "Ursula",  "Vera",   "Wessel", "Ximena",   "Youri",
      "Zoë",    "André",  "Bénédicte", "Céline", "Jurriaan", "Mirthe"};
  return names;
}

const std::vector<std::string>& synthetic_surnames() {
  static const std::vector<std::string> names = {
      "Eërdmans",      "Brouwkamp",     "Zeldenrijk",   "Ter Haaswijk",  "Kroonenbeek",
      "Moerlandt",     "De Wilgenhof",  "Noorderveen",  "Hoefnagelaar",  "Van Oostersluis",
      "Riemersmaat",   "Dijkgraaff",    "Vlietstra-Oomkes", "Köppelmeijer", "Van der Brûgge",
      "Ploeghmaker",   "Geërtsema",     "Lindeboomsma", "Çoelhorst",     "Van Aëlst",
      "Strootkamp",    "Wijnbergsma",   "Ruïsdaelen",   "Bakkerdijk",    "Meulenbroeck",
      "Van Zöllen",    "Tjeerdsmaat",   "Overvliet-Kaaij"};
  return names;
}

const std::vector<std::string>& synthetic_regisseurs() {
  static const std::vector<std::string> names = {"R. Oudegeest-Blom", "M. van Kreijl",
                                                 "S. Ëlferink", "J. Dubbeldam-Ros"};
  return names;
}

const std::vector<std::string>& event_descriptions(const std::string& kind) {
  static const std::map<std::string, std::vector<std::string>> texts = {
      {"melding",
       {"Melding buurtbewoner: uitingen over \"de strijd\"; wijkagent geïnformeerd.",
        "Signaal school (mentor): veel afwezig, zorgen om nieuwe contacten.",
        "Melding via de wijkagent, café De Brûgge, gesprek over propaganda",
        "Anonieme melding; geen strafbare feiten.\nDoorgezet naar het Veiligheidshuis."}},
      {"verdachte",
       {"Verdachte van bedreiging via sociale media; aangifte opgenomen.",
        "Verdachte vernieling (bushokje), \"politieke leus\" gespoten.",
        "Verdacht van opruiing in een chatgroep.\nOnderzoek loopt."}},
      {"aanhouding",
       {"Aangehouden na ruzie bij een café; verdachte verklaarde niets.",
        "Aanhouding op heterdaad, mes aangetroffen; proces-verbaal opgemaakt.",
        "Aangehouden op verzoek van het OM.\nInverzekeringstelling, daarna heengezonden."}},
      {"uitreispoging",
       {"Reisbeweging via Schiphol; paspoort gecontroleerd, coördinatie met KMar.",
        "Poging tot uitreis per bus, grens Duitsland; teruggekeerd naar huis."}},
      {"terugkeer",
       {"Terugkeer uit conflictgebied gemeld; medisch onderzoek, \"nazorgtraject\" gestart."}},
      {"dagvaarding", {"Dagvaarding politierechter; zitting gepland.", "Dagvaarding meervoudige kamer, opruiing; zitting over twee maanden."}},
      {"veroordeling",
       {"Veroordeeld tot taakstraf van 80 uur; bijzondere voorwaarden: meldplicht, contactverbod.",
        "Voorwaardelijke gevangenisstraf; reclasseringstoezicht als bijzondere voorwaarde."}},
      {"detentie_start", {"Start detentie in PI; contact met de casusregisseur behouden."}},
      {"detentie_einde", {"Einde detentie; nazorg en re-integratie door de gemeente, \"warme overdracht\"."}},
  };
  static const std::vector<std::string> none;
  const auto found = texts.find(kind);
  return found == texts.end() ? none : found->second;
}

const std::vector<std::string>& hold_reasons() {
  static const std::vector<std::string> texts = {
      "Lopend strafrechtelijk onderzoek; afstemming met het OM.",
      "Persoon tijdelijk in het buitenland, \"terugkeer onzeker\"",
      "Opname in een GGZ-kliniek, behandeling eerst afronden.",
  };
  return texts;
}

const std::vector<std::string>& begrenzen_rationales() {
  static const std::vector<std::string> texts = {
      "Proportioneel: concrete reisplannen; lichtere middelen (gesprekken) hebben niet gewerkt.",
      "Subsidiair: vrijwillige afspraken zijn niet nagekomen; maatregel duurt zes maanden, "
      "daarna evaluatie.",
      "Dreiging richting \"ex-partner\"; contactverbod is het minst ingrijpende effectieve middel.\n"
      "Getoetst in de driehoek.",
  };
  return texts;
}

const std::vector<std::string>& intervention_notes() {
  static const std::vector<std::string> texts = {
      "Afspraken vastgelegd in het plan van aanpak.",
      "Intake gepland; cliënt gemotiveerd.",
  };
  return texts;
}

const std::vector<std::string>& life_domain_goals() {
  static const std::vector<std::string> texts = {
      "Schulden in kaart; \"budgetcoach\" inzetten, daarna saneren.",
      "Vaste dagbesteding: werk, opleiding of vrijwilligerswerk",
      "Stabiele woonsituatie, eigen kamer of begeleid wonen.",
      "Behandeling bij de GGZ volhouden, afspraken nakomen.",
      "Contact met familie herstellen; gezinsgesprekken met de coördinator.",
      "Geen gebruik meer; controles via de huisarts.\nTerugval bespreken.",
  };
  return texts;
}

const std::vector<std::string>& deviation_rationales() {
  static const std::vector<std::string> texts = {
      "Wapenbezit betrof een erfstuk zonder munitie; geen actuele intentie. Lager oordeel besproken "
      "in het casusoverleg.",
      "Uitingen dateren van vóór de behandeling; sindsdien geen signalen, \"stabiel\".",
  };
  return texts;
}

const std::vector<std::string>& item_evidence() {
  static const std::vector<std::string> texts = {
      "Proces-verbaal van de politie; uitspraken in verhoor.",
      "Informatie wijkagent & jongerenwerk, bevestigd door familie.",
      "Chatberichten aangetroffen bij onderzoek <telefoon>.",
  };
  return texts;
}

}  // namespace casus
