"""Site profiles: learning from the corpus fixtures, the decision rule, the file, the pipeline layer.

The corpora under fixtures/corpus/ are three small sites (English and French plain text, German
Markdown with front matter URLs).  Each repeats furniture that no built-in rule knows (a slogan, a
newsletter box phrased its own way, a footer, a "More from <Site>" list) and quotes one statement
verbatim in several articles; some also share a section heading.  The tests check what is learned
from the files themselves, so they hold for any article added that keeps that shape.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from clirun import Ran, clean_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.config import Config
from cleaner.corpus.twopass import Corpus, learn_profile
from cleaner.io.markdown import render_markdown
from cleaner.io.records import Cleaned
from cleaner.model import VALUE_FIELDS, Block, Role, Verdict
from cleaner.pipeline import document_texts
from cleaner.sites.apply import apply_profile, match_page
from cleaner.sites.keys import RememberedKeys
from cleaner.sites.profile import (
    Parameters,
    Profile,
    ProfileError,
    ProfileLearner,
    block_key,
    block_keys,
    is_prose,
    site_of,
)
from cleaner.sites.store import find_profile, load_profile, profile_json, save_profile

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"

# Each site's furniture (as it appears in its files) and the content the profile must not take.
SITES = {
    "harbour-gazette": {
        "furniture": [
            "The Harbour Gazette · News from the quays since 1884",
            "The Tide Line comes out every Friday morning",
            "Elsewhere on the quays",
            "Harbour Gazette Media Ltd, 14 Custom House Quay",
            "Letters to the editor are welcome by post",
        ],
        "content": ["“No vessel over forty metres will berth at the north quay", "What happens next"],
    },
    "rheinblick-zeitung.de": {
        "furniture": [
            "Rheinblick – Ihre Zeitung zwischen Dom und Drachenfels",
            "Der Rheinbote erscheint jeden Morgen um sechs Uhr",
            "Außerdem im Rheinblick",
            "Rheinblick Verlag GmbH · Uferstraße 12",
            "Leserbriefe geben nicht die Meinung der Redaktion wieder.",
        ],
        "content": ["„Die Brücke bleibt gesperrt, bis die Prüfer", "Wie es weitergeht"],
    },
    "le-vigneron": {
        "furniture": [
            "Le Vigneron — la vigne, le vin et ceux qui les font",
            "Chaque mardi, La Grappe raconte les caves",
            "Aussi dans Le Vigneron",
            "Le Vigneron SARL, 3 place du Marché",
            "Reproduction interdite sans l'accord écrit de la rédaction.",
        ],
        "content": ["« Nous ne vendangerons pas tant que chaque parcelle", "Et maintenant ?"],
    },
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_paths([CORPUS])


@pytest.fixture(scope="module")
def profile(corpus: Corpus) -> Profile:
    return corpus.learn()


@pytest.fixture(scope="module")
def cleaned(corpus: Corpus, profile: Profile) -> dict[str, tuple[Cleaned, Cleaned]]:
    """Every fixture article cleaned without and with the profile, by file path."""
    without = {result.id: result for result in corpus.clean(Profile())}
    with_profile = {result.id: result for result in corpus.clean(profile)}
    assert all(result.ok for result in [*without.values(), *with_profile.values()])
    return {ident: (without[ident], with_profile[ident]) for ident in without}  # type: ignore[misc]


def _site_files(site: str) -> list[Path]:
    folder = "rheinblick" if site == "rheinblick-zeitung.de" else site
    return sorted((CORPUS / folder).iterdir())


def _visible(article: Cleaned) -> str:
    """Everything a reader of the cleaned article sees: title, subtitle and body."""
    return "\n".join(filter(None, (article.article.title, article.article.subtitle, article.article.text)))


def test_fixture_corpora_are_big_enough_and_multilingual(corpus: Corpus, cleaned: dict) -> None:
    assert all(len(_site_files(site)) >= 10 for site in SITES)
    languages = {pair[1].article.language for pair in cleaned.values()}
    assert {"en", "de", "fr"} <= languages


def test_site_comes_from_url_else_folder(profile: Profile) -> None:
    assert sorted(profile.sites) == sorted(SITES)
    assert site_of("https://www.Rheinblick-Zeitung.de/region/a.html", "rheinblick") == "rheinblick-zeitung.de"
    assert site_of(None, "harbour-gazette") == "harbour-gazette"
    assert site_of("not a url", None) is None


def _template(site: str, parameters: Parameters) -> list[str]:
    """The site's furniture lines that are on enough of its pages to be template (docs/corpus.md): prose (a
    box written as sentences) needs ``prose_ratio`` of the pages, other lines ``ratio``."""
    pages = [document_texts(path.read_bytes())[0] for path in _site_files(site)]
    found = []
    for furniture in SITES[site]["furniture"]:
        lines = [line for page in pages for line in page if line.startswith(furniture)]
        share = sum(any(line.startswith(furniture) for line in page) for page in pages) / len(pages)
        prose = is_prose(block_key(lines[0]), parameters)
        if share >= (parameters.prose_ratio if prose else parameters.ratio):
            found.append(furniture)
    return found


@pytest.mark.parametrize("site", sorted(SITES))
def test_profile_learns_the_furniture_and_not_the_content(profile: Profile, site: str) -> None:
    learned = [item.example for generation in profile.sites[site].generations for item in generation.learned()]
    template = _template(site, profile.parameters)
    assert len(template) >= 4
    for furniture in SITES[site]["furniture"]:
        assert any(text.startswith(furniture) for text in learned) is (furniture in template), furniture
    quote = SITES[site]["content"][0]  # a sentence on 4 of the pages: never learned (a section heading may
    assert not any(text.startswith(quote) for text in learned), quote  # be, and is kept inside the article)


@pytest.mark.parametrize("site", sorted(SITES))
def test_furniture_is_removed_only_with_the_profile(cleaned: dict, profile: Profile, site: str) -> None:
    """Without the profile the site's own footer or slogan stays somewhere; with it, none of its template does."""
    files = [str(path) for path in _site_files(site)]
    template = _template(site, profile.parameters)
    kept_without = 0
    for ident in files:
        without, with_profile = (_visible(result) for result in cleaned[ident])
        kept_without += any(furniture in without for furniture in template)
        for furniture in template:
            assert furniture not in with_profile, (ident, furniture)
    assert kept_without == len(files)


