// The extractor: text in, knowledge graph out.
//
//   auto rules = load_rules({builtin_pack()});
//   Result<Extractor> ex = Extractor::create(rules.value());
//   Result<Extraction> out = ex.value().extract({.id = "a.txt", .text = bytes});
//   graph.merge(out.value().graph);
//
// A caller that gathers many documents into one graph asks for ExtractOptions::document_only and
// calls graph.add(std::move(out.value().document)): the same graph, without building and merging
// one per document.
//
// Pipeline: decode -> normalise (NFC, widths, spaces, quotes) -> lines and
// sentences -> tokens with Korean particles split off -> gazetteer and table
// mentions -> entity rules (names found by construction) -> overlap policy ->
// entities (aliases united) -> relation rules per sentence -> document rules
// (owners, topic organization) -> graph. Page boilerplate (comment sections,
// lists of unrelated headlines) yields nothing.
//
// An Extractor is immutable once created; extract() is thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "extractor/rules/rule_set.h"
#include "graph/knowledge_graph.h"

namespace kgex {

struct Document {
  std::string id;         // becomes the evidence's document name
  std::string_view text;  // raw bytes: UTF-8 (BOM allowed) or UTF-16 with BOM
};

struct ExtractOptions {
  double min_confidence = 0.0;  // relations below it are dropped
  bool explain = false;         // fill Extraction::trace
  bool strict = false;          // invalid UTF-8 is an error instead of a warning
  // Leave the document's entities and relations in Extraction::document, for the caller to add
  // to a graph of its own (KnowledgeGraph::add), instead of making Extraction::graph of them.
  bool document_only = false;
};

// One line of --explain: what a rule made, from which tokens, in which sentence.
struct TraceLine {
  std::string what;      // "entity Organization \"OpenAI\"" or "relation ..."
  std::string rule;      // rule id ("gazetteer", "table", or a rule's id)
  std::string matched;   // the matched text
  std::string sentence;  // the sentence it was found in
};

struct Extraction {
  KnowledgeGraph graph;    // empty with ExtractOptions::document_only
  DocumentGraph document;  // what `graph` is made of, kept only with ExtractOptions::document_only
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 replaced (with byte offset)
  std::vector<TraceLine> trace;       // only with ExtractOptions::explain
  bool skipped = false;               // the input looked binary and was not read
};

class Extractor {
 public:
  // Compiles the gazetteer index. Never fails for a RuleSet that load_rules built.
  static Result<Extractor> create(std::shared_ptr<const RuleSet> rules);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Extracts one document. kParse for invalid UTF-8 with options.strict;
  // kTimeout when a rule's regex exceeds its time limit (names the rule).
  Result<Extraction> extract(const Document& doc, const ExtractOptions& options = {}) const;

  const RuleSet& rules() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgex
