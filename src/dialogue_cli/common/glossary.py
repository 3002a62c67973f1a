"""The method's words in everyday words, per language: the glossary of the public documents.

A public document explains once every technical word it uses: :func:`terms_in` finds, in the
texts of a document, the terms of :data:`GLOSSARY` they contain (whole words, accents and case
ignored, a plural ``s`` allowed) and returns them with their explanation, in alphabetical order,
for the document's « Les mots de la démarche ». Each entry: the term as printed, the forms that
match it, the explanation in short everyday sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple


class Term(NamedTuple):
    """A word of the method and what it means, in everyday words."""

    term: str
    forms: tuple[str, ...]
    meaning: str


GLOSSARY: dict[str, tuple[Term, ...]] = {
    "fr": (
        Term("Séance de créativité", ("seance de creativite", "seances de creativite"),
             "Atelier de construction des solutions : réunion de travail où des élus, des agents et des habitants transforment les idées étudiées en "
             "solutions concrètes, puis vérifient qu'elles conviennent à chacun."),
        Term("Budget participatif", ("budget participatif", "budgets participatifs"),
             "Une partie du budget de la collectivité dont les habitants proposent l'usage, puis qu'ils "
             "choisissent par un vote."),
        Term("CNIL", ("cnil",),
             "Commission nationale de l'informatique et des libertés : l'autorité publique qui veille au "
             "respect de vos données personnelles. Vous pouvez lui adresser une réclamation."),
        Term("Comité de suivi", ("comite de suivi",),
             "Groupe d'élus, d'agents et d'habitants qui vérifie régulièrement que la démarche avance comme "
             "prévu et que les engagements sont tenus."),
        Term("Concertation", ("concertation",),
             "Discussion entre la collectivité et les habitants sur un projet, avant la décision."),
        Term("Conseil citoyen", ("conseil citoyen", "conseils citoyens"),
             "Groupe d'habitants d'un quartier prioritaire, prévu par la loi, qui participe aux décisions "
             "qui concernent ce quartier."),
        Term("Conseil de quartier", ("conseil de quartier", "conseils de quartier"),
             "Groupe d'habitants d'un quartier qui se réunit régulièrement pour parler avec la collectivité "
             "des projets du quartier."),
        Term("Convention citoyenne", ("convention citoyenne",),
             "Groupe d'habitants tirés au sort qui étudie un sujet pendant plusieurs séances, avec l'aide "
             "d'experts, puis remet ses propositions aux élus."),
        Term("Critères de recevabilité", ("criteres de recevabilite", "recevabilite", "recevable"),
             "Les conditions qu'une proposition doit remplir pour être étudiée, par exemple relever des "
             "compétences de la collectivité ou rester sous un montant."),
        Term("Délégué à la protection des données (DPO)", ("delegue a la protection des donnees", "dpo"),
             "La personne chargée de veiller, dans la collectivité, au respect de vos données personnelles. "
             "Vous pouvez lui écrire."),
        Term("Délibération", ("deliberation", "deliberations"),
             "Décision votée par l'assemblée élue de la collectivité."),
        Term("Droit de suite", ("droit de suite",),
             "L'engagement de la collectivité de dire à chacun ce que devient sa contribution."),
        Term("Facile à lire et à comprendre (FALC)", ("falc", "facile a lire et a comprendre"),
             "Une manière d'écrire simple, avec des phrases courtes, vérifiée par des personnes en situation "
             "de handicap intellectuel."),
        Term("Garant", ("garant", "garante"),
             "Personne neutre, extérieure à la collectivité, qui veille à ce que la démarche respecte ses "
             "règles et que chacun puisse s'exprimer."),
        Term("Instruction", ("instruction", "instruire", "instruisent", "instruit", "instruites"),
             "L'étude d'une proposition par les services de la collectivité : est-elle faisable, combien "
             "coûte-t-elle, qui s'en occupera ?"),
        Term("Modération", ("moderation", "modere", "moderes", "moderee"),
             "La relecture des messages avant ou après leur publication, pour retirer ceux qui sont "
             "injurieux ou sans rapport avec le sujet."),
        Term("Panel citoyen", ("panel citoyen", "panel"),
             "Groupe d'habitants choisis au hasard, qui se réunit plusieurs fois pour donner un avis sur "
             "une question posée par la collectivité."),
        Term("Plateforme participative", ("plateforme participative", "plateforme numerique", "decidim"),
             "Site internet où chacun peut donner son avis, déposer une idée et suivre les réponses de la "
             "collectivité."),
        Term("Quartier prioritaire (QPV)", ("quartier prioritaire", "qpv"),
             "Quartier où l'État et la commune renforcent leur action, parce que les habitants y ont en "
             "moyenne des revenus plus faibles."),
        Term("RGPD", ("rgpd",),
             "Règlement général sur la protection des données : la loi européenne qui protège vos données "
             "personnelles et vous donne des droits sur elles."),
        Term("Saisine", ("saisine", "saisines", "saisir"),
             "Demande d'avis adressée officiellement par la collectivité : elle pose une question et "
             "s'engage à répondre à l'avis rendu."),
        Term("Tirage au sort", ("tirage au sort", "tires au sort", "tiree au sort", "tirees au sort", "tire au sort"),
             "Choix de personnes au hasard sur une liste, par exemple la liste électorale : chacun a la "
             "même chance d'être choisi."),
        Term("Binôme", ("binome", "binomes"), "Deux personnes qui travaillent ensemble, par exemple un agent et un habitant."),
    ),
    "en": (
        Term("Creativity session", ("creativity session",),
             "A solutions workshop: a working meeting where elected members, staff and residents turn the ideas studied into "
             "practical solutions, then check that they work for everyone."),
        Term("Participatory budget", ("participatory budget", "participatory budgeting"),
             "A share of the public body's budget whose use residents propose, then choose by a vote."),
        Term("CNIL", ("cnil",),
             "The French data protection authority, which makes sure your personal data are respected. "
             "You may complain to it."),
        Term("Steering committee", ("steering committee", "monitoring committee"),
             "Elected members, staff and residents who check regularly that the scheme goes as planned and "
             "that its commitments are kept."),
        Term("Citizens' assembly", ("citizens' assembly", "citizens assembly", "citizens' convention"),
             "Residents drawn by lot who study a subject over several sessions, with experts, then hand "
             "their proposals to elected members."),
        Term("Data protection officer (DPO)", ("data protection officer", "dpo"),
             "The person who makes sure, within the public body, that your personal data are respected. "
             "You may write to them."),
        Term("Easy to read", ("easy to read", "easy-to-read", "easy read", "falc"),
             "A simple way of writing, with short sentences, checked by people with intellectual "
             "disabilities."),
        Term("Guarantor", ("guarantor",),
             "A neutral person from outside the public body who makes sure the scheme follows its rules and "
             "everyone can speak."),
        Term("GDPR", ("gdpr", "rgpd"),
             "The General Data Protection Regulation: the European law that protects your personal data and "
             "gives you rights over them."),
        Term("Moderation", ("moderation", "moderated"),
             "Reading messages before or after they are published, to remove abusive or off-topic ones."),
        Term("Citizens' panel", ("citizens' panel", "citizens panel", "panel"),
             "Residents chosen at random who meet several times to give their view on a question put by "
             "the public body."),
        Term("Participation platform", ("participation platform", "participatory platform", "digital platform", "decidim"),
             "A website where anyone can give their view, post an idea and follow the public body's answers."),
        Term("Drawing by lot", ("drawing by lot", "drawn by lot", "sortition"),
             "Choosing people at random from a list, such as the electoral roll: everyone has the same "
             "chance of being chosen."),
        Term("Neighbourhood council", ("neighbourhood council", "neighborhood council"),
             "Residents of a neighbourhood who meet regularly to talk with the public body about its "
             "projects there."),
        Term("Follow-up commitment", ("follow-up commitment", "right to follow-up"),
             "The public body's commitment to tell everyone what became of their contribution."),
    ),
}  # fmt: skip


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _pattern(language: str) -> tuple[re.Pattern[str], dict[str, Term]]:
    """One regular expression for every form of ``language`` (longest first), and its terms."""
    forms: dict[str, Term] = {}
    for term in GLOSSARY[language]:
        for form in term.forms:
            forms[_fold(form)] = term
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})s?(?![\w-])"), forms


def terms_in(texts: Iterable[str], language: str = "fr") -> list[Term]:
    """The glossary's terms found in ``texts``, each once, in alphabetical order."""
    pattern, forms = _pattern("en" if language == "en" else "fr")
    found: dict[str, Term] = {}
    for text in texts:
        if not text:
            continue
        for match in pattern.finditer(_fold(text)):
            term = forms[match.group(1)]
            found.setdefault(term.term, term)
    return sorted(found.values(), key=lambda t: _fold(t.term))
