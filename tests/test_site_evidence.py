"""The text model weighing a site profile's evidence (the column ``site_repetition``).

Without a trusted profile the column is missing (NaN) and the classifier decides as it does without a
profile; with one learned from a small synthetic site (``test_profile_safety``'s pages: a template around
article paragraphs that differ from page to page), the template lines leave the body with ``profile``
as the reason in the audit trail, ``--explain`` included, and the article stays.  (The rule-based
profile layer runs after the model; both name the profile.)
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.config import DEFAULT_CONFIG
from cleaner.corpus.twopass import learn_profile
from cleaner.layout.features import FEATURES, features
from cleaner.layout.textcut import WORDS, cut, page_shape
from cleaner.layout.textevidence import PROFILE_RULE, _weighed_cut, removed_by_evidence
from cleaner.layout.textmodel import TextModel, _judge, classify_text, load_text_model, second_stage
from cleaner.model import Role, Verdict
from cleaner.pipeline import open_verdicts, read_document
from cleaner.sites.apply import match_page, repetition
from cleaner.sites.keys import block_keys
from cleaner.sites.profile import SiteProfile
from cleaner.text.language import stoplist
from tests.clirun import clean_in_process
from tests.test_profile_safety import NEW, OLD, N, _site

COLUMN = FEATURES.index("site_repetition")
TEMPLATE = [*OLD[0], *OLD[1]]
DUMP = (
    ["Home", "News", "Sport", "Weather", "Culture", "Opinion", "Business", "Travel", "Valley News Online"],
    [
        *("Most read", "Ferry fares rise again", "Council votes on the bridge", "Subscribe to our weekly letter"),
        *("Contact", "Imprint", "Privacy", "Valley News Ltd, 1 Main Street", "All rights reserved"),
    ],
)


def _verdicts(page: str) -> tuple[list[Verdict], frozenset[str]]:
    verdicts, _, language, _ = open_verdicts(read_document(page, format="text"), DEFAULT_CONFIG)
    return verdicts, stoplist(language)


def test_the_column_is_missing_without_a_profile_and_holds_the_shares_with_one() -> None:
    pages = _site([OLD] * (N + 2))
    verdicts, stopwords = _verdicts(pages[0])
    plain = features(verdicts, stopwords)
    assert plain.shape[1] == len(FEATURES) and np.isnan(plain[:, COLUMN]).all()
    site = learn_profile(pages, site="valley").site("valley")
    shares = repetition([v.text for v in verdicts], site)
    weighed = features(verdicts, stopwords, repetition=shares)
    assert weighed[:, COLUMN].tolist() == shares
    assert np.array_equal(np.delete(weighed, COLUMN, axis=1), np.delete(plain, COLUMN, axis=1), equal_nan=True)
    few = learn_profile(pages[: N - 1], site="valley").site("valley")
    assert repetition([v.text for v in verdicts], few) is None and match_page([v.text for v in verdicts], few) is None


def test_without_evidence_the_classifier_decides_as_without_a_profile() -> None:
    pages = _site([OLD] * (N + 2))
    (stranger,) = _site([NEW], seed=9)  # a page of another template: no generation matches it
    site = learn_profile(pages, site="valley").site("valley")
    verdicts, stopwords = _verdicts(stranger)
    model = load_text_model()
    assert repetition([v.text for v in verdicts], site) is None
    own = match_page([v.text for v in _verdicts(pages[0])[0]], site)  # the match of a page of the site
    assert own is not None and own.repetition([v.text for v in verdicts]) is None  # matched on their own
    assert classify_text(verdicts, stopwords, model=model, repetition=own.repetition) == classify_text(
        verdicts, stopwords, model=model
    )


def test_template_lines_leave_with_the_profile_as_the_reason() -> None:
    pages = _site([OLD] * (N + 3))
    profile = learn_profile(pages, site="valley")
    for page in pages:
        plain = clean(page, format="text", site="valley")
        applied = clean(page, format="text", profile=profile, site="valley")
        assert not any(line in applied.text for line in OLD[1])  # the footer the model alone keeps
        assert any(line in plain.text for line in OLD[1])
        added = [removal for removal in applied.removed if removal not in plain.removed]
        assert added and all((r.layer, r.category) == ("profile", "profile") for r in added)
        assert all(r.rule.startswith("profile:valley#1(") for r in added)  # the rule layer's or the model's
        weighed = [r for r in added if r.rule.endswith(":classifier")]  # the model's, with its score
        assert weighed and all(r.score is not None and 0.0 <= r.score < 0.5 for r in weighed)
        assert not any(r.rule == PROFILE_RULE for r in applied.removed)  # every such removal is credited
        assert {b.text for b in applied.blocks} <= {b.text for b in plain.blocks}  # the evidence only removes
        assert sum(b.text.startswith("The ") for b in applied.blocks) == 4  # the article stays whole


def test_explain_shows_the_profile_for_the_removals_it_caused(tmp_path) -> None:
    folder = tmp_path / "valley"
    folder.mkdir()
    for number, page in enumerate(_site([OLD] * (N + 1))):
        (folder / f"p{number}.txt").write_text(page, encoding="utf-8")
    learned = clean_in_process("learn", "valley", "-o", "p.json", cwd=tmp_path)
    assert learned.returncode == 0, learned.stderr
    ran = clean_in_process("valley/p0.txt", "--profile", "p.json", "--explain", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    explained = [line for line in ran.stderr.splitlines() if "] profile (profile" in line]  # with a score or not
    assert any("Valley News Ltd, 1 Main Street" in line for line in explained)
    assert all(line.startswith("valley/p0.txt: [profile:valley#1(") for line in explained)


def _learned_site(seed: int) -> tuple[list[str], SiteProfile | None]:
    """A site of ``N + 2`` pages of the old template and the profile learned from them."""
    pages = _site([OLD] * (N + 2), seed=seed)
    return pages, learn_profile(pages, site="valley").site("valley")


def test_the_evidence_names_only_kept_blocks_it_has_template_evidence_for(monkeypatch) -> None:
    """The page's reading is the one without a profile (``_judge`` reads no evidence); the evidence names, for
    removal, only blocks that reading keeps, that are still body and that the profile has template evidence for,
    with their scores with it; and the model reads the page with the evidence only when such a block is body."""
    pages, site = _learned_site(seed=3)
    model = load_text_model()
    asked = []
    scores_of = TextModel.scores
    monkeypatch.setattr(TextModel, "scores", lambda self, *args: asked.append(1) or scores_of(self, *args))
    removed = 0
    for page in pages:
        verdicts, stopwords = _verdicts(page)
        shares = repetition([v.text for v in verdicts], site)
        rows = features(verdicts, stopwords, lexicon=model.lexicon)
        plain, keep, _, _ = _judge(model, verdicts, stopwords, frozenset(), rows)
        asked.clear()
        nothing = np.zeros(len(keep), bool)
        assert removed_by_evidence(model, verdicts, rows, keep, shares, nothing, stopwords, plain) == []
        assert not asked  # nothing is body: the evidence has nothing to remove, and the model is not asked
        body = np.array([position % 3 != 0 for position in range(len(keep))])
        named = removed_by_evidence(model, verdicts, rows, keep, shares, body, stopwords, plain)
        assert all(keep[p] and body[p] and shares[p] >= model.evidence for p, _ in named)
        assert all(0.0 <= score < model.threshold for _, score in named)
        removed += len(named)
    assert removed  # the evidence did remove template lines


def test_the_cut_with_the_evidence_from_a_few_scores_is_the_full_cut(monkeypatch) -> None:
    """``_weighed_cut`` asks the second stage for the blocks in question, the edges and a few witnesses; with the
    shortcut (one reading) or without it (the whole page scored again, as extracted text is), the blocks in
    question get the very scores and decisions of the whole page read with the evidence and cut by ``cut``."""
    pages = _site([DUMP] * (N + 2), seed=4)  # a template long enough for a page dump's shape
    site = learn_profile(pages, site="valley").site("valley")
    model = load_text_model()
    readings = []
    scores_of = TextModel.scores
    monkeypatch.setattr(TextModel, "scores", lambda self, *args: readings.append(1) or scores_of(self, *args))
    paths = set()
    article = "\n".join(line for line in pages[0].splitlines() if line.endswith("discussed."))  # no page dump
    for page in [*pages, article]:
        verdicts, stopwords = _verdicts(page)
        rows = features(verdicts, stopwords, lexicon=model.lexicon)
        plain, keep, _, _ = _judge(model, verdicts, stopwords, frozenset(), rows)
        weighed = rows.copy()
        weighed[:, COLUMN] = repetition([verdict.text for verdict in verdicts], site) or 0.0
        open_mask = np.array([not verdict.decided for verdict in verdicts])
        shape = page_shape(verdicts, weighed, open_mask, stopwords)
        full = scores_of(model, weighed, open_mask)
        expected = cut(model, full, open_mask, shape, weighed[:, WORDS])[0]
        for asked in (keep, keep & (np.arange(len(keep)) % 2 == 0)):
            for witnesses in (plain, None):
                readings.clear()
                scores, kept = _weighed_cut(model, weighed, open_mask, shape, asked, witnesses)
                assert np.array_equal(kept[asked], expected[asked])
                assert np.array_equal(scores[asked & open_mask], full[asked & open_mask])
                paths.add(len(readings))
    assert paths == {1, 2}  # both the shortcut and the whole page were taken


def test_with_the_profile_every_block_it_did_not_remove_keeps_its_verdict_without_one() -> None:
    """The profile only removes: a block it removed (``PROFILE_RULE``) is body without it; every other block
    has the very verdict of the reading without a profile, whatever the guards and the settling pass make of
    the page once its template is gone."""
    pages, site = _learned_site(seed=6)
    model = load_text_model()
    removed = 0
    for page in pages:
        verdicts, stopwords = _verdicts(page)
        plain = classify_text(verdicts, stopwords, model=model)
        weighed = classify_text(verdicts, stopwords, model=model, repetition=lambda texts: repetition(texts, site))
        for alone, with_profile in zip(plain, weighed, strict=True):
            if with_profile.rule == PROFILE_RULE:
                assert alone.role is Role.BODY
                removed += 1
            else:
                assert with_profile == alone
    assert removed


def test_the_cut_with_the_evidence_on_a_page_with_no_open_block_is_the_full_cut() -> None:
    """Every block decided before the model (rules, bylines): no edges or witnesses to ask, the page is cut as
    without the shortcut (it used to index the first open block of none)."""
    pages = _site([DUMP] * (N + 2), seed=4)
    model = load_text_model()
    verdicts, stopwords = _verdicts(pages[0])
    rows = features(verdicts, stopwords, lexicon=model.lexicon)
    open_mask = np.zeros(len(verdicts), dtype=bool)
    candidates = np.ones(len(verdicts), dtype=bool)
    shape = page_shape(verdicts, rows, open_mask, stopwords)
    scores, kept = _weighed_cut(model, rows, open_mask, shape, candidates, None)
    full = model.scores(rows, open_mask)
    assert np.array_equal(scores, full)
    assert np.array_equal(kept, cut(model, full, open_mask, shape, rows[:, WORDS])[0])


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), page=st.integers(0, N + 1), share=st.floats(0.0, 1.0))
def test_the_second_stage_of_the_asked_blocks_is_what_the_whole_page_gives_them(seed, page, share) -> None:
    """``second_stage`` of the asked blocks only, and the scores of ``TextModel.scores`` with a mask, are the rows
    and the scores the second stage of the whole page gives those blocks (as it was computed before: every row,
    then the asked ones picked out): on any first-stage scores and any choice of blocks."""
    pages = _site([DUMP] * (N + 2), seed=4)
    model = load_text_model()
    verdicts, stopwords = _verdicts(pages[page])
    rows = features(verdicts, stopwords, lexicon=model.lexicon)
    rng = np.random.default_rng(seed)
    first = rng.random(len(rows))
    asked = rng.random(len(rows)) < share
    assert np.array_equal(second_stage(rows, first, asked), second_stage(rows, first)[asked])
    full = second_stage(rows, model.first.predict(rows, num_threads=1))
    before = np.asarray(model.first.predict(rows, num_threads=1), dtype=float)
    if asked.any():
        before[asked] = model.second.predict(full[asked], num_threads=1)
    assert np.array_equal(model.scores(rows, asked), before)
    assert np.array_equal(model.scores(rows), np.asarray(model.second.predict(full, num_threads=1), dtype=float))


def test_the_evidence_reads_the_page_shape_it_was_given_or_finds_the_same() -> None:
    """``removed_by_evidence`` with the shape of the reading without the evidence (``_judge``'s, as
    ``classify_text`` hands it) removes the very blocks, with the very scores, it removes finding the shape
    itself: the shape reads no evidence."""
    pages = [*_site([DUMP] * (N + 2), seed=5), *_learned_site(seed=7)[0]]
    sites = [learn_profile(pages[: N + 2], site="valley").site("valley"), _learned_site(seed=7)[1]]
    model = load_text_model()
    removed = 0
    for number, page in enumerate(pages):
        verdicts, stopwords = _verdicts(page)
        shares = repetition([v.text for v in verdicts], sites[number // (N + 2)])
        rows = features(verdicts, stopwords, lexicon=model.lexicon)
        plain, keep, _, shape = _judge(model, verdicts, stopwords, frozenset(), rows)
        for body in (keep, np.array([position % 2 == 0 for position in range(len(keep))])):
            given = removed_by_evidence(model, verdicts, rows, keep, shares, body, stopwords, plain, shape)
            assert given == removed_by_evidence(model, verdicts, rows, keep, shares, body, stopwords, plain)
            removed += len(given)
    assert removed


def test_the_shares_of_a_pages_own_texts_are_those_of_its_keys_folded_again() -> None:
    """``PageMatch.repetition`` of the page's own texts takes the keys ``match_page`` found; any other texts (the
    kept blocks read back) are folded and matched on their own: the shares are those of ``block_keys`` afresh."""
    pages, site = _learned_site(seed=8)
    assert site is not None
    checked = 0
    for page in pages:
        texts = [verdict.text for verdict in _verdicts(page)[0]]
        for asked in (texts, list(texts), texts[::2], [*texts[1:], texts[0]]):
            match = match_page(texts, site)
            keys = block_keys(asked)
            generation = site.generation_of(set(keys))
            expected = None
            if match is not None and generation is not None:
                chosen = site.generations[match.generation if keys == list(match.keys) else generation]
                others = max(1, chosen.documents - 1)
                counts = [chosen.counts[key].documents if key in chosen.counts else None for key in keys]
                expected = [0.0 if n is None else min(1.0, max(0, n - 1) / others) for n in counts]
            assert (match.repetition(asked) if match is not None else None) == expected
            checked += expected is not None
    assert checked
