"""Word deliverables: context building, hardened Jinja, checked writes, templates, PDF.

Import the submodules you need (``render.documents``, ``render.templates``...): this package
imports nothing heavy by itself, so that `dialogue --help` stays fast.
"""

from __future__ import annotations
