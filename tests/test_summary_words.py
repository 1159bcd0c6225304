"""The run's summary line counts in English: one of a thing is singular ("1 block removed"), any other number plural.

A probe found "1 blocks removed" and "1 prose blocks"; every count of the line now agrees with its number.
"""

from __future__ import annotations

import io
from collections import Counter

from cleaner.cli.messages import Report, plural


def _summary(**counts: object) -> str:
    stream = io.StringIO()
    report = Report("write", stream=stream, **counts)  # type: ignore[arg-type]
    report.summary()
    return stream.getvalue()


def test_plural_is_singular_for_one_only() -> None:
    assert [plural(n, "block") for n in (0, 1, 2)] == ["0 blocks", "1 block", "2 blocks"]


def test_one_of_everything_is_singular() -> None:
    line = _summary(files=1, read=1, touched=1, duplicates=1, pages=1, left_out=1, categories=Counter(tail=1))
    assert line == (
        "1 file read: 1 cleaned, 0 with nothing removed, 1 duplicate not written, 0 failed; 1 block removed (tail 1); "
        "the extractor left 1 prose block outside the main content of 1 HTML page\n"
    )


def test_records_and_containers_agree_with_their_numbers() -> None:
    line = _summary(files=0, records=1, containers=1, read=1, categories=Counter(tail=2, caption=1))
    assert line.startswith("1 document read (0 article files, 1 record of 1 JSON Lines/WARC/feed file): ")
    assert "; 3 blocks removed (tail 2, caption 1)" in line
