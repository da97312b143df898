// Loading rule packs: JSON -> schema check -> compiled RuleSet.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <set>

#include "core/embedded_files.h"
#include "extractor/match/gazetteer.h"
#include "extractor/match/regex.h"
#include "extractor/match/simple_regex.h"
#include "extractor/rules/rule_set.h"
#include "extractor/text/name_endings.h"
#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

using rapidjson::Value;

// The members of object `v` named in `names`, in one pass over `v` (null where absent; the
// first of a repeated name, as FindMember() would find it).
template <std::size_t N>
std::array<const Value*, N> members(const Value& v, const std::array<std::string_view, N>& names) {
  std::array<const Value*, N> out{};
  for (const auto& field : v.GetObject()) {
    const std::string_view name(field.name.GetString(), field.name.GetStringLength());
    const auto* key = std::find(names.begin(), names.end(), name);
    if (key != names.end() && !out[key - names.begin()]) {
      out[key - names.begin()] = &field.value;
    }
  }
  return out;
}

long line_of(std::string_view text, std::size_t offset) {
  return 1 + std::count(text.begin(),
                        text.begin() + static_cast<long>(std::min(offset, text.size())), '\n');
}

Status parse_status(const rapidjson::Document& doc, std::string_view text,
                    const std::string& file) {
  if (doc.HasParseError()) {
    SourceLocation where{.file = file,
                         .line = line_of(text, doc.GetErrorOffset()),
                         .offset = static_cast<long>(doc.GetErrorOffset())};
    return Status(ErrorCode::kParse,
                  std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()),
                  where);
  }
  return {};
}

Status parse_json(std::string_view text, const std::string& file, rapidjson::Document& doc) {
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(),
                                                                                    text.size());
  return parse_status(doc, text, file);
}

// Parses a file of a pack whose files are known to be valid (see PackSource::schema_known) in
// place: its strings stay in `text`, which must outlive `doc`, instead of being copied, and
// neither the UTF-8 check nor the stack-safe iterative parser is needed. About a third of the
// cost of parse_json() for the built-in pack.
Status parse_known_json(std::string& text, const std::string& file, rapidjson::Document& doc) {
  doc.ParseInsitu(text.data());
  return parse_status(doc, text, file);
}

const rapidjson::SchemaDocument& schema(std::string_view name) {
  static const auto load = [](std::string_view path) {
    for (const auto& f : embedded::files()) {
      if (f.path == path) {
        rapidjson::Document d;
        d.Parse(f.data.data(), f.data.size());
        return std::make_unique<rapidjson::SchemaDocument>(d);
      }
    }
    rapidjson::Document empty;
    empty.SetObject();
    return std::make_unique<rapidjson::SchemaDocument>(empty);
  };
  static const auto kRules = load("schemas/rules.schema.json");
  static const auto kManifest = load("schemas/manifest.schema.json");
  return name == "manifest" ? *kManifest : *kRules;
}

Status validate(const rapidjson::Document& doc, std::string_view schema_name,
                const std::string& file) {
  rapidjson::SchemaValidator validator(schema(schema_name));
  if (doc.Accept(validator)) {
    return {};
  }
  rapidjson::StringBuffer pointer;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(pointer);
  std::string where = pointer.GetString();
  if (where.starts_with("#")) {
    where.erase(0, 1);
  }
  rapidjson::StringBuffer schema_pointer;
  validator.GetInvalidSchemaPointer().StringifyUriFragment(schema_pointer);
  std::string keyword = validator.GetInvalidSchemaKeyword();
  std::string message = "does not match the schema (keyword \"" + keyword + "\" at " +
                        schema_pointer.GetString() + ")";
  if (keyword == "additionalProperties") {
    message = "unknown property (not in the rule file schema)";
  } else if (keyword == "required") {
    message = "a required property is missing";
  } else if (keyword == "enum") {
    message = "value is not one of the allowed names";
  } else if (keyword == "type") {
    message = "value has the wrong JSON type";
  }
  return Status(ErrorCode::kSchema, message,
                {.file = file, .pointer = where.empty() ? "/" : where});
}

