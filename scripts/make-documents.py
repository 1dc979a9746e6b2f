#!/usr/bin/env python3
"""Make the document fixtures: every HTML sample as the Word and PDF files bodies attach, made by real tools.

For each Samples/1xx_*.html and each real page in Tests/NianbaoCoreTests/Fixtures/pages/ this writes into
Tests/NianbaoCoreTests/Fixtures/documents/:

  <name>.lo.docx      LibreOffice headless: the page opened in Writer, saved as Word 2007+ (.docx)
  <name>.lo.pdf       LibreOffice headless: the page exported as PDF (writer_web_pdf_Export, ruled tables)
  <name>.chromium.pdf headless Chromium --print-to-pdf (A4, no header or footer)

real reports' text (Fixtures/legacy, Fixtures/fragments, and seeds 002 and 003 of Samples, a table's cells one
per line) as LibreOffice prints a plain text, ragged right:

  <name>.lo.pdf       for gd_wht_2011, guoyang_slj_2025, jindong_swj_2021, yuhong_yingbinlu_2021 (sentences
                      broken at the page's width, a number at a line's end, a paragraph's last line full)

and the unreadable kinds, from sample 102:

  unreadable.scan.pdf       a page rendered to an image (pdftoppm) and wrapped as a PDF (img2pdf): no text layer
  unreadable.encrypted.pdf  the LibreOffice PDF encrypted with a user password (qpdf, AES-256)
  unreadable.doc            the page saved as Word 97–2003 (.doc) by LibreOffice

Needs: apt libreoffice-writer-nogui chromium poppler-utils img2pdf qpdf fonts-wqy-zenhei (CJK glyphs); run
from the repository root. The fixtures are committed; the tests read them and never run these tools.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "documents")


def run(*command, cwd=None):
    subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def soffice(source, target_format, folder, profile):
    # A private profile folder: a user's running LibreOffice and its settings stay out of the output.
    run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format,
        "--outdir", folder, source)


def main():
    for tool in ("soffice", "chromium", "pdftoppm", "img2pdf", "qpdf"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (see the docstring)")
    os.makedirs(OUT, exist_ok=True)
    pages = sorted(glob.glob(os.path.join(ROOT, "Samples", "1*.html")))
    pages += sorted(glob.glob(os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "pages", "*.html")))
    with tempfile.TemporaryDirectory() as work:
        profile = os.path.join(work, "profile")
        for page in pages:
            name = os.path.splitext(os.path.basename(page))[0]
            source = os.path.join(work, name + ".html")
            shutil.copy(page, source)
            soffice(source, 'docx:MS Word 2007 XML', work, profile)
            shutil.move(os.path.join(work, name + ".docx"), os.path.join(OUT, name + ".lo.docx"))
            soffice(source, "pdf:writer_web_pdf_Export", work, profile)
            shutil.move(os.path.join(work, name + ".pdf"), os.path.join(OUT, name + ".lo.pdf"))
            run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--print-to-pdf={os.path.join(OUT, name + '.chromium.pdf')}", "file://" + source)
        texts = [os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", folder, name + ".txt") for folder, name in (
            ("legacy", "gd_wht_2011"), ("fragments", "guoyang_slj_2025"), ("fragments", "jindong_swj_2021"),
            ("fragments", "yuhong_yingbinlu_2021"))]
        texts += [os.path.join(ROOT, "Samples", name + ".txt") for name in ("002_b904a5622445d861", "003_7023baa7cc861516")]
        for text in texts:
            name = os.path.splitext(os.path.basename(text))[0]
            shutil.copy(text, os.path.join(work, name + ".txt"))
            soffice(os.path.join(work, name + ".txt"), "pdf", work, profile)
            shutil.move(os.path.join(work, name + ".pdf"), os.path.join(OUT, name + ".lo.pdf"))
        base = os.path.join(OUT, "102_baicheng_2019_plain.lo.pdf")
        run("pdftoppm", "-r", "60", "-gray", "-png", "-f", "1", "-l", "1", base, os.path.join(work, "scan"))
        run("img2pdf", "-o", os.path.join(OUT, "unreadable.scan.pdf"), *sorted(glob.glob(os.path.join(work, "scan*.png"))))
        run("qpdf", "--encrypt", "secret", "owner-secret", "256", "--", base, os.path.join(OUT, "unreadable.encrypted.pdf"))
        source = os.path.join(work, "102_baicheng_2019_plain.html")
        soffice(source, "doc:MS Word 97", work, profile)
        shutil.move(os.path.join(work, "102_baicheng_2019_plain.doc"), os.path.join(OUT, "unreadable.doc"))


if __name__ == "__main__":
    main()
