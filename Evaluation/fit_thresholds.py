#!/usr/bin/env python3
"""Fits the lexicon's per-step strength thresholds on the fit half of the labelled corpus.

    python3 Evaluation/fit_thresholds.py [--coach PATH] [--keep STEP ...] [--write]

Scores every reply of the fit split once with `coach score --jsonl` and recomputes each step's
score from the evidence the JSON lists, exactly as the evaluator does (see `Evaluator.assess`):
each signal group found adds its weight once (the best of its matches; a `weak-cues` phrase
counts at most 1), each anti-pattern of the step takes its weight away once, two different
`option` cues add the `choice-bonus`; a step with no signal other than an auxiliary one is
none, and keyword stuffing never scores strong. The weights are read from the lexicon, and the
recomputed strengths are checked against the ones the reader reported under the lexicon's
current thresholds before anything is fitted.

Then, for each step, it searches the thresholds:
- `STEP-weak`: the one with the highest Cohen's kappa of "step at least weak" against the human
  label of the act (empathy: `empathy`; understand: `question` or `summary`; offer: `offer`;
  check: `check`);
- `STEP-strong`: given that weak threshold, the one with the highest kappa of "step strong"
  against a stricter label (empathy: genuine, `empathy_strength` of at least 1.5 of 2;
  understand: `open_question` or `summary`; offer and check: the act with the annotators' mean
  quality of at least 4).
Ties keep the value nearer the lexicon's current one. Prints the kappas before and after and
the chosen section; `--write` writes the thresholds into the lexicon, except those of the steps
named by `--keep`, which stay as they are (still printed with what the fit would choose). The
report split is never read.
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import default_coach, kappa, load_corpus, score  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "Scripts/lexicon.en.coach.yaml")
STEPS = ["empathy", "understand", "offer", "check"]
WEAK_RANGE = range(1, 7)
STRONG_RANGE = range(1, 10)


def human_labels(item):
    """The human labels each step's weak and strong strengths are fitted against."""
    l = item["labels"]
    good = l["quality"] >= 4
    return {
        "empathy": (l["empathy"], int(l["empathy_strength"] >= 1.5)),
        "understand": (int(l["question"] or l["summary"]), int(l["open_question"] or l["summary"])),
        "offer": (l["offer"], int(l["offer"] and good)),
        "check": (l["check"], int(l["check"] and good)),
    }


def flow_list(text):
    """The items of the YAML flow list `[a, "b, [c]", d]` that `text` starts with (the lexicon's
    phrases: plain or quoted, over one or more lines)."""
    items, cur, quote = [], "", None
    for ch in text.strip()[1:]:
        if quote:
            if ch == quote:
                quote = None
            else:
                cur += ch
        elif ch in "\"'":
            quote = ch
        elif ch in ",]":
            if cur.strip():
                items.append(cur.strip())
            cur = ""
            if ch == "]":
                break
        elif ch == "\n":
            cur += " "
        else:
            cur += ch
    return items


def phrases(block, key):
    """A group's phrase list under `key:`, flow (`[…]`, over several lines) or block (`- …`)."""
    m = re.search(rf"\n    {key}:(.*)", block)
    if not m:
        return []
    rest = block[m.start(1):]
    if m.group(1).strip().startswith("["):
        return flow_list(rest)
    items = []
    for line in rest.split("\n")[1:]:
        if line.startswith("      - "):
            item = line[8:].strip()
            items.append(item[1:-1] if item[:1] in "\"'" else item)
        elif line.strip() and not line.lstrip().startswith("#"):
            break
    return items


def groups(text):
    """Each signal and anti-pattern: its step, weight, weak cues and whether it is auxiliary."""
    out = {}
    for section, end in (("signals", "antipatterns"), ("antipatterns", "tips")):
        body = text.split(f"\n{section}:", 1)[1].split(f"\n{end}:", 1)[0]
        for block in body.split("\n  - id: ")[1:]:
            name = block.split("\n", 1)[0].strip()
            step = re.search(r"\n    step: (\S+)", block)
            weight = re.search(r"\n    weight: (\d+)", block)
            out[name] = {
                "signal": section == "signals",
                "step": step.group(1) if step else "none",
                "weight": int(weight.group(1)) if weight else 1,
                "weak": set(phrases(block, "weak-cues")),
                "auxiliary": bool(re.search(r"\n    auxiliary: true", block)),
            }
    return out


def rule_summaries(text):
    """A pattern for the evidence of the summaries the rules find by echo or restatement (not by
    a cue phrase): they count 1 whatever the group's weight (`Evaluator+Summaries.swift`)."""
    section = text.split("\nevidence:", 1)[1].split("\n\n", 1)[0]
    forms = []
    for key in ("echo", "restatement-so", "restatement-events"):
        value = re.search(rf"\n  {key}: (.*)", section).group(1).strip()
        value = value[1:-1] if value[:1] in "\"'" else value
        forms.append(".*".join(re.escape(part) for part in re.split(r"\{\w+\}", value)))
    return re.compile("|".join(f"(?:{f})" for f in forms) + r"\Z")


def thresholds_section(text):
    return text.split("\nthresholds:", 1)[1].split("\n\n", 1)[0]


