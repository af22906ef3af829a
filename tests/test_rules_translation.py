"""translation.garbled, translation.untranslated, translation.variety-mix on text written for the tests,
the seed articles, and a slice of the AllSides archive (precision guard)."""

from __future__ import annotations

import json
import re

import pytest

from auditor.model import Severity
from auditor.resources import load_yaml_resource
from auditor.testing import run_on_texts
from conftest import SEEDS, shared_data


def found(text: str, rule: str, **overrides):
    return [f for f in run_on_texts([text], select=[rule], overrides=overrides or None) if f.rule == rule]


def texts(text: str, rule: str, **overrides) -> list[str]:
    return [f.text for f in found(text, rule, **overrides)]


# --------------------------------------------------------------------------- variety-mix
VM = "translation.variety-mix"


def test_us_spellings_beside_a_uk_office_title_are_reported():
    text = ("Britain and France are drafting plans to bolster Ukraine's defenses after Trump labeled him a dictator. "
            "Defence Secretary John Healey is visiting Norway.")
    fs = found(text, VM)
    assert [f.text for f in fs] == ["defenses", "labeled"]
    assert [f.suggestion for f in fs] == ["defences", "labelled"]
    assert all("en-GB" in f.message for f in fs)


def test_a_qualified_foreign_title_does_not_outvote_the_text():
    """'Britain's Defense Ministry' is a mismatch (variety-mismatch's finding), not strong US evidence:
    the British spellings around it are not reported as a minority."""
    text = ("The Foreign Office said Britain's Defense Ministry would send advisers, and the Home Secretary "
            "defended the programme and its neighbourhood policing centres. Critics called it a labor of love "
            "that ignored the behavior of gangs.")
    assert not {"programme", "neighbourhood", "centres"} & set(texts(text, VM))


def test_majority_decides_and_minority_is_reported():
    text = ("The colour of the theatre's neighbourhood changed; the council's defence plan was its favourite. "
            "Later the mayor traveled to the center.")
    assert texts(text, VM) == ["traveled", "center"]


def test_consistent_documents_pass_in_either_variety():
    assert texts("The neighbourhood centre was praised for its colour and its defences.", VM) == []
    assert texts("The neighborhood center was praised for its color and its defenses.", VM) == []


def test_document_variety_counts_whole_words_of_each_variety():
    from auditor.rules.translation.variety_mismatch import document_variety

    assert document_variety("The colour of the harbour and the defense budget.") == "en-GB"
    assert document_variety("The color of the harbor and the defence budget.") == "en-US"
    assert document_variety("The colour of the harbor.") is None  # a tie
    # only whole words: a letter on either side, ASCII or not, makes it another word
    assert document_variety("Xcolour and colouré, and the color.") == "en-US"


def test_ize_is_not_a_marker_oxford_spelling():
    # "organize", "realize" are en-GB (Oxford) as well as en-US
    assert texts("The council will organize a colourful festival and realize its favourite plan.", VM) == []


def test_names_and_quotations_keep_their_spelling():
    text = ("The neighbourhood defence plan was praised as a favourite. Veterans of Pearl Harbor met the Labor Party "
            "delegation at the Kennedy Center, and the Department of Defense said: \"Our color guard traveled far.\"")
    assert texts(text, VM) == []


def test_house_style_pins_the_variety():
    text = "The neighborhood center was praised for its color and its defences."
    assert texts(text, VM, house_style={"variety": "en-US"}) == ["defences"]
    gb = found(text, VM, house_style={"variety": "en-GB"})
    assert [f.text for f in gb] == ["neighborhood", "center", "color"]
    assert all(f.severity is Severity.WARNING for f in gb)


def test_ambiguous_words_are_not_markers():
    # tire (to tire), program (computer), meter (device), practice (noun), license (verb)
    text = "The tyre programme worried the colour team. Delays tire everyone; the program crashed; check the meter."
    assert texts(text, VM) == []


def test_spelling_list_is_curated():
    data = load_yaml_resource("translation/variety_spellings.yml")
    pairs = data["pairs"]
    assert len(pairs) >= 300
    assert not [g for g, u in pairs.items() if re.sub("is(e|ed|es|ing|ation)", r"iz\1", g) == u]
    for word in ("tire", "program", "meter", "practice", "license", "check"):
        assert word not in pairs.values()
    assert {"programme", "tyre", "metre"} <= set(data["gb_only"])


