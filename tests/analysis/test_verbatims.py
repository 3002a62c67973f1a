"""The verbatim pool: bounded whatever the number of items, the most telling kept, spread."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.analysis.verbatims import KEPT, Pool
from dialogue_cli.engagement.feedback import Feedback


def item(n: int, text: str, intensity: int = 1, group: str = "citoyens", polarity: str = "+",
         scenario: str = "BP") -> Feedback:  # fmt: skip
    return Feedback(f"I{n}", "AT", group, scenario, polarity, intensity, ("RETOUR",), "", text,
                    f"Author {n}", "f.csv:1")  # fmt: skip


READABLE = "Un avis d'une longueur lisible, plus de trente signes."


def test_the_most_intense_are_kept_then_the_readable_then_the_first_read() -> None:
    pool = Pool()
    pool.add(item(1, READABLE + " un", 1))
    pool.add(item(2, "court", 3))  # intense but too short to read as a quote
    pool.add(item(3, READABLE + " trois", 3))
    pool.add(item(4, READABLE + " quatre", 2))
    pool.add(item(5, READABLE + " cinq", 3))
    pool.add(item(6, READABLE + " six", 3))  # replaces « quatre », the weakest kept
    pool.add(item(7, READABLE + " sept", 1))  # weaker than every kept one
    kept = [e[3].text.split()[-1] for e in pool.kept[("BP", "citoyens", "+")]]
    assert sorted(kept) == sorted(["trois", "cinq", "six", "court"])
    assert pool.count("BP") == 7


def test_selected_spreads_one_per_group_and_polarity_first() -> None:
    pool = Pool()
    for n in range(10):
        pool.add(item(n, f"{READABLE} cit+ {n}", 3))
    pool.add(item(20, f"{READABLE} cit-", 1, polarity="-"))
    pool.add(item(21, f"{READABLE} elus+", 1, group="elus"))
    chosen = pool.selected("BP", 3)
    assert {(q.group, q.polarity) for q in chosen} == {("citoyens", "+"), ("citoyens", "-"),
                                                       ("elus", "+")}  # fmt: skip
    assert [q.group for q in pool.selected("BP", 3, ["citoyens"])] == ["citoyens"] * 3


@given(st.lists(st.tuples(st.integers(1, 3), st.text(max_size=50)), max_size=200))
def test_the_pool_never_holds_more_than_kept_per_key_and_no_author(
    rows: list[tuple[int, str]],
) -> None:
    pool = Pool()
    for n, (intensity, text) in enumerate(rows):
        pool.add(item(n, text, intensity, polarity="+-"[n % 2]))
    assert all(len(entries) <= KEPT for entries in pool.kept.values())
    assert all("Author" not in repr(q) for q in pool.selected("BP", 10))
    written = sum(1 for _i, text in rows if text and not text.isspace())
    assert pool.count("BP") == written
