"""corpus.rewrite and corpus.unattested-quote on small corpora written for the tests and on the seeds."""

from __future__ import annotations

from array import array

import pytest

from auditor.rules.corpus._profile import build_profile, concordance, containment, jaccard, lsh_candidates, minhash
from auditor.testing import run_on_texts
from conftest import SEEDS

RW, UQ = "corpus.rewrite", "corpus.unattested-quote"


def doc(text: str, date: str | None = None, source: str | None = None) -> str:
    meta = "".join(f"{k}: {v}\n" for k, v in (("date", date), ("source", source)) if v)
    return f"---\n{meta}---\n{text}" if meta else text


def run(texts: list[str], rule: str):
    return [f for f in run_on_texts(texts, select=[rule]) if f.rule == rule]


ORIGINAL = (
    "Foreign Secretary David Lammy said the UK would not send troops to Ukraine, telling La Repubblica and "
    "Die Welt at the G7 meeting in Fiuggi that the position had not changed. According to Le Monde, talks "
    "with France had been revived after Keir Starmer visited Paris. Jean-Noël Barrot told the BBC that France "
    "ruled nothing out. Emmanuel Macron had said so in February. Dmitry Peskov, the Kremlin spokesman, said "
    'the report was "not in line with reality". Olaf Scholz opposed the idea, and Donald Tusk stayed silent. '
    "Volodymyr Zelensky asked for security guarantees."
)
PARAPHRASE = (
    "David Lammy made clear at the G7 in Fiuggi, speaking to La Repubblica and Die Welt, that Britain had no "
    "plan to deploy soldiers. Le Monde said discussions had restarted after Keir Starmer went to Paris. "
    "Jean-Noël Barrot kept the door open in an interview with the BBC, echoing Emmanuel Macron. Dmitry Peskov "
    "dismissed the idea at the Kremlin, while Olaf Scholz and Donald Tusk were cool on it. Volodymyr Zelensky "
    "wants guarantees."
)
WIRE = (
    "Senator Maria Cantwell and Senator Lisa Murkowski introduced a bill on Tuesday to protect salmon "
    "fisheries in Alaska and Washington state. The bill would fund hatcheries along the Yukon and Columbia "
    "rivers, Cantwell said at a news conference in Seattle. Murkowski said the Kenai fishermen had waited "
    "long enough, and the Ketchikan delegation agreed with her."
)
UNRELATED = (
    "Nancy Pelosi and Chuck Schumer met Kevin McCarthy in Washington to discuss the budget. Janet Yellen "
    "warned of a default, and Jerome Powell said the Fed was watching. Mitch McConnell did not attend."
)


# --------------------------------------------------------------------------- rewrite
def test_paraphrase_of_earlier_document_is_reported_on_the_later_one():
    found = run([doc(PARAPHRASE, "2024-11-27", "Copycat Times"), doc(ORIGINAL, "2024-11-26", "Daily Planet")], RW)
    assert len(found) == 1
    assert found[0].doc == 0
    assert "example-1.txt" in found[0].message and "Daily Planet" in found[0].message


def test_run_order_decides_when_undated():
    found = run([doc(ORIGINAL, source="A"), doc(PARAPHRASE, source="B")], RW)
    assert [f.doc for f in found] == [1]


def test_verbatim_copy_without_credit_is_reported():
    found = run([doc(WIRE, "2024-11-26", "Wire One"), doc(WIRE, "2024-11-27", "Local Paper")], RW)
    assert [f.doc for f in found] == [1]
    assert "near copy" in found[0].message


@pytest.mark.parametrize("credit", [
    "WASHINGTON (AP) — ",
    "Reuters reported that ",
    "This article was originally published by Wire One. ",
])
def test_wire_or_credited_copies_pass(credit):
    assert run([doc(WIRE, "2024-11-26", "Wire One"), doc(credit + WIRE, "2024-11-27", "Local Paper")], RW) == []


def test_naming_the_earlier_outlet_is_credit():
    later = PARAPHRASE + " The Daily Planet first reported the talks."
    assert run([doc(ORIGINAL, "2024-11-26", "Daily Planet"), doc(later, "2024-11-27", "Copycat Times")], RW) == []