@pytest.mark.parametrize("site", sorted(SITES))
def test_shared_quotes_and_section_headings_are_kept(cleaned: dict, site: str) -> None:
    seen: Counter[str] = Counter()
    for path in _site_files(site):
        source = path.read_text(encoding="utf-8")
        article = cleaned[str(path)][1]
        for content in SITES[site]["content"]:
            if content in source:
                seen[content] += 1
                assert content in article.article.text, (path.name, content)
    assert seen[SITES[site]["content"][0]] >= 4  # the quote recurs verbatim in several articles


def test_bylines_survive_the_profile(cleaned: dict) -> None:
    """Authors repeat their byline on many pages; the metadata layer reads it before the profile acts."""
    for without, with_profile in cleaned.values():
        assert with_profile.article.authors == without.article.authors
        assert with_profile.article.authors


def test_profile_titles_are_the_headlines(cleaned: dict) -> None:
    for path in _site_files("harbour-gazette"):
        headline = path.read_text(encoding="utf-8").splitlines()[1]
        article = cleaned[str(path)][1].article
        assert article.title == headline


def test_removals_name_the_site_and_counts(cleaned: dict) -> None:
    _, article = cleaned[str(CORPUS / "harbour-gazette" / "north-quay-closed.txt")]
    rules = {removal.rule for removal in article.article.removed if removal.layer == "profile"}
    assert "profile:harbour-gazette#1(12/12)" in rules
    entries = [line for line in _lines_after(article.source, "Elsewhere on the quays") if line]
    profile_removed = {removal.text for removal in article.article.removed if removal.layer == "profile"}
    assert entries and set(entries[:4]) <= profile_removed  # the list's entries, learned or under the heading
    assert all(removal.category == "profile" for removal in article.article.removed if removal.layer == "profile")


