#!/usr/bin/env bash
# Looks at the trainer's HTML report in a real browser (headless Chromium) at 1280 and 400 px:
# writes a screenshot of each width and checks the laid-out page, failing when any element ends
# past the window's right edge, a table cell's content overflows it, or text is smaller than
# 12 px. The report is made from the team fixture the report tests use.
#
#   Tools/report-screenshots.sh [OUT_DIR]      (default: .build/report-screenshots)
#
# Needs Chromium (Debian: apt-get install chromium). Uses the debug build of coach, built if
# needed; set COACH to use another binary, or REPORT=page.html to look at a page already made.
# Exit status: 0 when every width passes the check.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-.build/report-screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "report-screenshots: Chromium not found (apt-get install chromium)" >&2; exit 2; }
if [ -n "${REPORT:-}" ]; then
  cp "$REPORT" "$out/report.html"
elif [ -z "${COACH:-}" ]; then
  swift build --product coach >/dev/null 2>&1 \
    || { echo "report-screenshots: swift build failed" >&2; exit 1; }
  COACH=$(swift build --show-bin-path)/coach
fi

fixtures=Tests/CoachKitTests/Fixtures/Progress
if [ -z "${REPORT:-}" ]; then
  "$COACH" report "$fixtures/team-onboarding.jsonl" --scripts "$fixtures" --format html \
    --output "$out/report.html"
fi

# Chromium's headless window is at least 500 px wide, so the page is shown in a frame of the
# width under test inside a harness page. The check runs in a copy of the report with a script
# added (the report itself has none) and hands its findings to the harness.
check=$(mktemp)
trap 'rm -f "$check" "$out/check.html" "$out/frame.html"' EXIT
cat > "$check" <<'SCRIPT'
<script>
(() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.getAttribute("class") ? "." + el.getAttribute("class").split(" ").join(".") : "")
    + " \"" + (el.textContent || "").trim().slice(0, 40) + "\"";
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + width + " px window");
  }
  for (const el of document.querySelectorAll("main *")) {
    const row = el.closest("thead tr");
    if (row && getComputedStyle(row).position === "absolute") continue;  // headings shown per cell
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 1) problems.push(name(el) + " ends at " + Math.round(box.right) + " px, past " + width + " px");
    if (box.left < -1) problems.push(name(el) + " starts at " + Math.round(box.left) + " px, left of the window");
    // In a scaled SVG, text is as big as the scale makes it, and is cut where the drawing ends.
    const svg = el.closest("svg");
    let scale = 1;
    if (svg && svg !== el) {
      const frame = svg.getBoundingClientRect();
      if (box.left < frame.left - 1 || box.right > frame.right + 1) problems.push(name(el) + " is cut off by its chart");
      if (svg.viewBox.baseVal && svg.viewBox.baseVal.width) scale = frame.width / svg.viewBox.baseVal.width;
    }
    if ((el.tagName === "TD" || el.tagName === "TH") && el.scrollWidth > el.clientWidth + 1) {
      problems.push(name(el) + " overflows its cell by " + (el.scrollWidth - el.clientWidth) + " px");
    }
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    const size = Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10;
    if (ownText && size < 12) problems.push(name(el) + " has " + size + " px text");
  }
  parent.postMessage("width " + width + "\n" + problems.join("\n"), "*");
})();
</script>
SCRIPT
awk -v f="$check" '/<\/body>/ { while ((getline line < f) > 0) print line; close(f) } { print }' \
  "$out/report.html" > "$out/check.html"

# harness WIDTH HEIGHT PAGE: a page showing PAGE in a WIDTH x HEIGHT frame, and what it reports.
harness() {
  cat <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe src="$3" width="$1" height="$2" style="border:0;display:block"></iframe>
<pre id="found"></pre>
<script>addEventListener("message", (e) => {
  document.getElementById("found").textContent = "CHECK-BEGIN\n" + e.data + "\nCHECK-END"; });</script>
</body></html>
HTML
}

status=0
for width in 1280 400; do
  height=$([ "$width" -ge 1000 ] && echo 4200 || echo 9000)
  window=$((width < 500 ? 500 : width))
  harness "$width" "$height" report.html > "$out/frame.html"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="$window,$height" --screenshot="$out/report-$width.png" "file://$out/frame.html" \
    >/dev/null 2>&1
  [ -s "$out/report-$width.png" ] \
    || { echo "report-screenshots: Chromium wrote no $out/report-$width.png" >&2; status=1; }
  harness "$width" 1000 check.html > "$out/frame.html"
  found=$("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --virtual-time-budget=5000 --window-size="$window,1000" --dump-dom "file://$out/frame.html" \
    2>/dev/null | sed -n '/CHECK-BEGIN$/,/^CHECK-END/p' | sed '1d;$d')
  if [ "$(echo "$found" | head -n 1)" != "width $width" ]; then
    echo "$width px: the check did not run at $width px (it said: ${found:-nothing})"; status=1
    continue
  fi
  problems=$(echo "$found" | sed '1d' | sed '/^$/d')
  if [ -n "$problems" ]; then
    echo "$width px: layout problems:"; echo "$problems" | sed 's/^/  /'; status=1
  else
    echo "$width px: nothing cut, overflowing or smaller than 12 px; screenshot $out/report-$width.png"
  fi
done
exit "$status"