def test_crediting_the_original_is_credit_against_its_other_restatements_too():
    # two outlets restate the Daily Planet's report; the second credits it and
    # shares its wording with the first only through that original
    first = PARAPHRASE + " The Daily Planet first reported the talks."
    second = ("According to the Daily Planet, " + PARAPHRASE.replace("wants guarantees", "wants security guarantees"))
    found = run([doc(ORIGINAL, "2024-11-26", "Daily Planet"), doc(first, "2024-11-27", "Copycat Times"),
                 doc(second, "2024-11-28", "Third Post")], RW)
    assert found == []


SUMMIT = [
    ("Dmitry Peskov, the Kremlin spokesman, said the summit in Anchorage between Vladimir Putin and Donald "
     "Trump had been productive. Yuri Ushakov said the leaders discussed Ukraine. Sergei Lavrov and Kirill "
     "Dmitriev attended the talks at Joint Base Elmendorf-Richardson. Marco Rubio and Steve Witkoff sat with "
     "Trump. Volodymyr Zelensky will travel to Washington."),
    ("The Kremlin, through Dmitry Peskov, praised the Anchorage talks of Vladimir Putin and Donald Trump. "
     "Yuri Ushakov said Ukraine came up at Joint Base Elmendorf-Richardson, where Sergei Lavrov and Kirill "
     "Dmitriev joined Putin. Marco Rubio and Steve Witkoff were with Trump. Volodymyr Zelensky goes to "
     "Washington next."),
    ("Vladimir Putin and Donald Trump met at Joint Base Elmendorf-Richardson near Anchorage with Sergei Lavrov, "
     "Kirill Dmitriev, Yuri Ushakov, Marco Rubio and Steve Witkoff. Dmitry Peskov spoke to state television "
     "afterwards. Volodymyr Zelensky is due in Washington."),
]


def test_independent_reports_naming_the_same_cast_pass():
    """Three outlets on one summit name the same delegations in much the same
    order: the names are the story's cast, not evidence of a restatement."""
    texts = [doc(t, "2025-08-16", s) for t, s in zip(SUMMIT, ("North Post", "Harbour Times", "Steppe Review"))]
    assert run(texts, RW) == []
    # the paraphrase is still found when a third outlet covers the story with
    # only some of its names
    third = ("Keir Starmer and Emmanuel Macron spoke in Paris about Ukraine. Volodymyr Zelensky thanked them; "
             "Dmitry Peskov was dismissive.")
    found = run([doc(ORIGINAL, "2024-11-26", "Daily Planet"), doc(PARAPHRASE, "2024-11-27", "Copycat Times"),
                 doc(third, "2024-11-27", "Third Post")], RW)
    assert [f.doc for f in found] == [1]


