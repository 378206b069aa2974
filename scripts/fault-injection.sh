#!/usr/bin/env bash
# Saves a project where the disk refuses the write, and checks each time that the
# project file is byte for byte as it was, that no temporary file is left, and that the
# message says why in plain words:
#   - a full disk (a 64 KiB tmpfs filled to the brim),
#   - a read-only disk (a read-only bind mount),
#   - a folder without write permission (as the user nobody, when run as root).
# The mounts need a private mount namespace: run as root, or where unprivileged user
# namespaces are allowed. `cargo test` covers a write cut short by a file-size limit
# (tests/disk_faults.rs), which needs no privileges.
# usage: scripts/fault-injection.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --no-run --quiet --test disk_faults 2>/dev/null
export FACTDESK="$PWD/target/debug/factdesk" SAMPLE="$PWD/projects/idlib-2019.factdesk.json" \
    STORY="$PWD/tests/fixtures/seed-idlib-2019.txt"
if [ "$(id -u)" = 0 ]; then
    export REAL_ROOT=1 && namespace=(unshare --mount)
else
    export REAL_ROOT=0 && namespace=(unshare --user --map-root-user --mount)
fi

"${namespace[@]}" bash -s <<'IN_NAMESPACE'
set -euo pipefail
work=$(mktemp -d)
failures=0

# expect NAME FOLDER WORDS [RUN-AS...]: imports the story into FOLDER/p.factdesk.json
# and checks the refusal.
expect() {
    local name=$1 folder=$2 words=$3; shift 3
    local before status=0
    before=$(sha256sum "$folder/p.factdesk.json")
    "$@" "$FACTDESK" import "$folder/p.factdesk.json" "$STORY" 2>"$work/stderr" >/dev/null || status=$?
    local verdict=ok
    [ "$status" = 2 ] || verdict="exit $status, not 2"
    [ "$(sha256sum "$folder/p.factdesk.json")" = "$before" ] || verdict="PROJECT CHANGED"
    ls -A "$folder" | grep -q '\.tmp$' && verdict="temporary file left"
    grep -q "$words" "$work/stderr" || verdict="message lacks '$words'"
    echo "$name: $verdict"
    echo "    $(cat "$work/stderr")"
    [ "$verdict" = ok ] || failures=$((failures + 1))
}

mkdir "$work/full"
mount -t tmpfs -o size=64k tmpfs "$work/full"
cp "$SAMPLE" "$work/full/p.factdesk.json"
dd if=/dev/zero of="$work/full/filler" bs=1k 2>/dev/null || true  # until the disk is full
expect "full disk" "$work/full" "the disk is full"

mkdir "$work/read-only"
cp "$SAMPLE" "$work/read-only/p.factdesk.json"
mount --bind "$work/read-only" "$work/read-only"
mount -o remount,bind,ro "$work/read-only"
expect "read-only disk" "$work/read-only" "the disk is read-only"

if [ "$REAL_ROOT" = 1 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    mkdir "$work/no-permission"
    cp "$SAMPLE" "$work/no-permission/p.factdesk.json"
    chmod 0755 "$work" && chmod 0555 "$work/no-permission" && chmod 0644 "$work/no-permission/p.factdesk.json"
    expect "no permission" "$work/no-permission" "no permission" \
        setpriv --reuid=nobody --regid=nogroup --clear-groups
else
    echo "no permission: skipped (needs root and setpriv)"
fi

umount "$work/full" "$work/read-only"
rm -rf "$work"
echo "$failures failure(s)"
exit "$failures"
IN_NAMESPACE
