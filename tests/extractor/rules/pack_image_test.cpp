// The built-in pack's image (extractor/rules/pack_image.h): what the build wrote reads back as
// what the pack's JSON compiles to, and extracts the same graphs.
#include "extractor/rules/pack_image.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/exporter.h"
#include "extractor/extractor.h"
#include "extractor/match/gazetteer.h"
#include "extractor/match/pattern_matcher.h"
#include "extractor/match/rule_index.h"
#include "extractor/rules/rule_set.h"
#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

std::shared_ptr<const RuleSet> from_json() {
  auto rules = load_rules({builtin_pack(true)});
  REQUIRE_MESSAGE(rules.ok(), rules.status().to_string());
  return rules.value();
}

std::shared_ptr<const RuleSet> from_image() {
  auto rules = load_rules({builtin_pack()});
  REQUIRE_MESSAGE(rules.ok(), rules.status().to_string());
  return rules.value();
}

struct Written {
  std::string chars;
  std::vector<std::uint32_t> words;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> slots;
  std::vector<std::uint64_t> bits;
};

Written written(const ImageWriter& writer) {
  const PackImage image = writer.image();
  Written w{std::string(image.chars), {image.words.begin(), image.words.end()}, {}, {}};
  for (const StringIndex::Slot& s : image.slots) {
    w.slots.emplace_back(s.hash, s.id);
  }
  w.bits.assign(image.bits.begin(), image.bits.end());
  return w;
}

TEST_CASE("the built-in pack's image reads back as what its JSON compiles to") {
  const std::shared_ptr<const RuleSet> json = from_json();
  CHECK_FALSE(json->prebuilt.tables().has_value());
  ImageWriter compiled;
  write_pack_image(compiled, *json, Gazetteer(*json), RuleFilter(*json));

  const std::shared_ptr<const RuleSet> image = from_image();
  REQUIRE(image->prebuilt.tables().has_value());
  ImageReader tables = *image->prebuilt.tables();
  const Gazetteer gazetteer(*image, tables);
  const RuleFilter filter(tables);
  const RuleOrder order(*image, filter, tables);
  CHECK(tables.at_end());
  // The rule order's first elements, as the image holds them and as worked out again.
  const RuleOrder computed(*json, RuleFilter(*json));
  CHECK(order.entity_first == computed.entity_first);
  CHECK(order.relation_first == computed.relation_first);
  CHECK(order.entity_shared == computed.entity_shared);
  CHECK(order.relation_shared == computed.relation_shared);
  CHECK(order.entity_shared > 0);
  ImageWriter again;
  write_pack_image(again, *image, gazetteer, filter);

  // Every field of the rule set and both indexes, word sets and hash tables included.
  const Written a = written(compiled);
  const Written b = written(again);
  CHECK(a.words.size() > 100000);
  CHECK(a.chars == b.chars);
  CHECK(a.words == b.words);
  CHECK(a.slots == b.slots);
  CHECK(a.bits == b.bits);
  // The build's image is what this build's compiler writes.
  const PackImage built = builtin_pack_image();
  CHECK(std::string(built.chars) == a.chars);
  CHECK(std::vector<std::uint32_t>(built.words.begin(), built.words.end()) == a.words);
}

TEST_CASE("only the built-in pack alone, unchecked, is read from the image; copies drop it") {
  CHECK(from_image()->prebuilt.tables().has_value());
  CHECK_FALSE(from_json()->prebuilt.tables().has_value());
  auto with_extra = load_rules({builtin_pack(), test::memory_pack({{"x.json", test::rule_file(R"(
    "gazetteer": [{"name": "Zyxcorp", "type": "Organization"}])")}},
                                                                  "extra")});
  REQUIRE_MESSAGE(with_extra.ok(), with_extra.status().to_string());
  CHECK_FALSE(with_extra.value()->prebuilt.tables().has_value());
  CHECK(with_extra.value()->gazetteer.size() == from_image()->gazetteer.size() + 1);
  const RuleSet copy = *from_image();
  CHECK_FALSE(copy.prebuilt.tables().has_value());
  CHECK(copy.gazetteer.size() == from_image()->gazetteer.size());
}

TEST_CASE("the image's examples are left out when they are not wanted") {
  PackSource pack = builtin_pack();
  pack.examples = false;
  auto without = load_rules({pack});
  REQUIRE_MESSAGE(without.ok(), without.status().to_string());
  const std::shared_ptr<const RuleSet> with = from_image();
  CHECK_FALSE(with->examples.empty());
  CHECK(without.value()->examples.empty());
  CHECK(without.value()->entity_rules.size() == with->entity_rules.size());
  CHECK(without.value()->relation_rules.size() == with->relation_rules.size());
  CHECK(without.value()->document_rules.size() == with->document_rules.size());
  REQUIRE(without.value()->prebuilt.tables().has_value());
  // The index tables come after the examples skipped.
  ImageReader tables = *without.value()->prebuilt.tables();
  const Gazetteer gazetteer(*without.value(), tables);
  const RuleFilter filter(tables);
  const RuleOrder order(*without.value(), filter, tables);
  CHECK(tables.at_end());
  // A pack read from JSON keeps them, as loading checks them.
  PackSource json = builtin_pack(true);
  json.examples = false;
  auto checked = load_rules({json});
  REQUIRE_MESSAGE(checked.ok(), checked.status().to_string());
  CHECK(checked.value()->examples.size() == with->examples.size());
}

TEST_CASE("an empty image or one of another layout is not read") {
  CHECK(read_pack_image({}) == nullptr);
  const PackImage built = builtin_pack_image();
  std::vector<std::uint32_t> words(built.words.begin(), built.words.end());
  words[0] ^= 1;
  CHECK(read_pack_image({built.chars, words, built.slots, built.bits}) == nullptr);
}

std::string jsonld_of(const Extractor& ex, const std::string& id, const std::string& text) {
  Result<Extraction> got = ex.extract({id, text}, {.explain = true});
  REQUIRE_MESSAGE(got.ok(), got.status().to_string());
  std::ostringstream out;
  REQUIRE(write_graph(got.value().graph, GraphFormat::kJsonLd, out).ok());
  for (const TraceLine& t : got.value().trace) {
    out << t.what << "|" << t.rule << "|" << t.matched << "|" << t.sentence << "\n";
  }
  return out.str();
}

TEST_CASE("the image and the JSON extract the same graphs from the test and example texts") {
  auto json = Extractor::create(from_json());
  auto image = Extractor::create(from_image());
  // A copy of the image's rule set builds its indexes over the image's tables.
  auto copy = Extractor::create(std::make_shared<const RuleSet>(*from_image()));
  REQUIRE(json.ok());
  REQUIRE(image.ok());
  REQUIRE(copy.ok());
  std::size_t texts = 0;
  for (const char* dir : {KGEX_TEST_DATA_DIR "/eval/dev", KGEX_TEST_DATA_DIR "/eval/heldout",
                          KGEX_SOURCE_DIR "/examples"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      const std::string id = entry.path().filename().string();
      CAPTURE(id);
      const std::string expected = jsonld_of(json.value(), id, text);
      CHECK(jsonld_of(image.value(), id, text) == expected);
      CHECK(jsonld_of(copy.value(), id, text) == expected);
      ++texts;
    }
  }
  CHECK(texts >= 30);
}

}  // namespace
}  // namespace kgex
