#include "extractor/match/regex_affixes.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

namespace kgex {
namespace {

// Beyond this many words a list says too little to be worth its lookups.
constexpr std::size_t kMaxWords = 64;

// One item of a sequence: a literal (a character or a group of literal alternatives), with the
// words it can be, or anything else; whether it is a digit (a class of digits, \d); and whether a
// quantifier follows it, and whether that one lets it be absent.
struct Item {
  bool literal = false;
  std::vector<std::string> words;
  bool digit = false;
  bool quantified = false;
  bool optional = false;
};

bool is_meta(char c) {
  return c == '\\' || c == '.' || c == '[' || c == ']' || c == '(' || c == ')' || c == '|' ||
         c == '?' || c == '*' || c == '+' || c == '{' || c == '}' || c == '^' || c == '$';
}

// The UTF-8 length of the character that starts with byte `lead`, 0 if `lead` starts none.
std::size_t char_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    return 2;
  }
  if ((lead & 0xF0) == 0xE0) {
    return 3;
  }
  return (lead & 0xF8) == 0xF0 ? 4 : 0;
}

// A literal character at `at` as a token's folded form holds it: ASCII (letters in lower case)
// or a Hangul syllable, which case folding leaves alone; nullopt for any other character.
std::optional<std::string> folded_char(std::string_view s, std::size_t at, std::size_t length) {
  const auto lead = static_cast<unsigned char>(s[at]);
  if (length == 1) {
    return std::string(1,
                       static_cast<char>(lead >= 'A' && lead <= 'Z' ? lead + ('a' - 'A') : lead));
  }
  if (length != 3 || at + 3 > s.size()) {
    return std::nullopt;
  }
  const std::uint32_t cp = (lead & 0x0Fu) << 12 |
                           (static_cast<unsigned char>(s[at + 1]) & 0x3Fu) << 6 |
                           (static_cast<unsigned char>(s[at + 2]) & 0x3Fu);
  if (cp < 0xAC00 || cp > 0xD7A3) {
    return std::nullopt;
  }
  return std::string(s.substr(at, 3));
}

// The index of the ']' that closes the class opening at `at`: the first one not escaped and
// not first in the class; nullopt if none does.
std::optional<std::size_t> class_end(std::string_view s, std::size_t at) {
  std::size_t j = at + 1;
  if (j < s.size() && s[j] == '^') {
    ++j;
  }
  if (j < s.size() && s[j] == ']') {
    ++j;
  }
  while (j < s.size() && s[j] != ']') {
    j += s[j] == '\\' ? 2 : 1;
  }
  return j < s.size() ? std::optional<std::size_t>(j) : std::nullopt;
}

// Splits `s` at the '|' outside groups and classes; nullopt when a group or class is not
// closed.
std::optional<std::vector<std::string_view>> alternatives(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      const std::optional<std::size_t> end = class_end(s, i);
      if (!end) {
        return std::nullopt;
      }
      i = *end;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) {
        return std::nullopt;
      }
    } else if (c == '|' && depth == 0) {
      out.push_back(s.substr(from, i - from));
      from = i + 1;
    }
  }
  if (depth != 0) {
    return std::nullopt;
  }
  out.push_back(s.substr(from));
  return out;
}

