#!/usr/bin/env bash
# Installs the built .deb, runs the installed self-check, screenshots the installed app under Xvfb, checks the
# MIME association and the menu entry, removes the package and checks nothing is left. Needs root (dpkg).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
newest_deb() {
  # The newest dist/factledger_*.deb, without `ls | head` (a SIGPIPE under pipefail).
  local newest="" f
  for f in dist/factledger_*.deb; do
    [[ -f "$f" && ( -z "$newest" || "$f" -nt "$newest" ) ]] && newest=$f
  done
  echo "$newest"
}
DEB=${1:-$(newest_deb)}
[[ -f "$DEB" ]] || { echo "check-deb: no .deb in dist/ (run make package first)" >&2; exit 1; }
sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
work=$(mktemp -d /tmp/factledger-check.XXXXXX)
installed=0
cleanup() {
  if [[ $installed -eq 1 ]]; then $sudo dpkg -r factledger >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "== $*"; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

step "dpkg -i $DEB"
if ! $sudo dpkg -i "$DEB"; then
  # Missing dependencies: let apt bring exactly what the control file declares, then configure.
  $sudo apt-get install -y -f --no-install-recommends
fi
installed=1
[[ "$(dpkg-query -W -f='${Status}' factledger)" == "install ok installed" ]] || fail "factledger is not installed"
[[ -x /opt/factledger/factledger && "$(readlink -f /usr/bin/factledger)" == /opt/factledger/factledger ]] \
  || fail "/usr/bin/factledger does not lead to /opt/factledger/factledger"

step "installed self-check"
out=$(cd "$work" && env -u PYTHONPATH HOME="$work" /usr/bin/factledger --selftest) || fail "selftest exited non-zero: $out"
echo "$out"
[[ $(wc -l <<<"$out") -eq 1 && "$out" == "factledger selftest: OK ("* ]] || fail "selftest did not print one OK line"

step "menu entry, icons, MIME type"
desktop-file-validate /usr/share/applications/factledger.desktop || fail "the .desktop entry is invalid"
for size in 16x16 32x32 48x48 128x128 256x256 scalable; do
  ls /usr/share/icons/hicolor/$size/apps/factledger.* >/dev/null 2>&1 || fail "no $size icon"
done
grep -q "application/x-factledger=.*factledger.desktop" /usr/share/applications/mimeinfo.cache \
  || fail "mimeinfo.cache does not list factledger.desktop for application/x-factledger"
[[ -f /usr/share/mime/application/x-factledger.xml ]] || fail "update-mime-database did not register the type"
ledger="$work/Check ledger.factledger"
HOME="$work" /usr/bin/factledger --ledger "$ledger" import resources/sample/sample-article.html >/dev/null
type=$(gio info -a standard::content-type "$ledger" | awk '/standard::content-type/ {print $2}')
[[ "$type" == application/x-factledger ]] || fail "a ledger file is typed '$type', not application/x-factledger"
renamed="$work/ledger-without-suffix"; cp "$ledger" "$renamed"
magic=$(gio info -a standard::content-type "$renamed" | awk '/standard::content-type/ {print $2}')
echo "content type by name: $type; by content alone (no suffix): $magic (application/x-factledger once storage sets PRAGMA application_id = 0x464C4447)"
handler=$(XDG_DATA_DIRS=/usr/local/share:/usr/share gio mime application/x-factledger)
echo "$handler"
grep -q "factledger.desktop" <<<"$handler" || fail "gio mime does not name factledger.desktop"
default=$(HOME="$work" xdg-mime query default application/x-factledger 2>/dev/null || true)
echo "xdg-mime default: ${default:-none}"
[[ "$default" == factledger.desktop ]] || fail "xdg-mime does not choose factledger.desktop for ledgers"

step "installed app under Xvfb, screenshot"
shot="$work/screenshot.png"
HOME="$work" FACTLEDGER_SCREENSHOT="$shot" timeout 120 \
  xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/factledger --ledger "$ledger" >"$work/app.log" 2>&1 \
  || { cat "$work/app.log" >&2; fail "the installed app did not start and quit under Xvfb"; }
[[ -s "$shot" ]] || { cat "$work/app.log" >&2; fail "the app wrote no screenshot (is FACTLEDGER_SCREENSHOT handled?)"; }
PYTHONPATH=$ROOT/desktop "$PY" -c 'import sys; from pathlib import Path
from factledger.ui.selftest_chart import png_is_blank
sys.exit(1 if png_is_blank(Path(sys.argv[1])) else 0)' "$shot" || fail "the screenshot is blank"
cp "$shot" "$ROOT/dist/installed-screenshot.png"
echo "screenshot not blank: dist/installed-screenshot.png"

step "dpkg -r"
$sudo dpkg -r factledger
installed=0
[[ ! -e /opt/factledger ]] || fail "/opt/factledger is still there: $(find /opt/factledger -maxdepth 2)"
for path in /usr/bin/factledger /usr/share/applications/factledger.desktop /usr/share/mime/packages/factledger.xml \
  /usr/share/mime/application/x-factledger.xml /usr/share/icons/hicolor/256x256/apps/factledger.png; do
  [[ ! -e "$path" ]] || fail "$path is left after dpkg -r"
done
! grep -q "application/x-factledger" /usr/share/applications/mimeinfo.cache 2>/dev/null \
  || fail "mimeinfo.cache still lists application/x-factledger"
echo "check-deb: OK (installed, self-checked, screenshot, MIME and menu entry, removed cleanly)"
