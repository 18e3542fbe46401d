#!/usr/bin/env bash
# Build the OneStop Kiosk .deb: the project and every dependency as wheels (a wheelhouse, so a
# village box without internet installs it offline), the systemd units, udev rules, wrappers
# and the default configuration. The package's postinst makes the virtual environment under
# /opt/onestop-kiosk from the bundled wheels with Debian's own python3.
#
#   packaging/build-deb.sh [--out DIR] [--cache DIR] [--python PYTHON]
#
# Prints the path of the .deb on its last line. The third-party wheels are kept in the cache
# (default ~/.cache/onestop-kiosk-build) under a key made of the dependency lists, so a rebuild
# after a code change only rebuilds the project's own wheel. The wheels are built for the build
# machine's CPython 3.11 and glibc: build on the Debian release the kiosks run (12, bookworm).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SOURCE="$(cd "$HERE/.." && pwd)"
OUT="$SOURCE/dist"
CACHE="${ONESTOP_BUILD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/onestop-kiosk-build}"
PYTHON="${PYTHON:-}"
# What the kiosk box runs: the window (ui), the reference backend (server), PC/SC and serial
# card readers, serial and USB printers.
EXTRAS="ui,server,cards,serial,usb"

while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --cache) CACHE="$2"; shift 2 ;;
    --python) PYTHON="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-deb: unknown option $1" >&2; exit 2 ;;
  esac
done

if [ -z "$PYTHON" ]; then
  if [ -x "$SOURCE/.venv/bin/python" ]; then PYTHON="$SOURCE/.venv/bin/python"; else PYTHON=python3; fi
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "build-deb: $PYTHON is not CPython 3.11, the python3 of Debian 12 the package installs with" >&2
  exit 2
fi
for tool in dpkg-deb dpkg flock; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (a Debian machine is needed)" >&2; exit 2; }
done

VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$SOURCE/pyproject.toml")"
ARCH="$(dpkg --print-architecture)"
PACKAGE=onestop-kiosk
mkdir -p "$OUT" "$CACHE"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/onestop-deb.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- the wheelhouse --------------------------------------------------------------------------
# Pin what the build environment has installed (the versions the test suite ran against), when
# it is the project's own venv; otherwise let pip resolve.
CONSTRAINTS="$WORK/constraints.txt"
"$PYTHON" -m pip freeze --exclude-editable 2>/dev/null | grep -v '^onestop-kiosk' >"$CONSTRAINTS" || true
DEPENDENCY_KEY="$(
  { "$PYTHON" -c 'import sys, tomllib, json; p = tomllib.load(open(sys.argv[1], "rb"))["project"]; print(json.dumps([p["dependencies"], p["optional-dependencies"]], sort_keys=True))' "$SOURCE/pyproject.toml"
    echo "$EXTRAS"; cat "$CONSTRAINTS"; "$PYTHON" -c 'import sys, sysconfig; print(sys.version, sysconfig.get_platform())'
  } | sha256sum | cut -c1-16
)"
DEPENDENCY_WHEELS="$CACHE/wheels-$DEPENDENCY_KEY"

# A copy of the sources to build from: setuptools' build/ folder in the work tree keeps files
# that were deleted since, and they would land in the wheel.
SRC="$WORK/src"
mkdir -p "$SRC"
cp "$SOURCE/pyproject.toml" "$SOURCE/README.md" "$SRC/"
for package in kiosk ui drivers server assets; do
  cp -r "$SOURCE/$package" "$SRC/"
done
find "$SRC" -name '__pycache__' -prune -exec rm -rf {} +

