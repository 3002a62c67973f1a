"""A template reaches data only, and what it can cost is bounded (issue 11: Critical 1, Major 10).

Each payload of the issue is rendered through the CLI from a ``templates/`` folder beside the
engagement (the way a downloaded template is picked up) and checked with ``templates check``:
exit 1, one line naming the template and the expression or the limit, nothing written anywhere,
the outputs folder as it was.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render import limits
from dialogue_cli.render.allowlist import FILTERS, TESTS, audit
from dialogue_cli.render.environment import make_environment
from dialogue_cli.render.pictures import PlacedPicture
from tests.conftest import EXAMPLE

# ---------------------------------------------------------------------- the example, rendered once


def _logo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), "#8A1538").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("charts")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Path:
    """The example with a logo (every picture of the issue exists), rendered with the defaults."""
    folder = tmp_path_factory.mktemp("rendered") / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables"))
    (folder / "logo.png").write_bytes(_logo())
    path = folder / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("brand:\n", "brand:\n  logo: logo.png\n"),
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIALOGUE_CACHE", str(cache))
        result = CliRunner().invoke(app, ["render", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def project(
    rendered: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A private copy of the rendered example; the working folder is an empty folder of its own."""
    folder = tmp_path / "ormessac"
    shutil.copytree(rendered, folder)
    (tmp_path / "trap").mkdir()
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setenv("DIALOGUE_CACHE", str(cache))
    yield folder


