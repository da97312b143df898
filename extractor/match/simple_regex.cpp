#include "extractor/match/simple_regex.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <string>

namespace kgex {
namespace {

// Code points of UTF-8 text; an ill-formed sequence is U+FFFD, as ICU's UText reads it.
void decode(std::string_view text, std::vector<char32_t>& out) {
  out.clear();
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
}

bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
bool is_ascii_alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

class Parser {
 public:
  explicit Parser(std::span<const char32_t> p) : p_(p) {}

  // The whole pattern as a group of alternatives, or nullopt.
  std::optional<SimpleRegex::Node> pattern() {
    SimpleRegex::Node root;
    root.group = true;
    if (!alternatives(root) || at_ != p_.size()) {
      return std::nullopt;
    }
    return root;
  }

 private:
  bool more() const { return at_ < p_.size(); }
  char32_t peek() const { return p_[at_]; }

  bool alternatives(SimpleRegex::Node& group) {
    for (;;) {
      SimpleRegex::Sequence& seq = group.alternatives.emplace_back();
      if (!sequence(seq)) {
        return false;
      }
      if (!more() || peek() != '|') {
        return true;
      }
      ++at_;
    }
  }

  bool sequence(SimpleRegex::Sequence& seq) {
    while (more() && peek() != '|' && peek() != ')') {
      SimpleRegex::Node& node = seq.emplace_back();
      if (!atom(node) || !quantifier(node)) {
        return false;
      }
    }
    return true;
  }

  bool atom(SimpleRegex::Node& node) {
    const char32_t c = p_[at_++];
    if (c == '(') {
      if (more() && peek() == '?') {
        return false;
      }
      node.group = true;
      if (!alternatives(node) || !more() || peek() != ')') {
        return false;
      }
      ++at_;
      first_of(node);
      return true;
    }
    if (c == '[') {
      return char_class(node.set);
    }
    if (c == '.') {
      node.set.any_but_eol = true;
      return true;
    }
    if (c == '\\') {
      return escape(node.set);
    }
    if (literal(c) || c == '-') {
      node.set.ranges.emplace_back(c, c);
      return true;
    }
    return false;
  }

  static bool literal(char32_t c) {
    return is_ascii_alnum(c) || is_hangul_syllable(c) || c == '\'';
  }

  // After a backslash: \p{L}, \p{Lu}, \. or \-.
  bool escape(SimpleRegex::CharSet& set) {
    if (!more()) {
      return false;
    }
    const char32_t c = p_[at_++];
    if (c == '.' || c == '-') {
      set.ranges.emplace_back(c, c);
      return true;
    }
    if (c != 'p' || !more() || p_[at_++] != '{') {
      return false;
    }
    std::u32string name;
    while (more() && peek() != '}') {
      name.push_back(p_[at_++]);
    }
    if (!more()) {
      return false;
    }
    ++at_;
    if (name == U"L") {
      set.letter = true;
    } else if (name == U"Lu") {
      set.upper = true;
    } else {
      return false;
    }
    return true;
  }

  // After '[': members up to the closing ']'.
  bool char_class(SimpleRegex::CharSet& set) {
    bool empty = true;
    while (more() && peek() != ']') {
      const char32_t c = p_[at_++];
      if (c == '\\') {
        if (!escape(set)) {
          return false;
        }
      } else if (c == '-' && !empty && more() && peek() == ']') {
        set.ranges.emplace_back(c, c);  // a trailing '-' is itself
      } else if (literal(c) || c == '.') {
        char32_t hi = c;
        if (more() && peek() == '-' && at_ + 1 < p_.size() && p_[at_ + 1] != ']') {
          hi = p_[at_ + 1];
          if (!(literal(hi) || hi == '.') || hi < c) {
            return false;
          }
          at_ += 2;
        }
        set.ranges.emplace_back(c, hi);
      } else {
        return false;
      }
      empty = false;
    }
    if (empty || !more()) {
      return false;
    }
    ++at_;
    sort_ranges(set);
    return true;
  }

  // Fills node.first (see SimpleRegex::Node).
  static void first_of(SimpleRegex::Node& node) {
    SimpleRegex::CharSet first;
    for (const SimpleRegex::Sequence& alternative : node.alternatives) {
      if (alternative.empty() || alternative.front().group || alternative.front().min == 0) {
        return;
      }
      const SimpleRegex::CharSet& set = alternative.front().set;
      if (set.letter || set.upper || set.any_but_eol) {
        return;
      }
      first.ranges.insert(first.ranges.end(), set.ranges.begin(), set.ranges.end());
    }
    sort_ranges(first);
    node.first = std::move(first);
  }

  // Sorted and merged, for CharSet::contains().
  static void sort_ranges(SimpleRegex::CharSet& set) {
    auto& r = set.ranges;
    std::sort(r.begin(), r.end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (kept > 0 && r[i].first <= r[kept - 1].second + 1) {
        r[kept - 1].second = std::max(r[kept - 1].second, r[i].second);
      } else {
        r[kept++] = r[i];
      }
    }
    r.resize(kept);
  }

  bool number(std::uint32_t& n) {
    if (!more() || peek() < '0' || peek() > '9') {
      return false;
    }
    n = 0;
    while (more() && peek() >= '0' && peek() <= '9') {
      n = n * 10 + (peek() - '0');
      if (n > 1000) {
        return false;
      }
      ++at_;
    }
    return true;
  }

