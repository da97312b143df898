// The built-in rule pack compiled by the build: its RuleSet, gazetteer index and rule filter
// written as static arrays (tools/pack_image.cpp), so that a run loads them without parsing
// JSON, compiling rules or building hash tables. The arrays are read in place: word sets,
// gazetteer entries and index tables become views of them, and only the rules themselves
// (a few hundred structs) are built at start. Packs given on the command line, and the
// built-in pack with them or under `kgex rules check`, are loaded from JSON as before.
//
// An image is a stream of 32-bit words that ImageWriter appends and ImageReader reads back in
// the same order, with the characters, hash-table slots and HashBits words it refers to in
// arrays of their own. The writing and the reading of each part sit side by side
// (pack_image.cpp, and write_tables() and the reading constructors of Gazetteer and
// RuleFilter), and a test checks that the image reads back as what the JSON compiles to.
// Not public: use extractor/rules/rule_set.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_hash.h"
#include "core/string_index.h"

namespace kgex {

struct RuleSet;
class Gazetteer;
class RuleFilter;

// The arrays of an image; static storage for the built-in pack's.
struct PackImage {
  std::string_view chars;
  std::span<const std::uint32_t> words;
  std::span<const StringIndex::Slot> slots;
  std::span<const std::uint64_t> bits;
};

// The built-in pack's image, defined by the source the build generates; empty in the
// generator itself, which runs before there is one.
PackImage builtin_pack_image();

class ImageWriter {
 public:
  void u32(std::uint32_t v) { words_.push_back(v); }
  void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
  void flag(bool b) { u32(b ? 1 : 0); }
  void f64(double v);
  void str(std::string_view s);
  void u32s(std::span<const std::uint32_t> v);
  void index(const StringIndex& index);
  void bits(const HashBits& bits);
  // The number of words written so far, and a word written before rewritten.
  std::size_t size() const { return words_.size(); }
  void set(std::size_t at, std::uint32_t v) { words_[at] = v; }

  // The arrays written so far.
  PackImage image() const { return {chars_, words_, slots_, bits_}; }

 private:
  std::string chars_;
  std::vector<std::uint32_t> words_;
  std::vector<StringIndex::Slot> slots_;
  std::vector<std::uint64_t> bits_;
};

// Reads an image from its start. The views it returns point into the image's arrays.
class ImageReader {
 public:
  explicit ImageReader(const PackImage& image) : image_(image) {}

  std::uint32_t u32() { return image_.words[at_++]; }
  int i32() { return static_cast<int>(u32()); }
  bool flag() { return u32() != 0; }
  double f64();
  std::string_view str();
  std::span<const std::uint32_t> u32s();
  StringIndex::Tables index();
  std::span<const std::uint64_t> bits();
  void skip(std::size_t words) { at_ += words; }

  bool at_end() const { return at_ == image_.words.size(); }
  std::size_t remaining() const { return image_.words.size() - at_; }

 private:
  PackImage image_;
  std::size_t at_ = 0;
};

// What a RuleSet read from an image keeps for the Extractor: a reader at the tables of its
// gazetteer index, rule filter and rule order. A copy of the RuleSet, which may be changed, has
// none.
class PrebuiltIndexes {
 public:
  PrebuiltIndexes() = default;
  explicit PrebuiltIndexes(const ImageReader& tables) : tables_(tables) {}
  PrebuiltIndexes(const PrebuiltIndexes& /*other*/) {}
  PrebuiltIndexes& operator=(const PrebuiltIndexes& other) {
    if (this != &other) {
      tables_.reset();
    }
    return *this;
  }
  PrebuiltIndexes(PrebuiltIndexes&&) = default;
  PrebuiltIndexes& operator=(PrebuiltIndexes&&) = default;
  ~PrebuiltIndexes() = default;

  const std::optional<ImageReader>& tables() const { return tables_; }

 private:
  std::optional<ImageReader> tables_;
};

// Writes `rules`, then the tables of its gazetteer index and rule filter, then the numbers of
// its rules' first elements that RuleOrder shares (extractor/match/rule_index.h).
void write_pack_image(ImageWriter& out, const RuleSet& rules, const Gazetteer& gazetteer,
                      const RuleFilter& filter);

// The RuleSet of an image that write_pack_image() wrote, with PrebuiltIndexes at the index
// tables; null when the image is empty or not what this build writes. Without `examples`, the
// RuleSet has none.
std::shared_ptr<const RuleSet> read_pack_image(const PackImage& image, bool examples = true);

}  // namespace kgex
