// Fuzz target: arbitrary bytes as a JSON-LD file (see graph_round_trip.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graph_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kgex::fuzz::check_graph_file(std::string_view(reinterpret_cast<const char*>(data), size),
                               kgex::GraphFormat::kJsonLd);
  return 0;
}
