#!/usr/bin/env python3
"""Assembles the labelled reply corpus from the writers' and annotators' files.

    python3 Evaluation/assemble_corpus.py RAW_DIR LABELS_A_DIR LABELS_B_DIR [ADJUDICATION.jsonl]

RAW_DIR holds the writers' files (`w1.jsonl` …: id, situation, context, reply), the two LABELS
dirs each annotator's labels for the same ids (see Tests/CoachKitTests/Fixtures/ReaderCorpus/
README.md for the codebook). Where the annotators agree, that is the label; where they differ,
the adjudicator's decision (a JSON line per item: id and the labels it decided) settles it, and
without one the more conservative value (0, or the lower empathy and quality) stands.
Situations are split in two halves by a fixed hash of their id: `fit` for tuning, `report`
for the figures. Prints the corpus as JSON lines on standard output.
"""

import hashlib
import json
import os
import sys

LABELS = ["empathy", "question", "open_question", "summary", "offer", "check", "cannot", "blame",
          "defensive", "dismissive", "catastrophe", "curt"]


def read(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def split_of(situation):
    return "report" if hashlib.sha256(situation.encode()).digest()[0] % 2 else "fit"


def main(raw_dir, a_dir, b_dir, adjudication=None):
    decided = {}
    if adjudication:
        for line in read(adjudication):
            decided[line["id"]] = line
    out = []
    for name in sorted(os.listdir(raw_dir)):
        if not name.endswith(".jsonl") or not os.path.exists(os.path.join(a_dir, name)):
            continue
        items = read(os.path.join(raw_dir, name))
        a = {x["id"]: x for x in read(os.path.join(a_dir, name))}
        b = {x["id"]: x for x in read(os.path.join(b_dir, name))}
        for it in items:
            if it["id"] not in a or it["id"] not in b:
                raise SystemExit(f"{it['id']}: missing labels")
            la = {k: a[it["id"]][k] for k in LABELS + ["quality"]}
            lb = {k: b[it["id"]][k] for k in LABELS + ["quality"]}
            gold = {}
            for k in LABELS:
                # Empathy is labelled 0/1/2; the gold label is "some empathy" (1 or 2).
                va = int(la[k] > 0) if k == "empathy" else la[k]
                vb = int(lb[k] > 0) if k == "empathy" else lb[k]
                if va == vb:
                    gold[k] = va
                elif k in decided.get(it["id"], {}):
                    gold[k] = int(decided[it["id"]][k])
                else:
                    gold[k] = min(va, vb)
            gold["empathy_strength"] = (la["empathy"] + lb["empathy"]) / 2
            gold["quality"] = (la["quality"] + lb["quality"]) / 2
            out.append({
                "id": it["id"], "situation": it["situation"], "split": split_of(it["situation"]),
                "context": it["context"], "reply": it["reply"], "labels": gold,
                "annotators": {"a": la, "b": lb},
            })
    for item in out:
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:])
