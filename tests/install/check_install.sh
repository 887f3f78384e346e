#!/bin/sh
# Installs the build into a temporary prefix, checks what a desktop needs is there and
# valid, and runs the installed CLI on the demo cookie.
set -eu
build="$1"
source="$2"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
for file in bin/sessionlens bin/sessionlens-cli \
    share/applications/io.sessionlens.SessionLens.desktop \
    share/metainfo/io.sessionlens.SessionLens.metainfo.xml \
    share/icons/hicolor/48x48/apps/io.sessionlens.SessionLens.png \
    share/icons/hicolor/256x256/apps/io.sessionlens.SessionLens.png \
    share/icons/hicolor/scalable/apps/io.sessionlens.SessionLens.svg \
    share/man/man1/sessionlens.1 share/man/man1/sessionlens-cli.1 \
    share/bash-completion/completions/sessionlens-cli share/zsh/vendor-completions/_sessionlens-cli \
    share/doc/sessionlens/README.md; do
    [ -e "$prefix/$file" ] || { echo "missing after install: $file"; exit 1; }
done
appstreamcli validate --no-net "$prefix/share/metainfo/io.sessionlens.SessionLens.metainfo.xml"
desktop-file-validate "$prefix/share/applications/io.sessionlens.SessionLens.desktop"
man -l "$prefix/share/man/man1/sessionlens-cli.1" > /dev/null 2>&1 || groff -man -Tutf8 "$prefix/share/man/man1/sessionlens-cli.1" > /dev/null
bash -n "$prefix/share/bash-completion/completions/sessionlens-cli"
settings="$prefix/settings.ini"
printf '[keys]\nbackend=file\n' > "$settings"
out="$(SESSIONLENS_SETTINGS="$settings" "$prefix/bin/sessionlens-cli" decode --no-ring --key-file "$source/resources/demo/demo.key" \
    --format json "$(cat "$source/resources/demo/demo.cookie")")"
case "$out" in
    *'"username"'*) echo "installed CLI opened the demo cookie: $(printf '%s' "$out" | head -c 60)..." ;;
    *) echo "the installed CLI did not open the demo cookie: $out"; exit 1 ;;
esac
"$prefix/bin/sessionlens-cli" --version
