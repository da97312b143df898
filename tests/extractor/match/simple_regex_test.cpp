// extractor/match/simple_regex.h: which patterns are in the subset, and the same answers as
// ICU's regex engine for every regex of the built-in pack and a few more.
#include "extractor/match/simple_regex.h"

#include <doctest/doctest.h>
#include <unicode/regex.h>

#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extractor/rules/rule_set.h"

namespace kgex {
namespace {

bool icu_full_match(const std::string& pattern, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);  // the matcher keeps it
  std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(input, status));
  REQUIRE(U_SUCCESS(status));
  const bool matched = matcher->matches(status);
  REQUIRE(U_SUCCESS(status));
  return matched;
}

void collect(const Element& el, std::set<std::string>& out) {
  if (el.test.regex) {
    out.insert(el.test.regex_source);
  }
  for (const auto& negated : el.negated) {
    collect(*negated, out);
  }
}

std::set<std::string> builtin_patterns() {
  const auto rules = load_rules({builtin_pack()});
  REQUIRE(rules.ok());
  std::set<std::string> patterns;
  for (const auto& r : rules.value()->entity_rules) {
    for (const Element& el : r.pattern) {
      collect(el, patterns);
    }
  }
  for (const auto& r : rules.value()->relation_rules) {
    for (const Element& el : r.pattern) {
      collect(el, patterns);
    }
  }
  return patterns;
}

// The runs of Hangul syllables in a pattern: its literal words ("팀", "사업부").
std::vector<std::string> hangul_words(const std::string& pattern) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= pattern.size();) {
    const auto byte = i < pattern.size() ? static_cast<unsigned char>(pattern[i]) : 0;
    if (byte >= 0xEA && byte <= 0xED && i + 3 <= pattern.size()) {  // U+AC00..U+D7A3
      word += pattern.substr(i, 3);
      i += 3;
      continue;
    }
    if (!word.empty()) {
      words.push_back(word);
    }
    word.clear();
    ++i;
  }
  return words;
}

void check_like_icu(const std::string& pattern, const std::vector<std::string>& texts) {
  CAPTURE(pattern);
  const std::optional<SimpleRegex> simple = SimpleRegex::parse(pattern);
  REQUIRE(simple);
  for (const std::string& text : texts) {
    CAPTURE(text);
    const std::optional<bool> matched = simple->full_match(text);
    REQUIRE(matched);
    CHECK(*matched == icu_full_match(pattern, text));
  }
}

// Texts of pieces that the patterns test: letters of each script and case, digits, the
// punctuation of the subset, line terminators, and the Hangul words of the pattern.
std::vector<std::string> texts_for(const std::string& pattern, std::mt19937& random) {
  std::vector<std::string> pieces = {
      "a",  "Z",  "x",  "0",      "5",      "9",   "1",  "0",     ".",   "-",   "'",  " ",
      "_",  "\n", "\r", "\u2028", "\u0085", "É",   "ß",  "ǅ",     "가",  "김",  "이", "힣",
      "각", "ㄱ", "漢", "\xff",   "ai",     "com", "io", "Kafka", "100", "12.5"};
  for (const std::string& w : hangul_words(pattern)) {
    pieces.push_back(w);
  }
  std::vector<std::string> texts = {"",
                                    "openai.com",
                                    "foo-bar.ai",
                                    "-x.io",
                                    "O'Neil",
                                    "Zeta",
                                    "zeta",
                                    "12.5",
                                    "100",
                                    "99.9",
                                    "100.0",
                                    "05",
                                    "김철수",
                                    "김철",
                                    "검색품질팀",
                                    "이가나다라마바사아자팀",
                                    "가나다라마바사아자차카타파하팀",
                                    "Ab\nc",
                                    "A\u2028"};
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 14);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) {
      text += pieces[piece(random)];
    }
    texts.push_back(text);
  }
  return texts;
}

TEST_CASE("SimpleRegex answers as ICU does for every regex of the built-in pack") {
  std::mt19937 random(7);
  const std::set<std::string> patterns = builtin_patterns();
  CHECK(patterns.size() >= 10);
  for (const std::string& pattern : patterns) {
    check_like_icu(pattern, texts_for(pattern, random));
  }
}

TEST_CASE("SimpleRegex answers as ICU does for the rest of its subset") {
  std::mt19937 random(11);
  for (const std::string pattern :
       {"a*", "(ab|a)*b?", "(a|b){2,3}c", "x{0}y", "[a-c.']+", "(가|나다)+", "\\.\\-",
        "[A-Z][a-z]+", "(ab)?(abc)", "\\p{L}+", "[\\p{Lu}0-9]{1,3}", "(.)*a"}) {
    check_like_icu(pattern, texts_for(pattern, random));
  }
}

TEST_CASE("SimpleRegex declines what is not in its subset") {
  for (const std::string pattern :
       {"^a",     "a$",    "[^a]",   "a*?",  "a++", "a**",   "(?:a)", "\\d",
        "\\p{N}", "a{2,}", "a{3,2}", "[-a]", "[]",  "[a",    "(a",    "a)",
        "a|(",    "\\",    "[a b]",  "a b",  "{2}", "[[a]]", "[a&&b]"}) {
    CAPTURE(pattern);
    CHECK_FALSE(SimpleRegex::parse(pattern));
  }
  CHECK(SimpleRegex::parse("[a-]b"));  // a trailing '-' in a class is itself
}

TEST_CASE("SimpleRegex gives up, instead of hanging, past its step budget") {
  const std::optional<SimpleRegex> nested = SimpleRegex::parse("(a+)+b");
  REQUIRE(nested);
  CHECK_FALSE(nested->full_match(std::string(64, 'a') + "c"));
  CHECK(nested->full_match("aab") == std::optional<bool>(true));
  CHECK(nested->full_match("aac") == std::optional<bool>(false));
}

}  // namespace
}  // namespace kgex
