"""Tab completion of option values: kinds, languages, deliverables, and ids read from the engagement.

Each function is a Typer ``autocompletion`` callback: ``(ctx, incomplete) -> values``. The ids
(scenarios, workshops, groups, phases) come from the engagement the command line names (its
PATH argument, or ``--engagement``), else from ``engagement.yaml`` in the current folder. The
file is read within the usual bounds but not validated: a file with mistakes still completes
what it holds, and completion never prints an error (it offers nothing instead).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

GROUPS = ("elus", "citoyens", "services")
LANGUAGES = (("fr", "French documents"), ("en", "English documents"))
STAGES = (("avance", "a public buyer's advance"), ("acompte", "phases performed"),
          ("solde", "the balance"))  # fmt: skip


def _matching(values: Any, incomplete: str) -> list[Any]:
    wanted = incomplete.lower()
    out = []
    for value in values:
        text = value[0] if isinstance(value, tuple) else value
        if str(text).lower().startswith(wanted):
            out.append(value)
    return out


def _data(ctx: Any) -> dict[str, Any]:
    """The engagement's raw data (parsed, not validated), or {} when it cannot be read."""
    from ..common.errors import DialogueError
    from ..engagement.loader import resolve
    from ..engagement.yamlio import read_text, safe_load

    try:
        file = resolve(_named(ctx))
        data = safe_load(read_text(file, file.name), file.name)
    except (DialogueError, OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _named(ctx: Any) -> Path:
    """The engagement the command line names, else the current folder.

    Click parses the words before the one being completed, but stops short of the positional
    arguments when an option still waits for its value (``--explain <TAB>``): the words the
    shell passed are then read too: the value of ``-e``, or the first folder holding an
    engagement.yaml (or that file itself).
    """
    import os
    import shlex

    params = getattr(ctx, "params", None) or {}
    for key in ("path", "engagement"):
        value = params.get(key)
        if value is not None and Path(value) != Path():
            return Path(value)
    line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        words = shlex.split(line)
    except ValueError:  # an unclosed quote in the line being typed
        words = line.split()
    for previous, word in itertools.pairwise(words):
        candidate = Path(word)
        if not word or word.startswith("-"):
            continue
        if previous in ("-e", "--engagement") and candidate.exists():
            return candidate
        if (candidate / "engagement.yaml").is_file() or (
            candidate.name == "engagement.yaml" and candidate.is_file()
        ):
            return candidate
    return Path()


def _ids(items: Any) -> list[tuple[str, str]]:
    """``(id, label)`` of a list of mappings with an ``id``."""
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), (str, int)):
            label = item.get("title") or item.get("name") or item.get("group") or ""
            out.append((str(item["id"]), str(label)))
    return out


def kinds(ctx: Any, incomplete: str) -> list[str]:
    from ..engagement.scaffold import KINDS

    return _matching(KINDS, incomplete)


def languages(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    return _matching(LANGUAGES, incomplete)


def deliverables(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The documents' names, in the engagement's language first (either name is accepted)."""
    from ..render.catalog import DELIVERABLES

    english = _data(ctx).get("language") == "en"
    names = [(d.name_en if english else d.name, d.title("en" if english else "fr"))
             for d in DELIVERABLES]  # fmt: skip
    names += [(d.name if english else d.name_en, d.title("fr" if english else "en"))
              for d in DELIVERABLES]  # fmt: skip
    return _matching(names, incomplete)


def scenarios(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    return _matching(_ids(_data(ctx).get("scenarios")), incomplete)


def workshops(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    return _matching(_ids(_data(ctx).get("workshops")), incomplete)


def sessions(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The workshops' ids, then the creativity session (what `dialogue workshop` prepares)."""
    choices = [*_ids(_data(ctx).get("workshops")), ("creativite", "creativity session")]
    return _matching(choices, incomplete)


def groups(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The three workshop groups, then the workshops' ids."""
    choices = [(group, "group") for group in GROUPS] + _ids(_data(ctx).get("workshops"))
    return _matching(choices, incomplete)


def stages(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    return _matching(STAGES, incomplete)


def phases(ctx: Any, incomplete: str) -> list[str]:
    from ..engagement.model.engagement import PHASES

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in _matching(PHASES, last)]


def sources(ctx: Any, incomplete: str) -> list[str]:
    from ..importers.mapping import SOURCES

    return _matching(SOURCES, incomplete)
