#!/usr/bin/env bash
# Builds dist/FactLedger.app with PyInstaller's BUNDLE() and wraps it in a compressed, drag-to-install .dmg.
# Run on macOS from anywhere: bash packaging/macos/make-dmg.sh (PYTHON overrides the interpreter).
# The app is ad-hoc signed only; notarization needs a Developer ID and is left to the release owner.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}
VERSION=$("$PY" -c 'import factledger; print(factledger.__version__)')
ARCH=$(uname -m)

"$PY" packaging/render_icons.py --out build/icons
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/factledger.spec
APP=dist/FactLedger.app
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/factledger" --selftest
/usr/libexec/PlistBuddy -c 'Print :CFBundleDocumentTypes:0:CFBundleTypeExtensions' "$APP/Contents/Info.plist"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
DMG=dist/FactLedger-${VERSION}-macos-${ARCH}.dmg
rm -f "$DMG"
hdiutil create -volname "FactLedger ${VERSION}" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
echo "make-dmg: $DMG ($(du -h "$DMG" | cut -f1))"
