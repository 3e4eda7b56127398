#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "model/interned_string.h"
#include "model/item_scores.h"

using casus::InternedString;
using casus::ItemScore;
using casus::ItemScores;

TEST_CASE("interned strings share one copy and compare by text", "[interned]") {
  const std::string file = "politie-2026-11.csv";
  InternedString a(file);
  InternedString b("politie-2026-11.csv");
  CHECK(a == b);
  CHECK(&a.str() == &b.str());
  CHECK(a == "politie-2026-11.csv");
  CHECK(a == file);
  CHECK_FALSE(a == InternedString("other.csv"));
  CHECK(InternedString().empty());
  CHECK(InternedString("").empty());
  CHECK(InternedString() == "");
  CHECK(a.size() == 19);
  CHECK(a + "!" == "politie-2026-11.csv!");
  CHECK(sizeof(InternedString) == sizeof(void*));
}

TEST_CASE("item scores behave as a map by code", "[item_scores]") {
  ItemScores items;
  CHECK(items.empty());
  items["V3"].score = 2;
  items["K1"].score = std::nullopt;
  CHECK(items.emplace("B2", ItemScore{1, "gezien", "politie"}));
  CHECK_FALSE(items.emplace("B2", ItemScore{0, "", ""}));  // present: unchanged
  items["A1"] = ItemScore{0, "", "wijkteam"};
  REQUIRE(items.size() == 4);

  std::vector<std::string> order;
  for (const auto& [code, item] : items) order.push_back(code + "=" + (item.score ? std::to_string(*item.score) : "?"));
  CHECK(order == std::vector<std::string>{"A1=0", "B2=1", "K1=?", "V3=2"});

  CHECK(items.score("V3") == 2);
  CHECK_FALSE(items.score("K1").has_value());
  CHECK_FALSE(items.score("Z9").has_value());
  CHECK(items.count("K1") == 1);
  CHECK(items.count("Z9") == 0);
  CHECK(items.find("Z9") == items.end());
  CHECK(items.find("B2")->second.evidence == "gezien");
  CHECK(items.at("B2").source == "politie");
  CHECK(items.at("A1").source == "wijkteam");
  CHECK(items.at("A1").evidence.empty());
  CHECK(items.at("V3").evidence.empty());
  CHECK_THROWS_AS(items.at("Z9"), std::out_of_range);

  items["B2"] = ItemScore{2, "", ""};  // overwrite drops the evidence
  CHECK(items.at("B2") == ItemScore{2, "", ""});

  ItemScores copy = items;
  CHECK(copy == items);
  copy["V3"].score = 1;
  CHECK_FALSE(copy == items);
  items.clear();
  CHECK(items.size() == 0);
  CHECK(items.begin() == items.end());
}

TEST_CASE("item scores stay sorted whether items come in code order or not", "[item_scores]") {
  ItemScores items;
  CHECK(items.emplace("A1", ItemScore{0, "", ""}));
  CHECK(items.emplace("B2", ItemScore{1, "", ""}));
  CHECK(items.emplace("C3", ItemScore{2, "", ""}));
  CHECK_FALSE(items.emplace("C3", ItemScore{0, "", ""}));  // the last one again
  CHECK(items.emplace("B0", ItemScore{std::nullopt, "", ""}));  // before the last
  CHECK_FALSE(items.emplace("A1", ItemScore{2, "", ""}));  // the first one again
  CHECK(items.emplace("0Z", ItemScore{1, "", ""}));  // before the first
  std::vector<std::string> order;
  for (const auto& [code, item] : items) order.push_back(code + "=" + (item.score ? std::to_string(*item.score) : "?"));
  CHECK(order == std::vector<std::string>{"0Z=1", "A1=0", "B0=?", "B2=1", "C3=2"});
}
