"""What bench.py and memory.py share: where the build and the corpora are, and how they are made."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "nianbao")


def corpus(work, count, seed):
    """The folder of `count` synthetic reports from `seed` (synth.py), made once under `work`."""
    os.makedirs(work, exist_ok=True)
    folder = os.path.join(work, f"corpus-{count}-{seed}")
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "synth.py"), "--count", str(count),
                        "--seed", str(seed), "--output", folder], check=True)
    return folder


def build_release():
    """The release build of the command that the benchmarks run."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "nianbao"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