def _lines_after(path: str, heading: str) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return lines[lines.index(heading) + 1 :]


def test_keep_patterns_protect_learned_blocks(profile: Profile) -> None:
    path = CORPUS / "harbour-gazette" / "north-quay-closed.txt"
    config = Config(keep=("^Letters to the editor",))
    article = clean(path.read_bytes(), config=config, profile=profile, site="harbour-gazette")
    assert "Letters to the editor are welcome" in article.text
    assert "Elsewhere on the quays" not in article.text
    unprotected = clean(path.read_bytes(), profile=profile, site="harbour-gazette")
    assert "Letters to the editor are welcome" not in unprotected.text


def test_cleaning_with_the_profile_is_a_fixed_point(corpus: Corpus, profile: Profile) -> None:
    for path in _site_files("rheinblick-zeitung.de"):
        first = clean(path.read_bytes(), format="markdown", profile=profile, site="rheinblick")
        again = clean(render_markdown(first), format="markdown", profile=profile, site="rheinblick")
        values = [{name: getattr(a.metadata, name) for name in VALUE_FIELDS} for a in (first, again)]
        assert values[0]["url"] and values[1] == values[0]
        assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in first.blocks]
        assert again.removed == ()


def test_learning_is_deterministic_and_incremental(corpus: Corpus, tmp_path: Path) -> None:
    documents = list(corpus.documents)
    whole = profile_json(learn_profile(documents))
    assert profile_json(learn_profile(documents)) == whole
    first = learn_profile(documents[:17])
    save_profile(first, tmp_path / "profile.json")
    resumed = learn_profile(documents[17:], profile=load_profile(tmp_path / "profile.json"))
    assert profile_json(resumed) == whole


def test_incremental_learning_with_pruning_equals_learning_at_once(corpus: Corpus, tmp_path: Path) -> None:
    documents = list(corpus.documents)
    parameters = Parameters(prune_every=4)
    whole = learn_profile(documents, parameters=parameters)
    profile = Profile(parameters=parameters)
    for start in range(0, len(documents), 7):
        save_profile(learn_profile(documents[start : start + 7], profile=profile), tmp_path / "p.json")
        profile = load_profile(tmp_path / "p.json")
    assert profile_json(profile) == profile_json(whole)
    unpruned = learn_profile(documents)

    def counts(profile: Profile) -> int:
        return sum(len(g.counts) for site in profile.sites.values() for g in site.generations)

    assert counts(whole) < counts(unpruned)
    for name in SITES:  # counts are lower bounds: pruning may lose a borderline line, never adds one
        pruned = {item.key for g in whole.sites[name].generations for item in g.learned()}
        full = {item.key: item.documents for g in unpruned.sites[name].generations for item in g.learned()}
        assert pruned <= full.keys()
        assert {key for key, seen in full.items() if seen == whole.sites[name].documents} <= pruned


def test_the_profile_file_is_named_by_a_str_too(profile: Profile, tmp_path: Path) -> None:
    """docs/scaling.md's Spark recipe loads ``load_profile("/shared/profile.json")``: it raised AttributeError
    ('str' object has no attribute 'read_text'), as ``save_profile`` did for a str.  ``load_config``, ``clean_bag``
    and the command take a str already."""
    path = str(tmp_path / "profile.json")
    save_profile(profile, path)
    assert profile_json(load_profile(path)) == profile_json(profile)


