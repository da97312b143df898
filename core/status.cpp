#include "core/status.h"

namespace kgex {

std::string Status::to_string() const {
  std::string out = where_.file;
  auto separate = [&out](const char* sep) {
    if (!out.empty()) {
      out.append(sep);
    }
  };
  if (where_.line > 0) {
    out.append(":").append(std::to_string(where_.line));
  }
  if (!where_.pointer.empty()) {
    separate(": ");
    out.append(where_.pointer);
  }
  if (where_.offset >= 0) {
    separate(": ");
    out.append("byte ").append(std::to_string(where_.offset));
  }
  separate(": ");
  out.append(message_);
  return out;
}

Status Status::in_file(const std::string& file) const {
  Status copy = *this;
  if (copy.where_.file.empty()) {
    copy.where_.file = file;
  }
  return copy;
}

}  // namespace kgex
