"""The encoding of an export, told by its bytes: a BOM, UTF-16, UTF-8, else a French code page.

Read :func:`detect_encoding`'s steps; :mod:`.reading` samples the file and decodes it.
"""

from __future__ import annotations

import codecs
import re

from ..common.errors import FileProblem

SAMPLE = 1 << 20  # bytes sampled to tell the encoding and the separator
LEGACY = ("cp1252", "mac_roman", "cp850")  # the encodings guessed when an export is not UTF-8


def detect_encoding(sample: bytes, name: str = "") -> tuple[str, str]:
    """``(codec, label)`` for the bytes of an export's start: BOM, UTF-16, UTF-8, then a guess.

    Raises:
        FileProblem: the bytes hold control characters no text holds (a binary file, a zip).
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "UTF-8 with BOM"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32", "UTF-32"
    if sample.startswith(codecs.BOM_UTF16_LE):
        return "utf-16", "UTF-16LE"
    if sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", "UTF-16BE"
    if b"\x00" in sample:
        probe = sample[:4096]
        odd, even = probe[1::2].count(0), probe[0::2].count(0)
        if odd > len(probe) // 4 and even < odd // 8:
            return "utf-16-le", "UTF-16LE"
        if even > len(probe) // 4 and odd < even // 8:
            return "utf-16-be", "UTF-16BE"
    if _controls(sample) > max(8, len(sample) // 1000):
        raise FileProblem(f"{name}: a binary file, not a CSV or JSON export")
    # A few stray control bytes in a text file are dropped with the rest of the cleaning.
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        return "utf-8", "UTF-8"  # a few bad bytes in a UTF-8 file: replaced, their rows reported
    from charset_normalizer import from_bytes

    # What a French export that is not UTF-8 is: Windows Excel (cp1252), an old Mac (mac_roman),
    # DOS (cp850). The decoding whose accents look French wins: on a short file,
    # charset-normalizer's own measure hesitates (« élus déjà » reads as cleanly in mac_roman,
    # « Èlus dÈj‡ »), so its chaos only breaks a tie, and cp1252, by far the most common, wins
    # a tie it is part of.
    scores = {codec: _french(sample[:SAMPLE], codec) for codec in LEGACY}
    best = max(scores.values())
    tied = [codec for codec in LEGACY if scores[codec] == best]
    if len(tied) == 1 or "cp1252" in tied:
        guess = tied[0]
    else:
        chaos = {m.encoding: m.chaos for m in from_bytes(sample[:SAMPLE], cp_isolation=tied)}
        guess = min(tied, key=lambda codec: chaos.get(codec, 1.0))
    return codecs.lookup(guess).name, f"{guess} (detected)"


_FRENCH_LOWER = frozenset("éèêëàâäîïôöùûüÿçœæ")
_FRENCH_UPPER = frozenset("ÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇŒÆ")
_FRENCH_SIGNS = frozenset("«»’‘“”€…–—°\u00a0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _french(sample: bytes, encoding: str) -> int:
    """How French the accents of ``sample`` look once decoded (``-10**9`` if it cannot be)."""
    try:
        text = sample.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return -(10**9)
    score = 0
    for match in _NON_ASCII.finditer(text):
        char, at = match.group(), match.start()
        if char in _FRENCH_LOWER:
            score += 2
        elif char in _FRENCH_UPPER:
            before = text[at - 1] if at else " "
            score += -2 if before.isalpha() and before.islower() else 2
        elif char in _FRENCH_SIGNS:
            score += 1
        else:
            score -= 3
    return score


_CONTROL_BYTES = bytes((*range(0, 9), 11, 12, *range(14, 32)))


def _controls(sample: bytes) -> int:
    """How many bytes of ``sample`` are control characters no text file holds (tab, CR, LF aside)."""
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 text with a few stray bytes: many valid accented letters, few invalid bytes."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if ord(char) > 0x7F) - bad
    return good >= 3 and bad * 2 <= good
