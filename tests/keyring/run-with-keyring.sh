#!/bin/sh
# Runs a test against a real Secret Service: called inside `dbus-run-session`, it starts
# gnome-keyring-daemon with a fresh, unlocked login keyring in a private folder (never the
# user's own), then runs the test. The daemon ends with the D-Bus session.
set -eu
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
chmod 700 "$scratch"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run" HOME="$scratch/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'sessionlens-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
