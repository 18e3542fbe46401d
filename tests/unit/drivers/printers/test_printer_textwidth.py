"""Wrapping keeps every line within the paper's columns, with CJK counted as two columns."""

from __future__ import annotations

import random
import unicodedata

import pytest

from drivers.printers.textwidth import display_width, key_value_lines, wrap


def columns_of(text: str) -> int:
    """An independent count: wide/fullwidth characters are two columns, the rest one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


SAMPLES = [
    "",
    "受理回執",
    "一個非常非常長的服務名稱，包含全形標點符號（例如括號）與English words mixed in.",
    "https://kiosk.example.gov.cn/v1/applications/2024-0001-ABCDEFGHIJKLMNOPQRSTUVWXYZ/status",
    "申请人：王*明　证件号码：4418**********123X",
    "Ｆｕｌｌｗｉｄｔｈ ｌａｔｉｎ ａｎｄ ＡＳＣＩＩ mixed",
    "a" * 100,
    "中" * 100,
    "a中" * 60,
    "word " * 40,
    "line one\nline two 第二行\n\n第四行",
]


def random_samples(count: int) -> list[str]:
    pool = list("abcdefXYZ0123 -:/.") + list("受理回執申请编号，。（）：　Ｆ")
    rng = random.Random(20240506)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 160))) for _ in range(count)]


@pytest.mark.parametrize("columns", [32, 48, 24, 5])
def test_no_line_is_wider_than_the_paper(columns: int) -> None:
    for text in SAMPLES + random_samples(200):
        for line in wrap(text, columns):
            assert columns_of(line) <= columns, (text, line)


@pytest.mark.parametrize("columns", [32, 48, 5])
def test_wrapping_loses_no_characters(columns: int) -> None:
    for text in SAMPLES + random_samples(200):
        printed = "".join(wrap(text, columns)).replace(" ", "")
        assert printed == text.replace(" ", "").replace("\n", ""), text


def test_lines_are_filled_before_breaking() -> None:
    # 20 Chinese characters on a 32-column line: 16 fit, 4 go on the next line.
    assert [columns_of(line) for line in wrap("中" * 20, 32)] == [32, 8]
    assert wrap("hello world again", 11) == ["hello world", "again"]


def test_wide_character_counts_two() -> None:
    assert display_width("受理 ab") == 7
    assert display_width("，") == 2


def test_key_value_on_one_line_when_it_fits() -> None:
    (line,) = key_value_lines("申請編號", "2024-0001", 32)
    assert columns_of(line) == 32
    assert line.startswith("申請編號") and line.endswith("2024-0001")


def test_long_value_goes_under_the_key_right_aligned() -> None:
    lines = key_value_lines("辦理事項", "一個非常非常長的服務名稱" * 3, 32)
    assert lines[0] == "辦理事項"
    for line in lines[1:]:
        assert columns_of(line) == 32 or line.startswith(" ")
        assert columns_of(line) <= 32
        assert not line.endswith(" ")
    assert "".join(line.strip() for line in lines[1:]) == "一個非常非常長的服務名稱" * 3
