"""The rooms of docs/architecture.md: every import between them goes the documented way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dialogue_cli"

# Which rooms each room may import (besides itself): docs/architecture.md, "The rooms".
ALLOWED: dict[str, set[str]] = {
    "common": set(),
    "engagement": {"common"},
    "analysis": {"common", "engagement"},
    "pricing": {"common", "engagement"},
    "planning": {"common", "engagement"},
    "importers": {"common", "engagement"},
    "charts": {"common", "analysis", "planning"},
    "render": {"common", "engagement", "analysis", "pricing", "planning", "charts"},
    "commands": {"common", "engagement", "analysis", "pricing", "planning", "charts", "render"}
    | {"importers"},
}
ROOMS = set(ALLOWED)


def imported_rooms(path: Path, root: Path = PACKAGE) -> set[str]:
    """The rooms a module imports, relative imports resolved against its own location."""
    package = list(path.relative_to(root).parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
                if not node.module and not base:  # from .. import charts
                    target = [alias.name for alias in node.names]
            elif node.module and node.module.startswith("dialogue_cli."):
                target = node.module.split(".")[1:]
            else:
                continue
            if target and target[0] in ROOMS:
                found.add(target[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("dialogue_cli."):
                    found.add(alias.name.split(".")[1])
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if len(p.relative_to(PACKAGE).parts) > 1)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_arrows(path: Path) -> None:
    room = path.relative_to(PACKAGE).parts[0]
    assert room in ROOMS, f"{room}/ is not a room of docs/architecture.md"
    wrong = imported_rooms(path) - ALLOWED[room] - {room}
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}"


def test_the_checker_sees_a_wrong_arrow(tmp_path: Path) -> None:
    fake = tmp_path / "dialogue_cli"
    (fake / "engagement" / "model").mkdir(parents=True)
    module = fake / "engagement" / "model" / "bad.py"
    module.write_text(
        "from ...render.results import Results\nfrom .base import X\n"
        "from dialogue_cli.commands import _common\n"
        "def f():\n    from ...analysis import scoring\n"
    )
    assert imported_rooms(module, fake) == {"render", "engagement", "commands", "analysis"}


def test_modules_stay_short_or_say_why() -> None:
    long = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if len(p.read_text(encoding="utf-8").splitlines()) > 650
        and "Longer than" not in p.read_text(encoding="utf-8")[:2000]
    ]
    assert not long, f"over about 600 lines without a reason at the top: {long}"


def test_the_model_modules_leave_annotations_to_python() -> None:
    """No ``from __future__ import annotations`` in the model: pydantic would evaluate every
    annotation from its text at each start (engagement/model/__init__.py)."""
    model = PACKAGE / "engagement" / "model"
    offenders = [
        path.name
        for path in sorted(model.glob("*.py"))
        if "from __future__ import annotations" in path.read_text(encoding="utf-8").splitlines()
    ]
    assert offenders == []
