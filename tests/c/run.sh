#!/bin/sh
# Builds libiam_mfa (shared and static) and the iam-mfa binary, then every
# C test program of this directory twice, against libiam_mfa.so and
# against libiam_mfa.a, and runs them:
#   - on the local emulator, and against a fresh `iam-mfa serve` through
#     the aws client (IAM_MFA_TEST_ENDPOINT), with both libraries;
#   - under Valgrind (no leak, no error; valgrind.supp lists the runtime's
#     one-time allocations), on the emulator and against the server;
#   - built with AddressSanitizer, on the emulator and against the server;
# compiles and runs header.cpp as C++17; and installs the library with
# `make install` into a scratch prefix and builds the quick start
# (example.c) against it with pkg-config.
#
# Usage: tests/c/run.sh [--quick]   (--quick skips Valgrind and ASan)
# Each run prints one line; the last line is "c-api: N passed, N failed",
# counting checks. The exit status is 1 when anything failed.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

quick=false
if [ "${1:-}" = "--quick" ]; then
    quick=true
fi

for tool in cc c++ pkg-config make; do
    if ! command -v "$tool" >/dev/null; then
        echo "run.sh needs $tool (apt-get install -y build-essential" \
            "pkg-config)" >&2
        exit 1
    fi
done
if ! $quick && ! command -v valgrind >/dev/null; then
    echo "run.sh needs valgrind (apt-get install -y valgrind)," \
        "or --quick" >&2
    exit 1
fi

target=${CARGO_TARGET_DIR:-$root/target}
out=$target/c-tests
lib=$target/debug
CC=${CC:-cc}
CXX=${CXX:-c++}
cflags="-std=c11 -Wall -Wextra -Werror -pedantic -pthread -g -I$root/include"
cxxflags="-std=c++17 -Wall -Wextra -Werror -pedantic -I$root/include"
shared="-L$lib -Wl,-rpath,$lib -liam_mfa"
static="$lib/libiam_mfa.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"
programs="lifecycle statuses arguments paging threads"

mkdir -p "$out"
cargo build -q -p iam-mfa-ffi -p iam-mfa-cli

echo "building the C tests in $out"
for program in $programs; do
    src=tests/c/$program.c
    $CC $cflags "$src" -o "$out/$program-shared" $shared
    $CC $cflags "$src" -o "$out/$program-static" $static
    if ! $quick; then
        $CC $cflags -fsanitize=address -fno-omit-frame-pointer "$src" \
            -o "$out/$program-asan" $shared
    fi
done
$CXX $cxxflags tests/c/header.cpp -o "$out/header-cpp" $shared

passed=0
failed=0
server_pid=
example_secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

start_server() {
    # Removed first: the new server truncates the log only once it runs,
    # and the old log's address must not be read meanwhile.
    rm -f "$out/serve.log"
    # The keys of harness.h, so that the server checks every signature.
    "$lib/iam-mfa" serve --port 0 \
        --credentials "AKIAIOSFODNN7EXAMPLE:$example_secret" \
        >"$out/serve.log" 2>&1 &
    server_pid=$!
    tries=0
    while ! grep -q '^listening on ' "$out/serve.log" 2>/dev/null; do
        tries=$((tries + 1))
        if [ $tries -gt 100 ]; then
            echo "iam-mfa serve did not start:" >&2
            cat "$out/serve.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    IAM_MFA_TEST_ENDPOINT=$(sed -n 's/^listening on //p' "$out/serve.log")
    export IAM_MFA_TEST_ENDPOINT
}

stop_server() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
    unset IAM_MFA_TEST_ENDPOINT
}

trap 'if [ -n "$server_pid" ]; then kill "$server_pid"; fi' EXIT

# run LABEL COMMAND...: runs one program, adds its counts to the totals.
run() {
    label=$1
    shift
    log=$out/$label.log
    code=0
    "$@" >"$log" 2>&1 || code=$?
    counts=$(grep -E '^[A-Za-z0-9-]+: [0-9]+ passed, [0-9]+ failed$' "$log" |
        tail -n 1 | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1 \2/')
    p=${counts% *}
    f=${counts#* }
    if [ -z "$counts" ]; then
        p=0
        f=0
    fi
    if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$code" -eq 0 ]; then
        echo "ok   $label: $p checks"
    else
        echo "FAIL $label (exit $code, $f failed); $log:"
        tail -n 30 "$log"
    fi
}

valgrind="valgrind --error-exitcode=99 --num-callers=50 --leak-check=full
    --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible
    --suppressions=$root/tests/c/valgrind.supp"

# run_all BACKEND: every program, with each library and each checker.
run_all() {
    backend=$1
    for program in $programs; do
        for linkage in shared static; do
            if [ "$backend" = aws ]; then start_server; fi
            run "$program-$linkage-$backend" "$out/$program-$linkage"
            if [ "$backend" = aws ]; then stop_server; fi
        done
        if $quick; then
            continue
        fi
        if [ "$backend" = aws ]; then start_server; fi
        IAM_MFA_TEST_ROUNDS=2 IAM_MFA_TEST_NO_FORK=1 \
            run "$program-valgrind-$backend" \
            $valgrind "$out/$program-shared"
        if [ "$backend" = aws ]; then stop_server; start_server; fi
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
            run "$program-asan-$backend" "$out/$program-asan"
        if [ "$backend" = aws ]; then stop_server; fi
    done
}

# install_example: `make install` into a scratch prefix, then the quick
# start of docs/c-api.md built with pkg-config against it, and run.
install_example() {
    prefix=$out/install
    rm -rf "$prefix"
    make -s -C crates/ffi install PREFIX="$prefix" PROFILE=debug
    flags=$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig \
        pkg-config --cflags --libs iam_mfa)
    $CC -std=c11 -Wall -Wextra -Werror tests/c/example.c -o "$out/example" \
        $flags
    said=$(LD_LIBRARY_PATH=$prefix/lib "$out/example")
    if [ "$said" = "alice has arn:aws:iam::123456789012:mfa/alice-phone" ]
    then
        echo "example: 1 passed, 0 failed"
    else
        echo "example printed: $said"
        echo "example: 0 passed, 1 failed"
        return 1
    fi
}

run_all local
run_all aws
run header-cpp "$out/header-cpp"
run installed-example install_example

echo "c-api: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
