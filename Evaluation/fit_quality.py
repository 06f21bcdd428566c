#!/usr/bin/env python3
"""Fits the lexicon's `quality:` points on the fit half of the labelled corpus.

    python3 Evaluation/fit_quality.py [--coach PATH]

Scores every reply of the fit split once with `coach score --jsonl` (steps and anti-patterns),
then searches a grid of the quality points for the highest Spearman correlation with the
annotators' mean quality (1-5), computing quality exactly as the evaluator does (see
`Lexicon.QualityWeights`): base + points per step strength - points per anti-pattern weight -
leapfrog (never, here: the corpus replies carry no step). Prints the best points as the
lexicon's `quality:` section. The report split is never read.
"""

import argparse
import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import default_coach, load_corpus, score, spearman  # noqa: E402
from fit_thresholds import LEXICON, STEPS, groups  # noqa: E402



def antipattern_weights():
    """Anti-pattern weights, read from the bundled lexicon."""
    text = open(LEXICON, encoding="utf-8").read()
    return {name: g["weight"] for name, g in groups(text).items() if not g["signal"]}


def quality(answer, p, weights):
    points = p["base"]
    for i, step in enumerate(STEPS):
        strength = answer["steps"][step]
        if strength == "strong":
            points += p["strong"][i]
        elif strength == "weak":
            points += p["weak"][i]
    for name in {a["id"] for a in answer["antipatterns"]}:
        points -= p["antipattern"] * weights.get(name, 1)
    return max(0, min(100, points))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coach", default=default_coach())
    args = parser.parse_args()
    items = load_corpus("fit")
    answers = score(args.coach, items)
    gold = [it["labels"]["quality"] for it in items]
    weights = antipattern_weights()
    best = None
    for e_strong, u_strong, o_strong, c_strong, anti in itertools.product(
            [15, 20, 25, 30], [10, 15, 20], [10, 15, 20, 25], [10, 15, 20], [4, 6, 8, 10, 12]):
        p = {"base": 30, "strong": [e_strong, u_strong, o_strong, c_strong],
             "weak": [e_strong // 2, u_strong // 2, o_strong // 2, c_strong // 2],
             "antipattern": anti}
        rho = spearman(gold, [quality(a, p, weights) for a in answers])
        if best is None or rho > best[0]:
            best = (rho, p)
    rho, p = best
    print(f"# Spearman {rho:.3f} on {len(items)} fit replies")
    print("quality:")
    print(f"  base: {p['base']}")
    for i, step in enumerate(STEPS):
        print(f"  {step}-weak: {p['weak'][i]}")
        print(f"  {step}-strong: {p['strong'][i]}")
    print(f"  antipattern: {p['antipattern']}")
    print("  leapfrog: 10")


if __name__ == "__main__":
    main()