std::string str(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }
std::string_view view(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

// The member `name` of object `v`, or null: one search of the members where HasMember() and
// operator[] make two (a tenth of compiling the built-in pack was spent searching members).
const Value* member(const Value& v, const char* name) {
  const auto it = v.FindMember(name);
  return it == v.MemberEnd() ? nullptr : &it->value;
}

// Compiles one pack file after another, sharing lexicons across all of them.
class Compiler {
 public:
  explicit Compiler(RuleSet& out) : out_(out) {}

  // First pass: word lists, so that rules may refer to lexicons of any file.
  Status collect_words(const Value& root, const std::string& file) {
    if (root.HasMember("lexicons")) {
      for (const auto& m : root["lexicons"].GetObject()) {
        auto& set = lexicons_[str(m.name)];
        if (!set) {
          set = std::make_shared<WordSet>();
        }
        for (const auto& w : m.value.GetArray()) {
          set->insert(fold_case(str(w)));
        }
      }
    }
    if (root.HasMember("type_cues")) {
      for (const auto& m : root["type_cues"].GetObject()) {
        EntityType type = *parse_entity_type(str(m.name));
        for (const auto& w : m.value.GetArray()) {
          out_.type_cues[fold_case(str(w))] = type;
        }
      }
    }
    if (root.HasMember("stoplist")) {
      for (const auto& w : root["stoplist"].GetArray()) {
        out_.stoplist.insert(fold_case(str(w)));
      }
    }
    if (root.HasMember("layout")) {
      const Value& layout = root["layout"];
      for (const auto& [key, set] :
           {std::pair{"boilerplate_markers", &out_.layout.boilerplate_markers},
            std::pair{"byline_markers", &out_.layout.byline_markers},
            std::pair{"report_verbs", &out_.layout.report_verbs},
            std::pair{"tell_verbs", &out_.layout.tell_verbs},
            std::pair{"receive_words", &out_.layout.receive_words},
            std::pair{"respectively_words", &out_.layout.respectively_words},
            std::pair{"lettered_words", &out_.layout.lettered_words},
            std::pair{"clause_endings", &out_.layout.clause_endings},
            std::pair{"clause_openers", &out_.layout.clause_openers},
            std::pair{"staff_words", &out_.layout.staff_words},
            std::pair{"unit_suffixes", &out_.layout.unit_suffixes},
            std::pair{"alias_suffixes", &out_.layout.alias_suffixes},
            std::pair{"variant_words", &out_.layout.variant_words},
            std::pair{"table_name_words", &out_.layout.table_name_words},
            std::pair{"possessed_noun_breaks", &out_.layout.possessed_noun_breaks},
            std::pair{"writer_words", &out_.layout.writer_words},
            std::pair{"we_words", &out_.layout.we_words},
            std::pair{"blog_words", &out_.layout.blog_words},
            std::pair{"listicle_words", &out_.layout.listicle_words},
            std::pair{"number_words", &out_.layout.number_words},
            std::pair{"interview_markers", &out_.layout.interview_markers}}) {
        if (layout.HasMember(key)) {
          for (const auto& w : layout[key].GetArray()) {
            set->insert(fold_case(str(w)));
          }
        }
      }
      // Headings are compared by their letters and digits (heading_key in layout.h).
      for (const auto& [key, set] : {std::pair{"posting_markers", &out_.layout.posting_markers},
                                     std::pair{"skipped_sections", &out_.layout.skipped_sections},
                                     std::pair{"writer_markers", &out_.layout.writer_markers},
                                     std::pair{"record_fields", &out_.layout.record_fields},
                                     std::pair{"recipient_fields", &out_.layout.recipient_fields},
                                     std::pair{"address_fields", &out_.layout.address_fields}}) {
        if (layout.HasMember(key)) {
          for (const auto& w : layout[key].GetArray()) {
            set->insert(fold_letters(str(w)));
          }
        }
      }
      if (layout.HasMember("table_columns")) {
        for (const auto& m : layout["table_columns"].GetObject()) {
          for (const auto& w : m.value.GetArray()) {
            out_.layout.table_columns.emplace_back(fold_case(str(w)),
                                                   *parse_entity_type(str(m.name)));
          }
        }
      }
      if (layout.HasMember("table_relations")) {
        for (const auto& t : layout["table_relations"].GetArray()) {
          TableRelation relation;
          for (const auto& w : t["source"].GetArray()) {
            relation.source.push_back(fold_case(str(w)));
          }
          relation.relation = *parse_relation_type(str(t["relation"]));
          for (const auto& w : t["target"].GetArray()) {
            relation.target.push_back(fold_case(str(w)));
          }
          if (t.HasMember("confidence")) {
            relation.confidence = t["confidence"].GetDouble();
          }
          if (t.HasMember("heads")) {
            for (const auto& w : t["heads"].GetArray()) {
              relation.heads.push_back(fold_case(str(w)));
            }
          }
          out_.layout.table_relations.push_back(std::move(relation));
        }
      }
      if (layout.HasMember("outline_relations")) {
        for (const auto& o : layout["outline_relations"].GetArray()) {
          OutlineRelation relation;
          for (const auto& t : o["child"].GetArray()) {
            relation.child.push_back(*parse_entity_type(str(t)));
          }
          relation.relation = *parse_relation_type(str(o["relation"]));
          for (const auto& t : o["parent"].GetArray()) {
            relation.parent.push_back(*parse_entity_type(str(t)));
          }
          if (o.HasMember("confidence")) {
            relation.confidence = o["confidence"].GetDouble();
          }
          out_.layout.outline_relations.push_back(std::move(relation));
        }
      }
      if (layout.HasMember("list_sections")) {
        for (const auto& l : layout["list_sections"].GetArray()) {
          ListSection section;
          for (const auto& w : l["headings"].GetArray()) {
            section.headings.push_back(fold_letters(str(w)));
          }
          section.type = *parse_entity_type(str(l["type"]));
          if (l.HasMember("relation")) {
            section.relation = *parse_relation_type(str(l["relation"]));
          }
          if (l.HasMember("confidence")) {
            section.confidence = l["confidence"].GetDouble();
          }
          out_.layout.list_sections.push_back(std::move(section));
        }
      }
    }
    (void)file;
    return {};
  }

  // `known`: the file is from a pack whose files are known to be valid.
  Status compile_file(const Value& root, const std::string& file, bool known) {
    file_ = file;
    file_known_ = known;
    if (root.HasMember("gazetteer")) {
      const auto& arr = root["gazetteer"].GetArray();
      for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
        GazetteerEntries::NewEntry entry = gazetteer_entry(arr[i], i);
        if (Status s = check_context_forms(arr[i], "/gazetteer/" + std::to_string(i)); !s.ok()) {
          return s;
        }
        out_.gazetteer.add(entry);
      }
    }
    if (root.HasMember("entity_rules")) {
      const auto& arr = root["entity_rules"].GetArray();
      for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
        Result<EntityRule> r = entity_rule(arr[i], "/entity_rules/" + std::to_string(i));
        if (!r.ok()) {
          return r.status();
        }
        out_.entity_rules.push_back(std::move(r).value());
      }
    }
    if (root.HasMember("relation_rules")) {
      const auto& arr = root["relation_rules"].GetArray();
      for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
        Result<RelationRule> r = relation_rule(arr[i], "/relation_rules/" + std::to_string(i));
        if (!r.ok()) {
          return r.status();
        }
        out_.relation_rules.push_back(std::move(r).value());
      }
    }
    if (root.HasMember("document_rules")) {
      const auto& arr = root["document_rules"].GetArray();
      for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
        Status s = note_id(str(arr[i]["id"]), "/document_rules/" + std::to_string(i));
        if (!s.ok()) {
          return s;
        }
        Result<DocumentRule> r = document_rule(arr[i], "/document_rules/" + std::to_string(i));
        if (!r.ok()) {
          return r.status();
        }
        out_.document_rules.push_back(std::move(r).value());
      }
    }
    if (root.HasMember("name_endings")) {
      Status s = name_endings(root["name_endings"]);
      if (!s.ok()) {
        return s;
      }
    }
    if (root.HasMember("examples")) {
      const auto& arr = root["examples"].GetArray();
      for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
        out_.examples.push_back(example(arr[i], "/examples/" + std::to_string(i)));
      }
    }
    return {};
  }

  // Cross-file checks once every file is in.
  Status finish() {
    std::set<std::string_view> orgs;
    for (const GazetteerEntry e : out_.gazetteer) {
      if (e.type() == EntityType::kOrganization) {
        orgs.insert(e.name());
      }
    }
    for (const GazetteerEntry e : out_.gazetteer) {
      if (!e.by().empty() && !orgs.contains(e.by())) {
        return Status(ErrorCode::kRule,
                      "gazetteer entry \"" + std::string(e.name()) + R"(": "by" names ")" +
                          std::string(e.by()) +
                          "\", which is not an Organization of the loaded packs",
                      {.file = std::string(e.file()), .pointer = e.pointer() + "/by"});
      }
    }
    for (auto& [name, set] : lexicons_) {
      out_.lexicons[name] = set;
    }
    return {};
  }

 private:
  Status error(const std::string& pointer, const std::string& message) const {
    return Status(ErrorCode::kRule, message, {.file = file_, .pointer = pointer});
  }

  Status note_id(const std::string& id, const std::string& pointer) {
    auto [it, fresh] = ids_.emplace(id, file_ + ":" + pointer);
    if (!fresh) {
      return error(pointer + "/id", "rule id \"" + id + "\" is already used at " + it->second);
    }
    return {};
  }

  // "word", ["a", "@lexicon", ...] -> folded words. A list that is one lexicon is that
  // lexicon's set, and a list written before (rules repeat their particles and verbs) is the
  // set made for it then: about 13,600 words of the built-in pack's lists are 6,800 distinct
  // ones, and fewer in sets of their own.
  Result<SharedWordSet> words(const Value& v, const std::string& pointer) {
    const rapidjson::SizeType count = v.IsString() ? 1 : v.Size();
    const auto item = [&v](rapidjson::SizeType i) -> const Value& {
      return v.IsString() ? v : v[i];
    };
    std::string list;  // each word preceded by its length
    for (rapidjson::SizeType i = 0; i < count; ++i) {
      const rapidjson::SizeType length = item(i).GetStringLength();
      list.append(reinterpret_cast<const char*>(&length), sizeof length);
      list.append(item(i).GetString(), length);
    }
    if (const auto seen = word_lists_.find(list); seen != word_lists_.end()) {
      return seen->second;
    }
    auto set = std::make_shared<WordSet>();
    for (rapidjson::SizeType i = 0; i < count; ++i) {
      const std::string w = str(item(i));
      if (w.size() > 1 && w[0] == '@') {
        auto it = lexicons_.find(w.substr(1));
        if (it == lexicons_.end()) {
          return error(pointer, "unknown lexicon \"" + w + "\"");
        }
        if (count == 1) {
          set = it->second;
        } else {
          set->insert(it->second->begin(), it->second->end());
        }
      } else {
        set->insert(fold_case(w));
      }
    }
    return word_lists_.emplace(std::move(list), std::move(set)).first->second;
  }

  // Packs add to the lists of earlier packs.
  Status name_endings(const Value& v) {
    NameEndings& out = out_.name_endings;
    for (const auto& [key, set] :
         {std::pair{"endings", &out.endings}, std::pair{"initials", &out.initials},
          std::pair{"titles", &out.titles}, std::pair{"honorifics", &out.honorifics},
          std::pair{"units", &out.units}, std::pair{"heads", &out.heads},
          std::pair{"given", &out.given}}) {
      if (!v.HasMember(key)) {
        continue;
      }
      Result<SharedWordSet> w = words(v[key], std::string("/name_endings/") + key);
      if (!w.ok()) {
        return w.status();
      }
      set->insert(w.value()->begin(), w.value()->end());
    }
    return {};
  }

  Result<std::vector<std::string>> word_vector(const Value& v, const std::string& pointer) {
    Result<SharedWordSet> set = words(v, pointer);
    if (!set.ok()) {
      return set.status();
    }
    std::vector<std::string> out(set.value()->begin(), set.value()->end());
    std::sort(out.begin(), out.end());
    return out;
  }

  // Entry `index` of a "gazetteer" array (2,271 in the built-in pack), with views of the JSON's
  // strings. Its members are found in one pass, the first of each name, as FindMember() would
  // find them.
  GazetteerEntries::NewEntry gazetteer_entry(const Value& v, std::uint32_t index) const {
    enum Key { kName, kType, kAliases, kExactCase, kContext, kBy, kKeys };
    static constexpr std::array<std::string_view, kKeys> kNames = {
        "name", "type", "aliases", "exact_case", "context", "by"};
    const std::array<const Value*, kKeys> m = members(v, kNames);
    GazetteerEntries::NewEntry e;
    e.name = view(*m[kName]);
    e.type = *parse_entity_type(view(*m[kType]));
    e.file = file_;
    e.index = index;
    if (m[kAliases]) {
      e.aliases.reserve(m[kAliases]->Size());
      for (const auto& a : m[kAliases]->GetArray()) {
        e.aliases.push_back(view(a));
      }
    }
    e.exact_case = m[kExactCase] && m[kExactCase]->GetBool();
    if (m[kContext]) {
      for (const auto& w : (*m[kContext])["words"].GetArray()) {
        e.context.insert(fold_case(view(w)));
      }
      if (const Value* window = member(*m[kContext], "window")) {
        e.window = window->GetInt();
      }
      if (const Value* forms = member(*m[kContext], "forms")) {
        for (const auto& f : forms->GetArray()) {
          e.context_forms.insert(fold_case(view(f)));
        }
      }
    }
    if (m[kBy]) {
      e.by = view(*m[kBy]);
    }
    return e;
  }

  // Each of an entry's context forms must be its name or one of its aliases.
  Status check_context_forms(const Value& v, const std::string& pointer) const {
    const Value* context = member(v, "context");
    const Value* forms = context ? member(*context, "forms") : nullptr;
    if (!forms) {
      return Status::ok_status();
    }
    const Value* aliases = member(v, "aliases");
    for (rapidjson::SizeType i = 0; i < forms->Size(); ++i) {
      const std::string_view form = view((*forms)[i]);
      bool found = view(v["name"]) == form;
      for (rapidjson::SizeType a = 0; aliases && !found && a < aliases->Size(); ++a) {
        found = view((*aliases)[a]) == form;
      }
      if (!found) {
        return error(pointer + "/context/forms/" + std::to_string(i),
                     "\"" + std::string(form) + "\" is not the entry's name or one of its aliases");
      }
    }
    return Status::ok_status();
  }

  // One CompiledRegex per distinct pattern (rules repeat a few, such as Korean surnames).
  // Compiling is most of the cost of a pattern; those of a pack known to be valid are
  // compiled when first matched, so that patterns no sentence reaches cost nothing.
  Result<std::shared_ptr<const CompiledRegex>> regex(const std::string& pattern) {
    std::shared_ptr<const CompiledRegex>& known = regexes_[pattern];
    if (!known) {
      if (file_known_) {
        known = CompiledRegex::deferred(pattern);
      } else {
        Result<std::shared_ptr<const CompiledRegex>> compiled = CompiledRegex::compile(pattern);
        if (!compiled.ok()) {
          regexes_.erase(pattern);
          return compiled.status();
        }
        known = compiled.value();
      }
    }
    return known;
  }

  Result<Element> element(const Value& v, const std::string& pointer,
                          std::vector<std::string>& captures) {
    // An element has a few of its nineteen possible members: they are found in one pass (the
    // first of a name, as FindMember() finds it) instead of a search for each.
    enum Key {
      kEnt,
      kList,
      kListed,
      kEntityNames,
      kAny,
      kText,
      kStarts,
      kEnds,
      kRegex,
      kScript,
      kShape,
      kSpaceBefore,
      kKnown,
      kParticle,
      kNot,
      kMin,
      kMax,
      kCapture,
      kAnchor,
      kKeys
    };
    static constexpr std::array<std::string_view, kKeys> kNames = {
        "ent",  "list",  "listed", "names",   "any",          "text",  "starts",
        "ends", "regex", "script", "shape",   "space_before", "known", "particle",
        "not",  "min",   "max",    "capture", "anchor"};
    const std::array<const Value*, kKeys> m = members(v, kNames);
    Element el;
    if (m[kEnt]) {
      el.kind = ElementKind::kEntity;
      const Value& ent = *m[kEnt];
      if (ent.IsString()) {
        el.types = str(ent) == "any" ? kAllTypes : type_bit(*parse_entity_type(str(ent)));
      } else {
        el.types = 0;
        for (const auto& t : ent.GetArray()) {
          el.types |= type_bit(*parse_entity_type(str(t)));
        }
      }
      el.list = m[kList] && m[kList]->GetBool();
      if (m[kListed]) {
        el.listed = m[kListed]->GetBool();
      }
      if (m[kEntityNames]) {
        Result<SharedWordSet> w = words(*m[kEntityNames], pointer + "/names");
        if (!w.ok()) {
          return w.status();
        }
        el.names = std::move(w).value();
      }
    } else if (m[kEntityNames]) {
      return error(pointer + "/names", R"("names" tests an entity's name: it needs "ent")");
    } else if (m[kAny] && m[kAny]->GetBool()) {
      el.kind = ElementKind::kAny;
    }
    TokenTest& t = el.test;
    bool token_test = false;
    if (m[kText]) {
      Result<SharedWordSet> w = words(*m[kText], pointer + "/text");
      if (!w.ok()) {
        return w.status();
      }
      t.text = std::move(w).value();
      token_test = true;
    }
    for (const Key key : {kStarts, kEnds}) {
      if (m[key]) {
        Result<std::vector<std::string>> w =
            word_vector(*m[key], pointer + "/" + std::string(kNames[key]));
        if (!w.ok()) {
          return w.status();
        }
        (key == kStarts ? t.starts : t.ends) = AffixWords(std::move(w).value());
        token_test = true;
      }
    }
    if (m[kRegex]) {
      Result<std::shared_ptr<const CompiledRegex>> re = regex(str(*m[kRegex]));
      if (!re.ok()) {
        return error(pointer + "/regex", re.status().message());
      }
      t.regex = re.value();
      t.regex_source = str(*m[kRegex]);
      token_test = true;
    }
    if (m[kScript]) {
      static const std::map<std::string, Script> kScripts = {{"hangul", Script::kHangul},
                                                             {"latin", Script::kLatin},
                                                             {"digit", Script::kDigit},
                                                             {"han", Script::kHan},
                                                             {"punct", Script::kPunct}};
      t.script = kScripts.at(str(*m[kScript]));
      token_test = true;
    }
    if (m[kShape]) {
      static const std::map<std::string, Shape> kShapes = {{"capitalized", Shape::kCapitalized},
                                                           {"upper", Shape::kUpper},
                                                           {"lower", Shape::kLower},
                                                           {"has_digit", Shape::kHasDigit}};
      t.shape = kShapes.at(str(*m[kShape]));
      token_test = true;
    }
    if (m[kSpaceBefore]) {
      t.space_before = m[kSpaceBefore]->GetBool();
    }
    if (m[kKnown]) {
      t.known = m[kKnown]->GetBool();
    }
    if (token_test && el.kind != ElementKind::kToken) {
      return error(pointer,
                   "token tests (text, starts, ends, regex, script, shape) apply to tokens, not to "
                   "\"ent\" or \"any\" elements");
    }
    if (m[kParticle]) {
      Result<SharedWordSet> w = words(*m[kParticle], pointer + "/particle");
      if (!w.ok()) {
        return w.status();
      }
      el.particle = std::move(w).value();
    }
    if (m[kNot]) {
      const Value& nots = *m[kNot];
      const rapidjson::SizeType count = nots.IsArray() ? nots.Size() : 1;
      for (rapidjson::SizeType i = 0; i < count; ++i) {
        const Value& one = nots.IsArray() ? nots[i] : nots;
        const std::string where =
            pointer + "/not" + (nots.IsArray() ? "/" + std::to_string(i) : "");
        std::vector<std::string> no_captures;
        Result<Element> neg = element(one, where, no_captures);
        if (!neg.ok()) {
          return neg.status();
        }
        if (!no_captures.empty()) {
          return error(where, "a negated element cannot capture");
        }
        el.negated.push_back(std::make_shared<const Element>(std::move(neg).value()));
      }
    }
    if (m[kMin]) {
      el.min = m[kMin]->GetInt();
    }
    if (m[kMax]) {
      el.max = m[kMax]->GetInt();
    } else if (el.min > 1) {
      el.max = el.min;
    }
    if (el.max < el.min) {
      return error(pointer, "max is smaller than min");
    }
    if (m[kCapture]) {
      const std::string name = str(*m[kCapture]);
      auto it = std::find(captures.begin(), captures.end(), name);
      if (it != captures.end()) {
        return error(pointer + "/capture", "capture \"" + name + "\" is used twice in one pattern");
      }
      el.capture = static_cast<int>(captures.size());
      captures.push_back(name);
    }
    if (m[kAnchor]) {
      const std::string a = str(*m[kAnchor]);
      el.anchor = a == "start" ? Anchor::kStart : a == "end" ? Anchor::kEnd : Anchor::kFieldEnd;
    }
    return el;
  }

  Status header(const Value& v, const std::string& pointer, RuleHeader& h) {
    h.id = str(v["id"]);
    h.file = file_;
    h.pointer = pointer;
    Status s = note_id(h.id, pointer);
    if (!s.ok()) {
      return s;
    }
    if (v.HasMember("lang")) {
      const std::string lang = str(v["lang"]);
      h.lang = lang == "ko" ? Lang::kKo : lang == "en" ? Lang::kEn : Lang::kAny;
    }
    if (v.HasMember("priority")) {
      h.priority = v["priority"].GetInt();
    }
    const auto& arr = v["pattern"].GetArray();
    for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
      Result<Element> el = element(arr[i], pointer + "/pattern/" + std::to_string(i), h.captures);
      if (!el.ok()) {
        return el.status();
      }
      h.pattern.push_back(std::move(el).value());
    }
    return {};
  }

  Result<int> capture_ref(const RuleHeader& h, const Value& v, const std::string& pointer) const {
    const std::string name = str(v);
    auto it = std::find(h.captures.begin(), h.captures.end(), name);
    if (it == h.captures.end()) {
      return error(pointer, "\"" + name + "\" is not a capture of this rule's pattern");
    }
    return static_cast<int>(it - h.captures.begin());
  }

  Result<EntityRule> entity_rule(const Value& v, const std::string& pointer) {
    EntityRule r;
    Status s = header(v, pointer, r);
    if (!s.ok()) {
      return s;
    }
    if (!v.HasMember("entity") && !v.HasMember("alias")) {
      return error(pointer, R"(an entity rule needs "entity" or "alias")");
    }
    if (v.HasMember("entity")) {
      const Value& e = v["entity"];
      Result<int> c = capture_ref(r, e["capture"], pointer + "/entity/capture");
      if (!c.ok()) {
        return c.status();
      }
      r.entity_capture = c.value();
      if (e.HasMember("through")) {
        Result<int> t = capture_ref(r, e["through"], pointer + "/entity/through");
        if (!t.ok()) {
          return t.status();
        }
        r.through = t.value();
      }
      if (e.HasMember("refers")) {
        const rapidjson::Value& refers = e["refers"];
        r.refers = refers.IsString()  ? (refers == "subject" ? Refers::kSubject : Refers::kPrevious)
                   : refers.GetBool() ? Refers::kOwn
                                      : Refers::kNone;
      }
      if (e.HasMember("type")) {
        r.type = parse_entity_type(str(e["type"]));
      } else if (e.HasMember("type_from")) {
        Result<int> t = capture_ref(r, e["type_from"], pointer + "/entity/type_from");
        if (!t.ok()) {
          return t.status();
        }
        r.type_from = t.value();
      } else {
        return error(pointer + "/entity", R"(needs "type" or "type_from")");
      }
    }
    if (v.HasMember("alias")) {
      Result<int> a = capture_ref(r, v["alias"]["entity"], pointer + "/alias/entity");
      Result<int> n = capture_ref(r, v["alias"]["name"], pointer + "/alias/name");
      if (!a.ok()) {
        return a.status();
      }
      if (!n.ok()) {
        return n.status();
      }
      r.alias_entity = a.value();
      r.alias_name = n.value();
      if (v["alias"].HasMember("through")) {
        Result<int> t = capture_ref(r, v["alias"]["through"], pointer + "/alias/through");
        if (!t.ok()) {
          return t.status();
        }
        r.alias_through = t.value();
      }
    }
    return r;
  }

  Result<Ref> ref(const RuleHeader& h, const Value& v, const std::string& pointer) {
    Ref r;
    if (v.IsString()) {
      if (str(v) == "$topic" || str(v) == "$topics" || str(v) == "$self" || str(v) == "$about") {
        r.kind = Ref::Kind::kTopic;
        r.all_topics = str(v) == "$topics";
        r.self = str(v) == "$self";
        r.about = str(v) == "$about";
        return r;
      }
      Result<int> c = capture_ref(h, v, pointer);
      if (!c.ok()) {
        return c.status();
      }
      r.capture = c.value();
      return r;
    }
    r.kind = Ref::Kind::kFind;
    for (const auto& t : v["find"].GetArray()) {
      r.types |= type_bit(*parse_entity_type(str(t)));
      r.preference.push_back(*parse_entity_type(str(t)));
    }
    r.sentence_scope = v.HasMember("scope") && str(v["scope"]) == "sentence";
    r.before_only = v.HasMember("side") && str(v["side"]) == "before";
    if (v.HasMember("particle")) {
      Result<SharedWordSet> w = words(v["particle"], pointer + "/particle");
      if (!w.ok()) {
        return w.status();
      }
      r.particle = std::move(w).value();
    }
    r.else_topic = v.HasMember("else");
    r.all_topics = r.else_topic && str(v["else"]) == "$topics";
    r.else_previous = r.else_topic && str(v["else"]) == "$previous";
    r.self = r.else_topic && str(v["else"]) == "$self";
    r.about = r.else_topic && str(v["else"]) == "$about";
    if (v.HasMember("head_of")) {
      Result<int> c = capture_ref(h, v["head_of"], pointer + "/head_of");
      if (!c.ok()) {
        return c.status();
      }
      r.head_of = c.value();
    }
    if (v.HasMember("ends_in")) {
      Result<int> c = capture_ref(h, v["ends_in"], pointer + "/ends_in");
      if (!c.ok()) {
        return c.status();
      }
      r.ends_in = c.value();
    }
    return r;
  }

  Result<RelationRule> relation_rule(const Value& v, const std::string& pointer) {
    RelationRule r;
    Status s = header(v, pointer, r);
    if (!s.ok()) {
      return s;
    }
    if (v.HasMember("confidence")) {
      r.confidence = v["confidence"].GetDouble();
    }
    if (v.HasMember("relation")) {
      r.relation = parse_relation_type(str(v["relation"]));
    } else if (v.HasMember("relation_by")) {
      const Value& by = v["relation_by"];
      Result<int> c = capture_ref(r, by["capture"], pointer + "/relation_by/capture");
      if (!c.ok()) {
        return c.status();
      }
      r.relation_by_capture = c.value();
      for (const auto& m : by["lexicons"].GetObject()) {
        auto it = lexicons_.find(str(m.name));
        if (it == lexicons_.end()) {
          return error(pointer + "/relation_by/lexicons/" + str(m.name),
                       "unknown lexicon \"" + str(m.name) + "\"");
        }
        r.relation_by.emplace_back(it->second, *parse_relation_type(str(m.value)));
      }
    } else {
      return error(pointer, R"(a relation rule needs "relation" or "relation_by")");
    }
    Result<Ref> src = ref(r, v["source"], pointer + "/source");
    if (!src.ok()) {
      return src.status();
    }
    Result<Ref> dst = ref(r, v["target"], pointer + "/target");
    if (!dst.ok()) {
      return dst.status();
    }
    r.source = src.value();
    r.target = dst.value();
    if (v.HasMember("unless")) {
      Result<std::vector<std::string>> w = word_vector(v["unless"], pointer + "/unless");
      if (!w.ok()) {
        return w.status();
      }
      r.unless = StopWords(w.value());
    }
    if (Status voice = first_person(v, pointer, r.voice_words, r.voice_endings, r.voice_min);
        !voice.ok()) {
      return voice;
    }
    r.yields = !v.HasMember("yields") || v["yields"].GetBool();
    r.former = v.HasMember("former") && v["former"].GetBool();
    r.writer_team = v.HasMember("writer_team") && v["writer_team"].GetBool();
    return r;
  }

  // A rule's "first_person": the words and how often a document must use them.
  Status first_person(const Value& v, const std::string& pointer, SharedWordSet& voice_words,
                      std::vector<std::string>& voice_endings, int& voice_min) {
    if (!v.HasMember("first_person")) {
      return Status::ok_status();
    }
    const Value& voice = v["first_person"];
    Result<SharedWordSet> w = words(voice["words"], pointer + "/first_person/words");
    if (!w.ok()) {
      return w.status();
    }
    voice_words = std::move(w).value();
    if (voice.HasMember("endings")) {
      Result<std::vector<std::string>> e =
          word_vector(voice["endings"], pointer + "/first_person/endings");
      if (!e.ok()) {
        return e.status();
      }
      voice_endings = std::move(e).value();
    }
    voice_min = voice["min"].GetInt();
    return Status::ok_status();
  }

  Result<DocumentRule> document_rule(const Value& v, const std::string& pointer) {
    DocumentRule r;
    r.id = str(v["id"]);
    const std::string kind = str(v["kind"]);
    r.kind = kind == "owner"         ? DocumentRuleKind::kOwner
             : kind == "named_after" ? DocumentRuleKind::kNamedAfter
             : kind == "outline"     ? DocumentRuleKind::kOutline
             : kind == "unit_member" ? DocumentRuleKind::kUnitMember
                                     : DocumentRuleKind::kOrphan;
    for (const auto& t : v["types"].GetArray()) {
      r.types |= type_bit(*parse_entity_type(str(t)));
    }
    r.relation = *parse_relation_type(str(v["relation"]));
    r.from_topic = !v.HasMember("direction") || str(v["direction"]) == "from_topic";
    r.unlisted_only = v.HasMember("unlisted_only") && v["unlisted_only"].GetBool();
    if (v.HasMember("not_names")) {
      Result<SharedWordSet> w = words(v["not_names"], pointer + "/not_names");
      if (!w.ok()) {
        return w.status();
      }
      r.not_names = std::move(w).value();
    }
    if (Status voice = first_person(v, pointer, r.voice_words, r.voice_endings, r.voice_min);
        !voice.ok()) {
      return voice;
    }
    if (v.HasMember("unless")) {
      Result<std::vector<std::string>> w = word_vector(v["unless"], pointer + "/unless");
      if (!w.ok()) {
        return w.status();
      }
      r.unless = StopWords(w.value());
    }
    if (v.HasMember("lead_in")) {
      Result<std::vector<std::string>> w = word_vector(v["lead_in"], pointer + "/lead_in");
      if (!w.ok()) {
        return w.status();
      }
      r.lead_in = StopWords(w.value());
    }
    if (v.HasMember("org_endings")) {
      Result<std::vector<std::string>> w = word_vector(v["org_endings"], pointer + "/org_endings");
      if (!w.ok()) {
        return w.status();
      }
      r.org_endings = std::move(w).value();
    }
    if (v.HasMember("not_endings")) {
      Result<std::vector<std::string>> w = word_vector(v["not_endings"], pointer + "/not_endings");
      if (!w.ok()) {
        return w.status();
      }
      r.not_endings = std::move(w).value();
    }
    r.confidence = v["confidence"].GetDouble();
    return r;
  }

  RuleExample example(const Value& v, const std::string& pointer) const {
    RuleExample ex;
    ex.text = str(v["text"]);
    ex.file = file_;
    ex.pointer = pointer;
    if (v.HasMember("entities")) {
      for (const auto& e : v["entities"].GetArray()) {
        ex.entities.emplace_back(str(e[0]), *parse_entity_type(str(e[1])));
      }
    }
    if (v.HasMember("relations")) {
      for (const auto& r : v["relations"].GetArray()) {
        ex.relations.emplace_back(str(r[0]), *parse_relation_type(str(r[1])), str(r[2]));
      }
    }
    if (v.HasMember("absent")) {
      for (const auto& r : v["absent"].GetArray()) {
        ex.absent.emplace_back(str(r[0]), str(r[1]), str(r[2]));
      }
    }
    if (v.HasMember("absent_entities")) {
      for (const auto& e : v["absent_entities"].GetArray()) {
        ex.absent_entities.emplace_back(str(e[0]), *parse_entity_type(str(e[1])));
      }
    }
    return ex;
  }

  RuleSet& out_;
  std::string file_;
  std::map<std::string, std::shared_ptr<WordSet>> lexicons_;
  std::unordered_map<std::string, SharedWordSet> word_lists_;  // see words()
  std::map<std::string, std::string> ids_;
  bool file_known_ = false;
  std::unordered_map<std::string, std::shared_ptr<const CompiledRegex>> regexes_;
};

}  // namespace

