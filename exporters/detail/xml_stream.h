// Writes a large XML document one element at a time, so that memory holds one node or edge
// element, never a tree of the whole graph. The few enclosing elements (<graphml>, <graph>,
// <nodes>...) are opened and closed with constant markup; every other element is written
// with element()/attribute()/text()/end(), escaped and laid out as pugixml's print() lays
// out the same tree (format_default: two spaces per level, " />" closing an empty element,
// an element with text alone on one line), so the result is what pugixml's save() prints.
// It used to build each element in a pugixml scratch document and print it, at several
// allocations per element; a test compares the two on every byte value.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kgex::exporters {

// `value` escaped as pugixml escapes an attribute value ('&', '<', '"' and every byte below
// 32) or element text ('&', '<', '>' and bytes below 32 other than tab, LF and CR), appended
// to `out`. Like pugixml, which takes C strings, it stops at a NUL byte.
void append_xml_attribute(std::string& out, std::string_view value);
void append_xml_text(std::string& out, std::string_view text);

class XmlStream {
 public:
  explicit XmlStream(std::ostream& out) : out_(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  }

  // Opens <name attributes>; `attributes` is constant markup that needs no
  // escaping, such as `id="kgex" edgedefault="directed"`.
  void open(std::string_view name, std::string_view attributes = {}) {
    indent() << '<' << name << (attributes.empty() ? "" : " ") << attributes << ">\n";
    open_.emplace_back(name);
    ++depth_;
  }
  // Closes the innermost open element.
  void close() {
    --depth_;
    indent() << "</" << open_.back() << ">\n";
    open_.pop_back();
  }
  // Starts element `name` (which must outlive its end()): a child of the element started
  // before it and not yet ended, if any. Its attributes follow, then either its text or its
  // child elements, then end().
  void element(std::string_view name);
  void attribute(std::string_view name, std::string_view value);
  // The same for a value that needs no escaping (a number, a name of the model), appended as it
  // is.
  void plain_attribute(std::string_view name, std::string_view value);
  // The element's text; it then has no child elements.
  void text(std::string_view text);
  // Ends the innermost element started; ending the outermost one writes it out.
  void end();
  // What element(name), plain_attribute(attribute, value), text(text) and end() write, for an
  // element with one attribute and text (GraphML's <data key="...">), in one call.
  void text_element(std::string_view name, std::string_view attribute, std::string_view value,
                    std::string_view text);
  // The same for text that `append(std::string&)` appends, written in place in the element and
  // escaped there: no string of its own, and only the bytes from the first one that needs
  // escaping copied again (GraphML's JSON lists, whose cleaned strings rarely hold '&', '<' or
  // '>').
  template <typename Append>
  void text_element_appended(std::string_view name, std::string_view attribute,
                             std::string_view value, Append append) {
    begin_child();
    element_ += '<';
    element_ += name;
    plain_attribute(attribute, value);
    element_ += '>';
    const std::size_t from = element_.size();
    append(element_);
    escape_text_from(from);
    element_ += "</";
    element_ += name;
    element_ += ">\n";
    write_if_done();
  }
  // attribute(name, value) for a value that `append(std::string&)` appends, in place likewise.
  template <typename Append>
  void attribute_appended(std::string_view name, Append append) {
    element_ += ' ';
    element_ += name;
    element_ += "=\"";
    const std::size_t from = element_.size();
    append(element_);
    escape_attribute_from(from);
    element_ += '"';
  }

 private:
  std::ostream& indent() {
    for (unsigned i = 0; i < depth_; ++i) {
      out_ << "  ";
    }
    return out_;
  }
  void indent_element();
  // Closes the start tag of the innermost started element, if still open, and indents a child.
  void begin_child();
  // Writes the outermost element out once no element is started.
  void write_if_done();
  // Escape the bytes of element_ from `from` on as append_xml_text() and
  // append_xml_attribute() would have appended them.
  void escape_text_from(std::size_t from);
  void escape_attribute_from(std::size_t from);

  // An element started and not yet ended.
  struct Started {
    std::string_view name;
    bool tag_open = true;  // its start tag still takes attributes
    bool has_text = false;
  };

  std::ostream& out_;
  std::vector<std::string> open_;
  unsigned depth_ = 0;
  std::vector<Started> started_;
  std::string element_;   // the outermost started element, written out by its end()
  std::string escaping_;  // the escape_*_from() copy of the bytes they escape
};

}  // namespace kgex::exporters
