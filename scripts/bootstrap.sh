#!/usr/bin/env bash
# Make a fresh Debian 12 / Ubuntu machine ready: the Debian packages the kiosk and its tests
# need, then .venv with the project and its extras. Idempotent: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(
  # Qt offscreen and xcb platforms (see shared reference qt.md)
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  # Qt's Wayland platform (the packaged kiosk runs in cage; kiosk doctor checks its libraries)
  # and cage itself, headless, for the test that types on the keyboard in it
  libwayland-client0 libwayland-cursor0 libwayland-egl1 cage
  # Chinese text on screen and in receipt previews
  fonts-noto-cjk fontconfig
  # Qt Virtual Keyboard's QML and Qt TextToSpeech load Qt Multimedia, which needs libpulse
  libpulse0
  # printers: usb:// (libusb), cups:// (CUPS's lp client); the tests run a real cupsd
  libusb-1.0-0 cups-client cups-daemon cups-core-drivers
  # card readers: pcscd; pyscard compiles against libpcsclite (no Linux wheel); the tests put
  # virtual cards on pcscd's vpcd driver inside a private network namespace (iproute2)
  pcscd libpcsclite-dev vsmartcard-vpcd iproute2 gcc python3-dev
  # the server tests run on SQLite and on a throwaway PostgreSQL cluster they start themselves
  postgresql
  # the venv
  python3 python3-venv
  # packaging tests: build the .deb, install it with apt into a throwaway Debian root made by
  # debootstrap, and check its units with systemd-analyze verify
  debootstrap systemd
)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  # Ubuntu 22.04 ships 3.10 as python3 but packages 3.11 beside it.
  if ! command -v python3.11 >/dev/null; then
    echo "bootstrap: $("$PY" --version) is too old; installing python3.11"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3.11 python3.11-venv
  fi
  PY=python3.11
fi
EXTRAS=${EXTRAS:-ui,server,test}
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${EXTRAS//,/_}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if [ ! -e "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[${EXTRAS}]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
