"""boilerplate.* rules (YAML phrase lists and Python line-shape rules) on text written for the tests,
on the seeds and, for precision, on the AllSides archive."""

from __future__ import annotations

import json
import random

import pytest
import yaml

from auditor.testing import run_on_texts
from conftest import SEEDS, shared_data

PACK = SEEDS.parent / "rules" / "packs" / "boilerplate.yml"


def found(text: str, rule: str = "boilerplate") -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in run_on_texts([text], select=[rule]) if f.rule.startswith(rule)]


def rules_found(text: str) -> set[str]:
    return {rule for rule, _ in found(text)}


# --------------------------------------------------------------------------- YAML phrase rules
@pytest.mark.parametrize("line, rule", [
    ("Listen to this article", "boilerplate.player"),
    ("Loading audio...", "boilerplate.player"),
    ("JUST WATCHED Militarizing the police force Replay More Videos ... MUST WATCH Militarizing the police force 03:02",
     "boilerplate.player"),
    ("LISTEN TO ARTICLE 0:00 SHARE THIS ARTICLE Share Tweet Post Email", "boilerplate.player"),
    ("Slideshow (11 Images)", "boilerplate.player"),
    ("Read more: Former Brit soldier 'captured by Russia' while fighting in Ukraine", "boilerplate.related-link"),
    ("RELATED: Senate passes the bill", "boilerplate.related-link"),
    ("Story Continued Below", "boilerplate.related-link"),
    ("Advertisement Continue reading the main story", "boilerplate.related-link"),
    ("Advertisement", "boilerplate.advertisement"),
    ("ADVERTISEMENT", "boilerplate.advertisement"),
    ("Advertisement:", "boilerplate.advertisement"),
    ("CLICK HERE TO GET THE FOX NEWS APP", "boilerplate.share"),
    ("Sign up for Daily Newsletters Manage Newsletters", "boilerplate.share"),
    ("SHARE THIS ARTICLE Share Tweet Post Email", "boilerplate.share"),
    ("Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.",
     "boilerplate.share"),
    ("Follow Alex Norcia on Twitter.", "boilerplate.share"),
    ("Get the msnbc newsletter. This site is protected by recaptcha", "boilerplate.share"),
    ("Image copyright Getty Images", "boilerplate.photo-credit"),
    ("Photographer: Andrew Harrer/Bloomberg", "boilerplate.photo-credit"),
    ("We use cookies to give you the best experience on our website.", "boilerplate.cookie"),
    ("Story highlights Missouri Gov. Jay Nixon notes the over-militarization of police",
     "boilerplate.story-highlights"),
    ("Copyright 2017 The Associated Press. All rights reserved.", "boilerplate.footer"),
    ("This is a rush transcript. Copy may not be in its final form.", "boilerplate.footer"),
])
def test_scraped_line_between_prose_is_reported(line, rule):
    text = f"The senator spoke on Monday about the bill.\n\n{line}\n\nShe took questions afterwards."
    assert rule in rules_found(text)


@pytest.mark.parametrize("caption, credit", [
    ("President Trump speaks in the Rose Garden. (AP Photo/Evan Vucci)", "(AP Photo/Evan Vucci)"),
    ("Protesters gather outside the court. (Jonathan Ernst/Reuters)", "(Jonathan Ernst/Reuters)"),
    ("The senator arrives. (Photo by Win McNamee/Getty Images)", "(Photo by Win McNamee/Getty Images)"),
    ("Voters wait in line. (Photo: John Minchillo, AP)", "(Photo: John Minchillo, AP)"),
])
def test_photo_credit_span(caption, credit):
    assert ("boilerplate.photo-credit", credit) in found(caption, "boilerplate.photo-credit")


@pytest.mark.parametrize("text", [
    "He told readers to listen to this article before judging it.",
    "The advertisement ran on three networks during the final week.",
    "Read more about the plan on the ministry's website, she said.",
    "The story continues to develop, officials said on Monday.",
    "The senator urged voters to sign up for health insurance before the deadline.",
    "Twitter suspended the account on Friday, the company said.",
    "The photo was taken by an AP photographer in 2019.",
    "The company said it would stop using third-party cookies next year.",
    "The story highlights the risks of the new policy.",
    "The court ruled that copyright in the photograph belonged to the agency.",
    "He cited the figures (2019/2020) from the census.",
    "More than 40 people were hurt, police said.",
])
def test_prose_mentioning_the_same_words_passes(text):
    assert found(text) == []


