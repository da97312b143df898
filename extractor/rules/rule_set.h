// Rule packs: loading, validation and the compiled, immutable RuleSet.
//
//   std::vector<PackSource> packs = {builtin_pack()};
//   packs.push_back(folder_pack("my-rules", read_file));   // the CLI reads files
//   Result<std::shared_ptr<const RuleSet>> rules = load_rules(packs);
//
// A pack is a folder with manifest.json (schemas/manifest.schema.json) listing
// rule files (schemas/rules.schema.json). Files are validated with RapidJSON's
// SchemaValidator; every error names the file and the JSON Pointer of the fault.
// Packs stack: later packs add gazetteer entries, lexicons and rules to earlier
// ones. The RuleSet is built once and frozen; it is safe to share across threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "extractor/rules/gazetteer_entries.h"
#include "extractor/rules/pack_image.h"
#include "extractor/rules/rule.h"
#include "extractor/text/name_endings.h"

namespace kgex {

struct RuleSet {
  std::vector<std::string> packs;  // names, in load order
  GazetteerEntries gazetteer;
  WordSet stoplist;
  std::unordered_map<std::string, std::shared_ptr<const WordSet>> lexicons;
  std::unordered_map<std::string, EntityType> type_cues;  // folded cue word -> type
  Layout layout;
  NameEndings name_endings;
  std::vector<EntityRule> entity_rules;
  std::vector<RelationRule> relation_rules;
  std::vector<DocumentRule> document_rules;
  std::vector<RuleExample> examples;
  // The tables of the gazetteer index and rule filter of this rule set, when it was read from
  // the built-in pack's image (extractor/rules/pack_image.h); a copy has none.
  PrebuiltIndexes prebuilt;
};

// Reads a file of the pack by its path relative to the pack's folder.
using PackReader = std::function<Result<std::string>(const std::string& relative_path)>;

struct PackSource {
  std::string root;  // how errors name the pack's folder
  PackReader read;
  // The files are known to match the schemas, so loading skips that check: the built-in
  // pack, which the build embeds and the test suite validates (`kgex rules check`).
  bool schema_known = false;
  // The pack is the built-in one, which the build also compiled (extractor/rules/pack_image.h):
  // loaded alone, it is read from that image instead of its JSON.
  bool compiled = false;
  // Whether the rules' examples are wanted (`kgex rules test` runs them). Without, the
  // built-in pack's image leaves them out (a sixth of reading it); a pack read from JSON keeps
  // them, as loading checks them.
  bool examples = true;
};

// The built-in technology pack, compiled into the binary (rules/tech); `check_schema` makes
// loading validate it like any other pack, from its JSON.
PackSource builtin_pack(bool check_schema = false);

// Loads, validates and compiles `packs` in order.
Result<std::shared_ptr<const RuleSet>> load_rules(const std::vector<PackSource>& packs);

// Findings of `kgex rules check` beyond validity: duplicate gazetteer names or
// aliases, entries shadowed by the stop list, rules that can never fire, regexes outside the
// subset SimpleRegex reads (they run on ICU's slower engine).
std::vector<std::string> check_rules(const RuleSet& rules);

// Words of the rules' `text` tests that can never match: the tokenizer
// reads each as a shorter base form and a particle ("운영하는" is "운영하" and "는"; "함께" is "함"
// and "께"), and the tests compare base forms. `kgex rules check --words`.
std::vector<std::string> check_rule_words(const RuleSet& rules);

}  // namespace kgex
