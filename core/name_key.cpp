#include "core/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>

#include "core/utf8.h"

namespace kgex {
namespace {

std::string icu_name_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc_cf->normalize(text, status) : text;
  if (U_FAILURE(status)) {
    folded = text;
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    if (u_isalpha(c) || u_isdigit(c) || (u_charType(c) == U_LETTER_NUMBER) ||
        u_charType(c) == U_OTHER_NUMBER) {
      kept.append(c);
    }
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

std::string name_key(std::string_view name) {
  // ASCII and Hangul syllables need no Unicode normalisation: NFKC case folding
  // lower-cases ASCII letters and leaves a syllable as it is, and nothing
  // composes with a syllable without a jamo after it. Anything else goes to ICU.
  // The key is never longer than the name: written in place, then cut to its length.
  std::string out(name.size(), '\0');
  char* w = out.data();
  for (std::size_t i = 0; i < name.size();) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
        *w++ = static_cast<char>(b);
      } else if (b >= 'A' && b <= 'Z') {
        *w++ = static_cast<char>(b + 32);
      }
      ++i;
      continue;
    }
    if (!hangul_syllable_at(name, i)) {
      return icu_name_key(name);
    }
    w = std::copy_n(name.data() + i, 3, w);
    i += 3;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return out;
}

}  // namespace kgex
