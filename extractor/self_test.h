// Rule-pack self-tests: every rule file may carry examples (a text and the
// entities and relations it must, or must not, yield). `kgex rules test` and
// the test suite run them against the loaded packs.
#pragma once

#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace kgex {

struct ExampleFailure {
  std::string where;    // "rules/tech/patterns/ko-relations.json: /examples/2"
  std::string text;     // the example's text
  std::string problem;  // what was missing or should not be there
};

// Runs every example of the extractor's rule set; an empty result means all passed.
// `checked` receives the number of examples run.
std::vector<ExampleFailure> run_rule_examples(const Extractor& extractor,
                                              std::size_t* checked = nullptr);

}  // namespace kgex
