"""Small reusable widgets sized for fingers and for eyes that do not see well."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from kiosk.i18n import Language


def big_button(role: str = "secondary", parent: QWidget | None = None) -> QPushButton:
    """A button styled by its ``role`` property: primary, secondary, tile, choice, link."""
    button = QPushButton(parent)
    button.setProperty("role", role)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def label(role: str = "body", parent: QWidget | None = None) -> QLabel:
    text = QLabel(parent)
    text.setProperty("role", role)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.PlainText)  # catalog and card text is data, never markup
    return text


class InkHighLabel(QLabel):
    """A one-line label as high as its glyphs: a number read from across the hall.

    A line of a CJK font is half again as high as its size, most of it room for accents and
    for characters that digits and capitals never reach: a 160 px ticket number would take
    230 px of height that a short window needs for the words under it. The line is drawn from
    above the label's top (a negative margin), so its glyphs start just inside it.
    """

    _PADDING_PX = 8

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setWordWrap(True)  # (a long one still wraps rather than widen the screen)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        """Across as asked; up and down, always from the top (where the margin puts it)."""
        across = alignment & Qt.AlignmentFlag.AlignHorizontal_Mask
        super().setAlignment(across | Qt.AlignmentFlag.AlignTop)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _ink(self) -> QRect:
        return self.fontMetrics().tightBoundingRect(self.text())

    def _fit(self) -> None:
        """Start the line above the top, so the glyphs' top is the padding below it."""
        above = self.fontMetrics().ascent() + self._ink().top() - self._PADDING_PX
        one_line = bool(self.text()) and self._one_line(self.width() or 1 << 16)
        top = -max(0, above) if one_line else 0
        if self.contentsMargins().top() != top:
            self.setContentsMargins(0, top, 0, 0)
            self.updateGeometry()

    def _ink_height(self) -> int:
        return self._ink().height() + 2 * self._PADDING_PX

    def _one_line(self, width: int) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) <= width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # wrapped where it is too narrow for one line: drawn as any label

    def heightForWidth(self, width: int) -> int:
        if self.text() and self._one_line(width):
            return self._ink_height()
        return super().heightForWidth(width) - self.contentsMargins().top()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self._ink_height()) if self.text() else hint


def enable_flick_scrolling(area: QAbstractScrollArea) -> None:
    """Lists and scroll areas follow a finger; without this they scroll only by their bars."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


def vertical_scroll_area(parent: QWidget, *, framed: bool = True) -> QScrollArea:
    """Scrolls up and down only, follows a finger, and sizes its content to its width."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if not framed:
        area.setFrameShape(QFrame.Shape.NoFrame)
    enable_flick_scrolling(area)
    return area


def relayout(widget: QWidget) -> None:
    """Lay ``widget`` out afresh, every layout nested in it included.

    A word-wrapped label whose words or font changed while its page was hidden (another
    language, another text size) invalidates only its parent's top layout: a layout nested in
    that one keeps the height it worked out for the old words, a scroll area sizes the page by
    it, and the new words are squeezed for good.
    """
    for layout in (widget.layout(), *widget.findChildren(QLayout)):
        if layout is not None:
            layout.invalidate()
    widget.updateGeometry()


def replace_content(area: QScrollArea, content: QWidget | None) -> None:
    """Show ``content`` in ``area`` (None: nothing); the old content is deleted with its data."""
    old = area.takeWidget()
    if old is not None:
        old.deleteLater()
    if content is not None:
        area.setWidget(content)


class Header(QWidget):
    """The band on top of every screen: title, offline note, language choice, idle countdown.

    Signals:
        language_chosen(Language): the citizen picked a language.
    """

    language_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = label("header-title", self)
        # Calm, not an alarm: nothing the citizen files is lost while the network is away.
        self.offline = label("note", self)
        self.offline.setVisible(False)
        self.countdown = label("countdown", self)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.language_buttons: dict[Language, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.offline)
        layout.addWidget(self.countdown)
        # Each language is named in itself, so a reader finds their own whatever is showing.
        for language, name in (
            (Language.ZH_HANT, "繁體中文"),
            (Language.ZH_HANS, "简体中文"),
            (Language.EN, "English"),
        ):
            button = big_button("language", self)
            button.setText(name)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, lang=language: self.language_chosen.emit(lang))
            self.language_buttons[language] = button
            layout.addWidget(button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("OneStop Self-Service"))
        self.offline.setText(self.tr("Offline: applications are kept and sent later"))

    def show_offline(self, offline: bool) -> None:
        if self.offline.isVisibleTo(self) != offline:
            self.offline.setVisible(offline)

    def show_language(self, language: Language) -> None:
        for lang, button in self.language_buttons.items():
            button.setChecked(lang is language)

    def show_countdown(self, seconds_left: float | None) -> None:
        if seconds_left is None:
            self.countdown.setText("")
            return
        seconds = int(seconds_left + 0.999)
        self.countdown.setText(self.tr("%n second(s) left", "", seconds))
        urgent = seconds <= 15
        if self.countdown.property("urgent") != urgent:
            self.countdown.setProperty("urgent", urgent)
            self.countdown.style().unpolish(self.countdown)
            self.countdown.style().polish(self.countdown)


class QrCodeView(QWidget):
    """Draws a QR code from its module matrix; crisp at any size, no image round trip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._modules: list[list[bool]] = []
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_data(self, data: str) -> None:
        if not data:
            self._modules = []
        else:
            import qrcode

            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
            code.add_data(data)
            code.make(fit=True)
            self._modules = [list(row) for row in code.get_matrix()]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._modules:
            return
        count = len(self._modules)
        cell = min(self.width(), self.height()) / count
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(x * cell, y * cell, cell + 0.5, cell + 0.5))
