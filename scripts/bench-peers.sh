#!/usr/bin/env bash
# Times `factdesk diff` (release build) against GNU wdiff and
# `git diff --no-index --word-diff=porcelain` on the same generated pairs of 5 KB,
# 100 KB and 1 MB per side, several runs each, and prints the medians, the ratio
# peer / factdesk, and each tool's count of changed words (they must agree in
# substance for the comparison to be fair). The pairs and the timing are in
# benches/peers.rs; this installs the peers with apt when they are missing.
# usage: scripts/bench-peers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v wdiff >/dev/null || need+=(wdiff)
command -v git >/dev/null || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo bench --bench peers 2>&1 | grep -E '^\||^error|panicked'
