#!/usr/bin/env python3
"""The peer a researcher would write instead of nianbao: pull every table out of each HTML page with
pandas.read_html (lxml parser), nothing more. Reads the page list from a file; N processes.

usage: Benchmarks/pandas_peer.py --jobs 2 pages.txt
"""
import argparse
import io
import multiprocessing
import re

import pandas as pd

CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_-]+)")


def tables(path):
    raw = open(path, "rb").read()
    match = CHARSET.search(raw[:4096])
    encoding = match.group(1).decode() if match else "utf-8"
    try:
        text = raw.decode(encoding, errors="replace")
        return sum(len(t) for t in pd.read_html(io.StringIO(text), flavor="lxml"))
    except ValueError:
        return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("pages")
    args = parser.parse_args()
    pages = [line.strip() for line in open(args.pages) if line.strip()]
    with multiprocessing.Pool(args.jobs) as pool:
        rows = sum(pool.map(tables, pages, chunksize=16))
    print(f"{len(pages)} pages, {rows} table rows")


if __name__ == "__main__":
    main()
