"""translation.variety-mismatch: decided by the entity, not by a spelling list."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.testing import run_on_texts

RULE = "translation.variety-mismatch"


def run(text: str, date: str = "2024-12-18"):
    text = f"---\ndate: {date}\n---\n{text}"
    config = Config(knowledge=["people", "offices", "people_generated", "offices_generated"], select=[RULE])
    return [f for f in run_on_texts([text], config=config) if f.rule == RULE]


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("The UK Ministry of Defense is considering it.", "UK Ministry of Defense", "UK Ministry of Defence"),
        ("Britain's Defense Ministry said so.", "Britain's Defense Ministry", "Britain's Defence Ministry"),
        ("Defense Secretary John Healey was in Kyiv.", "Defense Secretary John Healey", "Defence Secretary John Healey"),
        ("A spokesman for the US Department of Defence declined.", "US Department of Defence", "US Department of Defense"),
        ("Defence Secretary Lloyd Austin met him.", "Defence Secretary Lloyd Austin", "Defense Secretary Lloyd Austin"),
        ("The American Defence Department agreed.", "American Defence Department", "American Defense Department"),
        ("Healey said he would wait, but the defense secretary said no.", "defense secretary", "defence secretary"),
        ("The British Defense Secretary flew in.", "Defense Secretary", "Defence Secretary"),
    ],
)
def test_flags_with_the_entity_spelling(text, span, suggestion):
    found = run(text, "2022-03-01" if "Austin" in text else "2024-12-18")
    assert [(f.text, f.suggestion) for f in found] == [(span, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Defence Secretary John Healey met his Norwegian counterpart.",
        "Israel's Ministry of Defense announced the contract.",
        "The Israeli Defense Ministry said the US Department of Defense agreed.",
        "Ukraine's Ministry of Defense and Russia's Defence Ministry traded claims.",
        "The defense minister said the air defense systems had arrived.",
        "Defense sources said one option was being considered.",
        "Defense Secretary Lloyd Austin spoke to the Ukrainian Defence Ministry.",
        "The Department of Defence said so.",  # no country: Australia or the UK
    ],
)
def test_passes(text):
    assert run(text, "2022-03-01") == []


def test_rule_is_a_safe_fix():
    from auditor.registry import python_rules

    assert python_rules()[RULE].safe_fix is True


def test_qualified_foreign_title_in_the_documents_own_spelling_is_info():
    text = "Our defense budget grew. British Defense Secretary Michael Fallon met the defense chiefs."
    (finding,) = run(text, "2017-06-01")
    assert finding.severity.value == "info"
    (finding,) = run("Defense Secretary John Healey was in Kyiv, defense sources said.")
    assert finding.severity.value == "warning"


def test_title_after_the_name():
    found = run("Michael Fallon, Britain's Defense Secretary, quit.", "2017-06-01")
    assert [(f.text, f.suggestion) for f in found] == [("Defense Secretary", "Defence Secretary")]


# --------------------------------------------------------------------------- parties and unqualified institutions
@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Britain's Labor Party won a landslide in July.", "Britain's Labor Party", "Britain's Labour Party"),
        ("The Australian Labour Party won again.", "Australian Labour Party", "Australian Labor Party"),
        # no qualifier: the office-holder named before it says whose ministry it is
        ("Defence Secretary John Healey announced the orders. The Ministry of Defense said they were worth £1.5bn.",
         "Ministry of Defense", "Ministry of Defence"),
        ("Prime Minister Keir Starmer spoke. He said the Labor Party would govern for all.",
         "Labor Party", "Labour Party"),
        # the minister named in the paragraph before
        ("Defence Secretary John Healey announced the orders.\n\nThe Ministry of Defense said they were worth £1.5bn.",
         "Ministry of Defense", "Ministry of Defence"),
        # the minister named after it, in its own sentence
        ("The Ministry of Defense said Defence Secretary John Healey would announce the orders.",
         "Ministry of Defense", "Ministry of Defence"),
        # the seat of government right after it
        ("Drones were ordered.\n\nThe Ministry of Defense in London said they were worth £1.5bn.",
         "Ministry of Defense", "Ministry of Defence"),
        ("A spokesman for the Department of Defence in Washington declined to comment.",
         "Department of Defence", "Department of Defense"),
    ],
)
def test_parties_and_unqualified_institutions_flag(text, span, suggestion):
    found = run(text, "2025-10-20")
    assert [(f.text, f.suggestion) for f in found] == [(span, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Anthony Albanese's Labor Party won again; Britain's Labour Party lost ground.",
        "Benjamin Netanyahu toured the border. The Ministry of Defense said more troops would follow.",
        "Defence Secretary John Healey met Pete Hegseth. The US Department of Defense said the talks went well.",
        # the US department is meant: the document names the US
        "Defence Secretary John Healey flew to Washington for US talks. The Department of Defense hosted him.",
        # nobody named before it in the paragraph: whose ministry is unknown
        "Drones were ordered.\n\nThe Ministry of Defense said they were worth £1.5bn.",
        # the minister named two paragraphs earlier is out of view
        "Defence Secretary John Healey spoke.\n\nDrones were ordered.\n\nThe Ministry of Defense said so.",
        # named after it, but in the next sentence
        "The Ministry of Defense said so. Defence Secretary John Healey visited the troops later.",
        # a seat without a recorded spelling variety
        "The Ministry of Defense in Moscow said more troops would follow.",
        # the nearest office-holder before it decides, not one named after it
        "Benjamin Netanyahu toured the border. The Ministry of Defense said John Healey would visit.",
    ],
)
def test_parties_and_unqualified_institutions_pass(text):
    assert run(text, "2025-10-20") == []
