#include "extractor/match/rule_index.h"

#include <algorithm>
#include <bit>
#include <span>
#include <utility>

namespace kgex {

namespace {

constexpr int kTypes = 5;

void set_bit(std::vector<std::uint64_t>& bits, std::uint32_t at) {
  bits[at / 64] |= std::uint64_t{1} << (at % 64);
}

}  // namespace

RuleIndex::RuleIndex(std::vector<std::uint32_t> rules,
                     const std::function<const PatternNeeds&(std::uint32_t)>& needs_of)
    : rules_(std::move(rules)) {
  const std::size_t words = (rules_.size() + 63) / 64;
  always_.assign(words, 0);
  by_type_.assign(kTypes, std::vector<std::uint64_t>(words, 0));
  // (word set, position) for the rules keyed by a word set, in position order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;
  std::uint32_t word_sets = 0;
  // (affix set, position) for the rules keyed by an affix set, in position order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> affix_keyed;
  for (std::uint32_t at = 0; at < rules_.size(); ++at) {
    const PatternNeeds& needs = needs_of(rules_[at]);
    if (!needs.word_sets.empty()) {
      keyed.emplace_back(needs.word_sets.front(), at);
      word_sets = std::max(word_sets, needs.word_sets.front() + 1);
      continue;
    }
    if (!needs.affix_sets.empty()) {
      affix_keyed.emplace_back(needs.affix_sets.back(), at);
      continue;
    }
    if (needs.mentions.empty()) {
      set_bit(always_, at);
      continue;
    }
    const TypeMask narrowest = *std::min_element(
        needs.mentions.begin(), needs.mentions.end(),
        [](TypeMask a, TypeMask b) { return std::popcount(a) < std::popcount(b); });
    for (int t = 0; t < kTypes; ++t) {
      if ((narrowest >> t) & 1) {
        set_bit(by_type_[t], at);
      }
    }
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  first_word_.assign(word_sets + 1, 0);
  for (const auto& [set, at] : keyed) {
    ++first_word_[set + 1];
  }
  for (std::uint32_t w = 0; w < word_sets; ++w) {
    first_word_[w + 1] += first_word_[w];
  }
  by_word_.reserve(keyed.size());
  for (const auto& [set, at] : keyed) {
    by_word_.push_back(at);
  }
  std::stable_sort(affix_keyed.begin(), affix_keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [set, at] : affix_keyed) {
    if (affix_sets_.empty() || affix_sets_.back() != set) {
      affix_sets_.push_back(set);
      first_affix_.push_back(static_cast<std::uint32_t>(by_affix_.size()));
    }
    by_affix_.push_back(at);
  }
  first_affix_.push_back(static_cast<std::uint32_t>(by_affix_.size()));
}

void RuleIndex::candidates(const SentenceAnalysis& sentence, TypeMask mention_types,
                           std::vector<std::uint64_t>& bits,
                           std::vector<std::uint32_t>& out) const {
  bits = always_;
  for (int t = 0; t < kTypes; ++t) {
    if ((mention_types >> t) & 1) {
      for (std::size_t k = 0; k < bits.size(); ++k) {
        bits[k] |= by_type_[t][k];
      }
    }
  }
  const auto word_sets = static_cast<std::uint32_t>(first_word_.size()) - 1;
  for (const std::span<const std::uint32_t> sets : sentence.filter.key_word_sets) {
    for (const std::uint32_t set : sets) {
      if (set < word_sets) {
        for (std::uint32_t k = first_word_[set]; k < first_word_[set + 1]; ++k) {
          set_bit(bits, by_word_[k]);
        }
      }
    }
  }
  for (std::size_t k = 0; k < affix_sets_.size(); ++k) {
    const std::uint32_t set = affix_sets_[k];
    if (set / 64 < sentence.filter.affix_set_bits.size() &&
        ((sentence.filter.affix_set_bits[set / 64] >> (set % 64)) & 1)) {
      for (std::uint32_t at = first_affix_[k]; at < first_affix_[k + 1]; ++at) {
        set_bit(bits, by_affix_[at]);
      }
    }
  }
  out.clear();
  for (std::size_t k = 0; k < bits.size(); ++k) {
    for (std::uint64_t word = bits[k]; word != 0; word &= word - 1) {
      out.push_back(static_cast<std::uint32_t>(k * 64 + std::countr_zero(word)));
    }
  }
}

namespace {

// The number of each rule's first element among those that begin more than one of `rules`,
// else UnitAnswers::kUnshared; `shared` is set to how many there are.
template <class Rule>
std::vector<std::uint32_t> shared_first_elements(const std::vector<Rule>& rules,
                                                 std::uint32_t& shared) {
  ElementNumbering numbering;
  std::vector<std::uint32_t> first(rules.size(), UnitAnswers::kUnshared);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].pattern.empty()) {
      first[r] = numbering.number(rules[r].pattern.front());
    }
  }
  std::vector<std::uint32_t> uses(numbering.size(), 0);
  for (const std::uint32_t e : first) {
    if (e != UnitAnswers::kUnshared) {
      ++uses[e];
    }
  }
  std::vector<std::uint32_t> renumbered(numbering.size(), UnitAnswers::kUnshared);
  shared = 0;
  for (std::uint32_t e = 0; e < numbering.size(); ++e) {
    if (uses[e] > 1) {
      renumbered[e] = shared++;
    }
  }
  for (std::uint32_t& e : first) {
    if (e != UnitAnswers::kUnshared) {
      e = renumbered[e];
    }
  }
  return first;
}

}  // namespace

