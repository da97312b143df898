// Not public: text and number helpers shared by the writers and readers of
// exporters/. Use exporters/exporter.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kgex::exporters {

// `text` as every writer emits it: valid UTF-8 (invalid bytes dropped), without
// U+0000-U+001F other than tab and LF, without U+FFFE/U+FFFF, and with CR LF
// and lone CR turned into LF. XML 1.0 forbids those characters even escaped,
// and XML parsers turn CR into LF, so every format carries the same text.
std::string clean_text(std::string_view text);

// clean_text(text) between double quotes, with '"', '\\' and line feeds
// escaped by a backslash and each tab written as `tab`: the quoted strings of
// DOT and N-Triples.
std::string backslash_quoted(std::string_view text, std::string_view tab);
// The same, appended to `out`.
void append_backslash_quoted(std::string& out, std::string_view text, std::string_view tab);

// XML 1.0's Char production: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
bool is_xml_char(char32_t c);

// Where `text` holds something no writer emits and XML 1.0 forbids: an invalid
// UTF-8 sequence or a code point outside is_xml_char(). Readers refuse such
// text instead of cleaning it, so what they accept writes back unchanged.
struct ForbiddenText {
  std::size_t offset;  // byte offset in `text`
  std::string what;    // "invalid UTF-8" or "character U+0001"
};
std::optional<ForbiddenText> find_forbidden_text(std::string_view text);

// `value` with exactly 4 decimals ("0.9000"), locale-independent. Values that
// are not finite are written as 0.
std::string format_decimal(double value);
// The value a reader gets back from format_decimal(value).
double rounded(double value);
// The canonical xsd:double form of JSON-LD's RDF conversion ("9.0E-1", "1.0E0").
std::string canonical_double(double value);

// Whole-string parses; nullopt on anything else (signs, spaces, trailing text).
std::optional<double> parse_double(std::string_view text);
std::optional<std::size_t> parse_count(std::string_view text);

// 1-based line of byte `offset` in `text`.
long line_of(std::string_view text, std::size_t offset);

// Every byte but A-Z a-z 0-9 - . _ ~ as %XX (upper-case hex): safe in any IRI.
std::string percent_encode(std::string_view text);

// True for an absolute IRI ending in '/', '#' or ':' that needs no escaping: a
// scheme, then none of space " < > { } | \ ^ `, control or non-ASCII characters.
bool is_base_iri(std::string_view iri);

// Decodes the UTF-8 code point at `pos` and advances `pos` past it; nullopt
// (advancing one byte) for an invalid or truncated sequence.
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos);

}  // namespace kgex::exporters
