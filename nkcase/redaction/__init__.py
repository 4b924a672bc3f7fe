"""Redaction of family-identifying details (plain Python, no Qt).

The public surface is :mod:`nkcase.redaction.api`; everything else is internal.
"""
