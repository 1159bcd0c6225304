"""Did a change move any output? Hash every bench document's cleaned article, and compare two such files.

    python bench/output_hashes.py ../shared/bench text /tmp/before.json        # the 2,364 text documents
    python bench/output_hashes.py ../shared/bench html /tmp/before.json        # the 591 HTML pages
    python bench/output_hashes.py --compare /tmp/before.json /tmp/after.json   # how many differ, per folder

A document's hash is the SHA-1 of ``json.dumps(clean(...).to_dict(), sort_keys=True)`` (its whole
article: body, metadata, audit trail, scores); a document that fails is hashed as its error's type
and message.  Run it on two checkouts (``PYTHONPATH=CHECKOUT``, from outside both) and compare:
a change meant to keep outputs ("faster, same results") shows 0 differing.  It reads no gold and
scores nothing; the figures of a change that does move outputs come from the ``cv_*`` scripts.
The record's older entries name this script's predecessor, ``/work/notes/tools/hashes.py`` and
``cmp.py``, which hashed the same way.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

KINDS = {"text": "text/*/*/*.txt", "html": "*/html/*.html"}


def hashes(bench_dir: Path, kind: str) -> dict[str, str]:
    """Each document of ``kind`` under ``bench_dir/data`` (its path there) and its article's hash."""
    import cleaner

    print(f"cleaner from {cleaner.__file__}", file=sys.stderr)
    data = bench_dir / "data"
    found = {}
    for path in sorted(data.glob(KINDS[kind])):
        try:
            article = cleaner.clean(path.read_bytes(), format=kind)
            blob = json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False)
        except Exception as error:  # a failure is an output too
            blob = f"ERROR {type(error).__name__}: {error}"
        found[str(path.relative_to(data))] = hashlib.sha1(blob.encode("utf-8", "surrogatepass")).hexdigest()
    return found


def compare(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Lines saying how many documents differ, per folder, and the first 20 of them."""
    keys = before.keys() | after.keys()
    differ = sorted(key for key in keys if before.get(key) != after.get(key))
    lines = [f"{len(differ)} of {len(keys)} differ"]
    per_folder = Counter(key.rsplit("/", 1)[0] for key in differ)
    lines += [f"  {folder}: {count}" for folder, count in sorted(per_folder.items())]
    return lines + [f"    {key}" for key in differ[:20]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("args", nargs="+", help="BENCH KIND OUT.json, or with --compare: BEFORE.json AFTER.json")
    parser.add_argument("--compare", action="store_true", help="compare two hash files instead")
    args = parser.parse_args(argv)
    if args.compare:
        if len(args.args) != 2:
            parser.error("--compare takes two hash files")
        before, after = (json.loads(Path(name).read_text(encoding="utf-8")) for name in args.args)
        print("\n".join(compare(before, after)))
        return 0
    if len(args.args) != 3 or args.args[1] not in KINDS:
        parser.error("give BENCH, a kind (text or html) and the file to write")
    bench_dir, kind, out = Path(args.args[0]), args.args[1], Path(args.args[2])
    found = hashes(bench_dir, kind)
    out.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} documents hashed into {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
