print("coach-bench: no benchmarks yet")
