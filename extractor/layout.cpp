#include "extractor/layout.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/utf8.h"
#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

constexpr int kMinProseBeforeMarker = 2;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2025.04.04", "2025-04-04", "2025/4/4" or "12:15". One pass for both forms: both start with
// two digits, which most bytes are not.
bool has_stamp(std::string_view s) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (!is_digit(s[i]) || !is_digit(s[i + 1])) {
      continue;
    }
    if (is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
        (s[i + 4] == '.' || s[i + 4] == '-' || s[i + 4] == '/') && i + 6 < s.size() &&
        is_digit(s[i + 5])) {
      return true;
    }
    if (s[i + 2] == ':' && is_digit(s[i + 3]) && is_digit(s[i + 4])) {
      return true;
    }
  }
  return false;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_listing_line(std::string_view line) {
  line = trimmed(line);
  return !line.empty() && has_stamp(line) && (is_digit(line.front()) || is_digit(line.back()));
}

constexpr std::size_t kArticleLineLength = 60;

bool resumes_article(const DocumentAnalysis& doc, const Line& line) {
  const std::string_view text = trimmed(doc.normalized(line.begin, line.end));
  return line.kind == LineKind::kProse && count_code_points_utf8(text) >= kArticleLineLength &&
         !has_stamp(text);
}

// A short line that is a heading of one of `layout`'s section lists, read without its bullets,
// spaces and colon ("■ 자격 요건", "Requirements:"): 1 for a skipped section's, 2 for another's.
int section_heading(const DocumentAnalysis& doc, const Layout& layout, const Line& line) {
  constexpr std::size_t kMaxHeading = 24;
  const std::string_view text = trimmed(doc.normalized(line.begin, line.end));
  if (line.kind == LineKind::kBlank || text.empty() || count_code_points_utf8(text) > kMaxHeading) {
    return 0;
  }
  std::string compact = fold_case(text);
  std::erase(compact, ' ');
  const auto within = [&](const WordSet& set) {
    return std::any_of(set.begin(), set.end(),
                       [&](std::string_view m) { return compact.find(m) != std::string::npos; });
  };
  if (!within(layout.skipped_sections) && !within(layout.posting_markers)) {
    return 0;
  }
  std::string heading;
  for (const Token& t : tokenize(doc.norm.text, line.begin, line.end, nullptr)) {
    if (t.script != Script::kPunct) {
      heading += fold_case(t.text);
    }
  }
  return layout.skipped_sections.contains(heading)  ? 1
         : layout.posting_markers.contains(heading) ? 2
                                                    : 0;
}

// Whether a line opens with a bullet that marks a heading: "■ 팀 리드 한마디", "▶ 말다리".
bool bullet_heading(std::string_view text) {
  for (const std::string_view mark : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F",
                                      "\xE2\x97\x86", "\xE2\x96\xB6", "\xE2\x96\xB7"}) {
    if (text.starts_with(mark)) {
      return true;
    }
  }
  return false;
}

// Whether a line opens with a heading's mark: a bullet, or Markdown's "## Benefits" or a
// bracketed "[복지]".
bool marked_heading(std::string_view text) {
  return bullet_heading(text) || text.starts_with('#') || text.starts_with('[');
}

