"""The command line's contract, for every command: exit codes, help, completion of values.

Exit status 0: done; 1: the user's data or a value given on the command line is wrong, said
in one line; 2: only a malformed command line (unknown option or command, missing argument).
Like sqlite-utils' test_docs, the tests walk the command tree: a command added later is held
to the same rules without a line here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from dialogue_cli.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ormessac"


def commands() -> list[tuple[str, ...]]:
    """Every command and group, as the words that name it (``()`` is ``dialogue`` itself)."""
    found: list[tuple[str, ...]] = [()]

    def walk(group: object, words: tuple[str, ...]) -> None:
        for name, command in getattr(group, "commands", {}).items():
            found.append((*words, name))
            walk(command, (*words, name))

    walk(get_command(app), ())
    return found


def leaves() -> list[tuple[str, ...]]:
    return [words for words in commands() if not hasattr(command_of(words), "commands")]


def command_of(words: tuple[str, ...]) -> object:
    command = get_command(app)
    for word in words:
        command = command.commands[word]  # type: ignore[attr-defined]
    return command


def help_of(words: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("words", commands(), ids=lambda words: " ".join(words) or "dialogue")
def test_every_help_has_an_example_and_one_placeholder_style(words: tuple[str, ...]) -> None:
    text = help_of(words)
    assert re.search(r"^  Examples?:\n    dialogue ", text, re.MULTILINE), text
    # Placeholders in capitals, as click and sqlite-utils write them: FILE, DIR, YYYY-MM-DD.
    assert not re.search(r"<[a-z ]+>|\{[a-z]+\}", text), text
    usage = text.splitlines()[0]
    assert re.fullmatch(
        r"Usage: dialogue[ a-z-]* \[OPTIONS\]( \[?[A-Z][A-Z-]*(\.\.\.)?\]?)*( COMMAND \[ARGS\]\.\.\.)?",
        usage,
    ), usage
    options = text.split("\nOptions:\n", 1)[-1].split("\nCommands:\n", 1)[0]
    for line in re.findall(r"^  (-.*?)(?:  |$)", options, re.MULTILINE):
        for value in re.findall(r"(?:--?[a-z-]+) ([^-\s,][^\s,]*)", line):
            assert re.fullmatch(r"[A-Z][A-Z0-9-]*|YYYY-MM-DD", value), (line, value)


@pytest.mark.parametrize("words", [w for w in commands() if hasattr(command_of(w), "commands")],
                         ids=lambda words: " ".join(words) or "dialogue")  # fmt: skip
def test_group_help_lists_each_command_with_its_whole_summary(words: tuple[str, ...]) -> None:
    """One line each, never cut with "...", and the same sentence that opens the command's help."""
    text = help_of(words)
    listing = text.split("\nCommands:\n", 1)[1]
    rows = re.findall(r"^  (\S+)\s+(.*)$", listing, re.MULTILINE)
    group = command_of(words)
    assert [name for name, _ in rows] == list(group.commands)  # type: ignore[attr-defined]
    for name, line in rows:
        assert not line.endswith("..."), line
        assert line.endswith("."), f"{name}: {line!r} is not one whole line"
        assert help_of((*words, name)).split("\n\n")[1].strip() == line


# ---------------------------------------------------------------- exit codes

# A wrong value for each command: (command line, what stderr says). {ex} is the example.
BAD_VALUES = [
    (["init", "{tmp}/new", "--population", "abc", "--yes"],
     "--population abc: not a number of inhabitants: give digits, e.g. 25400"),
    (["init", "{tmp}/new", "--kind", "interco", "--yes"],
     "--kind interco: not a kind of client (did you mean 'intercommunalite'?): commune, "
     "intercommunalite, departement, region, autre, prive"),
    (["init", "{tmp}/new", "--start", "31/02/2027", "--yes"],
     "--start 31/02/2027: not a date written YYYY-MM-DD, and there is no 31 February 2027 "
     "(February 2027 has 28 days)"),
    (["init", "{tmp}/new", "--language", "de", "--yes"],
     "--language de: not a language of the documents: fr (French) or en (English)"),
    (["check", "{ex}", "--date", "2027-02-31"],
     "--date 2027-02-31: there is no 31 February 2027 (February 2027 has 28 days)"),
    (["map", "{ex}", "--dpi", "20"], "--dpi 20: give a whole number from 50 to 600"),
    (["map", "{ex}", "--dpi", "abc"], "--dpi abc: not a whole number from 50 to 600"),
    (["map", "{ex}", "--with-contacts"],
     "--with-contacts: only applies to --csv FILE (the register)"),
    (["score", "{ex}", "--explain", "XYZ"],
     "--explain XYZ: no scenario 'XYZ'; scenarios: BP, CQ, PN, PC, TR"),
    (["score", "{ex}", "--explain", "pcc"],
     "--explain pcc: no scenario 'pcc' (did you mean 'PC'?); scenarios: BP, CQ, PN, PC, TR"),
    (["score", "{ex}", "--heatmap", "carte.gif"],
     "--heatmap carte.gif: give the file a .png, .svg, .pdf name"),
    (["feedback", "template", "{ex}", "--group", "jeunes"],
     "--group jeunes: neither a group (elus, citoyens, services) nor a workshop id "
     "(workshops: AT-ELUS, AT-CITOYENS, AT-SERVICES)"),
    (["feedback", "import", "decidmi", "export.csv", "-w", "AT-ELUS", "-e", "{ex}"],
     "SOURCE decidmi: not a source (did you mean 'decidim'?): decidim, consul, cap-collectif, "
     "make, limesurvey, framaforms or csv."),
    (["quote", "{ex}", "--date", "2027-13-01"],
     "--date 2027-13-01: there is no month 13 (months go from 01 to 12)"),
    (["quote", "{ex}", "--dpgf", "dpgf.txt"], "--dpgf dpgf.txt: give the file a .csv or .xlsx name"),
    (["invoice", "{ex}", "--stage", "avanse"],
     "--stage avanse: not a stage (did you mean 'avance'?): avance, acompte or solde"),
    (["workshop", "{ex}", "AT-ELU"],
     "AT-ELU: no such session (did you mean 'AT-ELUS'?); choose from AT-ELUS, AT-CITOYENS, "
     "AT-SERVICES, creativite"),
    (["workshop", "{ex}", "--lines", "0"], "--lines 0: give a whole number from 1 to 200"),
    (["plan", "{ex}", "--gantt", "plan.gif"],
     "--gantt plan.gif: give the chart a .png, .svg or .pdf name"),
    (["render", "{ex}", "--only", "devs"],
     "--only devs: unknown deliverable (did you mean 'devis'?); choose from cahier-des-charges, "
     "communication-interne, communication-externe, kit-roi-citoyen, synthese-ateliers, devis"),
    (["templates", "export", "{tmp}/modeles", "--language", "de"],
     "--language de: not a language of the templates: fr or en"),
    (["templates", "check", "{tmp}/nowhere"], "{tmp}/nowhere: no such folder"),
    (["schema", "-o", "{tmp}/nowhere/schema.json"],
     "--output {tmp}/nowhere/schema.json: folder {tmp}/nowhere does not exist"),
]  # fmt: skip


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("livrables"))
    return target


