"""What one template may cost: the size of a value it builds, its output, its loops.

A template is a program. The sandbox (``sandbox.py``) decides what it may touch; this module
bounds what it may build: each string-building operator and filter checks the size of its result
*before* building it (``"x"|center(10**9)`` is refused, never allocated), loops count their
iterations, and the render counts the characters a document's XML grows to. Each refusal is a
:class:`TooMuch` whose message says which limit was hit; the render reports it in one line.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from markupsafe import Markup

# Limits of one document's render (docs/security.md lists them and why).
MAX_TEXT = 1_000_000  # characters of one text a template builds, items of one list
MAX_OUTPUT = 10_000_000  # characters of XML a template may produce for one document
MAX_ITERATIONS = 1_000_000  # loop iterations in one document
MAX_RANGE = 100_000  # items of one range()
MAX_WIDTH = 1_000  # a width or precision in a %-format
MAX_INT_BITS = 10_000  # an integer a template computes (about 3 000 digits)
MAX_WRAP_WORK = 2_000_000_000  # characters textwrap may copy (length² / width)


class TooMuch(OverflowError):
    """A template asked for more than a limit allows (the message says which)."""


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def fits(size: int, what: str) -> None:
    """Refuse a text or list of ``size`` characters or items before it is built."""
    if size > MAX_TEXT:
        raise TooMuch(
            f"{what} would build a value of {_n(size)} characters or items; "
            f"a template may build at most {_n(MAX_TEXT)}"
        )


class Budget:
    """What one document's render has spent so far: output characters and loop iterations."""

    def __init__(self) -> None:
        self.output = 0
        self.iterations = 0

    def wrote(self, characters: int) -> None:
        self.output += characters
        if self.output > MAX_OUTPUT:
            raise TooMuch(
                f"the document grew past {_n(MAX_OUTPUT)} characters of XML (the output limit "
                "of one document)"
            )

    def step(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_ITERATIONS:
            raise TooMuch(
                f"more than {_n(MAX_ITERATIONS)} loop iterations in one document (the loop limit)"
            )

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.step()
            yield item


# ---------------------------------------------------------------------- text of a value


def as_text(value: Any, what: str) -> str:
    """The text of a scalar (text, number, boolean, none); a list or a picture is refused.

    Converting a container would print Python's representation of it, of unbounded size
    (``[s] * 10**6`` is a small list of a large text).
    """
    from jinja2.runtime import Undefined

    if isinstance(value, str):
        return value
    if isinstance(value, Undefined):
        return str(value)  # StrictUndefined raises, naming the variable
    if value is None or isinstance(value, bool | int | float | Decimal):
        return str(value)
    if hasattr(value, "__html__"):
        raise TypeError(f"{what}: a picture is placed on its own, with {{{{ name }}}}")
    raise TypeError(f"{what} takes text or numbers, not a {_kind(value)}")


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "group of values"
    if isinstance(value, list | tuple | range):
        return "list"
    return type(value).__name__


def _int_fits(value: int, what: str) -> None:
    if value.bit_length() > MAX_INT_BITS:
        raise TooMuch(f"{what} would compute a number of more than {_n(MAX_INT_BITS)} bits")


# ---------------------------------------------------------------------- operators


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def multiply(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TooMuch(f"* would compute a number of more than {_n(MAX_INT_BITS)} bits")
        return left * right
    for side, times in ((left, right), (right, left)):
        size = _sized(side)
        if size is not None and isinstance(times, int):
            fits(size * max(times, 0), "*")
    return left * right


def add(left: Any, right: Any) -> Any:
    if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        fits(len(left) + len(right), "+")
    return left + right


def power(left: Any, right: Any) -> Any:
    if isinstance(right, int) and abs(right) > 100:
        raise TooMuch(f"an exponent of {_n(right)}; a template may raise to at most 100")
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        bits = left.bit_length() * right
        if bits > MAX_INT_BITS:
            raise TooMuch(f"** would compute a number of more than {_n(MAX_INT_BITS)} bits")
    return left**right


def modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        return percent_format(left, right, "%")
    return left % right


BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": multiply,
    "+": add,
    "**": power,
    "%": modulo,
    "//": operator.floordiv,
}


# ---------------------------------------------------------------------- %-formatting


def _specs(fmt: str) -> Iterator[tuple[int, int]]:
    """(width, precision) of each conversion of a %-format, parsed the way Python parses it."""
    i, end = 0, len(fmt)
    while (i := fmt.find("%", i)) >= 0:
        i += 1
        if i < end and fmt[i] == "%":
            i += 1
            continue
        if i < end and fmt[i] == "(":  # a mapping key, parentheses nested
            depth, i = 1, i + 1
            while i < end and depth:
                depth += {"(": 1, ")": -1}.get(fmt[i], 0)
                i += 1
        while i < end and fmt[i] in "-+ #0":
            i += 1
        width, i = _number(fmt, i)
        precision = 0
        if i < end and fmt[i] == ".":
            precision, i = _number(fmt, i + 1)
        yield width, precision


def _number(fmt: str, i: int) -> tuple[int, int]:
    if i < len(fmt) and fmt[i] == "*":
        raise TooMuch("a %-format with a '*' width or precision; write the number in the format")
    start = i
    while i < len(fmt) and fmt[i] in "0123456789":
        i += 1
    digits = fmt[start:i][:19]  # more digits than that: a width Python refuses anyway
    return (int(digits) if digits else 0), i


def percent_format(fmt: str, values: Any, what: str) -> str:
    """``fmt % values`` once the size of the result is known to fit (widths, precisions, values)."""
    estimate = len(fmt)
    for width, precision in _specs(fmt):
        for number in (width, precision):
            if number > MAX_WIDTH:
                raise TooMuch(
                    f"{what}: a width or precision of {_n(number)}; "
                    f"a template may use at most {_n(MAX_WIDTH)}"
                )
        estimate += width + precision + 400  # a float's digits at most
    items: Iterable[Any]
    if isinstance(values, Mapping):
        items = values.values()
    elif isinstance(values, tuple):
        items = values
    else:
        items = (values,)
    for item in items:
        estimate += 6 * len(as_text(item, what))  # escaping a Markup format grows it up to 6x
        fits(estimate, what)
    fits(estimate, what)
    return fmt % values  # type: ignore[no-any-return]


# ---------------------------------------------------------------------- filters


def _checked(result: str, what: str) -> str:
    fits(len(result), what)
    return result


def center(value: Any, width: int = 80) -> str:
    text = as_text(value, "center")
    fits(max(len(text), int(width)), "center")
    return text.center(int(width))


def format_filter(value: Any, *args: Any, **kwargs: Any) -> str:
    if args and kwargs:
        raise TypeError("format takes values by position or by name, not both")
    return percent_format(as_text(value, "format"), kwargs or args, "format")


def join(eval_ctx: Any, value: Iterable[Any], d: str = "") -> str:
    from jinja2.filters import sync_do_join

    items = []
    size = 0
    separator = len(as_text(d, "join"))
    for item in value:
        size += len(as_text(item, "join")) + separator
        fits(size, "join")
        items.append(item)
    return _checked(sync_do_join(eval_ctx, items, d), "join")


def replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: int | None = None) -> str:
    from jinja2.filters import do_replace

    text, before, after = (as_text(v, "replace") for v in (s, old, new))
    found = text.count(before) if before else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    fits(len(text) + found * max(len(after) - len(before), 0), "replace")
    return _checked(do_replace(eval_ctx, s, old, new, count), "replace")


