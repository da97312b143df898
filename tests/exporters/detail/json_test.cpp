// The JSON lists of GraphML and GEXF attributes (names, mentions, evidence), written directly,
// against RapidJSON's compact Writer fed the same values: random bytes in every string, empty
// and absent rules, offsets up to the largest size_t, confidences that round.
#include "exporters/detail/json.h"

#include <doctest/doctest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <limits>
#include <random>
#include <string>
#include <vector>

namespace kgex::exporters {
namespace {

using Writer = QuotedStringWriter<rapidjson::Writer<rapidjson::StringBuffer>>;

template <typename Write>
std::string with_rapidjson(Write write) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartArray();
  write(writer);
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

// Random bytes 1-255, Hangul and the characters JSON escapes.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "a",    "Z",  "\"",           "\\", "\t",   "\n",           "\r",  "\x01",
      "\x7F", "가", "\xEF\xBF\xBE", " ",  "\xC3", "\xE2\x80\xA8", "<&>", "'"};
  std::uniform_int_distribution<std::size_t> length(0, 12);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size());
  std::uniform_int_distribution<int> byte(1, 255);
  std::string s;
  for (std::size_t n = length(rng); n > 0; --n) {
    const std::size_t k = piece(rng);
    s += k < pieces.size() ? pieces[k] : std::string(1, static_cast<char>(byte(rng)));
  }
  return s;
}

TEST_CASE("the JSON lists are what RapidJSON's Writer writes") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> count(0, 4);
  std::uniform_int_distribution<std::size_t> offset(0, 100000);
  std::uniform_real_distribution<double> confidence(-0.00004, 1.0);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> names;
    std::vector<Mention> mentions;
    std::vector<Evidence> evidence;
    for (std::size_t n = count(rng); n > 0; --n) {
      names.push_back(random_text(rng));
      mentions.push_back({random_text(rng), {offset(rng), offset(rng)}, {offset(rng), 0}});
      evidence.push_back({random_text(rng),
                          random_text(rng),
                          {offset(rng), offset(rng)},
                          {0, std::numeric_limits<std::size_t>::max()},
                          n % 2 == 0 ? random_text(rng) : std::string(),
                          confidence(rng)});
    }
    CHECK(string_list_json(names) == with_rapidjson([&](Writer& w) {
            for (const std::string& name : names) {
              write_string(w, name);
            }
          }));
    CHECK(mentions_json(mentions) == with_rapidjson([&](Writer& w) {
            for (const Mention& m : mentions) {
              w.StartObject();
              write_mention_fields(w, m);
              w.EndObject();
            }
          }));
    CHECK(evidence_json(evidence) == with_rapidjson([&](Writer& w) {
            for (const Evidence& e : evidence) {
              w.StartObject();
              write_evidence_fields(w, e);
              w.EndObject();
            }
          }));
  }
}

}  // namespace
}  // namespace kgex::exporters
