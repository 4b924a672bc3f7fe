"""Fictional demo cases in case-file-v1 format (shipped for `nkcase demo`)."""
