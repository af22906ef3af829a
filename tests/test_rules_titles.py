"""titles.wrong-office and titles.out-of-date on text written for the test."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.testing import run_on_texts
from conftest import news_findings

KNOWLEDGE = ["people", "offices", "people_generated", "offices_generated"]


def run(text: str, rule: str, date: str | None = None):
    if date:
        text = f"---\ndate: {date}\n---\n{text}"
    config = Config(knowledge=KNOWLEDGE, select=[rule])
    return [f for f in run_on_texts([text], config=config) if f.rule == rule]


WRONG = "titles.wrong-office"
STALE = "titles.out-of-date"


# --------------------------------------------------------------------------- wrong office
@pytest.mark.parametrize(
    ("text", "date", "span", "suggestion"),
    [
        ("Ukrainian Prime Minister Sir Keir Starmer spoke to Trump.", "2024-12-18",
         "Ukrainian Prime Minister Sir Keir Starmer", "British Prime Minister Sir Keir Starmer"),
        ("It was endorsed by former Foreign Minister Jeremy Hunt.", "2025-01-16",
         "former Foreign Minister Jeremy Hunt", "former Foreign Secretary Jeremy Hunt"),
        ("It was endorsed by two ex-defense ministers, Grant Shapps and Gavin Williamson.", "2025-01-16",
         "ex-defense ministers, Grant Shapps and Gavin Williamson",
         "ex-Defence Secretaries, Grant Shapps and Gavin Williamson"),
        ("French Prime Minister Olaf Scholz arrived in Paris.", "2022-06-01",
         "French Prime Minister Olaf Scholz", None),
    ],
)
def test_wrong_office_flags(text, date, span, suggestion):
    found = run(text, WRONG, date)
    assert [f.text for f in found] == [span]
    if suggestion:
        assert found[0].suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Prime Minister Keir Starmer and Sir Keir Starmer's office said so.", "2024-12-18"),
        ("Ukrainian Prime Minister Denys Shmyhal met the defence minister.", "2023-05-02"),
        ("Ukrainian Prime Minister Yulia Svyrydenko visited Berlin.", "2025-09-01"),
        ("The plan was endorsed by former PM Boris Johnson.", "2025-01-16"),
        ("Former Foreign Secretary Jeremy Hunt wrote to the paper.", "2025-01-16"),
        ("Foreign Secretary David Lammy is attending.", "2025-02-20"),
        ("the defence minister said so, and the foreign minister agreed.", "2025-02-20"),
        ("The French foreign minister, Jean-Noël Barrot, met Ian Healy.", "2025-01-01"),
        ("Defence Secretary Ian Healy is a cricketer in this fiction.", "2025-01-01"),
        ("Secretary of State Hillary Clinton visited Libya.", "2012-09-01"),
        ("Secretary of State Hillary Clinton's emails were discussed in 2016.", "2016-10-01"),
        ("President Obama signed the bill.", None),
        ("Deputy Foreign Minister Sergei Lavrov is not a real title here.", "2020-01-01"),
    ],
)
def test_wrong_office_passes(text, date):
    assert run(text, WRONG, date) == []


def test_wrong_office_surname_alone_needs_the_full_name_in_the_document():
    assert run("Prime Minister Healey flew in.", WRONG, "2024-12-18") == []
    found = run("John Healey arrived. Later, Prime Minister Healey flew in.", WRONG, "2024-12-18")
    assert found and "Healey" in found[0].text


# --------------------------------------------------------------------------- out of date
@pytest.mark.parametrize(
    ("text", "date", "span", "suggestion"),
    [
        ("It will be presented to former President Donald Trump next week.", "2025-02-20",
         "former President Donald Trump", "President Donald Trump"),
        ("Fears surrounding US President Biden's commitment grew.", "2025-02-20",
         "US President Biden", "former US President Biden"),
        ("President-elect Donald Trump met governors.", "2017-02-15",
         "President-elect Donald Trump", "President Donald Trump"),
        ("Former Foreign Secretary David Cameron flew to Kyiv.", "2024-02-01",
         "Former Foreign Secretary David Cameron", "Foreign Secretary David Cameron"),
        # long after the inauguration, "-elect" with a present-tense verb is the writer's own
        ("President-elect Donald Trump has said repeatedly that he will end the war.", "2025-03-10",
         "President-elect Donald Trump", "President Donald Trump"),
    ],
)
def test_out_of_date_flags(text, date, span, suggestion):
    found = run(text, STALE, date)
    assert [f.text for f in found] == [span]
    assert found[0].suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("US President-elect Donald Trump might propose a plan.", "2025-01-16"),
        ("President-elect Trump met the prime minister.", "2024-12-18"),
        ("President Joe Biden signed the bill on Monday.", "2022-05-10"),
        ("Former President Donald Trump spoke in Iowa.", "2023-06-01"),
        ("former President Trump held a rally.", "2023-06-01"),
        ("Earlier this month, Joe Biden approved the use of missiles.", "2024-11-26"),
        ("In 2014, President Obama signed an order.", "2019-03-01"),
        ("Under President Obama, the deficit fell.", "2017-06-01"),
        ("President Obama signed the order.", None),
        ("Then-President Barack Obama spoke.", "2019-01-01"),
        ("Defence Secretary John Healey met troops.", "2025-02-20"),
        ("Home Secretary Yvette Cooper spoke to Sky News.", "2024-11-26"),
        ("Foreign Secretary David Lammy attended the G20.", "2025-02-20"),
        ("President Barack Obama, in his final weeks, spoke.", "2017-01-18"),
        # a retelling of the transition: past tense
        ("President-elect Donald Trump met the governors at Trump Tower.", "2025-03-10"),
    ],
)
def test_out_of_date_passes(text, date):
    assert run(text, STALE, date) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Secretary of State Antony Blinken met Saudi officials in Riyadh on Tuesday.",
         "Secretary of State Antony Blinken"),
        ("Defense Secretary Lloyd Austin said on Monday that more troops would be sent.",
         "Defense Secretary Lloyd Austin"),
        ("NATO Secretary-General Jens Stoltenberg urged restraint today.", "NATO Secretary-General Jens Stoltenberg"),
        ("On Tuesday, Prime Minister Rishi Sunak said he would stay.", "Prime Minister Rishi Sunak"),
        ("The deal is good for Britain, Prime Minister Rishi Sunak said on Tuesday.", "Prime Minister Rishi Sunak"),
    ],
)
def test_bare_title_in_a_report_of_the_present_is_checked(text, span):
    """Without a nationality qualifier, a bare past title is still wrong when
    its holder is the subject of today's news."""
    assert [f.text for f in run(text, STALE, "2025-03-12")] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, Secretary of State Antony Blinken visited Kyiv on a Tuesday.",
        "The inquiry heard on Tuesday that Prime Minister Rishi Sunak had ignored advice.",
        "Reporters wrote on Wednesday that Trump fired FBI Director James Comey.",
        'On Tuesday he said: "Prime Minister Rishi Sunak let us down today."',
        "Secretary of State Antony Blinken testified on Tuesday about his time in office.",
        "Secretary of State Antony Blinken met Saudi officials in Riyadh.",
        "The deal, Prime Minister Rishi Sunak said in 2023, was good for Britain.",
        "The deal is good, he told Prime Minister Rishi Sunak on Tuesday.",
    ],
)
def test_bare_title_outside_a_report_of_the_present_passes(text):
    """Retold events, objects of a verb, quotations and sentences without a
    present-time marker keep the bare-title leniency."""
    assert run(text, STALE, "2025-03-12") == []


