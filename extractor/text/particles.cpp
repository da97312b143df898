#include "extractor/text/particles.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>

namespace kgex {
namespace {

// Case particles, auxiliary particles, the copula and its common forms, and
// the plural 들 combined with them. Not a bare 든: it ends far more verbs
// ("만든") than names ("무엇이든" keeps 이든). Compound forms are listed whole so that the
// longest match keeps them together.
constexpr std::array<std::string_view, 125> kParticles = {
    "의",       "은",       "는",     "이",       "가",     "을",     "를",     "와",
    "과",       "에",       "로",     "도",       "만",     "인",     "나",     "께",
    "랑",       "들",       "에서",   "에게",     "께서",   "까지",   "부터",   "처럼",
    "보다",     "으로",     "한테",   "하고",     "이랑",   "마저",   "조차",   "밖에",
    "만큼",     "이나",     "이며",   "이고",     "이다",   "이자",   "라는",   "라고",
    "라며",     "이란",     "과의",   "와의",     "에는",   "에도",   "에의",   "로의",
    "로는",     "로도",     "에서는", "에서도",   "에서의", "에게는", "에게도", "에게서",
    "으로의",   "으로는",   "으로도", "으로서",   "으로써", "로서",   "로써",   "로부터",
    "으로부터", "이라는",   "이라고", "이라며",   "까지의", "부터의", "과는",   "와는",
    "과도",     "와도",     "이었다", "였다",     "입니다", "이었던", "였던",   "이었으며",
    "였으며",   "이지만",   "지만",   "에서부터", "만의",   "만이",   "만을",   "도의",
    "들이",     "들은",     "들의",   "들을",     "들과",   "들도",   "들에",   "들에게",
    "들로",     "들와",     "들이다", "들처럼",   "들보다", "들까지", "들만",   "들에서",
    "들로부터", "들이라는", "이라",   "에선",     "에서만", "에게만", "이라도", "라도",
    "이든",     "뿐",       "뿐이다", "뿐이었다", "뿐만",   "예요",   "이에요", "에만",
    "로서는",   "으로서는", "께도",   "께서도",   "께서는",
};

// Every particle is Hangul, three bytes a syllable in UTF-8, so the suffixes of
// a word worth looking up are its last 3, 6, ... bytes up to the longest particle.
constexpr std::size_t kSyllable = 3;

// Particles with two forms take one after a final consonant (받침) and the other after a
// vowel: 은/는, 이/가, 을/를, 과/와, 으로/로 (로 also after ㄹ), 이나/나, 이라는/라는. A word
// whose ending has the wrong form for the syllable before it does not end in that particle:
// "정다은" is a name (the topic of 정다 would be 정다는), "평가" and "경로" are nouns. 는 is
// not checked after a consonant: there it ends verbs ("있는"), which rules match by stem.
constexpr std::array<std::string_view, 15> kAfterConsonant = {
    "은",   "을",     "과",     "과의",   "과는",   "과도",   "이",       "이랑",
    "으로", "으로의", "으로는", "으로도", "으로서", "으로써", "으로부터",
};
constexpr std::array<std::string_view, 14> kAfterVowel = {
    "를", "와",   "와의", "와는", "와도", "가",   "랑",
    "나", "라는", "라고", "라며", "라도", "였다", "였던",
};
constexpr std::array<std::string_view, 7> kAfterVowelOrRieul = {
    "로", "로의", "로는", "로도", "로서", "로써", "로부터",
};

enum class Final : std::uint8_t { kVowel, kRieul, kOther, kNotHangul };

// The final sound of the syllable that ends `base` (a UTF-8 string).
Final final_of(std::string_view base) {
  if (base.size() < kSyllable) {
    return Final::kNotHangul;
  }
  const auto* b = reinterpret_cast<const unsigned char*>(base.data() + base.size() - kSyllable);
  if ((b[0] & 0xF0U) != 0xE0U) {
    return Final::kNotHangul;
  }
  const std::uint32_t cp = ((b[0] & 0x0FU) << 12U) | ((b[1] & 0x3FU) << 6U) | (b[2] & 0x3FU);
  constexpr std::uint32_t kFirst = 0xAC00;
  constexpr std::uint32_t kLast = 0xD7A3;
  constexpr std::uint32_t kFinals = 28;
  constexpr std::uint32_t kRieulFinal = 8;
  if (cp < kFirst || cp > kLast) {
    return Final::kNotHangul;
  }
  const std::uint32_t jong = (cp - kFirst) % kFinals;
  return jong == 0 ? Final::kVowel : jong == kRieulFinal ? Final::kRieul : Final::kOther;
}

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view particle) {
  return std::find(list.begin(), list.end(), particle) != list.end();
}

// Which syllables a particle may follow: any, or only those the lists above give it.
enum class Form : std::uint8_t { kAny, kAfterConsonant, kAfterVowel, kAfterVowelOrRieul };

Form form_of(std::string_view particle) {
  if (listed(kAfterConsonant, particle)) {
    return Form::kAfterConsonant;
  }
  if (listed(kAfterVowel, particle)) {
    return Form::kAfterVowel;
  }
  return listed(kAfterVowelOrRieul, particle) ? Form::kAfterVowelOrRieul : Form::kAny;
}

// False when a particle of form `form` cannot follow the last syllable of `base`.
bool fits(std::string_view base, Form form) {
  const Final f = final_of(base);
  if (f == Final::kNotHangul) {
    return true;
  }
  if (f == Final::kVowel) {
    return form != Form::kAfterConsonant;
  }
  if (form == Form::kAfterVowel) {
    return false;
  }
  return f == Final::kRieul || form != Form::kAfterVowelOrRieul;
}

constexpr std::size_t kLongest = [] {
  std::size_t longest = 0;
  for (std::string_view p : kParticles) {
    longest = std::max(longest, p.size());
  }
  return longest;
}();

// A run of Hangul syllables as a number, 14 bits a syllable (its offset from 가, plus one), the
// last syllable lowest: equal numbers for equal runs of up to four syllables. Particles are
// looked up by it, without hashing strings.
constexpr std::size_t kKeyBits = 14;
static_assert(kLongest / kSyllable * kKeyBits <= 64);

// The syllable that ends at byte `end` of `text` plus one, or 0 when the three bytes there are
// not one Hangul syllable.
std::uint64_t syllable_before(std::string_view text, std::size_t end) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data() + end - kSyllable);
  if ((b[0] & 0xF0U) != 0xE0U || (b[1] & 0xC0U) != 0x80U || (b[2] & 0xC0U) != 0x80U) {
    return 0;
  }
  const std::uint32_t cp = ((b[0] & 0x0FU) << 12U) | ((b[1] & 0x3FU) << 6U) | (b[2] & 0x3FU);
  return cp >= 0xAC00 && cp <= 0xD7A3 ? cp - 0xAC00 + 1 : 0;
}

