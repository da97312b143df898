#!/usr/bin/python3
"""Writes a synthetic corpus for benchmarks: N documents mixing Korean and
English sentences built from templates and the gazetteers of rules/tech.
Deterministic for a seed. usage: make_corpus.py OUT_DIR MEGABYTES [SEED]"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "rules", "tech", "gazetteer")

KO = [
    "{org}의 {product}는 {tool} 기반으로 동작한다.",
    "{person} {org} 대표는 새 전략을 발표했다.",
    "{org}는 {org2}와 협력해 {product}를 공개했다.",
    "이번 분기 {org}는 {tool}와 {tool2}를 도입했다.",
    "업계에서는 {org}가 {org2}와 경쟁한다고 본다.",
    "회의에서는 여러 안건이 논의되었고 다음 일정이 정해졌다.",
]
EN = [
    "{org} launched {product} on Tuesday.",
    "{person}, the CEO of {org}, spoke at the event.",
    "The team at {org} uses {tool} and {tool2} in production.",
    "{org} partnered with {org2} to ship {product}.",
    "Analysts expect the market to grow next year.",
]


def names(kind):
    with open(os.path.join(GAZ, kind + ".json"), encoding="utf-8") as f:
        return [e["name"] for e in json.load(f)["gazetteer"] if not e.get("context")]


def main():
    out, megabytes = sys.argv[1], float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    pool = {k: names(k) for k in ("organizations", "products", "tools", "people")}
    os.makedirs(out, exist_ok=True)
    target, written, doc = int(megabytes * 1e6), 0, 0
    while written < target:
        lines = []
        for _ in range(rng.randint(8, 20)):
            t = rng.choice(KO if rng.random() < 0.5 else EN)
            lines.append(t.format(org=rng.choice(pool["organizations"]), org2=rng.choice(pool["organizations"]),
                                  product=rng.choice(pool["products"]), tool=rng.choice(pool["tools"]),
                                  tool2=rng.choice(pool["tools"]), person=rng.choice(pool["people"])))
        text = "\n".join(lines) + "\n"
        with open(os.path.join(out, "doc%06d.txt" % doc), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode())
        doc += 1
    print(f"{doc} documents, {written / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
