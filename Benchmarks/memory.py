#!/usr/bin/env python3
"""Memory benchmark: peak RSS of `nianbao run --full` and of an unchanged rerun at growing corpus sizes,
to show whether a run's memory grows with the corpus.

A base corpus of --base reports comes from synth.py; a larger size is made of copies of it, each copy
with its own number of trailing line breaks, so that every file is distinct (its own hash and report)
while the parse work per file stays that of the base. Each size is one GNU time run for the
full run and one for the rerun; time is reported too but the throughput benchmark is bench.py.

usage: Benchmarks/memory.py [--sizes 1000,10000,50000] [--base 10000] [--seed 3] [--work /tmp/nianbao-bench]
Needs: a release build (made here). Disk: about 5 times the corpus per size (corpus and dataset);
50,000 reports take about 20 GB, and each size's output is removed before the next.
"""
import argparse
import os
import shutil
import subprocess
import tempfile

from workbench import BINARY, build_release
from workbench import corpus as synthetic_corpus


def timed(command):
    """(seconds, peak RSS in MB) of one run, by GNU time."""
    with tempfile.NamedTemporaryFile("r") as report:
        os.sync()
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %M"] + command, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds, kilobytes = report.read().strip().splitlines()[-1].split()
        return float(seconds), int(kilobytes) / 1024


def corpus_of(size, base, work):
    """`size` reports: the first `size` files of the base when smaller, else copies of the base."""
    folder = os.path.join(work, f"memory-{size}")
    if os.path.isdir(folder):
        return folder
    files = sorted(os.path.relpath(os.path.join(d, f), base) for d, _, names in os.walk(base) for f in names)
    made = 0
    copy = 0
    while made < size:
        for relative in files:
            if made == size:
                break
            target = os.path.join(folder, f"copy{copy}", relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(os.path.join(base, relative), "rb") as source, open(target, "wb") as out:
                out.write(source.read() + b"\n" * copy)
            made += 1
        copy += 1
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--base", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--work", default="/tmp/nianbao-bench")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()

    base = synthetic_corpus(args.work, args.base, args.seed)
    if not args.skip_build:
        build_release()

    print("| reports | full run | peak RSS | unchanged rerun | peak RSS |")
    print("|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        corpus = corpus_of(size, base, args.work)
        output = os.path.join(args.work, f"memory-out-{size}")
        shutil.rmtree(output, ignore_errors=True)
        run = [BINARY, "run", "--input", corpus, "--output", output, "--jobs", str(args.jobs), "-q"]
        full_seconds, full_rss = timed(run + ["--full"])
        rerun_seconds, rerun_rss = timed(run)
        print(f"| {size:,} | {full_seconds:.1f} s | {full_rss:.0f} MB | {rerun_seconds:.1f} s | {rerun_rss:.0f} MB |", flush=True)
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
