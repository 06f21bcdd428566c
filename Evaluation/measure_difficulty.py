#!/usr/bin/env python3
"""Measures how hard each bundled scenario is, from reply scripts, beside its `difficulty` label.

    python3 Evaluation/measure_difficulty.py [--coach PATH] DIR...

A scenario is hard when the customer forgives little. The measure plays every skilled reply
script of DIR... (files `<scenario>.skilled*.txt`, written from the briefs alone) as written, then
again with one of the mistakes a learner makes:

- `no-opening`: the first reply, the empathy before anything else, left out;
- `no-summary`: the replies that summarised left out;
- `early-offer`: the first reply that offered something moved up to second place;
- `no-check`: the reply that checked and closed the call left out;
- `brush-off`: "Look, these things happen." said after the first reply.

Each run is one `coach practice` process (seed 1, replies piped in, transcript read back). A
scenario's score is the mean overall score of its perturbed runs and of its average reps'
scripts (`<scenario>.average*.txt`) as written: the higher, the more forgiving. Ranked from
most to least forgiving and cut into five bands of (nearly) equal size, the bands are the
measured difficulty 1-5. Printed beside it: the share of perturbed runs still resolved with an
overall of 75 or more, and the scenario's label. Standard library only.
"""

import argparse
import collections
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from play_rep_scripts import label, play, scripts  # noqa: E402

BRUSH_OFF = "Look, these things happen."


def replies(path):
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def events(record):
    return [turn.get("events", []) for turn in record.get("turns", [])]


def perturbations(lines, turn_events):
    """The script with each mistake made, as (name, replies); a mistake the script gives no
    place for (no summary to leave out) is skipped."""
    found = {}
    if len(lines) > 1:
        found["no-opening"] = lines[1:]
        found["brush-off"] = lines[:1] + [BRUSH_OFF] + lines[1:]
    summaries = {i for i, ev in enumerate(turn_events) if "summary" in ev}
    if summaries:
        found["no-summary"] = [r for i, r in enumerate(lines) if i not in summaries]
    offers = [i for i, ev in enumerate(turn_events) if any(e.startswith("offer ") for e in ev)]
    if offers and offers[0] > 1:
        i = offers[0]
        found["early-offer"] = lines[:1] + [lines[i]] + lines[1:i] + lines[i + 1:]
    closing = [i for i, ev in enumerate(turn_events) if "resolved" in ev]
    if closing:
        found["no-check"] = [r for i, r in enumerate(lines) if i != closing[0]]
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--coach", default=".build/debug/coach")
    parser.add_argument("--mistakes", action="store_true", help="print each mistake's runs kept")
    args = parser.parse_args()
    scores = collections.defaultdict(list)
    kept = collections.defaultdict(list)
    by_mistake = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as home:
        for name, scenario, kind, path in scripts(args.dirs):
            if kind == "average":
                record = play(args.coach, scenario, path, 1, home)
                if record:
                    scores[scenario].append(record.get("scores", {}).get("overall", 0))
                continue
            if kind != "skilled":
                continue
            record = play(args.coach, scenario, path, 1, home)
            if record is None:
                print(f"{name}: no transcript", file=sys.stderr)
                continue
            for mistake, script in perturbations(replies(path), events(record)).items():
                perturbed = os.path.join(home, f"{name}.{mistake}.txt")
                with open(perturbed, "w") as f:
                    f.write("\n".join(script) + "\n")
                result = play(args.coach, scenario, perturbed, 1, home)
                if result is None:
                    continue
                overall = result.get("scores", {}).get("overall", 0)
                ok = result.get("outcome") == "resolved" and overall >= 75
                scores[scenario].append(overall)
                kept[scenario].append(ok)
                by_mistake[(scenario, mistake)].append(ok)
    ranked = sorted(((sum(v) / len(v), s) for s, v in scores.items()), reverse=True)
    n = len(ranked)
    print(f"{'scenario':24} {'score':>5} {'runs':>5} {'kept':>5} {'measured':>8} {'label':>5}")
    for rank, (mean, scenario) in enumerate(ranked):
        share = sum(kept[scenario]) / max(1, len(kept[scenario]))
        print(f"{scenario:24} {mean:5.1f} {len(scores[scenario]):5} {share:5.0%} "
              f"{1 + rank * 5 // n:8} {label(scenario):5}")
    if args.mistakes:
        names = sorted({m for _, m in by_mistake})
        print(f"\nkept, by mistake\n{'scenario':24} " + " ".join(f"{m:>11}" for m in names))
        for _, scenario in ranked:
            cells = []
            for m in names:
                v = by_mistake.get((scenario, m), [])
                cells.append(f"{sum(v):>5}/{len(v):<5}" if v else f"{'-':>11}")
            print(f"{scenario:24} " + " ".join(cells))


if __name__ == "__main__":
    main()