RuleOrder::RuleOrder(const RuleSet& rules, const RuleFilter& filter) {
  entity_first = shared_first_elements(rules.entity_rules, entity_shared);
  relation_first = shared_first_elements(rules.relation_rules, relation_shared);
  build_indexes(rules, filter);
}

RuleOrder::RuleOrder(const RuleSet& rules, const RuleFilter& filter, ImageReader& tables) {
  for (auto [first, shared] :
       {std::pair{&entity_first, &entity_shared}, std::pair{&relation_first, &relation_shared}}) {
    const std::span<const std::uint32_t> numbers = tables.u32s();
    first->assign(numbers.begin(), numbers.end());
    *shared = tables.u32();
  }
  build_indexes(rules, filter);
}

void RuleOrder::write_tables(ImageWriter& out, const RuleSet& rules) {
  std::uint32_t shared = 0;
  out.u32s(shared_first_elements(rules.entity_rules, shared));
  out.u32(shared);
  out.u32s(shared_first_elements(rules.relation_rules, shared));
  out.u32(shared);
}

void RuleOrder::build_indexes(const RuleSet& rules, const RuleFilter& filter) {
  std::vector<std::uint32_t> by_priority(rules.entity_rules.size());
  for (std::uint32_t i = 0; i < by_priority.size(); ++i) {
    by_priority[i] = i;
  }
  std::stable_sort(by_priority.begin(), by_priority.end(), [&](std::uint32_t a, std::uint32_t b) {
    return rules.entity_rules[a].priority > rules.entity_rules[b].priority;
  });
  entity_uses_mentions.resize(rules.entity_rules.size());
  for (std::size_t i = 0; i < rules.entity_rules.size(); ++i) {
    const auto& pattern = rules.entity_rules[i].pattern;
    entity_uses_mentions[i] = std::any_of(pattern.begin(), pattern.end(), [](const Element& el) {
      return el.kind == ElementKind::kEntity;
    });
  }
  for (const Lang lang : {Lang::kAny, Lang::kKo, Lang::kEn}) {
    const auto applies = [lang](Lang rule) { return rule == Lang::kAny || rule == lang; };
    std::vector<std::uint32_t> entity_rules;
    for (const std::uint32_t i : by_priority) {
      if (applies(rules.entity_rules[i].lang)) {
        entity_rules.push_back(i);
      }
    }
    std::vector<std::uint32_t> relation_rules;
    for (std::uint32_t i = 0; i < rules.relation_rules.size(); ++i) {
      if (applies(rules.relation_rules[i].lang)) {
        relation_rules.push_back(i);
      }
    }
    entity[static_cast<std::size_t>(lang)] =
        RuleIndex(std::move(entity_rules),
                  [&](std::uint32_t i) -> const PatternNeeds& { return filter.entity_rule(i); });
    relation[static_cast<std::size_t>(lang)] =
        RuleIndex(std::move(relation_rules),
                  [&](std::uint32_t i) -> const PatternNeeds& { return filter.relation_rule(i); });
  }
}

}  // namespace kgex
