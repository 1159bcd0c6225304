"""Copies of one article in a corpus: learning counts each article once per template generation.

A corpus often holds one article several times (a page saved twice, the same story under two URLs, a
re-scrape with other headlines in a box).  Counted as pages of their own, the copies' lines (the title, the
headings, the short sentences) reach template rates, and the profile takes them from every copy.  Here a real
site of the fixtures (12 pages, one template) is saved with one more article written six times, three times
exactly and three with another list of headlines, and learned and cleaned through the command.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from clirun import clean_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.sites.profile import Parameters, Profile, ProfileLearner
from cleaner.sites.store import load_profile, profile_json

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "harbour-gazette"

MASTHEAD = "The Harbour Gazette · News from the quays since 1884"
TITLE = "Ferry company adds a winter crossing to the islands"
ARTICLE = [  # what a reader of the article must see: every line but the byline (metadata) and the title
    "The island ferry will run a third daily crossing from the first week of January, the ferry company said on "
    "Tuesday, after a petition signed by more than four hundred islanders.",
    "Earlier sailings",
    "The first boat will leave at seven.",
    "The new crossing leaves the north slip at seven in the morning and returns from the island pier at half past "
    "eight, so that pupils can reach the secondary school on time.",
    "Fares stay the same",
    "Season tickets are unchanged.",
    "The company said fares would stay at last year's level until the end of March, when the harbour board reviews "
    "the landing charges it sets for every passenger vessel.",
    "Additional reporting by Seán Doyle.",
    "Timetables for the winter crossing are posted at the north slip.",
]
HEADLINES = [  # the site's "Elsewhere on the quays" box: headlines of its other pages
    "North quay closed after divers find cracked piles",
    "Mackerel prices fall as boats land record catch",
    "Port company awards contract for north quay repairs",
    "Trawler owners ask for compensation over lost berths",
    "Council publishes draft plan for the waterfront",
    "Seal pup found on slipway returned to sea",
]
FOOTER = [
    "Harbour Gazette Media Ltd, 14 Custom House Quay, Kilbrannan. Printed and published every Thursday.",
    "Letters to the editor are welcome by post or by hand, never by phone.",
]
COPIES = ["ferry-winter", "ferry-winter-amp", "ferry-winter-b", "harbour-ferry-winter", "news-ferry-winter", "print"]


def _copy(number: int) -> str:
    """The article as the site prints it; copies 0 and 3, 1 and 4, 2 and 5 are exact copies of each other."""
    box = HEADLINES[number % 3 : number % 3 + 4]
    lines = [MASTHEAD, TITLE, "By Niamh Keane | 2 December 2024", *ARTICLE, "Elsewhere on the quays", *box, *FOOTER]
    return "\n".join(lines) + "\n"


def _corpus(folder: Path, names: list[str] = COPIES) -> Path:
    site = folder / "harbour-gazette"
    shutil.copytree(SITE, site)
    for number, name in enumerate(names):
        (site / f"{name}.txt").write_text(_copy(number), encoding="utf-8")
    return site


def test_copies_of_an_article_keep_their_lines_with_the_profile(tmp_path: Path) -> None:
    site = _corpus(tmp_path / "corpus")
    learned = clean_in_process("learn", "corpus", "-o", "profile.json", cwd=tmp_path)
    assert learned.returncode == 0, learned.stderr
    for name in COPIES:
        cleaned = clean_in_process(site / f"{name}.txt", "--profile", "profile.json", "--format", "md", cwd=tmp_path)
        assert cleaned.returncode == 0, cleaned.stderr
        assert f"title: {TITLE}\n" in cleaned.stdout, name
        lines = set(cleaned.stdout.splitlines())
        assert [line for line in ARTICLE if line not in lines] == [], name  # main dropped the last sentence
        assert not lines & {MASTHEAD, *FOOTER, *HEADLINES}, name  # the template is still removed
    assert learned.stderr.splitlines()[0].startswith(  # the first copy is a page; the others are counted apart
        "harbour-gazette: 13 pages and 5 copies of them (not counted), 1 template generation, "
    )
    assert "from 13 documents and 5 copies (18 read now, 0 failed)" in learned.stderr


def test_copies_learned_later_with_update_are_recognised_too(tmp_path: Path) -> None:
    """The counts are the learner's only memory, and the file keeps them: ``--update`` recognises copies of pages
    learned in an earlier run, and gives the file learning everything at once gives."""
    site = _corpus(tmp_path / "corpus", COPIES[:1])
    later = tmp_path / "later" / site.name
    later.mkdir(parents=True)
    for number, name in enumerate(COPIES[1:], start=1):
        (later / f"{name}.txt").write_text(_copy(number), encoding="utf-8")
    at_once = clean_in_process("learn", "corpus", "later", "-o", "whole.json", cwd=tmp_path)
    assert at_once.returncode == 0, at_once.stderr
    first = clean_in_process("learn", "corpus", "-o", "parts.json", cwd=tmp_path)
    second = clean_in_process("learn", "later", "-o", "parts.json", "--update", cwd=tmp_path)
    assert first.returncode == second.returncode == 0, second.stderr
    assert first.stderr.startswith("harbour-gazette: 13 pages, 1 template generation, ")
    assert at_once.stderr.startswith("harbour-gazette: 13 pages and 5 copies of them (not counted), ")
    assert second.stderr.startswith("harbour-gazette: 13 pages and 5 copies of them (not counted), ")
    assert (tmp_path / "parts.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
    assert load_profile(tmp_path / "whole.json").sites["harbour-gazette"].copies == 5


TEMPLATE = ["Home", "Valley News Online", "Sport and weather", "Subscribe to our weekly letter", "All rights reserved"]
LINES = [  # article lines: short ones (titles, headings) and sentences long enough to be prose
    *(f"Headline about the {word} of the valley" for word in ("bridge", "ferry", "market", "school", "river")),
    *(f"What the {word} means" for word in ("vote", "plan", "delay")),
    *(
        f"The {word} was discussed by the council for three hours on Tuesday evening before the vote was taken."
        for word in ("bridge", "ferry", "market", "school", "river", "tunnel")
    ),
]
PAGE = st.lists(st.sampled_from(LINES), min_size=1, max_size=6, unique=True)


def _without_copies(profile: Profile) -> dict[str, object]:
    """The sites' JSON without their copies, nor the learner's cores (computed again at any page, a copy too)."""
    data: dict[str, object] = {}
    for name, site in profile.sites.items():
        generations = [{k: v for k, v in g.to_dict().items() if k != "learner_core"} for g in site.generations]
        data[name] = {**site.to_dict(), "copies": None, "generations": generations}
    return data


@settings(max_examples=150, deadline=None)
@given(st.lists(PAGE, min_size=1, max_size=15), st.data())
def test_an_exact_copy_of_a_learned_document_changes_no_count(pages: list[list[str]], data: st.DataObject) -> None:
    """Whatever was learned before, learning a document again changes no count, no generation, no marker."""
    learner = ProfileLearner(Parameters())
    documents = [[*TEMPLATE[:3], *page, *TEMPLATE[3:]] for page in pages]
    for document in documents:
        learner.add("valley", document)
    before = learner.profile()
    again = data.draw(st.sampled_from(documents))
    assert not learner.add("valley", again)
    after = learner.profile()
    assert _without_copies(after) == _without_copies(before)
    assert after.sites["valley"].copies == before.sites["valley"].copies + 1
    assert profile_json(after).replace('"copies": ', "") != profile_json(before)  # the tally is in the file
