"""No built-in furniture rule matches ordinary headings and sentences, in several languages.

Rules compile case-insensitive; a pattern that relies on case says so (``(?-i:...)``).  Each rule
is tried on every line below as a whole block; none may match.  The lines are what article bodies
are made of: subheadings (several in capitals, with slashes, numbers and colons, as headings are
written) and plain sentences in English, German, French, Spanish, Portuguese, Italian, Dutch and Polish.
"""

from __future__ import annotations

import pytest

from cleaner.rules.loader import builtin_rules, compile_rules

ORDINARY = (
    # headings
    "Input / output ratio matters",
    "Supply / demand in the housing market",
    "Before / after: the river ten years on",
    "What the council decided",
    "Why prices rose in 2023",
    "Five questions for the new coach",
    "The road ahead",
    "Stadt / Land: Wo die Mieten steigen",
    "Was jetzt auf Pendler zukommt",
    "Die Lage am Donnerstag",
    "Ce que prévoit la réforme",
    "Avant / après : le chantier en images",
    "Lo que sabemos hasta ahora",
    "Antes / después de la riada",
    "Cosa cambia per i pendolari",
    "Wat de gemeente nu wil",
    "Co dalej z reformą?",
    "O que muda para os passageiros",
    "Cosa leggere prima del voto",
    "Ten years later",
    "A closer look at the numbers",
    "How we reported this story",
    "Tax credit: what changes in 2024",
    "Child Tax Credit: What Changes for Families",
    "UniCredit: Gewinn steigt im dritten Quartal",
    "Crédit immobilier : les taux remontent",
    "Le crédit : un outil pour les PME",
    "El crédito: cómo pedir un préstamo",
    "Kredit: Was Sie jetzt wissen müssen",
    "Slide 3 of the budget",
    "Keystone XL: what we know",
    "Why the EPA rule matters",
    "Getty Center reopens",
    # sentences
    "The ratio of input to output matters more than the total, the engineers said.",
    "She moved to Berlin in 2019 and has worked as a nurse ever since.",
    "Die Gemeinde will den Radweg bis zum Sommer fertigstellen.",
    "Nach Angaben der Polizei wurde niemand verletzt.",
    "Le maire a présenté le budget lundi soir devant le conseil municipal.",
    "Selon la préfecture, la route restera fermée jusqu'à vendredi.",
    "El ayuntamiento aprobó el presupuesto con los votos de la mayoría.",
    "Il sindaco ha annunciato nuovi fondi per le scuole della città.",
    "De gemeenteraad stemde dinsdag in met het plan.",
    "Rada miasta przyjęła budżet na przyszły rok.",
    "A prefeitura aprovou o orçamento na terça-feira, segundo o jornal.",
    "Zobacz, jak głosowali radni w sprawie budżetu.",
    "The bank said it would extend credit to farmers (credit lines of up to five years) from March.",
    "Die Sparkasse vergibt wieder mehr Kredite an kleine Betriebe, sagte der Vorstand.",
    "La banque a accordé un crédit de 2 millions d'euros à la commune. Crédit : la ville paiera sur dix ans.",
    "El banco concedió un crédito al ayuntamiento para reparar el puente.",
    "Researchers studied images of the brain (image 2 of the series shows the cortex).",
    "She decided to unsubscribe from the service after the price rise.",
    "Readers can view the report online until Friday.",
    "Sie erhalten eine Antwort innerhalb einer Woche.",
    "Vous recevez vos invités dans le jardin.",
)


@pytest.mark.parametrize("line", ORDINARY)
def test_no_rule_matches_an_ordinary_heading_or_sentence(line: str) -> None:
    matching = [compiled.rule.id for compiled in compile_rules(builtin_rules()) if compiled.matches(line)]
    assert matching == []


@pytest.mark.parametrize(
    "credit", ["AFP / MARCO BERTORELLO", "REUTERS/John Davison", "dpa/Bernd Weißbrod", "EPA / Olivier Hoslet"]
)
def test_a_bare_agency_credit_is_still_a_caption(credit: str) -> None:
    matching = [compiled.rule.id for compiled in compile_rules(builtin_rules()) if compiled.matches(credit)]
    assert "caption.agency-slash-name" in matching
