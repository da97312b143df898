#include "extractor/text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8_decode.h"
#include "extractor/text/particles.h"

namespace kgex {
namespace {

// About one token per six bytes of text (a word and its space), so that a sentence's vector
// rarely grows; no more than a typical long sentence needs at first.
constexpr std::uint32_t kBytesPerToken = 6;
constexpr std::uint32_t kMaxReservedTokens = 1024;

enum class CharClass : std::uint8_t { kSpace, kHangul, kHan, kLetter, kDigit, kOther };

// The class of each ASCII character: nearly all of the text, looked up without a test each.
constexpr std::array<CharClass, 0x80> kAsciiClasses = [] {
  std::array<CharClass, 0x80> classes{};
  for (char32_t c = 0; c < 0x80; ++c) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      classes[c] = CharClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      classes[c] = CharClass::kLetter;
    } else {
      classes[c] = c >= '0' && c <= '9' ? CharClass::kDigit : CharClass::kOther;
    }
  }
  return classes;
}();

// The class of a character that is neither ASCII nor a Hangul syllable.
CharClass classify_other(char32_t c) {
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E) ||
      (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF)) {
    return CharClass::kHangul;
  }
  const auto uc = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(uc)) {
    return CharClass::kSpace;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(uc, &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) {
    return CharClass::kHan;
  }
  if (u_isalpha(uc) || u_charType(uc) == U_NON_SPACING_MARK) {
    return CharClass::kLetter;
  }
  return u_isdigit(uc) ? CharClass::kDigit : CharClass::kOther;
}

inline CharClass classify(char32_t c) {
  if (c < 0x80) {
    return kAsciiClasses[c];
  }
  if (c >= 0xAC00 && c <= 0xD7A3) {
    return CharClass::kHangul;
  }
  return classify_other(c);
}

struct Cursor {
  std::string_view text;
  std::uint32_t end;

  char32_t at(std::uint32_t pos, std::uint32_t* next = nullptr) const {
    if (pos >= end) {
      return 0;
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (next) {
        *next = pos + 1;
      }
      return byte;
    }
    std::size_t p = pos;
    char32_t c = decode_code_point(text, p);
    if (next) {
      *next = static_cast<std::uint32_t>(p);
    }
    return c;
  }
  CharClass cls(std::uint32_t pos) const {
    return pos >= end ? CharClass::kSpace : classify(at(pos));
  }
  bool alnum(std::uint32_t pos) const {
    CharClass k = cls(pos);
    return k == CharClass::kLetter || k == CharClass::kDigit;
  }
  std::uint32_t after(std::uint32_t pos) const {
    std::uint32_t next = pos;
    at(pos, &next);
    return next;
  }
};

// The end of the run of characters of class `k` (or, with `alnum`, of letters and digits)
// that starts at `pos`. ASCII bytes are classed without decoding.
std::uint32_t scan_class(const Cursor& cur, std::uint32_t pos, CharClass k, bool alnum = false) {
  const auto in_run = [k, alnum](CharClass c) {
    return c == k || (alnum && (c == CharClass::kLetter || c == CharClass::kDigit));
  };
  while (pos < cur.end) {
    const auto byte = static_cast<unsigned char>(cur.text[pos]);
    if (byte < 0x80) {
      if (!in_run(kAsciiClasses[byte])) {
        break;
      }
      ++pos;
      continue;
    }
    std::uint32_t next = pos;
    if (!in_run(classify(cur.at(pos, &next)))) {
      break;
    }
    pos = next;
  }
  return pos;
}

// End of the Latin/digit word starting at `pos` (joiners and suffixes included).
std::uint32_t scan_word(const Cursor& cur, std::uint32_t pos) {
  if (cur.at(pos) == '.') {
    pos = cur.after(pos);  // leading dot of ".NET"
  }
  while (true) {
    pos = scan_class(cur, pos, CharClass::kLetter, true);
    const char32_t c = cur.at(pos);
    if ((c == '.' || c == '-' || c == '_') && cur.alnum(cur.after(pos))) {
      pos = cur.after(pos);
      continue;
    }
    break;
  }
  // An e-mail address is one word: the domain of "khr@news.kr" names no company.
  if (cur.at(pos) == '@' && cur.alnum(cur.after(pos))) {
    const std::uint32_t domain = cur.after(pos);
    const std::uint32_t domain_end = scan_word(cur, domain);
    if (cur.text.substr(domain, domain_end - domain).find('.') != std::string_view::npos) {
      return domain_end;
    }
  }
  const char32_t c = cur.at(pos);
  if (c == '+' || c == '#') {
    std::uint32_t q = pos;
    while (cur.at(q) == c) {
      q = cur.after(q);
    }
    if (!cur.alnum(q)) {
      pos = q;
    }
  }
  return pos;
}

