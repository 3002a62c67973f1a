"""Personal data in free text: what is masked, what is left, and that masking never leaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common.privacy import describe, findings, mask


@pytest.mark.parametrize(
    ("text", "masked", "kinds"),
    [
        (
            "Écrivez-moi à jean.dupont@example.org ou au 06 12 34 56 78 !",
            "Écrivez-moi à [adresse électronique masquée] ou au [téléphone masqué] !",
            ("email", "phone"),
        ),
        ("jean (at) mail (dot) fr", "[adresse électronique masquée]", ("email",)),
        ("tél. 05.61.00.00.00", "tél. [téléphone masqué]", ("phone",)),
        ("0612345678", "[téléphone masqué]", ("phone",)),
        (
            "+33 (0)6 12 34 56 78 ou +44 20 7946 0958",
            "[téléphone masqué] ou [téléphone masqué]",
            ("phone",),
        ),
        (
            "J'habite 12 rue des lilas et je trouve ça bien",
            "J'habite [adresse masquée] et je trouve ça bien",
            ("address",),
        ),
        (
            "mon adresse : 3 bis, avenue Jean-Jaurès, 31000 Toulouse",
            "mon adresse : [adresse masquée], [adresse masquée]",
            ("address",),
        ),
        ("rendez-vous 2 place de la République", "rendez-vous [adresse masquée]", ("address",)),
        ("M. Dupont et Mme Le Goff", "M. [nom masqué] et Mme [nom masqué]", ("name",)),
        # Titles are not names; common words that are street types are not addresses.
        (
            "Madame la Maire et Monsieur le Président",
            "Madame la Maire et Monsieur le Président",
            (),
        ),
        ("3 cours par semaine, 1 place de parking", "3 cours par semaine, 1 place de parking", ()),
        (
            "150 000 euros en 2027, 12 jours, 25 400 habitants",
            "150 000 euros en 2027, 12 jours, 25 400 habitants",
            (),
        ),
        # Flagged for the consultant, not masked: the words after it vary too much.
        ("Je m'appelle Sophie", "Je m'appelle Sophie", ("name",)),
    ],
)
def test_mask_and_findings(text: str, masked: str, kinds: tuple[str, ...]) -> None:
    assert mask(text) == masked
    assert findings(text) == kinds


def test_english_placeholders_and_description() -> None:
    assert mask("call 06 12 34 56 78", "en") == "call [phone number removed]"
    assert describe(("email", "phone")) == "an e-mail address and a phone number"
    assert describe(("address",)) == "a postal address"


WORDS = st.lists(
    st.sampled_from(
        ["le", "projet", "est", "bien", "Dupont", "mais", "rue", "3", "vote", "2027", "!", ","]
    ),
    max_size=12,
).map(" ".join)
LOCAL = st.from_regex(r"[a-z][a-z0-9._+-]{0,15}", fullmatch=True).filter(
    lambda s: not s.endswith(".")
)
DOMAIN = st.from_regex(r"[a-z][a-z0-9-]{0,10}\.(fr|org|com|eu)", fullmatch=True)
PHONE = st.tuples(
    st.sampled_from(["0", "+33 ", "+33", "0033 ", "+33 (0)"]),
    st.integers(1, 9),
    st.lists(st.integers(0, 99), min_size=4, max_size=4),
    st.sampled_from([" ", ".", "-", ""]),
).map(lambda t: t[0] + str(t[1]) + "".join(t[3] + f"{n:02d}" for n in t[2]))


@given(WORDS, LOCAL, DOMAIN, PHONE, WORDS)
def test_no_email_or_phone_survives_masking(
    before: str, local: str, domain: str, phone: str, after: str
) -> None:
    email = f"{local}@{domain}"
    text = f"{before} {email} {after} {phone}."
    out = mask(text)
    assert email not in out
    assert "@" not in out
    digits = re.sub(r"\D", "", phone)
    assert digits[-8:] not in re.sub(r"\D", "", out)
    assert mask(out) == out  # idempotent
    assert set(findings(text)) >= {"email", "phone"}


@given(st.text(max_size=300))
def test_mask_never_fails_and_is_idempotent(text: str) -> None:
    out = mask(text)
    assert mask(out) == out
