#!/bin/sh
# The iam-mfa command's checks: formatting, clippy, unit and integration
# tests. The comparison with the AWS CLI uses .venv/bin/aws (installed from
# requirements-test.txt), else $AWS_CLI, else `aws` on the PATH, and says
# SKIPPED when none is found.
set -eu
cd "$(dirname "$0")/../.."

cli=crates/cli/src
rustfmt --edition 2024 --check "$cli"/args.rs "$cli"/backend.rs "$cli"/completions.rs \
    "$cli"/demo.rs "$cli"/exit.rs "$cli"/files.rs "$cli"/output.rs "$cli"/paging.rs \
    "$cli"/qr_terminal.rs "$cli"/shapes.rs "$cli"/table.rs "$cli"/commands/*.rs \
    crates/cli/tests/*.rs crates/cli/tests/common/*.rs
cargo clippy -p iam-mfa-cli --no-deps --all-targets -- -D warnings
cargo test -p iam-mfa-cli
