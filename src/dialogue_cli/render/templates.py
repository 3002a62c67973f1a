"""Find, export, brand and check the Word templates of the six deliverables (and the lookup
and checks the workshop kit's templates share with them).

Lookup order for each deliverable, by file name: ``--templates DIR`` > ``templates/`` beside the
engagement file > the defaults shipped in the package.
"""

from __future__ import annotations

import difflib
import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..common.errors import FileProblem
from ..common.files import read_bytes
from .catalog import BY_FILENAME, DELIVERABLES, Deliverable
from .environment import TemplateProblem, make_environment
from .schema import CONTEXTS
from .writer import malformed_parts

if TYPE_CHECKING:
    from docxtpl import DocxTemplate
    from jinja2 import nodes

    from .allowlist import Violation
    from .docx_template import SafeDocxTemplate

# The colours the default templates are drawn with; `brand.primary_color` replaces them.
DEFAULT_PRIMARY = "1F4E79"
DEFAULT_TINT = "DCE6F1"
# Names Jinja provides itself inside a template.
JINJA_NAMES = frozenset(
    {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "true", "false", "none"}
)
# Styles the default templates use; a custom template must keep them (python-docx raises otherwise).
REQUIRED_STYLES = ("Normal",)


def packaged_dir(language: str = "fr") -> Path:
    """Where the default templates of ``language`` live inside the installed package."""
    root = Path(str(resources.files("dialogue_cli") / "templates"))
    return root / "en" if language == "en" else root


@dataclass(frozen=True)
class Source:
    """The template chosen for one deliverable and where it comes from."""

    deliverable: Deliverable
    path: Path
    default: bool


def locate(
    deliverable: Deliverable,
    templates_dir: Path | None,
    base_dir: Path | None,
    language: str = "fr",
) -> Source:
    """Pick the template of ``deliverable`` following the lookup order (defaults in ``language``)."""
    path, default = find_template(deliverable.filename, templates_dir, base_dir, language)
    return Source(deliverable, path, default)


def find_template(
    filename: str, templates_dir: Path | None, base_dir: Path | None, language: str = "fr"
) -> tuple[Path, bool]:
    """The template file called ``filename`` following the lookup order, and whether it is the
    default (the Word deliverables' and the workshop kit's templates alike)."""
    # Whatever stands at a template's name is the template (a folder, a pipe or a dangling link
    # is then refused when it is read, never silently replaced by the default).
    if templates_dir is not None:
        if not templates_dir.is_dir():
            raise FileProblem(f"{templates_dir}: --templates must be a folder")
        candidate = templates_dir / filename
        if candidate.exists() or candidate.is_symlink():
            return candidate, False
    if base_dir is not None:
        candidate = base_dir / "templates" / filename
        if candidate.exists() or candidate.is_symlink():
            return candidate, False
    default = packaged_dir(language) / filename
    if not default.is_file():
        raise FileProblem(f"{default}: the default template is missing from the installation")
    return default, True


LANGUAGES = {"fr": "French", "en": "English"}


def used_line(sources: list[Source], templates_dir: Path | None, language: str = "fr") -> str:
    """One line saying which templates a render used, from where.

    ``Templates: devis.docx from ormessac/templates/ (beside engagement.yaml); the 5 others
    built in (French).`` A consultant sees at once when a folder's templates were picked up.
    """
    from ..common.files import display_name

    folders: dict[Path, list[str]] = {}
    for source in sources:
        if not source.default:
            folders.setdefault(source.path.parent, []).append(source.path.name)
    built_in = sum(source.default for source in sources)
    pieces = []
    for folder, names in folders.items():
        if templates_dir is not None and folder == templates_dir:
            why = "--templates"
        else:
            why = "beside engagement.yaml"
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        pieces.append(f"{listed} from {display_name(folder)}/ ({why})")
    kind = LANGUAGES.get(language, language)
    if not pieces:
        return f"Templates: the built-in ones ({kind})."
    if built_in:
        others = "the other one" if built_in == 1 else f"the {built_in} others"
        pieces.append(f"{others} built in ({kind})")
    return "Templates: " + "; ".join(pieces) + "."


def export(target: Path, overwrite: bool = False, language: str = "fr") -> list[Path]:
    """Copy the six default templates into ``target`` for editing; never overwrite silently."""
    if target.exists() and not target.is_dir():
        raise FileProblem(f"{target}: exists and is not a folder")
    existing = [target / d.filename for d in DELIVERABLES if (target / d.filename).exists()]
    if existing and not overwrite:
        names = ", ".join(p.name for p in existing)
        raise FileProblem(f"{target}: already holds {names}; use --force to overwrite")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for deliverable in DELIVERABLES:
        destination = target / deliverable.filename
        shutil.copyfile(packaged_dir(language) / deliverable.filename, destination)
        written.append(destination)
    return written


