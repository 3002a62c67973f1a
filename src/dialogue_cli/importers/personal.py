"""Personal data kept out of every import: the columns that hold them, and names inside texts.

A column is personal when its header names a person's identity: a name, a username, an e-mail
(CONSUL's ``Author`` holds one), a phone, an IP address or its hash, a postal code, an age, a user
id, a survey token, a profile link. Headers are read in English and French, as written by the
platforms or as question texts (« Votre adresse e-mail », « Quel est votre âge ? »). Such cells
are removed from each row before a platform module sees it; only a contributor's identity is
kept aside, to count distinct contributors (and, when asked, to write a salted hash of it).

Names seen in those columns are also looked for in the texts (« Merci Camille D. ») and
replaced, since replies often address people by name.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT_HEADER = re.compile(r"[^a-z0-9]+")

AUTHOR = _words("author authors auteur auteurs autor")
PERSON = AUTHOR | _words(
    "user utilisateur utilisatrice participant participante contributor "
    "contributeur contributrice respondent repondant repondante commenter member membre "
    "votre vos your citizen signataire"
)
NAME_WORDS = _words("name names nom noms")
NAME_ONLY = _words(
    "name nom first last full family given de famille et and complet votre your prenom"
)
USERNAME = _words(
    "username nickname pseudo pseudonyme login firstname lastname surname fullname prenom prenoms"
)
EMAIL = _words("email mail courriel emails")
PHONE = _words("phone telephone tel mobile portable gsm cellphone")
POSTAL = _words("zip zipcode postcode postalcode cp")
AGE = _words("age ages birth birthdate birthday naissance")
TOKEN = _words("token jeton tokens")
IDS = _words("id uid identifiant userid authorid")
REFERRER = _words("refurl referrer referer")
STAFF = _words(
    "admin administrator administrateur administrador valuator valuators evaluateur evaluador "
    "moderator moderateur moderador"
)  # CONSUL's budget investments name the staff who handled them

# Which identity is kept, to count contributors: the most stable first.
IDENTITY_ORDER = (
    "user id", "e-mail", "username", "name", "author", "token", "IP hash", "IP address",
)  # fmt: skip
NAME_KINDS = frozenset(("name", "username", "author", "staff name"))
NOT_AN_IDENTITY = _words("type status statut count nombre votes vote date at le created updated")


def _tokens(header: str) -> list[str]:
    spaced = _CAMEL.sub(" ", header)
    folded = unicodedata.normalize("NFKD", spaced.lower()).encode("ascii", "ignore").decode()
    folded = folded.replace("e-mail", "email").replace("e mail", "email")
    return [t for t in _SPLIT_HEADER.split(folded) if t]


def personal_kind(header: str) -> str | None:
    """What personal datum a column holds, from its header; ``None`` when it holds none.

    >>> personal_kind("author/name"), personal_kind("category/name/fr")
    ('name', None)
    """
    tokens = _tokens(header)
    if not tokens:
        return None
    words = set(tokens)
    person = bool(words & PERSON)
    if words & EMAIL:
        return "e-mail"
    if words & PHONE:
        return "phone"
    if "ip" in words or "ipaddr" in words or "ipaddress" in words:
        return "IP hash" if words & {"hash", "hachage", "hashed"} else "IP address"
    if words & POSTAL or ("postal" in words and "code" in words) or "postale" in words:
        return "postal code" if "postale" not in words or "code" in words else "postal address"
    if words & AGE:
        return "age"
    if words & TOKEN or ("session" in words and "token" in header.lower()):
        return "token"
    if words & REFERRER:
        return "referrer"
    if words & STAFF and not words & NOT_AN_IDENTITY:
        return "staff name"
    if words & {"created", "cree", "creee", "posted"} and words & {"by", "par"}:
        return "author"  # a board's "Created by"
    if words & {"type", "status", "statut"}:
        return None  # "author type" (citizen, organisation), "user status" (registered): not identities
    if words & USERNAME:
        return (
            "username"
            if words & {"username", "nickname", "pseudo", "pseudonyme", "login"}
            else "name"
        )
    if (person and words & (IDS | {"uuid"})) or tokens == ["uid"]:
        return "user id"
    if person and words & {"url", "link", "lien", "profile", "profil"}:
        return "profile link"
    if words & NAME_WORDS and (person or words <= NAME_ONLY):
        return "name"
    if person and words & {"adresse", "address"}:
        return "postal address"
    if words & AUTHOR and not words & NOT_AN_IDENTITY:
        return "author"  # "Author", "Comment Author": a name, or an e-mail in CONSUL
    if words <= {"user", "utilisateur", "participant", "participante", "contributor"}:
        return "author"
    return None


@dataclass
class PersonalData:
    """Removes the personal cells of each row; remembers what was dropped and who wrote what."""

    kinds: dict[str, str | None] = field(default_factory=dict)
    dropped: dict[str, str] = field(default_factory=dict)  # header -> kind, in order of first sight
    names: set[str] = field(default_factory=set)
    row: dict[str, str] = field(default_factory=dict)  # the personal cells of the last row split
    _plans: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def kind(self, header: str) -> str | None:
        found = self.kinds.get(header, "")
        if found == "":
            found = self.kinds[header] = personal_kind(header)
        return found

    def split(self, cells: dict[str, str]) -> str:
        """Remove the personal cells of ``cells`` (in place); return the contributor's identity."""
        keys = tuple(cells)
        plan = self._plans.get(keys)
        if plan is None:
            plan = tuple((k, kind) for k in keys if (kind := self.kind(k)) is not None)
            if len(self._plans) < 1000:
                self._plans[keys] = plan
        self.row = {}
        if not plan:
            return ""
        found: dict[str, str] = {}
        for key, kind in plan:
            value = cells.pop(key).strip()
            self.row[key] = value
            if key not in self.dropped:
                self.dropped[key] = kind
            if value:
                found.setdefault(kind, value)
                if kind in NAME_KINDS and "@" not in value:
                    self.names.add(value)
        return identity_of(found)


