"""A naive keyword list: the baseline every reader must beat.

Written once, before any tuning of the reader on the labelled corpus, and not changed since:
each label fires when the reply contains any of a handful of obvious words or phrases
(lower-cased substring search, no grammar, no negation). It is what a newcomer would write in
ten minutes, and so the floor below which a reader is not worth its code.
"""

import re

KEYWORDS = {
    "empathy": ["sorry", "apologi", "understand", "frustrat", "upset", "i hear you",
                "that must", "i can imagine", "annoying"],
    "question": ["?"],
    "open_question": ["what ", "how ", "why ", "tell me", "walk me through", "describe"],
    "summary": ["so you", "it sounds like", "sounds like", "what i'm hearing", "if i understand",
                "you mentioned", "you said", "so what"],
    "offer": ["i can ", "we can ", "i will ", "i'll ", "we'll ", "refund", "replace", "credit",
              "discount", "option", "could ", "would you like", "let me"],
    "check": ["anything else", "does that work", "is that ok", "is that okay", "sound good",
              "sounds good?", "happy with", "does that help", "how does that sound"],
    "cannot": ["can't", "cannot", "unable", "not able", "unfortunately", "policy",
               "not possible", "won't be able"],
    "blame": ["you should have", "your fault", "you didn't", "you did not", "as i said",
              "i already told", "you were told", "you failed"],
    "defensive": ["not my fault", "not our fault", "not my department", "not my problem",
                  "nothing to do with me", "i don't make the rules", "not responsible"],
    "dismissive": ["calm down", "relax", "just ", "only ", "i know how you feel",
                   "no need to", "overreact"],
    "catastrophe": ["disaster", "nightmare", "terrible", "awful", "catastroph", "mess",
                    "problem"],
    "curt": [],  # a length rule, below
}


def keyword_labels(reply: str) -> dict:
    text = " " + reply.lower().replace("\u2019", "'") + " "
    labels = {label: int(any(k in text for k in words)) for label, words in KEYWORDS.items()}
    labels["curt"] = int(len(re.findall(r"[a-z0-9']+", text)) <= 3)
    if labels["open_question"] and not labels["question"]:
        labels["open_question"] = 0
    return labels
