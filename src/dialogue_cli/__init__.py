"""dialogue: run a citizen-dialogue strategy engagement from one YAML file."""

from __future__ import annotations

__version__ = "0.1.0"
