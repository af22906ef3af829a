"""sourcing.anonymous and sourcing.unverifiable on text written for the tests and on the seeds."""

from __future__ import annotations

import pytest
import yaml

from auditor.config import load_config
from auditor.registry import build_rules
from auditor.rules.base import Context
from auditor.testing import make_document, run_on_texts
from conftest import SEEDS

ANON, UNVER = "sourcing.anonymous", "sourcing.unverifiable"


def found(text: str, rule: str) -> list[str]:
    return [f.text for f in run_on_texts([text], select=[rule]) if f.rule == rule]


@pytest.mark.parametrize("text, span", [
    ("Defense sources said one option was sending troops.", "Defense sources said"),
    ("The Telegraph quoted a Whitehall source as saying the plan was premature.", "a Whitehall source"),
    ('"We are not there yet," one British official told the Telegraph.', "one British official"),
    ("The deal is close, according to people familiar with the matter.", "people familiar with"),
    ("The paper reported the talks, citing anonymous sources.", "citing anonymous sources"),
    ("The deal was done, according to two unnamed officials.", "two unnamed officials"),
    ("An unnamed official said the deal was done.", "An unnamed official"),
    ("A senior administration official said the talks had stalled.", "A senior administration official"),
    ("Pentagon officials told reporters the drills would continue.", "Pentagon officials told"),
    ("The plan was shared with allies, as cited by a Western official.", "a Western official"),
    ("A source close to the minister said it was untrue.", "source close to"),
    ("People familiar with next week's meeting say it is a positive step.", "People familiar with"),
    ("An aide, who spoke on condition of anonymity, confirmed the meeting.", "An aide"),
    ("The figures were confirmed by a minister speaking on condition of anonymity.", "on condition of anonymity"),
    ("Officials said the border would reopen on Monday.", "Officials said"),
    ("A senior Conservative figure said the leader had lost the room.", "A senior Conservative figure"),
    ("One ally of the chancellor told the paper she would not resign.", "One ally"),
    ("Insiders claimed that two ministers had threatened to quit.", "Insiders claimed"),
    ("Sources suggested the deal could be signed within days.", "Sources suggested"),
    ("A diplomat in Brussels said the vote would be delayed.", "A diplomat"),
    ("One cabinet minister told the paper the Treasury had resisted.", "One cabinet minister"),
    ("A regional intelligence source said the talks covered refugees.", "A regional intelligence source"),
    ("Two Republican lawmakers said they would vote against the bill.", "Two Republican lawmakers"),
    ("A White House official, speaking on background, said the president would sign.", "A White House official"),
    ("Officials speaking on background said the plan was dead.", "speaking on background"),
    ("The aide, who was not authorized to speak publicly, confirmed it.", "who was not authorized to speak"),
    ("Sources in the alliance said Spain received an exception.", "Sources"),
    ("Officials at the U.S. embassy told reporters the plan was ready.", "Officials"),
    ("According to the information of sources in the alliance, Spain was exempted.", "sources"),
    # familiar-with phrasing after a modified noun, and why the source is unnamed
    ("A senior diplomat familiar with the talks said the two sides were still far apart.", "A senior diplomat"),
    ("A senior GOP aide involved in the talks told CNN the deal was close.", "A senior GOP aide"),
    ("The plan could change, according to sources close to the Kremlin.", "sources close to"),
    ("Tariffs are under review, the people said, asking not to be identified because the talks are private.",
     "asking not to be identified"),
    ("Several people close to the president, both within and outside his administration, confirmed it.",
     "Several people close to"),
    ("People with knowledge of the program wouldn't discuss the flights, but said they were regular.",
     "People with knowledge of"),
    ("The officials spoke on condition they not be identified because the talks were private.",
     "on condition they not be identified"),
    ("The people, who were granted anonymity to describe internal discussions, opposed it.", "granted anonymity"),
    ("Western diplomats said the sanctions would be extended.", "Western diplomats said"),
    ("The bill could take months, Senate aides said.", "Senate aides said"),
    ("Sources say the cabinet is divided.", "Sources say"),
    ("League sources tell ESPN the player tested positive.", "sources tell"),
])
def test_anonymous_attributions_are_reported(text, span):
    assert any(span in got for got in found(text, ANON))


@pytest.mark.parametrize("text", [
    "Dmitry Peskov, the Kremlin spokesperson, stated the report was wrong.",
    "A senior official, John Smith, said the plan was premature.",
    "Sources of energy such as wind and sun are growing fast.",
    "The CNN report, which relied on a single anonymous source, turned out to be wrong.",
    "He warned senior officials close to Pompeo of the investigation.",
    "People familiar with his toolbox will recognize the move.",
    '"Officials said nothing," the spokesman told reporters.',
    "Thursday.\n\nUS election results were certified on time.",
    "The source code was published on Monday.",
    "Public figures said to be on the list include two actors.",
    "The allies agreed a joint statement on Friday.",
    "One official in the ministry, Anna Kowalska, said the plan was ready.",
    "A former minister, John Smith, said the plan was premature.",
    "The prime minister told MPs the plan was ready.",
    "A new source of revenue is needed, the minister said.",
    "Energy sources such as wind are growing; insiders and outsiders alike agree.",
    "A spokesman, speaking at a briefing in Kyiv, Oleh Nikolenko, said the talks would go on.",
    "He said the plan, speaking of background checks, was fine.",
    "Robert Pollack, a lawyer for the firm, said he was not authorized to discuss the documents.",
    "Sources of energy in the region say little about prices.",
    "The deal was negotiated by senior officials at the company. Facebook said it had consulted them.",
    "Data from sources such as the census said little.",
    # "people familiar with" that is no attribution: the reporting verb belongs to a named speaker
    "People familiar with the region know that the road floods every spring, the mayor said.",
    "The sources of the leak remain unclear, Commissioner Mark Rowley said.",
    "The EU's top diplomat, Kaja Kallas, said the bloc would keep up pressure on Moscow.",
])
def test_named_or_unrelated_text_passes(text):
    assert found(text, ANON) == []


