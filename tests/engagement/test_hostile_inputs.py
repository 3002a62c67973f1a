"""Hostile engagement files: each payload gets exit 1 and one located message, never a crash.

The payloads are those of issue 11 (alias bombs, 30 000 brackets, merge keys, huge numbers,
UTF-16, NUL bytes, special files). The bombs run in a child process whose peak memory is read
from the kernel: a bound far above what the answer needs and far below what the payload took
before (a limit on resources, not a speed target: those are in benchmarks/bench_hostile.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement import yamlio
from dialogue_cli.engagement.loader import load

from .bounded import PEAK_MB, run_bounded

HEAD = """\
client: {name: Ville de Test}
scenarios:
  - {id: BP, title: Budget participatif}
grid:
  criteria:
    - {id: MANDAT, label: Mandat, weight: 20, conditions: [elus]}
"""


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name files relative to the working folder: work in the test's folder."""
    monkeypatch.chdir(tmp_path)


def check(runner: CliRunner, path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr.strip()


def engagement(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "engagement.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- aliases ("billion laughs")


def laughs(levels: int = 9) -> str:
    """17 KB: ten strings of 1 680 characters, then levels of ten aliases to the level below,
    where stakeholders (mappings) are expected. Expanded, level 9 stands for 10^10 values."""
    lines = ["client: {name: Ville de Test}", "stakeholders:"]
    lines.append("  - &a0 [" + ", ".join(["lol" * 560] * 10) + "]")
    for level in range(1, levels + 1):
        lines.append(f"  - &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_at_the_alias_in_bounded_memory(tmp_path: Path) -> None:
    text = laughs()
    assert 16_000 < len(text) < 18_000
    engagement(tmp_path, text)
    done = run_bounded("check", ".", cwd=tmp_path)
    assert done.code == 1
    assert done.stderr == (
        "engagement.yaml:7:45: the alias *a3 repeats 11,111 values, which takes this file past "
        "100,000 values (an alias stands for all that its anchor &a3 holds): write the values "
        "out, or use fewer aliases"
    )
    assert done.peak_mb < PEAK_MB


def test_an_alias_within_the_bound_is_never_printed(runner: CliRunner, tmp_path: Path) -> None:
    """Three levels (1 110 values) pass the bound: the messages name kinds, not values."""
    path = engagement(tmp_path, laughs(levels=3))
    code, err = check(runner, path)
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == (
        "engagement.yaml:3:5: stakeholders[0]: expected a mapping (key: value lines), "
        "got a list of 10 items"
    )
    assert lines[3] == (
        "engagement.yaml:6:5: stakeholders[3]: expected a mapping (key: value lines), "
        "got a list of 10 items"
    )
    assert "lol" not in err
    assert len(err) < 1000


def test_an_alias_inside_its_own_anchor_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = engagement(tmp_path, HEAD + "stakeholders: &loop\n  - *loop\n")
    assert check(runner, path) == (
        1,
        "engagement.yaml:8:5: the alias *loop is inside the value it repeats (&loop): it would "
        "repeat itself forever",
    )


def test_a_file_of_more_than_100_000_values_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = engagement(tmp_path, HEAD + "stakeholders:\n" + "  - 1\n" * 100_000)
    assert check(runner, path) == (
        1,
        "engagement.yaml:99980:5: more than 100,000 values in this file, where an engagement "
        "needs a few thousand: put long lists of feedback in a CSV or XLSX file",
    )


def test_aliases_that_a_consultant_writes_still_work(runner: CliRunner, tmp_path: Path) -> None:
    path = engagement(
        tmp_path,
        HEAD
        + "workshops:\n"
        + "  - &atelier {id: AT-ELUS, group: elus, place: Salle du conseil}\n"
        + "  - {<<: *atelier, id: AT-CIT, group: citoyens}\n",
    )
    project = load(path)
    assert [(w.id, w.place) for w in project.engagement.workshops] == [
        ("AT-ELUS", "Salle du conseil"),
        ("AT-CIT", "Salle du conseil"),
    ]


# ---------------------------------------------------------------- nesting


def test_30000_nested_brackets_no_segfault(tmp_path: Path) -> None:
    engagement(tmp_path, "client: " + "[" * 30_000 + "]" * 30_000 + "\n")
    done = run_bounded("check", ".", cwd=tmp_path)
    assert done.code == 1  # was -11: a segmentation fault, without a word
    assert done.stderr == (
        "engagement.yaml:1:108: nested more than 100 levels deep (brackets or indentation), "
        "where a file of dialogue needs fewer than 10: is a bracket left open?"
    )
    assert done.peak_mb < PEAK_MB


def test_deep_indentation_is_refused_where_it_goes_too_deep(
    runner: CliRunner, tmp_path: Path
) -> None:
    nested = "".join(" " * (2 * level) + f"k{level}:\n" for level in range(150))
    path = engagement(tmp_path, "client: {name: X}\n" + nested + " " * 300 + "v: 1\n")
    assert check(runner, path) == (
        1,
        "engagement.yaml:102:201: nested more than 100 levels deep (brackets or indentation), "
        "where a file of dialogue needs fewer than 10: is a bracket left open?",
    )


def test_compact_nested_sequences_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = engagement(tmp_path, "client: {name: X}\nrisks:\n" + "- " * 20_000 + "x\n")
    code, err = check(runner, path)
    assert code == 1
    assert err.startswith("engagement.yaml:3:199: nested more than 100 levels deep")


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(1, 160), flow=st.booleans())
def test_depth_is_refused_exactly_past_the_bound(depth: int, flow: bool) -> None:
    """The document root counts as a level: ``risks`` at depth 2, its items at 3..."""
    if flow:
        body = "risks: " + "[" * depth + "]" * depth + "\n"
    else:
        body = "risks:\n" + "".join(" " * level + "-\n" for level in range(depth))
    levels = depth + 1  # the root mapping
    try:
        yamlio.preflight("client: {name: X}\n" + body, "e.yaml")
    except LocatedError as error:
        assert levels > yamlio.MAX_DEPTH
        assert "nested more than 100 levels deep" in error.problems[0].message
    else:
        assert levels <= yamlio.MAX_DEPTH


# ---------------------------------------------------------------- merge keys


def test_merge_key_with_an_unknown_key_is_located_not_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = engagement(tmp_path, "client:\n  name: X\n  <<: {evil: 1}\n")
    assert check(runner, path) == (1, "engagement.yaml:3:8: client.evil: unknown key 'evil'")


def test_merge_key_only_mapping_is_located(runner: CliRunner, tmp_path: Path) -> None:
    path = engagement(tmp_path, "client:\n  <<: {name: Y, population: -1}\n")
    assert check(runner, path) == (
        1,
        "engagement.yaml:2:29: client.population: Input should be greater than or equal to 0, "
        "got -1",
    )


def test_merged_anchor_is_located_where_the_merge_writes_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = engagement(
        tmp_path,
        HEAD
        + "workshops:\n"
        + "  - &w\n    id: W1\n    group: elus\n    participants: 5\n"
        + "  - <<: *w\n    id: W2\n    participants: -3\n"
        + "  - <<: [*w, {place: 5}]\n    id: W3\n",
    )
    code, err = check(runner, path)
    assert code == 1
    assert err.splitlines()[:2] == [
        "engagement.yaml:14:19: workshops[1].participants: Input should be greater than or "
        "equal to 0, got -3",
        "engagement.yaml:15:22: workshops[2].place: expected text, got the number 5: quote it "
        "('5')",
    ]


# ---------------------------------------------------------------- numbers, types, encodings


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (
            "  population: " + "9" * 5000 + "\n",
            "engagement.yaml:3:15: a number of 5,000 digits: numbers here have at most 100 "
            "(if it is text, put it in quotes)",
        ),
        (
            "  population: " + "9" * 26 + "\n",
            "engagement.yaml:3:15: client.population: Input should be less than or equal to "
            "100000000, got 99999999999999999999999999",
        ),
        (
            "workshops:\n  - {id: W, group: elus, participants: " + "9" * 26 + "}\n",
            "engagement.yaml:4:40: workshops[0].participants: Input should be less than or "
            "equal to 100000, got 99999999999999999999999999",
        ),
        (
            "stakeholders:\n  - {id: S, name: A, influence: true, interest: 2}\n",
            "engagement.yaml:4:33: stakeholders[0].influence: expected a number, got true "
            "(a yes/no value)",
        ),
        (
            "pricing:\n  day_rate: yes\n",
            "engagement.yaml:4:13: pricing.day_rate: Input should be a valid decimal, got 'yes'",
        ),
        (
            "pricing:\n  discount_percent: false\n",
            "engagement.yaml:4:21: pricing.discount_percent: expected a number, got false "
            "(a yes/no value)",
        ),
        (
            "workshops:\n  - {id: W, group: elus, feedback_file: ''}\n",
            "engagement.yaml:4:41: workshops[0].feedback_file: empty: give the file's path "
            "(relative to engagement.yaml) or remove the key",
        ),
        (
            "  address: a\x01b\n",
            "engagement.yaml:3:13: a control character (U+0001) that YAML does not allow: "
            "remove it",
        ),
    ],
    ids=["5000-digits", "26-digit-population", "26-digit-participants", "influence-true",
         "price-yes", "percent-false", "empty-feedback-file", "control-character"],
)  # fmt: skip
def test_values_check_used_to_accept(
    runner: CliRunner, tmp_path: Path, tail: str, expected: str
) -> None:
    path = engagement(tmp_path, "client:\n  name: X\n" + tail)
    assert check(runner, path) == (1, expected)