@pytest.mark.parametrize(("args", "message"), BAD_VALUES, ids=lambda v: " ".join(v)[:40])
def test_a_bad_value_is_one_line_and_exit_status_1(
    runner: CliRunner, example: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    def filled(text: str) -> str:
        return text.replace("{ex}", str(example)).replace("{tmp}", str(tmp_path))

    result = runner.invoke(app, [filled(arg) for arg in args])
    assert (result.exit_code, result.stderr) == (1, filled(message) + "\n")
    assert result.stdout == ""


def test_every_command_is_tried_with_a_bad_value() -> None:
    tried = {tuple(a for a in args if not a.startswith(("-", "{")))[:2] for args, _ in BAD_VALUES}
    for words in leaves():
        assert any(words == t[: len(words)] for t in tried), f"no bad value for {words}"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["check", "--jsn"], "No such option: --jsn (Possible options: --json)"),
        (["chek"], "No such command 'chek'. Did you mean 'check', 'schema'?"),
        (["init"], "Missing argument 'DIR'."),
        (["feedback", "import", "decidim"], "Missing argument 'FILE'."),
        (["feedback", "template", "--group"], "Option '--group' requires an argument."),
        (["check", "a", "b"], "Got unexpected extra argument(s) (b)"),
    ],
)
def test_a_malformed_command_line_is_exit_status_2_with_the_usage(
    runner: CliRunner, args: list[str], error: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith(f"Error: {error}")
    if "requires an argument" not in error:  # click names the option only, without the usage
        assert result.stderr.startswith("Usage: dialogue ")


def test_ids_are_read_whatever_their_case(runner: CliRunner, example: Path) -> None:
    upper = runner.invoke(app, ["score", str(example), "--explain", "PC"])
    lower = runner.invoke(app, ["score", str(example), "--explain", "pc"])
    assert (upper.exit_code, lower.exit_code) == (0, 0)
    assert lower.stdout == upper.stdout
    result = runner.invoke(app, ["feedback", "template", str(example), "-g", "at-elus",
                                 "-o", str(example / "x.csv")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "workshop AT-ELUS" in result.stdout


# ---------------------------------------------------------------- completion


def complete(runner: CliRunner, line: str, cwd: Path) -> list[str]:
    """What bash completion offers for ``line`` (the last word being completed), from ``cwd``."""
    import os

    words = line.split(" ")
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(
            app,
            [],
            prog_name="dialogue",
            env={
                "_DIALOGUE_COMPLETE": "complete_bash",
                "COMP_WORDS": line,
                "COMP_CWORD": str(len(words) - 1),
            },
        )
    finally:
        os.chdir(previous)
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("dialogue score --explain ", ["BP", "CQ", "PN", "PC", "TR"]),
        ("dialogue score --explain C", ["CQ"]),
        ("dialogue render --only dev", ["devis"]),
        ("dialogue render --only sp", ["specification"]),
        (
            "dialogue feedback template --group ",
            ["elus", "citoyens", "services", "AT-ELUS", "AT-CITOYENS", "AT-SERVICES"],
        ),
        ("dialogue feedback import decidim x.csv --workshop AT-C", ["AT-CITOYENS"]),
        ("dialogue feedback import dec", ["decidim"]),
        ("dialogue init x --kind inter", ["intercommunalite"]),
        ("dialogue init x --language ", ["fr", "en"]),
        ("dialogue templates export x --language e", ["en"]),
        ("dialogue invoice --stage a", ["avance", "acompte"]),
        ("dialogue workshop . AT-C", ["AT-CITOYENS"]),
        ("dialogue workshop . cr", ["creativite"]),
        ("dialogue invoice --phases cadrage,pre", ["cadrage,preparation"]),
    ],
)
def test_option_values_complete_from_the_engagement_here(
    runner: CliRunner, example: Path, line: str, offered: list[str]
) -> None:
    assert complete(runner, line, example) == offered


def test_completion_reads_the_engagement_named_on_the_line(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    line = f"dialogue score {example} --explain P"
    assert complete(runner, line, tmp_path) == ["PN", "PC"]
    # No engagement here: nothing offered, and no error printed into the shell.
    assert complete(runner, "dialogue score --explain ", tmp_path) == []
