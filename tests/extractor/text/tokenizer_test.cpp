// Tokens by script runs: where words split, which names stay whole, particles
// of Latin words, byte offsets and token flags.
#include "extractor/text/tokenizer.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

// The folded forms of the tokens the tests make, kept for the whole run.
FoldedForms& folded_forms() {
  static FoldedForms forms;
  return forms;
}

std::vector<Token> tokens_of(std::string_view text, const KnownWord& known = nullptr) {
  return tokenize(text, 0, static_cast<std::uint32_t>(text.size()), known, folded_forms());
}

// Each token as "base" or "base+particle".
std::vector<std::string> words(std::string_view text, const KnownWord& known = nullptr) {
  std::vector<std::string> out;
  for (const Token& t : tokens_of(text, known)) {
    out.push_back(std::string(t.text) + (t.particle.empty() ? "" : "+" + std::string(t.particle)));
  }
  return out;
}

using Words = std::vector<std::string>;
const std::string kDot = "\xC2\xB7";

TEST_CASE("a particle glued to a Latin word is split off") {
  CHECK(words("ChatGPT를") == Words{"ChatGPT+를"});
  CHECK(words("Kafka에서는") == Words{"Kafka+에서는"});
  CHECK(words("exec들이") == Words{"exec+들이"});
  CHECK(words("Abridge예요") == Words{"Abridge+예요"});
}

TEST_CASE("a parenthetical between a name and its particle") {
  CHECK(words("앤스로픽(Anthropic)의") == Words{"앤스로픽", "(", "Anthropic", ")", "+의"});
  const std::vector<Token> t = tokens_of("앤스로픽(Anthropic)의");
  REQUIRE(t.size() == 5);
  CHECK(t[4].particle_only());
  CHECK_FALSE(t[4].space_before);
  CHECK(t[4].script == Script::kHangul);
}

TEST_CASE("'/' and the middle dot always split") {
  CHECK(words("Rust" + kDot + "Go") == Words{"Rust", kDot, "Go"});
  CHECK(words("FastAPI/Pydantic") == Words{"FastAPI", "/", "Pydantic"});
  CHECK(words("러스트" + kDot + "파이썬") == Words{"러스트", kDot, "파이썬"});
}

TEST_CASE("names with inner dots, hyphens, underscores, + and # stay whole") {
  CHECK(words("Creati.ai") == Words{"Creati.ai"});
  CHECK(words("Creati.ai의") == Words{"Creati.ai+의"});
  CHECK(words("DALL-E") == Words{"DALL-E"});
  CHECK(words("DALL-E와") == Words{"DALL-E+와"});
  CHECK(words("sa-server") == Words{"sa-server"});
  CHECK(words("snake_case") == Words{"snake_case"});
  CHECK(words("C++") == Words{"C++"});
  CHECK(words("C#") == Words{"C#"});
  CHECK(words(".NET") == Words{".NET"});
  CHECK(words("Node.js") == Words{"Node.js"});
  CHECK(words("GPT-4o") == Words{"GPT-4o"});
  CHECK(words("sa-server C++ C# .NET Node.js") ==
        Words{"sa-server", "C++", "C#", ".NET", "Node.js"});
}

TEST_CASE("an e-mail address is one word; a handle or a lone @ is not") {
  CHECK(words("khr@kpinews.kr | 2021") == Words{"khr@kpinews.kr", "|", "2021"});
  CHECK(words("dev.team@news.co.kr.") == Words{"dev.team@news.co.kr", "."});
  CHECK(words("medium.com/@writer") == Words{"medium.com", "/", "@", "writer"});
  CHECK(words("ask@Claude") == Words{"ask", "@", "Claude"});
}

TEST_CASE("punctuation at a word's edge is its own token") {
  CHECK(words("Node.js.") == Words{"Node.js", "."});
  CHECK(words("(Rust)") == Words{"(", "Rust", ")"});
  CHECK(words("state-") == Words{"state", "-"});
  CHECK(words("A+B") == Words{"A", "+", "B"});
  CHECK(words("end.NET") == Words{"end.NET"});
  CHECK(words("x, .NET") == Words{"x", ",", ".NET"});
}

TEST_CASE("English possessives are the token's particle") {
  CHECK(words("Google's") == Words{"Google+'s"});
  CHECK(words("Acme's engineers' tools") == Words{"Acme+'s", "engineers+'", "tools"});
  CHECK(words("it's") == Words{"it+'s"});
  CHECK(words("rock'n'roll") == Words{"rock", "'", "n", "'", "roll"});
}

