"""`dialogue render --pdf`: the documents as tagged PDF/UA, beside a bare LibreOffice run.

Figures, all measured in this run, on the Ormessac example (charts cached: the figure is the
PDF's cost, not matplotlib's):

- ``render --pdf (cli)``: ``dialogue render examples/ormessac --pdf`` in a fresh process:
  the documents (eight on the example) rendered (columns fitted, alternative texts), the font check (``fc-match``
  for each font the documents name), then one LibreOffice run with a fresh profile, the shipped
  fonts, tagged PDF/UA export; the PDFs and documents written together.
- ``render (cli)``: the same without ``--pdf``: what the PDFs add is the difference.
- ``bare soffice --convert-to pdf``: the baseline: ``soffice --headless --convert-to pdf`` of the
  same .docx files (those the first run wrote), one run with a fresh profile, default
  filter (untagged), system fonts only. The ratio is what dialogue adds to LibreOffice.
- ``font check``: the ``fc-match`` calls alone, in process (cold cache).

Run: python benchmarks/bench_pdf.py [--repeat 3] [--summary-json FILE]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ormessac"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cli import bench_parser, dialogue_binary, timed  # noqa: E402


def main() -> None:
    args = bench_parser(__doc__.splitlines()[0]).parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("bench_pdf: LibreOffice (soffice) is not installed; nothing measured")
        return
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as scratch:
        root = Path(scratch)
        project = root / "ormessac"
        shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("livrables"))
        env = {**os.environ, "DIALOGUE_CACHE": str(root / "cache")}
        out = root / "out"
        render = [*dialogue_binary(), "render", str(project), "--out", str(out), "--force"]
        subprocess.run(render, check=True, capture_output=True, env=env)  # charts into the cache
        documents = sorted(out.glob("*.docx"))
        count = len(documents)
        assert count >= 6, documents  # the six deliverables, and the public ones beside them
        sources = root / "sources"
        sources.mkdir()
        for document in documents:
            shutil.copy(document, sources / document.name)

        with_pdf, without, bare = [], [], []
        for index in range(args.repeat):
            with_pdf.append(timed([*render, "--pdf"], env))
            without.append(timed(render, env))
            profile = root / f"profile-{index}"
            bare_out = root / f"bare-{index}"
            bare_command = [
                soffice, "--headless", "--norestore", "--nolockcheck",
                f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                "--outdir", str(bare_out), *(str(p) for p in sorted(sources.glob("*.docx"))),
            ]  # fmt: skip
            bare.append(timed(bare_command, env))
            assert len(list(bare_out.glob("*.pdf"))) == count
        assert len(list(out.glob("*.pdf"))) == count

        from dialogue_cli.render.fonts import check_documents, fontconfig_file

        start = time.perf_counter()
        warning = check_documents(
            {p.name: p.read_bytes() for p in documents}, fontconfig_file(root)
        )
        check = time.perf_counter() - start

    pdf_s, plain_s, bare_s = (statistics.median(v) for v in (with_pdf, without, bare))
    print(f"bench_pdf: median of {args.repeat} run(s), {os.cpu_count()} CPU(s)")
    print(
        f"  {f'render --pdf (cli), {count} documents':<44} {pdf_s:6.2f} s   tagged PDF/UA, shipped fonts"
    )
    print(f"  {'render (cli)':<44} {plain_s:6.2f} s   the PDFs add {pdf_s - plain_s:.2f} s")
    print(f"  {f'bare soffice --convert-to pdf, same {count}':<44} {bare_s:6.2f} s   baseline")
    print(f"  {'font check (fc-match)':<44} {check * 1000:6.0f} ms  {warning or 'no font missing'}")
    print(
        f"  LibreOffice's part: dialogue's PDF step costs {(pdf_s - plain_s) / bare_s:.2f} x bare soffice"
    )

    from run_all import figure, write_summary  # type: ignore[import-not-found]

    write_summary(
        [
            figure(f"render --pdf (cli), {count} documents", round(pdf_s, 3), "s", None, "bare soffice --convert-to pdf", round(bare_s, 3)),
            figure("PDF step of render (cli)", round(pdf_s - plain_s, 3), "s", None, "bare soffice --convert-to pdf", round(bare_s, 3)),
            figure(f"render (cli), {count} documents", round(plain_s, 3), "s", None, None, None),
            figure("font check", round(check * 1000, 1), "ms", None, None, None),
        ],
        ["--summary-json", args.summary_json] if args.summary_json else None,
    )  # fmt: skip


if __name__ == "__main__":
    main()
