// The one normalised form used to compare names: NFKC, case folded, and only
// letters and digits kept, so "DALL·E", "dall-e" and "DALLE" share a key, as do
// "샘 올트먼" and "샘올트먼". Alias lookup, merging and evaluation all use it.
#pragma once

#include <string>
#include <string_view>

namespace kgex {

// The key of a UTF-8 name; invalid bytes are dropped. Empty when the name
// has no letter or digit.
std::string name_key(std::string_view name);

}  // namespace kgex