@pytest.mark.parametrize("text", [
    "In a move the officials said was overdue, the port reopened.",
    "They kept to an accelerated schedule some officials said was unsafe.",
])
def test_the_source_span_never_swallows_a_preceding_noun_phrase(text):
    """A determiner far from the source ("a move the officials") must not become part of its span."""
    spans = found(text, ANON)
    assert spans and all(not span.lower().startswith(("a ", "an ")) for span in spans)


@pytest.mark.parametrize("text, span", [
    ("Macron reportedly raised the idea with Donald Tusk.", "reportedly"),
    ("Only European soldiers would be involved, according to media reports that have been impossible to verify.",
     "media reports that have been impossible to verify"),
    ("It is claimed that the minister knew of the plan.", "It is claimed"),
    ("The video could not be independently verified.", "could not be independently verified"),
    ("One of the rumored plans involves peacekeepers.", "rumored"),
    ("The minister is said to be furious.", "is said to"),
    ("It is understood that the talks collapsed.", "It is understood"),
    ("It is said that the chief of staff wants quick wins.", "It is said"),
    ("It is reported that more aid will follow.", "It is reported that"),
    ("It is widely believed that the judge changed his vote.", "It is widely believed"),
    ("It has been suggested that the vote will be delayed.", "It has been suggested"),
    ("The death toll rose to 60, according to reports.", "according to reports"),
    ("State media said the village was captured, but this could not be confirmed.", "could not be confirmed"),
    ("A second person was rescued, but those reports have not been confirmed.", "have not been confirmed"),
    ("The suspect had been known to police, local media reported.", "local media reported"),
    ("Several media outlets reported that he had travelled abroad.", "Several media outlets reported"),
    ("Unverified footage circulating on social media appeared to show the strike.", "Unverified footage"),
])
def test_unverifiable_hedges_are_reported(text, span):
    assert span in found(text, UNVER)


@pytest.mark.parametrize("text", [
    "The minister told reporters the plan was agreed on Monday.",
    '"It is said to be cold there," she joked.',
    "The findings were reported by the Associated Press reports desk.",
    "The ministry confirmed the report on Tuesday.",
    "After seeing news reports, he admitted himself to hospital.",
    "Diversity, as it is understood today, means something different.",
    "The crime rate falls when it is reported to the police less often.",
    "As it is widely understood today, the law protects both sides.",
    "Much has been said about the plan, but it is said in bad faith.",
    "The company will buy Zoox, according to reports in The Information and the Financial Times.",
    "Iranian state media reported the launch, and KTLA and other media reported the arrest.",
])
def test_sourced_claims_pass(text):
    assert found(text, UNVER) == []


def _seed_findings(rule: str) -> dict[str, list[str]]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        out[path.name[:3]] = found(path.read_text(encoding="utf-8"), rule)
    return out


def test_seed_anonymous_sourcing():
    got = _seed_findings(ANON)
    assert got["003"].count("defense sources said") + got["003"].count("Defense sources said") == 2
    for span in ("citing anonymous sources", "a Whitehall source", "one British official"):
        assert span in got["002"]
    assert got["000"] == []


def test_seed_unverifiable_sourcing():
    got = _seed_findings(UNVER)
    assert "media reports that have been impossible to verify" in got["002"]
    assert got["000"] == [] and got["003"] == []


def _anonymous_rule():
    config = load_config(None, {"select": [ANON]})
    return build_rules(config, Context(config))[0]


def test_measure_counts_named_and_anonymous_attributions():
    rule = _anonymous_rule()
    doc = make_document(
        "Dmitry Peskov, the Kremlin spokesperson, stated the report was wrong. "
        "Lammy said the UK would not send troops. Defense sources said otherwise."
    )
    list(rule.check(doc))
    stats = rule.measure(doc)
    assert stats["named"] == 2 and stats["anonymous"] == 1
    assert stats["anonymous_share"] == pytest.approx(1 / 3)


def test_measure_without_check_and_without_attributions():
    rule = _anonymous_rule()
    stats = rule.measure(make_document("The weather was fine."))
    assert stats == {"named": 0.0, "anonymous": 0.0, "anonymous_share": 0.0}


def test_quoted_matches_are_ignored():
    assert found('She said: "Officials said it would work, reportedly."', ANON) == []
    assert found('She said: "Officials said it would work, reportedly."', UNVER) == []


def test_phrase_lists_are_data():
    data = yaml.safe_load((SEEDS.parent / "rules" / "sourcing.yml").read_text(encoding="utf-8"))
    assert {"anonymous", "unverifiable", "named"} <= set(data)
    assert "reportedly" in data["unverifiable"]["phrases"]
