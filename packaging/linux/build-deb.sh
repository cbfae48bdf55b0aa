#!/usr/bin/env bash
# Builds FactLedger's one-dir bundle with PyInstaller, self-tests it, and wraps it in dist/factledger_<v>_<arch>.deb.
# Run from anywhere; `make package` runs it after installing '.[package]'. PYTHON overrides the interpreter.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
export PYTHONDONTWRITEBYTECODE=1

started=$(date +%s)
VERSION=$("$PY" -c 'import factledger; print(factledger.__version__)')
ARCH=$(dpkg --print-architecture)
# getconf, not `ldd --version | head`: under pipefail, head closing the pipe early kills ldd with SIGPIPE.
GLIBC=$(getconf GNU_LIBC_VERSION)
GLIBC=${GLIBC##* }
STAGE=$ROOT/build/deb/factledger_${VERSION}_${ARCH}
DEB=$ROOT/dist/factledger_${VERSION}_${ARCH}.deb
BUNDLE=$ROOT/dist/factledger

echo "== icons"
"$PY" packaging/render_icons.py --out build/icons

echo "== PyInstaller one-dir bundle"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/factledger.spec

echo "== frozen self-check"
QT_QPA_PLATFORM=offscreen "$BUNDLE/factledger" --selftest

echo "== shared libraries the bundle needs from the system"
# Every ELF file in the bundle, resolved the way the frozen app resolves them (bundle first). Whatever
# resolves outside the bundle must come from a declared dependency; whatever does not resolve is a bug.
bundle_paths="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib"
mapfile -t elves < <(find "$BUNDLE" -type f \( -name '*.so*' -o -name factledger \) -exec sh -c \
  'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
ldd_out=$(for f in "${elves[@]}"; do LD_LIBRARY_PATH=$bundle_paths ldd "$f" 2>/dev/null || true; done)
missing=$(grep 'not found' <<<"$ldd_out" | awk '{print $1}' | sort -u || true)
if [[ -n "$missing" ]]; then
  echo "Libraries no one provides (install them or declare them): $missing" >&2
  exit 1
fi
mapfile -t system_libs < <(grep -oE '=> /[^ ]+' <<<"$ldd_out" | awk '{print $2}' | grep -v "^$BUNDLE/" | sort -u)
declare -A from_system=()
for lib in "${system_libs[@]}"; do
  real=$(readlink -f "$lib")
  pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null || true)
  pkg=${pkg%%:*}
  [[ -n "$pkg" ]] && from_system[$pkg]=1
done
unset 'from_system[libc6]'
# What the Qt xcb platform plugin needs on a minimal system, declared even where the bundle carries a copy
# (a distribution's copy gets security updates); plus a font, without which every label is empty.
depends=(
  "libc6 (>= $GLIBC)" libxcb1 libx11-6 libx11-xcb1 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-cursor0 libxcb-randr0 libxcb-shape0 libxcb-xkb1
  libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"
)
for pkg in "${!from_system[@]}"; do
  [[ " ${depends[*]} " == *" $pkg "* ]] || depends+=("$pkg")
done
DEPENDS=$(printf '%s, ' "${depends[@]}"); DEPENDS=${DEPENDS%, }
echo "Depends: $DEPENDS"

echo "== staging the package"
rm -rf "$STAGE"
install -d "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/factledger" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/factledger"
install -m 0755 packaging/linux/factledger-open "$STAGE/opt/factledger/factledger-open"
ln -s /opt/factledger/factledger "$STAGE/usr/bin/factledger"
install -m 0644 resources/linux/factledger.desktop "$STAGE/usr/share/applications/factledger.desktop"
install -m 0644 resources/linux/factledger-mime.xml "$STAGE/usr/share/mime/packages/factledger.xml"
install -m 0644 resources/icons/factledger.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/factledger.svg"
for dir in build/icons/hicolor/*/; do
  size=$(basename "$dir")
  install -D -m 0644 "$dir/apps/factledger.png" "$STAGE/usr/share/icons/hicolor/$size/apps/factledger.png"
done
cat > "$STAGE/usr/share/doc/factledger/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: FactLedger
Comment: The bundle under /opt/factledger also carries Python, Qt (LGPL-3.0) via PySide6, and the Python
 libraries listed in pyproject.toml, each under its own licence.

Files: *
Copyright: FactLedger developers
License: MIT
COPYRIGHT
install -m 0755 packaging/linux/postinst "$STAGE/DEBIAN/postinst"
install -m 0755 packaging/linux/postrm "$STAGE/DEBIAN/postrm"
find "$STAGE" -type d -exec chmod 0755 {} +
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: factledger
Version: $VERSION
Architecture: $ARCH
Maintainer: FactLedger developers <factledger@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: $DEPENDS
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme, xdg-utils
Section: misc
Priority: optional
Description: desktop fact-tracker for news articles
 FactLedger finds the claims, commitments and statistics in news articles,
 keeps each tied to its exact quote and source, lets a person verify it and
 exports fact sheets (CSV, JSON, ClaimReview, Markdown).
 .
 This package carries a self-contained build under /opt/factledger.
CONTROL

echo "== dpkg-deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
elapsed=$(( $(date +%s) - started ))
echo "bundle: $(du -sh "$BUNDLE" | cut -f1)  .deb: $(du -h "$DEB" | cut -f1) ($DEB)  build time: ${elapsed}s"