def test_every_yaml_rule_has_flag_and_pass_examples():
    data = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        assert rule["id"].startswith("boilerplate."), rule["id"]
        assert rule["examples"]["flags"] and rule["examples"]["passes"], rule["id"]


# --------------------------------------------------------------------------- Python line-shape rules
def test_schedule_line():
    assert found("Iain Dale 7pm - 10pm\nLammy insists UK is not sending troops", "boilerplate.schedule") == [
        ("boilerplate.schedule", "Iain Dale 7pm - 10pm")]
    assert found("10pm – 1am: James O'Brien", "boilerplate.schedule")
    assert found("Nick Ferrari 07:00 - 10:00", "boilerplate.schedule")
    assert found("The debate runs from 7pm - 10pm on Thursday.", "boilerplate.schedule") == []
    assert found("Polls open 7am - 10pm", "boilerplate.schedule") == []
    assert found("Doors Open 7pm - 10pm", "boilerplate.schedule") == []


def test_fused_metadata():
    assert found("date 2024-11-27 The idea of sending troops remains a divisive issue.",
                 "boilerplate.fused-metadata") == [("boilerplate.fused-metadata", "date 2024-11-27")]
    assert found("Updated Dec. 12, 2019 The House voted to approve both articles on Wednesday.",
                 "boilerplate.fused-metadata")
    for text in ("June 1, 2017: Trump pulls the U.S. out of the Paris climate treaty.",
                 "November 3, 2020, rolled around, and national life entered a new phase.",
                 "26 November 2024, 07:28",
                 "Published 2024-11-27 Kyiv",
                 "The date 2024-11-27 was chosen for the summit."):
        assert found(text, "boilerplate.fused-metadata") == [], text


def test_truncated_end_of_document_and_list_item():
    assert found("It began in May. As a result, Iran's oil exports have dropped dramatically,", "boilerplate.truncated")
    assert found("The minister said the new plan would be presented to the", "boilerplate.truncated")
    items = "Under the plans:\n- Troops would be stationed away from the lines and the\n- Ports would be protected."
    assert found(items, "boilerplate.truncated")


@pytest.mark.parametrize("text", [
    "The sanctions took effect in May and exports fell.",
    "Donald Trump's Twitter Account Makes His Presidency Seem Worse than It Is",
    "Social activism isn't the career killer it once was",
    "Two men were injured on Sunday after triggering a tripwire bomb in the city",
    "Write to Michael C. Bender at Mike.Bender@wsj.com and Gordon Lubold at Gordon.Lubold@wsj.com",
    "- Troops would be stationed away from the current front lines\n- Ports would be protected",
    "Published in",
])
def test_untruncated_endings_pass(text):
    assert found(text, "boilerplate.truncated") == []


# --------------------------------------------------------------------------- seeds
def _seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_seed_001_leftovers():
    got = found(_seed("001"))
    assert ("boilerplate.schedule", "Iain Dale 7pm - 10pm") in got
    assert ("boilerplate.player", "Listen to this article") in got
    assert ("boilerplate.player", "Loading audio...") in got
    assert sum(1 for rule, text in got if rule == "boilerplate.related-link" and text.startswith("Read more: ")) == 2


def test_seed_000_fused_metadata_and_quiet_seeds():
    assert found(_seed("000")) == [("boilerplate.fused-metadata", "date 2024-11-27")]
    for name in ("002", "003", "004"):
        assert found(_seed(name)) == [], name


# --------------------------------------------------------------------------- real archive
def test_archive_sample_findings_are_leftovers():
    """On 400 real scraped articles, findings are short stand-alone lines or
    credits; only newsletter widgets (with their country drop-downs) are long."""
    path = shared_data("allsides_news_baly2020", "allsides_articles_50MB.jsonl")
    rows = path.read_text(encoding="utf-8").splitlines()
    random.Random(4).shuffle(rows)
    texts = [json.loads(r)["text"] for r in rows[:400]]
    findings = [f for f in run_on_texts(texts, select=["boilerplate"]) if f.rule.startswith("boilerplate.")]
    assert findings, "the archive has real leftovers"
    long_ones = [f for f in findings if len(f.text) > 250]
    assert all(f.rule == "boilerplate.share" and "sign up" in f.text.lower() for f in long_ones), long_ones
