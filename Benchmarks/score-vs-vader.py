"""VADER over a JSON lines file of replies, for Benchmarks/score-vs-vader.sh.

Reads {"id": ..., "text": ...} lines and prints one JSON object per line with VADER's
polarity scores, the same work shape as `coach score --jsonl`.
"""
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main(path):
    analyzer = SentimentIntensityAnalyzer()
    out = sys.stdout
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            scores = analyzer.polarity_scores(item["text"])
            out.write(json.dumps({"id": item["id"], "scores": scores}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