def test_out_of_date_is_silent_without_a_date():
    assert run("former President Donald Trump spoke.", STALE) == []
    assert run("US President Biden's commitment.", STALE) == []


def test_out_of_date_in_quotation_is_lower_severity():
    found = run('He said: "We trust former President Donald Trump on this."', STALE, "2025-03-01")
    assert found and found[0].severity.value == "info"


def test_former_belonging_to_a_following_noun_is_not_checked():
    assert run("Fallen former President Trump confidante Steve Bannon testified.", STALE, "2018-01-16") == []
    assert run("former President Trump's lawyer spoke.", STALE, "2018-01-16") == []
    assert run("former President Trump spoke.", STALE, "2018-01-16")


# --------------------------------------------------------------------------- title after the name
def test_postposed_titles_are_checked():
    found = run("Keir Starmer, the Ukrainian prime minister, said so.", WRONG, "2024-12-18")
    assert [(f.text, f.suggestion) for f in found] == [
        ("Keir Starmer, the Ukrainian prime minister", "Keir Starmer, the British prime minister")]
    found = run("Jeremy Hunt, the former foreign minister, said so.", WRONG, "2025-01-16")
    assert [f.suggestion for f in found] == ["Jeremy Hunt, the former foreign secretary"]
    found = run("Keir Starmer, the former British prime minister, said so.", STALE, "2025-02-20")
    assert [(f.text, f.suggestion) for f in found] == [
        ("Keir Starmer, the former British prime minister", "Keir Starmer, the British prime minister")]


@pytest.mark.parametrize(
    "text",
    [
        "Jean-Noël Barrot, the French foreign minister, said so.",
        "Dmitry Peskov, the Kremlin spokesperson, stated the report was wrong.",
        "David Lammy, the foreign secretary, met Barrot.",
        "John Healey, the defence secretary's adviser, spoke.",
    ],
)
def test_postposed_titles_pass(text):
    assert run(text, WRONG, "2024-11-26") == []
    assert run(text, STALE, "2024-11-26") == []


