// The libFuzzer entry point replaces this file.
print("fuzz target: build with --sanitize=fuzzer")