TEST_CASE("Hangul next to Latin letters or digits is its own token unless a particle") {
  CHECK(words("오픈AI") == Words{"오픈", "AI"});
  CHECK(words("AI팀") == Words{"AI", "팀"});
  CHECK(words("2025년") == Words{"2025", "년"});
  CHECK(words("3개를") == Words{"3", "개+를"});
}

TEST_CASE("scripts and token flags") {
  const std::vector<Token> t = tokens_of("에이크미 GPT-4o Rocket 3.5 東京 !");
  REQUIRE(t.size() == 6);
  CHECK(t[0].script == Script::kHangul);
  CHECK(t[1].script == Script::kLatin);
  CHECK_FALSE(t[1].all_upper);  // the 'o' is lower case
  CHECK(t[1].capitalized);
  CHECK(t[1].has_digit);
  CHECK(t[2].capitalized);
  CHECK_FALSE(t[2].has_digit);
  CHECK(t[3].script == Script::kDigit);
  CHECK(t[3].text == "3.5");
  CHECK(t[4].script == Script::kHan);
  CHECK(t[5].script == Script::kPunct);
  const std::vector<Token> u = tokens_of("NASA uses rust");
  CHECK(u[0].all_upper);
  CHECK_FALSE(u[1].capitalized);
  CHECK_FALSE(u[2].all_upper);
  CHECK(tokens_of("A")[0].capitalized);
  CHECK_FALSE(tokens_of("A")[0].all_upper);  // one letter is not "all upper"
}

TEST_CASE("space_before marks whitespace or the start before a token") {
  const std::vector<Token> t = tokens_of("Rust(러스트) 언어");
  REQUIRE(t.size() == 5);
  CHECK(t[0].space_before);
  CHECK_FALSE(t[1].space_before);
  CHECK_FALSE(t[2].space_before);
  CHECK_FALSE(t[3].space_before);
  CHECK(t[4].space_before);
}

TEST_CASE("byte offsets: begin, base_end and end point at the written text") {
  const std::string text = "오늘 앤스로픽(Anthropic)의 Claude를 Google's 팀이 본다";
  const std::vector<Token> t = tokens_of(text);
  auto base = [&](const Token& k) { return text.substr(k.begin, k.base_end - k.begin); };
  auto surface = [&](const Token& k) { return text.substr(k.begin, k.end - k.begin); };
  REQUIRE(t.size() == 10);
  CHECK(surface(t[0]) == "오늘");
  CHECK(t[1].begin == text.find("앤스로픽"));
  CHECK(base(t[1]) == "앤스로픽");
  CHECK(surface(t[3]) == "Anthropic");
  CHECK(surface(t[5]) == "의");
  CHECK(base(t[5]).empty());
  CHECK(base(t[6]) == "Claude");
  CHECK(surface(t[6]) == "Claude를");
  CHECK(t[6].particle == "를");
  CHECK(base(t[7]) == "Google");
  CHECK(surface(t[7]) == "Google's");
  CHECK(base(t[8]) == "팀");
  CHECK(surface(t[8]) == "팀이");
  CHECK(surface(t[9]) == "본다");
  CHECK(t[9].end == text.size());
  SUBCASE("a range inside the text") {
    const auto b = static_cast<std::uint32_t>(text.find("Claude"));
    const auto e = static_cast<std::uint32_t>(text.find(" Google"));
    const std::vector<Token> r = tokenize(text, b, e, nullptr, folded_forms());
    REQUIRE(r.size() == 1);
    CHECK(r[0].begin == b);
    CHECK(r[0].end == e);
    CHECK(r[0].space_before);  // the range's start counts as a space
  }
}

TEST_CASE("text is the base form as written, folded its case folding") {
  const std::vector<Token> t = tokens_of("ChatGPT를 ÄRGER 파이썬");
  CHECK(t[0].text == "ChatGPT");
  CHECK(t[0].folded == "chatgpt");
  CHECK(t[1].folded == "ärger");
  CHECK(t[2].folded == "파이썬");
  CHECK(fold_case("ΣΊΣΥΦΟΣ") == fold_case("σίσυφος"));
  CHECK(fold_case("한글 ABC") == "한글 abc");
}

TEST_CASE("a token that leaves ASCII and Hangul midway is folded and described whole") {
  const std::vector<Token> t = tokens_of("MÜNCHEN München Straße İstanbul ÉCOLE");
  REQUIRE(t.size() == 5);
  for (const Token& k : t) {
    CHECK(k.folded == fold_case(k.text));
    CHECK(k.capitalized);
  }
  CHECK(t[0].folded == "münchen");
  CHECK(t[0].all_upper);
  CHECK_FALSE(t[1].all_upper);
  CHECK(t[2].folded == "strasse");
  CHECK(t[4].all_upper);
}

