"""Paragraph, sentence and quotation segmentation (auditor.documents.segment)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.documents import segment


def _sentences(text: str, wrapped: bool = False) -> list[str]:
    return [text[s.start:s.end] for s in segment.sentences(text, segment.paragraphs(text, wrapped))]


def test_sentences_split_at_terminal_punctuation_and_come_out_trimmed():
    text = "The vote passed.  Critics objected!\u00a0\u00a0Was it fair?  \n  Yes."
    assert _sentences(text) == ["The vote passed.", "Critics objected!", "Was it fair?", "Yes."]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. Smith met John F. Kennedy Jr. in Washington. Then the U.S. Senate voted. It passed."
    assert _sentences(text) == [
        "Mr. Smith met John F. Kennedy Jr. in Washington.",
        "Then the U.S. Senate voted.",
        "It passed.",
    ]


def test_closing_quotes_stay_with_their_sentence_and_lower_case_does_not_start_one():
    text = 'He said "it is over." The talks ended. The vote was 5 vs. 4 in favour. and more words'
    assert _sentences(text) == ['He said "it is over."', "The talks ended.", "The vote was 5 vs. 4 in favour. and more words"]


def test_sentences_never_cross_paragraphs():
    text = "First paragraph ends here.\n\nSecond one. Has two.\nThird line without a stop"
    assert _sentences(text) == ["First paragraph ends here.", "Second one.", "Has two.", "Third line without a stop"]
    # Markdown: a single newline is a soft wrap inside one paragraph
    assert _sentences("One line\ncontinues. Next.", wrapped=True) == ["One line\ncontinues.", "Next."]


def test_paragraph_spans_are_trimmed_and_blank_lines_separate_them():
    text = "  Lead paragraph.  \n\n\n  Second.\nthird wraps\nFourth."
    paras = [text[p.start:p.end] for p in segment.paragraphs(text, wrapped=False)]
    assert paras == ["Lead paragraph.", "Second.\nthird wraps", "Fourth."]


def test_quotations_with_curly_straight_and_unclosed_marks():
    text = 'She called it \u201ca disgrace\u201d and "a shame". \u201cWe will fight on'
    quotes = segment.quotations(text, segment.paragraphs(text, wrapped=False))
    inner = [(text[q.inner_start:q.inner_end], q.closed) for q in quotes]
    assert inner == [("a disgrace", True), ("a shame", True), ("We will fight on", False)]


_ALPHABET = string.ascii_letters[:6] + "AB. !?\"'\u201d\n \u00a0\t"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120), st.booleans())
def test_sentences_tile_each_paragraph_without_spaces_at_their_edges(text, wrapped):
    paras = segment.paragraphs(text, wrapped)
    spans = segment.sentences(text, paras)
    for span in spans:
        assert span.start < span.end
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert any(p.start <= span.start and span.end <= p.end for p in paras)
    # in order, not overlapping, and every non-space character of a
    # paragraph is in one of its sentences
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    covered = {i for s in spans for i in range(s.start, s.end)}
    for p in paras:
        assert all(i in covered for i in range(p.start, p.end) if not text[i].isspace())