def test_a_profile_file_with_a_byte_order_mark_is_read(profile: Profile, tmp_path: Path) -> None:
    """A profile saved again by an editor that writes a UTF-8 byte-order mark (Windows editors do) failed to load,
    by ``--profile`` and ``load_profile`` ("not valid JSON: Unexpected UTF-8 BOM"), where ``load_config`` skips one."""
    path = tmp_path / "profile.json"
    save_profile(profile, path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert profile_json(load_profile(path)) == profile_json(profile)
    article = tmp_path / "story.txt"
    article.write_text("A first paragraph of the story, long enough to keep.\n\nA second one.\n", encoding="utf-8")
    result = clean_in_process("story.txt", "--profile", path, "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "BOM" not in result.stderr and (tmp_path / "out" / "story.json").is_file()


def test_profile_file_is_reviewable_json(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / ".cleaner" / "profile.json"
    save_profile(profile, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "cleaner-profile/2"
    assert data["parameters"] == Parameters().to_dict()
    site = data["sites"]["le-vigneron"]
    assert site["documents"] == 11
    assert [generation["documents"] for generation in site["generations"]] == [11]
    assert site["generations"][0]["learned"][0] == {
        "text": "Aussi dans Le Vigneron",
        "key": "aussi dans le vigneron",
        "documents": 11,
    }
    assert load_profile(path).to_dict() == profile.to_dict()
    assert list(tmp_path.glob(".cleaner/*.tmp")) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something-else"}', "not a cleaner profile"),
        ('{"format": "cleaner-profile/1", "sites": {}}', "older format"),
        ('{"format": "cleaner-profile/3", "sites": {}}', r"newer format \(cleaner-profile/3\) than this cleaner reads"),
        ('{"format": "cleaner-profile/x"}', "not a cleaner profile"),
        ("\ufeff\udcff", r"not UTF-8 \(byte 0xff at offset 3\): not a profile `clean learn` wrote"),
        ('{"format": "cleaner-profile/2", "parameters": {"ratio": -1}}', "'ratio' must be a positive number"),
        ('{"format": "cleaner-profile/2", "parameters": {"speed": 3}}', "unknown parameter 'speed'"),
        ('{"format": "cleaner-profile/2", "parameters": {"min_pages": 2.5}}', "'min_pages' must be a positive integer"),
        (
            '{"format": "cleaner-profile/2", "sites": {"a": {"generations": [{"documents": 2, "counts": {"k": [1]}}]}}}',  # noqa: E501
            "count for 'k'",
        ),
        ('{"format": "cleaner-profile/2", "sites": {"a": []}}', "site 'a' must be an object"),
        ('{"format": "cleaner-profile/2", "sites": {"a": {"generations": [{}]}}}', "site 'a' generation 1 needs"),
    ],
)
def test_bad_profile_files_are_clear_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "profile.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")  # a lone surrogate: a byte that is no UTF-8
    with pytest.raises(ProfileError, match=message) as error:
        load_profile(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("© 2023 Harbour Media", "© 2024 harbour   media"),
        ("Updated 6 January 2024, 14:30", "Updated 12 March 2025, 09:05"),
        ("Stand: 06.01.2024", "Stand: 17.11.2023"),
        ("Publié le 6 janvier 2024", "Publié le 28 février 2023"),
        ("Jan 6, 2024 at 2:30 pm", "Dec 31, 2023 at 11:59 am"),
        ("Aktualisiert am 6. März 2024", "Aktualisiert am 12. Mai 2024"),
        ("Edition 2024-01-06T10:00", "Edition 2023-12-01T08:15"),
    ],
)
def test_block_key_folds_case_digits_dates_and_spaces(first: str, second: str) -> None:
    assert block_key(first) == block_key(second)


def test_block_key_keeps_words_and_punctuation() -> None:
    assert block_key("Sign up.") != block_key("Sign up")
    assert block_key("Mayor says May be late") == "mayor says may be late"


