#!/bin/sh
# Startup cost of the `iam-mfa` binary (release build): `--version`, and
# emulator commands on a small state file. Prints hyperfine's table, or,
# without hyperfine, the mean and median of a timing loop.
set -eu
cd "$(dirname "$0")/../.."

cargo build --release -p iam-mfa-cli
BIN=$PWD/target/release/iam-mfa
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STATE=$WORK/state.db

"$BIN" local create-user --user-name alice --state "$STATE" >/dev/null 2>&1
for name in a b c d e; do
    "$BIN" create-virtual-mfa-device --virtual-mfa-device-name "phone-$name" \
        --show-seed --state "$STATE" >/dev/null 2>&1
done

set -- \
    "$BIN --version" \
    "$BIN list-virtual-mfa-devices --state $STATE" \
    "$BIN get-mfa-device --serial-number arn:aws:iam::123456789012:mfa/phone-a --state $STATE"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --shell=none --warmup 20 --min-runs 200 --output=null "$@"
else
    python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
for command in sys.argv[1:]:
    argv = command.split()
    times = []
    for _ in range(200):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{command}\n  mean {statistics.mean(times):.2f} ms, "
          f"median {statistics.median(times):.2f} ms, min {min(times):.2f} ms")
PY
fi
