#!/usr/bin/env python3
"""Runs the YAML test suite's cases through `coach parse` and prints the figures recorded in
docs/LANGUAGE-SUBSET.md.

    python3 Benchmarks/yaml-test-suite.py SUITE_DATA [COACH]

SUITE_DATA is a checkout of the suite's `data` release (one folder per case, or per sub-case, with
`in.yaml`, `in.json` and, for a case that must be refused, `error`); COACH is the built binary
(default `.build/debug/coach`). Nothing here runs in the test suite: the cases that matter are
copied into Tests/CoachKitTests/Syntax/YAMLTestSuiteTests.swift.

A valid case counts as outside the subset when it holds several documents or when the parser
refuses it only with a code for something the subset leaves out on purpose (anchors, aliases,
tags, directives, explicit or complex keys, empty or duplicate keys). Y012 is not such a code: a
second document is already known from `in.json`, and a `...` with no document before it is a
valid stream of no documents. Every other valid case is in the subset, the ones refused on
purpose where YAML versions disagree included: accepted with the suite's meaning, accepted with
another meaning (a wrong meaning), or refused. `--list` prints the id of each case in each group.
"""

import json
import os
import re
import subprocess
import sys

OUTSIDE = {"Y007", "Y008", "Y009", "Y010", "Y011", "Y013", "Y014", "Y030"}
NULLS = {"", "~", "null", "Null", "NULL"}
TRUE = {"true", "True", "TRUE"}
FALSE = {"false", "False", "FALSE"}


def number(text):
    """The YAML 1.2 core schema reading of a number, or None."""
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
        return float(text)
    return None


def same(expected, ours):
    """Whether `ours` (every scalar a string) means `expected` (the suite's typed JSON)."""
    if isinstance(expected, dict):
        return (isinstance(ours, dict) and list(expected) == list(ours)
                and all(same(expected[key], ours[key]) for key in expected))
    if isinstance(expected, list):
        return (isinstance(ours, list) and len(expected) == len(ours)
                and all(same(a, b) for a, b in zip(expected, ours)))
    if ours is None:
        return expected is None
    if not isinstance(ours, str):
        return False
    if expected is None:
        return ours in NULLS
    if isinstance(expected, bool):
        return ours in (TRUE if expected else FALSE)
    if isinstance(expected, (int, float)):
        return number(ours) == expected
    return ours == expected


def documents(text):
    """The JSON values in an `in.json` (one per YAML document)."""
    decoder, index, values = json.JSONDecoder(), 0, []
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return values
        value, index = decoder.raw_decode(text, index)
        values.append(value)


def cases(root):
    for folder, _, files in sorted(os.walk(root)):
        if "in.yaml" in files:
            yield os.path.relpath(folder, root), folder, files


def main():
    args = [a for a in sys.argv[1:] if a != "--list"]
    if not args:
        sys.exit(__doc__)
    root, coach = args[0], (args[1] if len(args) > 1 else ".build/debug/coach")
    groups = {name: [] for name in
              ("same", "wrong", "refused", "outside", "no-json", "invalid-refused",
               "invalid-accepted")}
    for case, folder, files in cases(root):
        run = subprocess.run([coach, "parse", os.path.join(folder, "in.yaml")],
                             capture_output=True, text=True, timeout=20)
        codes = set(re.findall(r"error\[(Y[0-9]{3})\]", run.stderr))
        if "error" in files:
            groups["invalid-refused" if run.returncode != 0 else "invalid-accepted"].append(case)
            continue
        if "in.json" not in files:
            groups["no-json"].append(case)
            continue
        with open(os.path.join(folder, "in.json"), encoding="utf-8") as handle:
            expected = documents(handle.read())
        if len(expected) > 1 or (run.returncode != 0 and codes and codes <= OUTSIDE):
            groups["outside"].append(case)
        elif run.returncode != 0:
            groups["refused"].append(case)
        else:
            ours = json.loads(run.stdout)
            groups["same" if same(expected[0] if expected else None, ours) else "wrong"].append(case)
    inside = len(groups["same"]) + len(groups["wrong"]) + len(groups["refused"])
    print(f"valid cases inside the subset: {inside}")
    print(f"  accepted, same meaning:      {len(groups['same'])}"
          f" ({100 * len(groups['same']) / max(inside, 1):.1f}%)")
    print(f"  accepted, wrong meaning:     {len(groups['wrong'])}")
    print(f"  refused:                     {len(groups['refused'])}")
    print(f"valid cases outside the subset: {len(groups['outside'])}")
    print(f"valid cases without in.json:    {len(groups['no-json'])}")
    print(f"invalid cases refused:          {len(groups['invalid-refused'])}"
          f" of {len(groups['invalid-refused']) + len(groups['invalid-accepted'])}")
    if "--list" in sys.argv:
        for name, ids in groups.items():
            print(f"{name}: {' '.join(ids)}")


if __name__ == "__main__":
    main()