def test_lowercase_single_word_titles_need_a_qualifier():
    found = run("Donald Trump, the former US president, said so.", STALE, "2025-02-20")
    assert [(f.text, f.suggestion) for f in found] == [
        ("Donald Trump, the former US president", "Donald Trump, the US president")]
    assert run("The president said the former president Trump was wrong.", STALE, "2025-02-20") == []


def test_title_after_of_may_belong_to_another_noun():
    text = "Earlier, the press secretary of the Russian President Dmitry Peskov stressed it."
    assert run(text, WRONG, "2022-02-01") == []
    assert run("The wife of former President Donald Trump spoke.", STALE, "2025-02-20") == []


# --------------------------------------------------------------------------- world leaders since 2022
# The generated pack stops in 2022: these changes of leader come from the curated pack.
@pytest.mark.parametrize(
    ("text", "date", "span"),
    [
        ("Canadian Prime Minister Justin Trudeau announced counter-tariffs.", "2025-04-03",
         "Canadian Prime Minister Justin Trudeau"),
        ("Japanese Prime Minister Shigeru Ishiba spoke to reporters in Tokyo.", "2025-12-03",
         "Japanese Prime Minister Shigeru Ishiba"),
        ("The envoy met South Korean President Yoon Suk Yeol in Seoul.", "2025-05-20",
         "South Korean President Yoon Suk Yeol"),
        ("Former Prime Minister Mark Carney told reporters Canada would fight.", "2025-04-03",
         "Former Prime Minister Mark Carney"),
        ("Iranian President Ebrahim Raisi addressed the crowd in Tehran.", "2024-09-10",
         "Iranian President Ebrahim Raisi"),
        # the Biden cabinet left office on 2025-01-20
        ("US Commerce Secretary Gina Raimondo said the tariffs were wrong.", "2025-04-03",
         "US Commerce Secretary Gina Raimondo"),
    ],
)
def test_out_of_date_world_leaders_flags(text, date, span):
    assert [f.text for f in run(text, STALE, date)] == [span]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Canadian Prime Minister Justin Trudeau announced counter-tariffs.", "2024-04-03"),
        ("Canadian Prime Minister Mark Carney announced counter-tariffs.", "2025-04-03"),
        ("Former Canadian Prime Minister Justin Trudeau gave a lecture.", "2025-06-01"),
        ("Iranian President Masoud Pezeshkian addressed the crowd in Tehran.", "2024-09-10"),
        ("Mexican President Claudia Sheinbaum said Mexico would respond.", "2025-04-03"),
        ("US Commerce Secretary Howard Lutnick said the tariffs would stay.", "2025-04-03"),
        ("German Finance Minister Lars Klingbeil presented the budget.", "2025-07-30"),
    ],
)
def test_out_of_date_world_leaders_passes(text, date):
    assert run(text, STALE, date) == []


# --------------------------------------------------------------------------- leaders who left office 2022-2025
# The generated snapshot leaves these roles open ("?2022-10-09"); the curated pack
# closes them, and nationality qualifiers for their countries make them checkable.
@pytest.mark.parametrize(
    ("text", "date", "span"),
    [
        ("The deal was signed by Dutch Prime Minister Mark Rutte and Ukrainian President Volodymyr Zelensky "
         "on Wednesday.", "2025-07-02", "Dutch Prime Minister Mark Rutte"),
        ("Finnish Prime Minister Sanna Marin said on Tuesday that Finland would apply.", "2024-03-05",
         "Finnish Prime Minister Sanna Marin"),
        ("Estonian Prime Minister Kaja Kallas said on Monday that Russia must pay.", "2025-02-10",
         "Estonian Prime Minister Kaja Kallas"),
        ("Romanian President Klaus Iohannis said on Friday that the result stood.", "2025-06-06",
         "Romanian President Klaus Iohannis"),
        ("Taoiseach Leo Varadkar said on Monday that Ireland would recognise Palestine.", "2025-03-10",
         "Taoiseach Leo Varadkar"),
        ("Canadian Foreign Minister Mélanie Joly said on Tuesday that Ottawa would act.", "2025-08-05",
         "Canadian Foreign Minister Mélanie Joly"),
        ("Japanese Foreign Minister Yoko Kamikawa met Wang Yi in Beijing on Tuesday.", "2025-03-25",
         "Japanese Foreign Minister Yoko Kamikawa"),
    ],
)
def test_out_of_date_leaders_who_left_since_2022_flags(text, date, span):
    assert [f.text for f in run(text, STALE, date)] == [span]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Dutch Prime Minister Mark Rutte said on Wednesday that the cabinet would resign.", "2023-07-08"),
        ("Former Dutch Prime Minister Mark Rutte now leads Nato.", "2025-07-02"),
        ("Taoiseach Micheál Martin said on Monday that Ireland would recognise Palestine.", "2025-03-10"),
        ("Irish Prime Minister Simon Harris said on Tuesday that the vote would go ahead.", "2024-05-21"),
        ("Canadian Foreign Minister Anita Anand said on Tuesday that Ottawa would act.", "2025-08-05"),
        ("Indian External Affairs Minister S. Jaishankar met Marco Rubio on Tuesday.", "2025-07-01"),
        ("Hungarian Prime Minister Viktor Orbán said on Wednesday that he would veto it.", "2025-03-12"),
    ],
)
def test_out_of_date_leaders_who_left_since_2022_passes(text, date):
    assert run(text, STALE, date) == []