TEST_CASE("fold_letters keeps what ICU calls alphanumeric or a combining mark, folded") {
  CHECK(fold_letters("\xE2\x96\xA0 \xEC\x9E\x90\xEA\xB2\xA9 \xEC\x9A\x94\xEA\xB1\xB4:") ==
        "\xEC\x9E\x90\xEA\xB2\xA9\xEC\x9A\x94\xEA\xB1\xB4");  // "■ 자격 요건:"
  CHECK(fold_letters("Nice-to-have") == "nicetohave");
  // Every ASCII character and Hangul syllable, which fold_letters reads without ICU, and some
  // others: as ICU classifies each.
  std::vector<UChar32> points;
  for (UChar32 c = 1; c < 0x80; ++c) {
    points.push_back(c);
  }
  for (UChar32 c = 0xAC00; c <= 0xD7A3; ++c) {
    points.push_back(c);
  }
  for (const UChar32 c : {0xC4, 0xDF, 0x130, 0x301, 0x3131, 0x4E00, 0xFF21, 0xFF10, 0x2160, 0x1100,
                          0x0903, 0xD7A4, 0xABFF, 0xFFFD}) {
    points.push_back(c);
  }
  for (const UChar32 c : points) {
    std::string text = "a";
    icu::UnicodeString(c).toUTF8String(text);
    text += "Z";
    const auto category = static_cast<UCharCategory>(u_charType(c));
    const bool kept =
        u_isalnum(c) != 0 || category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK;
    std::string expected = "a";
    if (kept) {
      expected += fold_case(text.substr(1, text.size() - 2));
    }
    expected += "z";
    CHECK_MESSAGE(fold_letters(text) == expected, "U+", std::hex, c);
  }
}

TEST_CASE("a known Hangul word keeps its ending") {
  const KnownWord known = [](std::string_view w) { return w == "라인" || w == "이가"; };
  CHECK(words("라인", known) == Words{"라인"});
  CHECK(words("라인") == Words{"라+인"});
  CHECK(words("이가", known) == Words{"이가"});
  CHECK(words("라인은", known) == Words{"라인+은"});
  CHECK(words("이가는", known) == Words{"이가+는"});
}

TEST_CASE("a syllable standing apart that is all particle is a word; a longer one is not") {
  CHECK(words("이 회사의 대표") == Words{"이", "회사+의", "대표"});
  CHECK(words("이 대표는") == Words{"이", "대표+는"});
  // Written onto what comes before, or a copula written apart, it stays a particle.
  CHECK(words("앤스로픽(Anthropic)이") == Words{"앤스로픽", "(", "Anthropic", ")", "+이"});
  CHECK(words("김하늘 입니다") == Words{"김하늘", "+입니다"});
}

TEST_CASE("a word written onto a closing quote or a Latin parenthetical keeps its ending") {
  // 콜트레인 ends in 인, which elsewhere is the copula written onto a noun (스타트업인).
  CHECK(words("'콜트레인'을 개발") == Words{"'", "콜트레인", "'", "+을", "개발"});
  CHECK(words("콜트레인(Coltrane)을") == Words{"콜트레인", "(", "Coltrane", ")", "+을"});
  CHECK(words("스타트업인 가온") == Words{"스타트업+인", "가온"});
  // Not before a parenthetical in Hangul ("대표는(사진)").
  CHECK(words("대표는(사진)") == Words{"대표+는", "(", "사진", ")"});
}

// Full Unicode case folding: "ß" folds to "ss", so "Straße" matches "STRASSE".
TEST_CASE("fold_case applies full case folding") {
  CHECK(fold_case("Straße") == fold_case("STRASSE"));
  CHECK(fold_case("ΣΊΣΥΦΟΣ") == fold_case("σίσυφος"));
  CHECK(fold_case("Ｋａｆｋａ") == "ｋａｆｋａ");  // width is normalisation's business
  CHECK(fold_case("한국어 Kafka") == "한국어 kafka");
}

// Every field of each token, offsets included, for comparing two tokenizations of `text`: a
// particle by its offset in `text`, or as "static" where it is not in it ("'s").
std::vector<std::string> described(const std::vector<Token>& tokens, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    const bool in_text = !t.particle.empty() && t.particle.data() >= text.data() &&
                         t.particle.data() < text.data() + text.size();
    const std::string where =
        in_text ? std::to_string(t.particle.data() - text.data()) : std::string("static");
    out.push_back(std::to_string(t.begin) + "/" + std::to_string(t.base_end) + "/" +
                  std::to_string(t.end) + " " + std::to_string(static_cast<int>(t.script)) +
                  (t.space_before ? "s" : "-") + (t.capitalized ? "c" : "-") +
                  (t.all_upper ? "u" : "-") + (t.has_digit ? "d" : "-") + " " +
                  std::string(t.text) + " " + std::string(t.folded) + " " +
                  std::string(t.particle) + "@" + where);
  }
  return out;
}

