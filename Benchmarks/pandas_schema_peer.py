#!/usr/bin/env python3
"""The peer a researcher would write to get nianbao's cell tables with pandas: pull the tables out of
each HTML page with pandas.read_html (lxml), tell table 2, 3 and 4 apart by their header words, map
each row's label and each column to the dataset's codes (from nianbao's own code list, Output/codes.csv:
label -> code, numbering and spaces stripped), and write the cells in long form (report, table, row,
column, value) to one CSV. No text, no figures, no checks, no metadata but the file name: it does less
than nianbao, which is what makes it a fair floor for speed.

usage: Benchmarks/pandas_schema_peer.py --jobs 2 pages.txt --output cells.csv
"""
import argparse
import csv
import io
import multiprocessing
import os
import re

import pandas as pd

CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_-]+)")
NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十0-9]+[)）、.．]?")
SPACE = re.compile(r"\s+")
CODES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Output", "codes.csv")

# Table 4's fifteen columns, in the order the template prints them.
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]
TABLE4 = [(p, o) for p in ("review", "litigation_direct", "litigation_after_review") for o in OUTCOMES]


def labels():
    """label -> code for each coded column, from the dataset's code list."""
    found = {}
    with open(CODES, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            for label in row["label_zh"].split("/"):
                found.setdefault(row["table"], {})[key(label)] = row["code"]
    return found


def key(label):
    return NUMBERING.sub("", SPACE.sub("", str(label))).replace("、", "")


LABELS = labels()


def table_kind(frame):
    head = " ".join(str(v) for v in frame.head(4).values.ravel())
    if "自然人" in head:
        return "applications"
    if "行政复议" in head:
        return "reviews_litigation"
    if "本年制发件数" in head or "信息内容" in head:
        return "active_disclosure"
    return None


def cells(path):
    raw = open(path, "rb").read()
    match = CHARSET.search(raw[:4096])
    encoding = match.group(1).decode() if match else "utf-8"
    try:
        frames = pd.read_html(io.StringIO(raw.decode(encoding, errors="replace")), flavor="lxml")
    except ValueError:
        return []
    report = os.path.basename(path)
    out = []
    for frame in frames:
        kind = table_kind(frame)
        if kind == "applications":
            rows, columns = LABELS["applications.row"], ["natural_person", "commercial", "research", "social_welfare",
                                                         "legal_service", "other_org", "total"]
            for values in frame.itertuples(index=False):
                label = next((key(v) for v in reversed(values[:-7]) if key(v) in rows), None)
                if label:
                    out += [(report, kind, rows[label], column, value) for column, value in zip(columns, values[-7:])]
        elif kind == "reviews_litigation":
            for values in frame.itertuples(index=False):
                if len(values) == 15 and all(str(v).strip().lstrip("-").isdigit() for v in values):
                    out += [(report, kind, proceeding, outcome, value) for (proceeding, outcome), value in zip(TABLE4, values)]
        elif kind == "active_disclosure":
            rows, columns = LABELS["active_disclosure.category"], LABELS["active_disclosure.metric"]
            header = []
            for values in frame.itertuples(index=False):
                if key(values[0]) == "信息内容":
                    header = [columns.get(key(v)) for v in values[1:]]
                elif key(values[0]) in rows:
                    out += [(report, kind, rows[key(values[0])], column, value)
                            for column, value in zip(header, values[1:]) if column]
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--output", default=os.devnull)
    parser.add_argument("pages")
    args = parser.parse_args()
    pages = [line.strip() for line in open(args.pages) if line.strip()]
    with multiprocessing.Pool(args.jobs) as pool:
        found = [row for rows in pool.imap(cells, pages, chunksize=16) for row in rows]
    frame = pd.DataFrame(found, columns=["report", "table", "row", "column", "value"])
    frame.to_csv(args.output, index=False)
    print(f"{len(pages)} pages, {len(frame)} cells")


if __name__ == "__main__":
    main()
