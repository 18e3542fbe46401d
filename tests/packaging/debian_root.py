"""A throwaway Debian 12 root to install the kiosk's .deb into (see the testing reference).

``debootstrap --variant=minbase`` plus the package's dependencies (and systemd and udev, which
every box the kiosk boots has) is made once and kept in the build cache under a key of those
package names; each test session mounts an overlay on it, installs the .deb with apt inside it,
and throws the overlay away. Needs root, debootstrap and the Debian mirror apt uses.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

SUITE = "bookworm"
CACHE = Path(
    os.environ.get("ONESTOP_BUILD_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "onestop-kiosk-build"
)
# On every box the kiosk boots, and needed to check its units and rules here.
HOST_PACKAGES = ("systemd", "udev")
_SOURCES = Path("/etc/apt/sources.list.d/debian.sources")
_DEFAULT_MIRROR = "http://deb.debian.org/debian"
_CLEAN_ENVIRONMENT = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG": "C.UTF-8",
    "HOME": "/root",
    "DEBIAN_FRONTEND": "noninteractive",
}
_SETUP_TIMEOUT_S = 1200


def mirror() -> str:
    """The Debian mirror apt on this machine uses."""
    if _SOURCES.exists():
        for line in _SOURCES.read_text().splitlines():
            if line.startswith("URIs:") and "security" not in line:
                return line.split(":", 1)[1].split()[0]
    return _DEFAULT_MIRROR


def package_dependencies(deb: Path) -> list[str]:
    """The package names in the .deb's Depends (the first of each alternative, no versions)."""
    field = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    names = []
    for clause in field.replace("\n", " ").split(","):
        first = clause.split("|")[0]
        name = re.sub(r"\(.*?\)", "", first).strip()
        if name and name not in names:
            names.append(name)
    return names


def _run(argv: Sequence[str], *, timeout: float = _SETUP_TIMEOUT_S) -> None:
    result = subprocess.run(
        list(argv),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=_CLEAN_ENVIRONMENT,
        stdin=subprocess.DEVNULL,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{result.stdout[-3000:]}{result.stderr}")


@contextlib.contextmanager
def _mounted(*mounts: tuple[Sequence[str], Path]) -> Iterator[None]:
    """Each ``(mount options, target)`` mounted in order, unmounted in reverse."""
    done: list[Path] = []
    try:
        for options, target in mounts:
            target.mkdir(parents=True, exist_ok=True)
            _run(["mount", *options, str(target)], timeout=30)
            done.append(target)
        yield
    finally:
        for target in reversed(done):
            if subprocess.run(["umount", str(target)], check=False).returncode != 0:
                subprocess.run(["umount", "--lazy", str(target)], check=False)


def base_root(packages: Sequence[str]) -> Path:
    """The cached minimal root with ``packages`` installed; made the first time (minutes)."""
    wanted = sorted({*packages, *HOST_PACKAGES})
    key = hashlib.sha256(" ".join([SUITE, mirror(), *wanted]).encode()).hexdigest()[:16]
    root = CACHE / f"debian-root-{key}"
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / "debian-root.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another test run may be making it right now
        if (root / ".complete").exists():
            return root
        for stale in CACHE.glob("debian-root-*"):
            shutil.rmtree(stale, ignore_errors=True)
        partial = CACHE / f"debian-root-{key}.partial"
        _run(["debootstrap", "--variant=minbase", SUITE, str(partial), mirror()])
        # Daemons must not start inside the root during package installation.
        policy = partial / "usr/sbin/policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        with _mounted((["-t", "proc", "proc"], partial / "proc")):
            _run(["chroot", str(partial), "apt-get", "update", "-qq"])
            _run(
                ["chroot", str(partial), "apt-get", "install", "-y", "-qq"]
                + ["--no-install-recommends", *wanted]
            )
            _run(["chroot", str(partial), "apt-get", "clean"])
        (partial / ".complete").touch()
        partial.rename(root)
    return root


class DebianRoot:
    """An overlay on the cached root, with /proc, /sys and /dev/shm; ``close`` discards it."""

    def __init__(self, base: Path) -> None:
        self._scratch = Path(tempfile.mkdtemp(prefix="onestop-root-"))
        self.path = self._scratch / "root"
        changes = self._scratch / "changes"
        for folder in (self.path, changes):
            folder.mkdir()
        self._stack = contextlib.ExitStack()
        # The overlay's writable layer in memory (about 1 GB once the venv is built): writing
        # it is quicker, and throwing it away is an unmount instead of deleting 20,000 files.
        upper, work = changes / "upper", changes / "work"
        overlay = f"lowerdir={base},upperdir={upper},workdir={work}"
        try:
            self._stack.enter_context(
                _mounted((["-t", "tmpfs", "-o", "size=4g,mode=0755", "tmpfs"], changes))
            )
            upper.mkdir()
            work.mkdir()
            self._stack.enter_context(
                _mounted(
                    (["-t", "overlay", "overlay", "-o", overlay], self.path),
                    (["-t", "proc", "proc"], self.path / "proc"),
                    (["-t", "sysfs", "sysfs"], self.path / "sys"),
                    (["-t", "tmpfs", "-o", "mode=1777", "tmpfs"], self.path / "dev/shm"),
                )
            )
        except BaseException:
            self.close()
            raise

    def inside(self, path: str) -> Path:
        """Where ``path`` (absolute, as seen in the root) is from here."""
        return self.path / path.lstrip("/")

    def command(
        self,
        argv: Sequence[str],
        *,
        user: str | None = None,
        environment: Mapping[str, str] | None = None,
    ) -> list[str]:
        """``argv`` run in the root (as ``user`` with that user's groups), with a clean
        environment plus ``environment``."""
        variables = {**_CLEAN_ENVIRONMENT, **(environment or {})}
        as_user = (
            ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups", "--"] if user else []
        )
        assignments = [f"{name}={value}" for name, value in variables.items()]
        return ["chroot", str(self.path), "env", "-i", *assignments, *as_user, *argv]

    def run(
        self,
        argv: Sequence[str],
        *,
        user: str | None = None,
        environment: Mapping[str, str] | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(argv, user=user, environment=environment),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    def install(self, deb: Path) -> subprocess.CompletedProcess[str]:
        """``apt-get install ./PACKAGE.deb`` inside the root (dependencies are already there)."""
        shutil.copy(deb, self.inside(f"/tmp/{deb.name}"))
        return self.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "-o", "Dpkg::Use-Pty=0"]
            + [f"/tmp/{deb.name}"],
            timeout=600,
        )

    def processes(self) -> list[int]:
        """Every process whose root directory is this root (all started by the tests)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if Path(os.readlink(entry / "root")) == self.path:
                        found.append(int(entry.name))
                except OSError:
                    continue  # gone meanwhile
        return found

    def close(self) -> None:
        for pid in self.processes():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._stack.close()
        shutil.rmtree(self._scratch, ignore_errors=True)
