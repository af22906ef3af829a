"""The PeopleIndex and the validation of people/offices packs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditor.config import Config
from auditor.errors import ConfigError
from auditor.knowledge.base import KnowledgeBase, load_knowledge, read_pack
from auditor.knowledge.people import PeopleIndex, name_key, parse_role, validate_section

D = dt.date


@pytest.fixture(scope="module")
def index() -> PeopleIndex:
    kb = load_knowledge(Config(knowledge=["people", "offices", "people_generated", "offices_generated"]))
    return kb.people


def test_by_name_full_surname_honorific_and_accents(index):
    assert [p.name for p in index.by_name("Sir Keir Starmer")] == ["Keir Starmer"]
    assert [p.name for p in index.by_name("Jean-Noel Barrot")] == ["Jean-Noël Barrot"]
    assert {p.name for p in index.by_name("Healey")} >= {"John Healey", "Denis Healey"}
    assert [p.name for p in index.by_name("Zelenskyy")] == ["Volodymyr Zelensky"]


def test_namesakes_without_the_role_are_known(index):
    (healy,) = index.by_name("Ian Healy")
    assert healy.roles == ()
    (lamy,) = index.by_name("Pascal Lamy")
    assert [r.office.id for r in lamy.roles] == ["wto.director-general"]
    assert index.by_name("Lamy") == [lamy]  # David Lammy's misspelling is a hint, not a name
    (lammy,) = index.by_name("David Lammy")
    assert "Lamy" in lammy.misspellings


def test_roles_on_dates(index):
    (trump,) = index.by_name("Donald Trump")
    assert [r.office.id for r in trump.roles_on(D(2024, 12, 18))] == ["us.president-elect"]
    assert [r.office.id for r in trump.roles_on(D(2025, 2, 20))] == ["us.president"]
    (biden,) = index.by_name("Joe Biden")
    assert [r.office.id for r in biden.roles_on(D(2022, 5, 1))] == ["us.president"]
    assert biden.roles_on(D(2025, 2, 20)) == []
    (shmyhal,) = index.by_name("Denys Shmyhal")
    assert [r.office.id for r in shmyhal.roles_on(D(2023, 1, 1))] == ["ua.prime-minister"]
    (svyrydenko,) = index.by_name("Yulia Svyrydenko")
    assert "ua.prime-minister" in [r.office.id for r in svyrydenko.roles_on(D(2025, 7, 20))]
    (lammy,) = index.by_name("David Lammy")
    assert {r.office.id for r in lammy.roles_on(D(2025, 10, 1))} == {"gb.deputy-prime-minister", "gb.justice-secretary"}


def test_generated_and_curated_entries_merge(index):
    (cameron,) = [p for p in index.by_name("David Cameron")]
    offices = [r.office.id for r in cameron.roles]
    assert offices.count("gb.prime-minister") == 1  # same role from both packs, once
    assert index.by_name("Lord Cameron of Chipping Norton") == [cameron]
    (esper,) = index.by_name("Mark Esper")
    assert index.by_name("Mark T. Esper") == [esper]


def test_offices_and_countries(index):
    office = index.office("gb.defence-secretary")
    assert (office.country, office.title, office.variety, office.function) == ("GB", "Defence Secretary", "en-GB", "defence-minister")
    assert index.country_of_adjective("Ukrainian") == "UA"
    assert index.country_of_adjective("British") == "GB"
    assert any(form == "Keir Starmer" for form, _ in index.all_names())


def test_inexact_bounds_are_strict_only_when_certain():
    kb = KnowledgeBase([])
    idx = PeopleIndex.from_sections(
        [("t", {"xx.president": {"country": "XX", "title": "President"}})],
        [("t", [{"name": "Ann Example", "roles": ["xx.president 2017..2021"]}])],
    )
    (role,) = idx.by_name("Example")[0].roles
    assert role.active_on(D(2017, 2, 1)) and not role.active_on(D(2017, 2, 1), strict=True)
    assert role.active_on(D(2019, 6, 1), strict=True)
    assert not role.active_on(D(2022, 1, 1))
    assert kb.section("people") == []


def test_parse_role_compact_form():
    assert parse_role("gb.prime-minister 2024-07-05..") == {"office": "gb.prime-minister", "start": "2024-07-05", "end": None}
    assert parse_role("x.y") == {"office": "x.y", "start": None, "end": None}
    with pytest.raises(ValueError):
        parse_role("x.y 2020")


def test_name_key():
    assert name_key("Jean-Noël  Barrot") == name_key("jean noel barrot")
    assert name_key("O’Brien") == name_key("O'Brien")


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ("people:\n  - name: Jane Roe\n    roles:\n      - {office: gb.prime-minister, start: '2024-13-01'}\n",
         "'Jane Roe'"),
        ("people:\n  - name: Jane Roe\n    roles:\n      - {office: gb.no-such-office, start: 2024-01-01}\n",
         "unknown office id 'gb.no-such-office'"),
        ("people:\n  - name: Jane Roe\n    roles:\n      - {office: gb.prime-minister, start: 2024-01-01, end: 2020-01-01}\n",
         "ends (2020-01-01) before it starts"),
        ("people:\n  - name: Jane Roe\n    nickname: JR\n", "nickname"),
        ("people:\n  - roles: []\n", "name"),
        ("offices:\n  xx.king: {title: King}\n", "xx.king"),
        ("offices:\n  Bad Id: {country: XX, title: King}\n", "invalid office id"),
        ("offices:\n  xx.king: {country: XX, title: King, variety: en-AU}\n", "variety"),
        ("people:\n  - name: Jane Roe\n    country: XX\n", "'Jane Roe': country: unknown country code 'XX'"),
        ("people:\n  - name: Jane Roe\n    country: [DE, Germany]\n", "unknown country code 'Germany'"),
        ("people:\n  - name: Jane Roe\n    country: gb\n", "unknown country code 'gb'"),
        ("people:\n  - name: Jane Roe\n    country: NO\n", "must be quoted"),
    ],
)
def test_broken_packs_give_one_line_errors_naming_pack_and_entry(tmp_path: Path, pack, message):
    path = tmp_path / "newsroom.yml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_pack(path)
    text = str(err.value)
    assert "\n" not in text
    assert str(path) in text
    assert message in text


def test_a_users_pack_may_define_offices_before_people(tmp_path: Path):
    path = tmp_path / "newsroom.yml"
    path.write_text(
        "offices:\n  xx.mayor: {country: XX, title: Mayor, function: mayor}\n"
        "people:\n  - name: Jane Roe\n    roles: ['xx.mayor 2020-01-01..']\n",
        encoding="utf-8",
    )
    data = read_pack(path)
    idx = PeopleIndex.from_sections([(str(path), data["offices"])], [(str(path), data["people"])])
    assert idx.by_name("Roe")[0].roles[0].office.title == "Mayor"


def test_unknown_office_at_index_time_names_pack_and_person():
    with pytest.raises(ConfigError, match=r"p\.yml: people\[0\] 'Jane Roe': unknown office id 'zz\.x'"):
        PeopleIndex.from_sections([], [("p.yml", [{"name": "Jane Roe", "roles": [{"office": "zz.x"}]}])])


def test_validate_section_rejects_non_list_people():
    with pytest.raises(ConfigError, match="expected a list"):
        validate_section("people", {"name": "x"}, "p.yml")


def test_curated_roles_override_generated_snapshot_in_any_pack_order():
    offices = [("o", {"us.president": {"country": "US", "title": "President"}})]
    gen = ("gen.yml", [{"name": "Joe Biden", "id": "Q6279", "roles": ["us.president 2021-01-20..?2022-08-03"]}])
    cur = ("cur.yml", [{"name": "Joe Biden", "roles": [{"office": "us.president", "start": "2021-01-20", "end": "2025-01-20"}]}])
    for order in ([gen, cur], [cur, gen]):
        idx = PeopleIndex.from_sections(offices, order, frozenset({"gen.yml"}))
        (biden,) = idx.by_name("Biden")
        assert [(r.start, r.end) for r in biden.roles] == [(D(2021, 1, 20), D(2025, 1, 20))]


def test_open_snapshot_role_is_neither_over_nor_certain_after_the_snapshot():
    offices = [("o", {"us.attorney-general": {"country": "US", "title": "Attorney General"}})]
    idx = PeopleIndex.from_sections(offices, [("g", [{"name": "Merrick Garland", "roles": ["us.attorney-general 2021-03-11..?2022-08-03"]}])])
    (role,) = idx.by_name("Garland")[0].roles
    assert role.active_on(D(2022, 1, 1), strict=True)
    assert role.active_on(D(2024, 1, 1)) and not role.active_on(D(2024, 1, 1), strict=True)
    assert not role.ended_before(D(2026, 1, 1))


def test_leaders_of_the_opposition_in_westminster_systems(index):
    def holders(office_id, date):
        return sorted(p.name for p in index.holders(office_id, date))

    assert "Pierre Poilievre" in holders("ca.leader-of-the-opposition", D(2024, 3, 1))
    assert "Andrew Scheer" in holders("ca.leader-of-the-opposition", D(2019, 3, 1))
    assert "Peter Dutton" in holders("au.leader-of-the-opposition", D(2024, 3, 1))
    assert "Sussan Ley" in holders("au.leader-of-the-opposition", D(2025, 6, 1))
    assert "Peter Dutton" not in holders("au.leader-of-the-opposition", D(2025, 6, 1))
    assert "Kemi Badenoch" in holders("gb.leader-of-the-opposition", D(2025, 3, 1))
    assert "Chris Hipkins" in holders("nz.leader-of-the-opposition", D(2024, 3, 1))
    (poilievre,) = index.by_name("Pierre Poilievre")
    assert poilievre.countries() == {"CA"}  # a Latin-script name: vowel slips are slips


def test_a_person_without_office_may_name_a_country(tmp_path: Path):
    """``country`` (a code or a list) joins the office countries in
    name_countries(); countries() stays the offices' (the title rules)."""
    path = tmp_path / "newsroom.yml"
    path.write_text(
        "people:\n  - name: Jane Roe\n    country: DE\n"
        "  - name: Jane Roe\n    country: [AT, DE]\n    roles: ['gb.prime-minister 2030-01-01..']\n"
        "  - name: John Doe\n    country: 'NO'\n",
        encoding="utf-8",
    )
    data = read_pack(path)
    offices = [(p, d) for p, d in load_knowledge(Config(knowledge=["offices"])).section("offices")]
    idx = PeopleIndex.from_sections(offices, [(str(path), data["people"])])
    roe = idx.by_name("Jane Roe")[0]
    assert roe.declared_countries == ("DE", "AT")
    assert roe.countries() == {"GB"}
    assert roe.name_countries() == {"DE", "AT", "GB"}
    assert idx.by_name("John Doe")[0].name_countries() == {"NO"}


def test_curated_people_without_office_have_a_country(index):
    assert index.by_name("Mark Zuckerberg")[0].name_countries() == {"US"}
    assert index.by_name("Alice Weidel")[0].name_countries() == {"DE"}
    assert index.by_name("Kirill Dmitriev")[0].name_countries() == {"RU"}