@pytest.mark.parametrize(
    ("text", "date", "span"),
    [
        ("Hungarian President Viktor Orbán said on Wednesday that he would block the package.", "2025-03-12",
         "Hungarian President Viktor Orbán"),
        ("Indian Prime Minister Subrahmanyam Jaishankar met the delegation on Tuesday.", "2025-07-01",
         "Indian Prime Minister Subrahmanyam Jaishankar"),
        ("Australian Defence Minister Penny Wong visited Jakarta on Monday.", "2025-02-03",
         "Australian Defence Minister Penny Wong"),
    ],
)
def test_wrong_office_of_foreign_ministers_and_leaders_added_in_2025_flags(text, date, span):
    assert [f.text for f in run(text, WRONG, date)] == [span]


def test_devolved_first_ministers():
    text = ("Welsh First Minister Vaughan Gething said on Tuesday that the Senedd would vote. "
            "Scottish First Minister Mark Drakeford agreed. First Minister John Swinney disagreed.")
    assert [f.text for f in run(text, STALE, "2025-03-18")] == ["Welsh First Minister Vaughan Gething"]
    assert [f.text for f in run(text, WRONG, "2025-03-18")] == ["Scottish First Minister Mark Drakeford"]
    clean = ("Welsh First Minister Eluned Morgan said on Tuesday that the Senedd would vote. "
             "Former First Minister Vaughan Gething abstained; Nicola Sturgeon, the former first minister, agreed.")
    assert run(clean, STALE, "2025-03-18") == [] and run(clean, WRONG, "2025-03-18") == []


def test_long_gone_title_in_a_report_of_the_present():
    """max_gap_days spares historical usage, not today's news: a title that
    opens a sentence about the present is stale however long ago the role ended."""
    text = "Russian Defence Minister Sergei Shoigu visited troops in the Kursk region on Tuesday."
    assert [f.text for f in run(text, STALE, "2025-11-12")] == ["Russian Defence Minister Sergei Shoigu"]
    for clean in ("In 2022, Russian Defence Minister Sergei Shoigu visited troops on Tuesday.",
                  "Russian Defence Minister Sergei Shoigu ordered the retreat from Kherson.",
                  "The inquiry heard on Tuesday that Russian Defence Minister Sergei Shoigu had lied."):
        assert run(clean, STALE, "2025-11-12") == [], clean


def test_wrong_office_despite_an_unrelated_later_role():
    # Rubio became national security adviser (too) in May 2025: no excuse for
    # "Defense Secretary" in March; a later role of the same kind still is
    found = run("US Defense Secretary Marco Rubio said on Tuesday that the talks had made progress.", WRONG, "2025-03-25")
    assert [f.text for f in found] == ["US Defense Secretary Marco Rubio"]
    assert run("Israeli Defense Minister Israel Katz visited the border.", WRONG, "2023-06-01") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ('"We will exert pressure," deputy national security adviser Tony Blinken said on CNN.', "2014-04-27"),
        ("She will meet Defense Minister Ehud Barak and Foreign Minister Avigdor Lieberman.", "2012-11-21"),
    ],
)
def test_wrong_office_modified_titles_and_earlier_roles_pass(text, date):
    assert run(text, WRONG, date) == []


def test_wrong_office_in_a_country_where_the_person_holds_nothing():
    found = run("French President Giorgia Meloni said on Thursday that Europe must rearm.", WRONG, "2025-03-06")
    assert [f.text for f in found] == ["French President Giorgia Meloni"]
    # cabinet posts of complete UK/US data, beyond the foreign, defence, finance and interior posts
    found = run("Health Secretary Rachel Reeves said on Thursday that waiting lists were falling.", WRONG, "2025-03-06")
    assert [f.text for f in found] == ["Health Secretary Rachel Reeves"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # national careers of international officials
        ("Belgian Prime Minister Charles Michel met the king.", "2016-05-02"),
        ("Spanish Foreign Minister Josep Borrell visited Havana.", "2018-11-22"),
        ("Former Norwegian Prime Minister Jens Stoltenberg spoke.", "2025-03-06"),
        # an official of an international organisation: earlier national posts may be unknown
        ("Bulgarian Prime Minister Kristalina Georgieva is a fiction here.", "2025-03-06"),
        # US states have attorneys general of their own
        ("Attorney General Josh Hawley sued the company.", "2018-05-02"),
        ("Attorney General Kamala Harris of California spoke.", "2015-05-02"),
    ],
)
def test_wrong_office_careers_the_packs_may_not_hold_pass(text, date):
    assert run(text, WRONG, date) == []


