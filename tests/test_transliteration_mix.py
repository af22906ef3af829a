"""translation.transliteration-mix on text written for the test."""

from __future__ import annotations

from auditor.config import Config
from auditor.testing import run_on_texts


def run(text: str, select=("translation.transliteration-mix",)):
    config = Config(knowledge=["places_generated", "places"], select=list(select))
    return [(f.rule, f.text, f.suggestion) for f in run_on_texts([text], config=config)]


def test_kharkov_beside_kyiv_and_lviv():
    text = "Residents of Kharkov sheltered as the Kyiv government asked for help. Officials in Lviv opened shelters."
    assert run(text) == [("translation.transliteration-mix", "Kharkov", "Kharkiv")]


def test_lugansk_beside_kharkiv():
    text = "Shelling hit Lugansk overnight, and Kharkiv and Mykolaiv reported drone attacks."
    assert run(text) == [("translation.transliteration-mix", "Lugansk", "Luhansk")]


def test_minority_ukrainian_forms_in_russian_style_text():
    text = "Fighting near Lugansk, Gorlovka and Slavyansk continued; a convoy reached Kharkiv."
    assert run(text) == [("translation.transliteration-mix", "Kharkiv", "Kharkov")]


def test_consistent_ukrainian_forms_pass():
    assert run("Residents of Kharkiv sheltered as the Kyiv government asked for help in Lviv.") == []


def test_traditional_exonyms_and_neutral_forms_do_not_count():
    # 2014 AP style: Kiev (traditional), Donetsk (neutral), Luhansk (Ukrainian-derived)
    assert run("Protesters in Kiev marched while rebels in Luhansk and Donetsk declared independence.") == []


def test_one_place_two_ways_is_left_to_places_inconsistent():
    text = "Kharkov and Kharkiv are the same city, near Lviv."
    found = run(text, select=("translation.transliteration-mix", "places.inconsistent"))
    assert ("translation.transliteration-mix", "Kharkov", "Kharkiv") not in found
    assert ("places.inconsistent", "Kharkov", "Kharkiv") in found


def test_house_style_form_is_never_the_one_reported():
    # A 2023 text: Kyiv is house style, so the Russian-derived majority is
    # places.house-style's business and "Kyiv" is not flagged here.
    text = "---\ndate: 2023-03-01\n---\nFighting near Lugansk and Gorlovka went on; Kyiv sent reinforcements."
    assert run(text) == []
    undated = "Fighting near Lugansk and Gorlovka went on; Kyiv sent reinforcements."
    assert run(undated) == [("translation.transliteration-mix", "Kyiv", "Kiev")]
