"""Texts as a participant would read them: markup, tokens, guards and contact data removed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.importers.cleaning import MAX_TEXT, Cleaner


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # Decidim's guard against formulas is removed (the writer puts it back where needed).
        ("'=1+1", "=1+1"),
        ("'@Camille", "@Camille"),
        ("'Tis", "'Tis"),
        # A HYPERLINK body becomes the link a reader would see.
        (
            '=HYPERLINK("https://evil.example/x";"Cliquez ici")',
            "Cliquez ici (https://evil.example/x)",
        ),
        ('\'=LIEN_HYPERTEXTE("https://x.example")', "https://x.example"),
        # HTML: tags removed, scripts with their content, entities decoded, blocks as lines.
        ("<p>Bonjour &amp; <b>merci</b></p><script>alert(1)</script>", "Bonjour & merci"),
        ("<ul><li>un</li><li>deux</li></ul>", "• un\n• deux"),
        ("<p>un</p><p>deux</p>", "un\ndeux"),
        ("Pas de balise ici &eacute;videmment", "Pas de balise ici évidemment"),
        ("a < b et 3 > 2", "a < b et 3 > 2"),
        # Markdown marks.
        ("**Gras** et _italique_ et ~~barré~~", "Gras et italique et barré"),
        (
            "[le site](https://ormessac.example) et ![photo](https://x/p.png)",
            "le site (https://ormessac.example) et photo",
        ),
        ("[https://x.example](https://x.example)", "https://x.example"),
        ("# Titre\n> cité\n- un\n* deux", "Titre\ncité\n• un\n• deux"),
        ("snake_case_name et 5*3*2 restent", "snake_case_name et 5*3*2 restent"),
        # Decidim's mention tokens.
        ("Merci gid://ormessac/Decidim::User/377 !", "Merci [nom masqué] !"),
        (
            "gid://o/Decidim::UserGroup/5 et gid://o/Decidim::Hashtag/3/_jardins",
            "[nom masqué] et #jardins",
        ),
        ("voir gid://o/Decidim::Proposals::Proposal/145", "voir [proposition 145]"),
        # Contact data.
        ("écrire à jm.petit+ormessac@mail.example.fr.", "écrire à [adresse électronique masquée]."),
        (
            "06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78 ou 0033612345678",
            "[téléphone masqué], [téléphone masqué], [téléphone masqué] ou [téléphone masqué]",
        ),
        ("150 000 € le 2027-05-14, 3 200 habitants", "150 000 € le 2027-05-14, 3 200 habitants"),
        # Control characters, spaces, blank lines, combining accents.
        ("x\x1b[31my\u202ez\x00", "x[31myz"),
        ("  un   deux \t trois \r\n\r\n\r\n\r\nquatre  ", "un deux trois\n\nquatre"),
        ("Cafe\u0301", "Café"),
        ("", ""),
    ],
)
def test_one_rule_at_a_time(raw: str, clean: str) -> None:
    assert Cleaner("fr")(raw) == clean


def test_placeholders_follow_the_language() -> None:
    english = Cleaner("en")
    assert english("mail me: a@b.example, call 06 12 34 56 78") == (
        "mail me: [e-mail removed], call [phone number removed]"
    )
    assert english("see gid://o/Decidim::Proposals::Proposal/9") == "see [proposal 9]"
    assert english("thanks gid://o/Decidim::User/9") == "thanks [name removed]"


def test_addresses_and_civilities_are_masked_by_the_projects_rule() -> None:
    assert Cleaner("fr")("J'habite 12 rue des Lilas, 49000 Ormessac ; demandez à M. Dupont") == (
        "J'habite [adresse masquée], [adresse masquée] ; demandez à M. [nom masqué]"
    )


def test_counts_the_texts_where_it_masked_something() -> None:
    cleaner = Cleaner("fr")
    cleaner("a@b.example c@d.example 0612345678 gid://o/Decidim::User/1 gid://o/Decidim::User/2")
    cleaner("rien à masquer")
    cleaner("e@f.example")
    assert dict(cleaner.masked) == {"mention": 1, "email": 2, "phone": 1}


def test_a_text_longer_than_the_model_allows_is_cut() -> None:
    cleaner = Cleaner("fr")
    text = cleaner("mot " * 6000)
    assert len(text) == MAX_TEXT and text.endswith("…") and cleaner.truncated == 1


PIECES = ["<p>", "</p>", "<script>x</script>", "**", "_", "[", "](", "gid://a/Decidim::User/1",
          "'=", "@", "\r\n", "<!-- c -->", "&amp;", "\u202e", "\x1b"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
        | st.sampled_from(PIECES),
        max_size=20,
    ).map("".join)
)
def test_whatever_the_text_the_result_is_safe(raw: str) -> None:
    text = Cleaner("fr")(raw)
    assert "gid://" not in text
    assert "<script" not in text.lower()
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
    assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert text == text.strip() and len(text) <= MAX_TEXT