def test_remembered_keys_are_the_keys_folded_again() -> None:
    """``match_page`` folds only the texts it did not meet on the last pages (a site's template lines, the page's
    own body read back by the pipeline's check): the keys are ``block_keys``'s, whatever is remembered."""
    remembered = RememberedKeys(size=4)
    pages = [
        ["Home", "© 2023 Harbour Media", "Updated 6 January 2024, 14:30", "Home"],
        ["Home", "© 2024 harbour   media", "Stand: 06.01.2024", "A line\nin two"],
        ["Updated 6 January 2024, 14:30", "Home"],
        ["Jan 6, 2024 at 2:30 pm", "© 2023 Harbour Media", "Sign up.", "Sign up", ""],
    ]
    for texts in pages * 3:
        assert remembered.keys(texts) == block_keys(texts)
        assert len(remembered.newer) <= 4 + len(texts) and len(remembered.older) <= 4 + len(texts)


TOPICS = ("harbour", "ferry", "regatta", "lifeboat", "school", "market", "bridge", "tunnel", "council", "weather")


def _pages(lists: list[list[str]]) -> list[list[str]]:
    """Pages of one site: a headline, two prose paragraphs, then the given tail lines."""
    prose = "This paragraph is an ordinary sentence of the article about the {topic}, long enough for prose{end}"
    return [
        [f"News about the {topic} today", prose.format(topic=topic, end="."), prose.format(topic=topic, end="!"), *tail]
        for topic, tail in zip(TOPICS, lists, strict=False)
    ]


def _body(texts: list[str]) -> list[Verdict]:
    """Verdicts as the classifier leaves an extracted article: every block kept as body."""
    return [Verdict(Block(i, t)).decide(Role.BODY, rule="classify.main-text", category="body", layer="classify")
            for i, t in enumerate(texts)]  # fmt: skip


