// Hostile configuration files and templates, through the real commands: a
// project with a store imported from samples/default and an outputs folder
// from an earlier run; one file is broken (malformed, truncated, oversized,
// wrongly encoded, a DTD with entities, binary, a partial outside the
// templates folder, a key the audience may not receive), the command runs,
// and the test asserts its exact message and exit status and that the
// store folder and outputs/ are byte for byte as before (every file's
// SHA-256, and no file added or removed).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include "core/file_io.h"

namespace fs = std::filesystem;
using casus::read_file;

namespace {

struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

// Path -> SHA-256 of every file under `folder` ("dir" for a folder).
using Listing = std::map<std::string, std::string>;

Listing listing(const fs::path& folder) {
  Listing out;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    const std::string relative = fs::relative(entry.path(), folder).generic_string();
    out[relative] = entry.is_directory() ? "dir" : casus::sha256_file_hex(entry.path()).value();
  }
  return out;
}

std::string read_text(const fs::path& path) { return read_file(path).value(); }

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::size_t line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// A project (config/, templates/, data/districts.csv) with a store under
// store/ holding the whole sample and outputs/ from an earlier monthly report.
class Project {
 public:
  Project() {
    static int n = 0;
    root_ = fs::temp_directory_path() /
            ("casus-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(root_);
    fs::create_directories(root_ / "pristine");
    fs::create_directories(root_ / "store");
    const fs::path source = CASUS_SOURCE_DIR;
    for (const char* folder : {"config", "templates", "data"})
      fs::copy(source / folder, root_ / "pristine" / folder, fs::copy_options::recursive);
    restore();
    std::string files;
    const fs::path sample = source / "samples" / "default";
    auto manifest = Poco::JSON::Parser()
                        .parse(read_text(sample / "manifest.json"))
                        .extract<Poco::JSON::Object::Ptr>();
    auto list = manifest->getArray("files");
    for (std::size_t i = 0; i < list->size(); ++i)
      files += " '" +
               (sample / list->getObject(static_cast<unsigned>(i))->getValue<std::string>("path"))
                   .string() +
               "'";
    first_sample_file_ = (sample / list->getObject(0)->getValue<std::string>("path")).string();
    REQUIRE(casus("init").status == 0);
    Output imported = casus("import" + files);
    if (imported.status != 0) FAIL(imported.err);
    REQUIRE(casus("report monthly --month 2026-09").status == 0);
    REQUIRE(fs::exists(root_ / "outputs" / "maandrapportage" / "maandrapportage-2026-09.pdf"));
  }
  ~Project() { fs::remove_all(root_); }

  fs::path file(const std::string& relative) const { return root_ / relative; }
  const std::string& first_sample_file() const { return first_sample_file_; }

  // config/, templates/ and data/ as shipped.
  void restore() const {
    for (const char* folder : {"config", "templates", "data"}) {
      fs::remove_all(root_ / folder);
      fs::copy(root_ / "pristine" / folder, root_ / folder, fs::copy_options::recursive);
    }
  }

  // `casus` in the project folder, with its defaults for config and templates.
  Output casus(const std::string& args) const {
    const fs::path so = root_ / "stdout.txt", se = root_ / "stderr.txt";
    const std::string cmd = "cd '" + root_.string() + "' && CASUS_NOW=2026-11-28T09:00:00 '" +
                            CASUS_BINARY + "' --store store/s.db --out outputs --user hostile " +
                            args + " > '" + so.string() + "' 2> '" + se.string() + "'";
    const int raw = std::system(cmd.c_str());
    Output r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_text(so);
    r.err = read_text(se);
    return r;
  }

  Listing store() const { return listing(root_ / "store"); }
  Listing outputs() const { return listing(root_ / "outputs"); }

 private:
  fs::path root_;
  std::string first_sample_file_;
};

Project& project() {
  static Project p;
  return p;
}

struct Hostile {
  std::string what;
  std::function<void(const Project&)> damage;  // breaks one file
  std::string command;
  int status;
  std::function<std::string(const Project&)> message;  // the exact stderr, after the damage
};

void run(const Hostile& h) {
  Project& p = project();
  p.restore();
  const Listing store_before = p.store(), outputs_before = p.outputs();
  REQUIRE(store_before.count("s.db"));
  REQUIRE(outputs_before.count("manifest.json"));
  h.damage(p);
  const std::string expected = h.message(p);
  const Output out = p.casus(h.command);
  p.restore();
  INFO(h.what << ": casus " << h.command);
  CHECK(out.status == h.status);
  CHECK(out.err == expected);
  CHECK(out.out.empty());
  CHECK(p.store() == store_before);
  CHECK(p.outputs() == outputs_before);
}

std::string config_error(const std::string& diagnostic, int errors = 1) {
  return "casus: " + diagnostic + "\ncasus: configuratie in config bevat " +
         std::to_string(errors) + " fout(en)\n";
}

// Replaces the first `from` in the file with `to`.
void edit(const Project& p, const std::string& relative, const std::string& from,
          const std::string& to) {
  std::string text = read_text(p.file(relative));
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  write_text(p.file(relative), text.replace(at, from.size(), to));
}

void prepend(const Project& p, const std::string& relative, const std::string& text) {
  write_text(p.file(relative), text + read_text(p.file(relative)));
}

}  // namespace

