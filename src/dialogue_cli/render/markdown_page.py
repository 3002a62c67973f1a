"""The communication externe as Markdown, for a site or a newsletter that takes Markdown.

The same context and the same sections as the HTML fragment (:mod:`.html_page`): a ``#`` title
(the scheme's name), ``##`` sections, ``###`` parts, lists, block quotes, a pipe table with its
header row. Every text from the engagement is escaped, so that a ``*``, a ``#`` at the start of a
line or a ``<script>`` stays text: Markdown lets raw HTML through, this writer never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .web_words import LABELS

# Characters Markdown gives a meaning to, anywhere in a line.
_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!~])")
# A line starting like a list, a heading or a quote.
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])(?=\s|$)", re.MULTILINE)


def md(text: object) -> str:
    """Text escaped for Markdown: special characters and HTML are shown as typed."""
    value = str(text).replace("&", "&amp;").replace("\r\n", "\n").replace("\r", "\n")
    value = _SPECIAL.sub(r"\\\1", value)
    value = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), value)
    return " ".join(line.strip() for line in value.split("\n"))


def _ul(items: Iterable[str]) -> list[str]:
    return [f"- {md(item)}" for item in items]


def _quotes(quotes: Iterable[str]) -> list[str]:
    out = []
    for quote in quotes:
        out += [f"> {md(quote)}", ""]
    return out


def page(context: Mapping[str, Any]) -> str:
    """The Markdown of the communication externe's ``context``."""
    c = context
    language = "en" if c["doc"]["language"] == "en" else "fr"
    w = LABELS[language]
    colon = "\u00a0:" if language == "fr" else ":"
    out: list[str] = [f"# {md(c['doc']['title'])}", "", f"*{md(c['scheme']['updated'])}*", ""]

    def section(title: str, lines: list[str]) -> None:
        out.extend([f"## {md(title)}", "", *lines, ""])

    ess = c["essentials"]
    section(
        w["essentials"],
        [
            f"- **{md(label)}**{colon} {md(value)}"
            for label, value in (
                (w["what"], ess["what"]),
                (w["next"], ess["next"]),
                (w["how"], ess["how"]),
                (w["after"], ess["after"]),
            )
        ],
    )
    lines = [md(c["scheme"]["summary"]), ""]
    if c["workshops"]["sentence"]:
        lines += [md(c["workshops"]["sentence"]), ""]
    for key in ("done", "ahead"):
        if c["steps"][key]:
            lines += [f"### {md(w['steps_' + key])}", "", *_ul(c["steps"][key]), ""]
    section(w["process"], lines)
    lines = [md(w["meetings_intro"]), ""] if c["meetings"] else []
    for m in c["meetings"]:
        lines += [f"### {md(m['label'])}", "", f"- **{md(w['when'])}**{colon} {md(m['when'])}"]
        if m["place"]:
            lines.append(f"- **{md(w['where'])}**{colon} {md(m['place'])}")
        if m["access"]:
            lines.append(f"- **{md(w['access'])}**{colon} {md(m['access'])}")
        who = md(m["who"]) + (f" ; {md(m['registration'])}" if m["registration"] else "")
        lines += [f"- **{md(w['who'])}**{colon} {who}", ""]
        if m["description"]:
            lines += [md(m["description"]), ""]
    if c["meetings_none"]:
        lines += [md(c["meetings_none"]), ""]
    section(w["meetings"], lines)
    lines = [md(c["said"]["intro"]), ""] if c["said"]["intro"] else []
    heard = c["heard"]
    if heard["options"]:
        lines += [f"### {md(heard['title'])}", "", md(heard["intro"]), ""]
        for option in heard["options"]:
            lines += [f"**{md(option['option'])}**", "", *_quotes(option["quotes"])]
    for d in c["said_done"]:
        lines += [f"### {md(d['done'])}", "", *_quotes(d["said"])]
        for key in ("details", "origin", "changes", "tests", "rationale"):
            if d[key]:
                lines += [f"**{md(w['said_' + key])}** {md(d[key])}", ""]
    if c["quotes_consent"]:
        lines += [f"*{md(c['quotes_consent'])}*", ""]
    section(c["said"]["title"], lines)
    lines = (
        _ul(c["negotiable"]) if c["negotiable"] else [f"*{md(w['todo'] + w['negotiable_todo'])}*"]
    )
    if c["non_negotiable"]:
        lines += ["", f"### {md(w['not_negotiable'])}", "", *_ul(c["non_negotiable"])]
    section(w["negotiable"], lines)
    if c["commitments"]:
        lines = [f"| {md(w['commitment'])} | {md(w['delay'])} |", "|---|---|"]
        lines += [f"| {md(x['label'])} | {md(x['delay'])} |" for x in c["commitments"]]
    else:
        lines = [f"*{md(w['todo'] + w['commitments_todo'])}*"]
    section(w["commitments"], lines)
    rules = c["rules"]
    lines = [f"- **{md(r['label'])}**{colon} {md(r['text'])}" for r in rules["items"]]
    lines += _ul(rules["other"])
    if rules["todo"]:
        lines.append(f"*{md(w['todo'] + rules['todo'])}*")
    section(w["rules"], lines)
    contact = c["contact"]
    lines = [md(w["contact_intro"]), "", f"**{md(contact['name'])}**", ""]
    lines += [f"- {md(x['label'])}{colon} {md(x['value'])}" for x in contact["lines"]]
    if contact["todo"]:
        lines.append(f"*{md(w['todo'] + contact['todo'])}*")
    section(w["contact"], lines)
    privacy = c["privacy"]
    lines = [md(privacy["intro"]), ""]
    lines += [f"- **{md(r['label'])}**{colon} {md(r['value'])}" for r in privacy["rows"]]
    lines += ["", md(privacy["quotes"])]
    section(w["privacy"], lines)
    if c["glossary"]:
        section(
            w["glossary"],
            [f"- **{md(g['term'])}**{colon} {md(g['meaning'])}" for g in c["glossary"]],
        )
    if c["credit"]:
        out += [f"*{md(c['credit'])}*", ""]
    return "\n".join(out).rstrip() + "\n"
