// Writes a large XML document one element at a time with pugixml, so that
// memory holds one node or edge element, never a tree of the whole graph.
// The few enclosing elements (<graphml>, <graph>, <nodes>...) are opened and
// closed here with constant markup; every other element is built by pugixml
// in a scratch document and printed, escaped, at the current depth. The
// result is what pugixml's save() prints for the same tree.
#pragma once

#include <ostream>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kgex::exporters {

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
  // A fresh parent for the next element: append exactly one child to it, then print().
  pugi::xml_node scratch() {
    scratch_.reset();
    return scratch_;
  }
  void print() {
    scratch_.first_child().print(out_, "  ", pugi::format_default, pugi::encoding_utf8, depth_);
  }

 private:
  std::ostream& indent() {
    for (unsigned i = 0; i < depth_; ++i) {
      out_ << "  ";
    }
    return out_;
  }

  std::ostream& out_;
  pugi::xml_document scratch_;
  std::vector<std::string> open_;
  unsigned depth_ = 0;
};

}  // namespace kgex::exporters