@pytest.mark.parametrize(
    ("text", "date", "span"),
    [
        ("Olaf Scholz, the German chancellor, said on Monday that Israel was doing the dirty work.", "2025-06-16",
         "Olaf Scholz, the German chancellor"),
        ("Ukraine's foreign minister, Dmytro Kuleba, said on Monday that Kyiv wanted more air defence.", "2025-06-16",
         "Ukraine's foreign minister, Dmytro Kuleba"),
        ("The US secretary of state, Antony Blinken, said on Thursday that the deal was close.", "2025-03-06",
         "US secretary of state, Antony Blinken"),
        ("The plan was criticised by the former foreign secretary, David Lammy, who said it was unworkable.",
         "2025-03-12", "former foreign secretary, David Lammy"),
        ("Nato chief Jens Stoltenberg said on Monday that allies must spend more.", "2025-06-16",
         "Nato chief Jens Stoltenberg"),
    ],
)
def test_out_of_date_lowercase_appositives_and_chief_titles_flags(text, date, span):
    assert [f.text for f in run(text, STALE, date)] == [span]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Olaf Scholz, the German chancellor at the time, said on Monday that he had warned Putin.", "2025-06-16"),
        ("Olaf Scholz, the former German chancellor, said on Monday that he had no regrets.", "2025-06-16"),
        ("Olaf Scholz, the German chancellor, said in 2023 that the turning point had come.", "2025-06-16"),
        ("The deal was signed by Olaf Scholz, the German chancellor.", "2025-06-16"),
        ("Ukraine's foreign minister, Andrii Sybiha, said on Monday that Kyiv wanted more air defence.", "2025-06-16"),
        ("UN chief António Guterres said on Monday that the strikes must stop.", "2025-06-16"),
        ("Finland's prime minister, Alexander Stubb, said on Monday that the vote would go ahead.", "2015-02-02"),
    ],
)
def test_out_of_date_lowercase_appositives_and_chief_titles_passes(text, date):
    assert run(text, STALE, date) == [] and run(text, WRONG, date) == []


@pytest.mark.parametrize(
    "text",
    [
        "German Minister for Foreign Affairs Annalena Baerbock arrived in Kyiv.",
        "Australian Minister of Foreign Affairs Penny Wong arrived in Kyiv.",
        "Italian Minister for Defence Guido Crosetto arrived in Kyiv.",
    ],
)
def test_equivalent_forms_of_foreign_and_defence_ministers_pass(text):
    """'Minister for' and 'Minister of' are both usual English forms of a
    national foreign or defence minister: neither is the wrong national form."""
    assert run(text, WRONG, "2024-03-01") == []


@pytest.mark.parametrize(
    ("text", "date", "rule", "span"),
    [
        # "under" that does not govern the title says nothing about its time
        ("Polish President Andrzej Duda said on Tuesday that Warsaw would not accept migrants under the EU pact.",
         "2025-10-20", STALE, "Polish President Andrzej Duda"),
        ("Beijing opposed the tariffs on Tuesday; China's defence minister, Wang Yi, agreed.", "2025-03-04",
         WRONG, "China's defence minister, Wang Yi"),
    ],
)
def test_positional_past_markers_and_chinese_ministers_flags(text, date, rule, span):
    assert [f.text for f in run(text, rule, date)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Under Polish President Andrzej Duda, on Tuesday, the courts were reformed.",
        "She sits during her meeting with Polish President Andrzej Duda in Warsaw, March 6, 2025.",
    ],
)
def test_positional_past_markers_and_dated_captions_pass(text):
    assert run(text, STALE, "2025-10-20") == []


def test_possessive_title_after_and_is_its_own():
    text = ("Russia's foreign minister, Sergei Lavrov, and Ukraine's defence minister, Dmytro Kuleba, "
            "met in Istanbul on Monday.")
    assert [f.text for f in run(text, WRONG, "2025-06-02")] == ["Ukraine's defence minister, Dmytro Kuleba"]
    # "British and French foreign ministers": the adjectives share one title
    assert run("British and French Foreign Ministers David Lammy and Jean-Noël Barrot met.", WRONG, "2025-03-01") == []


def test_administration_is_a_past_marker_only_with_a_name():
    text = "US Vice President Kamala Harris said on Tuesday that the administration would appeal the ruling."
    assert [f.text for f in run(text, STALE, "2025-05-27")] == ["US Vice President Kamala Harris"]
    past = "US Vice President Kamala Harris said on Tuesday that the Biden administration would appeal."
    assert run(past, STALE, "2025-05-27") == []
    # CIA Director since January 2025 (DNI in 2020)
    assert run("CIA Director John Ratcliffe testified on Tuesday.", WRONG, "2025-03-25") == []