# --------------------------------------------------------------------------- garbled
G = "translation.garbled"


def test_stray_word_after_reporting_clause():
    fs = found("“We must find innovative ways to find the funding,” he added road.", G)
    assert [(f.text, f.suggestion) for f in fs] == [("added road", "added")]


def test_stray_word_before_a_participle_clause():
    fs = found("“The talks were productive,” the minister said window, adding that more were planned.", G)
    assert [(f.text, f.suggestion) for f in fs] == [("said window", "said")]


@pytest.mark.parametrize("ending", ["he added later.", "he said again.", "Healey said firmly.",
                                    "the minister told reporters.", "Smith said Monday.", "she said yesterday.",
                                    "he said tonight, adding that help was coming.",
                                    "he said defiantly, noting the risk.", "she said Sunday, adding more."])
def test_legitimate_reporting_clause_endings_pass(ending):
    assert texts(f"“We must find the funding,” {ending} The talks went on.", G) == []


def test_answer_to_a_question_is_not_a_stray_word():
    assert texts('"What should we scan you as?" I said female. The machine beeped.', G) == []


def test_doubled_function_words():
    assert texts("The minister said the the plan would go to to parliament.", G) == ["the the", "to to"]


def test_that_that_before_a_determiner():
    assert texts("Fedorov noted that that the enemy attacked the city 300 times.", G) == ["that that"]
    assert texts("It is because of that that we have rules, and that that plan failed.", G) == []


def test_grammatical_doublings_pass():
    text = "He said that that plan had had its chance, she gave her her coat, and he logged in in May."
    assert texts(text, G) == []


def test_titles_are_not_doublings():
    assert texts("From The Ox-Bow Incident to To Kill a Mockingbird, novelists warned us.", G) == []


def test_doubling_inside_a_quotation_is_info():
    fs = found('"We will go to to the end," he said.', G)
    assert [(f.text, f.severity) for f in fs] == [("to to", Severity.INFO)]


def test_broken_sentence_end():
    assert texts("The aid will be sent to the. Officials gave no date.", G) == ["the."]
    assert texts("That is something to keep track of. Officials gave no date.", G) == []


def test_dangling_participle_after_a_reporting_verb():
    fs = found('"Every euro counts," the Commission President said adding. The talks went on.', G)
    assert [(f.text, f.suggestion) for f in fs] == [("said adding", "said")]
    assert texts('"Every euro counts," she said, adding. The talks went on.', G) == ["said, adding"]


@pytest.mark.parametrize("text", [
    '"We will win," he said, smiling. The crowd cheered.',
    '"I hardly knew you," he said, amused. We laughed.',
    '"Am I on a spree?" he recalled saying. Nobody answered.',
    '"Every euro counts," she said, adding that the fund was nearly empty.',
])
def test_complete_reporting_clauses_pass(text):
    assert texts(text, G) == []


def test_doubled_reporting_clause():
    assert texts('"The ball is on the Russian side," Zelensky stressed, he said. Talks resume.', G) == [
        "stressed, he said"]
    assert texts('"Only pressure works," he wrote on Telegram, she emphasized. Talks resume.', G) == [
        "wrote on Telegram, she emphasized"]
    assert texts("'He is all mine,' he claimed he said. The court heard more.", G) == []


def test_doubled_reporting_verbs_and_modals():
    assert texts("The government said said it would act, and it might might succeed.", G) == [
        "said said", "might might"]


# --------------------------------------------------------------------------- untranslated
U = "translation.untranslated"


def test_foreign_clause_inside_an_english_sentence():
    text = '"Russland setzt auf Terror gegen die Zivilbevölkerung," Merz said at a news conference in Berlin.'
    assert texts(text, U) == ["Russland setzt auf Terror gegen die Zivilbevölkerung"]
    text = "Le président du Conseil a salué l'unité des Vingt-Six, his spokesman added in a statement."
    assert texts(text, U) == ["Le président du Conseil a salué l'unité des Vingt-Six"]


def test_name_particles_are_not_foreign_clauses():
    text = ("Asked by Bild am Sonntag about holidays, European Commission President Ursula von der Leyen "
            "replied, and Charles de Gaulle airport reopened.")
    assert texts(text, U) == []


