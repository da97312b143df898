// Opens kgex's exported files with the Node clients Gephi Lite and JSON-LD
// users load them with, and checks what they see.
//
// usage: NODE_PATH=<modules> node check_node.js EXPECTED.json DIR
// DIR holds sample.graphml, sample.gexf, sample.jsonld and sample.nt.
// Prints one line per client; exits 1 on any failure.
'use strict';

const fs = require('fs');
const path = require('path');
const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');
const jsonld = require('jsonld');

const failures = [];

function check(ok, client, message) {
  if (!ok) failures.push(`${client}: ${message}`);
  return ok;
}

function report(client, seen) {
  const failed = failures.some((f) => f.startsWith(client + ':'));
  console.log(`${failed ? 'FAIL' : 'PASS'} ${client}: ${seen}`);
}

function hex(rgb) {
  return '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
}

// graphology-graphml gives "#rrggbb", graphology-gexf "rgb(r,g,b)".
function normalColor(color) {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color || '');
  return m ? hex(m.slice(1, 4).map(Number)) : color;
}

function checkGraph(client, graph, expected) {
  check(graph.order === expected.nodes && graph.size === expected.edges, client,
        `saw ${graph.order}/${graph.size}, expected ${expected.nodes}/${expected.edges}`);
  check(graph.type === 'directed', client, `graph type ${graph.type}`);
  for (const n of expected.node_samples) {
    if (!check(graph.hasNode(n.id), client, `no node ${n.id}`)) continue;
    const a = graph.getNodeAttributes(n.id);
    check(a.label === n.label, client, `${n.id} label ${JSON.stringify(a.label)}`);
    check(a.type === n.type, client, `${n.id} type ${a.type}`);
    check(normalColor(a.color) === hex(n.rgb), client, `${n.id} colour ${a.color}`);
  }
  for (const e of expected.edge_samples) {
    const found = graph.outEdges(e.source).filter(
        (k) => graph.target(k) === e.target && graph.getEdgeAttribute(k, 'label') === e.label);
    if (!check(found.length === 1, client, `edge ${JSON.stringify(e)}`)) continue;
    const a = graph.getEdgeAttributes(found[0]);
    check(Math.abs(a.weight - e.confidence) < 1e-9, client, `${e.label} weight ${a.weight}`);
    check(a.support === e.support, client, `${e.label} support ${a.support}`);
  }
  report(client, `${graph.order}/${graph.size}`);
}

// IRIs a URI-only consumer accepts: a scheme, no characters that need escaping.
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>{}|\\^`\u0000-\u001f]*$/;

function checkIris(client, quads) {
  let bad = 0;
  for (const q of quads) {
    for (const term of [q.subject, q.predicate, q.object, q.object.datatype]) {
      if (!term || term.termType !== 'NamedNode') continue;
      if (!ABSOLUTE_IRI.test(term.value) || /%(?![0-9A-Fa-f]{2})/.test(term.value)) {
        if (bad++ === 0) check(false, client, `not an absolute IRI: ${term.value}`);
      }
    }
  }
}

async function checkJsonLd(dir) {
  const client = 'jsonld.js';
  const documentLoader = async (url) => {
    throw new Error(`network access refused: ${url}`);
  };
  const doc = JSON.parse(fs.readFileSync(path.join(dir, 'sample.jsonld'), 'utf8'));
  // Safe mode: anything jsonld.js would silently drop is an error.
  await jsonld.expand(doc, {safe: true, documentLoader});
  const quads = await jsonld.toRDF(doc, {safe: true, documentLoader});
  check(quads.length > 0, client, 'no quads');
  checkIris(client, quads);
  const fromJsonLd = await jsonld.canonize(doc, {
    algorithm: 'URDNA2015', format: 'application/n-quads', safe: true, documentLoader});
  const fromNt = await jsonld.canonize(fs.readFileSync(path.join(dir, 'sample.nt'), 'utf8'), {
    algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads'});
  check(fromJsonLd === fromNt, client, 'sample.nt and sample.jsonld hold different triples');
  report(client, `${quads.length} quads, N-Triples ${fromJsonLd === fromNt ? 'identical' : 'DIFFERENT'}`);
}

async function main() {
  const [expectedPath, dir] = process.argv.slice(2);
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
  const steps = [
    () => checkGraph('graphology-graphml',
                     graphml.parse(Graph, fs.readFileSync(path.join(dir, 'sample.graphml'), 'utf8')),
                     expected),
    () => checkGraph('graphology-gexf',
                     gexf.parse(Graph, fs.readFileSync(path.join(dir, 'sample.gexf'), 'utf8')),
                     expected),
    () => checkJsonLd(dir),
  ];
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      failures.push(`exception: ${e.message}`);
      console.log(`FAIL ${e.name}: ${e.message}`);
    }
  }
  for (const f of failures) console.log(`ERROR ${f}`);
  process.exit(failures.length ? 1 : 0);
}

main();
