// Files compiled into the kgex library at build time (the built-in rule pack
// and the JSON Schemas). Not public: use extractor/rules/rule_pack.h.
#pragma once

#include <string_view>
#include <vector>

namespace kgex::embedded {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree, e.g. "rules/tech/manifest.json"
  std::string_view data;  // the file's bytes; static lifetime
};

// All embedded files, sorted as the build listed them. Never fails.
const std::vector<EmbeddedFile>& files();

}  // namespace kgex::embedded