PackSource builtin_pack(bool check_schema) {
  return {"rules/tech",
          [](const std::string& relative) -> Result<std::string> {
            const std::string path = "rules/tech/" + relative;
            for (const auto& f : embedded::files()) {
              if (f.path == path) {
                return std::string(f.data);
              }
            }
            return Status(ErrorCode::kNotFound, "no such file in the built-in pack",
                          {.file = path});
          },
          !check_schema, !check_schema};
}

Result<std::shared_ptr<const RuleSet>> load_rules(const std::vector<PackSource>& packs) {
  // The built-in pack alone, as the build compiled it. With other packs it is compiled again
  // with them: they may add words to its lexicons and entries to its gazetteer.
  if (packs.size() == 1 && packs.front().compiled) {
    if (std::shared_ptr<const RuleSet> image =
            read_pack_image(builtin_pack_image(), packs.front().examples)) {
      return image;
    }
  }
  auto rules = std::make_shared<RuleSet>();
  struct Loaded {
    std::string file;
    std::string text;  // the strings of `doc` when it was parsed in place
    rapidjson::Document doc;
    bool known = false;  // from a pack whose files are known to be valid
  };
  // A deque, so that a text parsed in place never moves.
  std::deque<Loaded> loaded;
  for (const PackSource& pack : packs) {
    const std::string manifest_path = pack.root + "/manifest.json";
    Result<std::string> manifest_text = pack.read("manifest.json");
    if (!manifest_text.ok()) {
      return manifest_text.status().in_file(manifest_path);
    }
    rapidjson::Document manifest;
    Status s = pack.schema_known ? parse_known_json(manifest_text.value(), manifest_path, manifest)
                                 : parse_json(manifest_text.value(), manifest_path, manifest);
    if (s.ok() && !pack.schema_known) {
      s = validate(manifest, "manifest", manifest_path);
    }
    if (!s.ok()) {
      return s;
    }
    rules->packs.push_back(str(manifest["name"]));
    for (const auto& f : manifest["files"].GetArray()) {
      const std::string relative = str(f);
      const std::string path = pack.root + "/" + relative;
      Result<std::string> text = pack.read(relative);
      if (!text.ok()) {
        return text.status().in_file(path);
      }
      // Filled in place: clang 14 has no aggregate initialisation through emplace_back().
      Loaded& l = loaded.emplace_back();
      l.file = path;
      l.text = std::move(text).value();
      l.known = pack.schema_known;
      Status ps = pack.schema_known ? parse_known_json(l.text, path, l.doc)
                                    : parse_json(l.text, path, l.doc);
      if (ps.ok() && !pack.schema_known) {
        ps = validate(l.doc, "rules", path);
      }
      if (!ps.ok()) {
        return ps;
      }
    }
  }
  // Each list is allocated once at its full size: a vector of entries that grew file by file
  // (a new block for each, most of them past malloc's mmap threshold) was written to 1.2 MB
  // of fresh pages for 0.5 MB of entries.
  static constexpr std::array<const char*, 4> kLists = {"gazetteer", "entity_rules",
                                                        "relation_rules", "examples"};
  std::array<std::size_t, kLists.size()> counts{};
  for (const Loaded& l : loaded) {
    for (std::size_t k = 0; k < kLists.size() && l.doc.IsObject(); ++k) {
      if (const Value* list = member(l.doc, kLists[k]); list && list->IsArray()) {
        counts[k] += list->Size();
      }
    }
  }
  rules->gazetteer.reserve(counts[0]);
  rules->entity_rules.reserve(counts[1]);
  rules->relation_rules.reserve(counts[2]);
  rules->examples.reserve(counts[3]);
  Compiler compiler(*rules);
  for (const Loaded& l : loaded) {
    Status s = compiler.collect_words(l.doc, l.file);
    if (!s.ok()) {
      return s;
    }
  }
  for (const Loaded& l : loaded) {
    Status s = compiler.compile_file(l.doc, l.file, l.known);
    if (!s.ok()) {
      return s;
    }
  }
  Status s = compiler.finish();
  if (!s.ok()) {
    return s;
  }
  return std::shared_ptr<const RuleSet>(std::move(rules));
}

