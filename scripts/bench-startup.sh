#!/usr/bin/env bash
# Start-up time and memory of Factdesk opening the sample project, against Meld opening
# the same two article texts, under Xvfb (Mesa software rendering):
#   - time from launch to the window appearing (polled with xdotool),
#   - for Factdesk, time to the first frame on screen (its own log line),
#   - resident memory 3 s after launch.
# Each is the median of RUNS runs (default 5), each run in a display of its own.
# Installs Xvfb, xdotool, Meld, xdpyinfo and bc with apt when they are missing, and
# builds the release binary.
# usage: scripts/bench-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v meld >/dev/null || need+=(meld)
command -v xdpyinfo >/dev/null || need+=(x11-utils)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --quiet
factdesk=${CARGO_TARGET_DIR:-$PWD/target}/release/factdesk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The sample project's two versions as plain files, for Meld; a copy of the project
# for Factdesk, so its lock and recovery files stay out of the repository.
python3 - "$work" <<'PY'
import json, sys
project = json.load(open("projects/idlib-2019.factdesk.json"))
for name, document in zip(["old.txt", "new.txt"], project["documents"]):
    open(f"{sys.argv[1]}/{name}", "w").write(document["text"])
PY
cp projects/idlib-2019.factdesk.json "$work/sample.factdesk.json"

# measure TITLE COMMAND...: in a display of its own, prints "window_s first_frame_ms
# rss_mib": the time to a visible window whose title matches TITLE, Factdesk's own
# first-frame line, and resident memory 3 s after launch.
measure() {
    local title=$1; shift
    local display start end pid window="" rss first xvfb_pid
    display=$((600 + RANDOM % 300))
    while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
    Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 100); do xdpyinfo -display ":$display" >/dev/null 2>&1 && break; sleep 0.05; done
    start=$(date +%s.%N)
    DISPLAY=":$display" RUST_LOG=factdesk::startup=info "$@" >"$work/log" 2>&1 &
    pid=$!
    for _ in $(seq 1 2000); do
        window=$(DISPLAY=":$display" xdotool search --onlyvisible --name "$title" 2>/dev/null | head -1) || true
        [ -n "$window" ] && break
        sleep 0.005
    done
    end=$(date +%s.%N)
    sleep 3
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    first=$(grep -o 'first frame on screen [0-9.]*' "$work/log" | awk '{print $5}' || true)
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null || true
    rm -f "$work"/sample.factdesk.json.lock
    echo "$(echo "$end - $start" | bc) ${first:--} $((rss / 1024))"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

report() {
    local name=$1; shift
    local results=()
    for _ in $(seq 1 "$runs"); do results+=("$("$@")"); done
    local window first rss
    window=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
    first=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
    rss=$(printf '%s\n' "${results[@]}" | awk '{print $3}' | median)
    printf '| %s | %.3f s | %s | %s MiB |\n' "$name" "$window" "${first} ms" "$rss"
    echo "$window $rss" >"$work/$name.result"
}

echo "| program | window shown | first frame on screen | resident memory after 3 s |"
echo "|---|---|---|---|"
report factdesk measure "^Factdesk" "$factdesk" "$work/sample.factdesk.json"
report meld measure "^Meld$" meld "$work/old.txt" "$work/new.txt"

read -r meld_window meld_rss <"$work/meld.result"
read -r window rss <"$work/factdesk.result"
printf 'factdesk / meld: window %.2f×, memory %.2f×\n' \
    "$(echo "$window / $meld_window" | bc -l)" "$(echo "$rss / $meld_rss" | bc -l)"
