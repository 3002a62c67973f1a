"""Feedback brought in from where it was collected: participation platforms, surveys, boards.

One module per source (``decidim``, ``consul``, ``capcollectif``, ``make``, ``limesurvey``,
``framaforms``, ``generic`` for any other CSV), each reading an export into :class:`records.Record`
objects; the shared pieces read the file (``reading``, ``encodings``: encoding, separator, CSV/XLSX/JSON),
remove personal data (``personal``), clean texts (``cleaning``), apply the mapping file
(``mapping``, ``convert``) and write the project's own feedback file (``writer``). ``run`` ties
them for one import, ``command`` adds the paths, refusals and ``--add`` (``reference``).

This room imports ``common`` and ``engagement`` only (docs/architecture.md).
"""