namespace {

// Calls `f` with the token test of each element of rule `r`'s pattern and of each element the
// elements negate (their `not` tests), however deep.
template <typename F>
void each_token_test(const RuleHeader& r, const F& f) {
  const auto element = [&f](const Element& el, const auto& self) -> void {
    f(el.test);
    for (const auto& negated : el.negated) {
      self(*negated, self);
    }
  };
  for (const Element& el : r.pattern) {
    element(el, element);
  }
}

}  // namespace

std::vector<std::string> check_rules(const RuleSet& rules) {
  std::vector<std::string> findings;
  std::map<std::string, std::string> seen;  // name_key-ish folded form -> entry
  for (const GazetteerEntry e : rules.gazetteer) {
    const std::string file(e.file());
    const std::string name(e.name());
    const std::string type(to_string(e.type()));
    const GazetteerAliases aliases = e.aliases();
    for (std::size_t i = 0; i <= aliases.size(); ++i) {
      const std::string n(i < aliases.size() ? aliases[i] : e.name());
      const std::string key = fold_case(n) + "/" + type;
      auto [it, fresh] = seen.emplace(key, name);
      if (!fresh && it->second != name) {
        findings.push_back(file + ": \"" + n + "\" (" + type + ") names both \"" + it->second +
                           "\" and \"" + name + "\"");
      } else if (!fresh) {
        findings.push_back(file + ": \"" + name + "\" lists \"" + n + "\" twice");
      }
      if (rules.stoplist.contains(fold_case(n))) {
        findings.push_back(file + ": \"" + n + "\" of \"" + name +
                           "\" is in the stop list and can never match");
      }
    }
  }
  auto unreachable = [&findings](const RuleHeader& r) {
    for (const Element& el : r.pattern) {
      if (el.test.text && el.test.text->empty()) {
        findings.push_back(r.file + ": " + r.pointer + ": rule \"" + r.id +
                           "\" tests an empty word list and can never fire");
      }
    }
  };
  // A regex outside the subset SimpleRegex reads runs on ICU's engine, whose set-up and cost per
  // token were most of a short document's extraction (simple_regex.h).
  const auto each_rule = [&](const RuleHeader& r) {
    unreachable(r);
    each_token_test(r, [&](const TokenTest& t) {
      if (t.regex && !SimpleRegex::parse(t.regex_source)) {
        findings.push_back(r.file + ": " + r.pointer + ": rule \"" + r.id +
                           "\" tests the regex \"" + t.regex_source +
                           "\", which SimpleRegex does not read: it runs on ICU's slower engine");
      }
    });
  };
  for (const auto& r : rules.entity_rules) {
    each_rule(r);
  }
  for (const auto& r : rules.relation_rules) {
    each_rule(r);
  }
  return findings;
}

