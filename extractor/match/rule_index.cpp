#include "extractor/match/rule_index.h"

#include <algorithm>
#include <bit>
#include <span>
#include <string>
#include <utility>

#include "extractor/text/document_text.h"
#include "extractor/text/tokenizer.h"

namespace kgex {

namespace {

constexpr int kTypes = 5;

void set_bit(std::vector<std::uint64_t>& bits, std::uint32_t at) {
  bits[at / 64] |= std::uint64_t{1} << (at % 64);
}

// Adds 1 to counts[s] for each set s whose bit `bits` has.
void count_bits(std::span<const std::uint64_t> bits, std::vector<std::uint32_t>& counts) {
  for (std::size_t k = 0; k < bits.size(); ++k) {
    for (std::uint64_t word = bits[k]; word != 0; word &= word - 1) {
      ++counts[k * 64 + static_cast<std::size_t>(std::countr_zero(word))];
    }
  }
}

}  // namespace

NeedCounts NeedCounts::of_examples(const RuleSet& rules, const RuleFilter& filter,
                                   std::size_t most) {
  NeedCounts counts;
  const std::size_t total = rules.examples.size();
  counts.examples = static_cast<std::uint32_t>(std::min(total, most));
  counts.word_sets.assign(filter.word_sets(), 0);
  counts.affix_sets.assign(filter.affix_sets(), 0);
  counts.particle_sets.assign(filter.particle_sets(), 0);
  std::vector<std::uint32_t> particle_sets;
  for (std::size_t k = 0; k < counts.examples; ++k) {
    const RuleExample& example = rules.examples[k * total / counts.examples];
    const NormalizedText text = normalize_text(example.text);
    SentenceAnalysis s;
    FoldedForms folded;
    s.tokens = tokenize(
        text.text, 0, static_cast<std::uint32_t>(text.text.size()),
        [](std::string_view) { return false; }, folded);
    filter.find_word_sets(s);
    count_bits(s.filter.word_set_bits, counts.word_sets);
    count_bits(s.filter.affix_set_bits, counts.affix_sets);
    particle_sets.clear();
    for (const Token& t : s.tokens) {
      filter.particle_sets_of(t.particle, particle_sets);
    }
    std::sort(particle_sets.begin(), particle_sets.end());
    particle_sets.erase(std::unique(particle_sets.begin(), particle_sets.end()),
                        particle_sets.end());
    for (const std::uint32_t p : particle_sets) {
      ++counts.particle_sets[p];
    }
  }
  return counts;
}

RuleIndex::Keyed::Keyed(std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed) {
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::uint32_t sets = keyed.empty() ? 0 : keyed.back().first + 1;
  keys_.assign((sets + 63) / 64, 0);
  first_.assign(sets + 1, 0);
  for (const auto& [set, at] : keyed) {
    set_bit(keys_, set);
    ++first_[set + 1];
  }
  for (std::uint32_t k = 0; k < sets; ++k) {
    first_[k + 1] += first_[k];
  }
  at_.reserve(keyed.size());
  for (const auto& [set, at] : keyed) {
    at_.push_back(at);
  }
}

void RuleIndex::Keyed::add_set(std::uint32_t set, std::vector<std::uint64_t>& bits) const {
  for (std::uint32_t k = first_[set]; k < first_[set + 1]; ++k) {
    set_bit(bits, at_[k]);
  }
}

void RuleIndex::Keyed::add(std::span<const std::uint64_t> held,
                           std::vector<std::uint64_t>& bits) const {
  const std::size_t words = std::min(held.size(), keys_.size());
  for (std::size_t k = 0; k < words; ++k) {
    for (std::uint64_t word = held[k] & keys_[k]; word != 0; word &= word - 1) {
      add_set(static_cast<std::uint32_t>(k * 64 + std::countr_zero(word)), bits);
    }
  }
}

RuleIndex::RuleIndex(std::vector<std::uint32_t> rules,
                     const std::function<const PatternNeeds&(std::uint32_t)>& needs_of,
                     const NeedCounts& counts)
    : rules_(std::move(rules)) {
  const std::size_t words = (rules_.size() + 63) / 64;
  always_.assign(words, 0);
  by_type_.assign(kTypes, std::vector<std::uint64_t>(words, 0));
  // (set, position) for the rules keyed by a set of each kind, in position order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> word_keyed;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> affix_keyed;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> particle_keyed;
  const auto count = [](const std::vector<std::uint32_t>& of, std::uint32_t set) {
    return set < of.size() ? of[set] : 0;
  };
  second_.assign(rules_.size(), kNoSecond);
  for (std::uint32_t at = 0; at < rules_.size(); ++at) {
    const PatternNeeds& needs = needs_of(rules_[at]);
    // The rarest set, the first found among equals: word sets in order, affix sets from the
    // last, particle sets in order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>>* key = nullptr;
    std::uint32_t key_set = 0;
    std::uint32_t key_count = 0;
    std::uint32_t key_code = kNoSecond;
    // The second rarest, found the same way among the others.
    std::uint32_t second_code = kNoSecond;
    std::uint32_t second_count = 0;
    const auto consider = [&](std::vector<std::pair<std::uint32_t, std::uint32_t>>& kind,
                              std::uint32_t kind_code, std::uint32_t set, std::uint32_t n) {
      const std::uint32_t code = kind_code << 30 | set;
      if (key == nullptr || n < key_count) {
        if (key != nullptr) {
          second_code = key_code;
          second_count = key_count;
        }
        key = &kind;
        key_set = set;
        key_count = n;
        key_code = code;
      } else if (code != key_code && (second_code == kNoSecond || n < second_count)) {
        second_code = code;
        second_count = n;
      }
    };
    for (const std::uint32_t set : needs.word_sets) {
      consider(word_keyed, 0, set, count(counts.word_sets, set));
    }
    for (std::size_t k = needs.affix_sets.size(); k-- > 0;) {
      consider(affix_keyed, 1, needs.affix_sets[k], count(counts.affix_sets, needs.affix_sets[k]));
    }
    for (const std::uint32_t set : needs.particle_sets) {
      consider(particle_keyed, 2, set, count(counts.particle_sets, set));
    }
    if (key != nullptr) {
      key->emplace_back(key_set, at);
      second_[at] = second_code;
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
  by_word_ = Keyed(std::move(word_keyed));
  by_affix_ = Keyed(std::move(affix_keyed));
  by_particle_ = Keyed(std::move(particle_keyed));
}

void RuleIndex::candidates(const HeldNeeds& held, std::vector<std::uint64_t>& bits,
                           std::vector<std::uint32_t>& out) const {
  bits = always_;
  for (int t = 0; t < kTypes; ++t) {
    if ((held.mention_types >> t) & 1) {
      for (std::size_t k = 0; k < bits.size(); ++k) {
        bits[k] |= by_type_[t][k];
      }
    }
  }
  by_word_.add(held.word_sets, bits);
  by_affix_.add(held.affix_sets, bits);
  by_particle_.add(held.particle_sets, bits);
  const std::array<std::span<const std::uint64_t>, 3> of_kind = {held.word_sets, held.affix_sets,
                                                                 held.particle_sets};
  const auto holds_second = [&](std::uint32_t at) {
    const std::uint32_t code = second_[at];
    if (code == kNoSecond) {
      return true;
    }
    const std::span<const std::uint64_t> kind = of_kind[code >> 30];
    const std::uint32_t set = code & ((std::uint32_t{1} << 30) - 1);
    return set / 64 < kind.size() && ((kind[set / 64] >> (set % 64)) & 1) != 0;
  };
  out.clear();
  for (std::size_t k = 0; k < bits.size(); ++k) {
    for (std::uint64_t word = bits[k]; word != 0; word &= word - 1) {
      const auto at = static_cast<std::uint32_t>(k * 64 + std::countr_zero(word));
      if (holds_second(at)) {
        out.push_back(at);
      }
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
  build_indexes(rules, filter, NeedCounts::of_examples(rules, filter, kCountedExamples));
}

RuleOrder::RuleOrder(const RuleSet& rules, const RuleFilter& filter, ImageReader& tables) {
  for (auto [first, shared] :
       {std::pair{&entity_first, &entity_shared}, std::pair{&relation_first, &relation_shared}}) {
    const std::span<const std::uint32_t> numbers = tables.u32s();
    first->assign(numbers.begin(), numbers.end());
    *shared = tables.u32();
  }
  NeedCounts counts;
  counts.examples = tables.u32();
  for (std::vector<std::uint32_t>* of :
       {&counts.word_sets, &counts.affix_sets, &counts.particle_sets}) {
    const std::span<const std::uint32_t> numbers = tables.u32s();
    of->assign(numbers.begin(), numbers.end());
  }
  build_indexes(rules, filter, counts);
}

void RuleOrder::write_tables(ImageWriter& out, const RuleSet& rules, const RuleFilter& filter) {
  std::uint32_t shared = 0;
  out.u32s(shared_first_elements(rules.entity_rules, shared));
  out.u32(shared);
  out.u32s(shared_first_elements(rules.relation_rules, shared));
  out.u32(shared);
  const NeedCounts counts = NeedCounts::of_examples(rules, filter);
  out.u32(counts.examples);
  for (const std::vector<std::uint32_t>* of :
       {&counts.word_sets, &counts.affix_sets, &counts.particle_sets}) {
    out.u32s(*of);
  }
}

void RuleOrder::build_indexes(const RuleSet& rules, const RuleFilter& filter,
                              const NeedCounts& counts) {
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
    entity[static_cast<std::size_t>(lang)] = RuleIndex(
        std::move(entity_rules),
        [&](std::uint32_t i) -> const PatternNeeds& { return filter.entity_rule(i); }, counts);
    relation[static_cast<std::size_t>(lang)] = RuleIndex(
        std::move(relation_rules),
        [&](std::uint32_t i) -> const PatternNeeds& { return filter.relation_rule(i); }, counts);
  }
}

}  // namespace kgex