def test_cyrillic_homoglyph_inside_a_latin_word():
    fs = found("The delegation arrived in Kyіv and met WНO officials.", U)
    assert [(f.text, f.suggestion) for f in fs] == [("Kyіv", "Kyiv"), ("WНO", "WHO")]


def test_runs_of_other_scripts():
    fs = found("The city was calm (город спокоен), a sign read 今ならポイント20倍 and β-blockers were short.", U)
    assert [f.text for f in fs] == ["город спокоен", "今ならポイント20倍"]
    assert "Cyrillic" in fs[0].message


def test_addresses_in_another_script_pass():
    """A web or mail address has no translation; the words around it still count."""
    assert texts("The official website of the Award: https://премияарсеньева.рф/.", U) == []
    assert texts("Entries go to премияарсеньева.рф or to жюри@премия.рф by May.", U) == []
    assert texts("Visit премияарсеньева.рф, where the jury called the rules провокация and left.", U) == [
        "провокация"]


def test_cited_and_glossed_words_of_another_script_pass():
    assert texts('Soldiers use the word "незламні", meaning unbreakable, as their motto.', U) == []
    assert texts("Beijing repeated the slogan 中国梦 at the congress.", U) == []
    # not glossed: a leftover of the translation
    assert texts("The Kremlin called the proposal провокация and declined to comment.", U) == ["провокация"]


@pytest.mark.parametrize("text, dash", [
    ('"We will not give up an inch of our land," - Zelensky said.', "-"),
    ('"We will win", – he said.', "–"),
    ('“The enemy is shelling the city,” — the head of the region said.', "—"),
    ("Air defence forces shot down 42 drones overnight, — reported the Air Force.", "—"),
    ('She said: "We are ready for dialogue", - and added that Kyiv would respond.', "-"),
])
def test_dash_before_the_reporting_clause(text, dash):
    fs = found(text, U)
    assert [f.text for f in fs] == [dash] and "reporting clause" in fs[0].message


@pytest.mark.parametrize("text", [
    'He called them "rapists" — he said he assumed others were different.',
    '“So you point the fingers at the journalism, then?” – Handel said: “No, don’t put words in my mouth.”',
    'The review — officials said — would take a year.',
])
def test_english_dashes_near_quotations_pass(text):
    assert found(text, U) == []


def test_full_width_punctuation():
    assert texts("The company would expand production，and prices would fall（see table）.", U) == ["，", "（", "）"]
    assert texts("The sign read 今ならポイント20倍。 and nobody noticed.", U) == ["今ならポイント20倍"]


def test_the_rare_character_precheck_covers_both_character_classes():
    """The one RE2 pass that gates the script and full-width checks must
    accept exactly the characters of the two ``re`` classes."""
    from auditor.rules.translation.untranslated import _FULLWIDTH, _OTHER_SCRIPT, rare_characters

    rare = rare_characters()
    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x20000]:
        ch = chr(code)
        expected = bool(_OTHER_SCRIPT.match(ch) or _FULLWIDTH.match(ch))
        assert bool(rare.search(ch.encode())) is expected, hex(code)
    # a lone surrogate (surrogatepass bytes of a broken input) is neither
    assert rare.search("a\ud800b".encode("utf-8", "surrogatepass")) is None


def test_foreign_quotation_marks():
    assert texts("The ministry said «the operation is proceeding» and „alles gut“ too.", U) == ["«", "„"]
    assert texts("Send questions to the editors.\n« Previous\nNext »\nfiled under: politics", U) == []


def test_number_formats():
    assert texts("Exports grew by 3,5 million tonnes, or 2,7%, worth 12 bln roubles.", U) == \
        ["3,5 million", "2,7%", "bln"]
    assert texts("Exports grew by 3.5 million tonnes, 3,500 tonnes a week, 1,234,567 in all.", U) == []
    assert texts("The regiment lost 15 000 soldiers.", U) == ["15 000"]
    assert texts("The General Staff said 1 230 Russian soldiers were killed.", U) == ["1 230"]
    assert texts("Totals: Clinton 493 282 Sanders 589 745.", U) == []


def test_day_month_year_dates():
    assert texts("The decree, signed on 24.02.2022, was followed by another on 21.09.2022.", U) == \
        ["24.02.2022", "21.09.2022"]
    assert texts("It was signed on February 24, 2022; version 2.10.2024 shipped; see clip.11.03.2015.mp4.", U) == []


