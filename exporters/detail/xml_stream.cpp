#include "exporters/detail/xml_stream.h"

#include <cstdint>
#include <cstring>

namespace kgex::exporters {
namespace {

// Whether a byte of `w` may need escaping: below 0x20, or '&', '<' or `third`. False positives
// (a borrow between bytes) only send a word to the byte-by-byte loop.
bool may_escape(std::uint64_t w, unsigned char third) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHigh = 0x8080808080808080u;
  const auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const auto byte = [](unsigned char c) { return kOnes * c; };
  return (((w - kOnes * 0x20) & ~w & kHigh) | zero_byte(w ^ byte('&')) | zero_byte(w ^ byte('<')) |
          zero_byte(w ^ byte(third))) != 0;
}

// Appends `s` up to its first NUL, with the bytes that `Attribute` selects escaped: for an
// attribute value '&', '<', '"' and every byte below 32; for text '&', '<', '>' and the bytes
// below 32 other than tab, LF and CR. Runs of eight bytes that need none are copied whole.
template <bool Attribute>
void append_escaped(std::string& out, std::string_view s) {
  s = s.substr(0, s.find('\0'));
  constexpr unsigned char kThird = Attribute ? '"' : '>';
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      if (!may_escape(w, kThird)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    const bool control = c < 32 && (Attribute || (c != '\t' && c != '\n' && c != '\r'));
    if (!control && c != '&' && c != '<' && c != kThird) {
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
  out.append(s, run, s.size() - run);
}

}  // namespace

void append_xml_attribute(std::string& out, std::string_view value) {
  append_escaped<true>(out, value);
}

void append_xml_text(std::string& out, std::string_view text) { append_escaped<false>(out, text); }

void XmlStream::indent_element() {
  for (std::size_t i = 0; i < depth_ + started_.size(); ++i) {
    element_ += "  ";
  }
}

void XmlStream::element(std::string_view name) {
  if (!started_.empty() && started_.back().tag_open) {
    element_ += ">\n";
    started_.back().tag_open = false;
  }
  indent_element();
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
  if (started_.empty()) {
    out_.write(element_.data(), static_cast<std::streamsize>(element_.size()));
    element_.clear();
  }
}

}  // namespace kgex::exporters
