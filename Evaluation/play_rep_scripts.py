#!/usr/bin/env python3
"""Plays reply scripts against the bundled scenarios and reports how each kind of rep fares.

The sets, all written from the scenarios' briefs alone (never their cue lists), each by other
writers: `rep-scripts` (48: two skilled reps, an average and a poor one per scenario),
`rep-scripts-b`, `-c` and `-d` (36 each: skilled, average, poor), `rep-scripts-heldout` (12
skilled), `rep-scripts-f` (36: two skilled and an average) and `-g` (36: two skilled and a poor
one), and `rep-scripts-e` (48: two skilled, an average and a poor one), each held out for one run
and then used for development, as its WRITING or NOTE says; and `rep-scripts-h` (36: two
skilled and a poor one), held out to the end of the round of 7 December 2026 and played once.

    python3 Evaluation/play_rep_scripts.py [--coach PATH] [--seeds 1,2,3] [--list] DIR...

Each DIR holds files named `<scenario>.<kind>.txt` (kind `skilled`, `skilled-a`, `average`,
`poor`, ...), one rep reply per line, written from the scenario's brief alone (never its cue
lists). Every file is played with each seed through `coach practice` (a real process, replies
piped in), and the saved transcript is read back. Reported per kind: runs resolved with overall
>= 75, runs that passed (overall >= 75 whatever the outcome), the mean overall, and verbatim
repeats: a customer sentence of four or more words said twice in one session.
"""

import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 4]


def play(coach, scenario, path, seed, home):
    env = dict(os.environ, XDG_STATE_HOME=home, XDG_DATA_HOME=home, COLUMNS="200")
    folder = os.path.join(home, "coach", "transcripts")
    before = set(glob.glob(os.path.join(folder, "*.json")))
    with open(path, "rb") as replies:
        subprocess.run(
            [coach, "practice", scenario, "--seed", str(seed), "--no-color", "--rep", "eval"],
            stdin=replies, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    new = sorted(set(glob.glob(os.path.join(folder, "*.json"))) - before)
    if not new:
        return None
    with open(new[-1]) as f:
        return json.load(f)


def scripts(dirs):
    """Every reply script of `dirs`, as (name, scenario, kind, path), the kind without its
    voice's letter (`skilled-b` is `skilled`)."""
    for folder in dirs:
        for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            name = os.path.basename(path)[:-4]
            scenario, _, kind = name.partition(".")
            yield name, scenario, re.sub(r"-[a-z]$", "", kind), path


def label(scenario):
    """The difficulty written in the bundled scenario's script."""
    path = os.path.join("Scripts", "scenarios", scenario + ".coach.yaml")
    with open(path) as f:
        for line in f:
            if line.startswith("difficulty:"):
                return int(line.split(":")[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--coach", default=".build/debug/coach")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--list", action="store_true", help="print every run")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    runs = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as home:
        for name, scenario, kind, path in scripts(args.dirs):
            for seed in seeds:
                record = play(args.coach, scenario, path, seed, home)
                if record is None:
                    print(f"{name} seed {seed}: no transcript", file=sys.stderr)
                    continue
                overall = record.get("scores", {}).get("overall", 0)
                seen, repeats = set(), 0
                for turn in record.get("turns", []):
                    for sentence in sentences(turn.get("customer", "")):
                        repeats += sentence in seen
                        seen.add(sentence)
                outcome = record.get("outcome")
                runs[kind].append((outcome, overall, repeats))
                if args.list:
                    sc = record.get("scores", {})
                    print(f"{name:40} seed {seed}  {outcome:10} overall {overall:3}"
                          f"  e{sc.get('empathy')} u{sc.get('understand')} o{sc.get('offer')} c{sc.get('check')}"
                          f"  turns {len(record.get('turns', []))}  repeats {repeats}")
    for kind in sorted(runs):
        rs = runs[kind]
        resolved = sum(1 for o, s, _ in rs if o == "resolved" and s >= 75)
        passed = sum(1 for _, s, _ in rs if s >= 75)
        mean = sum(s for _, s, _ in rs) / len(rs)
        repeated = sum(1 for *_, r in rs if r)
        print(f"{kind}: {resolved} of {len(rs)} runs resolved with overall >= 75; "
              f"{passed} passed (overall >= 75); mean overall {mean:.0f}; "
              f"{repeated} sessions with a verbatim repeat")


if __name__ == "__main__":
    main()
