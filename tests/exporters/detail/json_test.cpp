// JSON written directly against RapidJSON's writers fed the same values: the lists of GraphML
// and GEXF attributes (names, mentions, evidence) against its compact Writer, with random bytes
// in every string, empty and absent rules, offsets up to the largest size_t, confidences that
// round; and PrettyJson against its PrettyWriter on random documents.
#include "exporters/detail/json.h"

#include <doctest/doctest.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace kgex::exporters {
namespace {

// A RapidJSON writer that also takes a string value already quoted and escaped (write_string()
// passes it so), as the writers used it before they wrote JSON themselves.
template <typename Base>
class QuotedStringWriter : public Base {
 public:
  using Base::Base;

  void QuotedString(std::string_view quoted) {
    // An empty raw value writes what precedes any value (comma, indentation) and counts the
    // value; the bytes follow directly in the buffer.
    Base::RawValue("", 0, rapidjson::kStringType);
    std::memcpy(this->os_->Push(quoted.size()), quoted.data(), quoted.size());
  }
};

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
    // Appended after what a string already holds, as XmlStream appends them to an element.
    const auto appended = [](auto append) {
      std::string out = "<data>";
      append(out);
      return out.substr(6);
    };
    CHECK(appended([&](std::string& out) { append_string_list_json(out, names); }) ==
          with_rapidjson([&](Writer& w) {
            for (const std::string& name : names) {
              write_string(w, name);
            }
          }));
    CHECK(appended([&](std::string& out) { append_mentions_json(out, mentions); }) ==
          with_rapidjson([&](Writer& w) {
            for (const Mention& m : mentions) {
              w.StartObject();
              write_mention_fields(w, m);
              w.EndObject();
            }
          }));
    CHECK(appended([&](std::string& out) { append_evidence_json(out, evidence); }) ==
          with_rapidjson([&](Writer& w) {
            for (const Evidence& e : evidence) {
              w.StartObject();
              write_evidence_fields(w, e);
              w.EndObject();
            }
          }));
  }
}

// Writes a random document of nested objects and arrays (some empty) to `w`, drawing from `rng`:
// keys, strings, counts, decimals and the mention and evidence fields.
template <typename W>
void random_document(W& w, std::mt19937 rng, int depth = 0) {
  std::uniform_int_distribution<int> pick(0, 7);
  std::uniform_int_distribution<std::size_t> size(0, 4);
  std::uniform_int_distribution<std::size_t> number(0, 1000000);
  const auto value = [&](auto& self, int level) -> void {
    switch (level < 3 ? pick(rng) : pick(rng) % 4) {
      case 0:
        write_string(w, random_text(rng));
        break;
      case 1:
        write_count(w, number(rng));
        break;
      case 2:
        write_decimal(w, static_cast<double>(number(rng)) / 1000000.0);
        break;
      case 3:
        w.StartObject();
        write_mention_fields(w, Mention{random_text(rng), {number(rng), 0}, {0, number(rng)}});
        w.EndObject();
        break;
      case 4:
        w.StartObject();
        write_evidence_fields(w, Evidence{random_text(rng),
                                          random_text(rng),
                                          {1, 2},
                                          {3, 4},
                                          number(rng) % 2 == 0 ? "r" : "",
                                          0.5});
        w.EndObject();
        break;
      case 5:
      case 6:
        w.StartArray();
        for (std::size_t n = size(rng); n > 0; --n) {
          self(self, level + 1);
        }
        w.EndArray();
        break;
      default:
        w.StartObject();
        for (std::size_t n = size(rng); n > 0; --n) {
          write_key(w, n % 2 == 0 ? "@id" : "alternateName");
          self(self, level + 1);
        }
        w.EndObject();
    }
  };
  w.StartObject();
  write_key(w, "@graph");
  value(value, depth);
  write_key(w, "works_at");
  value(value, depth);
  w.EndObject();
}

TEST_CASE("PrettyJson writes what RapidJSON's PrettyWriter writes") {
  for (unsigned seed = 0; seed < 300; ++seed) {
    rapidjson::StringBuffer buffer;
    QuotedStringWriter<rapidjson::PrettyWriter<rapidjson::StringBuffer>> reference(buffer);
    reference.SetIndent(' ', 2);
    random_document(reference, std::mt19937(seed));
    rapidjson::StringBuffer written;
    PrettyJson w(written, 2);
    random_document(w, std::mt19937(seed));
    CAPTURE(seed);
    CHECK(std::string(written.GetString(), written.GetSize()) ==
          std::string(buffer.GetString(), buffer.GetSize()));
  }
}

}  // namespace
}  // namespace kgex::exporters
