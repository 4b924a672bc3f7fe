"""The attachment image with its blackout boxes: drawn by dragging, in image pixels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QRubberBand, QWidget

from nkcase.gui.editor.attachment_ops import Box


class ImageCanvas(QWidget):
    """Shows an image scaled to fit; a drag draws a box (in image pixels) while editable."""

    #: ``object`` (Box): a box the reviewer drew, in image pixels.
    box_drawn = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = QPixmap()
        self.boxes: list[Box] = []
        self.editable = False
        self._origin: QPoint | None = None
        self._band = QRubberBand(QRubberBand.Shape.Rectangle, self)
        self.setMinimumSize(200, 150)
        self.setMouseTracking(False)

    def set_image(self, pixmap: QPixmap, boxes: list[Box]) -> None:
        self.pixmap = pixmap
        self.boxes = list(boxes)
        self.update()

    def clear(self) -> None:
        self.set_image(QPixmap(), [])

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    # geometry: the image is drawn scaled to fit, centred
    def image_rect(self) -> QRect:
        if self.pixmap.isNull():
            return QRect()
        size = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        return QRect(QPoint(x, y), size)

    def _scale(self) -> float:
        shown = self.image_rect()
        return shown.width() / self.pixmap.width() if self.pixmap.width() else 1.0

    def to_image(self, point: QPoint) -> tuple[int, int]:
        shown, s = self.image_rect(), self._scale()
        x = round((point.x() - shown.x()) / s)
        y = round((point.y() - shown.y()) / s)
        return (
            min(max(x, 0), self.pixmap.width()),
            min(max(y, 0), self.pixmap.height()),
        )

    def to_widget(self, box: Box) -> QRect:
        shown, s = self.image_rect(), self._scale()
        x, y, w, h = box
        return QRect(shown.x() + round(x * s), shown.y() + round(y * s), round(w * s), round(h * s))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.pixmap.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.image_rect(), self.pixmap)
        painter.setPen(QPen(QColor(255, 64, 64), 2))
        painter.setBrush(QColor(0, 0, 0, 200))  # nearly black: what the export will hide
        for box in self.boxes:
            painter.drawRect(self.to_widget(box))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.editable or self.pixmap.isNull():
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._origin = event.position().toPoint()
            self._band.setGeometry(QRect(self._origin, QSize()))
            self._band.show()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._origin is not None:
            self._band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._origin is None:
            return
        origin, self._origin = self._origin, None
        self._band.hide()
        x1, y1 = self.to_image(origin)
        x2, y2 = self.to_image(event.position().toPoint())
        box = (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
        if box[2] >= 2 and box[3] >= 2:  # a click is not a box
            self.boxes.append(box)
            self.update()
            self.box_drawn.emit(box)


def as_box(value: list[int]) -> Box:
    x, y, w, h = value
    return (x, y, w, h)
