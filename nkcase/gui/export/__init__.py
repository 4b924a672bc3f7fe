"""The export dialog: target and cases, consent per case, PDF preview, leak check, save."""

from nkcase.gui.export.dialog import ExportDialog

__all__ = ["ExportDialog"]
