#!/usr/bin/env python3
"""Throughput benchmark: nianbao against what a researcher would otherwise run, on the same files,
on the same machine, in one run.

  1. `nianbao run --full` over the whole corpus (text captures and HTML pages), then an unchanged rerun,
     then `nianbao docs` alone on that dataset (its MB are the pages written);
  2. `nianbao run --full` over the corpus's HTML pages only;
  3. a bare libxml2 parse of the same HTML pages: `xmllint --html --noout`, same parallelism;
  4. two Python peers on the same HTML pages and number of processes: one that only pulls the tables out
     with `pandas.read_html` (lxml), and one that also maps their cells to the dataset's codes and writes
     them in long form (`pandas_schema_peer.py`: what a researcher would write to get the cell tables);
  5. `nianbao run --full` over a corpus of PDF reports and one of Word (.docx) reports (--documents of
     each, made unique copies of the committed document fixtures: LibreOffice and Chromium PDFs of the
     samples and a real WPS-exported PDF; LibreOffice .docx), with PDF pages per second.

Reports files/s, MB/s and peak RSS for each, as a Markdown table and as JSON (--json FILE).

Each time is the median of --repeat runs (3): this machine's disk is shared, and single runs swing.

usage: Benchmarks/bench.py [--count 3000] [--seed 1] [--jobs N] [--repeat 3] [--work /tmp/nianbao-bench]
Needs: a release build (made here), python3 with pandas and lxml, xmllint (apt-get install libxml2-utils),
poppler-utils (the PDF corpus).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from workbench import BINARY, ROOT, build_release
from workbench import corpus as synthetic_corpus


def measure(command, repeat, before=None):
    """Median wall time (s) of `repeat` runs of a command, each started once earlier writes have
    reached the disk (so that one run's write-back does not slow the next) and after `before`."""
    times = []
    for _ in range(repeat):
        if before:
            before()
        os.sync()
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def peak_rss(command):
    """Peak RSS (MB) of the largest process of a command (it, or one of the children it waited for),
    measured by GNU time in a separate run."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M"] + command, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(report.read().strip().splitlines()[-1]) / 1024


def fresh(output):
    """No previous output (which is also the cache): a first run, as after a fresh clone. The previous
    run's output is moved aside, not deleted: ext4 passes over inodes freed in the last minutes when it
    makes new files, so a run started right after thousands of files were deleted pays for the
    benchmark's own clean-up (a nightly run, a day after the last, does not)."""
    if os.path.exists(output):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(output, os.path.join(TRASH, f"{os.path.basename(output)}-{time.monotonic_ns()}"))


TRASH = None


def folder_size(paths):
    return sum(os.path.getsize(p) for p in paths)


DOCUMENTS = os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "documents")


def document_corpora(work, count):
    """`count` PDFs and `count` .docx files, each a unique copy (its own bytes, so its own report) of a
    committed fixture: a PDF with a comment after its end, a .docx with one more archive member."""
    import glob
    import zipfile
    sources = {"pdf": sorted(glob.glob(os.path.join(DOCUMENTS, "1*.pdf")) + glob.glob(os.path.join(DOCUMENTS, "sh_*.pdf"))
                             + [os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "pdf", "hongze_2023.pdf")]),
               "docx": sorted(glob.glob(os.path.join(DOCUMENTS, "*.docx")))}
    made = {}
    for kind, files in sources.items():
        folder = os.path.join(work, f"{kind}-{count}")
        if not os.path.isdir(folder):
            os.makedirs(folder)
            for n in range(count):
                source = files[n % len(files)]
                target = os.path.join(folder, f"{n:05d}_{os.path.basename(source)}")
                if kind == "pdf":
                    with open(source, "rb") as f, open(target, "wb") as out:
                        out.write(f.read() + f"%bench copy {n}\n".encode())
                else:
                    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
                        for item in zin.infolist():
                            zout.writestr(item, zin.read(item.filename))
                        zout.writestr("customXml/bench.txt", f"copy {n}")
        made[kind] = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    return made["pdf"], made["docx"]