def test_names_longer_than_a_document_property_are_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = engagement(tmp_path, "client:\n  name: " + "N" * 256 + "\n")
    assert check(runner, path) == (
        1,
        "engagement.yaml:2:9: client.name: String should have at most 100 characters (it has 256)",
    )


def test_a_huge_key_is_cut_short_in_the_message(runner: CliRunner, tmp_path: Path) -> None:
    # A plain key has at most 1024 characters in YAML; an explicit one (``? key``) has no bound.
    path = engagement(tmp_path, "client:\n  name: X\n  ? " + "k" * 100_000 + "\n  : 1\n")
    code, err = check(runner, path)
    assert code == 1
    assert len(err) < 300
    assert err.startswith("engagement.yaml:3:5: client." + "k" * 60 + "…: unknown key 'kkk")
    assert err.endswith("… (100,000 characters)")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "client:\n  name: Ville d'Été\n".encode("utf-16"),
            "engagement.yaml: UTF-16 text: re-save it as UTF-8",
        ),
        (
            "client:\n  name: Ville\n".encode("utf-16-le"),
            "engagement.yaml: UTF-16 text (without a byte-order mark): re-save it as UTF-8",
        ),
        (
            "client:\n  name: Ville\n".encode("utf-32"),
            "engagement.yaml: UTF-32 text: re-save it as UTF-8",
        ),
        (
            b"client:\n  name: X\nengagement:\n  context: |\n"
            + (b"    " + b"x" * 70 + b"\n") * 131
            + b"    a\x00b\n",
            "engagement.yaml:136:6: a NUL character (byte 0x00), which a text file cannot hold: "
            "remove it",
        ),
    ],
    ids=["utf16-bom", "utf16-le", "utf32", "nul-after-8-KB"],
)  # fmt: skip
def test_encodings_are_named(
    runner: CliRunner, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = engagement(tmp_path, content)
    code, err = check(runner, path)
    assert code == 1
    assert err.startswith(expected), err
    assert len(err.splitlines()) == 1


# ---------------------------------------------------------------- special files


def special_files(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, and a link to /dev/zero, in the engagement's folder."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    zero = tmp_path / "zero"
    zero.symlink_to("/dev/zero")
    return {"fifo": fifo, "zero": zero}


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_the_engagement_file_as_a_special_file(tmp_path: Path, kind: str) -> None:
    target = special_files(tmp_path)[kind]
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "engagement.yaml").symlink_to(target)
    done = run_bounded("check", "e", cwd=tmp_path)
    what = "is a named pipe" if kind == "fifo" else "is a device"
    assert done.code == 1
    assert done.stderr == f"e/engagement.yaml: {what}, not a regular file"
    assert done.peak_mb < PEAK_MB


@pytest.mark.parametrize(
    ("key", "suffix", "what"),
    [
        ("feedback_file", ".csv", "feedback file"),
        ("feedback_file", ".xlsx", "feedback file"),
        ("logo", ".png", "logo"),
        ("catalog", ".yaml", "catalog"),
    ],
)
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_side_files_as_special_files(
    tmp_path: Path, key: str, suffix: str, what: str, kind: str
) -> None:
    target = special_files(tmp_path)[kind]
    (tmp_path / f"side{suffix}").symlink_to(target)
    text = {
        "feedback_file": HEAD
        + f"workshops:\n  - {{id: W, group: elus, feedback_file: side{suffix}}}\n",
        "logo": HEAD + f"brand:\n  logo: side{suffix}\n",
        "catalog": HEAD + f"pricing:\n  catalog: side{suffix}\n",
    }[key]
    engagement(tmp_path, text)
    done = run_bounded("check", ".", cwd=tmp_path)
    problem = (
        "is a named pipe, not a regular file"
        if kind == "fifo"
        else ("is a device, not a regular file")
    )
    assert done.code == 1
    line = {"feedback_file": "8:41", "logo": "8:9", "catalog": "8:12"}[key]
    field = {"feedback_file": "workshops[0].feedback_file", "logo": "brand.logo",
             "catalog": "pricing.catalog"}[key]  # fmt: skip
    assert done.stderr == f"engagement.yaml:{line}: {field}: {what} {problem}: side{suffix}"
    assert done.peak_mb < PEAK_MB


def test_feedback_file_swapped_for_a_fifo_after_check(tmp_path: Path) -> None:
    """The reader itself refuses a FIFO (never blocks), not only the check of references."""
    from dialogue_cli.engagement.feedback import References, read_file
    from dialogue_cli.engagement.model import Workshop

    fifo = tmp_path / "f.csv"
    os.mkfifo(fifo)
    refs = References(frozenset({"BP"}), frozenset())
    with pytest.raises(LocatedError) as caught:
        list(read_file(fifo, Workshop(id="W", group="elus"), refs, "f.csv"))
    assert caught.value.lines() == ["f.csv: is a named pipe, not a regular file"]


def test_a_huge_engagement_file_is_refused_before_it_is_read(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialogue_cli.common import files

    monkeypatch.setitem(files.LIMITS, "engagement", 1000)
    path = engagement(tmp_path, HEAD + "# " + "x" * 2000 + "\n")
    code, err = check(runner, path)
    assert code == 1
    size = path.stat().st_size
    assert err == (
        f"engagement.yaml: {size} bytes, more than the 1000 bytes an engagement file may have"
    )


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_the_logo_read_for_a_render_is_a_regular_file(tmp_path: Path, kind: str) -> None:
    """A logo swapped for a FIFO or /dev/zero after `check` is refused by the render's reader."""
    from dialogue_cli.render.results import _logo_bytes

    engagement(tmp_path, HEAD + "brand:\n  logo: logo.png\n")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project = load(tmp_path)
    (tmp_path / "logo.png").unlink()
    (tmp_path / "logo.png").symlink_to(special_files(tmp_path)[kind])
    with pytest.raises(LocatedError) as caught:
        _logo_bytes(project, "logo.png")
    what = "is a named pipe" if kind == "fifo" else "is a device"
    assert caught.value.lines() == [
        f"engagement.yaml:8:9: brand.logo: cannot read logo.png: {what}, not a regular file"
    ]
