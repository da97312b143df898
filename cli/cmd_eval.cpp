// kgex eval GOLD... [--texts DIR]: extract each gold file's document and score it.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/rules_options.h"
#include "extractor/extractor.h"
#include "graph/evaluation.h"

namespace kgex::cli {
namespace {

struct EvalCommand {
  std::vector<std::string> golds;
  std::string texts;
  bool verbose = false;
  RulesOptions rules;
  double min_entity_f1 = 0.0;
  double min_relation_f1 = 0.0;
  double min_relation_precision = 0.0;
  double min_confidence = 0.0;
};

std::string line(const std::string& name, const EvalCounts& c) {
  const Prf e = prf(c.entity_tp, c.entity_fp, c.entity_fn);
  const Prf r = prf(c.relation_tp, c.relation_fp, c.relation_fn);
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "entities P=%.2f R=%.2f F1=%.2f (splits %d) | relations P=%.2f R=%.2f F1=%.2f",
                e.precision, e.recall, e.f1, c.splits, r.precision, r.recall, r.f1);
  return name + ": " + buf;
}

void list(const char* what, const std::vector<std::string>& items) {
  if (items.empty()) {
    return;
  }
  std::cout << "  " << what << ":";
  for (const std::string& i : items) {
    std::cout << " [" << i << "]";
  }
  std::cout << "\n";
}

int run_eval(const EvalCommand& opt) {
  Result<Extractor> extractor = extractor_for(opt.rules);
  if (!extractor.ok()) {
    return report(extractor.status());
  }
  EvalCounts total;
  for (const std::string& gold_path : opt.golds) {
    Result<std::string> gold_text = read_file(gold_path);
    if (!gold_text.ok()) {
      return report(gold_text.status());
    }
    Result<GoldAnnotation> gold = parse_gold(gold_text.value(), gold_path);
    if (!gold.ok()) {
      return report(gold.status());
    }
    const std::filesystem::path folder = opt.texts.empty()
                                             ? std::filesystem::path(gold_path).parent_path()
                                             : std::filesystem::path(opt.texts);
    const std::string text_path = (folder / gold.value().document).string();
    Result<std::string> text = read_file(text_path);
    if (!text.ok()) {
      return report(text.status());
    }
    ExtractOptions options;
    options.min_confidence = opt.min_confidence;
    Result<Extraction> got =
        extractor.value().extract({gold.value().document, text.value()}, options);
    if (!got.ok()) {
      return report(got.status().in_file(text_path));
    }
    const EvalReport r = evaluate(got.value().graph, gold.value());
    total += r.counts;
    std::cout << line(gold.value().document, r.counts) << "\n";
    if (opt.verbose) {
      list("wrong_entities", r.wrong_entities);
      list("missed_entities", r.missed_entities);
      list("wrong_relations", r.wrong_relations);
      list("missed_relations", r.missed_relations);
    }
  }
  std::cout << line("TOTAL", total) << "\n";
  const Prf e = prf(total.entity_tp, total.entity_fp, total.entity_fn);
  const Prf r = prf(total.relation_tp, total.relation_fp, total.relation_fn);
  bool below = false;
  auto check = [&below](const char* what, double value, double minimum) {
    if (value + 1e-9 < minimum) {
      std::cerr << "kgex: " << what << " " << value << " is below the required " << minimum << "\n";
      below = true;
    }
  };
  check("entity F1", e.f1, opt.min_entity_f1);
  check("relation F1", r.f1, opt.min_relation_f1);
  check("relation precision", r.precision, opt.min_relation_precision);
  return below ? kExitNothing : kExitOk;
}

}  // namespace

void setup_eval(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<EvalCommand>();
  CLI::App* sub = app.add_subcommand(
      "eval", "Extract the document of each gold file and score it (precision, recall, F1)");
  sub->add_option("gold", opt->golds, "Gold annotation files (NAME.txt.gold.json)")->required();
  sub->add_option("--texts", opt->texts,
                  "Folder of the documents (default: each gold file's folder)");
  sub->add_flag("-v,--verbose", opt->verbose, "List missed and wrong entities and relations");
  sub->add_option("--min-entity-f1", opt->min_entity_f1, "Exit 1 if the total entity F1 is lower");
  sub->add_option("--min-relation-f1", opt->min_relation_f1,
                  "Exit 1 if the total relation F1 is lower");
  sub->add_option("--min-relation-precision", opt->min_relation_precision,
                  "Exit 1 if the total relation precision is lower");
  sub->add_option("--min-confidence", opt->min_confidence,
                  "Score only the relations of this confidence or more, as extract keeps them")
      ->check(CLI::Range(0.0, 1.0));
  add_rules_options(*sub, opt->rules);
  registry.add(sub, [opt] { return run_eval(*opt); });
}

}  // namespace kgex::cli
