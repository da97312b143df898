#include "exporters/detail/xml_stream.h"

#include <cstdint>

#include "exporters/detail/word_scan.h"

namespace kgex::exporters {
namespace {

// The bytes that may need escaping, as word_scan::find_marked() takes them: for an attribute
// value '&', '<', '"' and every byte below 32; for text '&', '<', '>' and the bytes below 32.
template <bool Attribute>
struct MayEscape {
  static constexpr unsigned char kThird = Attribute ? '"' : '>';
  std::uint64_t operator()(std::uint64_t w) const {
    using namespace word_scan;
    return below_space(w) | bytes_equal(w, '&') | bytes_equal(w, '<') | bytes_equal(w, kThird);
  }
#if defined(__SSE2__)
  __m128i operator()(__m128i v) const {
    using namespace word_scan;
    return _mm_or_si128(_mm_or_si128(below_space(v), bytes_equal(v, '&')),
                        _mm_or_si128(bytes_equal(v, '<'), bytes_equal(v, kThird)));
  }
#endif
};

// Appends `s` up to its first NUL, with the bytes that `Attribute` selects escaped: for an
// attribute value '&', '<', '"' and every byte below 32; for text '&', '<', '>' and the bytes
// below 32 other than tab, LF and CR. The bytes between those that may need escaping are
// found sixteen or eight at a time and copied whole.
template <bool Attribute>
void append_escaped(std::string& out, std::string_view s) {
  const MayEscape<Attribute> may_escape;
  std::size_t run = 0;  // start of the bytes not yet appended
  std::size_t i = 0;
  while ((i = word_scan::find_marked(s, i, may_escape)) < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\0') {
      break;
    }
    if (!Attribute && (c == '\t' || c == '\n' || c == '\r')) {
      ++i;
      continue;
    }
    out.append(s, run, i - run);
    run = ++i;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:  // a byte below 32, as pugixml writes it: two decimal digits
        out += "&#";
        out += static_cast<char>('0' + c / 10);
        out += static_cast<char>('0' + c % 10);
        out += ';';
    }
  }
  out.append(s, run, i - run);
}

// Escapes the bytes of `out` from `from` on as append_escaped<Attribute>() would have appended
// them. append_escaped() copies the bytes before the first one that may need escaping as they are,
// and what it does from there on does not depend on them: only the rest is escaped again, from a
// copy in `scratch`.
template <bool Attribute>
void escape_in_place(std::string& out, std::size_t from, std::string& scratch) {
  const std::string_view appended = std::string_view(out).substr(from);
  const std::size_t first = word_scan::find_marked(appended, 0, MayEscape<Attribute>{});
  if (first == appended.size()) {
    return;
  }
  scratch.assign(appended.substr(first));
  out.resize(from + first);
  append_escaped<Attribute>(out, scratch);
}

}  // namespace

void append_xml_attribute(std::string& out, std::string_view value) {
  append_escaped<true>(out, value);
}

void append_xml_text(std::string& out, std::string_view text) { append_escaped<false>(out, text); }

void XmlStream::escape_text_from(std::size_t from) {
  escape_in_place<false>(element_, from, escaping_);
}

void XmlStream::escape_attribute_from(std::size_t from) {
  escape_in_place<true>(element_, from, escaping_);
}

void XmlStream::indent_element() {
  // Two spaces a level, appended at most kSpaces at a time rather than two at a time.
  static constexpr std::string_view kSpaces = "                                ";
  std::size_t n = 2 * (depth_ + started_.size());
  for (; n > kSpaces.size(); n -= kSpaces.size()) {
    element_ += kSpaces;
  }
  element_.append(kSpaces.data(), n);
}

void XmlStream::begin_child() {
  if (!started_.empty() && started_.back().tag_open) {
    element_ += ">\n";
    started_.back().tag_open = false;
  }
  indent_element();
}

void XmlStream::write_if_done() {
  if (started_.empty()) {
    out_.write(element_.data(), static_cast<std::streamsize>(element_.size()));
    element_.clear();
  }
}

void XmlStream::element(std::string_view name) {
  begin_child();
  element_ += '<';
  element_ += name;
  started_.push_back({name});
}

void XmlStream::attribute(std::string_view name, std::string_view value) {
  element_ += ' ';
  element_ += name;
  element_ += "=\"";
  append_xml_attribute(element_, value);
  element_ += '"';
}

void XmlStream::plain_attribute(std::string_view name, std::string_view value) {
  element_ += ' ';
  element_ += name;
  element_ += "=\"";
  element_ += value;
  element_ += '"';
}

void XmlStream::text(std::string_view text) {
  Started& e = started_.back();
  element_ += '>';
  append_xml_text(element_, text);
  e.tag_open = false;
  e.has_text = true;
}

void XmlStream::end() {
  const Started e = started_.back();
  started_.pop_back();
  if (e.tag_open) {
    element_ += " />\n";
  } else {
    if (!e.has_text) {
      indent_element();
    }
    element_ += "</";
    element_ += e.name;
    element_ += ">\n";
  }
  write_if_done();
}

void XmlStream::text_element(std::string_view name, std::string_view attribute,
                             std::string_view value, std::string_view text) {
  begin_child();
  element_ += '<';
  element_ += name;
  plain_attribute(attribute, value);
  element_ += '>';
  append_xml_text(element_, text);
  element_ += "</";
  element_ += name;
  element_ += ">\n";
  write_if_done();
}

}  // namespace kgex::exporters
