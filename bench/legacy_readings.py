"""How often text in a legacy encoding reads back exactly, and what reading it costs (enc39).

    python bench/legacy_readings.py            # docs/cli.md's table: cleaner's readings and charset-normalizer's
    python bench/legacy_readings.py --speed    # and CPU time of decode_bytes on 200 documents of 5 KB each
    PYTHONPATH=../other-checkout python bench/legacy_readings.py   # another version of cleaner, the same texts

The texts are tests/legacytexts.py's, made up for the tests: each paragraph and each of its sentences in every
encoding its language was written in (tuned languages, held-out languages, CJK), and pages of about 5 KB mixing two
languages' sentences; and sentences of ASCII prose with one word outside ASCII in it (``LONE_WORDS``).  A sample
counts when ``decode_bytes`` gives back the text exactly; charset-normalizer's ``best()`` is measured on the same
bytes.  Speed is this process's CPU time (``time.process_time``) after one untimed document
(which loads charset-normalizer and the language profiles).

This script measures; it tunes nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import legacytexts
from charset_normalizer import from_bytes

from cleaner.text.decode import decode_bytes

GROUPS = {"tuned": legacytexts.TUNED, "held out": legacytexts.HELD_OUT, "CJK": legacytexts.WIDE}
MIXED = [
    (("de", "fr"), "cp1252"),
    (("fr", "es"), "cp1252"),
    (("de", "es"), "cp1252"),
    (("en", "fr"), "cp1252"),
    (("de", "fr", "es"), "cp1252"),
    (("pl", "cs"), "cp1250"),
    (("hu", "de"), "cp1250"),
    (("ru", "uk"), "cp1251"),
    (("tr", "de"), "cp1254"),
]


def accuracy() -> None:
    """Exact readings per group and length: cleaner's and charset-normalizer's."""
    print("| texts | length | cleaner | charset-normalizer best() | of |")
    print("|---|---|---|---|---|")
    for group, languages in GROUPS.items():
        for length in ("paragraph", "sentence"):
            found = [(enc, text) for _, enc, size, text in legacytexts.samples(languages) if size == length]
            ours = sum(decode_bytes(text.encode(enc)) == text for enc, text in found)
            theirs = sum(str(from_bytes(text.encode(enc)).best() or "") == text for enc, text in found)
            print(f"| {group} | {length} | {ours} | {theirs} | {len(found)} |")
    lone = legacytexts.lone_words()
    ours = sum(decode_bytes(text.encode(enc)) == text for _, enc, text in lone)
    theirs = sum(str(from_bytes(text.encode(enc)).best() or "") == text for _, enc, text in lone)
    print(f"| one word in ASCII prose (held out) | sentence | {ours} | {theirs} | {len(lone)} |")


def pages(languages: tuple[str, ...], encoding: str, count: int = 40, size: int = 5000) -> list[str]:
    """``count`` pages of about ``size`` characters of the languages' sentences drawn in turn at random."""
    paragraphs = {**legacytexts.TUNED, **legacytexts.HELD_OUT}
    sentences = [part for lang in languages for part in legacytexts.SENTENCE_END.split(paragraphs[lang][0]) if part]
    draw = random.Random(39)
    made = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            parts.append(draw.choice(sentences))
        made.append(legacytexts.written(" ".join(parts), encoding))
    return made


def mixed() -> None:
    """Exact readings of pages in two (or three) languages."""
    for languages, encoding in MIXED:
        made = pages(languages, encoding)
        right = sum(decode_bytes(page.encode(encoding)) == page for page in made)
        print(f"{'+'.join(languages)} {encoding}: {right} of {len(made)}")


def speed() -> None:
    """CPU milliseconds a document of decode_bytes on 200 pages of 5 KB: Cyrillic, western, and both as UTF-8."""
    cyrillic, western = pages(("ru", "uk", "bg"), "cp1251", 200), pages(("de", "fr", "es"), "cp1252", 200)
    kinds = {
        "cp1251": [page.encode("cp1251") for page in cyrillic],
        "cp1252": [page.encode("cp1252") for page in western],
        "utf-8": [page.encode() for page in cyrillic + western],
    }
    start = time.process_time()
    decode_bytes(kinds["cp1251"][0])
    print(f"first document: {1000 * (time.process_time() - start):.0f} ms")
    for kind, raws in kinds.items():
        start = time.process_time()
        for raw in raws:
            decode_bytes(raw)
        print(f"{kind}: {1000 * (time.process_time() - start) / len(raws):.2f} ms a document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="also time decode_bytes")
    args = parser.parse_args()
    if args.speed:  # first: its first document is the one that loads the profiles
        speed()
    accuracy()
    mixed()


if __name__ == "__main__":
    main()
