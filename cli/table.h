// Tabular output for the query commands: an aligned table on a terminal, TSV
// when piped, or JSON (schemas/query-output.schema.json).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"

namespace kgex::cli {

enum class OutputFormat { kTable, kTsv, kJson };

// "table", "tsv", "json", or "" for the default (table on a terminal, else TSV).
Result<OutputFormat> output_format_for(const std::string& name);

struct EntityCard {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::size_t mentions = 0;
};

struct Table {
  std::string command;
  std::vector<EntityCard> entities;  // entity cards shown above the rows
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  void print(std::ostream& out, OutputFormat format) const;
};

// Terminal columns a string takes: East Asian wide and full-width characters count two.
std::size_t display_width(const std::string& text);

}  // namespace kgex::cli
