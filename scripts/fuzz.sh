#!/usr/bin/env bash
# Coverage-guided fuzzing of Factdesk's core with cargo-fuzz (libFuzzer).
#
# Usage: scripts/fuzz.sh [TARGET...]        (default: every target in fuzz/Cargo.toml)
#
# Targets (fuzz/fuzz_targets/*.rs, each says what it checks and why):
#   project_load   Project::from_json on any UTF-8; what loads saves and reloads unchanged
#   import         import_bytes for .txt/.html/.json (ninjs)/.xml (NewsML-G2)/sniffed
#   import_pasted  import_pasted, the clipboard path (text, text + HTML, HTML)
#   reanchor       reanchor / reanchor_all and the invariants of their results
#   merge          three-way merge of edited copies of the sample project
#
# Environment:
#   FUZZ_SECONDS    seconds per target (default 300)
#   FUZZ_SANITIZER  address (default), or none where AddressSanitizer does not link
#   FUZZ_NO_BUILD   1 to run the binaries as last built, without building (to go on
#                   fuzzing one snapshot while the sources are being edited)
#   FUZZ_ARGS       extra libFuzzer options, e.g. "-seed=1" or, to keep going past a
#                   known crash, "-fork=1 -ignore_crashes=1" (stats are then partial)
#
# Toolchain: cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov…), and
# only a stable toolchain is installed, so RUSTC_BOOTSTRAP=1 is exported to let stable
# rustc accept them. Targets are built optimised with debug assertions (overflow
# checks) on: `cargo fuzz build -O -a`.
#
# Each target runs alone, in one process (libFuzzer's default: one job, one worker),
# one after the other, so the fuzzing never takes more than one core. Its corpus is
# fuzz/corpus/TARGET, seeded from fuzz/seeds/TARGET; crashes, timeouts and
# out-of-memory inputs land in fuzz/artifacts/TARGET/, libFuzzer's output in
# fuzz/logs/TARGET.log (all ignored by git). Prints per target the executions, exec/s,
# corpus size and any artifact, and exits non-zero when any target failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${FUZZ_SECONDS:-300}"
sanitizer="${FUZZ_SANITIZER:-address}"
read -r -a extra_args <<<"${FUZZ_ARGS:-}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "Installing cargo-fuzz…"
    cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1

# The longest input each target is given, in bytes: whole files for the parsers and the
# merge's second mode (three project files), less for the texts of the re-anchoring.
max_len() {
    case "$1" in
        reanchor) echo 16384 ;;
        *) echo 65536 ;;
    esac
}

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

# Everything is built first, then the built binaries are run: every target fuzzes the
# same snapshot of the sources, and no rebuild happens between targets.
build=(-O -a --sanitizer "$sanitizer")
if [ "${FUZZ_NO_BUILD:-0}" = 1 ]; then
    echo "Running the targets as last built (FUZZ_NO_BUILD=1)"
elif [ "$#" -gt 0 ]; then
    echo "Building ${targets[*]} (cargo fuzz build ${build[*]})…"
    for target in "${targets[@]}"; do
        cargo fuzz build "${build[@]}" "$target"
    done
else
    echo "Building every target (cargo fuzz build ${build[*]})…"
    cargo fuzz build "${build[@]}"
fi
triple="$(rustc -vV | sed -n 's/^host: //p')"
bin_dir="fuzz/target/$triple/release"

mkdir -p fuzz/logs
summary=()
failed=0
for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    artifacts="fuzz/artifacts/$target"
    log="fuzz/logs/$target.log"
    mkdir -p "$corpus" "$artifacts"
    if [ -d "fuzz/seeds/$target" ]; then
        cp -n "fuzz/seeds/$target"/* "$corpus"/ 2>/dev/null || true
    fi
    before="$(find "$artifacts" -type f | wc -l)"
    echo
    echo "=== $target: ${seconds}s, -max_len=$(max_len "$target") ==="
    status=0
    "$bin_dir/$target" "$corpus" \
        -artifact_prefix="$artifacts/" \
        -max_total_time="$seconds" \
        -max_len="$(max_len "$target")" \
        -rss_limit_mb=2048 \
        -timeout=10 \
        -print_final_stats=1 \
        "${extra_args[@]}" \
        >"$log" 2>&1 || status=$?
    grep -E '^(Done|stat::)|Test unit written|panicked at|SUMMARY|^==[0-9]+==ERROR|ERROR: libFuzzer' "$log" | tail -n 20 || true

    executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)"
    per_second="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)"
    corpus_size="$(find "$corpus" -type f | wc -l)"
    after="$(find "$artifacts" -type f | wc -l)"
    artifact="$(grep -o 'Test unit written to [^ ]*' "$log" | tail -n 1 | sed 's/Test unit written to //' || true)"
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        failed=1
        result="FAILED (exit $status) ${artifact:-see $log}"
    else
        result="no crash"
    fi
    summary+=("$(printf '%-14s %10s execs %7s exec/s %6s corpus files  %s' \
        "$target" "${executions:-?}" "${per_second:-?}" "$corpus_size" "$result")")
done

echo
echo "=== Summary (${seconds}s per target, sanitizer $sanitizer) ==="
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "Some targets failed: reproduce with"
    echo "  RUSTC_BOOTSTRAP=1 cargo fuzz run ${build[*]} TARGET fuzz/artifacts/TARGET/FILE"
    echo "and minimise with"
    echo "  RUSTC_BOOTSTRAP=1 cargo fuzz tmin ${build[*]} TARGET fuzz/artifacts/TARGET/FILE"
    exit 1
fi
