"""The fleet page for a vendor's office (``/fleet``) and ``kiosk-server fleet``, on SQLite and
PostgreSQL: who may see it, and what it shows and highlights."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import requests

from server.fleet_page import COOKIE_NAME, sign_in_cookie
from tests.integration.server.kiosk_test_support import (
    LONG_AGO,
    bearer,
    heartbeat_body,
    send_command,
    unique_kiosk_id,
    wait_until_written,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

REPO = Path(__file__).resolve().parents[3]


class Table(HTMLParser):
    """The page's table rows by kiosk id: (row class, [(cell class, cell text)])."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.rows: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        self.order: list[str] = []
        self._row: tuple[str, list[tuple[str, str]]] | None = None
        self._cell: list[str] | None = None
        self._cell_class = ""
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("class") or ""
        if tag == "tr":
            self._row = (found, [])
        elif tag == "td" and self._row is not None:
            self._cell, self._cell_class = [], found

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row[1].append((self._cell_class, " ".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row[1] and self._row[1][0][1]:
                kiosk_id = self._row[1][0][1].split()[0]
                self.rows[kiosk_id] = self._row
                self.order.append(kiosk_id)
            self._row = None

    def cell(self, kiosk_id: str, column: int) -> tuple[str, str]:
        return self.rows[kiosk_id][1][column]


READER, PRINTER, PAPER, OUTBOX, SERVICE, PENDING = 4, 5, 6, 7, 8, 9


def heartbeat(backend: RunningBackend, token: str, **report: Any) -> requests.Response:
    """A heartbeat sent (not yet waited for: see ``wait_until_written``)."""
    answer = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=heartbeat_body(**report),
        headers=bearer(token),
        timeout=TIMEOUT_S,
    )
    assert answer.status_code == 200, answer.text
    return answer


def add_staff(backend: RunningBackend, name: str) -> str:
    token = secrets.token_urlsafe(32)
    backend.execute(
        "INSERT INTO staff_tokens (name, token_sha256, created_at) VALUES (?, ?, ?)",
        name,
        hashlib.sha256(token.encode()).hexdigest(),
        dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
    return token


def sign_in(backend: RunningBackend, token: str) -> requests.Response:
    return requests.post(
        f"{backend.url}/fleet", data={"token": token}, allow_redirects=False, timeout=TIMEOUT_S
    )


def page(backend: RunningBackend, cookie: str | None, query: str = "") -> requests.Response:
    cookies = {COOKIE_NAME: cookie} if cookie else {}
    return requests.get(f"{backend.url}/fleet{query}", cookies=cookies, timeout=TIMEOUT_S)


def signed_in(page_text: str) -> bool:
    return "<table>" in page_text and 'name="token"' not in page_text


def test_only_a_staff_token_signs_in_and_a_revoked_one_is_out_at_once(
    backend: RunningBackend,
) -> None:
    name = unique_kiosk_id("clerk")
    staff_token = add_staff(backend, name)

    anonymous = page(backend, None)
    by_kiosk = sign_in(backend, backend.kiosk_token)
    by_guess = sign_in(backend, "x" * 43)
    answer = sign_in(backend, staff_token)

    assert anonymous.status_code == 200 and 'name="token"' in anonymous.text
    assert not signed_in(anonymous.text) and backend.kiosk_id not in anonymous.text
    for refused in (by_kiosk, by_guess):
        assert refused.status_code == 401 and COOKIE_NAME not in refused.headers.get(
            "set-cookie", ""
        )
    assert answer.status_code == 303 and answer.headers["location"] == "fleet"
    set_cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=strict" in set_cookie
    cookie = answer.cookies[COOKIE_NAME]
    assert staff_token not in set_cookie
    shown = page(backend, cookie)
    assert signed_in(shown.text) and name in shown.text
    assert "default-src 'none'" in shown.headers["content-security-policy"]
    assert shown.headers["cache-control"] == "no-store"

    backend.execute(
        "UPDATE staff_tokens SET revoked_at = ? WHERE name = ?",
        dt.datetime.now(dt.UTC).replace(tzinfo=None),
        name,
    )
    assert not signed_in(page(backend, cookie).text)


def test_altered_and_expired_sign_ins_are_refused_and_signing_out_ends_one(
    backend: RunningBackend,
) -> None:
    staff_token = add_staff(backend, unique_kiosk_id("clerk"))
    cookie = sign_in(backend, staff_token).cookies[COOKIE_NAME]
    [(secret,)] = backend.rows(
        "SELECT value FROM server_settings WHERE name = ?", "identity_hmac_key"
    )
    digest = hashlib.sha256(staff_token.encode()).hexdigest()
    expired = sign_in_cookie(secret, digest, dt.datetime.now(dt.UTC) - dt.timedelta(hours=9))
    longer = str(int(cookie.split(".")[0]) + 86400) + cookie[cookie.index(".") :]
    kiosk_hash = hashlib.sha256(backend.kiosk_token.encode()).hexdigest()
    as_kiosk = sign_in_cookie(secret, kiosk_hash, dt.datetime.now(dt.UTC))

    assert signed_in(page(backend, cookie).text)
    # Its last hex digit changed (to another one: "0" when it already ends in "0" is no change).
    altered = cookie[:-1] + ("1" if cookie.endswith("0") else "0")
    for refused in (expired, longer, as_kiosk, altered, "garbage"):
        assert not signed_in(page(backend, refused).text), refused

    out = requests.post(
        f"{backend.url}/fleet",
        data={"action": "sign-out"},
        cookies={COOKIE_NAME: cookie},
        allow_redirects=False,
        timeout=TIMEOUT_S,
    )
    assert out.status_code == 303
    assert f'{COOKIE_NAME}=""' in out.headers["set-cookie"]
    assert "Max-Age=0" in out.headers["set-cookie"]


def test_the_page_shows_each_kiosks_health_and_highlights_what_needs_attention(
    backend: RunningBackend,
) -> None:
    ids = {name: unique_kiosk_id(name) for name in ("fine", "paperout", "low", "stale", "odd")}
    tokens = {name: backend.add_kiosk(kiosk_id) for name, kiosk_id in ids.items()}
    reports: dict[str, dict[str, Any]] = {
        "fine": {"version": "2.0.1"},
        "paperout": {"printer": {"state": "offline", "paper": "out"}},
        "low": {"printer": {"state": "ok", "paper": "near_end"}, "outbox_depth": 12},
        "stale": {"card_reader": {"state": "absent"}},
        "odd": {"version": "<b>9</b>", "out_of_service": True},
    }
    # All sent first, then waited for: the server writes them in one batch.
    answers = {name: heartbeat(backend, tokens[name], **reports[name]) for name in ids}
    for name, answer in answers.items():
        wait_until_written(backend, tokens[name], answer)
    backend.execute("UPDATE kiosks SET last_seen_at = ? WHERE id = ?", LONG_AGO, ids["stale"])
    backend.execute(
        "UPDATE kiosks SET label = ? WHERE id = ?", "<script>alert(1)</script>", ids["odd"]
    )
    assert send_command(backend, ids["paperout"], "reset").status_code == 201
    cookie = sign_in(backend, backend.staff_token).cookies[COOKIE_NAME]

    shown = page(backend, cookie)
    table = Table(shown.text)

    fine, paperout, low, stale, odd = (ids[name] for name in ids)
    assert table.rows[fine][0] == "" and table.cell(fine, 1) == ("", "online")
    assert table.cell(fine, 3) == ("", "2.0.1") and table.cell(fine, PAPER) == ("", "ok")
    assert table.cell(paperout, PAPER)[0] == "bad" and "OUT" in table.cell(paperout, PAPER)[1]
    assert table.cell(paperout, PRINTER) == ("bad", "offline")
    assert table.cell(paperout, PENDING) == ("", "1")
    assert table.cell(low, PAPER)[0] == "warn" and table.cell(low, OUTBOX) == ("warn", "12")
    assert table.rows[stale][0] == "stale" and table.cell(stale, 1) == ("bad", "OFFLINE")
    assert table.cell(stale, READER) == ("bad", "absent")
    assert table.cell(odd, SERVICE) == ("warn", "OUT OF SERVICE")
    # Text from kiosks and staff is shown as text, never as markup.
    assert "<script>" not in shown.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.text
    assert "<b>9</b>" not in shown.text and table.cell(odd, 3) == ("", "<b>9</b>")
    assert max(table.order.index(ids[n]) for n in ids if n != "fine") < table.order.index(fine)

    attention = Table(page(backend, cookie, "?attention=1").text)
    assert fine not in attention.rows
    assert {paperout, low, stale, odd} <= set(attention.rows)


def test_the_fleet_command_shows_devices_and_only_what_needs_attention_when_asked(
    backend: RunningBackend,
) -> None:
    fine_id, low_id = unique_kiosk_id("cli-fine"), unique_kiosk_id("cli-low")
    fine_token, low_token = backend.add_kiosk(fine_id), backend.add_kiosk(low_id)
    fine = heartbeat(backend, fine_token)
    low = heartbeat(
        backend, low_token, printer={"state": "error", "paper": "near_end"}, outbox_depth=4
    )
    wait_until_written(backend, fine_token, fine)
    wait_until_written(backend, low_token, low)

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "fleet",
            "--database",
            backend.database_url,
            "--attention",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:7] == ["KIOSK", "ONLINE", "LAST", "SEEN", "READER", "PRINTER", "SERVICE"]
    listed = {row.split()[0]: row.split() for row in rows[:-1]}
    assert listed[low_id][-7:] == ["ok", "error", "in", "1.4.2", "near_end", "4", "0"]
    assert fine_id not in listed
