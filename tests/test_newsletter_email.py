"""E-mail newsletters saved as text or HTML (trial46): every mailing tool (Mailchimp, Substack, Sendinblue, Campaign
Monitor, CleverReach...) prints a link to read the e-mail in a browser over it, and under it why the reader got it,
an unsubscribe link, a link to the reader's preferences and one to forward it.  Three rules of
``cleaner/rules/furniture_rules.toml`` remove them (``newsletter.view-in-browser``, ``newsletter.receiving-because``,
``newsletter.email-footer``), in English, German, French and Spanish.  The e-mails here are made up."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.rules.loader import builtin_rules, compile_rules

NEW_RULES = ("newsletter.view-in-browser", "newsletter.receiving-because", "newsletter.email-footer")
ARTICLE = [
    "Spring planting has started early this year after a mild winter, and many of you wrote to ask which vegetables "
    "can go into the ground before the last frost. Broad beans, peas and onion sets are the safest choices.",
    "Tomatoes and courgettes should wait until the nights stay above ten degrees, which in most of the country means "
    "the middle of May. Until then they are better off on a sunny windowsill or in an unheated greenhouse.",
    "Next week we will look at how to build a simple cold frame from old windows and a few planks, a project that "
    "takes an afternoon and costs almost nothing.",
]
FURNITURE = [
    ("View this email in your browser", "newsletter.view-in-browser"),
    ("Having trouble viewing this email? View it in your browser.", "newsletter.view-in-browser"),
    ("View web version", "newsletter.view-in-browser"),
    ("E-Mail im Browser ansehen", "newsletter.view-in-browser"),
    ("Wird diese E-Mail nicht korrekt angezeigt? Im Browser öffnen", "newsletter.view-in-browser"),
    ("Voir la version en ligne", "newsletter.view-in-browser"),
    ("Ver este correo en tu navegador", "newsletter.view-in-browser"),
    ("You are receiving this email because you subscribed to our newsletter.", "newsletter.receiving-because"),
    (
        "You’re receiving this email because you signed up for updates from Example Co. Our mailing address is: "
        "12 Example Lane, Sampletown",
        "newsletter.receiving-because",
    ),
    ("Sie erhalten diese E-Mail, weil Sie unseren Newsletter abonniert haben.", "newsletter.receiving-because"),
    ("Vous recevez cet e-mail car vous êtes inscrit à notre lettre d'information.", "newsletter.receiving-because"),
    ("Recibes este correo porque te suscribiste a nuestro boletín.", "newsletter.receiving-because"),
    ("Unsubscribe", "newsletter.email-footer"),
    ("Unsubscribe | Update your preferences", "newsletter.email-footer"),
    ("unsubscribe from this list | update subscription preferences", "newsletter.email-footer"),
    ("Forward to a friend", "newsletter.email-footer"),
    (
        "Want to change how you receive these emails? You can update your preferences or unsubscribe from this list.",
        "newsletter.email-footer",
    ),
    ("Newsletter abbestellen", "newsletter.email-footer"),
    ("Abmelden | Profil aktualisieren", "newsletter.email-footer"),
    ("An einen Freund weiterleiten", "newsletter.email-footer"),
    ("Se désinscrire | Gérer vos préférences", "newsletter.email-footer"),
    ("Transférer à un ami", "newsletter.email-footer"),
    ("Cancelar suscripción | Actualizar preferencias", "newsletter.email-footer"),
    ("Reenviar a un amigo", "newsletter.email-footer"),
]
ORDINARY = [
    "She decided to unsubscribe from the service after the price rise.",
    "Readers can view the report online until Friday.",
    "View from the bridge",
    "You are receiving this award because of your work for the town.",
    "Forward planning matters more than ever",
    "Change your settings before the update",
    "Einstellungen ändern",
    "Sie erhalten eine Antwort innerhalb einer Woche.",
    "Vous recevez vos invités dans le jardin.",
    "Recibes el premio en mayo, dijo el jurado.",
    "The browser wars of the nineties",
    "Update your software regularly",
]


@pytest.mark.parametrize(("line", "rule_id"), FURNITURE)
def test_a_mailing_tools_lines_are_removed_by_their_rule(line: str, rule_id: str) -> None:
    article = clean("\n\n".join([line, *ARTICLE]), format="text")
    assert [(removal.text, removal.rule) for removal in article.removed] == [(line, rule_id)]
    assert [block.text for block in article.blocks] == ARTICLE


@pytest.mark.parametrize("line", ORDINARY)
def test_the_new_rules_match_no_ordinary_line(line: str) -> None:
    rules = [rule for rule in compile_rules(builtin_rules()) if rule.rule.id in NEW_RULES]
    assert len(rules) == len(NEW_RULES)
    assert [rule.rule.id for rule in rules if rule.matches(line)] == []


def newsletter() -> str:
    """A newsletter e-mail as a mail client saves it as text: the tool's lines over and under the letter."""
    head = ["View this email in your browser", "The Weekly Garden Letter"]
    foot = [
        "Forward to a friend",
        "You are receiving this email because you subscribed to The Weekly Garden Letter on our website.",
        "Unsubscribe | Update your preferences",
    ]
    return "\n\n".join([*head, *ARTICLE, *foot]) + "\n"


def test_a_newsletter_saved_as_text_keeps_its_letter_alone() -> None:
    article = clean(newsletter())
    assert [block.text for block in article.blocks] == ARTICLE
    assert {removal.rule for removal in article.removed} >= set(NEW_RULES)


def test_a_newsletter_saved_as_html_loses_the_tools_lines() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in newsletter().split("\n\n")[1:] if text.strip())
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>The Weekly Garden Letter</title></head><body>'
        '<div><a href="https://example.com/view">View this email in your browser</a></div>'
        f"<div>{paragraphs}</div></body></html>"
    )
    article = clean(page, format="html")
    assert all(text in article.text for text in ARTICLE)
    for line in ("View this email", "You are receiving", "Unsubscribe", "Forward to a friend"):
        assert line not in article.text
