"""The communication externe as an HTML fragment for the collectivité's website.

Written from the very context of the .docx (:func:`~.contexts.communication_externe.communication_externe`),
so that the three forms say the same. The fragment is meant to be pasted into a page of the
collectivité's site, under the page's own title (its ``h1``: the comment at the top says which):
its sections are ``h2`` and their parts ``h3``, never a level skipped. Accessible markup only
(RGAA): the language on the root element, lists for lists, a description list for labelled
values, a data table with a caption and header cells (``th`` with ``scope``), never a table for
layout, ``<time datetime>`` for dates, ``<address>`` for the contact, links only for an e-mail,
a phone number or a web address that are well formed. Every text is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .web_words import LABELS

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_WEB = re.compile(r"^(https?://)?([\w-]+\.)+[a-z]{2,}(/[\w./?=&%#~+-]*)?$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s.\u00a0\u202f()-]{6,}$")


def e(text: object) -> str:
    """Text escaped for HTML (quotes too)."""
    return html.escape(str(text), quote=True)


def link(key: str, value: str) -> str:
    """A ``mailto:``, ``tel:`` or ``https:`` link for a well-formed value, else the escaped text."""
    shown = e(value)
    if key == "email" and _EMAIL.match(value):
        return f'<a href="mailto:{e(value)}">{shown}</a>'
    if key == "website" and _WEB.match(value):
        target = value if value.lower().startswith(("http://", "https://")) else f"https://{value}"
        return f'<a href="{e(target)}">{shown}</a>'
    if key == "phone" and _PHONE.match(value):
        digits = re.sub(r"[^\d+]", "", value)
        if digits.startswith("0") and len(digits) == 10:  # a French number
            digits = "+33" + digits[1:]
        return f'<a href="tel:{e(digits)}">{shown}</a>'
    return shown


def _dl(pairs: Iterable[tuple[str, str]], raw: bool = False) -> str:
    rows = "".join(
        f"<dt>{e(label)}</dt><dd>{value if raw else e(value)}</dd>" for label, value in pairs
    )
    return f"<dl>{rows}</dl>"


def _ul(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>"


def _todo(text: str, prefix: str) -> str:
    return f'<p class="dialogue-todo"><em>{e(prefix)}{e(text)}</em></p>'


def _quotes(quotes: Iterable[str]) -> str:
    return "".join(f"<blockquote><p>{e(q)}</p></blockquote>" for q in quotes)


def page(context: Mapping[str, Any]) -> str:
    """The fragment of the communication externe's ``context``, as text (UTF-8 when written)."""
    c = context
    language = "en" if c["doc"]["language"] == "en" else "fr"
    w = LABELS[language]
    out: list[str] = [
        f"<!-- {e(w['comment'].format(title=c['doc']['title']))} -->",
        f'<article class="dialogue-page" lang="{language}">',
        f'<p class="dialogue-updated">{e(c["scheme"]["updated"])}</p>',
    ]

    def section(anchor: str, title: str, body: str) -> None:
        out.append(
            f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{e(title)}</h2>{body}</section>'
        )

    ess = c["essentials"]
    section(
        "essentiel",
        w["essentials"],
        _dl(
            [
                (w["what"], ess["what"]),
                (w["next"], ess["next"]),
                (w["how"], ess["how"]),
                (w["after"], ess["after"]),
            ]
        ),
    )
    body = f"<p>{e(c['scheme']['summary'])}</p>"
    if c["workshops"]["sentence"]:
        body += f"<p>{e(c['workshops']['sentence'])}</p>"
    for key in ("done", "ahead"):
        if c["steps"][key]:
            body += f"<h3>{e(w['steps_' + key])}</h3>" + _ul(c["steps"][key])
    section("demarche", w["process"], body)
    body = ""
    if c["meetings"]:
        body += f"<p>{e(w['meetings_intro'])}</p>"
    for m in c["meetings"]:
        when = e(m["when"])
        if m["datetime"]:
            when = f'<time datetime="{e(m["datetime"])}">{when}</time>'
        pairs = [(w["when"], when)]
        if m["place"]:
            pairs.append((w["where"], e(m["place"])))
        if m["access"]:
            pairs.append((w["access"], e(m["access"])))
        who = e(m["who"]) + (f" ; {e(m['registration'])}" if m["registration"] else "")
        pairs.append((w["who"], who))
        body += f"<h3>{e(m['label'])}</h3>" + _dl(pairs, raw=True)
        if m["description"]:
            body += f"<p>{e(m['description'])}</p>"
    if c["meetings_none"]:
        body += f"<p>{e(c['meetings_none'])}</p>"
    section("rendez-vous", w["meetings"], body)
    body = f"<p>{e(c['said']['intro'])}</p>" if c["said"]["intro"] else ""
    heard = c["heard"]
    if heard["options"]:
        body += f"<h3>{e(heard['title'])}</h3><p>{e(heard['intro'])}</p>"
        for option in heard["options"]:
            body += f"<p><strong>{e(option['option'])}</strong></p>" + _quotes(option["quotes"])
    for d in c["said_done"]:
        body += f"<h3>{e(d['done'])}</h3>" + _quotes(d["said"])
        for key in ("details", "origin", "changes", "tests", "rationale"):
            if d[key]:
                body += f"<p><strong>{e(w['said_' + key])}</strong> {e(d[key])}</p>"
    if c["quotes_consent"]:
        body += f'<p class="dialogue-note">{e(c["quotes_consent"])}</p>'
    section("contributions", c["said"]["title"], body)
    body = _ul(c["negotiable"]) if c["negotiable"] else _todo(w["negotiable_todo"], w["todo"])
    if c["non_negotiable"]:
        body += f"<h3>{e(w['not_negotiable'])}</h3>" + _ul(c["non_negotiable"])
    section("ouvert", w["negotiable"], body)
    if c["commitments"]:
        rows = "".join(
            f'<tr><th scope="row">{e(x["label"])}</th><td>{e(x["delay"])}</td></tr>'
            for x in c["commitments"]
        )
        body = (
            f"<table><caption>{e(w['commitments'])}</caption><thead><tr>"
            f'<th scope="col">{e(w["commitment"])}</th><th scope="col">{e(w["delay"])}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
    else:
        body = _todo(w["commitments_todo"], w["todo"])
    section("engagements", w["commitments"], body)
    rules = c["rules"]
    body = _dl([(r["label"], r["text"]) for r in rules["items"]]) if rules["items"] else ""
    body += _ul(rules["other"]) if rules["other"] else ""
    body += _todo(rules["todo"], w["todo"]) if rules["todo"] else ""
    section("regles", w["rules"], body)
    contact = c["contact"]
    lines = [f"<strong>{e(contact['name'])}</strong>"]
    lines += [f"{e(x['label'])} : {link(x['key'], x['value'])}" if language == "fr"
              else f"{e(x['label'])}: {link(x['key'], x['value'])}" for x in contact["lines"]]  # fmt: skip
    body = f"<p>{e(w['contact_intro'])}</p><address>" + "<br>".join(lines) + "</address>"
    body += _todo(contact["todo"], w["todo"]) if contact["todo"] else ""
    section("contact", w["contact"], body)
    privacy = c["privacy"]
    body = f"<p>{e(privacy['intro'])}</p>" + _dl(
        [(r["label"], r["value"]) for r in privacy["rows"]]
    )
    body += f"<p>{e(privacy['quotes'])}</p>"
    section("donnees", w["privacy"], body)
    if c["glossary"]:
        section("mots", w["glossary"], _dl([(g["term"], g["meaning"]) for g in c["glossary"]]))
    if c["credit"]:
        out.append(f'<p class="dialogue-credit"><small>{e(c["credit"])}</small></p>')
    out.append("</article>")
    return "\n".join(out) + "\n"
