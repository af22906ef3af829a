"""auditor.memo: bounded memo tables keep recent entries and never exceed their bound."""

from auditor import memo


def test_remember_returns_the_value_and_stores_it():
    table: dict[str, int] = {}
    assert memo.remember(table, "Lammy", 3) == 3
    assert table == {"Lammy": 3}


def test_a_full_memo_drops_its_older_half_first(monkeypatch):
    monkeypatch.setattr(memo, "MEMO_ENTRIES", 4)
    table: dict[int, int] = {}
    for i in range(4):
        memo.remember(table, i, i)
    memo.remember(table, 4, 4)  # full: 0 and 1 go, the recent ones stay
    assert list(table) == [2, 3, 4]


def test_a_memo_never_grows_past_its_bound(monkeypatch):
    monkeypatch.setattr(memo, "MEMO_ENTRIES", 10)
    table: dict[int, int] = {}
    for i in range(1000):
        memo.remember(table, i, i)
        assert len(table) <= 10
    assert 999 in table


def test_rule_memos_use_the_shared_bound():
    from auditor.rules.names import _scan

    assert _scan.phonetic_key.cache_info().maxsize == memo.MEMO_ENTRIES
    assert _scan.letters.cache_info().maxsize == memo.MEMO_ENTRIES
