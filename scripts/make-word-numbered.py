#!/usr/bin/env python3
"""Make a Word document the way Word users write reports: headings numbered by Word's automatic
numbering (一、 and （一） live in numbering.xml, not in the text), tables with merged cells (gridSpan,
vMerge), from an HTML sample's content.

  Tests/NianbaoCoreTests/Fixtures/documents/<name>.word-numbered.docx   for Samples/102_baicheng_2019_plain.html

Needs: pip python-docx beautifulsoup4. Run from the repository root; the fixture is committed.
"""
import os
import re
import sys

from bs4 import BeautifulSoup
import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Fixtures", "documents")
HEADING = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
SUBHEADING = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)](.*)$")


def numbering(document):
    """An abstract list: level 0 `一、`, level 1 `（一）`, both chineseCounting; returns its numId."""
    part = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, text in ((0, "%1、"), (1, "（%2）")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", text)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
    part.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), "90")
    num.append(reference)
    part.append(num)
    return "90"


def numbered(paragraph, num_id, level):
    properties = paragraph._p.get_or_add_pPr()
    numbering_properties = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numbering_properties.append(element)
    properties.append(numbering_properties)


def table(document, element):
    rows = element.find_all("tr")
    grid = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row.find_all(["td", "th"]):
            while (r, c) in grid:
                c += 1
            rowspan, colspan = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = (r, c) if (dr, dc) != (0, 0) else None
            grid[(r, c)] = ("start", rowspan, colspan, cell.get_text(" ", strip=True))
            c += colspan
            width = max(width, c)
    result = document.add_table(rows=len(rows), cols=width)
    result.style = "Table Grid"
    for (r, c), value in grid.items():
        if isinstance(value, tuple) and value[0] == "start":
            _, rowspan, colspan, text = value
            target = result.cell(r, c)
            if rowspan > 1 or colspan > 1:
                target = target.merge(result.cell(r + rowspan - 1, c + colspan - 1))
            target.text = text


def main():
    source = os.path.join(ROOT, "Samples", "102_baicheng_2019_plain.html")
    soup = BeautifulSoup(open(source, "rb").read(), "html.parser")
    document = docx.Document()
    num_id = numbering(document)
    document.core_properties.title = soup.title.get_text(strip=True) if soup.title else ""
    body = soup.body or soup
    for element in body.find_all(["h1", "h2", "h3", "p", "table"], recursive=True):
        if element.find_parent("table") is not None:
            continue
        if element.name == "table":
            table(document, element)
            continue
        text = element.get_text("", strip=True)
        if not text:
            continue
        heading, subheading = HEADING.match(text), SUBHEADING.match(text)
        if heading and len(text) < 40:
            numbered(document.add_paragraph(heading.group(2)), num_id, 0)
        elif subheading and len(subheading.group(2)) < 30 and "。" not in subheading.group(2):
            numbered(document.add_paragraph(subheading.group(2)), num_id, 1)
        else:
            document.add_paragraph(text)
    os.makedirs(OUT, exist_ok=True)
    document.save(os.path.join(OUT, "102_baicheng_2019_plain.word-numbered.docx"))


if __name__ == "__main__":
    sys.exit(main())
