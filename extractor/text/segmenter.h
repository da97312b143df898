// Sentences and lines of a normalised text.
//
// Lines are split at '\n'; within a line, sentences come from ICU's sentence
// BreakIterator. A line never shares a sentence with another line, so list
// items, table rows and headings without a final period stay apart.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/word_set.h"

namespace kgex {

enum class LineKind {
  kBlank,
  kProse,
  kTableRow,   // starts with '|' (Markdown table)
  kTableRule,  // |---|---|
  kListItem,   // starts with a bullet, '-', '*', or "1." / "1)"
  kHeading,    // short, no final punctuation, or starts with '#'
};

struct Line {
  std::uint32_t begin = 0;  // normalised byte offsets, without the '\n'
  std::uint32_t end = 0;
  LineKind kind = LineKind::kBlank;
};

struct Sentence {
  std::uint32_t begin = 0;  // normalised byte offsets, trimmed of spaces
  std::uint32_t end = 0;
  std::uint32_t line = 0;  // index into the lines
};

struct Segmentation {
  std::vector<Line> lines;
  std::vector<Sentence> sentences;
};

// Holds an ICU sentence BreakIterator. Not thread-safe: one per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // `lettered`: words a capital letter and a period may follow as the name of a kind ("Series
  // A."), where a period ends no middle initial (the layout's lettered_words); none if null.
  Segmentation segment(std::string_view normalized, const WordSet* lettered = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

LineKind classify_line(std::string_view line);

}  // namespace kgex
