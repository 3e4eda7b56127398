#include <catch2/catch.hpp>
#include <sstream>

#include "ingest/csv_reader.h"

using namespace casus;

TEST_CASE("csv: quoted delimiters, doubled quotes and line breaks inside quotes") {
  const std::string text =
      "case_id;description\n"
      "C1;\"a;b\"\n"
      "C2;\"say \"\"hi\"\"\"\n"
      "C3;\"two\nlines\"\n"
      "C4;plain\n";
  auto table = parse_csv(text);
  REQUIRE(table.is_ok());
  CHECK(table->delimiter == ';');
  REQUIRE(table->records.size() == 4);
  CHECK(table->records[0].fields == std::vector<std::string>{"C1", "a;b"});
  CHECK(table->records[1].fields == std::vector<std::string>{"C2", "say \"hi\""});
  CHECK(table->records[2].fields == std::vector<std::string>{"C3", "two\nlines"});
  CHECK(table->records[2].line == 4);
  CHECK(table->records[3].line == 6);  // the record after a two-line field
  CHECK(table->records[1].original == "C2;\"say \"\"hi\"\"\"");
}

TEST_CASE("csv: delimiter detected from the header row") {
  CHECK(parse_csv("a,b,c\n1,2,3\n")->delimiter == ',');
  CHECK(parse_csv("a;b;c\n1;2;3\n")->delimiter == ';');
  CHECK(parse_csv("a\tb\tc\n1\t2\t3\n")->delimiter == '\t');
  // A comma inside a quoted header name does not count.
  CHECK(parse_csv("\"x,y\";b\n1;2\n")->delimiter == ';');
  CsvOptions declared;
  declared.delimiter = ';';
  CHECK(parse_csv("a,b;c\n", declared)->header == std::vector<std::string>{"a,b", "c"});
}

TEST_CASE("csv: BOM, CRLF, blank lines, no final line end, header names trimmed") {
  auto table = parse_csv("\xEF\xBB\xBF a ; b \r\n\r\n1;2\r\n;\r\n\r\n3;4");
  REQUIRE(table.is_ok());
  CHECK(table->header == std::vector<std::string>{"a", "b"});
  REQUIRE(table->records.size() == 2);
  CHECK(table->records[0].line == 3);
  CHECK(table->records[0].fields == std::vector<std::string>{"1", "2"});
  CHECK(table->records[1].line == 6);
  CHECK(table->records[1].fields == std::vector<std::string>{"3", "4"});
}

TEST_CASE("csv: Windows-1252 converted to UTF-8") {
  CsvOptions options;
  options.windows1252 = true;
  auto table = parse_csv("naam;bedrag\nCaf\xe9;\x80 3\n", options);
  REQUIRE(table.is_ok());
  CHECK(table->records[0].fields == std::vector<std::string>{"Caf\xC3\xA9", "\xE2\x82\xAC 3"});
  CHECK(table->records[0].original == "Caf\xC3\xA9;\xE2\x82\xAC 3");
}

TEST_CASE("csv: an unterminated quote is an error with the line it opened on") {
  auto table = parse_csv("a;b\n1;2\n3;\"open\n\n");
  REQUIRE_FALSE(table.is_ok());
  CHECK(table.message() == "3: quoted field opened on line 3 is never closed");
}

TEST_CASE("csv: an empty input has no header") {
  CHECK(parse_csv("").message() == "empty file: no header row");
  CHECK(parse_csv("\n\r\n").message() == "empty file: no header row");
}

TEST_CASE("csv: a field over the limit stops the reader") {
  CsvOptions options;
  options.max_field_bytes = 100;
  auto table = parse_csv("a;b\n1;" + std::string(500, 'x') + "\n", options);
  REQUIRE_FALSE(table.is_ok());
  CHECK(table.message() == "2: field longer than 100 bytes; this does not look like a partner export");
}

TEST_CASE("csv: records spanning the reader's 64 KiB chunks are read whole") {
  std::string text = "id;text\n";
  for (int i = 0; i < 3000; ++i) text += std::to_string(i) + ";\"" + std::string(50, 'q') + ";\"\"x\"\"\"\n";
  auto table = parse_csv(text);
  REQUIRE(table.is_ok());
  REQUIRE(table->records.size() == 3000);
  CHECK(table->records[2999].fields[1] == std::string(50, 'q') + ";\"x\"");
  CHECK(table->records[2999].line == 3001);
}