TEST_CASE("TokenCache gives what tokenize gives, run by run, at any offset") {
  const KnownWord known = [](std::string_view w) { return w == "솔라" || w == "라인"; };
  const std::vector<std::string> texts = {
      "카카오는 한지민 부사장을 영입했다. 한 부사장은 새로 만든 AI본부를 이끈다.",
      "앤스로픽(Anthropic)의 Claude와 Rust" + kDot + "Go를 썼다.",
      "Google's engineers' C++ and C# code, .NET 8.0.1 and khr@news.kr (v2.3) ChatGPT를",
      "솔라는 라인의 이 회사에서  '콜트레인'을 콜트레인(Coltrane)을 DALL-E와 2025년 3월",
      "東京 日本語 Ünïcode ÀB 123,456.7 a\u3000b \xE2\x80\x83 tab\tend 이 대표",
      // Runs of sixteen bytes and more (up to TokenCache::kMaxRun), which are scanned sixteen
      // bytes at a time, ended by each kind of space and holding characters whose lead bytes
      // may begin one.
      "aLongRunOfLetters_0123\vform\ffeed\rcarriage\nline 아주길게이어지는한국어단어였습니다"
      "\u00a0nbsp_and_more_letters\u0085next_line_letters\u1680ogham_space_letters"
      "\u2003em_space_letters\u3000ideographic_letters tab\tinside_a_long_run_of_letters "
      "em—dash—inside—a—run「괄호안의글자들」끝 ÀÉÎÕÜàéîõü_accented_letters_here "
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz",
  };
  // Two copies of each text, all alive at once: the runs the second copy repeats come from the
  // cache, and its tokens must point into the second copy, not the first.
  std::vector<std::string> copies;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      copies.push_back("x " + text + " y");
    }
  }
  TokenCache cache;
  cache.use_for(1);
  std::vector<Token> cached;
  for (const std::string& text : copies) {
    const auto size = static_cast<std::uint32_t>(text.size());
    for (const auto& [begin, end] :
         {std::pair<std::uint32_t, std::uint32_t>{0, size}, {2, size - 2}, {1, size - 1}}) {
      CAPTURE(text);
      cache.tokenize(text, begin, end, known, cached);
      CHECK(described(cached, text) ==
            described(tokenize(text, begin, end, known, folded_forms()), text));
      for (const Token& t : cached) {  // each token numbers its folded form
        REQUIRE(t.word < cache.words());
        CHECK(cache.word(t.word) == t.folded);
        // and views its base form in this copy of the text, where the run was cached from
        // the first
        CHECK(t.text.data() == text.data() + t.begin);
        CHECK(t.text.size() == t.base_end - t.begin);
        // and a folded form that folding leaves as written is that view too
        CHECK((t.folded != t.text || t.folded.data() == t.text.data()));
      }
    }
  }
  const std::size_t runs = cache.runs();
  const std::uint64_t generation = cache.generation();
  CHECK(runs > 0);
  cache.use_for(1);
  CHECK(cache.runs() == runs);
  CHECK(cache.generation() == generation);
  cache.use_for(2);  // another owner: its known words may differ, and the words are numbered anew
  CHECK(cache.runs() == 0);
  CHECK(cache.words() == 0);
  CHECK(cache.generation() != generation);
}

TEST_CASE("TokenCache ends a run at every kind of space, however long the run") {
  // Seven runs of 23 to 60 bytes, with characters that are no spaces but whose lead bytes may
  // begin one (U+00E9, U+2014, U+300C), ended by each space the tokenizer knows: a run that
  // went on past one would be cached as one run, not as the runs between the spaces.
  const std::vector<std::string> spaces = {" ",      "\n",     "\v",     "\f",     "\r",
                                           "\u00a0", "\u0085", "\u1680", "\u2003", "\u3000"};
  const KnownWord known = [](std::string_view) { return false; };
  for (const std::string& space : spaces) {
    CAPTURE(space);
    std::string text;
    for (int run = 0; run < 7; ++run) {
      text += std::string(static_cast<std::size_t>(16 + 6 * run), static_cast<char>('a' + run)) +
              (run % 2 == 0 ? "é—「" : "x") + space;
    }
    TokenCache cache;
    cache.use_for(1);
    std::vector<Token> tokens;
    cache.tokenize(text, 0, static_cast<std::uint32_t>(text.size()), known, tokens);
    CHECK(cache.runs() == 7);
  }
}

}  // namespace
}  // namespace kgex