# --------------------------------------------------------------------------- 2024-2026 news paragraphs
# Short paragraphs written for the entity rules' evaluation (not taken from any
# article), each planting one typical error of title (wrong office, out-of-date title); and correct paragraphs
# with the same people, look-alike names and words, which must stay quiet.


NEWS_TITLES_ERRORS = [
    ('2025-06-02', 'British Foreign Secretary Rachel Reeves told MPs on Monday that the government would not raise income tax.', 'Rachel Reeves'),
    ('2025-04-10', 'Ukrainian Defence Minister Andrii Sybiha said on Thursday that Kyiv was ready for a full ceasefire.', 'Andrii Sybiha'),
    ('2025-07-08', 'German Foreign Minister Boris Pistorius said on Tuesday that Berlin would buy more Patriot systems for Ukraine.', 'Boris Pistorius'),
    ('2025-03-25', 'US Defense Secretary Marco Rubio said on Tuesday that the talks in Saudi Arabia had made progress.', 'Marco Rubio'),
    ('2025-06-16', 'German Chancellor Olaf Scholz said on Monday that Israel was doing the dirty work for all of us.', 'Olaf Scholz'),
    ('2025-03-03', 'US Secretary of State Antony Blinken will travel to the Middle East this week for talks on the Gaza ceasefire.', 'Antony Blinken'),
    ('2025-02-10', 'British Prime Minister Rishi Sunak announced on Monday a new package of sanctions against Russia.', 'Rishi Sunak'),
    ('2025-01-28', 'Ukrainian Foreign Minister Dmytro Kuleba said on Tuesday that Kyiv must be at the table in any talks.', 'Dmytro Kuleba'),
    ('2025-05-20', 'The summit was attended by former Nato Secretary General Mark Rutte, who urged allies to spend 3.5% of GDP on defence.', 'Mark Rutte'),
    ('2025-08-05', 'Canadian Prime Minister Justin Trudeau said on Tuesday that Ottawa would recognise a Palestinian state in September.', 'Justin Trudeau'),
    ('2025-10-01', 'French Prime Minister François Bayrou said on Wednesday that the budget would be presented to parliament next week.', 'François Bayrou'),
    ('2025-11-20', 'Foreign Secretary David Lammy said on Thursday that Britain would host the next meeting of the coalition of the willing.', 'David Lammy'),
    ('2025-02-25', 'Former Chancellor Olaf Scholz conceded defeat on Sunday, two days after the election.', 'Olaf Scholz'),
    ('2025-04-08', 'The Israeli prime minister, Benjamin Netanyahu, met President Donald Trump at the White House on Monday. Former President Trump said talks with Iran would begin.', 'Former President Trump'),
    ('2025-03-20', 'US President Joe Biden said on Thursday that Ukraine would receive more air defence systems.', 'Joe Biden'),
    ('2025-07-02', 'The agreement was signed by Dutch Prime Minister Mark Rutte and Ukrainian President Volodymyr Zelensky on Wednesday.', 'Mark Rutte'),
    ('2025-06-12', 'Japanese Prime Minister Fumio Kishida said on Thursday that Tokyo would respond to the US tariffs.', 'Fumio Kishida'),
    ('2025-05-27', 'South Korean President Yoon Suk Yeol said on Tuesday that the alliance with Washington was strong.', 'Yoon Suk Yeol'),
    ('2025-11-12', 'Russian Defence Minister Sergei Shoigu visited troops in the Kursk region on Tuesday, the ministry said.', 'Sergei Shoigu'),
    ('2025-10-08', 'French Foreign Minister Sébastien Lecornu said on Wednesday that Paris would recognise Palestine.', 'Sébastien Lecornu'),
    ('2025-04-16', 'Israeli Defense Minister Gideon Saar said on Wednesday that troops would remain in the buffer zones.', 'Gideon Saar'),
    ('2025-06-30', 'Russian Prime Minister Sergei Lavrov told reporters on Monday that the sanctions had failed.', 'Sergei Lavrov'),
    ('2025-03-12', 'Hungarian President Viktor Orbán said on Wednesday that he would block the sanctions package.', 'Viktor Orbán'),
    ('2025-08-05', 'Canadian Foreign Minister Melanie Joly said on Tuesday that Ottawa would act.', 'Melanie Joly'),
    ('2025-03-18', 'Welsh First Minister Vaughan Gething said on Tuesday that the Senedd would vote on the budget.', 'Vaughan Gething'),
    ('2025-11-18', 'Irish Prime Minister Simon Harris said on Tuesday that Dublin would not back the trade deal.', 'Simon Harris'),
    ('2025-07-15', 'Romanian Prime Minister Marcel Ciolacu said on Tuesday that he would cut the deficit.', 'Marcel Ciolacu'),
    ('2025-11-20', "Britain's Foreign Secretary David Lammy said on Thursday that the talks would resume.", 'David Lammy'),
    ('2025-03-12', 'The plan was criticised by the former foreign secretary, David Lammy, who said it was unworkable.', 'David Lammy'),
    ('2025-04-10', 'Ex-Prime Minister Keir Starmer met business leaders in Leeds on Thursday.', 'Keir Starmer'),
    ('2025-03-06', 'French President Giorgia Meloni said on Thursday that Europe must rearm.', 'Giorgia Meloni'),
    ('2025-03-06', 'Home Secretary Rachel Reeves said on Thursday that the budget would be balanced.', 'Rachel Reeves'),
    ('2025-03-06', 'Secretary of State Pete Hegseth said on Thursday that the Pentagon would cut jobs.', 'Pete Hegseth'),
    ('2025-03-06', 'Vice President Marco Rubio said on Thursday that the talks would go ahead.', 'Marco Rubio'),
    ('2025-03-06', 'Defence Secretary Grant Shapps said on Thursday that Britain would send more troops.', 'Grant Shapps'),
    ('2025-03-06', 'Rishi Sunak, the British prime minister, said on Thursday that Britain would send more troops.', 'Rishi Sunak'),
    ('2025-06-16', 'Olaf Scholz, the German chancellor, said on Monday that Israel was doing the dirty work.', 'Olaf Scholz'),
    ('2025-03-06', 'The US secretary of state, Antony Blinken, said on Thursday that the deal was close.', 'Antony Blinken'),
    ('2025-06-16', "Ukraine's foreign minister, Dmytro Kuleba, said on Monday that Kyiv wanted more air defence.", 'Dmytro Kuleba'),
    ('2025-10-20', 'The French prime minister, François Bayrou, said on Monday that the budget would pass.', 'François Bayrou'),
    ('2025-06-16', 'Nato chief Jens Stoltenberg said on Monday that allies must spend more.', 'Jens Stoltenberg'),
    ('2025-03-06', 'EU foreign policy chief Josep Borrell said on Thursday that Europe must act.', 'Josep Borrell'),
    ('2025-03-06', 'US National Security Adviser Jake Sullivan said on Thursday that the ceasefire held.', 'Jake Sullivan'),
    ('2025-09-20', 'Former Home Secretary Shabana Mahmood said on Friday that the Channel crossings must stop.', 'Shabana Mahmood'),
    ('2025-06-16', 'Russian Defence Minister Andrei Belousov and former Defence Minister Sergei Shoigu met on Monday; ex-President Vladimir Putin was absent.', 'Vladimir Putin'),
    ('2025-04-03', 'Treasury Secretary Janet Yellen said on Thursday that the new tariffs would raise prices.', 'Janet Yellen'),
    ('2025-08-12', 'Polish President Andrzej Duda said on Tuesday that Warsaw would not accept migrants under the EU pact.', 'Andrzej Duda'),
    ('2025-10-02', 'Greg Abbott, the US secretary of homeland security, said on Thursday that the border was secure.', 'Greg Abbott'),
    ('2025-03-20', 'Foreign Secretary James Cleverly said on Thursday that the UK would host the summit.', 'James Cleverly'),
    ('2025-11-05', 'Former Home Secretary Shabana Mahmood announced on Tuesday that refugee status would become temporary.', 'Shabana Mahmood'),
    ('2025-01-28', "The new US defence secretary, Pete Hegseth, said on Monday that Nato allies must spend more. Chinese Foreign Minister Wang Yi said on Tuesday that Beijing opposed the tariffs; China's defence minister, Wang Yi, agreed.", 'Wang Yi'),
    ('2025-06-02', "Russia's foreign minister, Sergei Lavrov, and Ukraine's defence minister, Dmytro Kuleba, met in Istanbul on Monday.", 'Dmytro Kuleba'),
    ('2025-07-21', 'Ukrainian Prime Minister Denys Shmyhal said on Monday that the defence budget would rise.', 'Denys Shmyhal'),
    ('2025-09-10', 'Deputy Prime Minister Angela Rayner said on Tuesday that the housing plans were on track.', 'Angela Rayner'),
    ('2025-06-17', 'German Chancellor Friedrich Merz said on Tuesday at the G7 summit in Kananaskis that Israel was doing the dirty work. Canadian Prime Minister Justin Trudeau hosted the summit.', 'Justin Trudeau'),
    ('2025-05-27', 'US Vice President Kamala Harris said on Tuesday that the administration would appeal the ruling.', 'Kamala Harris'),
    ('2025-12-09', 'Nato Secretary General Jens Stoltenberg said on Tuesday that the alliance must prepare for war.', 'Jens Stoltenberg'),
]


