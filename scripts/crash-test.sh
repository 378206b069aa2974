#!/usr/bin/env bash
# Kills a process that edits, saves and autosaves a project with SIGKILL at random
# moments, TRIALS times (default 200), and checks after each kill that the project file
# parses and is the last save (or the save whose rename had just landed), that its
# backup is an earlier save and that the recovery file parses.
# The test is tests/crash_safety.rs; `cargo test` runs a short version of it.
# usage: scripts/crash-test.sh [TRIALS]
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-200}
FACTDESK_CRASH_TRIALS=$trials cargo test --test crash_safety -- --nocapture --test-threads=1 2>&1 |
    grep -E 'kills|panicked|^test result|^error'
# grep only hides the build's noise: with pipefail, the script fails when the test does.
