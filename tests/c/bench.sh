#!/bin/sh
# Prints the cost of one local-emulator call (GetMFADevice) made from C
# through libiam_mfa, against the same call made from Rust, both built
# with the release profile, and the difference (best of five runs each).
# The target is at most 2 microseconds more from C. A first release build
# takes minutes.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=$root/target/c-tests
mkdir -p "$out"

cargo build -q --release -p iam-mfa-ffi --example call_cost
${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -I include tests/c/bench.c \
    -o "$out/bench" target/release/libiam_mfa.a \
    -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc

# Five alternating runs of each; the best of each side is reported, so
# that other work on the machine skews both sides alike.
best() {
    sed -E 's/.*: ([0-9]+) ns per call/\1/' | sort -n | head -n 1
}
rust_runs=
c_runs=
for run in 1 2 3 4 5; do
    rust_runs="$rust_runs$(target/release/examples/call_cost)
"
    c_runs="$c_runs$("$out/bench")
"
done
rust_ns=$(printf '%s' "$rust_runs" | best)
c_ns=$(printf '%s' "$c_runs" | best)
echo "rust GetMFADevice on the local emulator: $rust_ns ns per call"
echo "c    GetMFADevice on the local emulator: $c_ns ns per call"
echo "c - rust: $((c_ns - rust_ns)) ns per call (target: at most 2000)"
