#!/bin/sh
# Times `coach score --jsonl` against VADER's SentimentIntensityAnalyzer on the same replies.
#
#   pip install vaderSentiment
#   Benchmarks/score-vs-vader.sh [N]        # N replies, default 10000
#
# The replies are generated deterministically by `coach-bench evaluator --write-jsonl`.
# Both sides read the same JSON lines file and write one result per line; each is timed end to
# end (process start, reading, scoring, writing), best of 3.
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
SCRATCH="${SCRATCH:-.build-eval-release}"  # SCRATCH=.build-perf-rel uses another build folder
if [ -z "${SKIP_BUILD:-}" ]; then  # SKIP_BUILD=1 reuses the last release build
  # The release build README.md describes: the Swift runtime inside the binary.
  swift build -c release --static-swift-stdlib --product coach-bench --scratch-path "$SCRATCH" >/dev/null
  swift build -c release --static-swift-stdlib --product coach --scratch-path "$SCRATCH" >/dev/null
fi
BIN="$SCRATCH/release"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BIN/coach-bench" evaluator --write-jsonl --replies "$N" > "$WORK/replies.jsonl"

best() {  # best wall time of 3 runs of "$@", in seconds
  python3 - "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
    d = time.perf_counter() - t
    best = d if best is None or d < best else best
print(f"{best:.4f}")
PY
}

COACH=$(best sh -c "\"$BIN/coach\" score --jsonl < \"$WORK/replies.jsonl\"")
VADER=$(best python3 Benchmarks/score-vs-vader.py "$WORK/replies.jsonl")
python3 - "$N" "$COACH" "$VADER" <<'PY'
import sys
n, coach, vader = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"replies:             {n}")
print(f"coach score --jsonl: {coach*1000:.1f} ms ({n/coach:,.0f} replies/s)")
print(f"VADER:               {vader*1000:.1f} ms ({n/vader:,.0f} replies/s)")
print(f"coach is {vader/coach:.1f}x faster end to end")
PY