// Whether a line opens like an item of a digest: a bullet, a circled number (①) or a numbering
// ("3.", "2)"). Brackets open time stamps of transcripts and Markdown headings sections of one
// story, so neither counts.
bool item_heading(std::string_view line) {
  constexpr std::size_t kMaxItemHeading = 240;  // bytes: a heading, not a paragraph
  if (line.empty() || line.size() > kMaxItemHeading) {
    return false;
  }
  if (bullet_heading(line)) {
    return true;
  }
  // ① .. ⑳ are U+2460 .. U+2473: E2 91 A0 .. E2 91 B3.
  if (line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xE2 &&
      static_cast<unsigned char>(line[1]) == 0x91 && static_cast<unsigned char>(line[2]) >= 0xA0 &&
      static_cast<unsigned char>(line[2]) <= 0xB3) {
    return true;
  }
  std::size_t digits = 0;
  while (digits < line.size() && is_digit(line[digits])) {
    ++digits;
  }
  return digits > 0 && digits <= 2 && digits + 1 < line.size() &&
         (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
}

// Whether a sentence opens with an interview marker and a full stop or a colon ("Q.", "A:").
bool interview_line(const Layout& layout, const SentenceAnalysis& s) {
  return s.tokens.size() >= 2 && layout.interview_markers.contains(s.tokens[0].folded) &&
         (s.tokens[1].text == "." || s.tokens[1].text == ":");
}

// Sections about the reader, from a skipped heading to the next heading: one of either list, or
// a line that opens with a heading's mark.
void mark_skipped_sections(const DocumentAnalysis& doc, const Layout& layout,
                           std::vector<bool>& out) {
  if (layout.skipped_sections.empty()) {
    return;
  }
  const auto& lines = doc.segmentation.lines;
  bool skipping = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int heading = section_heading(doc, layout, lines[i]);
    if (heading != 0) {
      skipping = heading == 1;
    } else if (skipping && marked_heading(trimmed(doc.normalized(lines[i].begin, lines[i].end)))) {
      skipping = false;
    }
    if (skipping) {
      out[i] = true;
    }
  }
}

}  // namespace

DocumentKind document_kind(const DocumentAnalysis& doc, const Layout& layout,
                           const std::vector<int>& first_org) {
  constexpr int kInterviewLines = 4;
  constexpr int kPostingLines = 3;
  constexpr std::size_t kDigestItems = 3;
  int interview_lines = 0;
  std::uint32_t last_line = UINT32_MAX;
  for (const SentenceAnalysis& s : doc.sentences) {
    if (s.span.line != last_line && interview_line(layout, s)) {
      ++interview_lines;
    }
    last_line = s.span.line;
  }
  int posting_lines = 0;
  std::set<int> items;
  for (std::size_t l = 0; l < doc.segmentation.lines.size(); ++l) {
    const Line& line = doc.segmentation.lines[l];
    if (!layout.posting_markers.empty() && section_heading(doc, layout, line) != 0) {
      ++posting_lines;
    }
    if (first_org[l] >= 0 && item_heading(trimmed(doc.normalized(line.begin, line.end)))) {
      items.insert(first_org[l]);
    }
  }
  return DocumentKind{.interview = interview_lines >= kInterviewLines,
                      .posting = posting_lines >= kPostingLines,
                      .digest = items.size() >= kDigestItems};
}