// The end of the group or class that opens at `at`, past its closing character; nullopt if
// none closes it.
std::optional<std::size_t> closing(std::string_view s, std::size_t at) {
  if (s[at] == '[') {
    const std::optional<std::size_t> end = class_end(s, at);
    return end ? std::optional<std::size_t>(*end + 1) : std::nullopt;
  }
  int depth = 0;
  for (std::size_t i = at; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      const std::optional<std::size_t> end = closing(s, i);
      if (!end) {
        return std::nullopt;
      }
      i = *end - 1;
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::nullopt;
}

// Whether a class's text (between its brackets) holds ASCII digits and ranges of them alone.
bool digit_class(std::string_view inner) {
  return !inner.empty() && inner.front() != '-' && inner.back() != '-' &&
         inner.find_first_not_of("0123456789-") == std::string_view::npos;
}

// The words of a group's alternatives when each is literal characters only.
std::optional<std::vector<std::string>> literal_group(std::string_view inner) {
  if (inner.starts_with('?')) {
    return std::nullopt;  // (?: …), (?i) and the like
  }
  const std::optional<std::vector<std::string_view>> alts = alternatives(inner);
  if (!alts) {
    return std::nullopt;
  }
  std::vector<std::string> words;
  for (const std::string_view alt : *alts) {
    std::string word;
    for (std::size_t i = 0; i < alt.size();) {
      const std::size_t length = char_length(static_cast<unsigned char>(alt[i]));
      if (length == 0 || (length == 1 && is_meta(alt[i]))) {
        return std::nullopt;
      }
      const std::optional<std::string> c = folded_char(alt, i, length);
      if (!c) {
        return std::nullopt;
      }
      word += *c;
      i += length;
    }
    words.push_back(std::move(word));
  }
  return words;
}

// Whether `inner`, a group's text, holds a quantifier outside its classes.
bool has_quantifier(std::string_view inner) {
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const char c = inner[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      const std::optional<std::size_t> end = closing(inner, i);
      if (!end) {
        return true;
      }
      i = *end - 1;
    } else if (c == '?' || c == '*' || c == '+' || c == '{') {
      return true;
    }
  }
  return false;
}

// Whether a repeated group of `s` holds a quantifier ("(a+)+b"), at any depth: such a regex
// can backtrack past its time limit, and must run for its error to be reported, not be skipped
// for want of a word.
bool nested_quantifier(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      const std::optional<std::size_t> end = closing(s, i);
      if (!end) {
        return true;
      }
      i = *end - 1;
    } else if (s[i] == '(') {
      const std::optional<std::size_t> end = closing(s, i);
      if (!end) {
        return true;
      }
      if (*end < s.size() &&
          (s[*end] == '?' || s[*end] == '*' || s[*end] == '+' || s[*end] == '{') &&
          has_quantifier(s.substr(i + 1, *end - i - 2))) {
        return true;
      }
    }
  }
  return false;
}