def current_thresholds(text):
    section = thresholds_section(text)
    value = lambda key: int(re.search(rf"\n  {key}: (\d+)", section).group(1))  # noqa: E731
    return ({s: (value(f"{s}-weak"), value(f"{s}-strong")) for s in STEPS},
            value("choice-bonus"))


def step_scores(answer, groups, choice_bonus, rule_summary):
    """Each step's score and whether it has a signal, recomputed from the answer's evidence."""
    best = {}
    for e in answer["signals"] + answer["antipatterns"]:
        g = groups[e["id"]]
        weak = e["cue"] in g["weak"] or (e["id"] == "summary" and rule_summary.match(e["cue"]))
        w = min(1, g["weight"]) if weak else g["weight"]
        best[e["id"]] = max(best.get(e["id"], 0), w)
    scores = {s: 0 for s in STEPS}
    has_signal = {s: False for s in STEPS}
    for name, w in best.items():
        g = groups[name]
        if g["step"] == "none":
            continue
        scores[g["step"]] += w if g["signal"] else -w
        if g["signal"] and not g["auxiliary"]:
            has_signal[g["step"]] = True
    options = {e["cue"] for e in answer["signals"] if e["id"] == "option"}
    if len(options) > 1:
        scores[groups["option"]["step"]] += choice_bonus
    stuffed = any(e["id"] == "stuffing" for e in answer["antipatterns"])
    return scores, has_signal, stuffed


def strength(score, has_signal, stuffed, weak, strong):
    if not has_signal:
        return "none"
    if score >= strong:
        return "weak" if stuffed else "strong"
    return "weak" if score >= weak else "none"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coach", default=default_coach())
    parser.add_argument("--write", action="store_true",
                        help="write the chosen thresholds into the lexicon")
    parser.add_argument("--keep", nargs="+", default=[], choices=STEPS, metavar="STEP",
                        help="steps whose thresholds stay as they are")
    args = parser.parse_args()
    text = open(LEXICON, encoding="utf-8").read()
    lexicon_groups = groups(text)
    current, choice_bonus = current_thresholds(text)
    items = load_corpus("fit")
    answers = score(args.coach, items)
    rule_summary = rule_summaries(text)
    recomputed = [step_scores(a, lexicon_groups, choice_bonus, rule_summary) for a in answers]

    mismatches = [(it["id"], s) for it, a, (sc, hs, st) in zip(items, answers, recomputed)
                  for s in STEPS if strength(sc[s], hs[s], st, *current[s]) != a["steps"][s]]
    if mismatches:
        for reply_id, step in mismatches[:10]:
            print(f"recomputed {step} differs from the reader's on {reply_id}", file=sys.stderr)
        raise SystemExit(f"{len(mismatches)} step strengths could not be recomputed from the "
                         "evidence; the script no longer matches the evaluator")

    gold = [human_labels(it) for it in items]
    chosen = {}
    print(f"# {len(items)} fit replies; step strengths recomputed from the evidence "
          f"match the reader's on all {len(items) * len(STEPS)}")
    print("# step: weak kappa before -> after (label), strong kappa before -> after (label)")
    for i, step in enumerate(STEPS):
        weak_gold = [g[step][0] for g in gold]
        strong_gold = [g[step][1] for g in gold]
        levels = [(sc[step], hs[step], st) for sc, hs, st in recomputed]

        def kappas(weak, strong):
            got = [strength(s, h, st, weak, strong) for s, h, st in levels]
            return (kappa(weak_gold, [int(x != "none") for x in got]),
                    kappa(strong_gold, [int(x == "strong") for x in got]))

        old_weak, old_strong = current[step]
        weak = max(WEAK_RANGE, key=lambda w: (round(kappas(w, max(w, old_strong))[0], 6),
                                              -abs(w - old_weak)))
        strong = max((s for s in STRONG_RANGE if s >= weak),
                     key=lambda s: (round(kappas(weak, s)[1], 6), -abs(s - old_strong)))
        before, after = kappas(old_weak, old_strong), kappas(weak, strong)
        chosen[step] = current[step] if step in args.keep else (weak, strong)
        kept = " (kept as it is: --keep)" if step in args.keep else ""
        print(f"# {step}{kept}: weak {old_weak}->{weak} kappa {before[0]:.3f} -> {after[0]:.3f} "
              f"({sum(weak_gold)} positives), strong {old_strong}->{strong} kappa "
              f"{before[1]:.3f} -> {after[1]:.3f} ({sum(strong_gold)} positives)")
    print("thresholds:")
    for step in STEPS:
        print(f"  {step}-weak: {chosen[step][0]}")
        print(f"  {step}-strong: {chosen[step][1]}")
    if args.write:
        section = thresholds_section(text)
        new = section
        for step in STEPS:
            for k, key in enumerate(("weak", "strong")):
                new = re.sub(rf"(\n  {step}-{key}: )\d+", rf"\g<1>{chosen[step][k]}", new)
        with open(LEXICON, "w", encoding="utf-8") as f:
            f.write(text.replace(section, new, 1))
        print(f"# written to {os.path.relpath(LEXICON, ROOT)}")


if __name__ == "__main__":
    main()
