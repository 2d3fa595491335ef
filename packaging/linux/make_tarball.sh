#!/usr/bin/env bash
# Tar the Linux bundle with its desktop entry and icon:
#   bash packaging/linux/make_tarball.sh [DIST_DIR]   -> DIST_DIR/fallzahl-VERSION-linux-x86_64.tar.gz
# Build the bundle first: pyinstaller --noconfirm build.spec
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${1:-$root/dist}"
bundle="$dist/fallzahl"
[ -x "$bundle/fallzahl" ] || { echo "no bundle at $bundle (run pyinstaller build.spec)" >&2; exit 1; }
version="$(cd "$root" && python3 -c 'import re,pathlib;print(re.search(r"^version = \"(.+)\"", pathlib.Path("pyproject.toml").read_text(), re.M)[1])')"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
top="fallzahl-$version"
mkdir -p "$stage/$top/share/applications" "$stage/$top/share/icons/hicolor/256x256/apps" \
         "$stage/$top/share/icons/hicolor/scalable/apps" "$stage/$top/share/mime/packages"
cp -a "$bundle" "$stage/$top/fallzahl"
cp "$root/packaging/linux/fallzahl.desktop" "$stage/$top/share/applications/"
cp "$root/packaging/linux/fallzahl-mime.xml" "$stage/$top/share/mime/packages/fallzahl.xml"
cp "$root/resources/icons/fallzahl.png" "$stage/$top/share/icons/hicolor/256x256/apps/"
cp "$root/resources/icons/fallzahl.svg" "$stage/$top/share/icons/hicolor/scalable/apps/"
cat > "$stage/$top/install.sh" <<'INSTALL'
#!/bin/sh
# Install for all users below /opt (run as root) or for one user below ~/.local.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
if [ "$(id -u)" = 0 ]; then prefix=/opt/fallzahl; share=/usr/local/share; bin=/usr/local/bin
else prefix="$HOME/.local/opt/fallzahl"; share="$HOME/.local/share"; bin="$HOME/.local/bin"; fi
mkdir -p "$prefix" "$bin" "$share"
rm -rf "$prefix.new" && cp -a "$here/fallzahl" "$prefix.new" && rm -rf "$prefix" && mv "$prefix.new" "$prefix"
ln -sf "$prefix/fallzahl" "$bin/fallzahl"; ln -sf "$prefix/fallzahl-cli" "$bin/fallzahl-cli"
cp -r "$here/share/." "$share/"
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "Fallzahl installed in $prefix (data stays in ~/.local/share/Fallzahl)"
INSTALL
chmod +x "$stage/$top/install.sh"
out="$dist/fallzahl-$version-linux-x86_64.tar.gz"
tar -C "$stage" -czf "$out" "$top"
echo "$out"
