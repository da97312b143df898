// Fuzz target: arbitrary bytes as the one rule file of a pack. A pack that
// loads is compiled into an extractor and run on a short text, so the rules it
// defines (regexes included) are exercised too. Properties: no crash, no
// sanitizer report; every refusal names the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extractor/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string rules(reinterpret_cast<const char*>(data), size);
  kgex::PackSource pack{"fuzz-pack", [&rules](const std::string& path) -> kgex::Result<std::string> {
                          if (path == "manifest.json") {
                            return std::string(
                                R"({"name": "fuzz", "version": "1", "files": ["rules.json"]})");
                          }
                          if (path == "rules.json") {
                            return rules;
                          }
                          return kgex::Status(kgex::ErrorCode::kIo, "no such file", {.file = path});
                        }};
  const auto loaded = kgex::load_rules({pack});
  if (!loaded.ok()) {
    if (loaded.status().where().file.empty()) {
      std::abort();
    }
    return 0;
  }
  auto ex = kgex::Extractor::create(loaded.value());
  if (!ex.ok()) {
    std::abort();
  }
  // A regex may time out (kTimeout); anything else must succeed.
  const auto out = ex.value().extract(
      {"fuzz.txt", "구글의 Gemini는 OpenAI와 경쟁한다. Stripe uses Python and Rust. "
                   "(주)카카오 김철수 대표는 \"Kanana\"를 공개했다.\nAcme Corp acquired Foo Labs."});
  if (!out.ok() && out.status().code() != kgex::ErrorCode::kTimeout) {
    std::abort();
  }
  return 0;
}
