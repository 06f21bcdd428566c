#!/usr/bin/env python3
"""How often the reader's serious anti-patterns misfire on good replies and miss bad ones.

    python3 Evaluation/tone_probe.py [--coach PATH]

Reads two files written by writers who never saw the lexicon (Evaluation/tone-probe/):
`nonblame.txt`, 80 replies by excellent reps that mention what a crude checker could take for
blame or a defence (what the customer did, faults, records, policies bent, third parties while
owning it), and `blame.txt`, 80 replies by poor reps that blame the customer (`B| `) or deflect
(`D| `). Prints how many good replies carry a serious anti-pattern of the method (blame,
defensive, records, policy, calm-down, ultimatum: one caps a call's overall score) and how many
bad ones carry none, with the replies.
"""
import argparse, json, os, subprocess

SERIOUS = {"blame", "defensive", "records", "policy", "calm-down", "ultimatum"}
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tone-probe")


def score(coach, lines):
    feed = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(lines))
    out = subprocess.run([coach, "score", "--jsonl"], input=feed, capture_output=True,
                         text=True, check=True).stdout
    return {d["id"]: d for d in map(json.loads, out.splitlines())}


def serious(result):
    return [a["id"] + ": " + a["text"] for a in result["antipatterns"] if a["id"] in SERIOUS]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coach", default=".build/debug/coach")
    args = parser.parse_args()
    good = [l.strip() for l in open(os.path.join(HERE, "nonblame.txt")) if l.strip()]
    bad = [l.strip() for l in open(os.path.join(HERE, "blame.txt")) if l.strip()]
    r = score(args.coach, good)
    misfires = [(good[i], serious(r[i])) for i in range(len(good)) if serious(r[i])]
    r = score(args.coach, [l[3:] for l in bad])
    misses = [bad[i] for i in range(len(bad)) if not serious(r[i])]
    print(f"good replies with a serious anti-pattern: {len(misfires)} of {len(good)}")
    for text, found in misfires:
        print("  ", "; ".join(found), "|", text)
    print(f"blaming or deflecting replies with none: {len(misses)} of {len(bad)}")
    for text in misses:
        print("  ", text)


if __name__ == "__main__":
    main()
