"""The finder of names nobody registered: people, places, units, organisations, identifiers.

It only *proposes* (a person decides in review). Korean text goes through a real morphological
analyser (kiwipiepy, loaded lazily on first use, never at start-up); Latin text through name,
place and group patterns; identifiers through shape and context patterns. ``find_entities`` is
the one entry point; ``nkcase.redaction.detectors.detect`` adds the pattern detectors.
"""

from __future__ import annotations

from nkcase.redaction.finder.combine import FINDER_VERSION, find_entities

__all__ = ["FINDER_VERSION", "find_entities"]
