// Token patterns over the units of a sentence (tokens and entity mentions),
// with quantifiers, coordinated lists, anchors and captures. Not public.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/status.h"
#include "extractor/analysis.h"
#include "extractor/match/gazetteer.h"

namespace kgex {

struct PatternMatch {
  std::uint32_t begin = 0;  // unit range [begin, end)
  std::uint32_t end = 0;
  // capture index -> the units it holds: the members of a list, or the run of
  // units an element matched.
  std::vector<std::vector<std::uint32_t>> captures;
};

// Builds the units of a sentence from its tokens and the document's accepted
// mentions in it (sorted, non-overlapping): a trailing particle-only token
// joins the unit before it; ';', ':' and '|' end a clause. With
// `fold_parentheticals`, a parenthetical right after a mention ("X(Y)의") joins
// that mention's unit, which takes the particle after it.
std::vector<Unit> build_units(const SentenceAnalysis& sentence,
                              const std::vector<MentionCandidate>& mentions,
                              const std::vector<int>& mentions_in_sentence,
                              bool fold_parentheticals);

class PatternMatcher {
 public:
  explicit PatternMatcher(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // The first match of `pattern` starting at unit `start` (greedy quantifiers,
  // longest list first), or nullopt. kTimeout when a regex exceeds its limit.
  Result<std::optional<PatternMatch>> match_at(const std::vector<Element>& pattern,
                                               std::size_t captures,
                                               const SentenceAnalysis& sentence,
                                               const DocumentAnalysis& doc,
                                               std::uint32_t start) const;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace kgex