def identity_of(found: dict[str, str]) -> str:
    """The most stable identity among personal values by kind: ``"e-mail:jo@x.fr"``, or ``""``."""
    for kind in IDENTITY_ORDER:
        if found.get(kind):
            return f"{kind}:{found[kind].casefold()}"
    return ""


def contributor_hash(salt: bytes, platform: str, identity: str) -> str:
    """A salted hash of a contributor's identity, ``c-`` and 12 hex digits; ``""`` without one."""
    if not identity:
        return ""
    digest = hmac.new(salt, f"{platform}:{identity}".encode(), hashlib.sha256).hexdigest()
    return "c-" + digest[:12]


# ---------------------------------------------------------------- names inside texts

_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


class NameScrubber:
    """Replaces the contributors' names found in a text by a placeholder.

    A name of two words or more (« Camille D. », « Jean-Marc Petit ») is found whatever its case
    and accents; a one-word name (a nickname) only as written, and only from three letters on
    (or with a digit), so that a nickname « velo » does not swallow every « Vélo » of a cycling
    consultation.
    """

    def __init__(self, names: Iterable[str], placeholder: str) -> None:
        self.placeholder = placeholder
        self.sequences: dict[str, list[tuple[str, ...]]] = {}
        self.single: set[str] = set()
        for name in names:
            words = _WORD.findall(name)
            if len(words) >= 2 and any(len(w) >= 2 for w in words):
                folded = tuple(_ascii(w) for w in words)
                if all(folded):
                    self.sequences.setdefault(folded[0], []).append(folded[1:])
            elif len(words) == 1 and (len(words[0]) >= 3 or any(c.isdigit() for c in words[0])):
                self.single.add(words[0])
        for rests in self.sequences.values():
            rests.sort(key=len, reverse=True)
        self.first = set(self.sequences) | {_ascii(w) for w in self.single}
        self.replaced = 0  # names replaced
        self.changed = 0  # texts that held one

    def __bool__(self) -> bool:
        return bool(self.first)

    def __call__(self, text: str) -> str:
        if not text or set(_NON_WORD.split(_ascii(text))).isdisjoint(self.first):
            return text
        words = list(_WORD.finditer(text))
        folded = [_ascii(m.group()) for m in words]
        spans: list[tuple[int, int]] = []
        index = 0
        while index < len(words):
            length = self._match(words, folded, index)
            if length:
                spans.append((words[index].start(), words[index + length - 1].end()))
                index += length
            else:
                index += 1
        if not spans:
            return text
        self.replaced += len(spans)
        self.changed += 1
        out, last = [], 0
        for start, end in spans:
            out.append(text[last:start])
            out.append(self.placeholder)
            last = end
        out.append(text[last:])
        return "".join(out)

    def _match(self, words: list[re.Match[str]], folded: list[str], index: int) -> int:
        for rest in self.sequences.get(folded[index], ()):
            end = index + 1 + len(rest)
            if end <= len(words) and tuple(folded[index + 1 : end]) == rest:
                return 1 + len(rest)
        return 1 if words[index].group() in self.single else 0
