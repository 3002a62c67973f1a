"""LimeSurvey: the responses CSV (or XLSX), one row per response, one column per question.

Read from LimeSurvey's ``CsvWriter.php`` (platforms.md): UTF-8 with BOM, every field quoted, the
separator chosen at export (``;`` by default); metadata columns ``id, submitdate, lastpage,
startlanguage, seed`` and, depending on the survey, ``token, startdate, datestamp, ipaddr,
refurl`` (or their labels when headings are the full question texts); then the questions,
headed by their code (``Q2``, ``Q2[SQ001]``, ``Q3[other]``), their text or an abbreviation.
Tokens, IP addresses and the referrer are dropped; so are questions asking for a name, an
e-mail, a phone, a postal code or an age.

Mapping keys: ``question`` (the code, or the text when headings are texts), and any column,
e.g. a question whose answer gives the scenario.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..engagement.model.base import fold
from .context import Context
from .reading import Export, table
from .records import Record, Skipped
from .surveys import Question, answers

NAME = "limesurvey"
LABEL = "LimeSurvey"
PREFIX = "LS"

_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*$")
_RESPONSE = ("id", "response id", "id de la reponse", "id de reponse", "identifiant de la reponse")
_SUBMITTED = (
    "submitdate",
    "date submitted",
    "date de soumission",
    "date d'envoi",
    "date de completion",
)
META = frozenset(
    (*_RESPONSE, *_SUBMITTED, "lastpage", "last page", "derniere page", "startlanguage",
     "start language", "langue de depart", "seed", "graine", "startdate", "date started",
     "date de debut", "datestamp", "date last action", "date de la derniere action")
)  # fmt: skip


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    tab = table(export, ctx.personal, ctx.renames)
    if not tab.header:
        return iter(())
    ctx.kind = "survey responses"
    ctx.primary_keys = ("question",)
    questions: list[Question] = []
    respondent = submitted = ""
    for at, header in enumerate(tab.header, start=1):
        key = fold(header)
        if key in _RESPONSE and not respondent:
            respondent = header
        if key in _SUBMITTED and not submitted:
            submitted = header
        if key in META or ctx.personal.kind(header) is not None:
            continue
        code = bool(_CODE.match(header))
        id_part = header if code and len(header) <= 24 else f"c{at}"
        ctx.questions[header] = header
        questions.append(Question(header, header, header, id_part))
    return answers(tab.rows, questions, respondent, submitted)
