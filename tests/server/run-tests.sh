#!/usr/bin/env bash
# The tests of `iam-mfa serve`: the server crate's own tests (including the
# core's conformance suite through the aws backend against the server),
# then boto3, the AWS CLI, the process and the load test against the
# binary. Needs .venv (requirements-test.txt) and zbarimg (zbar-tools).
set -euo pipefail
cd "$(dirname "$0")/../.."

export AWS_EC2_METADATA_DISABLED=true
cargo test -p iam-mfa-server
cargo build -p iam-mfa-cli
IAM_MFA_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/iam-mfa" \
  .venv/bin/python -m pytest -q tests/server "$@"
