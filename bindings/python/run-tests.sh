#!/usr/bin/env bash
# Lints, builds and tests the iam_mfa Python module.
#
#   bindings/python/run-tests.sh
#
# Uses the virtualenv $IAM_MFA_VENV (default: .venv at the repository's
# root), creating it and installing requirements-test.txt when needed;
# builds the `iam-mfa` binary (for the tests against `iam-mfa serve`) and
# the module in cargo's dev profile, sharing target/debug with the rest of
# the workspace; then runs ruff, mypy, stubtest and pytest.
#
# With IAM_MFA_INSTALL=pip, the module is installed as its users install
# it, `pip install ./bindings/python` (a release build), instead.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${IAM_MFA_VENV:-$root/.venv}
python=$venv/bin/python

step() { printf '\n== %s\n' "$*"; }

if [ ! -x "$python" ]; then
  step "creating the virtualenv $venv"
  python3 -m venv "$venv"
fi
if [ ! -e "$venv/.installed" ] ||
   [ "$root/requirements-test.txt" -nt "$venv/.installed" ]; then
  step "installing requirements-test.txt"
  "$python" -m pip install --quiet --upgrade pip
  "$python" -m pip install --quiet -r "$root/requirements-test.txt"
  touch "$venv/.installed"
fi

export VIRTUAL_ENV=$venv
export PATH=$venv/bin:$PATH
export AWS_EC2_METADATA_DISABLED=true

step "building the iam-mfa binary"
(cd "$root" && cargo build --quiet -p iam-mfa-cli)
if [ "${IAM_MFA_INSTALL:-}" = pip ]; then
  step "pip install ./bindings/python (release build)"
  (cd "$root" && python -m pip install --quiet ./bindings/python)
else
  step "building the module (dev profile)"
  (cd "$here" && maturin develop --quiet)
fi

cd "$here"
step "ruff"
ruff check python tests benchmarks
ruff format --check python tests benchmarks

step "mypy"
mypy python tests benchmarks

step "stubtest"
python -m mypy.stubtest iam_mfa

step "pytest"
IAM_MFA_REQUIRE_SERVER=1 IAM_MFA_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/iam-mfa" \
  python -m pytest tests "$@"