ELECTION = [
    "Friedrich Merz wants to form a government quickly after the CDU/CSU won the Bundestag election with 28.5 percent. The Union leader said on Monday in Berlin that he aimed to have a coalition with the SPD by Easter.\n\nOlaf Scholz, whose SPD fell to 16.4 percent, said he would not take part in the negotiations. Lars Klingbeil is expected to lead the Social Democrats in the talks, together with Saskia Esken.\n\nThe AfD under Alice Weidel doubled its result to 20.8 percent. Merz ruled out any cooperation with the party. Markus Söder of the CSU called for rapid talks.\n\nThe Greens, led by Robert Habeck, lost ground, while Die Linke with Heidi Reichinnek returned to parliament. Christian Lindner announced his withdrawal from politics after the FDP failed to clear the five percent threshold, as did Sahra Wagenknecht's BSW.",
    'Friedrich Merz intends to form a government rapidly after his CDU/CSU won the federal election with 28.5 percent. The leader of the Union said Monday in Berlin that his goal was a coalition with the SPD until Easter.\n\nOlaf Scholz, whose SPD dropped to 16.4 percent, stated he will not participate in the negotiations. Lars Klingbeil should lead the Social Democrats in the talks, together with Saskia Esken.\n\nThe AfD under Alice Weidel doubled its result to 20.8 percent. Merz excluded every cooperation with the party. Markus Söder of the CSU demanded fast talks.\n\nThe Greens under Robert Habeck lost, while the Left with Heidi Reichinnek returned into parliament. Christian Lindner announced his retreat from politics after the FDP failed at the five percent hurdle, like the BSW of Sahra Wagenknecht.',
    "Germany's conservatives, led by Friedrich Merz, won Sunday's election, with the far-right AfD of Alice Weidel in second place. Merz promised to build a government by Easter and said Europe must achieve independence from the United States.\n\nOlaf Scholz conceded defeat. Lars Klingbeil will head the SPD's negotiating team. Christian Lindner quit after his FDP dropped out of the Bundestag; Sahra Wagenknecht's BSW also narrowly missed the threshold. Markus Söder said the CSU was ready.",
    "Markus Söder and Friedrich Merz met in Munich on Tuesday to prepare coalition talks with the SPD of Lars Klingbeil and Saskia Esken. Olaf Scholz stays caretaker chancellor. Alice Weidel accused Merz of betraying voters. Robert Habeck said he would not seek a leading role; Heidi Reichinnek celebrated the Left's comeback and Christian Lindner said farewell.",
]


def test_translation_sharing_only_the_story_cast_is_found_by_its_name_sequence():
    """A machine translation names the same people as two independent reports
    (the election's cast) but in its source's sequence, pair by pair; the
    independent report published the same day as the original is not a
    restatement of it."""
    sources = ("Berliner Rundschau", "Euro Brief English", "London Ledger", "Alpine Zeitung English")
    dates = ("2025-02-24", "2025-02-25", "2025-02-24", "2025-02-25")
    found = run([doc(t, d, s) for t, d, s in zip(ELECTION, dates, sources)], RW)
    assert [f.doc for f in found] == [1]
    assert "Berliner Rundschau" in found[0].message


def test_same_source_unrelated_and_distant_documents_pass():
    assert run([doc(ORIGINAL, "2024-11-26", "Same"), doc(PARAPHRASE, "2024-11-27", "Same")], RW) == []
    assert run([doc(ORIGINAL, "2024-11-26", "A"), doc(UNRELATED, "2024-11-27", "B")], RW) == []
    assert run([doc(ORIGINAL, "2024-01-01", "A"), doc(PARAPHRASE, "2024-11-27", "B")], RW) == []


def _seeds() -> list[str]:
    import yaml

    manifest = yaml.safe_load((SEEDS / "manifest.yml").read_text(encoding="utf-8"))["documents"]
    return [doc(p.read_text(encoding="utf-8"), str(manifest[p.name]["date"]), manifest[p.name]["source"])
            for p in sorted(SEEDS.glob("*.txt"))]


def test_seed_000_restates_001_and_nothing_else():
    found = run(_seeds(), RW)
    assert [(f.doc, "seed-001" in f.message) for f in found] == [(0, True)]


