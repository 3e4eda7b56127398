#include <catch2/catch.hpp>

#include "ingest/xml_reader.h"

using namespace casus;

TEST_CASE("xml: export root with record children, lines from node offsets") {
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<export kind=\"events\" partner=\"politie\" created=\"2026-11-01T06:00:00\">\n"
      "  <record>\n"
      "    <event_id>2026-118734</event_id>\n"
      "    <bsn>123456782</bsn>\n"
      "  </record>\n"
      "  <record><event_id>x</event_id><kind>melding</kind></record>\n"
      "</export>\n";
  auto xml = read_xml_export(text);
  REQUIRE(xml.is_ok());
  CHECK(xml->kind == "events");
  CHECK(xml->partner == "politie");
  CHECK(xml->created == "2026-11-01T06:00:00");
  CHECK(xml->encoding == "utf-8");
  REQUIRE(xml->records.size() == 2);
  CHECK(xml->records[0].line == 3);
  CHECK(xml->records[0].index == 1);
  REQUIRE(xml->records[0].values.size() == 2);
  CHECK(xml->records[0].values[1].name == "bsn");
  CHECK(xml->records[0].values[1].value == "123456782");
  CHECK(xml->records[1].line == 7);
  CHECK(xml->records[1].original == "<record><event_id>x</event_id><kind>melding</kind></record>");
}

TEST_CASE("xml: item children and a default namespace") {
  const std::string text =
      "<export xmlns=\"urn:casus:export\" kind=\"assessments\" partner=\"gemeente\">"
      "<record><case_id>C1</case_id><V1>2</V1>"
      "<item code=\"I2\" score=\"1\" source=\"politie\">seen at &amp; near</item></record></export>";
  auto xml = read_xml_export(text);
  REQUIRE(xml.is_ok());
  REQUIRE(xml->records.size() == 1);
  const auto& r = xml->records[0];
  REQUIRE(r.values.size() == 2);
  CHECK(r.values[1].name == "V1");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].code == "I2");
  CHECK(r.items[0].score == "1");
  CHECK(r.items[0].source == "politie");
  CHECK(r.items[0].evidence == "seen at & near");
}

TEST_CASE("xml: a prefixed root and prefixed elements are matched by local name") {
  auto xml = read_xml_export(
      "<p:export xmlns:p=\"urn:x\" kind=\"cases\"><p:record><p:case_id>C1</p:case_id></p:record></p:export>");
  REQUIRE(xml.is_ok());
  REQUIRE(xml->records.size() == 1);
  CHECK(xml->records[0].values[0].name == "case_id");
}

TEST_CASE("xml: ISO-8859-1 and Windows-1252 declarations decode as Windows-1252") {
  for (const char* name : {"ISO-8859-1", "windows-1252"}) {
    const std::string text = std::string("<?xml version=\"1.0\" encoding=\"") + name +
                             "\"?><export kind=\"cases\"><record><surname>Caf\xe9 \x80</surname></record></export>";
    auto xml = read_xml_export(text);
    REQUIRE(xml.is_ok());
    CHECK(xml->encoding == "windows-1252");
    CHECK(xml->records[0].values[0].value == "Caf\xC3\xA9 \xE2\x82\xAC");
  }
}

TEST_CASE("xml: UTF-16 with a byte order mark") {
  const std::string ascii = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<export kind=\"cases\">\n<record><surname>X</surname></record></export>";
  std::string le = "\xFF\xFE";
  for (char c : ascii) {
    le += c;
    le += '\0';
  }
  auto xml = read_xml_export(le);
  REQUIRE(xml.is_ok());
  CHECK(xml->encoding == "utf-16");
  REQUIRE(xml->records.size() == 1);
  CHECK(xml->records[0].line == 3);
  CHECK(xml->records[0].values[0].value == "X");
}

TEST_CASE("xml: a DOCTYPE is rejected whole, entities never expanded") {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
      "<export kind=\"cases\"><record><surname>&lol2;</surname></record></export>\n";
  auto xml = read_xml_export(laughs);
  REQUIRE_FALSE(xml.is_ok());
  CHECK(xml.message() == "2:1: document has a DOCTYPE; DTDs and entities are not accepted in partner exports");
  const std::string external =
      "<!DOCTYPE export [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><export kind=\"cases\"><record><surname>&x;</surname></record></export>";
  CHECK(read_xml_export(external).message() ==
        "1:1: document has a DOCTYPE; DTDs and entities are not accepted in partner exports");
}

TEST_CASE("xml: malformed and truncated documents are rejected with line and column") {
  auto bad = read_xml_export("<export kind=\"cases\">\n  <record>\n    <a>1</b>\n</export>");
  REQUIRE_FALSE(bad.is_ok());
  CHECK(bad.message() == "3:11: malformed XML: Start-end tags mismatch");
  auto truncated = read_xml_export("<export kind=\"cases\">\n  <record><a>1</a></rec");
  REQUIRE_FALSE(truncated.is_ok());
  CHECK(truncated.message().find("malformed XML") != std::string::npos);
  CHECK(truncated.message().rfind("2:", 0) == 0);
  CHECK(read_xml_export("").message() == "empty document: no root element");
  CHECK(read_xml_export("<cases/>").message() == "1:1: root element is <cases>, expected <export>");
}

TEST_CASE("xml: invalid UTF-8 under a UTF-8 declaration is rejected with its line") {
  auto xml = read_xml_export("<export kind=\"cases\">\n<record><a>\xe9</a></record></export>");
  REQUIRE_FALSE(xml.is_ok());
  CHECK(xml.message() == "2:12: not valid UTF-8 (declare the encoding, e.g. windows-1252)");
}

TEST_CASE("xml: looks_like_xml") {
  CHECK(looks_like_xml("\xEF\xBB\xBF  <?xml"));
  CHECK(looks_like_xml("\xFF\xFE<\0"));
  CHECK_FALSE(looks_like_xml("case_id;bsn"));
}