TEST_CASE("hostile configuration files: the command refuses, store and outputs unchanged") {
  const std::vector<Hostile> cases{
      {"a truncated file",
       [](const Project& p) {
         const std::string text = read_text(p.file("config/regisseurs.xml"));
         write_text(p.file("config/regisseurs.xml"),
                    text.substr(0, text.find("  <regisseur ") + 6));
       },
       "plan CAS-2023-0002", 1,
       [](const Project& p) {
         const std::string text = read_text(p.file("config/regisseurs.xml"));
         return config_error("config/regisseurs.xml:" + std::to_string(line_of(text, "  <reg")) +
                             ":6: malformed XML: Error parsing start element tag");
       }},
      {"malformed XML",
       [](const Project& p) {
         edit(p, "config/settings.xml", "</municipality>", "</municipalty>");
       },
       "report monthly --month 2026-10", 1,
       [](const Project& p) {
         const std::string text = read_text(p.file("config/settings.xml"));
         const std::size_t line = line_of(text, "</municipalty>");
         // pugixml points at the name of the closing tag.
         const std::size_t name = text.find("</municipalty>") + 2;
         const std::size_t column = name - text.rfind('\n', name);
         return config_error("config/settings.xml:" + std::to_string(line) + ":" +
                             std::to_string(column) + ": malformed XML: Start-end tags mismatch");
       }},
      {"an oversized file",
       [](const Project& p) {
         write_text(p.file("config/settings.xml"),
                    "<settings>\n<!--" + std::string(4u << 20, 'x') + "-->\n</settings>\n");
       },
       "agenda --date 2026-11-28 --forum casusoverleg", 1,
       [](const Project&) {
         return config_error(
             "config/settings.xml: file is 4194335 bytes; a configuration file may be at most "
             "4194304 bytes");
       }},
      {"a Windows-1252 byte",
       [](const Project& p) {
         edit(p, "config/regisseurs.xml", "<regisseurs>", "<regisseurs>\n  <!-- caf\xE9 -->");
       },
       "report caselist --month 2026-10", 1,
       [](const Project& p) {
         const std::string text = read_text(p.file("config/regisseurs.xml"));
         return config_error(
             "config/regisseurs.xml:" + std::to_string(line_of(text, "caf\xE9")) +
             ":11: not valid UTF-8 (byte 0xE9); configuration files must be saved as UTF-8");
       }},
      {"UTF-16",
       [](const Project& p) {
         const std::string text = read_text(p.file("config/settings.xml"));
         std::string utf16 = "\xFF\xFE";
         for (char c : text) (utf16 += c) += '\0';
         write_text(p.file("config/settings.xml"), utf16);
       },
       "import '" + project().first_sample_file() + "'", 1,
       [](const Project&) {
         return config_error(
             "config/settings.xml:1:1: not valid UTF-8 (byte 0xFF); configuration files must be "
             "saved as UTF-8");
       }},
      {"an external entity",
       [](const Project& p) {
         write_text(p.file("geheim.txt"), "TOPSECRET-4711");
         write_text(p.file("config/regisseurs.xml"),
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE regisseurs [<!ENTITY x SYSTEM \"file://" +
                        p.file("geheim.txt").string() +
                        "\">]>\n<regisseurs><regisseur name=\"&x;\"/></regisseurs>\n");
       },
       "import '" + project().first_sample_file() + "'", 1,
       [](const Project&) {
         return config_error(
             "config/regisseurs.xml:2: a DOCTYPE is not allowed in configuration files");
       }},
      {"entity expansion (billion laughs)",
       [](const Project& p) {
         std::string dtd = "<!DOCTYPE settings [\n<!ENTITY a0 \"lol\">\n";
         for (int i = 1; i < 10; ++i)
           dtd += "<!ENTITY a" + std::to_string(i) + " \"" + std::string("&a") +
                  std::to_string(i - 1) + ";&a" + std::to_string(i - 1) + ";&a" +
                  std::to_string(i - 1) + ";\">\n";
         dtd += "]>\n";
         edit(p, "config/settings.xml", "<settings>", dtd + "<settings>");
         edit(p, "config/settings.xml", "</municipality>", "&a9;</municipality>");
       },
       "covenant", 1,
       [](const Project& p) {
         const std::string text = read_text(p.file("config/settings.xml"));
         return config_error("config/settings.xml:" + std::to_string(line_of(text, "<!DOCTYPE")) +
                             ": a DOCTYPE is not allowed in configuration files");
       }},
      {"a binary file",
       [](const Project& p) {
         write_text(p.file("config/regisseurs.xml"), std::string("\x7f"
                                                                 "ELF\x02\x01\x01\0\0\0",
                                                                 10));
       },
       "training", 1,
       [](const Project&) {
         return config_error(
             "config/regisseurs.xml:1:11: malformed XML: No document element found");
       }},
      {"an empty file", [](const Project& p) { write_text(p.file("config/regisseurs.xml"), ""); },
       "retention --apply", 1,
       [](const Project&) {
         return config_error("config/regisseurs.xml:1:1: malformed XML: No document element found");
       }},
      {"an oversized districts.csv",
       [](const Project& p) {
         write_text(p.file("data/districts.csv"),
                    "code;naam;name\n" + std::string(4u << 20, ';') + "\n");
       },
       "handbook", 1,
       [](const Project&) {
         return config_error(
             "data/districts.csv: file is 4194320 bytes; a configuration file may be at most "
             "4194304 bytes");
       }},
      {"a districts.csv in Windows-1252",
       [](const Project& p) {
         edit(p, "data/districts.csv", "code;naam;name\n", "code;naam;name\nX;Caf\xE9;Cafe\n");
       },
       "plan --all", 1,
       [](const Project&) {
         return config_error(
             "data/districts.csv:2:6: not valid UTF-8 (byte 0xE9); configuration files must be "
             "saved as UTF-8");
       }},
      {"a truncated districts.csv",
       [](const Project& p) { write_text(p.file("data/districts.csv"), "code;na"); },
       "report monthly --month 2026-10 --audience staff", 1,
       [](const Project&) {
         return config_error("data/districts.csv:1: header must be 'code;naam;name'");
       }},
  };
  for (const auto& h : cases) run(h);
}

TEST_CASE("hostile templates: the command refuses, store and outputs unchanged") {
  const std::vector<Hostile> cases{
      {"an unclosed section in the plan",
       [](const Project& p) { prepend(p, "templates/plan/plan.mustache", "{{#open}}\n"); },
       "plan CAS-2023-0002", 1,
       [](const Project&) {
         return std::string("casus: templates/plan/plan.mustache:1:1: Unclosed section \"open\"\n");
       }},
      {"a plan that asks for a name its audience may not receive",
       [](const Project& p) { prepend(p, "templates/plan/plan.mustache", "{{case.name}}"); },
       "plan --audience staff CAS-2023-0002", 1,
       [](const Project&) {
         return std::string(
             "casus: templates/plan/plan.mustache:1:1: key 'case.name' has data category "
             "'identificatie', which "
             "audience 'staff' may not receive\n"
             "casus: sjabloon templates/plan/plan.mustache vraagt gegevens die doelgroep 'staff' "
             "niet mag "
             "ontvangen; er is niets gemaakt\n");
       }},
      {"an agenda template in Windows-1252",
       [](const Project& p) { edit(p, "templates/agenda/agenda.mustache", "\n", "\ncaf\xE9\n"); },
       "agenda --date 2026-11-28 --forum casusoverleg", 1,
       [](const Project&) {
         return std::string(
             "casus: templates/agenda/agenda.mustache:2: not valid UTF-8 (byte 0xE9); templates "
             "must be saved as "
             "UTF-8\n");
       }},
      {"an oversized agenda template",
       [](const Project& p) {
         write_text(
             p.file("templates/agenda/agenda.mustache"),
             read_text(p.file("templates/agenda/agenda.mustache")) + std::string(1u << 20, ' '));
       },
       "agenda --date 2026-11-28 --forum woensdagochtendoverleg", 1,
       [](const Project& p) {
         const auto size = read_text(p.file("templates/agenda/agenda.mustache")).size();
         return "casus: templates/agenda/agenda.mustache: template is " + std::to_string(size) +
                " bytes; at most 1048576 bytes are allowed\n";
       }},
      {"an unclosed section in the monthly report (after the workbook would have been written)",
       [](const Project& p) {
         write_text(p.file("templates/monthly/report.mustache"),
                    read_text(p.file("templates/monthly/report.mustache")) + "{{#open}}\n");
       },
       "report monthly --month 2026-10", 1,
       [](const Project& p) {
         const std::string text = read_text(p.file("templates/monthly/report.mustache"));
         return "casus: templates/monthly/report.mustache:" +
                std::to_string(line_of(text, "{{#open}}")) + ":1: Unclosed section \"open\"\n";
       }},
      {"markup that is not well-formed in the monthly report",
       [](const Project& p) { prepend(p, "templates/monthly/report.mustache", "</p>\n"); },
       "report monthly --month 2026-10 --audience staff", 1,
       [](const Project&) {
         return std::string(
             "casus: templates/monthly/report.mustache (rendered):1:3: XML syntax error: Start-end "
             "tags mismatch\n");
       }},
      {"the last training template broken (after six handouts would have been written)",
       [](const Project& p) {
         write_text(
             p.file("templates/training/nl/certificaten.mustache"),
             read_text(p.file("templates/training/nl/certificaten.mustache")) + "{{#open}}\n");
       },
       "training", 1,
       [](const Project& p) {
         const std::string text = read_text(p.file("templates/training/nl/certificaten.mustache"));
         return "casus: templates/training/nl/certificaten.mustache:" +
                std::to_string(line_of(text, "{{#open}}")) + ":1: Unclosed section \"open\"\n";
       }},
      {"a covenant template with a key that is not in its context",
       [](const Project& p) {
         prepend(p, "templates/covenant/nl/convenant.mustache", "{{geheim}}");
       },
       "covenant", 1,
       [](const Project&) {
         return std::string(
             "casus: templates/covenant/nl/convenant.mustache:1:1: key 'geheim' is not in the "
             "context\n");
       }},
      {"a handbook partial outside the templates folder",
       [](const Project& p) {
         edit(p, "templates/handbook/nl/uitvoeringskader.mustache", "\n",
              "\n{{> ../../../config/settings}}\n");
       },
       "handbook", 1,
       [](const Project&) {
         return std::string(
             "casus: templates/handbook/nl/uitvoeringskader.mustache:2:1: partial name "
             "'../../../config/settings' is "
             "not a plain file name\n");
       }},
  };
  for (const auto& h : cases) run(h);
}
