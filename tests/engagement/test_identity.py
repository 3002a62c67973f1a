"""Identity numbers by python-stdnum: SIREN, SIRET, VAT number and its key, IBAN, BIC; located."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.model import Client, Consultant
from dialogue_cli.engagement.model.identity import (
    check_bic,
    check_iban,
    check_siren,
    check_siret,
    check_vat_number,
    format_iban,
)


def test_valid_numbers_are_kept_compact() -> None:
    assert check_siren("732 829 320") == "732829320"
    assert check_siret("732 829 320 00074") == "73282932000074"
    assert check_siret("732.829.320.00074") == "73282932000074"
    # La Poste's establishments: the sum of the digits is a multiple of 5, not Luhn
    assert check_siret("35600000000048") == "35600000000048"
    assert check_vat_number("fr 44 732829320") == "FR44732829320"
    assert check_iban("fr76 3000 6000 0112 3456 7890 189") == "FR7630006000011234567890189"
    assert format_iban("FR7630006000011234567890189") == "FR76 3000 6000 0112 3456 7890 189"
    assert check_bic("agri fr pp") == "AGRIFRPP"
    assert check_siren("") == check_siret("  ") == check_iban("") == check_bic("") == ""


@pytest.mark.parametrize(
    ("check", "value", "words"),
    [
        (check_siren, "732829321", "fails the SIREN check digit (Luhn)"),
        (check_siren, "73282932", "a SIREN has 9 digits, got 8"),
        (check_siret, "73282932000075", "fails the SIRET check digit (Luhn)"),
        (check_siret, "7328293200007", "a SIRET has 14 digits, got 13"),
        # superscript digits: Python's isdigit() says yes, int() says no (issue 11, Major 14)
        (check_siret, "7328293200007⁴", "'⁴' (superscript four) is not one of the digits 0-9"),
        # Arabic-Indic digits: isdigit() and int() both accept them; they are not a SIRET
        (
            check_siret,
            "٧٣٢٨٢٩٣٢٠٠٠٠٧٤",
            "'٧' (arabic-indic digit seven) is not one of the digits 0-9",
        ),
        (
            check_siret,
            "７３２８２９３２０００７４",
            "(fullwidth digit seven) is not one of the digits 0-9",
        ),
        # the key of FR44732829320 is 44: (12 + 3 x (732829320 mod 97)) mod 97
        (check_vat_number, "FR45732829320", "the key of SIREN 732829320 is 44"),
        (check_vat_number, "FR4473282932", "not a valid French VAT number"),
        (check_vat_number, "DE12345678", "not a valid intra-EU VAT number"),
        (check_iban, "FR7630006000011234567890188", "not a valid IBAN"),
        (check_iban, "FR76 3000 6000 0112 3456 7890 18⁹", "'⁹' (superscript nine)"),
        (check_bic, "AGRIFRP", "not a valid BIC"),
    ],
)
def test_bad_numbers_say_what_is_wrong(check: Callable[[str], str], value: str, words: str) -> None:
    with pytest.raises(ValueError) as caught:
        check(value)
    assert words in str(caught.value)


def test_a_french_vat_number_must_be_built_on_the_siret() -> None:
    assert (
        Consultant(siret="73282932000074", vat_number="FR44732829320").vat_number == "FR44732829320"
    )
    with pytest.raises(ValidationError, match="the SIRET's SIREN is 732829320"):
        # a valid VAT number, but of La Poste's SIREN 356000000 (key 39)
        Consultant(siret="73282932000074", vat_number="FR39356000000")


def test_the_client_siret_must_extend_its_siren() -> None:
    client = Client(name="Ville", siren="214909996", siret="21490999600016")
    assert (client.siren, client.siret, client.public) == ("214909996", "21490999600016", True)
    with pytest.raises(ValidationError, match="does not start with the client's SIREN 214909996"):
        Client(name="Ville", siren="214909996", siret="73282932000074")
    assert not Client(name="Coopérative", kind="prive").public


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_number_or_a_clear_message(text: str) -> None:
    for check in (check_siren, check_siret, check_vat_number, check_iban, check_bic):
        try:
            result = check(text)
        except ValueError as error:
            assert str(error) and "invalid literal" not in str(error)
        else:
            assert result == "" or (result.isascii() and result.isalnum())


def test_superscript_siret_is_located_in_the_file(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write(
        "id/engagement.yaml",
        """\
        client:
          name: Ville d'Essai
        consultant:
          name: Hélène Marchal
          siret: "7328293200007⁴"
          iban: FR76 3000 6000 0112 3456 7890 188
        """,
    )
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "invalid literal" not in result.output
    assert ":5:10: consultant.siret: " in result.stderr and "superscript four" in result.stderr
    assert ":6:9: consultant.iban: " in result.stderr and "not a valid IBAN" in result.stderr
