// kgex convert IN OUT [--from FMT] [--to FMT]: reads a graph file written by
// kgex (GraphML or JSON-LD) and writes it in any format. OUT is replaced
// atomically; a .csv OUT gives OUT-stem.nodes.csv and OUT-stem.relationships.csv.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/graph_files.h"

namespace kgex::cli {
namespace {

struct ConvertOptions {
  std::string input;
  std::string output;
  std::string from;
  std::string to;
  bool quiet = false;
};

// The format named by `name`, or nullopt when `name` is empty.
Result<std::optional<GraphFormat>> named_format(const std::string& name) {
  if (name.empty()) {
    return std::optional<GraphFormat>();
  }
  Result<GraphFormat> format = parse_format(name);
  if (!format.ok()) {
    return format.status();
  }
  return std::optional<GraphFormat>(format.value());
}

int run_convert(const ConvertOptions& opt) {
  Result<std::optional<GraphFormat>> from = named_format(opt.from);
  if (!from.ok()) {
    return report(from.status());
  }
  Result<std::optional<GraphFormat>> to = named_format(opt.to);
  if (!to.ok()) {
    return report(to.status());
  }
  if (opt.input == "-" && !from.value()) {
    return report(Status(ErrorCode::kInvalidArgument, "reading standard input needs --from"));
  }
  if (opt.output == "-" && !to.value()) {
    return report(Status(ErrorCode::kInvalidArgument, "writing to standard output needs --to"));
  }
  // Check the output format before reading, so a typo costs no work.
  if (Result<GraphFormat> f = output_format(opt.output, to.value()); !f.ok()) {
    return report(f.status().in_file(opt.output));
  }
  Result<KnowledgeGraph> graph = read_graph_file(opt.input, from.value());
  if (!graph.ok()) {
    return report(graph.status());
  }
  if (Status s = write_graph_file(graph.value(), opt.output, to.value()); !s.ok()) {
    return report(s);
  }
  if (!opt.quiet && opt.output != "-") {
    const CsvFileNames csv = csv_file_names(opt.output);
    const bool is_csv = output_format(opt.output, to.value()).value() == GraphFormat::kCsv;
    std::cerr << "kgex: " << graph.value().entity_count() << " entities, "
              << graph.value().relation_count() << " relations written to "
              << (is_csv ? csv.nodes + " and " + csv.relationships : opt.output) << "\n";
  }
  return kExitOk;
}

}  // namespace

void setup_convert(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<ConvertOptions>();
  CLI::App* sub = app.add_subcommand(
      "convert", "Convert a graph file written by kgex (GraphML or JSON-LD) to another format");
  sub->add_option("IN", opt->input, "Input graph file (.graphml or .jsonld), - for stdin")
      ->required();
  sub->add_option("OUT", opt->output,
                  "Output file; format by extension (.graphml .gexf .jsonld .dot .nt .csv), - for "
                  "stdout. A .csv OUT writes OUT-stem.nodes.csv and OUT-stem.relationships.csv")
      ->required();
  sub->add_option("--from", opt->from,
                  "Input format (graphml, jsonld); default: by IN's extension");
  sub->add_option(
      "--to", opt->to,
      "Output format (graphml, gexf, jsonld, dot, nt, csv); default: by OUT's extension");
  sub->add_flag("-q,--quiet", opt->quiet, "Do not print the summary line");
  registry.add(sub, [opt] { return run_convert(*opt); });
}

}  // namespace kgex::cli
