"""A site profile removes only what it has template evidence for (``textevidence.evidenced``).

The text model weighs a profile's repetition share per line; a line the profile has no template
evidence for (on no other page of the site, or far below template rates: under the learned share, or
under the higher share for prose inside the article) gets the decision it gets without a profile.
The shares are learned by ``bench/train_text.py`` (``stump``, ``evidence_rates``) and stored in the
model file's header.  The pages are made here (``test_profile_safety``'s synthetic site) or are rows
built from them; the shipped model judges them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from bench.train_text import Rows, evidence_rates, stump
from cleaner import clean
from cleaner.config import DEFAULT_CONFIG
from cleaner.corpus.twopass import learn_profile
from cleaner.layout.features import FEATURES, features
from cleaner.layout.textevidence import PROFILE_RULE, PROSE, REPETITION, evidenced
from cleaner.layout.textmodel import classify_text, dump_model, load_text_model, parse_model
from cleaner.model import Role
from cleaner.pipeline import open_verdicts, read_document
from cleaner.text.language import stoplist
from tests.test_profile_safety import OLD, N, _site


def _rows(repetition: list[float], prose: list[bool]) -> np.ndarray:
    rows = np.zeros((len(repetition), len(FEATURES)))
    rows[:, REPETITION] = repetition
    rows[:, PROSE] = prose
    return rows


def test_evidence_needs_the_learned_share_and_more_for_prose_inside_the_article() -> None:
    #            menu   prose  own    repeat prose  prose  footer teaser none
    repetition = [1.0, 0.0, 0.0, 0.4, 0.0, 0.9, 0.05, np.nan, 0.4]
    prose = [False, True, False, True, True, True, False, False, True]
    article = [False, True, True, True, True, True, False, False, True]  # what the model keeps without evidence
    found = evidenced(_rows(repetition, prose), np.array(article), 0.02, 0.7)
    # inside the article (between the prose of no evidence at 1 and 4): prose needs 0.7, other lines 0.02;
    # after it, prose needs 0.02 again; a line of no other page (0.0) and NaN (no profile) never count
    assert found.tolist() == [True, False, False, False, False, True, True, False, True]
    assert not evidenced(_rows(repetition, prose), np.array(article), 1.5, 1.5).any()


def test_prose_right_after_the_articles_last_own_prose_needs_the_inside_share() -> None:
    """A paragraph a series repeats on some pages, ending the article: at its edge it counts as inside, as
    does the block right before its first own prose; one block further it needs the outside share only."""
    #            menu   edge   prose  prose  edge   teaser
    repetition = [0.4, 0.4, 0.0, 0.0, 0.4, 0.4]
    prose = [True, True, True, True, True, True]
    article = [False, True, True, True, True, False]
    found = evidenced(_rows(repetition, prose), np.array(article), 0.02, 0.7)
    assert found.tolist() == [True, False, False, False, False, True]


def test_the_stump_finds_the_cut_between_article_and_template_shares() -> None:
    values = np.array([0.0, 0.0, 0.0, 0.1, 0.1, 0.3, 0.9, 1.0, 1.0])
    labels = np.array([1, 1, 0, 0, 0, 1, 0, 0, 0])
    assert stump(values, labels, np.ones(len(values))) == 0.05  # between 0.0 and 0.1
    heavy = np.ones(len(values))
    heavy[5] = 10.0  # an article line at 0.3 weighing more than the template lines below it
    assert stump(values, labels, heavy) == 0.6  # between 0.3 and 0.9
    assert stump(values, np.ones(len(values)), np.ones(len(values))) > 1.0  # all article: nothing is template
    assert stump(np.zeros(0), np.zeros(0), np.zeros(0)) == 1.0


def test_evidence_rates_are_learned_from_the_rows_with_a_profile_only() -> None:
    def item(repetition: list[float], labels: list[int], prose: list[bool]) -> Rows:
        count = len(repetition)
        return Rows("sites", "p", "bs4", 0, _rows(repetition, prose), np.ones(count, dtype=bool),
                    np.array(labels), np.ones(count))  # fmt: skip

    # article prose at 0.0, a background paragraph inside it at 0.4 (article), template at 0.3 and 1.0 outside
    # (the line right after the article's last prose counts as inside: a menu line stands between)
    site = item(
        [1.0, 0.0, 0.4, 0.0, 1.0, 0.3, 1.0], [0, 1, 1, 1, 0, 0, 0], [False, True, True, True, False, True, False]
    )
    bench = dataclasses.replace(site, bench="aeb", rows=_rows([np.nan] * 7, [True] * 7), labels=np.ones(7))
    outside, inside = evidence_rates([site, site, bench])
    assert 0.0 < outside <= 0.3  # the template at 0.3 counts as evidence
    assert inside > 0.4  # the background paragraph inside the article does not
    assert evidence_rates([bench]) == (0.0, 0.0)  # no row with a profile: every share counts (as before)


def test_the_model_file_keeps_the_learned_shares() -> None:
    model = load_text_model()
    assert 0.0 < model.evidence <= model.evidence_inside < 1.0  # the shipped model learned them
    text = dump_model(model.first, model.second, model.threshold, (0.1, 0.6))
    again = parse_model(text, "test")
    assert (again.evidence, again.evidence_inside) == (0.1, 0.6)
    older = parse_model(dump_model(model.first, model.second, model.threshold), "test")  # a file without them
    assert (older.evidence, older.evidence_inside) == (0.0, 0.0)


def test_a_profile_with_no_template_evidence_changes_no_decision() -> None:
    """Evidence that every line is on no other page (0.0) removes nothing: the page is decided as without."""
    model = load_text_model()
    for page in _site([OLD] * (N + 2), seed=4):
        verdicts, _, language, _ = open_verdicts(read_document(page, format="text"), DEFAULT_CONFIG)
        stopwords = stoplist(language)
        plain = classify_text(verdicts, stopwords, model=model)
        none = classify_text(verdicts, stopwords, model=model, repetition=lambda texts: [0.0] * len(texts))
        assert none == plain
        rows = features(verdicts, stopwords, repetition=[0.0] * len(verdicts))
        assert not evidenced(rows, np.ones(len(verdicts), dtype=bool), model.evidence, model.evidence_inside).any()


def test_a_line_of_this_page_alone_keeps_its_decision_with_the_profile() -> None:
    """A subheading of one page's article, on no other page of the site: the same verdict with the profile."""
    pages = _site([OLD] * (N + 3), seed=5)
    own = "Why the ferry vote matters"
    lines = pages[0].splitlines()
    lines.insert(len(OLD[0]) + 3, own)  # between the article's paragraphs
    page = "\n".join(lines) + "\n"
    profile = learn_profile([page, *pages[1:]], site="valley")
    plain = clean(page, format="text", site="valley")
    applied = clean(page, format="text", profile=profile, site="valley")
    assert own in plain.text and own in applied.text
    assert not any(r.text == own for r in applied.removed)
    assert not any(line in applied.text for line in OLD[1])  # the template still leaves
    assert sum(b.text.startswith("The ") for b in applied.blocks) == 4  # the article's paragraphs stay


BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


@pytest.mark.skipif(not (BENCH / "folds.json").is_file(), reason="../shared/bench is not present")
def test_on_real_dumps_the_evidence_removes_only_lines_repeated_at_template_rates() -> None:
    """Real page dumps, with a profile that has seen the lines the model removes on every other page (1.0)
    and the rest on none (0.0): the profile's removals (``classifier.profile``) are all of repeated lines."""
    model = load_text_model()
    removed = 0
    for path in sorted((BENCH / "data" / "text" / "aeb" / "bs4").glob("*.txt"))[:30]:
        verdicts, _, language, _ = open_verdicts(read_document(path.read_text(encoding="utf-8"), format="text"),
                                                 DEFAULT_CONFIG)  # fmt: skip
        stopwords = stoplist(language)
        template = {v.text for v in classify_text(verdicts, stopwords, model=model) if v.role is Role.FURNITURE}

        def shares(texts: list[str], template: set[str] = template) -> list[float]:
            return [1.0 if text in template else 0.0 for text in texts]

        weighed = classify_text(verdicts, stopwords, model=model, repetition=shares)
        caused = [v for v in weighed if v.rule == PROFILE_RULE]
        assert all(v.text in template for v in caused), path.name
        removed += len(caused)
    assert removed  # the evidence did remove lines in the sample