  bool quantifier(SimpleRegex::Node& node) {
    if (!more()) {
      return true;
    }
    const char32_t c = peek();
    if (c == '?' || c == '*' || c == '+') {
      ++at_;
      node.min = c == '+' ? 1 : 0;
      node.max = c == '?' ? 1 : SimpleRegex::kUnbounded;
    } else if (c == '{') {
      ++at_;
      if (!number(node.min)) {
        return false;
      }
      node.max = node.min;
      if (more() && peek() == ',') {
        ++at_;
        if (!number(node.max) || node.max < node.min) {
          return false;
        }
      }
      if (!more() || peek() != '}') {
        return false;
      }
      ++at_;
    } else {
      return true;
    }
    // Lazy, possessive and stacked quantifiers are not in the subset.
    return !more() || (peek() != '?' && peek() != '+' && peek() != '*' && peek() != '{');
  }

  std::span<const char32_t> p_;
  std::size_t at_ = 0;
};

// A continuation: what must match after a node, from a position. Points at a callable that
// outlives it.
class Then {
 public:
  template <typename F>
  explicit Then(const F& f)
      : f_(&f),
        call_([](const void* f, std::size_t at) { return (*static_cast<const F*>(f))(at); }) {}
  bool operator()(std::size_t at) const { return call_(f_, at); }

 private:
  const void* f_;
  bool (*call_)(const void*, std::size_t);
};

// Backtracking over every way to match, which decides whether any reaches the end; greedy
// or not, the answer to a whole-text match is the same.
class Search {
 public:
  explicit Search(std::span<const char32_t> text) : text_(text) {}

  bool over_budget() const { return steps_ > SimpleRegex::kStepBudget; }

  bool sequence(const SimpleRegex::Sequence& seq, std::size_t i, std::size_t at, const Then& then) {
    if (++steps_ > SimpleRegex::kStepBudget) {
      return false;
    }
    if (i == seq.size()) {
      return then(at);
    }
    const SimpleRegex::Node& node = seq[i];
    const auto rest = [&](std::size_t to) { return sequence(seq, i + 1, to, then); };
    if (node.group) {
      return repeat(node, 0, at, Then(rest));
    }
    // A repeated character set: the longest run first, then shorter ones.
    std::size_t run = 0;
    while (run < node.max && at + run < text_.size() && node.set.contains(text_[at + run])) {
      ++run;
    }
    for (std::size_t n = run; n >= node.min; --n) {
      if (rest(at + n)) {
        return true;
      }
      if (n == 0 || over_budget()) {
        break;
      }
    }
    return false;
  }

  // `count` repetitions of the group matched, ending at `at`.
  bool repeat(const SimpleRegex::Node& node, std::uint32_t count, std::size_t at,
              const Then& then) {
    if (++steps_ > SimpleRegex::kStepBudget) {
      return false;
    }
    const bool can_start =
        node.first.ranges.empty() || (at < text_.size() && node.first.contains(text_[at]));
    if (count < node.max && can_start) {
      // A repetition past the minimum must consume something, or it could go on forever.
      const auto again = [&](std::size_t to) {
        return (count < node.min || to > at) && repeat(node, count + 1, to, then);
      };
      for (const SimpleRegex::Sequence& alternative : node.alternatives) {
        if (sequence(alternative, 0, at, Then(again))) {
          return true;
        }
      }
    }
    return count >= node.min && !over_budget() && then(at);
  }

 private:
  std::span<const char32_t> text_;
  std::uint32_t steps_ = 0;
};

}  // namespace

bool SimpleRegex::CharSet::contains(char32_t c) const {
  // The last range that starts at or before c (ranges are sorted and disjoint); most classes
  // have a few ranges, and a scan costs less than a search.
  constexpr std::size_t kScan = 4;
  if (ranges.size() <= kScan) {
    for (const auto& [lo, hi] : ranges) {
      if (c >= lo && c <= hi) {
        return true;
      }
    }
  } else if (const auto after =
                 std::upper_bound(ranges.begin(), ranges.end(), c,
                                  [](char32_t x, const auto& range) { return x < range.first; });
             after != ranges.begin() && c <= std::prev(after)->second) {
    return true;
  }
  if (any_but_eol && !(c >= 0x0A && c <= 0x0D) && c != 0x85 && c != 0x2028 && c != 0x2029) {
    return true;
  }
  if ((letter || upper) && c > 0x10FFFF) {
    return false;
  }
  const auto uc = static_cast<UChar32>(c);
  return (upper && u_charType(uc) == U_UPPERCASE_LETTER) ||
         (letter && (U_GET_GC_MASK(uc) & U_GC_L_MASK) != 0);
}

std::optional<SimpleRegex> SimpleRegex::parse(std::string_view pattern) {
  std::vector<char32_t> p;
  decode(pattern, p);
  std::optional<Node> root = Parser(p).pattern();
  if (!root) {
    return std::nullopt;
  }
  SimpleRegex regex;
  regex.root_ = std::move(*root);
  return regex;
}

std::optional<bool> SimpleRegex::full_match(std::string_view text) const {
  thread_local std::vector<char32_t> code_points;
  decode(text, code_points);
  Search search(code_points);
  const auto end = [&](std::size_t at) { return at == code_points.size(); };
  const bool matched = search.repeat(root_, 0, 0, Then(end));
  if (search.over_budget()) {
    return std::nullopt;
  }
  return matched;
}

}  // namespace kgex
