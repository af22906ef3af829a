"""The one train/test split of the WMT22 into-English data, shared by
``train_machine_style.py`` (which learns on the train side only) and
``wmt22_eval.py`` (which reports the held-out side).

The split is by *source* document: every human reference and every MT output
of one source document fall on the same side, so the held-out figures never
see a text whose source was trained on. A document's side is a stable hash
of its ``doc_id`` (SHA-1, not Python's salted ``hash``), the same on every
machine and run.

The cross-language check trains on ru-en and ja-en and tests on uk-en (all
source documents of uk-en, whatever their hash).

Both also rank with the same :func:`auroc`.

The trainer further holds back a validation part of the train side
(:func:`is_validation`) to choose its thresholds on text it did not fit.
"""

from __future__ import annotations

import hashlib

#: Share of source documents held out, in percent.
TEST_PERCENT = 30
#: Share of source documents (of the train side) used for choosing thresholds, in percent.
VALIDATION_PERCENT = 20
#: Language pairs the cross-language check trains on / tests on.
CROSS_TRAIN = ("ru-en", "ja-en")
CROSS_TEST = ("uk-en",)


def bucket(doc_id: str) -> int:
    """0..99, a stable function of the source document id."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100


def is_test(doc_id: str) -> bool:
    """Whether the source document is on the held-out side."""
    return bucket(doc_id) < TEST_PERCENT


def is_validation(doc_id: str) -> bool:
    """Train-side documents the trainer holds back to choose its thresholds
    (never the test side)."""
    return TEST_PERCENT <= bucket(doc_id) < TEST_PERCENT + VALIDATION_PERCENT


def allsides_is_test(article_id: str) -> bool:
    """The same split for AllSides articles (extra native-English negatives)."""
    return is_test("allsides:" + article_id)


def auroc(positives: list[float], negatives: list[float]) -> float:
    """P(score of a random positive > score of a random negative), ties 1/2.

    The Mann-Whitney U statistic divided by n_pos * n_neg, from mid-ranks of
    the pooled scores (O(n log n)).
    """
    n_pos, n_neg = len(positives), len(negatives)
    if not n_pos or not n_neg:
        return float("nan")
    pooled = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum_pos = 0.0
    i = 0
    while i < len(pooled):
        j = i
        while j < len(pooled) and pooled[j][0] == pooled[i][0]:
            j += 1
        mid_rank = (i + 1 + j) / 2  # ranks i+1 .. j share their mean
        rank_sum_pos += mid_rank * sum(1 for k in range(i, j) if pooled[k][1])
        i = j
    u = rank_sum_pos - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)
