"""The case editor (identity, relatives and terms, deployments, indicators, interviews, consent,
redaction review, history). The main window uses :class:`CaseEditor`."""

from nkcase.gui.editor.editor import CaseEditor

__all__ = ["CaseEditor"]
