#include "extractor/rules/gazetteer_entries.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kgex {
namespace {

GazetteerEntries two_files() {
  GazetteerEntries table;
  table.reserve(3);
  table.add({.name = "OpenAI",
             .aliases = {"오픈AI", "Open AI"},
             .file = "pack/organizations.json",
             .index = 0});
  table.add({.name = "Rust",
             .type = EntityType::kTool,
             .aliases = {"러스트"},
             .exact_case = true,
             .context = {"language", "cargo"},
             .context_forms = {"러스트"},
             .window = 3,
             .file = "pack/tools.json",
             .index = 0});
  table.add({.name = "ChatGPT",
             .type = EntityType::kProduct,
             .by = "OpenAI",
             .file = "pack/tools.json",
             .index = 1});
  return table;
}

void check_entries(const GazetteerEntries& table) {
  REQUIRE(table.size() == 3);
  const GazetteerEntry openai = table[0];
  CHECK(openai.name() == "OpenAI");
  CHECK(openai.type() == EntityType::kOrganization);
  REQUIRE(openai.aliases().size() == 2);
  CHECK(openai.aliases()[0] == "오픈AI");
  CHECK(openai.aliases()[1] == "Open AI");
  CHECK_FALSE(openai.exact_case());
  CHECK(openai.context().empty());
  CHECK(openai.window() == 8);
  CHECK(openai.by().empty());
  CHECK(openai.file() == "pack/organizations.json");
  CHECK(openai.pointer() == "/gazetteer/0");
  const GazetteerEntry rust = table[1];
  CHECK(rust.type() == EntityType::kTool);
  CHECK(rust.aliases().size() == 1);
  CHECK(rust.exact_case());
  CHECK(rust.context() == WordSet{"cargo", "language"});
  CHECK(rust.context_forms() == WordSet{"러스트"});
  CHECK(openai.context_forms().empty());
  CHECK(rust.window() == 3);
  CHECK(rust.file() == "pack/tools.json");
  CHECK(table.back().by() == "OpenAI");
  CHECK(table.back().pointer() == "/gazetteer/1");
  std::vector<std::string> names;
  for (const GazetteerEntry e : table) {
    names.emplace_back(e.name());
  }
  CHECK(names == std::vector<std::string>{"OpenAI", "Rust", "ChatGPT"});
}

TEST_CASE("GazetteerEntries keeps every field of the entries added") {
  const GazetteerEntries table = two_files();
  check_entries(table);
  const GazetteerEntries copy = table;  // views of the copy's own tables
  check_entries(copy);
  CHECK(copy.tables().chars.data() != table.tables().chars.data());
}

TEST_CASE(
    "GazetteerEntries over fixed tables reads them in place, and copies them before a change") {
  const GazetteerEntries built = two_files();
  GazetteerEntries fixed(built.tables(), built.contexts(), built.context_forms());
  check_entries(fixed);
  CHECK(fixed.tables().rows.data() == built.tables().rows.data());
  fixed.add({.name = "Gemini", .type = EntityType::kProduct, .file = "pack/products.json"});
  CHECK(fixed.size() == 4);
  CHECK(fixed.back().file() == "pack/products.json");
  CHECK(fixed[2].file() == "pack/tools.json");
  CHECK(built.size() == 3);
  CHECK(fixed.tables().rows.data() != built.tables().rows.data());
}

}  // namespace
}  // namespace kgex
