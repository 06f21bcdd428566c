#!/usr/bin/env python3
"""Measure the reply reader against human labels.

    python3 Evaluation/evaluate.py corpus  [--split report|fit|all] [--writers w4,w5,w6] [--coach PATH]
    python3 Evaluation/evaluate.py steps   [--split report|fit|all] [--coach PATH]
    python3 Evaluation/evaluate.py agreement
    python3 Evaluation/evaluate.py sgd PATH-TO-sgd-train.jsonl [--coach PATH]
    python3 Evaluation/evaluate.py misses LABEL [--split fit] [--kind fn|fp]

`corpus` reads Tests/CoachKitTests/Fixtures/ReaderCorpus/replies.jsonl (the project's own
labelled replies, see its README) and prints Cohen's kappa per label for the reader
(`coach score --jsonl`) and for the naive keyword list in keywords.py, on the chosen split.
`steps` prints, per step, Cohen's kappa of "at least weak" against the act's label and of
"strong" against a stricter label (the labels Evaluation/fit_thresholds.py fits against).
`agreement` prints the two annotators' kappa per label. `sgd` scores the Schema-Guided Dialogue
system turns (not part of the project; pass the file if you have it). `misses` lists the replies
of the fit split the reader gets wrong on one label, for reading. `--lexicon PATH`, given before
the command, scores with another lexicon than the bundled one (to measure a change before and
after). Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from keywords import keyword_labels  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests/CoachKitTests/Fixtures/ReaderCorpus/replies.jsonl")
LABELS = ["empathy", "question", "open_question", "summary", "offer", "check", "cannot",
          "blame", "defensive", "dismissive", "catastrophe", "curt"]


def kappa(a, b):
    n = len(a)
    if n == 0:
        return float("nan")
    po = sum(1 for x, y in zip(a, b) if x == y) / n
    cats = set(a) | set(b)
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def spearman(xs, ys):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else float("nan")


def default_coach():
    for path in (".build/release/coach", ".build/debug/coach"):
        full = os.path.join(ROOT, path)
        if os.path.exists(full):
            return full
    return "coach"


def score(coach, items, lexicon=None):
    """Runs `coach score --jsonl` once over all items (with `--lexicon` when given); returns one
    answer per item."""
    lines = "".join(
        json.dumps({"id": i, "text": it["reply"], "context": it.get("context") or ""}) + "\n"
        for i, it in enumerate(items))
    command = [coach, "score", "--jsonl"] + (["--lexicon", lexicon] if lexicon else [])
    out = subprocess.run(command, input=lines.encode(),
                         capture_output=True, check=True).stdout.decode()
    answers = [None] * len(items)
    for line in out.splitlines():
        answer = json.loads(line)
        if "error" in answer:
            raise SystemExit(f"coach score refused line {answer.get('line')}: {answer['error']}")
        answers[answer["id"]] = answer
    return answers


def reader_labels(answer):
    """The labels a `coach score --json` answer stands for (docs/EVALUATOR.md; the Swift test
    ReaderCorpusTests reads them the same way: keep the two in step)."""
    signals = {s["id"] for s in answer["signals"]}
    anti = {a["id"] for a in answer["antipatterns"]}
    steps = answer["steps"]
    acts = {a["act"] for a in answer.get("acts", [])}
    return {
        "empathy": int(steps["empathy"] != "none"),
        "question": int("question" in signals),
        "open_question": int("question.open" in signals),
        "summary": int("summary" in signals),
        "offer": int(steps["offer"] != "none"),
        "check": int("check" in signals),
        "cannot": int(bool(anti & {"cannot", "policy"})),
        "blame": int(bool(anti & {"blame", "past"})),
        # The codebook's defensive includes process and policy used as a shield.
        "defensive": int(bool(anti & {"defensive", "records", "policy"})),
        "dismissive": int(bool(anti & {"calm-down", "minimise", "cliche"})),
        "catastrophe": int("catastrophe" in anti),
        "curt": int(bool(anti & {"curt", "blunt"})),
        # A sentence whose primary act is a question: it asks for something, and is neither an
        # offer asked as a question nor a check (the SGD `question` label, REQUEST).
        "_asks": int("question" in acts),
    }


def load_corpus(split):
    items = [json.loads(l) for l in open(CORPUS, encoding="utf-8") if l.strip()]
    return [it for it in items if split == "all" or it["split"] == split]


def table(rows, headers):
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def cmd_corpus(args):
    items = load_corpus(args.split)
    if args.writers:
        writers = set(args.writers.split(","))
        items = [it for it in items if it["id"].split("-")[0] in writers]
    answers = score(args.coach, items, args.lexicon)
    rows = []
    for label in LABELS:
        gold = [it["labels"][label] for it in items]
        ours = [reader_labels(a)[label] for a in answers]
        base = [keyword_labels(it["reply"])[label] for it in items]
        tp = sum(g and o for g, o in zip(gold, ours))
        precision = f"{tp / sum(ours):.2f}" if sum(ours) else "-"
        recall = f"{tp / sum(gold):.2f}" if sum(gold) else "-"
        rows.append([label, sum(gold), f"{kappa(gold, ours):.2f}", precision, recall,
                     f"{kappa(gold, base):.2f}"])
    quality_gold = [it["labels"]["quality"] for it in items]
    quality_ours = [a.get("quality", 0) for a in answers]
    print(f"{len(items)} replies ({args.split} split)\n")
    print(table(rows, ["label", "positives", "reader kappa", "reader precision", "reader recall",
                       "keyword-list kappa"]))
    print(f"\nquality: Spearman {spearman(quality_gold, quality_ours):.2f} "
          "(the reader's 0-100 against the annotators' mean 1-5)")


def cmd_steps(args):
    from fit_thresholds import STEPS, human_labels
    items = load_corpus(args.split)
    answers = score(args.coach, items, args.lexicon)
    gold = [human_labels(it) for it in items]
    rows = []
    for step in STEPS:
        weak_gold = [g[step][0] for g in gold]
        strong_gold = [g[step][1] for g in gold]
        weak = [int(a["steps"][step] != "none") for a in answers]
        strong = [int(a["steps"][step] == "strong") for a in answers]
        rows.append([step, sum(weak_gold), f"{kappa(weak_gold, weak):.2f}", sum(strong_gold),
                     f"{kappa(strong_gold, strong):.2f}"])
    print(f"{len(items)} replies ({args.split} split)\n")
    print(table(rows, ["step", "act positives", "at least weak kappa", "stricter positives",
                       "strong kappa"]))


def cmd_agreement(args):
    items = load_corpus("all")
    rows = []
    for label in LABELS + ["quality"]:
        a = [it["annotators"]["a"][label] for it in items]
        b = [it["annotators"]["b"][label] for it in items]
        rows.append([label, f"{kappa(a, b):.2f}", f"{sum(x == y for x, y in zip(a, b)) / len(a):.0%}"])
    print(f"{len(items)} replies, two annotators\n")
    print(table(rows, ["label", "kappa", "raw agreement"]))


# SGD label -> the reader's label. SGD's `question` is a REQUEST for information: the reader's
# question act, not a check or an offer asked as a question.
SGD = {"question": "_asks", "offer": "offer", "check": "check", "cannot": "cannot"}


def cmd_sgd(args):
    turns = [json.loads(l) for l in open(args.path, encoding="utf-8") if l.strip()]
    items = [{"reply": t["text"], "context": t.get("context", "")} for t in turns]
    answers = score(args.coach, items)
    rows = []
    for sgd_label, label in SGD.items():
        gold = [t["labels"][sgd_label] for t in turns]
        ours = [reader_labels(a)[label] for a in answers]
        base = [keyword_labels(t["text"])[sgd_label] for t in turns]
        rows.append([sgd_label, sum(gold), f"{kappa(gold, ours):.2f}", f"{kappa(gold, base):.2f}"])
    confirms = [i for i, t in enumerate(turns) if t["labels"]["confirm"]]
    as_check = sum(reader_labels(answers[i])["check"] for i in confirms)
    base_check = sum(keyword_labels(turns[i]["text"])["check"] for i in confirms)
    print(f"{len(turns)} system turns\n")
    print(table(rows, ["label", "positives", "reader kappa", "keyword-list kappa"]))
    print(f"\nconfirmations read as a check: reader {as_check} of {len(confirms)}, "
          f"keyword list {base_check}")


def cmd_misses(args):
    items = load_corpus(args.split)
    answers = score(args.coach, items)
    for it, a in zip(items, answers):
        gold = it["labels"][args.label]
        ours = reader_labels(a)[args.label]
        if (args.kind == "fn" and gold and not ours) or (args.kind == "fp" and ours and not gold):
            print(f"{it['id']}: {it['reply']}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--coach", default=default_coach())
    p.add_argument("--lexicon", help="score with this lexicon instead of the bundled one")
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--split", default="report", choices=["report", "fit", "all"])
    c.add_argument("--writers", help="only these writers' replies, e.g. w4,w5,w6 (a round)")
    t = sub.add_parser("steps")
    t.add_argument("--split", default="report", choices=["report", "fit", "all"])
    sub.add_parser("agreement")
    s = sub.add_parser("sgd")
    s.add_argument("path")
    m = sub.add_parser("misses")
    m.add_argument("label", choices=LABELS)
    m.add_argument("--split", default="fit", choices=["report", "fit", "all"])
    m.add_argument("--kind", default="fn", choices=["fn", "fp"])
    args = p.parse_args()
    {"corpus": cmd_corpus, "steps": cmd_steps, "agreement": cmd_agreement, "sgd": cmd_sgd, "misses": cmd_misses}[args.cmd](args)


if __name__ == "__main__":
    main()
