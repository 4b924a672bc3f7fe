"""nkcase: encrypted case management and signed testimony packets."""

__version__ = "0.1.0"