std::vector<bool> find_boilerplate(const DocumentAnalysis& doc, const Layout& layout) {
  const auto& lines = doc.segmentation.lines;
  std::vector<bool> out(lines.size(), false);
  std::size_t first_content = 0;
  while (first_content < lines.size() && lines[first_content].kind == LineKind::kBlank) {
    ++first_content;
  }
  // A marker opens the page's tail only after some of the article: navigation
  // bars at the top of a scraped page carry the same words ("구독하기", "댓글").
  int prose_before = 0;
  for (std::size_t i = first_content + 1; i < lines.size(); ++i) {
    std::string_view line = doc.normalized(lines[i].begin, lines[i].end);
    if (lines[i].kind == LineKind::kProse || lines[i].kind == LineKind::kListItem) {
      ++prose_before;
    }
    if (lines[i].kind == LineKind::kBlank || count_code_points_utf8(trimmed(line)) > 40 ||
        prose_before < kMinProseBeforeMarker) {
      continue;
    }
    // A marker is a token of the line, or the whole line written with spaces ("관련 글",
    // "많이 본 뉴스" for 관련글, 많이본뉴스). Either is found in the folded line without its
    // spaces; most lines hold none and need no tokens.
    std::string compact = fold_case(trimmed(line));
    std::erase(compact, ' ');
    if (std::none_of(layout.boilerplate_markers.begin(), layout.boilerplate_markers.end(),
                     [&](std::string_view m) { return compact.find(m) != std::string::npos; })) {
      continue;
    }
    const std::vector<Token> tokens =
        tokenize(doc.norm.text, lines[i].begin, lines[i].end, nullptr);
    const bool marker = layout.boilerplate_markers.contains(compact) ||
                        std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
                          return layout.boilerplate_markers.contains(t.folded);
                        });
    if (marker) {
      // The block runs until the article resumes: a long prose line without a
      // time stamp ("관련기사" boxes sit inside articles; comment sections end them).
      std::size_t end = i + 1;
      while (end < lines.size() && !resumes_article(doc, lines[end])) {
        ++end;
      }
      std::fill(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(end), true);
      i = end;
    }
  }
  mark_skipped_sections(doc, layout, out);
  std::size_t run_start = 0;
  std::size_t run = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && lines[i].kind == LineKind::kBlank) {
      continue;
    }
    const bool listing =
        i < lines.size() && is_listing_line(doc.normalized(lines[i].begin, lines[i].end));
    if (listing) {
      if (run == 0) {
        run_start = i;
      }
      ++run;
      continue;
    }
    if (run >= 2) {
      std::fill(out.begin() + static_cast<long>(run_start), out.begin() + static_cast<long>(i),
                true);
    }
    run = 0;
  }
  return out;
}

std::vector<MentionCandidate> table_mentions(const DocumentAnalysis& doc, const Layout& layout) {
  std::vector<MentionCandidate> out;
  std::vector<std::pair<std::size_t, EntityType>> columns;  // cell index -> type
  bool in_table = false;
  std::uint32_t previous_line = 0;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    if (!s.table_row || s.boilerplate) {
      in_table = false;
      continue;
    }
    // Cells: token ranges between '|' tokens.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cells;
    std::uint32_t start = 0;
    bool opened = false;
    for (std::uint32_t k = 0; k < s.tokens.size(); ++k) {
      if (s.tokens[k].text == "|") {
        if (opened) {
          cells.emplace_back(start, k);
        }
        opened = true;
        start = k + 1;
      }
    }
    const bool rule_row = std::all_of(cells.begin(), cells.end(), [&](const auto& c) {
      for (std::uint32_t k = c.first; k < c.second; ++k) {
        if (s.tokens[k].text != "-" && s.tokens[k].text != ":") {
          return false;
        }
      }
      return true;
    });
    const bool continues = in_table && s.span.line <= previous_line + 1;
    previous_line = s.span.line;
    if (rule_row) {
      continue;
    }
    if (!continues) {
      in_table = true;
      columns.clear();
      for (std::size_t c = 0; c < cells.size(); ++c) {
        for (std::uint32_t k = cells[c].first; k < cells[c].second; ++k) {
          auto it = std::find_if(layout.table_columns.begin(), layout.table_columns.end(),
                                 [&](const auto& tc) { return tc.first == s.tokens[k].folded; });
          if (it != layout.table_columns.end()) {
            columns.emplace_back(c, it->second);
            break;
          }
        }
      }
      continue;
    }
    for (const auto& [c, type] : columns) {
      if (c >= cells.size()) {
        continue;
      }
      std::uint32_t b = cells[c].first;
      std::uint32_t e = cells[c].second;
      for (std::uint32_t k = b; k < e; ++k) {
        if (s.tokens[k].text == "(") {
          e = k;
          break;
        }
      }
      if (b >= e) {
        continue;
      }
      MentionCandidate m;
      m.sentence = si;
      m.begin = b;
      m.end = e;
      m.type = type;
      m.priority = 200;
      m.rule = "table";
      m.surface = std::string(doc.normalized(s.tokens[b].begin, s.tokens[e - 1].base_end));
      m.canonical = m.surface;
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace kgex
