#!/usr/bin/env bash
# Renders the workbench's main views on the sample project under Xvfb into the PNGs
# the README shows (docs/images/): side by side, the versions view, the provenance
# view, a claim with its evidence, find, and the command palette.
# Installs Xvfb, xdotool and ImageMagick with apt when they are missing, and builds the
# release binary.
# usage: scripts/screenshots.sh [OUT_DIR]   (default docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/images}
mkdir -p "$out"

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
[ -x /usr/bin/import ] || need+=(imagemagick)
command -v xdpyinfo >/dev/null || need+=(x11-utils)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --quiet
factdesk=${CARGO_TARGET_DIR:-$PWD/target}/release/factdesk

work=$(mktemp -d)
display=$((700 + RANDOM % 200))
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
# The window is 1440 × 900, the screen a little larger so nothing is cut off.
Xvfb ":$display" -screen 0 1460x920x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "${app_pid:-}" "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=":$display"
for _ in $(seq 1 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done

# A copy of the sample, so the project in the repository is never touched, and a
# settings folder of its own, so the shots do not depend on earlier runs.
cp projects/idlib-2019.factdesk.json "$work/idlib-2019.factdesk.json"
XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
    "$factdesk" "$work/idlib-2019.factdesk.json" >"$work/log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 200); do
    window=$(xdotool search --onlyvisible --name "^Factdesk" 2>/dev/null | head -1) || true
    [ -n "$window" ] && break
    sleep 0.05
done
[ -n "$window" ] || { echo "the window did not appear:" >&2; cat "$work/log" >&2; exit 1; }
xdotool windowmove "$window" 0 0
sleep 1.5

keys() { xdotool windowfocus "$window"; xdotool key --delay 60 "$@"; sleep 0.6; }
typed() { xdotool type --delay 25 "$1"; sleep 0.4; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.6; }
shot() { import -window "$window" "$out/$1.png"; echo "$out/$1.png"; }

shot workbench
keys ctrl+2
shot versions
keys ctrl+3
shot provenance
keys ctrl+1
# The Lavrov claim, which has its evidence and a two-source warning; the details are
# scrolled down to the evidence.
click 1260 505
xdotool mousemove 1250 720
for _ in 1 2 3; do xdotool click 5; sleep 0.05; done
# The pointer leaves, so no tooltip covers the shot.
xdotool mousemove 700 890
sleep 0.6
shot claim-evidence
keys Escape ctrl+f
typed "al-Numan"
keys Return
shot find
keys Escape ctrl+k
typed "zoom"
shot palette
