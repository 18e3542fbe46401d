"""How many printer columns text takes, and wrapping it to a line.

A receipt printer's base font is a 12x24 dot cell; Chinese characters (and other East Asian
wide or fullwidth characters) come from the double-byte font and take a 24x24 cell: two
columns. Everything else takes one. Python's ``len()`` and ``textwrap`` count code points, so
they overflow the line as soon as a Chinese character is in it.
"""

from __future__ import annotations

import unicodedata


def is_wide(char: str) -> bool:
    """True for characters the printer draws from its double-byte (Chinese) font."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def char_columns(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) == "Cc":
        return 0  # drawn over the previous character, or not drawn at all
    return 2 if is_wide(char) else 1


def display_width(text: str) -> int:
    return sum(char_columns(char) for char in text)


def _tokens(paragraph: str) -> list[str]:
    """Split into runs of spaces, words of narrow characters, and single wide characters.

    A line may break at a space or on either side of a wide character: Chinese has no spaces
    between words, so any character boundary is a legal break.
    """
    tokens: list[str] = []
    word = ""
    for char in paragraph:
        if char == " " or is_wide(char):
            if word:
                tokens.append(word)
                word = ""
            if char == " " and tokens and tokens[-1].startswith(" "):
                tokens[-1] += char
            else:
                tokens.append(char)
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def _hard_break(word: str, columns: int) -> list[str]:
    """Cut a word longer than a line (a URL, a long number) into line-sized pieces."""
    pieces: list[str] = []
    piece, width = "", 0
    for char in word:
        char_width = char_columns(char)
        if width + char_width > columns:
            pieces.append(piece)
            piece, width = "", 0
        piece += char
        width += char_width
    pieces.append(piece)
    return pieces


def _wrap_paragraph(paragraph: str, columns: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(paragraph):
        token_width = display_width(token)
        if display_width(line) + token_width <= columns:
            if token.startswith(" ") and not line:
                continue  # no leading spaces on a continuation line
            line += token
            continue
        if token.startswith(" "):
            lines.append(line.rstrip(" "))
            line = ""
            continue
        if line.strip(" "):
            lines.append(line.rstrip(" "))
        pieces = _hard_break(token, columns) if token_width > columns else [token]
        lines.extend(pieces[:-1])
        line = pieces[-1]
    lines.append(line.rstrip(" "))
    return lines


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most ``columns`` columns each; explicit newlines start a new line."""
    if columns < 2:
        raise ValueError("a line must hold at least one wide character (2 columns)")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns))
    return lines


def align_right(text: str, columns: int) -> str:
    return " " * max(columns - display_width(text), 0) + text


def key_value_lines(key: str, value: str, columns: int) -> list[str]:
    """``key`` left and ``value`` right on one line if both fit, else value under the key."""
    key_width, value_width = display_width(key), display_width(value)
    if key_width + 1 + value_width <= columns:
        return [key + " " * (columns - key_width - value_width) + value]
    lines = wrap(key, columns)
    lines.extend(align_right(line, columns) for line in wrap(value, columns))
    return lines