// The items of one alternative; nullopt for syntax this reading does not know.
std::optional<std::vector<Item>> items(std::string_view s) {
  std::vector<Item> out;
  for (std::size_t i = 0; i < s.size();) {
    Item item;
    const char c = s[i];
    if (c == '(' || c == '[') {
      const std::optional<std::size_t> end = closing(s, i);
      if (!end) {
        return std::nullopt;
      }
      item.digit = c == '[' && digit_class(s.substr(i + 1, *end - i - 2));
      if (c == '(') {
        if (std::optional<std::vector<std::string>> words =
                literal_group(s.substr(i + 1, *end - i - 2))) {
          item.literal = true;
          item.words = std::move(*words);
        }
      }
      i = *end;
    } else if (c == '\\') {
      if (i + 1 >= s.size()) {
        return std::nullopt;
      }
      const char e = s[i + 1];
      if ((e == 'p' || e == 'P') && i + 2 < s.size() && s[i + 2] == '{') {
        const std::size_t end = s.find('}', i);
        if (end == std::string_view::npos) {
          return std::nullopt;
        }
        i = end + 1;
      } else {
        const auto b = static_cast<unsigned char>(e);
        item.digit = e == 'd';
        if (b < 0x80 && !std::isalnum(b)) {
          item.literal = true;
          item.words = {std::string(1, e)};
        }
        i += b < 0x80 ? 2 : 1 + char_length(b);
      }
    } else if (c == '.' || c == '^' || c == '$') {
      ++i;
    } else if (is_meta(c)) {
      return std::nullopt;  // a quantifier with nothing before it, or a stray closer
    } else {
      const std::size_t length = char_length(static_cast<unsigned char>(c));
      if (length == 0 || i + length > s.size()) {
        return std::nullopt;
      }
      if (std::optional<std::string> folded = folded_char(s, i, length)) {
        item.literal = true;
        item.words = {std::move(*folded)};
      }
      i += length;
    }
    if (i < s.size() && (s[i] == '?' || s[i] == '*' || s[i] == '+' || s[i] == '{')) {
      item.quantified = true;
      item.optional = s[i] == '?' || s[i] == '*' || s.substr(i).starts_with("{0") ||
                      s.substr(i).starts_with("{,");
      if (s[i] == '{') {
        const std::size_t end = s.find('}', i);
        if (end == std::string_view::npos) {
          return std::nullopt;
        }
        i = end;
      }
      ++i;
      if (i < s.size() && (s[i] == '?' || s[i] == '+')) {
        ++i;  // lazy or possessive
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

// The words a sequence of items starts with (`from_end` false) or ends with: the unquantified
// literals at that end, multiplied out; empty when they can be empty.
std::vector<std::string> affixes(const std::vector<Item>& seq, bool from_end) {
  std::vector<std::string> words{""};
  for (std::size_t k = 0; k < seq.size(); ++k) {
    const Item& item = seq[from_end ? seq.size() - 1 - k : k];
    if (!item.literal || item.quantified || words.size() * item.words.size() > kMaxWords) {
      break;
    }
    std::vector<std::string> longer;
    for (const std::string& w : words) {
      for (const std::string& x : item.words) {
        longer.push_back(from_end ? x + w : w + x);
      }
    }
    words = std::move(longer);
  }
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.empty(); })) {
    return {};
  }
  return words;
}

// The longest run of single literal characters without a quantifier in a sequence; empty if
// none.
std::string longest_literal_run(const std::vector<Item>& seq) {
  std::string longest;
  std::string run;
  for (const Item& item : seq) {
    if (item.literal && !item.quantified && item.words.size() == 1) {
      run += item.words.front();
    } else {
      run.clear();
    }
    if (run.size() > longest.size()) {
      longest = run;
    }
  }
  return longest;
}

}  // namespace

RegexAffixes regex_affixes(std::string_view source) {
  const std::optional<std::vector<std::string_view>> alts = alternatives(source);
  if (!alts || nested_quantifier(source)) {
    return {};
  }
  RegexAffixes out;
  bool prefixes = true;
  bool suffixes = true;
  out.digit = true;
  bool infixes = true;
  for (const std::string_view alt : *alts) {
    const std::optional<std::vector<Item>> seq = items(alt);
    if (!seq) {
      return {};
    }
    std::string run = longest_literal_run(*seq);
    infixes = infixes && !run.empty();
    out.infixes.push_back(std::move(run));
    out.digit = out.digit && std::any_of(seq->begin(), seq->end(), [](const Item& item) {
                  return item.digit && !item.optional;
                });
    for (const bool from_end : {false, true}) {
      bool& keep = from_end ? suffixes : prefixes;
      const std::vector<std::string> words = affixes(*seq, from_end);
      keep = keep && !words.empty();
      if (keep) {
        std::vector<std::string>& into = from_end ? out.suffixes : out.prefixes;
        into.insert(into.end(), words.begin(), words.end());
      }
    }
  }
  for (const bool from_end : {false, true}) {
    std::vector<std::string>& words = from_end ? out.suffixes : out.prefixes;
    if (!(from_end ? suffixes : prefixes) || words.size() > kMaxWords) {
      words.clear();
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
  if (!infixes || out.infixes.size() > kMaxWords) {
    out.infixes.clear();
  }
  std::sort(out.infixes.begin(), out.infixes.end());
  out.infixes.erase(std::unique(out.infixes.begin(), out.infixes.end()), out.infixes.end());
  return out;
}

}  // namespace kgex
