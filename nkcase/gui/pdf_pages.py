"""PDF pages rendered in memory (pdfium on the worker) shown as labels: the export preview and the
attachments viewer share this; no page ever touches the disk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QLayout

# (width, height, stride, RGB888 bytes), as nkcase.gui.export.ops.render_pages returns them
Page = tuple[int, int, int, bytes]


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def page_label(page: Page, fit_width: int = 0) -> QLabel:
    """A label showing one page, scaled down to ``fit_width`` when given and narrower."""
    width, height, stride, data = page
    image = QImage(data, width, height, stride, QImage.Format.Format_RGB888).copy()
    pixmap = QPixmap.fromImage(image)  # owns its pixels: the bytes object may go
    if 100 < fit_width < width:
        pixmap = pixmap.scaledToWidth(fit_width, Qt.TransformationMode.SmoothTransformation)
    label = QLabel()
    label.setPixmap(pixmap)
    return label
