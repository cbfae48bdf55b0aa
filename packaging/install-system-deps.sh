#!/usr/bin/env bash
# Installs the Debian packages FactLedger's Qt GUI and its tests need, only those missing.
# With --ci also LibreOffice (the CSV round-trip test uses it; it skips cleanly without it).
set -euo pipefail

packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 fonts-dejavu-core
  xvfb xauth sqlite3 shared-mime-info desktop-file-utils libglib2.0-bin
)
if [[ "${1:-}" == "--ci" ]]; then
  # LibreOffice for the CSV round trip; the rest for building and checking the .deb.
  packages+=(libreoffice-calc-nogui dpkg-dev xdg-utils hicolor-icon-theme binutils xz-utils)
fi

# Debian's own Python ships venv/ensurepip separately; a pyenv or python.org Python has them built in.
for py in python3.11 python3.12 python3; do
  if command -v "$py" >/dev/null; then
    "$py" -c "import ensurepip, venv" 2>/dev/null || packages+=("${py}-venv")
    break
  fi
done

missing=()
for p in "${packages[@]}"; do
  # No `| grep -q` under pipefail: grep quitting early can SIGPIPE the writer and fail the whole script.
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Not a Debian-like system: install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Missing system packages (run as root to install): ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