@pytest.mark.parametrize(("date", "text", "span"), NEWS_TITLES_ERRORS)
def test_news_paragraph_titles_errors_are_found(date, text, span):
    found = news_findings(date, text, ["titles"])
    assert any(span in f.text for f in found), [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Commerce Secretary Scott Bessent defended the tariffs on Thursday.", "Commerce Secretary Scott Bessent"),
        ("Interior Secretary Chris Wright toured Alaska on Thursday.", "Interior Secretary Chris Wright"),
        ("Business Secretary Wes Streeting met the unions on Thursday.", "Business Secretary Wes Streeting"),
    ],
)
def test_wrong_department_in_uk_and_us_cabinets(text, span):
    assert [f.text for f in run(text, WRONG, "2025-04-03")] == [span]


def test_right_department_in_uk_and_us_cabinets_passes():
    text = ("Commerce Secretary Howard Lutnick, Interior Secretary Doug Burgum and Culture Secretary Lisa Nandy "
            "spoke on Thursday.")
    assert run(text, WRONG, "2025-04-03") == []


def test_attorney_general_is_checked_only_with_a_national_qualifier():
    assert [f.text for f in run("US Attorney General Kristi Noem spoke on Thursday.", WRONG, "2025-04-03")] == [
        "US Attorney General Kristi Noem"]
    assert run("Attorney General Kristi Noem spoke on Thursday.", WRONG, "2025-04-03") == []
    assert run("US Attorney General Pam Bondi spoke on Thursday.", WRONG, "2025-04-03") == []


