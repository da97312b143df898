// kgex extract PATH... -o FILE: articles in, graph files out.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <thread>
#include <utility>

#include "cli/commands.h"
#include "cli/document_stream.h"
#include "cli/file_io.h"
#include "cli/graph_files.h"
#include "cli/ordered_map.h"
#include "cli/progress.h"
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
  bool progress = false;  // even when stderr is not a terminal
  bool jsonl = false;
  unsigned jobs = 0;
  InputSelection selection;
};

struct Outcome {
  SourceDocument doc;
  std::size_t bytes = 0;  // the document's text
  Result<Extraction> extraction;
};

// The total size of the inputs when all are files (standard input has none).
std::optional<std::uint64_t> total_size(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  for (const std::string& path : inputs) {
    std::error_code ec;
    const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
    if (path == "-" || ec) {
      return std::nullopt;
    }
    total += size;
  }
  return total;
}

// Formats by the size of their files for the same graph, largest first (N-Triples
// is about 3.5 times JSON-LD, which is twice GraphML). Output files are written
// in this order, so that with several at a time the longest does not start last.
constexpr std::array kLargestFirst = {GraphFormat::kNTriples, GraphFormat::kJsonLd,
                                      GraphFormat::kGraphML,  GraphFormat::kGexf,
                                      GraphFormat::kCsv,      GraphFormat::kDot};

std::size_t size_rank(GraphFormat format) {
  return static_cast<std::size_t>(std::distance(
      kLargestFirst.begin(), std::find(kLargestFirst.begin(), kLargestFirst.end(), format)));
}

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
  std::vector<GraphFormat> formats;
  for (const std::string& out : opt.outputs) {
    Result<GraphFormat> f = output_format(out, forced);
    if (!f.ok()) {
      return report(f.status().in_file(out));
    }
    formats.push_back(f.value());
  }
  Result<Extractor> made = extractor_for(opt.rules);
  if (!made.ok()) {
    return report(made.status());
  }
  // The rules and their indexes are left for the end of the process to reclaim: freeing their
  // tens of thousands of allocations was 6% of the instructions of a run over two articles,
  // and the process ends after this command. The holder stays reachable, so leak checkers
  // (valgrind, LeakSanitizer) do not count it as lost.
  static auto* const kept = new std::optional<Extractor>();
  *kept = std::move(made).value();
  InputSelection selection = opt.selection;
  for (std::string& ext : selection.extensions) {
    if (!ext.starts_with('.')) {
      ext.insert(0, ".");
    }
  }
  // Each input is expanded on its own: a missing one is reported and the rest go on.
  std::size_t failed = 0;
  std::vector<std::string> inputs;
  for (const std::string& given : opt.inputs) {
    Result<std::vector<std::string>> found =
        opt.jsonl ? std::vector<std::string>{given} : expand_inputs({given}, selection);
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
  options.document_only = true;  // each document joins `graph` directly
  std::ostream& trace_out =
      std::find(opt.outputs.begin(), opt.outputs.end(), "-") != opt.outputs.end() ? std::cerr
                                                                                  : std::cout;
  KnowledgeGraph graph;
  std::size_t documents = 0;
  DocumentStream stream(inputs, opt.jsonl);
  const Extractor& ex = **kept;
  auto run_one = [&ex, &options](SourceDocument doc) {
    const std::size_t bytes = doc.text.size();
    Outcome out{std::move(doc), bytes, Status()};
    if (out.doc.error.ok()) {
      out.extraction = ex.extract({out.doc.id, out.doc.text}, options);
    }
    out.doc.text.clear();
    return out;
  };
  // Documents are extracted `jobs` at a time and merged in input order, so the
  // output is the same for every -j; a worker merges, while the others extract
  // (ordered_map has no collecting thread competing with them for the cores).
  const std::size_t jobs =
      opt.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : opt.jobs;
  Progress progress(std::cerr, !opt.quiet && (opt.progress || isatty(STDERR_FILENO) == 1),
                    !opt.progress, opt.jsonl ? std::nullopt : total_size(inputs));
  ordered_map(
      jobs, [&stream] { return stream.next_pending(); },
      [&run_one](const PendingDocument& pending) { return run_one(DocumentStream::load(pending)); },
      [&](Outcome got) {
        progress.add(got.bytes);
        if (!got.doc.error.ok() || !got.extraction.ok() ||
            !got.extraction.value().warnings.empty()) {
          progress.clear();  // a message starts on a line of its own
        }
        if (!got.doc.error.ok()) {
          report(got.doc.error);
          ++failed;
          return;
        }
        if (!got.extraction.ok()) {
          report(got.extraction.status().in_file(got.doc.id));
          ++failed;
          return;
        }
        for (const std::string& w : got.extraction.value().warnings) {
          std::cerr << "kgex: warning: " << w << "\n";
        }
        if (got.extraction.value().skipped) {
          return;
        }
        for (const TraceLine& t : got.extraction.value().trace) {
          trace_out << t.what << "\n  rule: " << t.rule << "\n  matched: " << t.matched
                    << "\n  sentence: " << t.sentence << "\n";
        }
        ++documents;
        graph.add(std::move(got.extraction.value().document));
      });
  progress.finish();
  // The output files are written side by side, `jobs` at a time (one by one
  // when one is standard output), largest format first; the first failure in
  // the order given is reported.
  const bool to_stdout =
      std::find(opt.outputs.begin(), opt.outputs.end(), "-") != opt.outputs.end();
  std::vector<std::size_t> write_order(opt.outputs.size());
  std::iota(write_order.begin(), write_order.end(), std::size_t{0});
  std::stable_sort(write_order.begin(), write_order.end(), [&](std::size_t a, std::size_t b) {
    return size_rank(formats[a]) < size_rank(formats[b]);
  });
  std::vector<Status> written(opt.outputs.size());
  std::size_t next_output = 0;
  const GraphNames names(graph);
  ordered_map(
      to_stdout ? 1 : jobs,
      [&]() -> std::optional<std::size_t> {
        return next_output < write_order.size() ? std::optional(write_order[next_output++])
                                                : std::nullopt;
      },
      [&](std::size_t i) { return std::pair(i, write_graph_file(names, opt.outputs[i], forced)); },
      [&](std::pair<std::size_t, Status> w) { written[w.first] = std::move(w.second); });
  for (const Status& s : written) {
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
  sub->add_option(
         "inputs", opt->inputs,
         "Text files, folders (read recursively; see --ext, --include, --exclude) or - for stdin")
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
  sub->add_flag("-q,--quiet", opt->quiet, "Print neither progress nor the summary line");
  sub->add_flag("--progress", opt->progress,
                "Print progress to stderr even when it is not a terminal (a line now and then)");
  sub->add_option("--ext", opt->selection.extensions,
                  "Extensions of the files read from folders, with or without the dot "
                  "(default: .txt)")
      ->type_name("EXT")
      ->allow_extra_args(false);
  sub->add_option("--include", opt->selection.include,
                  "Read only files of folders that match this glob (path below the folder or "
                  "file name; '*' crosses '/'); replaces --ext")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  sub->add_option("--exclude", opt->selection.exclude,
                  "Skip files and folders that match this glob (wins over --include)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  sub->add_flag("--jsonl", opt->jsonl,
                R"(Inputs are JSON Lines: one {"id": ..., "text": ..., "title"?: ...} per line)");
  sub->add_option("-j,--jobs", opt->jobs,
                  "Documents extracted in parallel (default: the number of cores)");
  add_rules_options(*sub, opt->rules);
  registry.add(sub, [opt] { return run_extract(*opt); });
}

}  // namespace kgex::cli
