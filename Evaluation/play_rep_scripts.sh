#!/bin/sh
# Plays the rep scripts in Evaluation/rep-scripts (48: four per bundled scenario, written from
# each scenario's brief alone, never its cue lists: two skilled reps in different voices, an
# average rep and a poor one) with seeds 1-3, and counts who resolves with overall >= 75.
#
#   Evaluation/play_rep_scripts.sh [COACH]      # default .build/debug/coach
set -eu
cd "$(dirname "$0")/.."
COACH="${1:-.build/debug/coach}"
HOME_DIR="$(mktemp -d)"
trap 'rm -rf "$HOME_DIR"' EXIT
for f in Evaluation/rep-scripts/*.txt; do
  name=$(basename "$f" .txt)
  scenario=${name%%.*}
  kind=${name#*.}
  for seed in 1 2 3; do
    out=$(COLUMNS=200 XDG_STATE_HOME="$HOME_DIR" XDG_DATA_HOME="$HOME_DIR" \
      "$COACH" practice "$scenario" --seed "$seed" --no-color --no-save < "$f" 2>/dev/null || true)
    outcome=$(printf '%s\n' "$out" | grep -oE '^(Resolved|Escalated|Abandoned)' | head -n 1)
    overall=$(printf '%s\n' "$out" | grep -E '^  Overall' | grep -oE '[0-9]+' | tail -n 1)
    echo "$scenario $kind $seed ${outcome:-none} ${overall:-0}"
  done
done | awk '
  { kind = $2; sub(/-[ab]$/, "", kind); runs[kind]++; if ($4 == "Resolved" && $5 >= 75) ok[kind]++ }
  END { for (k in runs) printf "%s: %d of %d runs resolved with overall >= 75\n", k, ok[k], runs[k] }'
