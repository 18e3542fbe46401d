"""The fleet as one server-rendered HTML page for a vendor's office, and its sign-in.

A browser signs in once with a staff token (the same token ``GET /v1/staff/fleet`` takes);
the server answers with an HttpOnly, SameSite=Strict cookie that holds an expiry and the
token's SHA-256, signed with an HMAC under the server's secret. The token itself never sits in
the browser, a revoked token ends the sign-in at once (every page view looks the hash up
again), and kiosk tokens are unknown to the staff table, so they never sign in.

Every text on the page is escaped; the page loads nothing (no scripts, no images, one inline
style allowed by its hash in the Content-Security-Policy) and refreshes itself.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from zoneinfo import ZoneInfo

from server.schemas_kiosks import (
    Fleet,
    FleetKiosk,
    PaperState,
    PrinterState,
    ReaderState,
)

COOKIE_NAME = "onestop_fleet"
SIGN_IN_HOURS = 8  # a working day in the office
REFRESH_S = 30
# Worth an office's attention before the queue of waiting submissions becomes a problem.
OUTBOX_WARNING = 10

_STYLE = """
body{font:16px/1.4 "Noto Sans CJK SC","Noto Sans",sans-serif;margin:24px;color:#1a1a1a}
h1{font-size:24px;color:#0b4f8a;margin:0 0 8px}
.summary span{display:inline-block;margin-right:20px}
table{border-collapse:collapse;width:100%;margin-top:16px}
th,td{border-bottom:1px solid #c5cdd6;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#e3eef8}
tr.stale td{background:#fff4d6}
/* A cell's own alarm outranks its row's (an OFFLINE status in a stale row stays red). */
tr td.bad{background:#f8d7da;color:#7f0017;font-weight:bold}
tr td.warn{background:#ffe9a8;font-weight:bold}
small{color:#555}
.error{color:#b00020}
form.inline{display:inline}
""".strip()
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


# -- the sign-in cookie ----------------------------------------------------------------------


def _mac(secret: str, expires: int, token_sha256: str) -> str:
    message = f"fleet-page\x1f{expires}\x1f{token_sha256}".encode()
    return hmac.new(bytes.fromhex(secret), message, hashlib.sha256).hexdigest()


def sign_in_cookie(secret: str, token_sha256: str, now: dt.datetime) -> str:
    expires = int((now + dt.timedelta(hours=SIGN_IN_HOURS)).timestamp())
    return f"{expires}.{token_sha256}.{_mac(secret, expires, token_sha256)}"


def signed_token_hash(secret: str, cookie: str | None, now: dt.datetime) -> str | None:
    """The staff token hash a cookie vouches for, or None (absent, altered or expired)."""
    if not cookie:
        return None
    expires_text, _, rest = cookie.partition(".")
    token_sha256, _, mac = rest.partition(".")
    if not expires_text.isdigit() or len(token_sha256) != 64 or not mac:
        return None
    expires = int(expires_text)
    if not hmac.compare_digest(mac, _mac(secret, expires, token_sha256)):
        return None
    return token_sha256 if now.timestamp() < expires else None


# -- the pages -------------------------------------------------------------------------------


def _document(title: str, body: str, *, refresh: bool = False) -> str:
    meta_refresh = f'<meta http-equiv="refresh" content="{REFRESH_S}">' if refresh else ""
    return (
        '<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta_refresh}<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def sign_in_page(problem: str = "") -> str:
    error = f'<p class="error" role="alert">{escape(problem)}</p>' if problem else ""
    return _document(
        "终端状态 Fleet — sign in",
        "<h1>终端状态 Kiosk fleet</h1>"
        f"{error}"
        '<form method="post" action="fleet">'
        '<p><label>员工令牌 Staff token<br><input type="password" name="token" size="50" '
        'autocomplete="current-password" required autofocus></label></p>'
        '<p><button type="submit">登录 Sign in</button></p></form>'
        "<p><small>The token from <code>kiosk-server staff add NAME</code>. "
        "Kiosk tokens do not sign in here.</small></p>",
    )


@dataclass(frozen=True)
class _Cell:
    text: str
    level: str = ""  # "", "warn" or "bad"
    note: str = ""

    def html(self) -> str:
        attribute = f' class="{self.level}"' if self.level else ""
        note = f"<br><small>{escape(self.note)}</small>" if self.note else ""
        return f"<td{attribute}>{escape(self.text)}{note}</td>"


_HEADINGS = (
    "终端 Kiosk",
    "状态 Status",
    "最近联系 Last seen",
    "版本 Version",
    "读卡器 Card reader",
    "打印机 Printer",
    "纸 Paper",
    "待发送 Outbox",
    "服务 Service",
    "待执行命令 Pending",
)
_READER = {ReaderState.OK: "", ReaderState.ABSENT: "bad", ReaderState.ERROR: "bad"}
_PRINTER = {PrinterState.OK: "", PrinterState.OFFLINE: "bad", PrinterState.ERROR: "bad"}
_PAPER = {
    PaperState.OK: ("ok", ""),
    PaperState.NEAR_END: ("将尽 near end", "warn"),
    PaperState.OUT: ("缺纸 OUT", "bad"),
    PaperState.UNKNOWN: ("unknown", ""),
}


def _ago(moment: dt.datetime, now: dt.datetime) -> str:
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    if seconds < 172800:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def stale(kiosk: FleetKiosk) -> bool:
    """Provisioned, not revoked, and not heard from within the online window."""
    return not kiosk.online and not kiosk.revoked


def needs_attention(kiosk: FleetKiosk) -> bool:
    return (
        stale(kiosk)
        or kiosk.paper in (PaperState.NEAR_END, PaperState.OUT)
        or kiosk.card_reader in (ReaderState.ABSENT, ReaderState.ERROR)
        or kiosk.printer in (PrinterState.OFFLINE, PrinterState.ERROR)
        or kiosk.out_of_service
        or kiosk.outbox_depth >= OUTBOX_WARNING
    )


def _row(kiosk: FleetKiosk, now: dt.datetime, zone: ZoneInfo) -> str:
    if kiosk.revoked:
        status = _Cell("revoked", note="needs provisioning again")
    elif kiosk.online:
        status = _Cell("online")
    else:
        status = _Cell("never seen" if kiosk.last_seen_at is None else "OFFLINE", "bad")
    seen = kiosk.last_seen_at
    last_seen = (
        _Cell(f"{seen.astimezone(zone):%Y-%m-%d %H:%M:%S}", note=_ago(seen, now))
        if seen
        else _Cell("-")
    )
    paper_text, paper_level = _PAPER[kiosk.paper] if kiosk.paper else ("-", "")
    cells = [
        _Cell(kiosk.kiosk_id, note=kiosk.label if kiosk.label != kiosk.kiosk_id else ""),
        status,
        last_seen,
        _Cell(kiosk.version or "-"),
        _Cell(kiosk.card_reader or "-", _READER[kiosk.card_reader] if kiosk.card_reader else ""),
        _Cell(kiosk.printer or "-", _PRINTER[kiosk.printer] if kiosk.printer else ""),
        _Cell(paper_text, paper_level),
        _Cell(str(kiosk.outbox_depth), "warn" if kiosk.outbox_depth >= OUTBOX_WARNING else ""),
        _Cell("OUT OF SERVICE", "warn") if kiosk.out_of_service else _Cell("in service"),
        _Cell(str(kiosk.pending_commands)),
    ]
    row_class = ' class="stale"' if stale(kiosk) else ""
    return f"<tr{row_class}>{''.join(cell.html() for cell in cells)}</tr>"


def _plural(count: int) -> str:
    return "" if count == 1 else "s"


def fleet_page(
    fleet: Fleet,
    *,
    staff_name: str,
    now: dt.datetime,
    zone: ZoneInfo,
    attention_only: bool = False,
) -> str:
    """The whole fleet, kiosks needing attention first (or only those)."""
    summary = fleet.summary
    ordered = sorted(fleet.kiosks, key=lambda k: (not needs_attention(k), k.kiosk_id))
    shown: Iterable[FleetKiosk] = (
        [k for k in ordered if needs_attention(k)] if attention_only else ordered
    )
    rows = "".join(_row(kiosk, now, zone) for kiosk in shown) or (
        f'<tr><td colspan="{len(_HEADINGS)}">No kiosks to show.</td></tr>'
    )
    stale_count = sum(stale(kiosk) for kiosk in fleet.kiosks)
    pending = sum(kiosk.pending_commands for kiosk in fleet.kiosks)
    switch = (
        '<a href="fleet">show all kiosks</a>'
        if attention_only
        else '<a href="fleet?attention=1">show only kiosks needing attention</a>'
    )
    body = (
        "<h1>终端状态 Kiosk fleet</h1>"
        '<p class="summary">'
        f"<span>{summary.total} kiosk{_plural(summary.total)}</span>"
        f"<span>{summary.online} online</span>"
        f"<span>{stale_count} offline</span>"
        f"<span>{summary.needing_paper} needing paper</span>"
        f"<span>{summary.out_of_service} out of service</span>"
        f"<span>{pending} command{_plural(pending)} pending</span></p>"
        f"<p>{switch}</p>"
        "<table><thead><tr>"
        + "".join(f"<th>{escape(heading)}</th>" for heading in _HEADINGS)
        + f"</tr></thead><tbody>{rows}</tbody></table>"
        f"<p><small>{now.astimezone(zone):%Y-%m-%d %H:%M:%S} ({escape(str(zone))}); "
        f"refreshes every {REFRESH_S} s. Signed in as {escape(staff_name)}.</small></p>"
        '<form class="inline" method="post" action="fleet">'
        '<input type="hidden" name="action" value="sign-out">'
        '<button type="submit">退出 Sign out</button></form>'
    )
    return _document("终端状态 Kiosk fleet", body, refresh=True)
