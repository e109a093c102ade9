#!/bin/sh
# Rewrites include/iam_mfa.h from the sources of crates/ffi with the
# pinned cbindgen, through the same code that checks it in the tests.
set -eu
cd "$(dirname "$0")/../.."
IAM_MFA_WRITE_HEADER=1 cargo test -q -p iam-mfa-ffi --test header \
    committed_header_matches_a_fresh_generation
echo "wrote include/iam_mfa.h"