def test_prose_needs_a_higher_share_than_other_lines() -> None:
    """A quotation several articles share (4 of 10) is article text; a box on every page is template."""
    quote = "“We will not reopen the quay until every pile is safe,” the harbour master said on the day."
    box = "Our weekly letter about boats and weather arrives every Friday morning for all readers."
    lists = [[quote, box] if n < 4 else [box] for n in range(10)]
    learner = ProfileLearner()
    for page in _pages(lists):
        learner.add("site", [*page, "Menu", "Contact us"])
    (generation,) = learner.profile().sites["site"].generations
    learned = {item.key for item in generation.learned()}
    assert block_key(quote) not in learned  # 4 of 10 documents: a shared quotation
    assert block_key(box) in learned  # 10 of 10 documents, at least prose_ratio
    assert {"menu", "contact us"} <= learned


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 40), max_size=8), min_size=1, max_size=120),
    st.integers(2, 15),
)
def test_lossy_counts_are_bounded_and_never_lose_frequent_blocks(pages: list[list[int]], every: int) -> None:
    """Counts under-count by at most documents / prune_every, and a frequent key is never dropped.

    The bound is over the documents counted: a page whose lines are all counted already is a copy, not counted.
    """
    learner = ProfileLearner(Parameters(prune_every=every))
    texts = [[f"block {chr(ord('a') + word)}" for word in page] for page in pages]
    counted = [page for page in texts if learner.add("s", page)]
    true = Counter(key for page in counted for key in {block_key(text) for text in page})
    generations = learner.sites["s"]
    for key, count in true.items():
        seen = sum(g.counts[key].documents for g in generations if key in g.counts)
        bound = sum(g.documents // every + 1 for g in generations)
        if count > bound:
            assert seen > 0
        assert count - bound <= seen <= count


def _clean(*args: str | Path, cwd: Path) -> Ran:
    """The command, run in this process through ``main(argv)``."""
    return clean_in_process(*args, cwd=cwd)


def test_learn_then_clean_through_the_command(tmp_path: Path) -> None:
    """`clean learn` writes .cleaner/profile.json at the git root; `clean` finds it and applies it."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    learned = _clean("learn", "corpus", "--jobs", "2", cwd=tmp_path)
    assert learned.returncode == 0, learned.stderr
    summary = r"^harbour-gazette: 12 pages, 1 template generation, \d+ template lines learned$"
    assert re.search(summary, learned.stderr, re.MULTILINE)
    profile = load_profile(tmp_path / ".cleaner" / "profile.json")
    assert sorted(profile.sites) == sorted(SITES)

    article = Path("harbour-gazette") / "seal-pup.txt"  # run from inside the corpus: found up to the git root
    applied = _clean(article, "--format", "txt", cwd=tmp_path / "corpus")
    assert applied.returncode == 0, applied.stderr
    assert "site profile" in applied.stderr and ".cleaner/profile.json" in applied.stderr
    assert "Harbour Gazette Media Ltd" not in applied.stdout
    assert "A grey seal pup" in applied.stdout
    plain = _clean(article, "--format", "txt", "--no-profile", cwd=tmp_path / "corpus")
    assert "Harbour Gazette Media Ltd" in plain.stdout
    explained = _clean(article, "--format", "txt", "--explain", cwd=tmp_path / "corpus")
    explained_rule = (  # the text model's weighing gives its score (p(content) 0.1234)
        r"\[profile:harbour-gazette#1\(12/12\)(:classifier)?\] profile \(profile(, p\(content\) [0-9.]+)?\): "
        r"Harbour Gazette Media Ltd"
    )
    assert re.search(explained_rule, explained.stderr)  # the rule layer's, or the text model's weighing the profile

    checked = _clean("corpus/le-vigneron", "--check", cwd=tmp_path)
    assert checked.returncode == 1
    assert "corpus" in checked.stderr  # the summary counts blocks removed by the profile


def test_a_bad_profile_file_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    article = CORPUS / "harbour-gazette" / "seal-pup.txt"
    result = _clean(article, "--profile", tmp_path / "bad.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"clean: error: {tmp_path / 'bad.json'}: not valid JSON: "
        "Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)"
    ]
    assert result.stdout == ""


def test_json_lines_records_are_learned_by_url_and_cleaned_with_the_profile(tmp_path: Path) -> None:
    records = [
        {"id": path.stem, "url": f"https://www.le-vigneron.example/{path.stem}", "text": path.read_text("utf-8")}
        for path in _site_files("le-vigneron")
    ]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    learned = _clean("learn", "pages.jsonl", "-o", "profile.json", cwd=tmp_path)
    assert learned.returncode == 0, learned.stderr
    profile = load_profile(tmp_path / "profile.json")
    assert list(profile.sites) == ["le-vigneron.example"]
    assert profile.sites["le-vigneron.example"].documents == 11
    cleaned = _clean("pages.jsonl", "-o", "out.jsonl", "--profile", "profile.json", cwd=tmp_path)
    assert cleaned.returncode == 0, cleaned.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(out) == 11
    assert not any("Le Vigneron SARL, 3 place du Marché" in record["text"] for record in out)
    assert all(any(r["layer"] == "profile" for r in record["removed"]) for record in out)


def test_html_pages_belong_to_the_site_of_their_canonical_link(tmp_path: Path) -> None:
    """The folder is not the site when the page says where it lives."""
    box = "The Weekly Bridge arrives every Friday with the stories of the valley, for readers who ask at our desk."
    stories = ("the bridge vote", "the school roof", "the market hall", "the river path", "the tram line")
    for number, story in enumerate(stories):
        paragraphs = "".join(
            f"<p>{sentence} This part of the report concerns {story}, as the council heard on Tuesday.</p>"
            for sentence in ("Residents came in numbers.", "Engineers gave their view.", "A vote follows.")
        )
        (tmp_path / f"page-{number}.html").write_text(
            f'<html><head><title>{story}</title><link rel="canonical" href="https://www.valley-news.test/{number}">'
            f"</head><body><article><h1>What next for {story}</h1>{paragraphs}<h2>From our desk</h2><p>{box}</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
    corpus = Corpus.from_paths([tmp_path])
    profile = corpus.learn()
    assert list(profile.sites) == ["valley-news.test"]
    results = list(corpus.clean(profile))
    assert all(result.ok and box not in result.article.text for result in results)
    assert all("Residents came in numbers." in result.article.text for result in results)
    assert all(
        {r.rule for r in result.article.removed if r.layer == "profile"} == {"profile:valley-news.test#1(5/5)"}
        for result in results
    )


LINES = st.sampled_from(
    [
        "Our slogan for the valley",
        "Read our Friday letter, written for the people of the valley by the whole newsroom team.",
        "A long paragraph of the article that tells what happened at the council meeting this week.",
        "Another paragraph, with a quotation from the mayor about the bridge and the river path.",
        "More from the valley",
        "A headline of another story",
        "Valley News Ltd, 1 Main Street",
    ]
)


DECISIONS = st.sampled_from(
    [
        ("body", "classify.main-text", "classify"),
        ("body", "config.keep", "furniture"),
        ("furniture", "classify.outside-main-text", "classify"),
        ("furniture", "classifier.head", "classify"),
        ("furniture", "classifier", "classify"),
        ("furniture", "share-bar", "furniture"),
        ("title", "zones.title", "zones"),
        ("byline", "metadata.byline", "metadata"),
    ]
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(LINES, min_size=1, max_size=9), min_size=1, max_size=12),
    st.lists(DECISIONS, min_size=9, max_size=9),
    st.integers(1, 6),
)
def test_apply_profile_only_removes_what_the_pipeline_kept(
    pages: list[list[str]], decisions: list[tuple[str, str, str]], min_pages: int
) -> None:
    """Whatever was learned: a block the pipeline removed stays removed, the title and bylines stay, a
    block a keep pattern kept stays; only blocks the classifier kept may become furniture, and applying
    twice changes nothing more."""
    learner = ProfileLearner(Parameters(min_pages=min_pages))
    for page in pages:
        learner.add("valley", page)
    site = learner.profile().site("valley")
    verdicts = [
        Verdict(Block(index, text)).decide(Role(role), rule=rule, category=layer, layer=layer)
        for index, (text, (role, rule, layer)) in enumerate(zip(pages[0], decisions, strict=False))
    ]
    page = match_page([verdict.text for verdict in verdicts], site)
    once = apply_profile(verdicts, page)
    assert apply_profile(once, page) == once
    for before, after in zip(verdicts, once, strict=True):
        if after == before:
            continue
        assert after.layer == "profile" and after.rule.startswith("profile:valley#")
        change = (before.role, after.role)
        if change == (Role.FURNITURE, Role.BODY):  # the one exception: between trusted article markers
            assert before.rule in ("classify.outside-main-text", "classifier.head") and after.rule.endswith(":article")
        elif after.role is Role.TITLE:  # the headline under a slogan taken for the title
            assert before.role in (Role.BODY, Role.SUBTITLE) and before.rule != "config.keep"
        else:
            assert after.role is Role.FURNITURE and after.category == "profile"
            assert before.role in (Role.BODY, Role.TITLE, Role.SUBTITLE) and before.rule != "config.keep"
            assert before.layer != "furniture"


@pytest.mark.parametrize("marker", [".git", ".hg"])
def test_profile_search_stops_at_the_repository_root(tmp_path: Path, marker: str) -> None:
    outer = tmp_path / ".cleaner" / "profile.json"
    save_profile(Profile(), outer)
    inner = tmp_path / "corpus" / "site" / "2024"
    inner.mkdir(parents=True)
    assert find_profile(inner) == outer.resolve()  # no repository: the search goes up
    (tmp_path / "corpus" / marker).mkdir()
    assert find_profile(inner) is None  # the corpus's repository ends the search
    save_profile(Profile(), tmp_path / "corpus" / ".cleaner" / "profile.json")
    assert find_profile(inner / "a.txt") == (tmp_path / "corpus" / ".cleaner" / "profile.json").resolve()


PROSE = "The first sentence of the article says what the council decided about the bridge this week."


def test_trusted_article_markers_keep_the_lines_dropped_for_their_place_alone() -> None:
    """Between the markers the article sits between on most pages: a line ``classify`` left outside its main
    run, or the text model took for the page's head, is body again; one the model judged furniture stays."""
    menu, footer = ["Home", "Valley News Online", "Sport", "Weather"], ["More from the valley", "Valley News Ltd"]
    learner = ProfileLearner()
    for word in ("bridge", "ferry", "harbour", "market", "school", "river"):
        article = [f"The {word} in the headlines", f"A paragraph about the {word} " + "from the council report. " * 6]
        learner.add("valley", [*menu, *article, *footer])
    site = learner.profile().site("valley")
    assert site is not None and site.generations[0].article_markers == ("weather", "more from the valley")
    texts = [*menu, "A line above the first sentence", "A teaser the model removed", PROSE, *footer]
    decisions = [("body", "classifier")] * 4 + [
        ("furniture", "classifier.head"),
        ("furniture", "classifier"),
        ("body", "classifier"),
        ("body", "classifier"),
        ("furniture", "classifier.head"),  # after the end marker: not the article's
    ]
    verdicts = [
        Verdict(Block(index, text)).decide(Role(role), rule=rule, category="x", layer="classify")
        for index, (text, (role, rule)) in enumerate(zip(texts, decisions, strict=True))
    ]
    after = apply_profile(verdicts, match_page(texts, site))
    assert after[4].role is Role.BODY and after[4].rule == "profile:valley#1:article"
    assert after[5] == verdicts[5] and after[8].role is Role.FURNITURE


def test_a_recurring_line_at_the_article_edge_stays_unless_on_every_page() -> None:
    """An article's own recurring last line (a sponsor's note, a sign-off) right after its prose is on most pages
    but not all: it stays, as a line inside the article would; the same line on every page, shaped like a heading,
    is template (a sentence there stays: ``tests/test_profile_edges.py``)."""
    note = "Anzeige: in Zusammenarbeit mit dem Verband"
    for pages_with_note, removed in ((9, False), (10, True)):
        learner = ProfileLearner()
        for number, page in enumerate(_pages([[] for _ in range(10)])):
            learner.add("site", ["Menu", *page, *([note] if number < pages_with_note else []), "Contact us"])
        site = learner.profile().site("site")
        texts = ["Menu", *_pages([[]])[0], note, "Contact us"]
        after = apply_profile(_body(texts), match_page(texts, site))
        roles = {verdict.text: verdict.role for verdict in after}
        assert (roles[note] is Role.FURNITURE) is removed
        assert roles["Menu"] is Role.FURNITURE and roles["Contact us"] is Role.FURNITURE  # template, not at the edge


def test_learning_one_page_of_one_site_is_counted_in_the_singular(tmp_path: Path) -> None:
    """One of anything is 'one line', not 'one lines' (trial44: '1 template lines learned', '1 sites')."""
    (tmp_path / "lonely").mkdir()
    shutil.copy(CORPUS / "harbour-gazette" / "seal-pup.txt", tmp_path / "lonely" / "only.txt")
    learned = _clean("learn", "lonely", "-o", "p.json", cwd=tmp_path)
    assert learned.returncode == 0, learned.stderr
    assert "learned 0 template lines for 1 site from 1 document (1 read now" in learned.stderr
    applied = _clean("lonely/only.txt", "--profile", "p.json", "--format", "txt", cwd=tmp_path)
    assert "clean: site profile p.json (1 site, 0 template lines)" in applied.stderr


def test_a_folder_named_as_the_profile_says_what_to_name(tmp_path: Path) -> None:
    """``--profile corpus`` said "corpus: cannot read: Is a directory"; it now says it is a folder, and names the
    profile the folder keeps (``.cleaner/profile.json``) when it keeps one."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(ProfileError, match=r"corpus: a folder, not a profile file \(clean learn -o FILE writes one\)$"):
        load_profile(corpus)
    save_profile(Profile(), corpus / ".cleaner" / "profile.json")
    with pytest.raises(ProfileError) as raised:
        load_profile(corpus)
    assert (
        str(raised.value)
        == f"{corpus}: a folder, not a profile file: name the file (--profile {corpus}/.cleaner/profile.json)"
    )
