#!/usr/bin/env python3
"""Prints the lexicon's `affect` word class, taken from VADER's sentiment lexicon.

    pip download --no-deps -d /tmp/vader vaderSentiment==3.3.2
    (cd /tmp/vader && python3 -m zipfile -e vaderSentiment-3.3.2-py2.py3-none-any.whl .)
    python3 Evaluation/affect_from_vader.py /tmp/vader/vaderSentiment/vader_lexicon.txt

VADER 3.3.2 (C.J. Hutto, MIT licence; see Scripts/THIRD-PARTY.md) rates words from -4 to +4 by
how negative or positive people judged them. The class keeps single words rated -1.5 or lower:
words that say a situation is bad enough to feel it ("awful", "stressful", "unacceptable").
The reader uses it only inside sympathy frames ("that sounds {affect}", "what a {affect} week"),
so a rep who validates a customer in their own words is read as showing empathy.

Left out, and why (EXCLUDED below): words that judge a person's conduct rather than a situation
("rude", "stupid", "lying": said to a customer they are blame, not sympathy), words that
state a plain fact of the case ("problem", "failed", "lost", "delay"), which a rep says without
sympathy ("it failed", "the parcel was lost"), and the words of catastrophising ("disaster",
"hopeless"), which the lexicon's `catastrophe` anti-pattern reads in context.
"""

import sys
import textwrap

THRESHOLD = -1.5

EXCLUDED = set("""
abusive abusively abusing aggressive aggressively arrogant arrogantly bastard bitch bitchy bullshit
childish coward cowardly crazy crook cruel dick dishonest dumb dumbass fake fool foolish fraud
fraudster fraudulent greedy hypocrite hypocritical idiot idiotic ignorant insane insult insulting
jerk lazy liar lie lied lies lying moron moronic nasty nazi obnoxious offensive pathetic prick
rude rudely ridiculous scam scammer selfish stupid stupidity threatening threat unreasonable
violent whore asshole retarded ridiculing mocking prejudiced racist sexist
problem problems problematic fail failed failing fails failure failures lost lose losing loss
damage damaged damages broke broken error errors late delay delayed cancel cancelled canceled
missing wrong bad no not none never mistake mistakes fault faults blame blamed blaming guilty
kill killed killing die died dead death debt fine fined fines fee charged sick ill hurt pain
sorry apology regret regrets accident emergency penalty punishment victim war weapon weapons
disaster disasters disastrous catastrophe catastrophes catastrophic mess messy chaos chaotic
crisis hopeless hopelessly doomed doom ruin ruined ruins fiasco
""".split())


def main(path):
    words = []
    for line in open(path, encoding="utf-8"):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word, valence = parts[0], float(parts[1])
        if valence <= THRESHOLD and word.isalpha() and word.islower() and len(word) >= 3 \
                and word not in EXCLUDED:
            words.append(word)
    body = ", ".join(sorted(set(words)))
    print("    affect: [" + textwrap.fill(body, width=92, subsequent_indent="      ")[0:] + "]")
    print(f"# {len(set(words))} words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
