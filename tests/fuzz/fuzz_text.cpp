// Fuzz target: arbitrary bytes through the text layer and the whole extractor
// with the built-in rule pack. Properties: no crash, no sanitizer report, the
// normalised text's offset map is well formed, extraction succeeds (the
// built-in pack's regexes never reach their time limit on any input).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extractor/extractor.h"
#include "extractor/text/document_text.h"

namespace {

const kgex::Extractor& extractor() {
  static const kgex::Extractor kExtractor = [] {
    auto rules = kgex::load_rules({kgex::builtin_pack()});
    if (!rules.ok()) {
      std::abort();
    }
    auto ex = kgex::Extractor::create(rules.value());
    if (!ex.ok()) {
      std::abort();
    }
    return std::move(ex).value();
  }();
  return kExtractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const kgex::DecodedText decoded = kgex::decode_text(bytes);
  if (!decoded.looks_binary) {
    const kgex::NormalizedText normalized = kgex::normalize_text(decoded.text);
    if (normalized.to_original.size() != normalized.text.size() + 1 ||
        normalized.to_original.back() != decoded.text.size()) {
      std::abort();
    }
  }
  kgex::ExtractOptions options;
  options.explain = true;
  const kgex::Result<kgex::Extraction> out = extractor().extract({"fuzz.txt", bytes}, options);
  if (!out.ok()) {
    std::abort();
  }
  return 0;
}