std::vector<std::string> check_rule_words(const RuleSet& rules) {
  // A word of a `text` test that the tokenizer reads as a shorter base form and a particle
  // ("운영하는": "운영하" and "는"): the test compares whole base forms, so it never matches.
  // (A `starts` or `ends` word may still be part of a longer base: "만들" of "만들었다".)
  const Gazetteer gazetteer(rules);
  const KnownWord known = [&](std::string_view w) { return gazetteer.is_known_word(w); };
  std::set<std::string> reported;
  std::vector<std::string> findings;
  const auto split_word = [&](const RuleHeader& r, const std::string& word) {
    FoldedForms folded;
    std::vector<Token> tokens =
        tokenize(word, 0, static_cast<std::uint32_t>(word.size()), known, folded);
    join_name_endings(tokens, word, rules.name_endings, known);
    if (tokens.size() == 1 && !tokens[0].particle.empty() && !tokens[0].particle_only() &&
        reported.insert(r.id + "/" + word).second) {
      findings.push_back(r.file + ": " + r.pointer + ": rule \"" + r.id + "\" tests \"" + word +
                         "\", which the tokenizer reads as \"" + std::string(tokens[0].text) +
                         "\" with the particle \"" + std::string(tokens[0].particle) +
                         "\", so it never matches as written");
    }
  };
  const auto each_rule = [&](const RuleHeader& r) {
    each_token_test(r, [&](const TokenTest& t) {
      if (t.text) {
        for (const std::string_view w : *t.text) {
          split_word(r, std::string(w));
        }
      }
    });
  };
  for (const auto& r : rules.entity_rules) {
    each_rule(r);
  }
  for (const auto& r : rules.relation_rules) {
    each_rule(r);
  }
  return findings;
}

}  // namespace kgex
