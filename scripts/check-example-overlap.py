#!/usr/bin/env python3
"""Fail when a rule example or description copies text from an evaluation text.

Usage: check-example-overlap.py [--min-chars N] [--only examples|descriptions]
                                RULES_DIR TEXT_DIR_OR_FILE...

Every JSON file under RULES_DIR is searched for "examples" arrays and for "description" strings
(of rules, lexicons and the manifest), and its file-level "source" string is read as well; the
"text" of each example and each description or source is compared with every *.txt file in the
text folders (searched recursively; a file named on the command line is read whatever its
name). Whitespace is collapsed to one space on both sides. An example or description that
shares a substring of N characters or more (default 25) with a text is printed with the file it
comes from, the text it shares with and the longest shared substring, and the exit status is 1
(2 for a missing folder or no texts). A lower --min-chars (14, say) lists the near copies too;
--only checks one of the two kinds.

Rule examples and descriptions must be written in our own words, with invented names: an
example copied from an evaluation text makes the rule look better on that text than it is, and
a description that quotes one documents the rule with a phrase of the text it is judged on.
"""

import argparse
import json
import os
import re
import sys

WHITESPACE = re.compile(r"\s+")


def fail(message):
    """A usage or input error: exit status 2, as argparse gives for bad arguments."""
    print(f"check-example-overlap: {message}", file=sys.stderr)
    sys.exit(2)


def collapse(text):
    return WHITESPACE.sub(" ", text).strip()


def find_strings(rules_dir):
    """Yields (kind, json file, JSON pointer, text) for every example ("example") and every
    description or file-level source ("description") in every file."""
    for root, dirs, files in os.walk(rules_dir):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".json"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            if isinstance(data, dict) and isinstance(data.get("source"), str):
                # A rule's "source" names a capture; only the file's own is prose.
                yield "description", path, "/source", data["source"]
            stack = [("", data)]
            while stack:
                pointer, node = stack.pop()
                if isinstance(node, dict):
                    for key, value in node.items():
                        if key == "examples" and isinstance(value, list):
                            for i, example in enumerate(value):
                                if isinstance(example, dict) and isinstance(example.get("text"), str):
                                    yield "example", path, f"{pointer}/examples/{i}", example["text"]
                        elif key == "description" and isinstance(value, str):
                            yield "description", path, f"{pointer}/description", value
                        else:
                            stack.append((f"{pointer}/{key}", value))
                elif isinstance(node, list):
                    stack.extend((f"{pointer}/{i}", value) for i, value in enumerate(node))


def read_texts(sources):
    texts = []
    for source in sources:
        if os.path.isfile(source):
            paths = [source]
        elif os.path.isdir(source):
            paths = []
            for root, dirs, files in os.walk(source):
                dirs.sort()
                paths.extend(os.path.join(root, n) for n in sorted(files) if n.endswith(".txt"))
        else:
            fail(f"{source}: no such file or folder")
        for path in paths:
            with open(path, encoding="utf-8", errors="replace") as f:
                texts.append((path, collapse(f.read())))
    return texts


def longest_shared(example, texts, grams, k):
    """The longest substring of example, at least k characters long, found in one of the texts:
    (length, substring, text path), or None."""
    best = None
    i = 0
    n = len(example)
    while i + k <= n:
        owners = grams.get(example[i:i + k])
        if owners is None:
            i += 1
            continue
        # Grow the match from i in each text that holds its first k characters.
        for t in owners:
            body = texts[t][1]
            length = k
            while i + length < n and example[i:i + length + 1] in body:
                length += 1
            if best is None or length > best[0]:
                best = (length, example[i:i + length], texts[t][0])
        i += 1
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rules_dir")
    parser.add_argument("texts", nargs="+", help="folders of *.txt evaluation texts, or files")
    parser.add_argument("--min-chars", type=int, default=25,
                        help="shared characters that make an example a copy (default 25)")
    parser.add_argument("--only", choices=["examples", "descriptions"],
                        help="check only the examples or only the descriptions (default both)")
    args = parser.parse_args()
    k = args.min_chars
    if k < 1:
        parser.error("--min-chars must be at least 1")

    texts = read_texts(args.texts)
    if not texts:
        fail("no *.txt texts in " + " ".join(args.texts))
    grams = {}
    for t, (_, body) in enumerate(texts):
        for j in range(len(body) - k + 1):
            owners = grams.setdefault(body[j:j + k], [])
            if not owners or owners[-1] != t:
                owners.append(t)

    found = 0
    counts = {"example": 0, "description": 0}
    for kind, path, pointer, text in find_strings(args.rules_dir):
        if args.only and args.only != kind + "s":
            continue
        counts[kind] += 1
        best = longest_shared(collapse(text), texts, grams, k)
        if best is None:
            continue
        found += 1
        length, shared, source = best
        print(f"{path}: {pointer}: shares {length} characters with {source}")
        print(f"  {kind + ':':12} {text!r}")
        print(f"  {'shared:':12} {shared!r}")
    checked = ", ".join(f"{n} {kind}s" for kind, n in counts.items()
                        if not args.only or args.only == kind + "s")
    print(f"check-example-overlap: {checked}, {len(texts)} texts, "
          f"{found} sharing {k} characters or more")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