# ---------------------------------------------------------------------- branding


def tint(color: str, amount: float = 0.82) -> str:
    """A light tint of ``color`` (hex): ``1F4E79`` -> a pale blue, for shaded rows."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in (red, green, blue))


def apply_brand_color(tpl: DocxTemplate, color: str) -> None:
    """Recolour the default templates' primary colour and tint in styles, body, headers, footers."""
    color = color.lstrip("#").upper()
    if color == DEFAULT_PRIMARY:
        return
    mapping = {DEFAULT_PRIMARY: color, DEFAULT_TINT: tint(color)}
    document = tpl.docx
    roots = [document.styles.element, document.element.body]
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            roots.append(part._element)
    for root in roots:
        for element in root.iter():
            for attr, value in element.attrib.items():
                if value.upper() in mapping and attr.rsplit("}", 1)[-1] in ("val", "fill", "color"):
                    element.set(attr, mapping[value.upper()])


# ---------------------------------------------------------------------- reading a template


def package(path: Path, name: str) -> bytes:
    """A template's .docx, read within bounds, as the only bytes python-docx will see.

    The file must be a regular file within the template size cap (``common.files``); its zip
    directory is checked and its parts inflated within bounds by ``render.package``.

    Raises:
        FileProblem: missing, not a regular file, too large.
        TemplateProblem: a package outside the bounds or damaged.
    """
    from .package import checked_package, outside_content

    data = checked_package(read_bytes(path, name, "template"), name)
    outside = outside_content(data)
    if outside:
        more = f" (and {len(outside) - 1} more)" if len(outside) > 1 else ""
        raise TemplateProblem(name, f"content from outside the file: {outside[0]}{more}")
    return data


def open_template(data: bytes, name: str) -> SafeDocxTemplate:
    """The template of :func:`package`'s bytes, opened by docxtpl; a clear error if it cannot be."""
    import io

    from .docx_template import SafeDocxTemplate

    try:
        tpl = SafeDocxTemplate(io.BytesIO(data))
        tpl.init_docx()
    except Exception as error:  # python-docx raises many types on a damaged package
        raise TemplateProblem(name, f"cannot open the template: {error}") from None
    return tpl


FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def jinja_sources(tpl: DocxTemplate) -> Iterator[tuple[str, str]]:
    """(part name, Jinja source) of every part docxtpl renders: body, headers, footers, footnotes."""
    from docx.oxml import parse_xml

    tpl.init_docx()
    body = tpl.patch_xml(tpl.get_xml())
    yield "document", _lines_per_paragraph(body)
    for uri, kind in ((tpl.HEADER_URI, "header"), (tpl.FOOTER_URI, "footer")):
        for _key, rel in tpl.docx._part.rels.items():
            if rel.reltype == uri and rel.target_part.blob:
                xml = tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
                yield kind, _lines_per_paragraph(xml)
    for part in tpl.docx.part.package.parts:
        if part.content_type == FOOTNOTES:
            blob = part.blob
            text = blob.decode("utf-8") if isinstance(blob, bytes) else blob
            yield "footnotes", _lines_per_paragraph(tpl.patch_xml(text))


def _lines_per_paragraph(xml: str) -> str:
    # docxtpl renders with one line per paragraph: error line numbers then point at a paragraph.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def syntax_context(source: str, lineno: int | None) -> list[str]:
    """The text of the paragraphs around a syntax error, tags stripped (what docxtpl calls docx_context)."""
    if not lineno:
        return []
    lines = source.splitlines()
    start = max(lineno - 3, 0)
    return [re.sub(r"<[^>]+>", "", line) for line in lines[start : lineno + 2]]


def parse(tpl: DocxTemplate, name: str) -> list[tuple[str, nodes.Template]]:
    """(part, tree) of every part of a template; a syntax error names its place."""
    from jinja2 import TemplateSyntaxError

    env = make_environment()
    trees = []
    for part, source in jinja_sources(tpl):
        try:
            trees.append((part, env.parse(source)))
        except TemplateSyntaxError as error:
            where = f"{name} ({part})"
            raise TemplateProblem(
                where,
                f"template syntax error: {error.message}",
                syntax_context(source, error.lineno),
            ) from None
        except RecursionError:
            raise TemplateProblem(
                f"{name} ({part})", "the template nests expressions too deeply to be read"
            ) from None
    return trees


