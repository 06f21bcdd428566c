#!/usr/bin/env python3
"""Start-up and memory benchmarks for `coach practice` (release build).

  swift build -c release --static-swift-stdlib --product coach
  python3 Benchmarks/session-bench.py .build/release/coach

Start-up: the time from exec to the first customer line (the budget), and on to the prompt, at a
real terminal (a pseudo-terminal, so readline is used and a 500-line history is loaded), median of
40 runs. The lexicon is read between the two, while the rep reads the customer's line.
Memory: peak resident set size of a 30-turn session driven through a pipe.
"""
import os, pty, resource, select, statistics, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/coach")
root = tempfile.mkdtemp(prefix="coach-bench-")
env = dict(os.environ, XDG_STATE_HOME=root + "/state", XDG_DATA_HOME=root + "/data",
           HOME=root, TERM="xterm-256color", NO_COLOR="1", LANG="C.UTF-8")
os.makedirs(root + "/state/coach", mode=0o700)
with open(root + "/state/coach/history", "w") as f:
    for i in range(500):
        f.write(f"I'm so sorry about that, let me look into order number {i} right away.\n")
os.chmod(root + "/state/coach/history", 0o600)

def first_line_and_prompt_ms():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "practice", "--seed", "1", "--no-save"], env)
    out = b""
    line = elapsed = None
    while elapsed is None:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if line is None and b"\n" in out.partition(b"Dana:")[2]:
            line = (time.perf_counter() - start) * 1000
        if b"you> " in out and line is not None:
            elapsed = (time.perf_counter() - start) * 1000
    os.write(fd, b"\x04")  # Ctrl-D: end the session
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return (line, elapsed) if elapsed is not None else None

runs = [first_line_and_prompt_ms() for _ in range(int(os.environ.get("RUNS", "40")))]
runs = [r for r in runs if r is not None]
lines, prompts = [r[0] for r in runs], [r[1] for r in runs]
print(f"start to first customer line (pty, readline, 500-line history): "
      f"median {statistics.median(lines):.1f} ms, min {min(lines):.1f} ms, n={len(runs)}")
print(f"start to the first prompt: "
      f"median {statistics.median(prompts):.1f} ms, min {min(prompts):.1f} ms")

replies = [
    "I'm so sorry, Dana. That sounds really frustrating.",
    "Can you tell me more about what happened?",
    "I understand. What do you need it for?",
] * 10
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
proc = subprocess.run([binary, "practice", "--seed", "1", "--no-save"],
                      input="\n".join(replies[:30]) + "\n", capture_output=True, text=True, env=env)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
turns = proc.stdout.count("mood ")
print(f"30 replies through a pipe ({turns} status lines): peak RSS {peak / 1024:.1f} MB")
