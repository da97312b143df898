#!/usr/bin/python3
"""Opens kgex's exported files with Python clients and checks what they see.

usage: check_python.py EXPECTED.json DIR
DIR holds sample.graphml, sample.gexf, sample.jsonld, sample.nt,
sample.nodes.csv and sample.relationships.csv. Prints one line per client
and exits 1 when any client fails or disagrees with EXPECTED.json.
"""
import csv
import json
import math
import os
import re
import sys

FAILURES = []


def check(ok, client, message):
    if not ok:
        FAILURES.append(f"{client}: {message}")
    return ok


def report(client, seen):
    failed = [f for f in FAILURES if f.startswith(client + ":")]
    print(("FAIL " if failed else "PASS ") + f"{client}: {seen}")


def check_counts(client, nodes, edges, exp):
    check((nodes, edges) == (exp["nodes"], exp["edges"]), client,
          f"saw {nodes} nodes / {edges} edges, expected {exp['nodes']} / {exp['edges']}")


def close(a, b):
    return a is not None and math.isclose(float(a), b, abs_tol=1e-9)


def networkx_graphml(path, exp):
    import networkx as nx
    g = nx.read_graphml(path)
    check(g.is_directed(), "networkx-graphml", "graph is not directed")
    check_counts("networkx-graphml", g.number_of_nodes(), g.number_of_edges(), exp)
    for n in exp["node_samples"]:
        data = g.nodes.get(n["id"])
        if check(data is not None, "networkx-graphml", f"no node {n['id']}"):
            check(data.get("label") == n["label"], "networkx-graphml",
                  f"{n['id']} label {data.get('label')!r}")
            check(data.get("type") == n["type"], "networkx-graphml", f"{n['id']} type")
            check([data.get(c) for c in "rgb"] == n["rgb"], "networkx-graphml",
                  f"{n['id']} r/g/b {[data.get(c) for c in 'rgb']}")
    for e in exp["edge_samples"]:
        found = [d for _, t, d in g.out_edges(e["source"], data=True)
                 if t == e["target"] and d.get("label") == e["label"]]
        if check(len(found) == 1, "networkx-graphml", f"edge {e}"):
            d = found[0]
            check(close(d.get("confidence"), e["confidence"]) and close(d.get("weight"), e["confidence"]),
                  "networkx-graphml", f"{e['label']} confidence {d.get('confidence')}")
            check(d.get("support") == e["support"], "networkx-graphml", f"{e['label']} support")
            if "evidence" in e:
                check(d.get("evidence") == e["evidence"], "networkx-graphml",
                      f"{e['label']} evidence {d.get('evidence')!r}")
    report("networkx-graphml", f"{g.number_of_nodes()}/{g.number_of_edges()}")


def igraph_graphml(path, exp):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    check(g.is_directed(), "igraph-graphml", "graph is not directed")
    check_counts("igraph-graphml", g.vcount(), g.ecount(), exp)
    ids = g.vs["id"]
    for n in exp["node_samples"]:
        if check(n["id"] in ids, "igraph-graphml", f"no node {n['id']}"):
            v = g.vs[ids.index(n["id"])]
            check(v["label"] == n["label"], "igraph-graphml", f"{n['id']} label {v['label']!r}")
            check([int(v[c]) for c in "rgb"] == n["rgb"], "igraph-graphml", f"{n['id']} r/g/b")
    for e in exp["edge_samples"]:
        s, t = ids.index(e["source"]), ids.index(e["target"])
        found = [x for x in g.es.select(_source=s, _target=t) if x["label"] == e["label"]]
        if check(len(found) == 1, "igraph-graphml", f"edge {e}"):
            check(close(found[0]["confidence"], e["confidence"]), "igraph-graphml",
                  f"{e['label']} confidence")
    report("igraph-graphml", f"{g.vcount()}/{g.ecount()}")


def networkx_gexf(path, exp):
    import networkx as nx
    from networkx.readwrite.gexf import GEXF
    # networkx 2.8.8 knows GEXF 1.1draft and 1.2draft only; register 1.3 as
    # later networkx releases do (networkx/networkx PR #8196).
    GEXF.versions.setdefault("1.3", {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    })
    g = nx.read_gexf(path, version="1.3")
    check(g.is_directed(), "networkx-gexf", "graph is not directed")
    check_counts("networkx-gexf", g.number_of_nodes(), g.number_of_edges(), exp)
    for n in exp["node_samples"]:
        data = g.nodes.get(n["id"])
        if check(data is not None, "networkx-gexf", f"no node {n['id']}"):
            check(data.get("label") == n["label"], "networkx-gexf", f"{n['id']} label")
            check(data.get("type") == n["type"], "networkx-gexf", f"{n['id']} type")
            color = data.get("viz", {}).get("color", {})
            check([color.get(c) for c in "rgb"] == n["rgb"], "networkx-gexf", f"{n['id']} viz:color {color}")
    for e in exp["edge_samples"]:
        found = [d for _, t, d in g.out_edges(e["source"], data=True)
                 if t == e["target"] and d.get("label") == e["label"]]
        if check(len(found) == 1, "networkx-gexf", f"edge {e}"):
            check(close(found[0].get("weight"), e["confidence"]), "networkx-gexf", f"{e['label']} weight")
            check(found[0].get("support") == e["support"], "networkx-gexf", f"{e['label']} support")
    report("networkx-gexf", f"{g.number_of_nodes()}/{g.number_of_edges()}")


