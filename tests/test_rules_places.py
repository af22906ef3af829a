"""places.inconsistent and places.house-style on text written for the test."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.model import Severity
from auditor.testing import run_on_texts
from conftest import news_findings

KNOWLEDGE = ["places_generated", "places"]


def run(text: str, select=("places",), **house_style):
    config = Config(knowledge=KNOWLEDGE, select=list(select), house_style=house_style)
    return run_on_texts([text], config=config)


def spans(findings, rule=None):
    return [(f.rule, f.text, f.suggestion) for f in findings if rule is None or f.rule == rule]


def dated(date: str, body: str) -> str:
    return f"---\ndate: {date}\n---\n{body}"


# ----------------------------------------------------------------- house style
def test_2023_article_with_kiev_is_flagged():
    found = run(dated("2023-05-02", "Air raid sirens sounded across Kiev. Kiev's mayor spoke."))
    assert spans(found) == [("places.house-style", "Kiev", "Kyiv")] * 2
    assert all(f.severity is Severity.WARNING for f in found)


def test_2014_article_with_kiev_is_not_an_error():
    assert run(dated("2014-03-02", "Protesters gathered in Kiev's Independence Square.")) == []


def test_undated_article_is_left_alone_unless_retroactive():
    text = "Protesters gathered in Kiev's Independence Square."
    assert run(text) == []
    assert spans(run(text, retroactive=True)) == [("places.house-style", "Kiev", "Kyiv")]


def test_retroactive_applies_rulings_before_their_date():
    text = dated("2014-03-02", "Protesters gathered in Kiev's Independence Square.")
    assert spans(run(text, retroactive=True)) == [("places.house-style", "Kiev", "Kyiv")]


def test_chicken_kiev_dynamo_kiev_kievan_rus_are_correct():
    text = dated("2024-06-01", "Kyiv restaurants still serve chicken Kiev. Dynamo Kiev won in 1975. "
                               "Kievan Rus was founded in the ninth century, and the Kiev Pechersk Lavra is older still.")
    assert run(text) == []


def test_odessa_texas_is_not_the_ukrainian_city():
    text = dated("2023-09-01", "The shooting in Odessa, Texas, left seven dead. Odessa police said the gunman acted alone.")
    assert run(text) == []
    # even with a pinned house style, Texas stays Odessa
    assert run(text, places={"Odessa": "Odesa"}) == []


def test_odessa_in_ukraine_after_2022_is_flagged():
    text = dated("2023-09-01", "Russian drones hit the Ukrainian port of Odessa overnight.")
    assert spans(run(text)) == [("places.house-style", "Odessa", "Odesa")]
    assert run(dated("2019-09-01", "Russian drones hit the Ukrainian port of Odessa overnight.")) == []


def test_house_style_places_override_pins_a_preference():
    # the newsroom keeps Odessa: Odesa becomes the deprecated form, for every date
    text = dated("2023-09-01", "Ships left Odesa, Ukraine's largest port.")
    assert spans(run(text, places={"Odesa": "Odessa"})) == [("places.house-style", "Odesa", "Odessa")]
    # and a pinned preference applies to undated text too
    undated = "Ships left Odessa, Ukraine's largest port."
    assert run(undated) == []
    assert spans(run(undated, places={"Odessa": "Odesa"})) == [("places.house-style", "Odessa", "Odesa")]


def test_quoted_deprecated_form_is_lower_severity():
    found = run(dated("2023-05-02", 'The envoy said: "We will never leave Kiev to its fate."'))
    assert [f.severity for f in found] == [Severity.INFO]


def test_uppercase_dateline_keeps_case_in_suggestion():
    found = run(dated("2020-02-01", "KIEV, Ukraine (AP) — Officials met on Monday."))
    assert spans(found) == [("places.house-style", "KIEV", "KYIV")]


# ----------------------------------------------------------------- inconsistency
SEED_LIKE = dated("2024-12-18", "Russian missiles hit the capital Kiev overnight.\n\n"
                                "Healey came to Kyiv on Wednesday, and Kyiv welcomed him.")


def test_both_forms_flag_the_deprecated_one_once():
    found = run(SEED_LIKE)
    assert spans(found) == [("places.inconsistent", "Kiev", "Kyiv")]
    assert found[0].start == SEED_LIKE.index("Kiev") - SEED_LIKE.index("Russian")


def test_house_style_alone_still_reports_a_mixed_document():
    found = run(SEED_LIKE, select=("places.house-style",))
    assert spans(found) == [("places.house-style", "Kiev", "Kyiv")]


def test_inconsistent_before_ruling_suggests_the_majority():
    text = dated("2014-05-01", "Kiev said talks with Moscow failed. Kiev will try again, "
                               "officials in Kyiv told reporters.")
    assert spans(run(text)) == [("places.inconsistent", "Kyiv", "Kiev")]


def test_inconsistent_without_ruling_place():
    text = "Artillery hit Rovno overnight. Rivne officials said Rivne had power again."
    assert spans(run(text)) == [("places.inconsistent", "Rovno", "Rivne")]


def test_former_name_is_not_an_inconsistency():
    text = dated("2017-01-01", "Dnipro, known until 2016 as Dnipropetrovsk, lies on the river.")
    assert run(text) == []


def test_consistent_document_is_quiet():
    assert run(dated("2025-02-20", "Lammy flew to Kyiv. In Kyiv he met Zelensky.")) == []


def test_config_preference_agreeing_with_the_pack_keeps_its_date():
    old = dated("2014-05-01", "Clashes in the Ukrainian port of Odessa killed dozens.")
    assert run(old, places={"Odessa": "Odesa"}) == []
    assert spans(run(old, places={"Odessa": "Odesa"}, retroactive=True)) == [("places.house-style", "Odessa", "Odesa")]


def test_mentions_of_the_name_itself_are_not_uses():
    # text about the spelling is neither a house-style slip nor a mix of forms
    text = dated("2025-09-02", "Most media adopted Kyiv in 2019, replacing the Russian-based Kiev used for decades. "
                 "The port, formerly known as Odessa in English, is now Odesa; the spelling “Kharkov” is gone too.")
    assert run(text, select=("places", "translation.transliteration-mix")) == []


def test_uses_beside_a_mention_of_the_name_are_still_checked():
    text = dated("2025-09-02", "Russian drones struck Kiev overnight. Officials in Kyiv said the spelling Kiev "
                 "was retired in 2019.")
    found = run(text, select=("places.inconsistent",))
    assert [f.text for f in found] == ["Kiev"]
    assert found[0].start == text.split("---\n", 2)[2].index("Kiev")


# ----------------------------------------------------------------- front-line cities, renamed Indian cities
def test_front_line_cities_in_russian_derived_forms_are_flagged():
    body = ("Russian forces entered Avdeyevka and shelled Konstantinovka and Chasov Yar overnight, "
            "Ukraine's military said. Drones also hit Krivoy Rog.")
    assert spans(run(dated("2025-03-10", body))) == [
        ("places.house-style", "Avdeyevka", "Avdiivka"),
        ("places.house-style", "Konstantinovka", "Kostiantynivka"),
        ("places.house-style", "Chasov Yar", "Chasiv Yar"),
        ("places.house-style", "Krivoy Rog", "Kryvyi Rih"),
    ]
    assert run(dated("2021-03-10", body)) == []  # before the 2022 ruling
    clean = "Russian forces entered Avdiivka and shelled Kostiantynivka overnight. Drones also hit Kryvyi Rih."
    assert run(dated("2025-03-10", clean)) == []


def test_renamed_indian_cities():
    found = run(dated("2025-07-22", "Monsoon flooding in Bombay closed schools, Indian officials said. "
                                    "Flights from Madras were delayed."))
    assert spans(found) == [("places.house-style", "Bombay", "Mumbai"), ("places.house-style", "Madras", "Chennai")]
    for clean in (
        "Shares rose on the Bombay Stock Exchange, and the Bombay High Court adjourned. Mumbai was calm, Indian officials said.",
        "England beat Scotland to win the Calcutta Cup at Twickenham.",
        "Professor Bertha Madras, a drug-policy expert, spoke in Boston.",
        "He ordered a chicken Madras in an Indian restaurant in Leeds.",
    ):
        assert run(dated("2025-07-22", clean)) == [], clean


# --------------------------------------------------------------------------- 2024-2026 news paragraphs
# Short paragraphs written for the entity rules' evaluation (not taken from any
# article), each planting one typical error of place-name style; and correct paragraphs
# with the same people, look-alike names and words, which must stay quiet.


NEWS_PLACES_ERRORS = [
    ('2025-05-09', 'Russian missiles struck Kharkov overnight, killing two people, the Ukrainian regional governor said.', 'Kharkov'),
    ('2025-03-01', 'Zelensky returned to Kiev on Saturday after the meeting in the Oval Office.', 'Kiev'),
    ('2025-04-14', "Drones hit the port of Odessa overnight, Ukraine's navy said, damaging a grain terminal.", 'Odessa'),
    ('2025-07-22', 'Monsoon flooding in Bombay closed schools on Monday, Indian officials said.', 'Bombay'),
    ('2025-03-10', 'Russian forces shelled Zaporozhye overnight, Ukrainian officials said on Monday.', 'Zaporozhye'),
    ('2025-08-19', "Russian forces struck Dnepr and Nikolaev overnight, Ukraine's air force said on Tuesday.", 'Dnepr'),
    ('2025-09-03', 'A drone attack on Lvov damaged a school, Ukrainian officials said.', 'Lvov'),
    ('2025-05-22', 'Russian forces pressed towards Konstantinovka and Pokrovsk on Thursday, the Ukrainian military said.', 'Konstantinovka'),
    ('2025-08-25', "Russian forces struck Dnipropetrovsk region overnight, and drones hit Kharkov and Sumy, Ukraine's air force said.", 'Kharkov'),
]


@pytest.mark.parametrize(("date", "text", "span"), NEWS_PLACES_ERRORS)
def test_news_paragraph_places_errors_are_found(date, text, span):
    found = news_findings(date, text, ["places"])
    assert any(span in f.text for f in found), [(f.rule, f.text) for f in found]
