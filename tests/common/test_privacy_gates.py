"""The cheap checks before each privacy pattern never change what is found or masked."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.common import privacy

PIECES = [
    "jean.dupont@mail.example", "jean (at) mail (dot) fr", "contact [arobase] ville.fr",
    "06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78", "0033 (0)6 12 34 56 78",
    "+44 20 7946 0958", "12 rue des Lilas", "3bis, avenue Jean-Jaurès", "14, bd Victor Hugo",
    "2 place de la République", "1 place de parking", "49000 Ormessac", "F-75011 Paris",
    "M. Dupont", "Madame Martin", "MONSIEUR Le Goff", "Me Durand", "Madame la Maire",
    "je m'appelle Léa", "My name is Tom", "il me semble", "(2027)", "12 %", "150 000 €", "x2",
    "le budget", "des quais", ",", ".", "\n", "Oui", "3", "42", "2027-05-14", "à", "cœur",
]  # fmt: skip


def reference_mask(text: str, language: str = "fr") -> str:
    """What mask did before the checks: every pattern, every time."""
    words = privacy.PLACEHOLDERS["en" if language == "en" else "fr"]
    for kind, pattern, _needs in privacy._patterns():
        text = pattern.sub(words[kind], text)

    def name(match: re.Match[str]) -> str:
        if not privacy._is_name(match):
            return match.group()
        return f"{match.group('civility')} {words[privacy.NAME]}"

    return privacy._CIVILITY.sub(name, text)


def reference_findings(text: str) -> tuple[str, ...]:
    found = {kind for kind, pattern, _needs in privacy._patterns() if pattern.search(text)}
    if any(
        privacy._is_name(m) for m in privacy._CIVILITY.finditer(text)
    ) or privacy._SELF_NAMED.search(text):
        found.add(privacy.NAME)
    return tuple(kind for kind in privacy.KINDS if kind in found)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(PIECES) | st.text(alphabet="aéM.0123456789 @(-/", max_size=8),
        max_size=8,
    ).map(" ".join),
    st.sampled_from(["fr", "en"]),
)
def test_the_checks_change_nothing(text: str, language: str) -> None:
    assert privacy.mask(text, language) == reference_mask(text, language)
    assert privacy.findings(text) == reference_findings(text)