ENTITY_TYPES = {"Person", "Organization", "Team", "Product", "Tool"}
RELATION_TYPES = {"works_at", "member_of", "leads", "founded", "part_of", "develops", "uses",
                  "competes_with", "partners_with", "invests_in", "acquires"}


def local(iri):
    return re.split(r"[/#:]", str(iri))[-1]


def rdflib_jsonld(path, exp):
    import rdflib
    from rdflib.namespace import RDF
    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    check(len(g) > 0, "rdflib-jsonld", "no triples")
    entities = {}
    for s in set(g.subjects(RDF.type, None)):
        types = {local(t) for t in g.objects(s, RDF.type)} & ENTITY_TYPES
        if len(types) == 1:
            entities[s] = {str(o) for p, o in g.predicate_objects(s)
                           if local(p) in ("name", "alternateName") and isinstance(o, rdflib.Literal)}
    direct = [(s, local(p), o) for s, p, o in g
              if s in entities and o in entities and local(p) in RELATION_TYPES]
    check(len(entities) == exp["nodes"], "rdflib-jsonld", f"{len(entities)} entities")
    check(len(direct) == exp["edges"], "rdflib-jsonld", f"{len(direct)} direct relation triples")
    for n in exp["node_samples"]:
        check(any(n["label"] in names for names in entities.values()), "rdflib-jsonld",
              f"no entity named {n['label']!r}")
    sam = [s for s, names in entities.items() if "Sam Altman" in names and "샘 올트먼" in names]
    if check(len(sam) == 1, "rdflib-jsonld", "샘 올트먼 / Sam Altman is not one entity"):
        leads = [o for s, r, o in direct if s == sam[0] and r == "leads"]
        check(len(leads) == 1 and "OpenAI" in entities[leads[0]], "rdflib-jsonld", "leads OpenAI missing")
    report("rdflib-jsonld", f"{len(g)} triples, {len(entities)} entities, {len(direct)} relations")
    return len(g)


def rdflib_ntriples(path, jsonld_triples):
    import rdflib
    g = rdflib.Graph()
    g.parse(path, format="nt")
    with open(path, encoding="utf-8") as f:
        lines = sum(1 for line in f if line.strip())
    check(len(g) == lines, "rdflib-nt", f"{len(g)} triples from {lines} lines")
    check(len(g) == jsonld_triples, "rdflib-nt",
          f"{len(g)} triples, the JSON-LD gives {jsonld_triples}")
    report("rdflib-nt", f"{len(g)} triples")


def csv_files(nodes_path, relationships_path, exp):
    with open(nodes_path, newline="", encoding="utf-8") as f:
        nodes = list(csv.reader(f, strict=True))
    with open(relationships_path, newline="", encoding="utf-8") as f:
        rels = list(csv.reader(f, strict=True))
    check(nodes[0][:3] == ["id:ID", "name", ":LABEL"], "csv", f"nodes header {nodes[0]}")
    check(rels[0][:4] == [":START_ID", ":END_ID", ":TYPE", "confidence:float"], "csv",
          f"relationships header {rels[0]}")
    check_counts("csv", len(nodes) - 1, len(rels) - 1, exp)
    by_id = {row[0]: row for row in nodes[1:]}
    for n in exp["node_samples"]:
        row = by_id.get(n["id"])
        check(row is not None and row[1] == n["label"] and row[2] == n["type"], "csv", f"node row {row}")
    for e in exp["edge_samples"]:
        found = [r for r in rels[1:] if r[:3] == [e["source"], e["target"], e["label"]]]
        check(len(found) == 1 and close(found[0][3], e["confidence"]), "csv", f"relationship {e}")
    report("csv", f"{len(nodes) - 1}/{len(rels) - 1}")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        exp = json.load(f)
    d = argv[2]
    steps = [
        lambda: networkx_graphml(os.path.join(d, "sample.graphml"), exp),
        lambda: igraph_graphml(os.path.join(d, "sample.graphml"), exp),
        lambda: networkx_gexf(os.path.join(d, "sample.gexf"), exp),
        lambda: rdflib_ntriples(os.path.join(d, "sample.nt"),
                                rdflib_jsonld(os.path.join(d, "sample.jsonld"), exp)),
        lambda: csv_files(os.path.join(d, "sample.nodes.csv"),
                          os.path.join(d, "sample.relationships.csv"), exp),
    ]
    for step in steps:
        try:
            step()
        except Exception as e:  # a client that cannot read the file fails the test
            FAILURES.append(f"exception: {type(e).__name__}: {e}")
            print(f"FAIL {type(e).__name__}: {e}")
    for failure in FAILURES:
        print("ERROR " + failure)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
