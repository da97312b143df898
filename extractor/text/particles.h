// Korean particles (josa), plural and copula endings that follow a noun.
//
//   split_particle("구글의")   -> {base "구글", particle "의"}
//   split_particle("exec들이") -> not Hangul-final as a whole; use on the Hangul part "들이"
//   is_particle("로의")        -> true
//
// The longest matching suffix wins. Rules test the particle as a plain string
// ("의" possession, "와"/"과" coordination, "인"/"이라는" apposition).
#pragma once

#include <functional>
#include <string_view>

namespace kgex {

struct ParticleSplit {
  std::string_view base;      // what is left; may be empty when the word is only a particle
  std::string_view particle;  // empty when there is none; the end of `word`
};

// Splits the longest known particle off the end of a Hangul word. With
// `is_name`, a split that leaves a known name wins over a longer one
// ("솔라는" -> "솔라" + "는", not "솔" + "라는").
ParticleSplit split_particle(std::string_view word);
ParticleSplit split_particle(std::string_view word,
                             const std::function<bool(std::string_view)>& is_name);

// True when `word` as a whole is a particle (or particle sequence) from the table.
bool is_particle(std::string_view word);

// True when `particle` marks a subject or topic: 은/는/이/가.
bool is_subject_particle(std::string_view particle);

// True when `particle` marks an instrument or a means: 로/으로, also with 는 or 써.
bool is_instrument_particle(std::string_view particle);

// True when `particle` is the polite copula that closes a self-introduction: 입니다, 이에요, 예요
// ("편도윤입니다").
bool is_copula_ending(std::string_view particle);

}  // namespace kgex