// The key of `text`, or 0 when it is not one to four whole syllables.
std::uint64_t particle_key(std::string_view text) {
  if (text.empty() || text.size() > kLongest || text.size() % kSyllable != 0) {
    return 0;
  }
  std::uint64_t key = 0;
  for (std::size_t end = kSyllable; end <= text.size(); end += kSyllable) {
    const std::uint64_t syllable = syllable_before(text, end);
    if (syllable == 0) {
      return 0;
    }
    key = (key << kKeyBits) | syllable;
  }
  return key;
}

// The particles by key in an open-addressed table of kSlots slots (key 0 for an empty one),
// each at its hash or the first free slot after it, with its form.
constexpr std::size_t kSlots = 512;
static_assert(kParticles.size() * 2 < kSlots);

struct Slot {
  std::uint64_t key = 0;
  Form form = Form::kAny;
};

std::size_t slot_of(std::uint64_t key) {
  constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
  constexpr int kSlotBits = std::countr_zero(kSlots);
  return static_cast<std::size_t>((key * kGolden) >> (64 - kSlotBits));
}

const std::array<Slot, kSlots>& particle_table() {
  static const std::array<Slot, kSlots> kTable = [] {
    std::array<Slot, kSlots> table{};
    for (std::string_view p : kParticles) {
      const std::uint64_t key = particle_key(p);
      std::size_t slot = slot_of(key);
      while (table[slot].key != 0 && table[slot].key != key) {
        slot = (slot + 1) % kSlots;
      }
      table[slot] = {key, form_of(p)};
    }
    return table;
  }();
  return kTable;
}