def indent(s: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    from jinja2.filters import do_indent

    text = as_text(s, "indent")
    step = len(width) if isinstance(width, str) else int(width)
    fits(len(text) + max(step, 0) * (text.count("\n") + 2), "indent")
    return _checked(do_indent(s, width, first, blank), "indent")


def wordwrap(
    environment: Any,
    s: Any,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    from jinja2.filters import do_wordwrap

    text = as_text(s, "wordwrap")
    width = int(width)
    if width < 1:
        raise ValueError(f"wordwrap: a width of {width}; it must be at least 1")
    # textwrap copies the rest of a long word at each line it cuts: bound that work too.
    if len(text) * len(text) // width > MAX_WRAP_WORK:
        raise TooMuch(
            f"wordwrap of {_n(len(text))} characters to a width of {_n(width)}: "
            "too much work (the wrap limit); wrap a shorter text or to a wider width"
        )
    joiner = len(wrapstring) if wrapstring is not None else 1
    fits(len(text) + joiner * (len(text) // width + text.count("\n") + 1), "wordwrap")
    return _checked(
        do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens),
        "wordwrap",
    )


def truncate(
    s: Any, length: int = 255, killwords: bool = False, end: str = "...", leeway: int = 5
) -> str:
    text, tail = as_text(s, "truncate"), as_text(end, "truncate")
    length, leeway = int(length), int(leeway)
    if length < len(tail) or leeway < 0:
        raise ValueError("truncate: the length must hold the ending, the leeway be positive")
    if len(text) <= length + leeway:
        return text
    kept = text[: length - len(tail)]
    if not killwords:
        kept = kept.rsplit(" ", 1)[0]
    return _checked(kept + tail, "truncate")


def string(value: Any) -> str:
    return as_text(value, "string")


def text_filter(function: Callable[[str], Any], name: str) -> Callable[[Any], Any]:
    """A one-argument text filter (upper, title...) whose result is bounded too."""

    def bounded(value: Any) -> Any:
        return _checked(function(as_text(value, name)), name)

    bounded.__name__ = name
    return bounded


def concat(items: list[Any]) -> str:
    """``a ~ b ~ c``: every part is text or a number, and the whole fits."""
    from jinja2.runtime import markup_join

    size = 0
    for item in items:
        if isinstance(item, Markup):
            size += len(item)
        else:
            size += len(as_text(item, "~"))
        fits(size, "~")
    return markup_join(items)


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    try:
        size = len(numbers)
    except OverflowError:
        size = MAX_RANGE + 1
    if size > MAX_RANGE:
        raise TooMuch(f"a range() of more than {_n(MAX_RANGE)} items (the range limit)")
    return numbers
