// kgex extract PATH... -o FILE: articles in, graph files out.
#include <deque>
#include <future>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/document_stream.h"
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
  bool jsonl = false;
  unsigned jobs = 0;
};

struct Outcome {
  SourceDocument doc;
  Result<Extraction> extraction;
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
  const Result<std::optional<GraphFormat>> chosen = forced_format(opt.format);
  if (!chosen.ok()) {
    return report(chosen.status());
  }
  const std::optional<GraphFormat> forced = chosen.value();
  for (const std::string& out : opt.outputs) {
    Result<GraphFormat> f = output_format(out, forced);
    if (!f.ok()) {
      return report(f.status().in_file(out));
    }
  }
  Result<Extractor> extractor = extractor_for(opt.rules);
  if (!extractor.ok()) {
    return report(extractor.status());
  }
  // Each input is expanded on its own: a missing one is reported and the rest go on.
  std::size_t failed = 0;
  std::vector<std::string> inputs;
  for (const std::string& given : opt.inputs) {
    Result<std::vector<std::string>> found =
        opt.jsonl ? std::vector<std::string>{given} : expand_inputs({given});
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
  DocumentStream stream(inputs, opt.jsonl);
  const Extractor& ex = extractor.value();
  auto run_one = [&ex, &options](SourceDocument doc) {
    Outcome out{std::move(doc), Status()};
    if (out.doc.error.ok()) {
      out.extraction = ex.extract({out.doc.id, out.doc.text}, options);
    }
    out.doc.text.clear();
    return out;
  };
  // Documents are extracted `jobs` at a time and merged in input order, so the
  // output is the same for every -j.
  const std::size_t jobs =
      opt.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : opt.jobs;
  std::deque<std::future<Outcome>> in_flight;
  while (true) {
    while (in_flight.size() < 2 * jobs) {
      std::optional<SourceDocument> next = stream.next();
      if (!next) {
        break;
      }
      in_flight.push_back(std::async(jobs > 1 ? std::launch::async : std::launch::deferred, run_one,
                                     std::move(*next)));
    }
    if (in_flight.empty()) {
      break;
    }
    Outcome got = in_flight.front().get();
    in_flight.pop_front();
    if (!got.doc.error.ok()) {
      report(got.doc.error);
      ++failed;
      continue;
    }
    if (!got.extraction.ok()) {
      report(got.extraction.status().in_file(got.doc.id));
      ++failed;
      continue;
    }
    for (const std::string& w : got.extraction.value().warnings) {
      std::cerr << "kgex: warning: " << w << "\n";
    }
    if (got.extraction.value().skipped) {
      continue;
    }
    for (const TraceLine& t : got.extraction.value().trace) {
      trace_out << t.what << "\n  rule: " << t.rule << "\n  matched: " << t.matched
                << "\n  sentence: " << t.sentence << "\n";
    }
    ++documents;
    graph.merge(got.extraction.value().graph);
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
      ->type_name("FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--format", opt->format,
                  "Force the output format (graphml, gexf, jsonld, dot, nt, csv)");
  sub->add_option("--min-confidence", opt->min_confidence, "Drop relations below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_flag("--explain", opt->explain,
                "Print the rule, tokens and sentence behind each entity and relation");
  sub->add_flag("--strict", opt->strict, "Treat invalid UTF-8 as an error instead of a warning");
  sub->add_flag("-q,--quiet", opt->quiet, "Do not print the summary line");
  sub->add_flag("--jsonl", opt->jsonl,
                R"(Inputs are JSON Lines: one {"id": ..., "text": ..., "title"?: ...} per line)");
  sub->add_option("-j,--jobs", opt->jobs,
                  "Documents extracted in parallel (default: the number of cores)");
  add_rules_options(*sub, opt->rules);
  registry.add(sub, [opt] { return run_extract(*opt); });
}

}  // namespace kgex::cli
