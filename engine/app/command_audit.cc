// `casus audit verify` and `casus audit list [--json]`: checks the store's
// hash-chained audit log (exit 1 naming the first broken entry) and lists
// its entries (who, when, command, documents with audience and hash).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iostream>

#include "app/command_support.h"
#include "app/commands.h"
#include "core/json_text.h"
#include "app/console.h"

namespace casus {
namespace {

std::unique_ptr<Store> open_or_report(const GlobalOptions& options, std::unique_ptr<Clock>& clock) {
  clock = clock_or_report();
  if (!clock) return nullptr;
  return open_store_or_report(options, *clock);
}

int run_verify(const GlobalOptions& options) {
  std::unique_ptr<Clock> clock;
  auto store = open_or_report(options, clock);
  if (!store) return kExitFailure;
  auto verdict = store->verify_audit();
  if (!verdict) {
    print_error(verdict.message());
    return kExitFailure;
  }
  if (!verdict->intact) {
    print_error("auditlog is aangetast: " + verdict->problem);
    return kExitFailure;
  }
  std::cout << "auditlog in orde: " << verdict->entries << " regel(s), keten en kop kloppen\n";
  return kExitOk;
}

int run_list(const GlobalOptions& options, bool json) {
  std::unique_ptr<Clock> clock;
  auto store = open_or_report(options, clock);
  if (!store) return kExitFailure;
  auto entries = store->audit_entries();
  if (!entries) {
    print_error(entries.message());
    return kExitFailure;
  }
  if (json) {
    std::cout << "[";
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const AuditEntry& e = (*entries)[i];
      std::cout << (i ? ",\n " : "\n ") << "{\"id\": " << e.id << ", \"at\": " << json_quote(e.at)
                << ", \"user\": " << json_quote(e.user) << ", \"command\": " << json_quote(e.command)
                << ", \"entries\": " << e.entries << ", \"hash\": " << json_quote(e.hash) << "}";
    }
    std::cout << (entries->empty() ? "]\n" : "\n]\n");
    return kExitOk;
  }
  for (const AuditEntry& e : *entries) {
    std::cout << e.id << "  " << e.at << "  " << e.user << "  casus " << e.command << "\n";
    try {
      Poco::JSON::Parser parser;
      auto root = parser.parse(e.entries).extract<Poco::JSON::Object::Ptr>();
      if (auto detail = root->optValue<std::string>("detail", ""); !detail.empty())
        std::cout << "    " << detail << "\n";
      auto documents = root->getArray("documents");
      for (std::size_t i = 0; documents && i < documents->size(); ++i) {
        auto d = documents->getObject(static_cast<unsigned>(i));
        std::string categories;
        if (auto list = d->getArray("categories"))
          for (std::size_t c = 0; c < list->size(); ++c)
            categories += (c ? "," : "") + list->getElement<std::string>(static_cast<unsigned>(c));
        std::cout << "    " << d->getValue<std::string>("path") << "  doelgroep "
                  << d->getValue<std::string>("audience") << "  categorieën "
                  << (categories.empty() ? "-" : categories) << "  sha256 "
                  << d->getValue<std::string>("sha256").substr(0, 16) << "…\n";
      }
    } catch (const Poco::Exception& ex) {
      std::cout << "    (onleesbare regel: " << ex.displayText() << ")\n";
    }
  }
  return kExitOk;
}

}  // namespace

void register_audit_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  CLI::App* sub = app.add_subcommand("audit", "Het auditlog: controleren (verify) of tonen (list)");
  sub->require_subcommand(1);
  CLI::App* verify =
      sub->add_subcommand("verify", "Controleer de hashketen van het auditlog; exit 1 bij een aangetaste regel");
  verify->callback([&options, &outcome]() { outcome.status = run_verify(options); });
  auto json = std::make_shared<bool>(false);
  CLI::App* list = sub->add_subcommand("list", "Toon elke regel van het auditlog");
  list->add_flag("--json", *json, "Als JSON op stdout");
  list->callback([&options, &outcome, json]() { outcome.status = run_list(options, *json); });
}

}  // namespace casus
