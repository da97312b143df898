// XmlStream's elements against pugixml printing the same tree: every byte value in
// attributes and text (passed whole or appended in place), empty elements, text-only elements
// and nesting.
#include "exporters/detail/xml_stream.h"

#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <random>
#include <sstream>
#include <string>

namespace kgex::exporters {
namespace {

// A random string of bytes 1-255, with a NUL now and then (both writers stop there).
std::string random_bytes(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(static_cast<std::size_t>(length(rng)), ' ');
  for (char& c : s) {
    c = static_cast<char>(byte(rng) == 0 ? 0 : 1 + byte(rng) % 255);
  }
  return s;
}

// The same random element with `depth` levels below it, built in `parent` and written to
// `xml`.
void add_element(std::mt19937& rng, int depth, pugi::xml_node parent, XmlStream& xml) {
  static const char* const kNames[] = {"node", "data", "viz:color"};
  const char* name = kNames[rng() % 3];
  pugi::xml_node node = parent.append_child(name);
  xml.element(name);
  for (std::uint32_t a = rng() % 3; a > 0; --a) {
    const std::string attribute = "a" + std::to_string(a);
    const std::string value = random_bytes(rng);
    node.append_attribute(attribute.c_str()).set_value(value.c_str());
    if (rng() % 2 == 0) {
      xml.attribute(attribute, value);
    } else {  // appended in place, then escaped there
      xml.attribute_appended(attribute, [&](std::string& out) { out += value; });
    }
  }
  if (rng() % 4 == 0) {  // a value that needs no escaping
    const std::string value = std::to_string(rng() % 1000);
    node.append_attribute("n").set_value(value.c_str());
    xml.plain_attribute("n", value);
  }
  const std::uint32_t content = depth > 0 ? rng() % 4 : rng() % 2;
  if (content == 3) {  // leaves with one attribute and text, written by text_element()
    for (std::uint32_t c = 1 + rng() % 3; c > 0; --c) {
      std::string text = random_bytes(rng);
      text = text.substr(0, text.find('\0'));
      if (text.empty()) {  // pugixml prints no empty text
        continue;
      }
      const std::string key = "k" + std::to_string(rng() % 100);
      pugi::xml_node leaf = node.append_child("data");
      leaf.append_attribute("key").set_value(key.c_str());
      leaf.text().set(text.c_str());
      if (rng() % 2 == 0) {
        xml.text_element("data", "key", key, text);
      } else {
        xml.text_element_appended("data", "key", key, [&](std::string& out) { out += text; });
      }
    }
  } else if (content == 1) {
    std::string text = random_bytes(rng);
    text = text.substr(0, text.find('\0'));
    if (!text.empty()) {  // pugixml prints no empty text
      node.text().set(text.c_str());
      xml.text(text);
    }
  } else if (content == 2) {
    for (std::uint32_t c = 1 + rng() % 3; c > 0; --c) {
      add_element(rng, depth - 1, node, xml);
    }
  }
  xml.end();
}

TEST_CASE("XmlStream writes elements as pugixml prints them") {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    CAPTURE(round);
    std::ostringstream direct;
    XmlStream xml(direct);
    xml.open("graph", R"(id="kgex")");
    pugi::xml_document doc;
    add_element(rng, round % 4, doc, xml);
    std::ostringstream printed;
    printed << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graph id=\"kgex\">\n";
    doc.first_child().print(printed, "  ", pugi::format_default, pugi::encoding_utf8, 1);
    xml.close();
    printed << "</graph>\n";
    REQUIRE(direct.str() == printed.str());
  }
}

TEST_CASE("XML escaping of attribute values and text") {
  std::string out;
  append_xml_attribute(out, "a&b<c>d\"e'f\tg\nh");
  CHECK(out == "a&amp;b&lt;c>d&quot;e'f&#09;g&#10;h");
  out.clear();
  append_xml_text(out, std::string("a&b<c>d\"e\tf\ng\x01h\0i", 16));
  CHECK(out == "a&amp;b&lt;c&gt;d\"e\tf\ng&#01;h");
}

}  // namespace
}  // namespace kgex::exporters
