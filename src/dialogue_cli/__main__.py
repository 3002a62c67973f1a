"""Allow ``python -m dialogue_cli``."""

from __future__ import annotations

from dialogue_cli.cli import main

main()