def test_seed_similarity_margins():
    """000 vs 001 share all of 000's distinctive names; the closest unrelated
    pair shares at most about half (thresholds in rules/corpus.yml: 0.95)."""
    profiles = [build_profile(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]

    def share(a, b):
        return sum(1 for h in profiles[b].entities if h in set(profiles[a].entities)) / len(profiles[b].entities)

    assert share(1, 0) == 1.0
    others = [share(a, b) for a in range(5) for b in range(5) if a != b and (a, b) != (1, 0)]
    assert max(others) < 0.6


# --------------------------------------------------------------------------- unattested quote
STORY_A = ('Kremlin spokesman Dmitry Peskov said the report was "not in line with reality". Talks between '
           "Keir Starmer and Emmanuel Macron in Paris were revived, Le Monde reported, and Jean-Noël Barrot agreed.")
STORY_B = ("Keir Starmer and Emmanuel Macron revived talks in Paris, according to Le Monde, and Jean-Noël Barrot "
           'agreed. Dmitry Peskov responded by calling the idea "unrealistic".')


def test_quote_no_other_document_carries_is_reported_on_the_later_document():
    found = run([doc(STORY_A, "2024-11-26", "A"), doc(STORY_B, "2024-11-27", "B")], UQ)
    assert [(f.doc, f.text) for f in found] == [(1, "unrealistic")]
    assert "Peskov" in found[0].message and "not in line with reality" in found[0].message


def test_attested_quote_with_surname_only_passes():
    later = STORY_B.replace('calling the idea "unrealistic"', 'saying the report was "not in line with reality"')
    later += ' Peskov added: "Some hotheads appear."'
    earlier = STORY_A + ' He added: "Some hotheads appear, of course."'
    assert run([doc(earlier, "2024-11-26", "A"), doc(later, "2024-11-27", "B")], UQ) == []


def test_different_stories_or_speakers_pass():
    other = 'Nancy Pelosi said the budget was "a disgrace" at a press conference with Chuck Schumer in Washington.'
    assert run([doc(STORY_A, "2024-11-26", "A"), doc(other, "2024-11-27", "B")], UQ) == []
    far = doc(STORY_B, "2025-06-01", "B")
    assert run([doc(STORY_A, "2024-11-26", "A"), far], UQ) == []


def test_different_snippets_of_one_statement_pass_while_an_agreed_quote_is_checked():
    """Two outlets quote Peskov differently: he said several things, so a
    third, different snippet is ordinary reporting; when the two agree, a
    third outlet's different words are reported."""
    names = ("Keir Starmer and Emmanuel Macron revived talks in Paris, according to Le Monde, and Jean-Noël "
             "Barrot agreed. ")
    first = doc(names + 'Dmitry Peskov said the report was "not in line with reality".', "2024-11-26", "A")
    second = doc(names + 'Dmitry Peskov said Moscow was "watching closely".', "2024-11-26", "B")
    agreeing = doc(names + 'Peskov said the report was "not in line with reality".', "2024-11-26", "B")
    third = doc(names + 'Dmitry Peskov responded by calling the idea "unrealistic".', "2024-11-27", "C")
    assert run([first, second, third], UQ) == []
    assert [(f.doc, f.text) for f in run([first, agreeing, third], UQ)] == [(2, "unrealistic")]


JEDDAH_A = ("Secretary of State Marco Rubio said after the Jeddah talks with Andriy Yermak, Mike Waltz and "
            'Faisal bin Farhan that "the ball is now in Russia\'s court". Dmitry Peskov and Volodymyr Zelensky '
            "responded within hours.")


def test_pronoun_after_a_sentence_naming_one_person_is_resolved_to_that_person():
    later = ("Marco Rubio flew to Canada a day after the Jeddah talks. He had said the US was ready, calling "
             'the move "a historic surrender". Andriy Yermak, Mike Waltz, Faisal bin Farhan, Dmitry Peskov and '
             "Volodymyr Zelensky took part.")
    found = run([doc(JEDDAH_A, "2025-03-11", "A"), doc(later, "2025-03-12", "B")], UQ)
    assert [(f.doc, f.text) for f in found] == [(1, "a historic surrender")]
    assert "Rubio" in found[0].message


def test_surname_subject_and_mid_sentence_pronoun_are_resolved():
    """'Peskov was blunt. The report, he said, was "unrealistic".' after the
    full name earlier in the document."""
    later = ("Keir Starmer and Emmanuel Macron revived talks in Paris, according to Le Monde, and Jean-Noël Barrot "
             'agreed, while Dmitry Peskov was in Moscow.\n\nPeskov was blunt. The idea, he said, was "unrealistic".')
    found = run([doc(STORY_A, "2024-11-26", "A"), doc(later, "2024-11-27", "B")], UQ)
    assert [(f.doc, f.text) for f in found] == [(1, "unrealistic")]
    # a country is no speaker: nobody named "<First> Russia" before
    country = later.replace("Peskov was blunt.", "Russia was blunt.")
    assert run([doc(STORY_A, "2024-11-26", "A"), doc(country, "2024-11-27", "B")], UQ) == []


def test_role_attribution_resolves_through_the_story():
    """'The Kremlin spokesman described it as "..."' in a document that never
    names him: another document on the story names the role's holder."""
    names = ("Keir Starmer and Emmanuel Macron revived talks in Paris, according to Le Monde, and Jean-Noël "
             "Barrot agreed. ")
    first = doc(names + 'Dmitry Peskov, the Kremlin spokesman, said the report was "not in line with reality".',
                "2024-11-26", "A")
    agreeing = doc(names + 'The report was "not in line with reality", according to Kremlin spokesman Dmitry '
                   "Peskov.", "2024-11-26", "B")
    role = doc(names + 'The Kremlin spokesman described the idea as "unrealistic".', "2024-11-27", "C")
    found = run([first, agreeing, role], UQ)
    assert [(f.doc, f.text) for f in found] == [(2, "unrealistic")]
    assert "Peskov" in found[0].message
    attested = doc(names + 'The Kremlin spokesman said the report was "not in line with reality".', "2024-11-27", "C")
    assert run([first, agreeing, attested], UQ) == []
    # a bare role ("the spokesman") is not resolved through other documents
    bare = doc(names + 'The spokesman described the idea as "unrealistic".', "2024-11-27", "C")
    plain = doc(names + 'Spokesman Dmitry Peskov said the report was "not in line with reality".', "2024-11-26", "A")
    assert run([plain, agreeing, bare], UQ) == []
    # a role nobody on the story holds by name stays unattributed
    other = doc(names + 'The French foreign minister described the idea as "unrealistic".', "2024-11-27", "C")
    assert run([first, agreeing, other], UQ) == []


def test_a_story_many_outlets_cover_in_a_small_run_is_still_a_story():
    """Seven outlets report STORY_A's names: in a run of eight documents the
    names are the story's, not the topic of the whole run, and the lone
    different quotation is still found."""
    texts = [doc(STORY_A, "2024-11-26", f"Outlet {k}") for k in range(7)] + [doc(STORY_B, "2024-11-27", "Late")]
    assert [(f.doc, f.text) for f in run(texts, UQ)] == [(7, "unrealistic")]


@pytest.mark.parametrize("previous", [
    "Marco Rubio met Sergei Lavrov in Riyadh a day after the Jeddah talks.",  # two people: unresolved
    "The talks resumed a day after the meeting in Jeddah.",  # nobody named
])
def test_pronoun_without_one_named_subject_is_not_attributed(previous):
    later = (previous + ' He had said the US was ready, calling the move "a historic surrender". Andriy Yermak, '
             "Mike Waltz, Faisal bin Farhan, Dmitry Peskov, Volodymyr Zelensky and Marco Rubio took part.")
    assert run([doc(JEDDAH_A, "2025-03-11", "A"), doc(later, "2025-03-12", "B")], UQ) == []


def test_seed_000_unrealistic():
    found = run(_seeds(), UQ)
    assert [(f.doc, f.text) for f in found] == [(0, "unrealistic")]


# --------------------------------------------------------------------------- MinHash / LSH primitives
def test_minhash_estimates_jaccard():
    a = set(range(0, 3000, 1))
    b = set(range(1000, 4000, 1))  # true Jaccard 0.5
    import zlib

    ha = {zlib.crc32(str(x).encode()) for x in a}
    hb = {zlib.crc32(str(x).encode()) for x in b}
    est = jaccard(minhash(ha, 256), minhash(hb, 256))
    assert abs(est - 0.5) < 0.1
    assert containment(minhash(ha, 256), len(ha), minhash(ha, 256), len(ha)) == 1.0


def test_lsh_finds_similar_pairs_only():
    import zlib

    base = {zlib.crc32(f"s{i}".encode()) for i in range(100)}
    near = set(list(base)[:90]) | {zlib.crc32(f"n{i}".encode()) for i in range(10)}
    far = {zlib.crc32(f"f{i}".encode()) for i in range(100)}
    sigs = [(0, minhash(base, 64)), (1, minhash(near, 64)), (2, minhash(far, 64))]
    assert lsh_candidates(sigs, rows=2, max_bucket=100) == {(0, 1)}


def test_concordance():
    assert concordance([0, 1, 2, 3]) == 1.0
    assert concordance([3, 2, 1, 0]) == 0.0


def test_profiles_are_small_and_deterministic():
    p1 = build_profile(ORIGINAL)
    p2 = build_profile(ORIGINAL)
    assert p1.entities == p2.entities and p1.signature == p2.signature
    assert isinstance(p1.signature, array) and len(p1.signature) == 64


def test_page_template_sentences_are_not_a_copy():
    """Sentences every page of a source carries (newsletter prompts, footers)
    are no evidence that another outlet copied one of its articles."""
    template = " ".join(f"Template sentence number {w} appears on every page of this magazine." for w in
                        ("one", "two", "three", "four", "five", "six")) + " "
    mag = [doc(" ".join(f"Story {i} has its own sentence {w} about the budget debate in town {i}." for w in
                        ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")) + " " + template,
               f"2024-11-2{i}", "Magazine") for i in range(5)]
    other = doc("The other outlet wrote its own account of the bridge closure. It quoted the mayor at length. "
                "It added a map of the detour. " + template, "2024-11-26", "Other Outlet")
    assert run([*mag, other], RW) == []


def test_candidate_pairs_skip_documents_of_one_group():
    from array import array

    from auditor.rules.corpus._profile import lsh_candidates, rare_entity_candidates

    sig = array("I", [1, 2, 3, 4])
    signatures = [(0, sig), (1, sig), (2, sig)]
    assert lsh_candidates(signatures, 1, 100) == {(0, 1), (0, 2), (1, 2)}
    assert lsh_candidates(signatures, 1, 100, ["a", "a", "b"]) == {(0, 2), (1, 2)}
    assert lsh_candidates(signatures, 1, 100, [None, None, "b"]) == {(0, 1), (0, 2), (1, 2)}  # unknown source
    ents = [(0, array("I", [7, 8])), (1, array("I", [7, 8])), (2, array("I", [7, 8]))]
    assert set(rare_entity_candidates(ents, 2, 5, groups=["a", "a", "b"])) == {(0, 2), (1, 2)}


def test_rare_entity_candidates_match_brute_force_counts():
    """The two-pass index gives exactly the pairs a count over every pair of
    documents gives: shared names with document frequency at most max_df,
    at least min_shared of them, never a pair of one group."""
    import random
    from array import array

    from auditor.rules.corpus._profile import rare_entity_candidates

    rng = random.Random(7)
    docs = [array("I", rng.sample(range(1, 60), rng.randint(0, 15))) for _ in range(80)]
    groups = [rng.choice(["a", "b", "c", None]) for _ in docs]
    exclude = {3, 4, 5}
    max_df, min_shared = 12, 3
    df: dict[int, int] = {}
    for names in docs:
        for h in names:
            df[h] = df.get(h, 0) + 1
    rare = [{h for h in names if h not in exclude and df[h] <= max_df} for names in docs]
    expected = {}
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            shared = len(rare[i] & rare[j])
            if shared >= min_shared and not (groups[i] is not None and groups[i] == groups[j]):
                expected[(i, j)] = shared
    got = rare_entity_candidates(enumerate(docs), min_shared, max_df, exclude, groups)
    assert got == expected
    assert list(got) == sorted(got)  # in document order: the callers' output does not depend on hashing


def test_origin_keeps_run_order_and_one_source_string_per_outlet():
    from auditor.rules.base import DocRef
    from auditor.rules.corpus._profile import origin

    # two refs whose source strings are equal but distinct objects (as unpickled from the log)
    a = DocRef(3, "a.jsonl", "1", "".join(["Daily ", "Planet"]), "2024-11-26")
    b = DocRef(4, "a.jsonl", "2", "".join(["Daily ", "Plan", "et"]))
    assert a.source is not b.source
    oa, ob = origin(a), origin(b)
    assert (oa.ordinal, oa.source, ob.ordinal) == (3, "Daily Planet", 4)
    assert oa.source is ob.source
    assert origin(DocRef(5, "x.txt")).source is None
