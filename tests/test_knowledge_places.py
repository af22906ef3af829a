"""The places knowledge: pack validation, merging, lookup, and the generator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from auditor.errors import ConfigError
from auditor.knowledge.base import KnowledgeBase, read_pack
from auditor.knowledge.places import PlaceIndex, validate_section
from auditor.knowledge import places_build
from auditor.resources import rules_dir

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PACKS = rules_dir() / "knowledge"


def _index(*names: str) -> PlaceIndex:
    return PlaceIndex.build(KnowledgeBase([(PACKS / f"{n}.yml", read_pack(PACKS / f"{n}.yml")) for n in names]))


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return _index("places_generated", "places")


# ----------------------------------------------------------------- validation
@pytest.mark.parametrize(("entry", "needle"), [
    ({"forms": {"Kyiv": "ukrainian"}, "effective": "2019-13-45"}, "invalid date"),
    ({"forms": {"": "ukrainian"}}, "empty variant"),
    ({"forms": {"Kyiv": "martian"}}, "unknown origin"),
    ({"forms": {"Kyiv": "ukrainian"}, "preferred": "Kiev"}, "not one of its forms"),
    ({"forms": {"Kyiv": "ukrainian"}, "colour": "blue"}, "unknown field 'colour'"),
    ({"forms": {"Kyiv": "ukrainian"}, "exceptions": "chicken Kiev"}, "exceptions"),
    ("Kyiv", "expected a mapping"),
])
def test_invalid_entries_name_pack_and_entry(entry, needle):
    with pytest.raises(ConfigError) as err:
        validate_section("places", {"kyiv": entry}, "news.yml")
    message = str(err.value)
    assert needle in message
    assert message.startswith("news.yml: places.kyiv")
    assert "\n" not in message


def test_invalid_pack_file_is_rejected(tmp_path):
    pack = tmp_path / "newsroom.yml"
    pack.write_text("places:\n  odesa:\n    forms: {Odesa: ukrainian, Odessa: russian}\n    effective: soon\n")
    with pytest.raises(ConfigError, match=r"newsroom\.yml: places\.odesa: effective: invalid date 'soon'"):
        read_pack(pack)


def test_shipped_packs_validate():
    for name in ("places", "places_generated"):
        data = read_pack(PACKS / f"{name}.yml")
        assert data["places"]


# ----------------------------------------------------------------- merging
def test_curated_pack_overrides_generated_whatever_the_order():
    for order in (("places_generated", "places"), ("places", "places_generated")):
        idx = _index(*order)
        kyiv = idx.places["kyiv"]
        assert kyiv.preferred == "Kyiv"
        assert kyiv.effective == dt.date(2019, 10, 1)
        assert kyiv.forms["Kiev"] == "russian"
        assert "Kiev" in kyiv.traditional
        # curated removals (null) win over the generated form
        assert "Dniepr" not in idx.places["dnipro"].forms


def test_user_pack_overrides_preference_and_date(tmp_path):
    pack = tmp_path / "newsroom.yml"
    pack.write_text("places:\n  odesa:\n    preferred: Odessa\n    effective: 2030-01-01\n")
    idx = PlaceIndex.build(KnowledgeBase([
        (PACKS / "places.yml", read_pack(PACKS / "places.yml")), (pack, read_pack(pack))]))
    assert idx.places["odesa"].preferred == "Odessa"
    assert idx.places["odesa"].effective == dt.date(2030, 1, 1)


def test_preferred_form_unknown_after_merge_is_an_error(tmp_path):
    pack = tmp_path / "bad.yml"
    pack.write_text("places:\n  kyiv:\n    preferred: Kyyv\n")
    with pytest.raises(ConfigError, match=r"bad\.yml: places\.kyiv: preferred 'Kyyv'"):
        PlaceIndex.build(KnowledgeBase([(PACKS / "places.yml", read_pack(PACKS / "places.yml")),
                                        (pack, read_pack(pack))]))


# ----------------------------------------------------------------- lookup
def test_mentions_are_word_bounded_and_case_sensitive(index):
    text = "Kievan Rus was ruled from Kiev's hill; kiev in lowercase; KIEV, Ukraine; Kyiv-based."
    found = [(text[m.start:m.end], m.form, m.upper) for m in index.mentions(text)]
    assert found == [("Kiev", "Kiev", False), ("KIEV", "Kiev", True), ("Kyiv", "Kyiv", False)]


def test_exceptions_and_ambiguous_forms(index):
    text = "He ate chicken Kiev before Dynamo Kiev played in Kiev."
    kept = [text[m.start:m.end] for m in index.mentions(text)]
    assert kept == ["Kiev"] and index.mentions(text)[0].start == text.rindex("Kiev")
    assert index.mentions("The Odessa shooting shocked Texas.") == []  # no Ukraine in the text
    assert [m.form for m in index.mentions("Ukraine's port of Odessa.")] == ["Odessa"]
    assert index.mentions("In Ukraine, Odessa, Texas, is rarely mentioned.") == []
    assert index.mentions("Ukraine's envoy Andrian Nikolayev spoke.") == []


def test_origins_of_key_forms(index):
    by_form = index.by_form
    expect = {"Kyiv": "ukrainian", "Kiev": "russian", "Kharkiv": "ukrainian", "Kharkov": "russian",
              "Luhansk": "ukrainian", "Lugansk": "russian", "Lviv": "ukrainian", "Lvov": "russian",
              "Mykolaiv": "ukrainian", "Nikolayev": "russian", "Zaporozhye": "russian",
              "Chernigov": "russian", "Odessa": "russian", "Odesa": "ukrainian"}
    for form, origin in expect.items():
        assert by_form[form].forms[form] == origin, form


# ----------------------------------------------------------------- generator
def test_romanize_both_traditions():
    assert "kyiv" in places_build.romanize("Київ", "uk")
    assert "kiev" in places_build.romanize("Киев", "ru")
    assert "kharkov" in places_build.romanize("Харьков", "ru")
    assert "kharkov" not in places_build.romanize("Харків", "uk")
    assert places_build.official_form("Запоріжжя") == "Zaporizhzhia"
    assert places_build.official_form("Івано-Франківськ") == "Ivano-Frankivsk"


def test_generated_pack_is_reproducible_from_the_data():
    if not (DATA / "place_name_variants").is_dir():
        pytest.skip("shared data not available")
    places = places_build.build_places(DATA)
    rendered = places_build.render(places)
    assert rendered == (PACKS / "places_generated.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(rendered)["places"]
    assert data["kharkiv"]["forms"]["Kharkov"] == "russian"
    assert data["luhansk"]["forms"] == {"Lugansk": "russian", "Luhansk": "ukrainian"}
    # junk alternate names (other languages, inflections, old names) are filtered out
    kyiv = data["kyiv"]["forms"]
    assert not {"Kijow", "Kievu", "Kievom", "Kiew"} & set(kyiv)
    assert "Dnipropetrovsk" not in data["dnipro"]["forms"]
    assert all(len(p["forms"]) >= 2 for p in data.values())
