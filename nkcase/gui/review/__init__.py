"""Redaction review: original and redacted side by side, every suggestion decided by a person."""

from nkcase.gui.review.widget import RedactionReview

__all__ = ["RedactionReview"]