WHEELHOUSE="$WORK/root/opt/onestop-kiosk/wheelhouse"
mkdir -p "$WHEELHOUSE"
# One build at a time fills the cache (a test run and a vendor's build may overlap).
exec 9>"$CACHE/.lock"
flock 9
if [ ! -e "$DEPENDENCY_WHEELS/.complete" ]; then
  echo "build-deb: building the dependency wheels (once per dependency set) into $DEPENDENCY_WHEELS" >&2
  # Wheels of older dependency sets are of no more use.
  find "$CACHE" -maxdepth 1 -name 'wheels-*' -exec rm -rf {} +
  mkdir -p "$DEPENDENCY_WHEELS"
  "$PYTHON" -m pip wheel --quiet --disable-pip-version-check --constraint "$CONSTRAINTS" \
    --wheel-dir "$DEPENDENCY_WHEELS" "$SRC[$EXTRAS]"
  rm -f "$DEPENDENCY_WHEELS"/onestop_kiosk-*.whl
  touch "$DEPENDENCY_WHEELS/.complete"
fi
cp "$DEPENDENCY_WHEELS"/*.whl "$WHEELHOUSE/"
# The project's own wheel, from a build environment kept in the cache: pip's isolated build
# would set up setuptools afresh on every build.
BUILD_ENV="$CACHE/build-env-$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
if [ ! -e "$BUILD_ENV/.complete" ]; then
  rm -rf "$BUILD_ENV"
  "$PYTHON" -m venv "$BUILD_ENV"
  "$BUILD_ENV/bin/python" -m pip install --quiet --disable-pip-version-check "setuptools>=69"
  touch "$BUILD_ENV/.complete"
fi
flock --unlock 9
"$BUILD_ENV/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-index --no-deps \
  --no-build-isolation --wheel-dir "$WHEELHOUSE" "$SRC"

# Each build gets its own venv directory on the box, switched in by a symlink once complete.
BUILD_ID="$VERSION-$(cd "$WHEELHOUSE" && sha256sum ./*.whl | sha256sum | cut -c1-12)"

# --- the file tree ---------------------------------------------------------------------------
ROOT="$WORK/root"
install -d "$ROOT/DEBIAN" "$ROOT/usr/bin" "$ROOT/usr/lib/systemd/system" \
  "$ROOT/usr/lib/udev/rules.d" "$ROOT/etc/onestop-kiosk" "$ROOT/usr/share/doc/$PACKAGE"
echo "$BUILD_ID" >"$ROOT/opt/onestop-kiosk/BUILD_ID"
echo "onestop-kiosk[$EXTRAS]==$VERSION" >"$ROOT/opt/onestop-kiosk/requirement.txt"
install -m 0755 "$HERE/bin/kiosk" "$HERE/bin/kiosk-server" "$ROOT/usr/bin/"
install -m 0644 "$HERE/systemd/onestop-kiosk.service" "$HERE/systemd/onestop-kiosk-server.service" \
  "$ROOT/usr/lib/systemd/system/"
install -m 0644 "$HERE/udev/70-onestop-kiosk.rules" "$ROOT/usr/lib/udev/rules.d/"
install -m 0644 "$HERE/kiosk.example.toml" "$ROOT/etc/onestop-kiosk/kiosk.toml"
install -m 0644 "$HERE/server.env" "$ROOT/etc/onestop-kiosk/server.env"
install -m 0644 "$HERE/kiosk.example.toml" "$ROOT/usr/share/doc/$PACKAGE/kiosk.example.toml"
install -m 0644 "$HERE/debian/copyright" "$ROOT/usr/share/doc/$PACKAGE/copyright"
for script in postinst prerm postrm; do
  install -m 0755 "$HERE/debian/$script" "$ROOT/DEBIAN/$script"
done
printf '%s\n' /etc/onestop-kiosk/kiosk.toml /etc/onestop-kiosk/server.env >"$ROOT/DEBIAN/conffiles"
INSTALLED_KB="$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_KB@/$INSTALLED_KB/" \
  "$HERE/debian/control.in" >"$ROOT/DEBIAN/control"

DEB="$OUT/${PACKAGE}_${VERSION}_${ARCH}.deb"
# The wheels are zip files already: gzip over them saves 1.5 % and takes 7 s more.
dpkg-deb --root-owner-group -Znone --build "$ROOT" "$DEB" >/dev/null
echo "$DEB"
