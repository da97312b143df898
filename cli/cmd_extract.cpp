// kgex extract PATH... -o FILE: articles in, graph files out.
#include <iostream>
#include <map>
#include <optional>

#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/graph_files.h"
#include "cli/rules_options.h"
#include "extractor/extractor.h"

namespace kgex::cli {
namespace {

struct ExtractOptionsCli {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::string format;
  RulesOptions rules;
  double min_confidence = 0.0;
  bool explain = false;
  bool strict = false;
  bool quiet = false;
};

std::string summary(const KnowledgeGraph& graph, std::size_t documents) {
  std::map<std::string, int> entities;
  std::map<std::string, int> relations;
  for (EntityId id = 0; id < graph.entity_count(); ++id) {
    ++entities[std::string(to_string(graph.entity(id).type))];
  }
  for (const RelationView& r : graph.relations()) {
    ++relations[std::string(to_string(r.relation->type))];
  }
  auto list = [](const std::map<std::string, int>& counts) {
    std::string out;
    for (const auto& [name, n] : counts) {
      out += (out.empty() ? "" : ", ") + name + " " + std::to_string(n);
    }
    return out.empty() ? std::string() : " (" + out + ")";
  };
  return std::to_string(documents) + " documents, " + std::to_string(graph.entity_count()) +
         " entities" + list(entities) + ", " + std::to_string(graph.relation_count()) +
         " relations" + list(relations);
}

int run_extract(const ExtractOptionsCli& opt) {
  std::optional<GraphFormat> forced;
  if (!opt.format.empty()) {
    Result<GraphFormat> f = parse_format(opt.format);
    if (!f.ok()) {
      return report(f.status());
    }
    forced = f.value();
  }
  for (const std::string& out : opt.outputs) {
    Result<GraphFormat> f = output_format(out, forced);
    if (!f.ok()) {
      return report(f.status().in_file(out));
    }
  }
  auto rules = load_rules_for(opt.rules);
  if (!rules.ok()) {
    return report(rules.status());
  }
  Result<Extractor> extractor = Extractor::create(rules.value());
  if (!extractor.ok()) {
    return report(extractor.status());
  }
  // Each input is expanded on its own: a missing one is reported and the rest go on.
  std::size_t failed = 0;
  std::vector<std::string> inputs;
  for (const std::string& given : opt.inputs) {
    Result<std::vector<std::string>> found = expand_inputs({given});
    if (!found.ok()) {
      report(found.status());
      ++failed;
      continue;
    }
    inputs.insert(inputs.end(), found.value().begin(), found.value().end());
  }
  ExtractOptions options;
  options.min_confidence = opt.min_confidence;
  options.explain = opt.explain;
  options.strict = opt.strict;
  std::ostream& trace_out =
      std::find(opt.outputs.begin(), opt.outputs.end(), "-") != opt.outputs.end() ? std::cerr
                                                                                  : std::cout;
  KnowledgeGraph graph;
  std::size_t documents = 0;
  for (const std::string& path : inputs) {
    Result<std::string> text = read_file(path);
    if (!text.ok()) {
      report(text.status());
      ++failed;
      continue;
    }
    Result<Extraction> got =
        extractor.value().extract({path == "-" ? "stdin" : path, text.value()}, options);
    if (!got.ok()) {
      report(got.status().in_file(path));
      ++failed;
      continue;
    }
    for (const std::string& w : got.value().warnings) {
      std::cerr << "kgex: warning: " << w << "\n";
    }
    if (got.value().skipped) {
      continue;
    }
    for (const TraceLine& t : got.value().trace) {
      trace_out << t.what << "\n  rule: " << t.rule << "\n  matched: " << t.matched
                << "\n  sentence: " << t.sentence << "\n";
    }
    ++documents;
    graph.merge(got.value().graph);
  }
  for (const std::string& out : opt.outputs) {
    Status s = write_graph_file(graph, out, forced);
    if (!s.ok()) {
      return report(s);
    }
  }
  if (!opt.quiet) {
    std::cerr << "kgex: " << summary(graph, documents) << "\n";
  }
  if (failed > 0) {
    std::cerr << "kgex: " << failed << " of " << failed + documents << " inputs failed\n";
    return kExitNothing;
  }
  return kExitOk;
}

}  // namespace

void setup_extract(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<ExtractOptionsCli>();
  CLI::App* sub = app.add_subcommand(
      "extract", "Extract entities and relations from articles into graph files");
  sub->add_option("inputs", opt->inputs,
                  "Text files, folders (their .txt files, recursively) or - for stdin")
      ->required();
  sub->add_option(
         "-o,--output", opt->outputs,
         "Output file; format by extension (.graphml .gexf .jsonld .dot .nt .csv), - for stdout")
      ->type_name("FILE");
  sub->add_option("--format", opt->format,
                  "Force the output format (graphml, gexf, jsonld, dot, nt, csv)");
  sub->add_option("--min-confidence", opt->min_confidence, "Drop relations below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_flag("--explain", opt->explain,
                "Print the rule, tokens and sentence behind each entity and relation");
  sub->add_flag("--strict", opt->strict, "Treat invalid UTF-8 as an error instead of a warning");
  sub->add_flag("-q,--quiet", opt->quiet, "Do not print the summary line");
  add_rules_options(*sub, opt->rules);
  registry.add(sub, [opt] { return run_extract(*opt); });
}

}  // namespace kgex::cli