def _template(project: Path, name: str, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = project / "templates" / f"{name}.docx"
    path.parent.mkdir(exist_ok=True)
    document.save(str(path))
    return path


def _files(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root`` (hidden ones too), with its inode: a replaced file shows."""
    return {
        str(p.relative_to(root)): (p.stat().st_ino, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and "cache" not in p.parts
    }


def _refused(result: Any) -> str:
    """The single stderr line of a run that exited 1 without a traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines: list[str] = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _attack(runner: CliRunner, project: Path, name: str, *paragraphs: str) -> tuple[str, str]:
    """Render and check a hostile template; assert nothing anywhere changed; the two messages."""
    trap = project.parent / "trap"
    paragraphs = tuple(p.replace("TRAP", str(trap)) for p in paragraphs)
    template = _template(project, name, *paragraphs)
    before = _files(project.parent)
    line = _refused(runner.invoke(app, ["render", str(project), "--only", name]))
    assert line.startswith(f"{template}: "), line
    check = runner.invoke(app, ["templates", "check", str(template.parent)])
    assert check.exit_code == 1, check.output
    assert "Traceback" not in check.output
    assert _files(project.parent) == before  # outputs, manifest, inputs: same files, same inodes
    assert list(trap.iterdir()) == []
    assert not list(project.parent.rglob("pwned.txt"))
    assert not Path("pwned.txt").exists()
    return line, check.stderr


# ---------------------------------------------------------------------- Critical 1: escapes

ESCAPES = [
    pytest.param(
        "synthese-ateliers",
        ["{% if client is number %}{{ cycler.__init__.__globals__.os.popen('id > pwned.txt').read() }}{% endif %}",
         "{{ heatmap.tpl.render({'client': 1}) }}"],
        "cycler.__init__.__globals__.os.popen('id > pwned.txt').read(): 'cycler' is not available "
        "in templates (in the body)",
        id="re-render-then-popen",
    ),
    pytest.param(
        "synthese-ateliers", ["{{ heatmap.tpl.render({'client': 1}) }}"],
        "heatmap.tpl.render({'client': 1}): heatmap is a picture: it has no 'tpl'; place it with "
        "{{ heatmap }} (in the body)",
        id="heatmap.tpl.render",
    ),
    pytest.param(
        "synthese-ateliers", ["{{ heatmap.tpl.save('TRAP/any/path.docx') }}"],
        "heatmap is a picture: it has no 'tpl'", id="heatmap.tpl.save",
    ),
    pytest.param(
        "kit-roi-citoyen", ["{{ heatmap.tpl.docx.part.save('TRAP/kit.docx') }}"],
        "heatmap is a picture: it has no 'tpl'", id="kit.heatmap.tpl.docx.save",
    ),
    pytest.param(
        "synthese-ateliers", ["{{ heatmap.tpl.write_xml('TRAP/dump.xml') }}"],
        "heatmap.tpl.write_xml(", id="heatmap.tpl.write_xml",
    ),
    pytest.param(
        "cahier-des-charges", ["{{ stakeholders.picture.tpl.save('TRAP/map.docx') }}"],
        "stakeholders.picture is a picture: it has no 'tpl'", id="stakeholders.picture.tpl",
    ),
    pytest.param(
        "cahier-des-charges", ["{{ calendar.gantt.tpl.write_xml('TRAP/gantt.xml') }}"],
        "calendar.gantt is a picture: it has no 'tpl'", id="calendar.gantt.tpl",
    ),
    pytest.param(
        "communication-externe", ["{{ brand.logo.image_descriptor.read() }}"],
        "brand.logo is a picture: it has no 'image_descriptor'", id="brand.logo.image_descriptor",
    ),
    pytest.param(
        "devis", ["{{ '{0.__class__.__mro__}'.format(client) }}"],
        "'{0.__class__.__mro__}' is a value: it has no 'format'", id="str.format",
    ),
    pytest.param(
        "devis", ["{{ client.name.upper() }}"],
        "client.name.upper(): client.name is a value: it has no 'upper'", id="str method",
    ),
    pytest.param("devis", ["{{ lipsum.__globals__.os }}"], "'lipsum' is not available", id="lipsum"),
    pytest.param("devis", ["{{ joiner('x') }}"], "'joiner' is not available", id="joiner"),
    pytest.param(
        "devis", ["{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"],
        "'namespace' is not available", id="namespace-doubling",
    ),
    pytest.param(
        "devis", ["{% autoescape false %}{{ client.name }}{% endautoescape %}"],
        "{% autoescape %} is not allowed in a template", id="autoescape-off",
    ),
    pytest.param(
        "devis", ["{% macro m(s) %}{{ m(s ~ s) }}{% endmacro %}{{ m('x') }}"],
        "{% macro %} is not allowed in a template", id="macro",
    ),
    pytest.param(
        "devis", ["{{ client.name|attr('__class__') }}"],
        "client.name|attr('__class__'): the filter 'attr' is not allowed", id="attr filter",
    ),
    pytest.param(
        "devis", ["{{ quote|safe }}"], "the filter 'safe' is not allowed", id="safe filter",
    ),
    pytest.param(
        "devis", ["{% for l in quote.lines %}{{ loop.__class__ }}{% endfor %}"],
        "loop.__class__: '__class__' is a Python internal", id="loop internals",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "paragraphs", "expected"), ESCAPES)
def test_a_template_cannot_reach_anything_but_data(
    runner: CliRunner, project: Path, name: str, paragraphs: list[str], expected: str
) -> None:
    line, check = _attack(runner, project, name, *paragraphs)
    assert ": forbidden in a template: " in line
    assert expected in line
    assert f"{name}.docx: error: forbidden in a template: " in check
    assert expected in check


def test_the_sandbox_refuses_at_render_what_no_reading_of_the_template_can_type(
    runner: CliRunner, project: Path
) -> None:
    """`(heatmap if true else 1)` has no type a reading can know: `templates check` lets it
    through (it reads, it does not run), and the sandbox refuses it while rendering."""
    body = "{{ (heatmap if true else 1).tpl }}"
    line, template = _attack_render_only_named(runner, project, "synthese-ateliers", body)
    assert line == (
        f"{template}: forbidden in a template: (heatmap if True else 1).tpl: a picture has no "
        "'tpl'; place it as it is"
    )
    assert runner.invoke(app, ["templates", "check", str(template.parent)]).exit_code == 0


def test_templates_check_lists_every_forbidden_access_and_render_names_the_first(
    runner: CliRunner, project: Path
) -> None:
    template = _template(
        project,
        "synthese-ateliers",
        "{{ heatmap.tpl }}",
        "{{ cycler }}",
        "{{ client.name.__class__ }}",
        "{% include 'x' %}",
    )
    check = runner.invoke(app, ["templates", "check", str(template.parent)])
    errors = [line for line in check.stderr.splitlines() if ": error: " in line]
    assert [e.split("forbidden in a template: ", 1)[1] for e in errors] == [
        "heatmap.tpl: heatmap is a picture: it has no 'tpl'; place it with {{ heatmap }} (in the body)",
        "cycler: 'cycler' is not available in templates (in the body)",
        "client.name.__class__: '__class__' is a Python internal; templates read data only (in the body)",
        "{% include %} is not allowed in a template (in the body)",
    ]
    assert "1 template checked: 4 error(s)" in check.stdout
    line = _refused(runner.invoke(app, ["render", str(project), "--only", "synthese-ateliers"]))
    assert line.endswith("(and 3 more: run dialogue templates check)")


def test_a_header_is_checked_like_the_body(runner: CliRunner, project: Path) -> None:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "{{ brand.logo.tpl.save('x.docx') }}"
    document.add_paragraph("{{ client.name }}")
    path = project / "templates" / "devis.docx"
    path.parent.mkdir()
    document.save(str(path))
    line = _refused(runner.invoke(app, ["render", str(project), "--only", "devis"]))
    assert "brand.logo is a picture: it has no 'tpl'" in line and line.endswith("(in a header)")


def test_jinja_in_the_document_properties_is_never_run(runner: CliRunner, project: Path) -> None:
    document = Document()
    document.add_paragraph("{{ client.name }}")
    document.core_properties.content_status = "{{ cycler.__init__.__globals__ }}"
    path = project / "templates" / "devis.docx"
    path.parent.mkdir()
    document.save(str(path))
    result = runner.invoke(app, ["render", str(project), "--only", "devis"])
    assert result.exit_code == 0, result.output
    out = Document(str(project / "livrables" / "devis.docx")).core_properties
    assert out.content_status == "{{ cycler.__init__.__globals__ }}"  # text, never rendered


# ---------------------------------------------------------------------- Major 10: caps

CAPS = [
    pytest.param('{{ "x"|center(1000000000) }}',
                 "center would build a value of 1 000 000 000 characters or items; a template may "
                 "build at most 1 000 000", id="center"),
    pytest.param('{{ "%1000000000s"|format("x") }}',
                 "format: a width or precision of 1 000 000 000; a template may use at most 1 000",
                 id="format"),
    pytest.param('{{ "%1000000000s" % "x" }}', "%: a width or precision of 1 000 000 000", id="%"),
    pytest.param('{{ "%*s"|format(1000000000, "x") }}', "a %-format with a '*' width", id="format *"),
    pytest.param('{% set s = "x" * 1000000 %}{% for i in range(64) %}{% set s = s ~ s %}{% endfor %}',
                 "~ would build a value of 2 000 000 characters or items", id="doubled in a loop"),
    pytest.param("{{ 'x'" + "|replace('x', 'xx')" * 21 + " }}",
                 "replace would build a value of 1 048 576 characters", id="doubled by replace"),
    pytest.param('{% for i in range(100000) %}{{ "x"*1000000 }}{% endfor %}',
                 "the document grew past 10 000 000 characters of XML (the output limit of one "
                 "document)", id="range x 1e6"),
    pytest.param('{{ "x" * 1000000000 }}', "* would build a value of 1 000 000 000", id="*"),
    pytest.param('{{ ("x" * 600000) + ("x" * 600000) }}', "+ would build a value of 1 200 000", id="+"),
    pytest.param('{{ (["x" * 1000000] * 1000000)|join }}', "join would build a value of 2 000 000",
                 id="join"),
    pytest.param('{{ ("x\\n" * 400000)|indent(10) }}', "indent would build a value of", id="indent"),
    pytest.param('{{ ("x" * 1000000)|wordwrap(1) }}',
                 "wordwrap of 1 000 000 characters to a width of 1: too much work", id="wordwrap"),
    pytest.param('{{ "x"|truncate(10, end="y" * 2000000) }}', "* would build a value of 2 000 000",
                 id="truncate"),
    pytest.param("{% for i in range(1000000000) %}{% endfor %}",
                 "a range() of more than 100 000 items (the range limit)", id="range"),
    pytest.param("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                 "more than 1 000 000 loop iterations in one document (the loop limit)", id="loops"),
    pytest.param('{% for c in "x" * 1000000 %}{% for d in "x" * 1000000 %}{% endfor %}{% endfor %}',
                 "more than 1 000 000 loop iterations", id="loops over text"),
    pytest.param("{{ 9 ** 99 ** 99 }}", "** would compute a number of more than 10 000 bits", id="**"),
    pytest.param("{{ (2 ** 100) ** 99 * (2 ** 100) ** 99 }}", "* would compute a number of more than 10 000 bits",
                 id="big int"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), CAPS)
def test_a_template_asking_for_too_much_stops_with_the_limit_it_hit(
    runner: CliRunner, project: Path, body: str, expected: str
) -> None:
    line, _check = _attack_render_only(runner, project, body)
    assert ": the template asks for too much: " in line
    assert expected in line


def _attack_render_only(runner: CliRunner, project: Path, body: str) -> tuple[str, Path]:
    """Caps are met while rendering: ``templates check`` reads, it does not run a template."""
    template = _template(project, "devis", body)
    before = _files(project.parent)
    line = _refused(runner.invoke(app, ["render", str(project), "--only", "devis"]))
    assert line.startswith(f"{template}: ")
    assert _files(project.parent) == before
    return line, template


def test_printing_a_list_is_a_clear_error_not_its_python_representation(
    runner: CliRunner, project: Path
) -> None:
    line, _ = _attack_render_only(runner, project, '{{ ["x" * 1000000] * 1000000 }}')
    assert line.endswith(
        "template error: {{ }} prints text, numbers and pictures, not a list; "
        "loop over a list to print its items"
    )


def test_nested_deeper_than_python_allows_is_refused(runner: CliRunner, project: Path) -> None:
    loops = "".join(f"{{% for i{n} in range(2) %}}" for n in range(12))
    ends = "{% endfor %}" * 12
    line, _ = _attack(runner, project, "devis", loops + "x" + ends)
    assert "loops nested more than 10 deep" in line
    line, _ = _attack(runner, project, "devis", "{{ " + "[" * 60 + "1" + "]" * 60 + " }}")
    assert line.endswith(
        "forbidden in a template: nested more than 40 levels deep (the nesting limit) (in the body)"
    )


# ---------------------------------------------------------------------- what a template may do


def test_what_the_allow_list_allows_renders(runner: CliRunner, project: Path) -> None:
    _template(
        project,
        "devis",
        "{{ client.name|upper }} {{ client.name|length }} {{ '%05.1f'|format(3.14159) }}",
        "{{ '%s/%s' % (1, 2) }} {{ client.name ~ ' !' }} {{ [3, 1, 2]|sort|join(', ') }}",
        "{% for l in quote.lines %}{{ loop.index }}/{{ loop.length }}{{ loop.cycle('a', 'b') }} "
        "{% endfor %}",
        "{{ 'abc'[1] }} {{ 'abcdef'[1:3] }} {{ range(3)|list|join('') }} {{ 'Devis estimatif'|truncate(9) }}",
        "{% set grid = {'a': 1} %}{{ grid.a }} {{ client.name|center(30)|trim }} {{ 7 // 2 }}",
        "{% if quote.lines is defined and 3 is odd %}oui{% endif %} {{ 'x'|replace('x', 'y') }}",
    )
    result = runner.invoke(app, ["render", str(project), "--only", "devis"])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(project / "livrables" / "devis.docx")).paragraphs)
    assert "VILLE D’ORMESSAC 16\u00a0003.1" in text  # two digits a space apart: kept together
    assert "1/2 Ville d’Ormessac ! 1, 2, 3" in text
    assert "1/5a 2/5b 3/5a 4/5b 5/5a" in text
    assert "b bc 012 Devis..." in text
    assert "1 Ville d’Ormessac 3" in text
    assert "oui y" in text
    assert (
        "Templates: devis.docx from" in result.stdout
        and "(beside engagement.yaml)" in result.stdout
    )


def test_the_shipped_templates_pass_the_audit_with_nothing_allowed_for_them() -> None:
    """No exception was needed for the defaults: they read data, and use no filter at all."""
    from dialogue_cli.render.catalog import BY_FILENAME
    from dialogue_cli.render.invoice import INVOICE
    from dialogue_cli.render.schema import CONTEXTS
    from dialogue_cli.render.templates import forbidden, open_template, package, packaged_dir, parse
    from dialogue_cli.render.workshop.schema import KIT_CONTEXTS

    known = {**BY_FILENAME, INVOICE.filename: INVOICE}
    schemas = {name: CONTEXTS[d.name] for name, d in known.items()}
    schemas |= {f"{name}.docx": schema for name, schema in KIT_CONTEXTS.items()}
    paths = [p for language in ("fr", "en") for p in sorted(packaged_dir(language).glob("*.docx"))]
    # The deliverables, the invoice and the workshop kit's four sheets, in both languages.
    assert len(paths) == 2 * (len(known) + 4) == 2 * len(schemas)
    for path in paths:
        tpl = open_template(package(path, path.name), path.name)
        trees = parse(tpl, path.name)
        assert forbidden(trees, schemas[path.name]) == [], path


# ---------------------------------------------------------------------- pictures are placed, inert


def test_pictures_land_where_printed_in_body_and_header_only(
    runner: CliRunner, project: Path
) -> None:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "{{ brand.logo }}"
    document.add_paragraph("{{ brand.logo }}")
    document.add_paragraph("{% for i in range(3) %}{{ brand.logo }}{% endfor %}")
    path = project / "templates" / "communication-externe.docx"
    path.parent.mkdir()
    document.save(str(path))
    result = runner.invoke(app, ["render", str(project), "--only", "communication-externe"])
    assert result.exit_code == 0, result.output
    out = Document(str(project / "livrables" / "communication-externe.docx"))
    assert len(out.inline_shapes) == 4 and all(
        abs(s.width.mm - 40) < 0.5 for s in out.inline_shapes
    )
    header = out.sections[0].header
    images = [r for r in header.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 1
    assert len(header._element.findall(".//{*}drawing")) == 1
    ids = [e.get("id") for e in out.element.body.iter("{*}docPr")]
    assert len(ids) == len(set(ids)) == 4


def test_a_picture_never_printed_is_never_added(runner: CliRunner, project: Path) -> None:
    import zipfile

    _template(project, "synthese-ateliers", "{% if heatmap %}une carte existe{% endif %}")
    result = runner.invoke(app, ["render", str(project), "--only", "synthese-ateliers"])
    assert result.exit_code == 0, result.output
    out = project / "livrables" / "synthese-ateliers.docx"
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]
    assert "une carte existe" in "\n".join(p.text for p in Document(str(out)).paragraphs)


def test_a_picture_is_printed_on_its_own_or_not_at_all(runner: CliRunner, project: Path) -> None:
    for body in ("{{ heatmap ~ ' légende' }}", "{{ heatmap|upper }}", "{{ heatmap|string }}"):
        line, _ = _attack_render_only_named(runner, project, "synthese-ateliers", body)
        assert "a picture is placed on its own, with {{ name }}" in line, body


def _attack_render_only_named(
    runner: CliRunner, project: Path, name: str, body: str
) -> tuple[str, Path]:
    template = _template(project, name, body)
    before = _files(project.parent)
    line = _refused(runner.invoke(app, ["render", str(project), "--only", name]))
    assert _files(project.parent) == before
    return line, template


def test_a_marker_typed_in_a_template_is_only_text(runner: CliRunner, project: Path) -> None:
    _template(project, "synthese-ateliers", "dialogue-picture-0-0 {{ client.name }}")
    result = runner.invoke(app, ["render", str(project), "--only", "synthese-ateliers"])
    assert result.exit_code == 0, result.output
    out = Document(str(project / "livrables" / "synthese-ateliers.docx"))
    assert len(out.inline_shapes) == 0
    assert out.paragraphs[0].text == "dialogue-picture-0-0 Ville d’Ormessac"


# ---------------------------------------------------------------------- the sandbox, directly


@pytest.fixture
def env() -> Any:
    return make_environment()


def test_the_environment_offers_only_the_allow_list(env: Any) -> None:
    assert env.globals == {"range": limits.bounded_range}
    assert set(env.filters) == FILTERS | {"dialogue:loop", "dialogue:concat"}
    assert set(env.tests) == TESTS
    for name in ("safe", "attr", "map", "selectattr", "tojson", "pprint", "xmlattr", "urlize"):
        assert name not in env.filters


def test_getattr_reads_keys_never_methods(env: Any) -> None:
    from jinja2.exceptions import SecurityError, UndefinedError

    assert env.getattr({"items": "key"}, "items") == "key"
    with pytest.raises(UndefinedError, match="has no attribute 'items'"):
        str(env.getattr({"a": 1}, "items"))
    for obj, name in (("abc", "upper"), ([1], "append"), (1, "real"), ({"a": 1}, "__class__")):
        with pytest.raises(SecurityError):
            env.getattr(obj, name)
    assert env.getitem("abc", 1) == "b" and env.getitem([1, 2, 3], slice(0, 2)) == [1, 2]
    with pytest.raises(SecurityError):
        env.getitem("abc", "upper")


def test_even_a_live_inline_image_would_be_refused(env: Any) -> None:
    """Defence in depth: were docxtpl's InlineImage ever put back in a context, .tpl is refused."""
    from docxtpl import InlineImage
    from jinja2.exceptions import SecurityError

    for picture in (InlineImage(object(), io.BytesIO(b"")), PlacedPicture("m")):
        for name in ("tpl", "image_descriptor", "_insert_image", "__html__"):
            with pytest.raises(SecurityError):
                env.getattr(picture, name)


def test_only_range_and_loop_helpers_are_callable(env: Any) -> None:
    from jinja2.exceptions import SecurityError

    context = env.from_string("").new_context({})
    assert env.call(context, limits.bounded_range, 3) == range(3)
    for function in (os.popen, open, str.upper, print, env.from_string, shutil.rmtree):
        with pytest.raises(SecurityError, match="is not allowed"):
            env.call(context, function, "id > pwned.txt")
    assert not Path("pwned.txt").exists()


def test_the_compiler_refuses_what_the_audit_refuses(env: Any) -> None:
    """from_string runs the audit too: no way around `templates check` through docxtpl."""
    from jinja2.exceptions import SecurityError

    for source in ("{{ cycler }}", "{% filter upper %}x{% endfilter %}", "{{ x.__class__ }}",
                   "{% set y %}x{% endset %}", "{{ f() }}", "{{ x|safe }}"):  # fmt: skip
        with pytest.raises(SecurityError):
            env.from_string(source)


def test_the_audit_names_the_expression_and_the_reason() -> None:
    from jinja2 import Environment

    tree = Environment().parse(
        "{% for s in ranking %}{{ s.title }}{{ s.title.__len__ }}{% endfor %}"
    )
    shape = {"ranking": [{"title": "value"}]}
    assert [str(v) for v in audit(tree, shape)] == [
        "s.title.__len__: '__len__' is a Python internal; templates read data only"
    ]
    tree = Environment().parse("{{ ranking.count }}{{ heatmap[0] }}{{ loop.index }}")
    assert [str(v) for v in audit(tree, {"ranking": [{}], "heatmap": "picture"})] == [
        "ranking.count: ranking is a list: it has no 'count' (loop over it, or use |first, |length)",
        "heatmap[0]: heatmap is a picture: place it as it is",
        "loop.index: 'loop' exists only inside a {% for %}",
    ]


def test_text_escaped_by_a_filter_is_cleaned_of_what_xml_forbids_in_a_header_too(
    runner: CliRunner, project: Path
) -> None:
    document = Document()
    document.sections[0].header.paragraphs[0].text = '{{ "a\\x01b"|e }} {{ "c\\x02" ~ "d"|e }}'
    document.add_paragraph('{{ "e\\x03f"|e }}')
    path = project / "templates" / "devis.docx"
    path.parent.mkdir()
    document.save(str(path))
    result = runner.invoke(app, ["render", str(project), "--only", "devis"])
    assert result.exit_code == 0, result.output
    out = Document(str(project / "livrables" / "devis.docx"))
    assert out.sections[0].header.paragraphs[0].text == "ab cd"
    assert out.paragraphs[0].text == "ef"


def test_docs_security_states_the_limits_and_lists_of_the_code() -> None:
    """docs/security.md is the consultant's reference: its numbers and lists are the code's."""
    from dialogue_cli.common.files import LIMITS
    from dialogue_cli.render import allowlist, package
    from dialogue_cli.render.allowlist import LOOP_ATTRIBUTES
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    templates = text.split("\n## Templates\n", 1)[1].split("\n## Input files\n", 1)[0]
    rows = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in templates.splitlines()
        if line.startswith("| ") and line.count("|") >= 3
    }

    def n(value: int) -> str:
        return f"{value:,}".replace(",", " ")

    assert rows["Template file"] == f"{LIMITS['template'] >> 20} MB"
    assert rows["Parts in the zip"] == n(package.MAX_ENTRIES)
    assert rows["Zip directory"] == f"{package.MAX_DIRECTORY >> 20} MB"
    assert rows["One XML part, inflated"] == f"{package.MAX_XML_PART >> 20} MiB"
    assert rows["One other part (a picture), inflated"] == f"{package.MAX_PART >> 20} MiB"
    assert rows["All parts, inflated"] == f"{package.MAX_TOTAL >> 20} MiB"
    assert rows["One text or list a template builds"] == f"{n(limits.MAX_TEXT)} characters or items"
    assert rows["XML a template produces for one document"] == f"{n(limits.MAX_OUTPUT)} characters"
    assert rows["Loop turns in one document"] == n(limits.MAX_ITERATIONS)
    assert rows["One `range()`"] == f"{n(limits.MAX_RANGE)} items"
    assert rows["A width or precision in a %-format"].startswith(n(limits.MAX_WIDTH))
    assert rows["An integer a template computes"].startswith(f"{n(limits.MAX_INT_BITS)} bits")
    assert rows["`wordwrap` work"].startswith(n(limits.MAX_WRAP_WORK))
    assert rows["Nesting"] == (
        f"{allowlist.MAX_DEPTH} levels; loops {allowlist.MAX_LOOP_DEPTH} deep"
    )
    from dialogue_cli.render.documents import RENDER_TIMEOUT_SECONDS

    assert rows["Render time"] == f"{RENDER_TIMEOUT_SECONDS} s per document"
    documented = {
        name for cell in (rows["Filters"], rows["Tests"], rows["Inside a loop"])
        for name in re.findall(r"`(?:loop\.)?([^`(]+)(?:\(\.\.\.\))?`", cell)
    }  # fmt: skip
    assert documented == FILTERS | TESTS | LOOP_ATTRIBUTES