# --------------------------------------------------------------------------- country after the office
@pytest.mark.parametrize(
    ("text", "date", "rule", "span", "suggestion"),
    [
        ("Defence Minister of Great Britain John Healey told journalists.", "2025-03-01", WRONG,
         "Defence Minister of Great Britain John Healey", "British Defence Secretary John Healey"),
        ("Prime Minister of Ukraine Keir Starmer met Trump.", "2025-03-01", WRONG,
         "Prime Minister of Ukraine Keir Starmer", "British Prime Minister Keir Starmer"),
        ("John Healey, the defence minister of the United Kingdom, said on Monday.", "2025-03-01", WRONG,
         "John Healey, the defence minister of the United Kingdom", "John Healey, the British defence secretary"),
        ("President of France Olaf Scholz met Trump.", "2025-03-01", WRONG,
         "President of France Olaf Scholz", None),
        ("Prime Minister of Great Britain Rishi Sunak said on Tuesday.", "2025-03-01", STALE,
         "Prime Minister of Great Britain Rishi Sunak", "former Prime Minister of Great Britain Rishi Sunak"),
    ],
)
def test_country_after_the_office_is_a_qualifier(text, date, rule, span, suggestion):
    found = run(text, rule, date)
    assert [f.text for f in found] == [span]
    assert found[0].suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Prime Minister of Great Britain Keir Starmer met Trump.", "2025-03-01"),
        ("Prime Minister of the UK Keir Starmer met Trump.", "2025-03-01"),
        ("the Minister of Foreign Affairs of Ukraine Dmytro Kuleba said on Monday.", "2023-05-01"),
        ("President of France Emmanuel Macron met Trump.", "2025-03-01"),
        ("Foreign Minister of the Russian Federation Sergei Lavrov said on Tuesday.", "2025-03-01"),
        ("Defence Secretary of Great Britain John Healey told journalists.", "2025-03-01"),
        ("Secretary of State of the United States Marco Rubio said so.", "2025-03-01"),
        ("Prime Minister of Great Britain Rishi Sunak said on Tuesday.", "2023-03-01"),
    ],
)
def test_country_after_the_office_passes(text, date):
    assert run(text, WRONG, date) == []
    assert run(text, STALE, date) == []


def test_leaders_of_the_opposition_titles():
    found = run("Australian Opposition Leader Peter Dutton said on Monday.", STALE, "2025-07-01")
    assert [f.text for f in found] == ["Australian Opposition Leader Peter Dutton"]
    found = run("Australian Opposition Leader Pierre Poilievre said on Monday.", WRONG, "2024-03-01")
    assert [f.text for f in found] == ["Australian Opposition Leader Pierre Poilievre"]
    for text, date in [("Canadian Opposition Leader Pierre Poilievre said on Monday.", "2024-03-01"),
                       ("Australian Opposition Leader Sussan Ley said on Monday.", "2025-07-01"),
                       ("Australian Opposition Leader Peter Dutton said on Monday.", "2024-07-01"),
                       ("Opposition Leader Andrew Scheer said on Monday.", "2019-03-01")]:
        assert run(text, WRONG, date) == [] and run(text, STALE, date) == []


@pytest.mark.parametrize(
    "text",
    [
        "An adviser to the President of Ukraine Andriy Yermak said.",
        "The spokesman for the Russian President Dmitry Peskov said.",
        "Press Secretary of the President of the Russian Federation Dmitry Peskov said.",
    ],
)
def test_name_after_to_the_or_for_the_title_may_be_the_earlier_nouns(text):
    assert run(text, WRONG, "2025-03-01") == []


def test_for_without_the_is_no_complement():
    found = run("He voted for President of Ukraine Keir Starmer.", WRONG, "2025-03-01")
    assert [f.text for f in found] == ["President of Ukraine Keir Starmer"]