def pdf_page_count(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--work", default="/tmp/nianbao-bench")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--json", help="write the results here too")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--documents", type=int, default=300, help="PDF and .docx files each in the document corpora")
    args = parser.parse_args()

    corpus = synthetic_corpus(args.work, args.count, args.seed)
    global TRASH
    TRASH = os.path.join(args.work, "trash")
    shutil.rmtree(TRASH, ignore_errors=True)
    if not args.skip_build:
        build_release()

    files = sorted(os.path.join(d, f) for d, _, names in os.walk(corpus) for f in names)
    pages = [f for f in files if f.endswith(".html")]
    html_only = os.path.join(args.work, f"html-{args.count}-{args.seed}")
    if not os.path.isdir(html_only):
        os.makedirs(html_only)
        for page in pages:
            os.link(page, os.path.join(html_only, os.path.basename(page)))
    page_list = os.path.join(args.work, "pages.txt")
    with open(page_list, "w") as f:
        f.write("\n".join(pages) + "\n")

    results = []

    def record(name, count, size, seconds, rss):
        results.append({"tool": name, "files": count, "MB": round(size / 1e6, 1), "seconds": round(seconds, 2),
                        "files_per_s": round(count / seconds, 1), "MB_per_s": round(size / 1e6 / seconds, 2),
                        "peak_rss_MB": round(rss, 1)})

    out = os.path.join(args.work, "out")
    run = [BINARY, "run", "--input", corpus, "--output", out, "--jobs", str(args.jobs), "-q"]
    seconds = measure(run + ["--full"], args.repeat, before=lambda: fresh(out))
    fresh(out)
    rss = peak_rss(run + ["--full"])
    record("nianbao run --full (all files)", len(files), folder_size(files), seconds, rss)
    # The same run's stages, as its summary.json gives them (handling: identify, parse, rows; writing:
    # the dataset-wide tables and the docs; docs alone), and the report pages' share of the dataset.
    with open(os.path.join(out, "summary.json")) as f:
        stages = json.load(f)
    dataset = [os.path.join(d, f) for d, _, names in os.walk(out) for f in names if ".nianbao" not in d]
    page_files = [p for p in dataset if os.sep + "reports" + os.sep in p]
    for stage in ("handling", "writing", "docs"):
        results.append({"tool": f"  of which {stage}", "files": len(files), "MB": "", "seconds": stages[f"{stage}_seconds"],
                        "files_per_s": "", "MB_per_s": ""})
    seconds = measure(run, args.repeat)
    record("nianbao run, unchanged rerun", len(files), folder_size(files), seconds, peak_rss(run))

    # The data docs of that dataset alone (index.html and a page per report), as `nianbao docs` writes them.
    docs = [BINARY, "docs", out]
    seconds = measure(docs, args.repeat)
    pages_written = len(os.listdir(os.path.join(out, "reports")))
    record("nianbao docs (pages of the dataset)", pages_written,
           folder_size([os.path.join(out, "reports", p) for p in os.listdir(os.path.join(out, "reports"))]), seconds, peak_rss(docs))

    # The HTML pages: nianbao, the bare parse and the two peers, measured in turn within each round
    # (interleaved, so that the machine's slower and faster minutes fall on all of them alike); each
    # ratio is also taken round by round, and its median printed.
    out_html = os.path.join(args.work, "out-html")
    run_html = [BINARY, "run", "--input", html_only, "--output", out_html, "--jobs", str(args.jobs), "-q", "--full"]
    xmllint = ["xargs", "-a", page_list, "-P", str(args.jobs), "-n", "50", "xmllint", "--html", "--noout", "--nowarning"]
    peer = [sys.executable, os.path.join(ROOT, "Benchmarks", "pandas_peer.py"), "--jobs", str(args.jobs), page_list]
    schema_peer = [sys.executable, os.path.join(ROOT, "Benchmarks", "pandas_schema_peer.py"), "--jobs", str(args.jobs),
                   page_list, "--output", os.path.join(args.work, "peer-cells.csv")]
    html_tools = [("nianbao run --full (HTML pages)", run_html, lambda: fresh(out_html)),
                  ("xmllint --html --noout (HTML pages)", xmllint, None),
                  ("pandas.read_html, lxml (HTML pages)", peer, None),
                  ("pandas peer mapping cells to the schema (HTML pages)", schema_peer, None)]
    rounds = {name: [] for name, _, _ in html_tools}
    for _ in range(args.repeat):
        for name, command, before in html_tools:
            rounds[name].append(measure(command, 1, before=before))
    fresh(out_html)
    for name, command, _ in html_tools:
        times = sorted(rounds[name])
        record(name, len(pages), folder_size(pages), times[len(times) // 2], peak_rss(command))
    fresh(out_html)

    def paired(slower, faster):
        ratios = sorted(a / b for a, b in zip(rounds[slower], rounds[faster]))
        return ratios[len(ratios) // 2]

    pdfs, docxs = document_corpora(args.work, args.documents)
    for label, corpus_files in (("PDF reports", pdfs), ("Word .docx reports", docxs)):
        folder = os.path.dirname(corpus_files[0])
        out_docs = os.path.join(args.work, "out-" + os.path.basename(folder))
        run_docs = [BINARY, "run", "--input", folder, "--output", out_docs, "--jobs", str(args.jobs), "-q", "--full"]
        seconds = measure(run_docs, args.repeat, before=lambda: fresh(out_docs))
        fresh(out_docs)
        record(f"nianbao run --full ({label})", len(corpus_files), folder_size(corpus_files), seconds, peak_rss(run_docs))
    pdf_pages = sum(pdf_page_count(f) for f in pdfs)

    print(f"corpus: {len(files)} files ({len(pages)} HTML), {folder_size(files) / 1e6:.1f} MB, {args.jobs} jobs, "
          f"{os.cpu_count()} cores")
    print("| tool | files | MB | s | files/s | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['tool']} | {r['files']} | {r['MB']} | {r['seconds']} | {r['files_per_s']} | {r['MB_per_s']} | {r.get('peak_rss_MB', '')} |")
    by = {r["tool"]: r for r in results}
    html_rate = by["nianbao run --full (HTML pages)"]["MB_per_s"]
    print(f"nianbao vs pandas peer mapping cells to the schema (HTML): "
          f"{html_rate / by['pandas peer mapping cells to the schema (HTML pages)']['MB_per_s']:.1f}x faster "
          f"(round by round, median {paired('pandas peer mapping cells to the schema (HTML pages)', 'nianbao run --full (HTML pages)'):.2f}x); "
          f"vs pandas.read_html alone: {html_rate / by['pandas.read_html, lxml (HTML pages)']['MB_per_s']:.1f}x "
          f"(median {paired('pandas.read_html, lxml (HTML pages)', 'nianbao run --full (HTML pages)'):.2f}x)")
    print(f"bare libxml2 parse vs nianbao (HTML): {by['xmllint --html --noout (HTML pages)']['MB_per_s'] / html_rate:.2f}x "
          f"(round by round, median {paired('nianbao run --full (HTML pages)', 'xmllint --html --noout (HTML pages)'):.2f}x)")
    pdf_rate = by["nianbao run --full (PDF reports)"]
    print(f"PDF: {pdf_pages / pdf_rate['seconds']:.0f} PDF pages/s ({pdf_pages} pages in {pdf_rate['files']} files); "
          f"per report: HTML {by['nianbao run --full (HTML pages)']['files_per_s']}/s, PDF {pdf_rate['files_per_s']}/s, "
          f"DOCX {by['nianbao run --full (Word .docx reports)']['files_per_s']}/s")
    print(f"docs share of the full run: {stages['docs_seconds'] / stages['elapsed_seconds']:.0%}; "
          f"report pages: {folder_size(page_files) / folder_size(dataset):.0%} of the dataset's bytes")
    print(f"full run vs unchanged rerun: {by['nianbao run --full (all files)']['seconds'] / by['nianbao run, unchanged rerun']['seconds']:.1f}x")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    shutil.rmtree(TRASH, ignore_errors=True)


if __name__ == "__main__":
    main()
