"""The rules file and configuration: valid, documented, extensible, and safe to extend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config, ConfigError, clean, load_config
from cleaner.config import config_from_table
from cleaner.rules.furniture import RulesByLength, may_start
from cleaner.rules.loader import CompiledRule, Rule, RuleError, Scope, builtin_rules, compile_rules, parse_rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
CATEGORIES = set(re.findall(r"^\| `([a-z-]+)` \|", DOCS, flags=re.M))
SLOGAN = {"id": "site.slogan", "category": "branding", "pattern": "Our slogan here", "why": "The site's slogan."}


def test_every_builtin_rule_is_documented_with_a_known_category() -> None:
    rules = builtin_rules()
    assert len(rules) >= 40
    for rule in rules:
        assert f"`{rule.id}`" in DOCS, rule.id
        assert rule.category in CATEGORIES, (rule.id, rule.category)
        assert rule.why.strip(), rule.id


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in builtin_rules()]
    assert len(ids) == len(set(ids))


def test_a_malformed_rule_names_its_origin_and_problem() -> None:
    with pytest.raises(RuleError, match=r"extra\.toml: rule 'x' needs a non-empty string 'why'"):
        parse_rules('[[rule]]\nid = "x"\ncategory = "c"\npattern = "a"\n', origin="extra.toml")
    with pytest.raises(RuleError, match="bad pattern"):
        parse_rules('[[rule]]\nid = "x"\ncategory = "c"\npattern = "(a"\nwhy = "w"\n', origin="extra.toml")
    with pytest.raises(RuleError, match="unknown key 'colour'"):
        parse_rules('[[rule]]\nid = "x"\ncategory = "c"\npattern = "a"\nwhy = "w"\ncolour = 1\n', origin="e")


def test_a_catastrophic_user_pattern_cannot_hang() -> None:
    evil = Rule("user.evil", "user", "(a+)+$", "backtracks exponentially on a run of a's and a b", Scope.SEARCH)
    (compiled,) = compile_rules([evil])
    assert compiled.matches("a" * 40 + "b") is False  # the timeout says no, instead of running for ages


def test_user_rules_extend_and_disable_by_id_or_category() -> None:
    text = "A first paragraph about the harbour, long enough to be prose for anyone.\n\nOur slogan here\n\nFoto: dpa"
    table = {
        "rule": [{"id": "site.slogan", "category": "branding", "pattern": "our slogan here", "why": "slogan"}],
        "disable": ["caption"],
    }
    article = clean(text, format="text", config=config_from_table(table, origin="test"))
    assert [(r.text, r.rule, r.category) for r in article.removed] == [("Our slogan here", "site.slogan", "branding")]
    assert article.blocks[-1].text == "Foto: dpa"


def test_keep_protects_a_block_from_every_rule() -> None:
    text = "A first paragraph about the harbour, long enough to be prose for anyone.\n\nFoto: dpa"
    article = clean(text, format="text", config=Config(keep=(r"^Foto: dpa$",)))
    assert article.removed == ()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"disable": "cookie"}, "'disable' must be a list of strings"),
        ({"max_bytes": -1}, "'max_bytes' must be a positive whole number"),
        ({"language": "german"}, "'language' must be a two-letter"),
        ({"keep": ["(unclosed"]}, r"\[tool.cleaner\] 'keep': bad pattern '\(unclosed': missing \)"),
        ({"timeout": float("nan")}, "'timeout' must be a positive number, at most 86,400"),
        ({"timeout": float("inf")}, "'timeout' must be a positive number"),
        ({"timeout": 1e12}, "'timeout' must be a positive number"),
        ({"max_bytes": 10**20}, "'max_bytes' must be a positive whole number"),
        ({"max_bytes": 0.5}, "'max_bytes' must be a positive whole number"),
        ({"rule": [{**SLOGAN, "id": "medium.separator"}]}, "rule 'medium.separator': a built-in rule has this id"),
        ({"rule": [SLOGAN, SLOGAN]}, "rule 'site.slogan': another rule of this configuration has this id"),
        ({"rule": [{**SLOGAN, "why": ""}]}, r"^pyproject.toml: \[tool.cleaner\] rule 'site.slogan' needs a non-empty"),
        ({"rule": [{**SLOGAN, "pattern": "(a"}]}, r"^pyproject.toml: \[tool.cleaner\] rule 'site.slogan': bad pattern"),
    ],
)
def test_bad_configuration_names_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config_from_table(table, origin="pyproject.toml")


def test_whole_floats_and_the_largest_values_are_taken() -> None:
    config = config_from_table({"max_bytes": 5e7, "timeout": 86_400}, origin="pyproject.toml")
    assert (config.max_bytes, config.timeout) == (50_000_000, 86_400.0)
    assert (type(config.max_bytes), type(config.timeout)) == (int, float)


@pytest.mark.parametrize("limits", [{"timeout": float("inf")}, {"timeout": -1.0}, {"max_bytes": -5}, {"timeout": "x"}])
def test_the_library_config_checks_its_limits_too(limits: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"^Config\((timeout|max_bytes)=...\) must be a positive"):
        Config(**limits)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["tool = 5\n", "[tool]\ncleaner = 5\n", "[tool]\ncleaner = [1, 2]\n"])
def test_a_tool_cleaner_that_is_no_table_is_a_clear_error(tmp_path: Path, text: str) -> None:
    """Named with --config or found by the search (a comment mentions the section), never a traceback."""
    (tmp_path / "pyproject.toml").write_text(f"# [tool.cleaner] below\n{text}", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A first paragraph about the harbour, long enough to be prose.\n", encoding="utf-8")
    for args in (["--config", "pyproject.toml"], []):
        ran = clean_command("a.txt", *args, cwd=tmp_path)
        assert ran.returncode == 2 and "Traceback" not in ran.stderr, ran.stderr
        assert ran.stderr.startswith("clean: error: ") and ran.stderr.count("\n") == 1
        assert ran.stderr.endswith("pyproject.toml: [tool.cleaner] must be a table (a [tool.cleaner] section)\n")


def test_load_config_reads_tool_cleaner_from_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.cleaner]\ndisable = ["cookie"]\nlanguage = "de"\n', encoding="utf-8")
    config = load_config(path)
    assert config.disable == frozenset({"cookie"})
    assert config.language == "de"
    assert all(rule.rule.category != "cookie" for rule in config.rules)


ADVERSARIAL_UNITS = (
    "a",
    " ",
    "a ",
    "ab ",
    "1",
    "1 ",
    "12. ",
    ".",
    "-",
    "a-",
    "é ",
    "a.",
    "by ",
    "the ",
    "cookie ",
    "|",
    "a | ",
    "photo ",
    "\n",
    "a\n",
    "(",
    "www.",
    "x_",
)


def test_builtin_patterns_do_not_backtrack_away_on_adversarial_text() -> None:
    """Built-in rules run without the regex timer (furniture.matcher), so none may run away.

    Each pattern meets repetitive text up to its ``max_chars`` (and with a trailing mismatch), the
    inputs that make nested or adjacent unbounded repeats explode; the timer is armed here only
    to fail the test instead of hanging it.
    """
    for compiled in compile_rules(builtin_rules()):
        limit = compiled.rule.max_chars
        for unit in ADVERSARIAL_UNITS:
            body = (unit * (limit // len(unit) + 1))[:limit]
            for text in (body, body[:-1] + "!", body[: limit // 2]):
                try:
                    compiled.regex.fullmatch(text, timeout=0.5)
                    compiled.regex.search(text, timeout=0.5)
                except TimeoutError:
                    pytest.fail(f"rule {compiled.rule.id!r} runs away on {unit!r} * {len(text) // len(unit)}")


def _first_rule_one_by_one(text: str, rules: tuple[CompiledRule, ...]) -> str | None:
    """The first rule that matches, asking each in file order (what the furniture layer must agree with)."""
    return next((rule.rule.id for rule in rules if rule.matches(text)), None)


def test_rules_asked_by_first_and_last_character_find_the_rule_a_loop_finds() -> None:
    """Asking only the rules that can begin with a block's opening (first two characters) and end with its last
    (and a user's rule) changes nothing, also where case folding turns one character into two."""
    user = Rule("user.share", "user", "share( this)?", "a share button", Scope.BLOCK, max_chars=40)
    rules = compile_rules((*builtin_rules(), user))
    by_length = RulesByLength(rules)
    lines = [line for path in sorted((ROOT / "seeds").glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    texts = {line.strip() for line in lines} | {unit * 3 for unit in ADVERSARIAL_UNITS}
    texts |= {"Share this", "SHARE", "Foto: dpa", "Read more", "Straße", "ß", "(AP Photo/Jane Doe)", "5 min read"}
    texts |= {"Read more:", "READ MORE …", "Sign up for our newsletter.", "The Morning Briefing", "Newsletter"}
    texts |= {"hero-image-1200x800.JPG", "Seen here. (Getty Images)", "A view of it. Photo: Jane Doe", "STRASSE", "ẞ"}
    texts |= {"ﬁle photo", "FILE PHOTO", "İn case you missed it", "ẞhare this", "Ss", "«Read more»", "R"}  # openings
    texts |= {"Jane Doe | Getty Images", "Handout via AP", "EPA", "(Image credit: NASA)", "A view. Credit: NASA"}
    found = {text: _first_rule_one_by_one(text, rules) for text in texts if text}
    assert sum(rule is not None for rule in found.values()) >= 5  # the comparison meets real matches
    for text, rule in found.items():
        matched = by_length.first_match(text)
        assert (matched.rule.id if matched else None) == rule, text
    assert len(by_length.for_text("Share this")) < len(by_length.for_length(len("Share this")))  # fewer asked
    assert len(by_length.for_text("Share this.")) < len(by_length.for_text("Share this"))  # fewer end with "."


_GUARDED = [rule for rule in compile_rules(builtin_rules()) if rule.rule.pattern.startswith("(?=[^\\n]*?")]
_CREDIT_WORDS = ["Credit", "crédito", "Getty Images", "EPA", " via ", "AP", "Jane Doe", "|", ". ", "(", ")", ": ", "x"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_CREDIT_WORDS), max_size=12))
def test_a_rule_opened_by_a_lookahead_for_its_word_matches_what_it_matches_without_it(words: list[str]) -> None:
    """A slow rule opens with a lookahead for the word it needs (the rules file says so): blocks without that word
    fail at once, and every block is answered as the rule without the lookahead answers it."""
    assert _GUARDED, "no rule opens with a lookahead"
    text = "".join(words)
    for rule in _GUARDED:
        unguarded = re.sub(r"^\(\?=\[\^\\n\]\*\?(?:[^()]|\([^()]*\))*\)", "", rule.rule.pattern)
        assert unguarded != rule.rule.pattern
        plain = Rule(rule.rule.id, rule.rule.category, unguarded, rule.rule.why, rule.rule.scope)
        assert bool(rule.regex.fullmatch(text)) == bool(plain.compile().fullmatch(text)), (rule.rule.id, text)


# Openings: letters that case folding turns into two (ß, ẞ, ﬁ, İ), punctuation that opens furniture ("©", "«"),
# spaces, and any other character.
_OPENING_CHARS = st.one_of(
    st.sampled_from("ßẞſﬁﬂİıSsFfIiRrPpAaCc©«»(–—•·|*>#\"' \u00a0\u200b\u212a"),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
_RULES = compile_rules((*builtin_rules(), Rule("user.share", "user", "share( this)?", "a share button", Scope.BLOCK)))


@settings(max_examples=400)
@given(st.text(_OPENING_CHARS, min_size=0, max_size=2))
def test_an_opening_is_asked_of_the_rules_its_first_character_may_start_as_of_every_rule(opening: str) -> None:
    """The rules asked about a block's opening only where its first character may start them answer as every rule
    asked about it does: a text that can begin with "ab" can begin with "a" (checked once over 149 characters
    squared and every built-in rule, and here on drawn openings)."""
    by_length = RulesByLength(_RULES)
    every = sum(1 << place for place, rule in enumerate(_RULES) if may_start(rule, opening))  # the rules' bit mask
    assert by_length._starts(opening) == every
    assert by_length._starts(opening) == every  # remembered


ARTICLE_LINE = (
    "The council met on Tuesday evening to discuss the new bus timetable for the northern districts, and "
    "residents had complained for months."
)


@pytest.mark.parametrize(
    ("line", "rule_id"),
    [
        ("Keine KommentareKommentare sind geschlossen.", "navigation.no-comments"),
        ("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", "navigation.no-comments"),
        ("Comments are closed.", "navigation.no-comments"),
        ("Submit your letter to the editor via this form. Read more Letters to the Editor.", "comments.tell-us"),
        (
            "We want to hear what you think. Submit a letter to the editor or write to letters@example.com.",
            "comments.tell-us",
        ),
        ("Lesen Sie hier: Spielabbruch in der Kreisliga", "related.inline-read-more"),
        ("Dowiedz się więcej: Kto jak głosował ws. unijnych funduszy?", "related.inline-read-more"),
        (
            "If you enjoyed reading this post – would you consider supporting us? Just click here. Thanks!",
            "related.enjoyed-this",
        ),
        ("Titelbild: Geyres Christophe/ABACA/picture-alliance", "caption.photo-prefix"),
        ("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO", "caption.agency-credit"),
        ("Follow The Gleaner on Twitter @JamaicaGleaner. Send us a message on WhatsApp.", "share.follow-box"),
        ("For the latest stories download the Nationnews apps for iOS and Android.", "promo.get-the-app"),
        ("Teilen Sie dies mit:", "share.widget-labels"),
        ("Gefällt mir Wird geladen...", "share.widget-labels"),
        ("%d Bloggern gefällt das:", "share.widget-labels"),
        ("Ähnliche Beiträge", "related.more-from-de"),
        ("Das könnte dich auch interessieren …", "related.more-from-de"),
        ("Related …", "related.more-from"),
        ("Veja também:", "related.more-from-pt"),
        ("Leggi anche:", "related.more-from-it"),
        ("Lees ook:", "related.more-from-nl"),
        ("Czytaj także", "related.more-from-pl"),
        ("Читайте также:", "related.more-from-ru"),
        ("Материалы по теме", "related.more-from-ru"),
        ("Udostępnij", "share.share-this"),
        ("Condividi su Facebook", "share.share-this"),
        ("Compartilhe no WhatsApp", "share.share-this"),
        ("Deel dit artikel", "share.share-this"),
        ("Поделиться", "share.share-this"),
        ("Zapisz się do naszego newslettera", "newsletter.subscribe"),
        ("Iscriviti alla nostra newsletter", "newsletter.subscribe"),
        ("Assine a nossa newsletter", "newsletter.subscribe"),
        ("Schrijf je in voor onze nieuwsbrief", "newsletter.subscribe"),
        ("Подпишитесь на нашу рассылку", "newsletter.subscribe"),
        ("Next articleCity council approves the new budget", "navigation.previous-next-headline"),
        ("Vorheriger ArtikelDie Gemeinde plant einen Radweg", "navigation.previous-next-headline"),
        ("Jane Doe/Getty Images", "caption.name-slash-agency"),
        ("Jan Kowalski / AP", "caption.name-slash-agency"),
        ("Photo by Jane Doe on Unsplash", "caption.stock-photo"),
        ("Bild von Max Muster auf Pixabay", "caption.stock-photo"),
        ("Image 2 of 5", "caption.picture-label"),
        ("Bild 1 von 10", "caption.picture-label"),
        ("Photo 3 sur 12", "caption.picture-label"),
        ("Imagen 4 de 8", "caption.picture-label"),
        ("(Image credit: Jane Doe/NASA)", "caption.credit-after-caption"),
        ("The lander on the lunar surface, in an artist's concept. Credit: NASA", "caption.credit-after-caption"),
        ("The bridge at night, seen from the river (credit: Jane Doe)", "caption.credit-after-caption"),
        ("Le port de Marseille au lever du jour. Crédit : AFP", "caption.credit-after-caption"),
        ("Le port au lever du jour (Crédit photo : Jean Dupont)", "caption.credit-suffix"),
        ("El puerto de Valencia al amanecer. Crédito: EFE", "caption.credit-after-caption"),
        ("Getty", "caption.agency-alone"),
        ("EPA", "caption.agency-alone"),
        ("Jane Doe | Bloomberg | Getty Images", "caption.agency-alone"),
        ("Max Muster, Keystone", "caption.agency-alone"),
        ("Handout via AP", "caption.agency-alone"),
        ("Subscribe to keep reading", "newsletter.paywall"),  # a paywall's box (trial44)
        ("Already a subscriber? Log in", "newsletter.paywall"),
        ("Get unlimited access to the Daily Example for 1 euro for the first month.", "newsletter.read-the-rest"),
        ("« Page 1 Page 2 of 2", "navigation.page-numbers"),  # an article split over pages (trial44)
        ("Page 1 | Page 2 | Page 3", "navigation.page-numbers"),
        ("Seite 2 von 3", "navigation.page-numbers"),
    ],
)
def test_furniture_lines_in_several_languages_are_removed_by_their_rule(line: str, rule_id: str) -> None:
    article = clean(f"{line}\n\n{ARTICLE_LINE}", format="text")
    assert [(removal.text, removal.rule) for removal in article.removed] == [(line, rule_id)]
    assert article.text == ARTICLE_LINE


@pytest.mark.parametrize(
    "line",
    [
        "Participants were asked to download the app.",
        "Researchers followed the patients on Twitter for a year.",
        "Comments are welcome at the public hearing next week, the council said.",
        "The next article in this series looks at the budget.",
        "Next article in the series: the budget",
        "I like this: the council listened for once.",
        "Mi piace questa città, ha detto il sindaco.",
        "Deel 2: de terugkeer van de ooievaar",
        "Condividi le tue idee con il consiglio comunale entro venerdì.",
        "Подпишитесь на петицию, призвал мэр жителей города.",
        # near the caption credits: a credit is anchored on the caption's full stop or its parentheses
        "The bank cut its lending. Credit conditions eased in March, the survey found.",
        "The firm said it would extend credit to small businesses. Credit: the survey's word for loans, it added.",
        "The mayor thanked the council. The new bridge opened on Monday. Credit: Jane Doe",
        "Photos of the new bridge were sent to the agency via AP and Reuters.",
        "Reuters",
        "Many readers subscribe to keep up with the council's decisions.",
        "Students get unlimited access to the library from Monday, the university said.",
        "Page 2: the timeline",
        "The plan is on page 3 of the council's agenda.",
    ],
)
def test_article_sentences_near_those_rules_stay(line: str) -> None:
    assert clean(f"{line}\n\n{ARTICLE_LINE}", format="text").removed == ()


def test_a_written_by_line_is_left_to_the_byline_reader() -> None:
    article = clean(f"{ARTICLE_LINE}\n\nWritten by Ana Sandoiu on July 27, 2017", format="text")
    assert (article.authors, article.published) == (("Ana Sandoiu",), "2017-07-27")
    assert [removal.rule for removal in article.removed] == ["metadata.byline-dateline"]


def test_a_headline_with_a_compound_photo_word_is_no_credit() -> None:
    line = "Neuer Blick auf das „Blue Marble“-Foto: ICON simuliert das gekoppelte Klimasystem"
    assert clean(f"{ARTICLE_LINE}\n\n{line}\n\n{ARTICLE_LINE} Again.", format="text").removed == ()
    caption = "Marco Odermatt beim Start in Adelboden. Foto: Keystone"
    removed = clean(f"{ARTICLE_LINE}\n\n{caption}", format="text").removed
    assert [(removal.text, removal.rule) for removal in removed] == [(caption, "caption.credit-suffix")]