void describe(Token& t, std::string_view text, FoldedForms& folded_forms) {
  t.text = text.substr(t.begin, t.base_end - t.begin);
  int letters = 0;
  int uppers = 0;
  bool first = true;
  // Describes an ASCII character; true for an upper-case letter.
  const auto ascii = [&](unsigned char byte) {
    if (byte >= '0' && byte <= '9') {
      t.has_digit = true;
      return false;
    }
    if ((byte | 0x20) < 'a' || (byte | 0x20) > 'z') {
      return false;
    }
    ++letters;
    const bool upper = byte <= 'Z';
    if (upper) {
      ++uppers;
      t.capitalized = t.capitalized || first;
    }
    first = false;
    return upper;
  };
  // ASCII and Hangul syllables, nearly all tokens, are folded as they are described, in a copy
  // made at the first upper-case letter (most tokens have none, and their folded form is their
  // text); from the first other character on, the token is folded by fold_case and described
  // code point by code point.
  std::string folded;
  bool copied = false;
  std::size_t p = 0;
  while (p < t.text.size()) {
    const auto byte = static_cast<unsigned char>(t.text[p]);
    if (byte < 0x80) {
      if (ascii(byte)) {
        if (!copied) {
          folded.assign(t.text);
          copied = true;
        }
        folded[p] = static_cast<char>(byte + ('a' - 'A'));
      }
      ++p;
      continue;
    }
    std::size_t next = p;
    const char32_t c = decode_code_point(t.text, next);
    if (c < 0xAC00 || c > 0xD7A3) {
      break;
    }
    ++letters;
    first = false;
    p = next;
  }
  if (p < t.text.size()) {
    folded = fold_case(t.text);
    copied = folded != t.text;
  }
  t.folded = copied ? folded_forms.keep(std::move(folded)) : t.text;
  while (p < t.text.size()) {
    const auto byte = static_cast<unsigned char>(t.text[p]);
    if (byte < 0x80) {
      ascii(byte);
      ++p;
      continue;
    }
    const auto c = static_cast<UChar32>(decode_code_point(t.text, p));
    if (c >= 0xAC00 && c <= 0xD7A3) {  // a letter, neither a digit nor upper case
      ++letters;
      first = false;
      continue;
    }
    if (u_isdigit(c)) {
      t.has_digit = true;
    } else if (u_isalpha(c)) {
      ++letters;
      if (u_isupper(c)) {
        ++uppers;
        t.capitalized = t.capitalized || first;
      }
      first = false;
    }
  }
  t.all_upper = letters >= 2 && uppers == letters;
}

}  // namespace

std::string fold_case(std::string_view text) {
  // ASCII and Hangul syllables, nearly all text, are folded in a copy in place; from the
  // first other character on, the rest is folded code point by code point.
  std::string out(text);
  std::size_t p = 0;
  while (p < out.size()) {
    const auto byte = static_cast<unsigned char>(out[p]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') {
        out[p] = static_cast<char>(byte + ('a' - 'A'));
      }
      ++p;
      continue;
    }
    std::size_t next = p;
    const char32_t c = decode_code_point(text, next);
    if (c < 0xAC00 || c > 0xD7A3) {
      break;
    }
    p = next;
  }
  out.resize(p);
  while (p < text.size()) {
    const char byte = text[p];
    if (static_cast<unsigned char>(byte) < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32) : byte);
      ++p;
      continue;
    }
    const std::size_t start = p;
    const char32_t c = decode_code_point(text, p);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      out.append(text.substr(start, p - start));
    } else {
      // Full case folding: one code point may fold to several ("ß" -> "ss").
      icu::UnicodeString(static_cast<UChar32>(c)).foldCase(U_FOLD_CASE_DEFAULT).toUTF8String(out);
    }
  }
  return out;
}

void append_folded_letters(std::string& out, std::string_view text) {
  for (std::size_t p = 0; p < text.size();) {
    const std::size_t start = p;
    const char32_t c = decode_code_point(text, p);
    // ASCII and Hangul syllables, nearly all text, without asking ICU: of ASCII only letters
    // and digits are alphanumeric (none is a mark), and every syllable is a letter. Folding goes
    // code point by code point, as fold_case's does.
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c + ('a' - 'A')));
      }
      continue;
    }
    if (c >= 0xAC00 && c <= 0xD7A3) {
      out.append(text.substr(start, p - start));
      continue;
    }
    const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
    if (u_isalnum(static_cast<UChar32>(c)) != 0 || category == U_NON_SPACING_MARK ||
        category == U_COMBINING_SPACING_MARK) {
      out += fold_case(text.substr(start, p - start));
    }
  }
}

std::string fold_letters(std::string_view text) {
  std::string letters;
  letters.reserve(text.size());
  append_folded_letters(letters, text);
  return letters;
}

