"""A throwaway CUPS scheduler: cupsd in the foreground with every directory in a temp dir.

Listens on 127.0.0.1:PORT and on its own domain socket; never touches /etc/cups or the
machine's own scheduler. Needs root (cupsd drops to user ``lp`` for filters) and the Debian
packages cups-daemon, cups-client and cups-core-drivers.

Why test queues carry a PPD: CUPS 2.4.2 writes nothing to a ``file:`` device for a raw queue
(one made without ``-m``/``-P``) when a job has a single document: no filter runs and the job
is marked completed with an empty file. The one-line PPD below routes raw jobs through
CUPS's own pass-through filter ``gziptoany`` (cups-core-drivers), which copies the bytes as
they are. Real queues on ``usb://`` or ``socket://`` devices are plain raw queues: their
backend reads the spooled file itself.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

_PPD = """*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "RECEIPT.PPD"
*Manufacturer: "OneStop"
*Product: "(Receipt)"
*ModelName: "Receipt"
*ShortNickName: "Receipt"
*NickName: "Receipt"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*cupsFilter: "application/vnd.cups-raw 0 gziptoany"
*OpenUI *PageSize: PickOne
*DefaultPageSize: Roll80
*PageSize Roll80/80 mm roll: ""
*CloseUI: *PageSize
*DefaultImageableArea: Roll80
*ImageableArea Roll80: "0 0 226 842"
*DefaultPaperDimension: Roll80
*PaperDimension Roll80: "226 842"
"""

_CUPSD_CONF = """Listen 127.0.0.1:{port}
Listen {root}/cups.sock
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow all
  </Limit>
</Policy>
"""

_CUPS_FILES_CONF = """ServerRoot {root}/conf
RequestRoot {root}/spool
TempDir {root}/tmp
CacheDir {root}/cache
StateDir {root}/state
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
FileDevice Yes
Group lp
SystemGroup root
"""


class CupsServer:
    def __init__(self) -> None:
        # Not under pytest's tmp_path: that is mode 0700 and the filters run as user lp.
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        self.root.chmod(0o755)
        for name in ("conf", "spool", "tmp", "cache", "state", "log"):
            (self.root / name).mkdir()
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        conf = self.root / "conf"
        (conf / "cupsd.conf").write_text(_CUPSD_CONF.format(port=self.port, root=self.root))
        (conf / "cups-files.conf").write_text(_CUPS_FILES_CONF.format(root=self.root))
        (self.root / "receipt.ppd").write_text(_PPD)
        self._process = subprocess.Popen(
            ["cupsd", "-f", "-c", str(conf / "cupsd.conf"), "-s", str(conf / "cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            self._wait_until_running()
        except BaseException:
            self.stop()
            raise

    def _wait_until_running(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"cupsd exited: {self._log()}")
            answer = self.run("lpstat", "-r", check=False)
            if answer.stdout.strip() == "scheduler is running":
                return
            time.sleep(0.1)
        raise RuntimeError(f"cupsd did not answer on {self.address}: {self._log()}")

    def _log(self) -> str:
        log = self.root / "log" / "error_log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"

    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """A CUPS client command against this scheduler only."""
        return subprocess.run(
            [command[0], "-h", self.address, *command[1:]],
            capture_output=True,
            text=True,
            timeout=15,
            check=check,
            env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C"},
        )

    def add_queue(self, name: str, device: Path) -> None:
        """A queue printing to a file; enabled and accepting jobs."""
        self.run(
            "lpadmin", "-p", name, "-E", "-v", device.as_uri(), "-P", str(self.root / "receipt.ppd")
        )

    def stop(self) -> None:
        """Stop cupsd by its PID and remove every file it wrote."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
        if self._process.stderr:
            self._process.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
