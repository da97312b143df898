#include <doctest/doctest.h>

#include <sstream>

#include "exporters/csv.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

// An RFC 4180 reader, for checking what the writer wrote.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
    }
  }
  return rows;
}

struct Files {
  std::vector<std::vector<std::string>> nodes;
  std::vector<std::vector<std::string>> relationships;
};

Files write(const KnowledgeGraph& g) {
  std::ostringstream nodes;
  std::ostringstream relationships;
  REQUIRE(write_csv(g, nodes, relationships).ok());
  return {parse_csv(nodes.str()), parse_csv(relationships.str())};
}

TEST_CASE("csv_field quotes only when needed") {
  using exporters::csv_field;
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("샘 <&>") == "샘 <&>");
  CHECK(csv_field("ctrl\x01") == "ctrl");
}

TEST_CASE("CSV: Neo4j headers, one row per entity and relation") {
  const Files f = write(test::sample_graph());
  REQUIRE(f.nodes.size() == 8);
  CHECK(f.nodes[0] ==
        std::vector<std::string>{"id:ID", "name", ":LABEL", "aliases:string[]", "mentions:int"});
  CHECK(f.nodes[2] == std::vector<std::string>{"person-샘-올트먼", "샘 올트먼", "Person",
                                               "Sam Altman;sama", "3"});
  CHECK(f.nodes[7] == std::vector<std::string>{"tool-r-d-toolkit-c-tools",
                                               "R&D <Toolkit> \"β\" C:\\tools", "Tool", "", "1"});
  REQUIRE(f.relationships.size() == 9);
  CHECK(f.relationships[0] == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE",
                                                       "confidence:float", "support:int",
                                                       "evidence", "documents:string[]"});
  CHECK(f.relationships[3] ==
        std::vector<std::string>{
            "person-샘-올트먼", "organization-openai", "leads", "0.9500", "2",
            "Sam Altman\nleads OpenAI <again>.\n샘 올트먼은 OpenAI의 \"CEO\"이다 & 공동 창업자다.",
            "openai-en.txt;openai-ko.txt"});
  for (const auto& row : f.relationships) {
    CHECK(row.size() == 7);
  }
}

TEST_CASE("CSV: write_graph writes the nodes file; empty graph has headers only") {
  CHECK(test::write(test::one_node_graph(), GraphFormat::kCsv) ==
        "id:ID,name,:LABEL,aliases:string[],mentions:int\ntool-python,Python,Tool,,1\n");
  const Files empty = write(KnowledgeGraph());
  CHECK(empty.nodes.size() == 1);
  CHECK(empty.relationships.size() == 1);
}

}  // namespace
}  // namespace kgex