std::vector<Token> tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                            const KnownWord& known, FoldedForms& folded) {
  std::vector<Token> tokens;
  tokens.reserve(std::min((end - begin) / kBytesPerToken + 1, kMaxReservedTokens));
  const Cursor cur{text, end};
  std::uint32_t pos = begin;
  bool space = true;
  while (pos < end) {
    std::uint32_t after_first = pos;
    const char32_t first = cur.at(pos, &after_first);
    const CharClass k = classify(first);
    if (k == CharClass::kSpace) {
      pos = after_first;
      space = true;
      continue;
    }
    Token& t = tokens.emplace_back();  // filled in place: a token's strings are not moved
    t.begin = pos;
    t.space_before = space;
    space = false;
    const bool dot_word =
        first == '.' && t.space_before && cur.cls(after_first) == CharClass::kLetter;
    if (k == CharClass::kLetter || k == CharClass::kDigit || dot_word) {
      t.end = scan_word(cur, pos);
      t.script = k == CharClass::kDigit && cur.cls(t.end) != CharClass::kLetter ? Script::kDigit
                                                                                : Script::kLatin;
      bool all_digits = true;
      for (std::uint32_t p = pos; p < t.end && all_digits; p = cur.after(p)) {
        all_digits = cur.cls(p) == CharClass::kDigit || cur.at(p) == '.' || cur.at(p) == ',';
      }
      if (all_digits) {
        t.script = Script::kDigit;
      }
      t.base_end = t.end;
      // English possessive: Google's, engineers'
      if (t.script == Script::kLatin && cur.at(t.end) == '\'') {
        std::uint32_t s = cur.after(t.end);
        if ((cur.at(s) == 's' || cur.at(s) == 'S') && !cur.alnum(cur.after(s))) {
          t.end = cur.after(s);
          t.particle = "'s";
        } else if (text[t.end - 1] == 's' && !cur.alnum(s)) {
          t.end = s;
          t.particle = "'";
        }
      }
      // Korean particle glued to a Latin word or number: ChatGPT를, 2025년 stays apart.
      if (t.particle.empty() && cur.cls(t.end) == CharClass::kHangul) {
        std::uint32_t run_end = scan_class(cur, t.end, CharClass::kHangul);
        if (is_particle(text.substr(t.end, run_end - t.end)) && t.script == Script::kLatin) {
          t.particle = split_particle(text.substr(t.end, run_end - t.end)).particle;
          t.end = run_end;
        }
      }
    } else if (k == CharClass::kHangul) {
      t.script = Script::kHangul;
      t.end = scan_class(cur, pos, CharClass::kHangul);
      std::string_view word = text.substr(pos, t.end - pos);
      t.base_end = t.end;
      if (!known || !known(word)) {
        ParticleSplit split = split_particle(word, known);
        // A syllable standing apart that is all particle is a word: the demonstrative or the
        // surname 이 ("이 회사", "이 대표"), not 이 with nothing before it. Written onto something
        // else (")를"), or longer (a copula written apart, "조성창 입니다"), it stays a particle.
        const bool syllable_apart = split.base.empty() && t.space_before && word.size() == 3;
        // A word written onto a closing quote or onto a Latin name in parentheses ends a name,
        // which takes its particle after them: '콜트레인'을, 콜트레인(Coltrane)을.
        std::uint32_t inside = t.end;
        const char32_t next = cur.at(t.end, &inside);
        const bool name_end =
            next == '\'' || next == '"' || (next == '(' && cur.cls(inside) == CharClass::kLetter);
        if (!split.particle.empty() && !syllable_apart && !name_end) {
          t.base_end = pos + static_cast<std::uint32_t>(split.base.size());
          t.particle = split.particle;
        }
      }
    } else if (k == CharClass::kHan) {
      t.script = Script::kHan;
      t.end = scan_class(cur, pos, CharClass::kHan);
      t.base_end = t.end;
    } else {
      t.script = Script::kPunct;
      t.end = after_first;
      t.base_end = t.end;
    }
    describe(t, text, folded);
    pos = t.end;
  }
  return tokens;
}

