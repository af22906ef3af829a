"""Corpus observations spill to disk and read back as a sequence."""

from __future__ import annotations

import tempfile

from auditor.observations import ObservationLog
from auditor.rules.base import DocRef


def _ref(ordinal: int) -> DocRef:
    return DocRef(ordinal, f"doc{ordinal}.txt", None, "src", None)


def test_log_reads_back_by_index_iteration_and_slice():
    with tempfile.TemporaryFile() as fh:
        a, b = ObservationLog(fh), ObservationLog(fh)  # two rules share one file
        for i in range(50):
            a.append((_ref(i), {"n": i, "text": "x" * i}), i)
            if i % 2:
                b.append((_ref(i), i * i), i)
        assert len(a) == 50 and len(b) == 25
        assert a[7] == (_ref(7), {"n": 7, "text": "x" * 7})
        assert a[-1][1]["n"] == 49
        assert [obs for _, obs in b][:3] == [1, 9, 25]
        assert [ref.ordinal for ref, _ in a[10:13]] == [10, 11, 12]
        assert a.by_ordinal() is a


def test_out_of_order_chunks_are_sorted_by_ordinal():
    with tempfile.TemporaryFile() as fh:
        log = ObservationLog(fh)
        for ordinal in (3, 4, 0, 1, 2):
            log.append((_ref(ordinal), ordinal), ordinal)
        ordered = log.by_ordinal()
        assert [obs for _, obs in ordered] == [0, 1, 2, 3, 4]
        assert ordered[0][1] == 0 and len(ordered) == 5


def test_iteration_survives_interleaved_access():
    log = ObservationLog()
    for i in range(20):
        log.append((_ref(i), i), i)
    seen = []
    for ref, value in log:
        seen.append(value)
        assert log[19 - value][1] == 19 - value  # random access in between
        if value == 5:
            assert [v for _, v in log][:3] == [0, 1, 2]  # a nested iteration
    assert seen == list(range(20))
    log.close()
