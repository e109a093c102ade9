# iam-mfa: the two commands of the README, and the steps behind them.
#
#   make demo   the whole MFA lifecycle on the embedded emulator
#   make test   installs what the tests need, then runs every test
#
# Everything a fresh machine lacks is installed here: Debian packages (when
# run as root and missing), and Python packages into .venv.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

VENV := $(CURDIR)/.venv
PYTHON := $(VENV)/bin/python
APT_PACKAGES := build-essential pkg-config valgrind zbar-tools

export AWS_EC2_METADATA_DISABLED := true
export CARGO_TERM_COLOR := never

.PHONY: demo test setup system-packages venv lint test-rust test-c test-python \
	test-server install uninstall

demo:
	cargo run --quiet -p iam-mfa-cli -- demo

test: setup lint test-rust test-c test-server test-python
	@echo "every test suite passed"

# The C library, its header and pkg-config file, under PREFIX.
install uninstall:
	$(MAKE) -C crates/ffi $@

setup: system-packages venv

# Debian packages the C and QR tests use; installed only where missing.
system-packages:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg -s "$$package" >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages:$$missing (install them, or run as root)"; exit 1; \
	  fi; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-test.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements-test.txt
	touch $@

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings

test-rust:
	cargo test --workspace
	cargo run --quiet -p iam-mfa --example quickstart >/dev/null

test-c:
	tests/c/run.sh

test-server:
	tests/server/run-tests.sh

# Installs the module as its users do (pip, a release build), then lints
# it and runs its tests against the installed package.
test-python:
	IAM_MFA_INSTALL=pip bindings/python/run-tests.sh