namespace {

// What a byte says about spaces, as tokenize() classes characters: 1 for an ASCII space, 2 for
// the lead byte of a character that may be one (U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000
// begin with C2, E1, E2 or E3), 0 for any other byte, which neither is nor begins a space.
constexpr std::array<std::uint8_t, 0x100> kSpaceBytes = [] {
  std::array<std::uint8_t, 0x100> kinds{};
  for (std::size_t b = 0; b < 0x80; ++b) {
    kinds[b] = kAsciiClasses[b] == CharClass::kSpace ? 1 : 0;
  }
  for (const std::size_t lead : {0xC2, 0xE1, 0xE2, 0xE3}) {
    kinds[lead] = 2;
  }
  return kinds;
}();

// The first byte from `pos` that kSpaceBytes does not give 0 (an ASCII space or a lead byte C2,
// E1, E2 or E3), sixteen bytes at a time while the text has sixteen from there; `end` if there
// is none before it, else where fewer than sixteen are left. Runs of other characters than
// spaces are words, several bytes long.
inline std::uint32_t past_plain_bytes(std::string_view text, std::uint32_t pos, std::uint32_t end) {
#if defined(__SSE2__)
  for (; pos < end && pos + 16 <= text.size(); pos += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    // 0xFF where `v` is within [low, low + n] (unsigned).
    const auto within = [&v](unsigned char low, char n) {
      const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(low)));
      return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(n)), shifted);
    };
    const __m128i marks = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), within('\n', 3)),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))), within(0xE1, 2)));
    if (const auto found = static_cast<unsigned>(_mm_movemask_epi8(marks)); found != 0) {
      return std::min(end, pos + static_cast<std::uint32_t>(std::countr_zero(found)));
    }
  }
#endif
  return std::min(pos, end);
}

// The end of the spaces (or, with `space` false, of the other characters) from `pos`.
inline std::uint32_t class_run_end(std::string_view text, std::uint32_t pos, std::uint32_t end,
                                   bool space) {
  const std::uint8_t plain = space ? 1 : 0;  // a byte that continues the run without a doubt
  while (pos < end) {
    if (!space) {
      pos = past_plain_bytes(text, pos, end);
      if (pos == end) {
        break;
      }
    }
    const std::uint8_t kind = kSpaceBytes[static_cast<unsigned char>(text[pos])];
    if (kind == plain) {
      ++pos;
      continue;
    }
    if (kind != 2) {
      break;
    }
    std::size_t next = pos;
    if ((classify(decode_code_point(text, next)) == CharClass::kSpace) != space) {
      break;
    }
    pos = static_cast<std::uint32_t>(std::min<std::size_t>(next, end));
  }
  return pos;
}

}  // namespace

void TokenCache::use_for(std::uint64_t owner) {
  long_folded_.clear();
  if (owner != owner_ || runs_.size() >= kMaxRuns) {
    clear();
    owner_ = owner;
  }
}

void TokenCache::clear() {
  runs_ = StringIndex();
  words_ = StringIndex();
  ++generation_;
  ends_.clear();
  tokens_.clear();
  particle_at_.clear();
  folded_is_text_.clear();
  folded_.clear();
}

void TokenCache::tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                          const KnownWord& known, std::vector<Token>& out) {
  out.clear();
  out.reserve(std::min((end - begin) / kBytesPerToken + 1, kMaxReservedTokens));
  for (std::uint32_t pos = class_run_end(text, begin, end, true); pos < end;
       pos = class_run_end(text, pos, end, true)) {
    const std::uint32_t run_end = class_run_end(text, pos, end, false);
    const std::string_view run = text.substr(pos, run_end - pos);
    if (run.size() > kMaxRun) {
      for (Token& t : kgex::tokenize(text, pos, run_end, known, long_folded_)) {
        out.push_back(t);
      }
      pos = run_end;
      continue;
    }
    std::uint32_t r = runs_.find(run);
    if (r == StringIndex::kAbsent) {
      r = runs_.insert(run);
      for (Token& t : kgex::tokenize(text, pos, run_end, known, folded_)) {
        const bool in_run = !t.particle.empty() && t.particle.data() >= run.data() &&
                            t.particle.data() < run.data() + run.size();
        particle_at_.push_back(in_run ? static_cast<std::uint32_t>(t.particle.data() - run.data())
                                      : kStatic);
        t.begin -= pos;
        t.end -= pos;
        t.base_end -= pos;
        t.word = words_.insert(t.folded);
        folded_is_text_.push_back(t.folded.data() == t.text.data());
        // Viewed again in the text at hand where the run is copied.
        t.text = {};
        if (folded_is_text_.back()) {
          t.folded = {};
        }
        tokens_.push_back(t);
      }
      ends_.push_back(static_cast<std::uint32_t>(tokens_.size()));
    }
    for (std::uint32_t k = r == 0 ? 0 : ends_[r - 1]; k < ends_[r]; ++k) {
      Token& t = out.emplace_back(tokens_[k]);
      t.begin += pos;
      t.end += pos;
      t.base_end += pos;
      t.text = text.substr(t.begin, t.base_end - t.begin);
      if (folded_is_text_[k]) {
        t.folded = t.text;
      }
      if (particle_at_[k] != kStatic) {
        t.particle = run.substr(particle_at_[k], t.particle.size());
      }
    }
    pos = run_end;
  }
}

}  // namespace kgex
