#!/usr/bin/env python3
"""Make the capture matrix: every HTML sample turned into text the way crawlers and users do it.

For each Samples/1xx_*.html and each real page in Tests/NianbaoCoreTests/Fixtures/pages/ (report pages as
their sites served them, with cell gold) this writes Tests/NianbaoCoreTests/Fixtures/captures/<sample>.<kind>.txt:

  gettext-empty    BeautifulSoup get_text("")        (a crawler's text with nothing between elements)
  gettext-newline  BeautifulSoup get_text("\\n")
  gettext-space    BeautifulSoup get_text(" ")        (a whole table on one line)
  w3m              w3m -dump                          (tables kept as aligned columns)
  markdown         html2text                          (Markdown pipe tables)
  pdf-layout       pdftotext -layout of the page printed by headless Chromium (--print-to-pdf)
  pdf-raw          pdftotext -raw of the same PDF
  pdf-paged        pdftotext -layout of the page printed with Chromium's page header and footer (title, date,
                   file address, page numbers), which then stand inside the tables at every page break
  gb18030          gettext-newline written in GB18030 (a crawler that keeps the site's encoding)
  oneline          the whole article on one line, white space collapsed (a crawler's own text file)
  closed-cells     get_text("\n") with each table cell on a line of its own closed by a pipe (`0 |`, an empty
                   cell `|`), as some crawled stores of report pages write tables
  closed-rows      get_text("\n") with each table row on a line, every cell closed by a pipe (`规章 | 0 | 0 |`)
  stripped         get_text("\n") with every line stripped and the empty ones dropped, as most crawler scripts
                   clean text (an empty cell's no-break space goes with them: nothing marks a blank cell)
  tabs             get_text("\n") with each table row on a line, its cells between tabs (a table copied out of a
                   browser or a spreadsheet); tabs-stripped the same with every line stripped

`--kinds …` writes only the kinds made without Chromium or w3m (closed-cells, closed-rows, stripped, tabs, tabs-stripped).

Needs: pip beautifulsoup4 html2text; apt w3m poppler-utils chromium fonts-wqy-zenhei (CJK glyphs, or
the PDF loses characters): scripts/install-capture-tools installs them. Run from the repository root; the captures are committed, the tests read
them and never run these tools.
"""
import glob
import re
import os
import subprocess
import sys
import tempfile

from bs4 import BeautifulSoup
import html2text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "captures")


def decoded(path):
    with open(path, "rb") as f:
        raw = f.read()
    soup = BeautifulSoup(raw, "html.parser")
    return raw, soup


def chromium_pdf(path, pdf, furniture=False):
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if subprocess.call(
        ["which", b], stdout=subprocess.DEVNULL) == 0), None)
    if browser is None:
        sys.exit("chromium is needed for the PDF captures")
    options = [] if furniture else ["--no-pdf-header-footer"]
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", *options,
                    f"--print-to-pdf={pdf}", "file://" + os.path.abspath(path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def tabbed(soup, strip):
    """get_text("\\n") of a copy of the page whose innermost tables are written a row a line, the cells
    between tabs; `strip`: every line stripped and the empty ones dropped (trailing empty cells go too)."""
    soup = BeautifulSoup(str(soup), "html.parser")
    for table in [t for t in soup.find_all("table") if not t.find("table")]:
        rows = ["\t".join(" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])) for row in table.find_all("tr")]
        table.replace_with("\n" + "\n".join(rows) + "\n")
    text = soup.get_text("\n")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n" if strip else text


def closed(soup, per_cell):
    """get_text("\\n") of a copy of the page whose innermost tables are written with every cell closed by a
    pipe: a cell a line (`per_cell`) or a row a line."""
    soup = BeautifulSoup(str(soup), "html.parser")
    for table in [t for t in soup.find_all("table") if not t.find("table")]:
        lines = []
        for row in table.find_all("tr"):
            cells = [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
            if per_cell:
                lines += [f"{text} |" if text else "|" for text in cells]
            else:
                lines.append(" | ".join(cells) + " |")
        table.replace_with("\n" + "\n".join(lines) + "\n")
    return soup.get_text("\n")


def write(name, kind, text, encoding="utf-8"):
    target = os.path.join(OUT, f"{name}.{kind}.txt")
    with open(target, "w", encoding=encoding, newline="") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    pages = sorted(glob.glob(os.path.join(ROOT, "Samples", "1*.html")))
    pages += sorted(glob.glob(os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "pages", "*.html")))
    arguments = sys.argv[1:]
    kinds = None
    if "--kinds" in arguments:
        at = arguments.index("--kinds")
        kinds = set(arguments[at + 1].split(","))
        del arguments[at:at + 2]
    only = arguments
    for path in pages:
        if only and not any(word in path for word in only):
            continue
        name = os.path.splitext(os.path.basename(path))[0]
        raw, soup = decoded(path)
        for tag in soup(["script", "style"]):
            tag.decompose()
        write(name, "closed-cells", closed(soup, per_cell=True))
        write(name, "closed-rows", closed(soup, per_cell=False))
        write(name, "tabs", tabbed(soup, strip=False))
        write(name, "tabs-stripped", tabbed(soup, strip=True))
        write(name, "stripped", "\n".join(line.strip() for line in soup.get_text("\n").splitlines() if line.strip()) + "\n")
        if kinds is not None:
            continue
        write(name, "gettext-empty", soup.get_text(""))
        write(name, "gettext-newline", soup.get_text("\n"))
        write(name, "gettext-space", soup.get_text(" "))
        write(name, "gb18030", soup.get_text("\n"), encoding="gb18030")
        write(name, "oneline", " ".join(soup.get_text(" ").split()) + "\n")
        write(name, "w3m", subprocess.run(["w3m", "-dump", "-cols", "160", "-T", "text/html", "-O", "UTF-8", path],
                                          check=True, capture_output=True).stdout.decode("utf-8"))
        converter = html2text.HTML2Text()
        converter.body_width = 0
        write(name, "markdown", converter.handle(str(soup)))
        with tempfile.TemporaryDirectory() as scratch:
            pdf = os.path.join(scratch, "page.pdf")
            chromium_pdf(path, pdf)
            for mode in ("layout", "raw"):
                text = subprocess.run(["pdftotext", f"-{mode}", "-enc", "UTF-8", pdf, "-"],
                                      check=True, capture_output=True).stdout.decode("utf-8")
                write(name, f"pdf-{mode}", text)
            chromium_pdf(path, pdf, furniture=True)
            text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"],
                                  check=True, capture_output=True).stdout.decode("utf-8")
            # The header's date is the day the capture was made
            # and the file's address the clone's place: both fixed, so the fixture is the same everywhere.
            text = re.sub(r"\d{1,4}/\d{1,2}/\d{1,4}(,)? \d{1,2}:\d{2}( [AP]M)?", "2026/12/2 11:58", text)
            write(name, "pdf-paged", text.replace("file://" + ROOT, "file:///nianbao"))
        print(name)


if __name__ == "__main__":
    main()