def test_thousands_dots_magnitudes_and_signs_of_other_languages():
    assert texts("Around 20.000 soldiers and 1.500.000 people left, and the fund holds 3 Mrd. Euro.", U) == \
        ["20.000 soldiers", "1.500.000 people", "3 Mrd."]
    assert texts("Decree № 64 was signed by the president.", U) == ["№ 64"]
    assert texts("The screw is 2.125 inches long, Mio Tanaka won, and No. 10 said 3.5 million people.", U) == []


def test_foreign_sentence_goes_through_langdetect():
    fs = found("The mayor told the crowd: Nous ne sommes pas prêts et nous ne voulons pas de cette guerre dans notre pays.", U)
    assert len(fs) == 1 and "langdetect: fr" in fs[0].message


@pytest.mark.parametrize("sentence, lang", [
    # a sentence may open with a capitalised function word ("El", "Il", "Selon le")
    ("El gobierno no ha confirmado la información sobre los detenidos.", "es"),
    ("Il governo non ha ancora deciso se inviare le truppe in Ucraina.", "it"),
    ("Die Bundesregierung wird die Hilfe für die Ukraine im nächsten Jahr nicht kürzen.", "de"),
    ("Le gouvernement a annoncé de nouvelles mesures pour soutenir les agriculteurs.", "fr"),
])
def test_foreign_sentence_opening_with_a_capitalised_function_word(sentence, lang):
    fs = found(f"The minister spoke to reporters on Monday. {sentence} She promised an inquiry.", U)
    assert [f.text for f in fs] == [sentence] and f"langdetect: {lang}" in fs[0].message


def test_a_foreign_sentence_is_reported_whole_when_its_short_clause_is_not_english():
    text = ("The prefecture issued a statement. Selon le ministère, la situation reste tendue dans les quartiers "
            "nord de la ville. Police reinforcements arrived.")
    assert texts(text, U) == ["Selon le ministère, la situation reste tendue dans les quartiers nord de la ville."]


def test_capitalised_function_words_in_names_pass():
    text = ("El Paso and Los Angeles sent aid, Il Messaggero reported, and Dem senators said the Das Boot "
            "remake was popular in El Salvador.")
    assert texts(text, U) == []


def test_borrowed_phrases_and_names_pass():
    text = ("It was his raison d'être, critics said after the coup d'état, according to Le Monde, "
            "La Repubblica and Die Welt; Ursula von der Leyen agreed.")
    assert texts(text, U) == []


def test_langdetect_answers_are_deterministic():
    text = "Er sagte: Das ist nicht gut für uns und wir sind sehr besorgt über die Lage."
    first = [f.message for f in found(text, U)]
    assert first and first == [f.message for f in found(text, U)]


# --------------------------------------------------------------------------- seeds
def _seed_findings(rules):
    files = sorted(SEEDS.glob("*.txt"))
    if len(files) < 5:
        pytest.skip("seed articles not present")
    fs = run_on_texts([p.read_text(encoding="utf-8") for p in files], select=rules)
    return {p.name[:3]: [f for f in fs if f.doc == i] for i, p in enumerate(files)}


def test_seed_expectations():
    by_doc = _seed_findings([G, U, VM])
    assert [(f.rule, f.text) for f in by_doc["003"] if f.rule == G] == [(G, "added road")]
    assert [f.text for f in by_doc["004"] if f.rule == VM] == ["defenses", "labeled"]
    quiet = [f for fs in by_doc.values() for f in fs if "Defence" in f.text or f.text in ("Le Monde", "Kyiv")]
    assert quiet == []
    assert [f for f in by_doc["002"] + by_doc["000"] if f.rule in (G, U)] == []


# --------------------------------------------------------------------------- precision guard
def test_rates_on_a_slice_of_allsides_stay_low():
    path = shared_data("allsides_news_baly2020", "allsides_articles_50MB.jsonl")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for _, line in zip(range(600), fh):
            rows.append(json.loads(line)["text"] or "")
    fs = run_on_texts(rows, select=[G, U, VM])
    words = sum(len(t.split()) for t in rows)
    for rule in (G, U, VM):
        per_10k = 1e4 * sum(1 for f in fs if f.rule == rule) / words
        assert per_10k < 0.5, f"{rule}: {per_10k:.2f} findings per 10,000 words on AllSides"
