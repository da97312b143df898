#!/usr/bin/python3
"""Writes a synthetic corpus for benchmarks: documents mixing Korean and
English sentences built from templates and the gazetteers of rules/tech.
Deterministic for a seed. usage: make_corpus.py OUT MEGABYTES [SEED]
OUT is a folder of .txt files, or, when it ends in .jsonl, one JSON Lines file
({"id": ..., "text": ...} per line, the input of `kgex extract --jsonl`).

Like a real news corpus, the documents report a fixed world rather than a
fresh random fact in every sentence: each organization has its leader, its
products, the tools it uses, partners and rivals, drawn once from the seed.
A document is about one organization, chosen with a Zipf-like popularity (a
few companies are in the news all the time), and states some of its facts
between sentences that name no relation. So a larger corpus repeats known
facts with new evidence and names a few new ones, as real corpora do, and
the graph grows much more slowly than the text."""
import argparse
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "rules", "tech", "gazetteer")

# Sentences that state a fact of the document's organization {org}.
KO = [
    "{org}의 {product}는 {tool} 기반으로 동작한다.",
    "{person} {org} 대표는 새 전략을 발표했다.",
    "{org}는 {org2}와 협력해 {product}를 공개했다.",
    "이번 분기 {org}는 {tool}와 {tool2}를 도입했다.",
    "업계에서는 {org}가 {rival}와 경쟁한다고 본다.",
]
EN = [
    "{org} launched {product} on Tuesday.",
    "{person}, the CEO of {org}, spoke at the event.",
    "The team at {org} uses {tool} and {tool2} in production.",
    "{org} partnered with {org2} to ship {product}.",
]
# Sentences with no relation: some name the organization, most name nothing.
FILLER_KO = [
    "회의에서는 여러 안건이 논의되었고 다음 일정이 정해졌다.",
    "시장 반응은 아직 지켜봐야 한다는 의견이 많다.",
    "관계자는 구체적인 수치는 공개하지 않았다고 밝혔다.",
    "{org} 측은 하반기에 추가 발표가 있을 것이라고 말했다.",
    "전문가들은 비용 구조가 가장 큰 변수라고 지적했다.",
    "올해 들어 비슷한 시도가 여러 차례 있었지만 성과는 엇갈렸다.",
]
FILLER_EN = [
    "Analysts expect the market to grow next year.",
    "The company did not disclose financial terms of the deal.",
    "{org} said more details would follow later this year.",
    "Several customers have already started pilot projects, according to the announcement.",
    "Costs remain the biggest open question for the industry.",
    "The announcement came a week after a similar move by a competitor.",
]
FACT_SHARE = 0.5  # sentences that state a fact; the rest are filler


def names(kind):
    with open(os.path.join(GAZ, kind + ".json"), encoding="utf-8") as f:
        return [e["name"] for e in json.load(f)["gazetteer"] if not e.get("context")]


def build_world(rng, pool):
    world = {}
    for org in pool["organizations"]:
        world[org] = {
            "person": rng.choice(pool["people"]),
            "product": rng.sample(pool["products"], 2),
            "tool": rng.sample(pool["tools"], 5),
            "org2": rng.sample(pool["organizations"], 2),
            "rival": rng.sample(pool["organizations"], 2),
        }
    return world


def sentence(rng, org, facts):
    if rng.random() >= FACT_SHARE:
        return rng.choice(FILLER_KO if rng.random() < 0.5 else FILLER_EN).format(org=org)
    tool, tool2 = rng.sample(facts["tool"], 2)
    t = rng.choice(KO if rng.random() < 0.5 else EN)
    return t.format(org=org, person=facts["person"], product=rng.choice(facts["product"]),
                    tool=tool, tool2=tool2, org2=rng.choice(facts["org2"]),
                    rival=rng.choice(facts["rival"]))


def main():
    parser = argparse.ArgumentParser(
        description="Write a deterministic synthetic corpus for the benchmarks.")
    parser.add_argument("out", help="a folder of .txt files, or a .jsonl file")
    parser.add_argument("megabytes", type=float, help="size of the corpus in MB (10^6 bytes)")
    parser.add_argument("seed", type=int, nargs="?", default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.megabytes <= 0:
        parser.error("megabytes must be positive")
    out, megabytes = args.out, args.megabytes
    rng = random.Random(args.seed)
    pool = {k: names(k) for k in ("organizations", "products", "tools", "people")}
    world = build_world(rng, pool)
    orgs = list(world)
    popularity = [1.0 / (rank + 1) for rank in range(len(orgs))]
    jsonl = open(out, "w", encoding="utf-8") if out.endswith(".jsonl") else None
    if not jsonl:
        os.makedirs(out, exist_ok=True)
    target, written, doc = int(megabytes * 1e6), 0, 0
    while written < target:
        org = rng.choices(orgs, weights=popularity)[0]
        lines = [sentence(rng, org, world[org]) for _ in range(rng.randint(8, 20))]
        text = "\n".join(lines) + "\n"
        if jsonl:
            jsonl.write(json.dumps({"id": "doc%07d" % doc, "text": text}, ensure_ascii=False) + "\n")
        else:
            with open(os.path.join(out, "doc%06d.txt" % doc), "w", encoding="utf-8") as f:
                f.write(text)
        written += len(text.encode())
        doc += 1
    if jsonl:
        jsonl.close()
    print(f"{doc} documents, {written / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