// The particle with key `key`, or null when there is none.
const Slot* find_particle(std::uint64_t key) {
  if (key == 0) {
    return nullptr;
  }
  const auto& table = particle_table();
  for (std::size_t slot = slot_of(key);; slot = (slot + 1) % kSlots) {
    if (table[slot].key == key) {
      return &table[slot];
    }
    if (table[slot].key == 0) {
      return nullptr;
    }
  }
}

// The byte lengths of the particles that end a word, longest first.
struct Suffixes {
  std::array<std::size_t, kLongest / kSyllable> lengths{};
  std::size_t count = 0;
};

Suffixes particle_suffixes(std::string_view word) {
  // The keys of the word's last one, two, ... syllables, as far as they are syllables.
  std::array<std::uint64_t, kLongest / kSyllable> keys{};
  std::size_t syllables = 0;
  for (std::size_t end = word.size(); syllables < keys.size() && end >= kSyllable;
       end -= kSyllable) {
    const std::uint64_t syllable = syllable_before(word, end);
    if (syllable == 0) {
      break;
    }
    keys[syllables] =
        (syllable << (kKeyBits * syllables)) | (syllables > 0 ? keys[syllables - 1] : 0);
    ++syllables;
  }
  Suffixes out;
  for (std::size_t k = syllables; k-- > 0;) {
    const std::size_t len = (k + 1) * kSyllable;
    if (const Slot* particle = find_particle(keys[k]);
        particle != nullptr && fits(word.substr(0, word.size() - len), particle->form)) {
      out.lengths[out.count++] = len;
    }
  }
  return out;
}

ParticleSplit split_at(std::string_view word, std::size_t particle_length) {
  return {word.substr(0, word.size() - particle_length),
          word.substr(word.size() - particle_length)};
}

ParticleSplit longest(std::string_view word, const Suffixes& suffixes) {
  return suffixes.count > 0 ? split_at(word, suffixes.lengths[0]) : ParticleSplit{word, {}};
}

}  // namespace

ParticleSplit split_particle(std::string_view word) {
  return longest(word, particle_suffixes(word));
}

ParticleSplit split_particle(std::string_view word,
                             const std::function<bool(std::string_view)>& is_name) {
  // Each suffix is looked up once, for the named split and the plain one.
  const Suffixes suffixes = particle_suffixes(word);
  for (std::size_t k = 0; is_name && k < suffixes.count; ++k) {
    const std::size_t len = suffixes.lengths[k];
    if (word.size() > len && is_name(word.substr(0, word.size() - len))) {
      return split_at(word, len);
    }
  }
  return longest(word, suffixes);
}

bool is_particle(std::string_view word) { return find_particle(particle_key(word)) != nullptr; }

bool is_subject_particle(std::string_view particle) {
  return particle == "은" || particle == "는" || particle == "이" || particle == "가";
}

bool is_instrument_particle(std::string_view particle) {
  return particle == "로" || particle == "으로" || particle == "로는" || particle == "으로는" ||
         particle == "로써" || particle == "으로써";
}

bool is_copula_ending(std::string_view particle) {
  return particle == "입니다" || particle == "이에요" || particle == "예요" ||
         particle == "입니다만";
}

}  // namespace kgex