def forbidden(trees: list[tuple[str, nodes.Template]], shape: dict[str, Any]) -> list[str]:
    """Each access of the template outside the allow-list (``render/allowlist.py``), with its part."""
    from .allowlist import audit

    found: list[tuple[str, Violation]] = []
    for part, tree in trees:
        found.extend((part, violation) for violation in audit(tree, shape))
    where = {"document": "the body"}
    return [f"{v} (in {where.get(part, 'a ' + part)})" for part, v in found]


# ---------------------------------------------------------------------- variables used


@dataclass
class Usage:
    """What a template uses that the context does not have: top-level names and attribute paths."""

    missing: list[str] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, choices: list[str]) -> None:
        if path in self.missing:
            return
        self.missing.append(path)
        leaf = path.rsplit(".", 1)[-1]
        close = difflib.get_close_matches(leaf, choices, n=1, cutoff=0.6)
        if close:
            self.hints[path] = path[: len(path) - len(leaf)] + close[0]

    def describe(self, path: str) -> str:
        hint = self.hints.get(path)
        return f"{path} (did you mean {hint!r}?)" if hint else path


_UNKNOWN = object()


def shape_of(value: Any) -> Any:
    """The schema-like shape of a built context (dict -> dict, list -> [item], other -> leaf)."""
    from .results import Picture

    if isinstance(value, Picture):
        return "picture"
    if isinstance(value, dict):
        return {key: shape_of(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [shape_of(value[0])] if value else [_UNKNOWN]
    return "value"


def unknown_variables(trees: list[tuple[str, nodes.Template]], shape: dict[str, Any]) -> Usage:
    """Every variable and attribute a template reads that ``shape`` does not provide."""
    from jinja2 import TemplateError, meta

    usage = Usage()
    for _part, tree in trees:
        try:
            names = meta.find_undeclared_variables(tree)
        except TemplateError:  # a filter or test the sandbox lacks: the audit reports it
            names = set()
        for name in sorted(names):
            if name not in shape and name not in JINJA_NAMES:
                usage.add(name, list(shape))
        _walk(tree, {name: (value, name) for name, value in shape.items()}, usage)
    return usage


def _walk(node: nodes.Node, scope: dict[str, tuple[Any, str]], usage: Usage) -> None:
    from jinja2 import nodes

    if isinstance(node, nodes.For):
        _walk(node.iter, scope, usage)
        shape, path = _resolve(node.iter, scope, usage)
        inner = dict(scope)
        inner["loop"] = (_UNKNOWN, "loop")
        if isinstance(node.target, nodes.Name):
            item = shape[0] if isinstance(shape, list) else _UNKNOWN
            inner[node.target.name] = (item, f"{path}[]")
        else:
            for target in node.target.find_all(nodes.Name):
                inner[target.name] = (_UNKNOWN, target.name)
        for child in [*node.body, *node.else_]:
            _walk(child, inner, usage)
        if node.test is not None:
            _walk(node.test, inner, usage)
        return
    if isinstance(node, nodes.Assign | nodes.AssignBlock):
        for target in node.target.find_all(nodes.Name):
            scope[target.name] = (_UNKNOWN, target.name)
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        _resolve(node, scope, usage)
        return
    for child in node.iter_child_nodes():
        _walk(child, scope, usage)


def _resolve(node: nodes.Node, scope: dict[str, tuple[Any, str]], usage: Usage) -> tuple[Any, str]:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return scope.get(node.name, (_UNKNOWN, node.name))
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        base, path = _resolve(node.node, scope, usage)
        if isinstance(node, nodes.Getattr):
            key: Any = node.attr
        elif isinstance(node.arg, nodes.Const):
            key = node.arg.value
        else:
            _walk(node.arg, scope, usage)
            return _UNKNOWN, path
        if isinstance(base, dict) and isinstance(key, str):
            if key in base:
                return base[key], f"{path}.{key}"
            usage.add(f"{path}.{key}", list(base))
        return _UNKNOWN, f"{path}.{key}"
    for child in node.iter_child_nodes():
        _walk(child, scope, usage)
    return _UNKNOWN, "?"


# ---------------------------------------------------------------------- check


@dataclass
class Finding:
    """One result of `templates check`: an error stops a render, a warning may be a typo."""

    file: str
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.level}: {self.message}"


def check_file(path: Path) -> list[Finding]:
    """Check one template: it opens within bounds, parses, touches only what the allow-list
    allows, uses documented variables, keeps Jinja out of properties; warn on what would make
    its documents inaccessible (a picture without alternative text, a skipped heading level)."""

    from .invoice import INVOICE
    from .workshop.catalog import BY_TEMPLATE, TEMPLATE_FILES, as_deliverable

    name = str(path)
    piece = BY_TEMPLATE.get(path.name)
    if piece is not None and path.suffix == ".pptx":
        return _check_deck(path, name)
    if piece is not None:
        from .workshop.schema import KIT_CONTEXTS

        deliverable = as_deliverable(piece)
        schema = KIT_CONTEXTS[deliverable.name]
    else:
        found = INVOICE if path.name == INVOICE.filename else BY_FILENAME.get(path.name)
        if found is None:
            known = ", ".join(
                [*(d.filename for d in DELIVERABLES), INVOICE.filename, *TEMPLATE_FILES]
            )
            return [
                Finding(
                    name,
                    "warning",
                    f"not a deliverable's file name, so never used (expected one of {known})",
                )
            ]
        deliverable = found
        schema = CONTEXTS[deliverable.name]
    from .package import checked_package, outside_content

    try:
        data = checked_package(read_bytes(path, name, "template"), name)
    except FileProblem as problem:
        return [Finding(name, "error", str(problem).removeprefix(f"{name}: "))]
    except TemplateProblem as problem:
        return [Finding(name, "error", problem.message)]
    outside = [
        Finding(name, "error", f"content from outside the file: {line}")
        for line in outside_content(data)
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        findings = [
            Finding(name, "error", f"{entry} is not well-formed XML: {error}")
            for entry, error in malformed_parts(archive)
        ]
    if findings or outside:
        return findings + outside
    try:
        tpl = open_template(data, name)
    except TemplateProblem as problem:
        return [Finding(name, "error", problem.message)]
    try:
        trees = parse(tpl, name)
    except TemplateProblem as problem:
        return [Finding(name, "error", "\n".join([problem.message, *problem.lines()[1:]]))]
    findings.extend(
        Finding(name, "error", f"forbidden in a template: {access}")
        for access in forbidden(trees, schema)
    )
    usage = unknown_variables(trees, schema)
    for path_used in usage.missing:
        findings.append(
            Finding(
                name,
                "warning",
                f"{usage.describe(path_used)} is not in the documented context of {deliverable.name}",
            )
        )
    props = tpl.docx.core_properties
    for prop in (
        "title",
        "subject",
        "author",
        "comments",
        "keywords",
        "category",
        "identifier",
        "language",
    ):
        value = getattr(props, prop) or ""
        if "{{" in value or "{%" in value:
            findings.append(
                Finding(
                    name,
                    "error",
                    f"Jinja in the document property {prop!r}: remove it (properties are set by dialogue)",
                )
            )
    findings.extend(_styles(tpl, name))
    from .accessibility import problems

    # What its documents would lack for a reader with a screen reader (RGAA): the static order
    # of the headings is the order every rendered document keeps.
    findings.extend(Finding(name, "warning", message) for message in problems(data))
    return findings


def _styles(tpl: DocxTemplate, name: str) -> list[Finding]:
    """Paragraph and table styles referenced by id but absent from styles.xml."""
    from docx.oxml.ns import qn

    defined = {style.style_id for style in tpl.docx.styles}
    used: set[str] = set()
    for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
        for element in tpl.docx.element.body.iter(qn(tag)):
            used.add(element.get(qn("w:val")))
    missing = sorted(used - defined)
    findings = [
        Finding(name, "warning", f"style {style!r} is used but not defined") for style in missing
    ]
    for style in REQUIRED_STYLES:
        if style not in {s.name for s in tpl.docx.styles}:
            findings.append(Finding(name, "error", f"style {style!r} is missing"))
    return findings


def _check_deck(path: Path, name: str) -> list[Finding]:
    """A deck template of the workshop kit: bounded, nothing fetched or run, usable layouts."""
    from .package import checked_package
    from .workshop.deck import check_deck_template

    try:
        data = checked_package(read_bytes(path, name, "template"), name)
    except FileProblem as problem:
        return [Finding(name, "error", str(problem).removeprefix(f"{name}: "))]
    except TemplateProblem as problem:
        return [Finding(name, "error", problem.message)]
    return [Finding(name, level, message) for level, message in check_deck_template(data, name)]


def _templates_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.docx")) + sorted(folder.glob("*.pptx"))


def check_dir(folder: Path | None) -> list[tuple[Path, list[Finding]]]:
    """Check every .docx and .pptx in ``folder`` (default: the packaged templates, French and
    English): the deliverables', the invoice's and the workshop kit's."""
    if folder is None:
        files = _templates_in(packaged_dir("fr")) + _templates_in(packaged_dir("en"))
    else:
        if not folder.exists():
            raise FileProblem(f"{folder}: no such folder")
        files = [folder] if folder.is_file() else _templates_in(folder)
        if not files:
            raise FileProblem(f"{folder}: no .docx or .pptx templates in this folder")
    return [(path, check_file(path)) for path in files if not path.name.startswith("~$")]
