"""boilerplate.* rules (YAML phrase lists and Python line-shape rules) on text written for the tests,
on the seeds and, for precision, on the AllSides archive."""

from __future__ import annotations

import json
import random

import pytest
import yaml

from auditor.testing import run_on_texts
from conftest import SEEDS, shared_data

PACK = SEEDS.parent / "rules" / "packs" / "boilerplate.yml"


def found(text: str, rule: str = "boilerplate") -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in run_on_texts([text], select=[rule]) if f.rule.startswith(rule)]


def rules_found(text: str) -> set[str]:
    return {rule for rule, _ in found(text)}


# --------------------------------------------------------------------------- YAML phrase rules
@pytest.mark.parametrize("line, rule", [
    ("Listen to this article", "boilerplate.player"),
    ("Loading audio...", "boilerplate.player"),
    ("JUST WATCHED Militarizing the police force Replay More Videos ... MUST WATCH Militarizing the police force 03:02",
     "boilerplate.player"),
    ("LISTEN TO ARTICLE 0:00 SHARE THIS ARTICLE Share Tweet Post Email", "boilerplate.player"),
    ("Slideshow (11 Images)", "boilerplate.player"),
    ("Read more: Former Brit soldier 'captured by Russia' while fighting in Ukraine", "boilerplate.related-link"),
    ("RELATED: Senate passes the bill", "boilerplate.related-link"),
    ("Story Continued Below", "boilerplate.related-link"),
    ("Advertisement Continue reading the main story", "boilerplate.related-link"),
    ("Advertisement", "boilerplate.advertisement"),
    ("ADVERTISEMENT", "boilerplate.advertisement"),
    ("Advertisement:", "boilerplate.advertisement"),
    ("CLICK HERE TO GET THE FOX NEWS APP", "boilerplate.share"),
    ("Sign up for Daily Newsletters Manage Newsletters", "boilerplate.share"),
    ("SHARE THIS ARTICLE Share Tweet Post Email", "boilerplate.share"),
    ("Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.",
     "boilerplate.share"),
    ("Follow Alex Norcia on Twitter.", "boilerplate.share"),
    ("Get the msnbc newsletter. This site is protected by recaptcha", "boilerplate.share"),
    ("Image copyright Getty Images", "boilerplate.photo-credit"),
    ("Photographer: Andrew Harrer/Bloomberg", "boilerplate.photo-credit"),
    ("We use cookies to give you the best experience on our website.", "boilerplate.cookie"),
    ("Story highlights Missouri Gov. Jay Nixon notes the over-militarization of police",
     "boilerplate.story-highlights"),
    ("Copyright 2017 The Associated Press. All rights reserved.", "boilerplate.footer"),
    ("This is a rush transcript. Copy may not be in its final form.", "boilerplate.footer"),
    # site templates of 2024-2026 pages
    ("Listen to this article · 5 min", "boilerplate.player"),
    ("Also Read | Houthis claim responsibility for attack on cargo ship", "boilerplate.related-link"),
    ("You may also like:", "boilerplate.related-link"),
    ("Related Topics", "boilerplate.related-link"),
    ("Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST", "boilerplate.share"),
    ("Get our breaking news email, free app or daily news podcast", "boilerplate.share"),
    ("Join our WhatsApp channel for the latest updates", "boilerplate.share"),
    ("Follow us on Google News", "boilerplate.share"),
    ("Jane Doe is a senior correspondent covering the Middle East. Follow her on X @janedoe.", "boilerplate.share"),
    ("Share on Facebook Share on X Share via Email", "boilerplate.share"),
    ("Image source, Getty Images", "boilerplate.photo-credit"),
    ("We value your privacy. We and our partners use cookies to store and access personal data on your device.",
     "boilerplate.cookie"),
    ("© 2025 The Associated Press. All rights reserved.", "boilerplate.footer"),
    ("This article was originally published on The Conversation. Read the original article.", "boilerplate.footer"),
    ("Reporting by Nidal al-Mughrabi in Cairo; Editing by Alex Richardson", "boilerplate.footer"),
    ("You have reached your limit of free articles this month.", "boilerplate.paywall"),
    ("Already a subscriber? Log in", "boilerplate.paywall"),
    ("Updated 14:32 GMT, 3 March 2025", "boilerplate.timestamp"),
    ("Published: 09:15 BST, 12 June 2025 | Updated: 11:02 BST, 12 June 2025", "boilerplate.timestamp"),
    ("Updated at 12:33 p.m. EST", "boilerplate.timestamp"),
    ("Published 3 hours ago", "boilerplate.timestamp"),
    ("3 min read", "boilerplate.timestamp"),
    ("Scroll to continue with content", "boilerplate.advertisement"),
    ("WATCH | Zelensky addresses Parliament", "boilerplate.player"),
    ("Your browser does not support the audio element.", "boilerplate.player"),
    ("Listen · 3:45", "boilerplate.player"),
    ("Image 1 of 12", "boilerplate.player"),
    ("Click to share on X (Opens in new window)", "boilerplate.share"),
    ("Like this:", "boilerplate.share"),
    ("Comments (42)", "boilerplate.share"),
    ("Show comments", "boilerplate.share"),
    ("Most Popular", "boilerplate.related-link"),
    ("Trending Now", "boilerplate.related-link"),
    ("Manage your cookie preferences", "boilerplate.cookie"),
    ("Reject all", "boilerplate.cookie"),
    ("By Laura Gozzi and Paul Kirby, BBC News", "boilerplate.byline"),
    ("AFP via Getty Images", "boilerplate.photo-credit"),
    ("PA Media", "boilerplate.photo-credit"),
    ("© AFP 2025", "boilerplate.footer"),
    ("Copyright Reuters", "boilerplate.footer"),
    ("Get the latest headlines straight to your inbox.", "boilerplate.share"),
    ("skip past newsletter promotion", "boilerplate.share"),
    ("Ad Feedback", "boilerplate.advertisement"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "boilerplate.footer"),
    ("Please use Chrome browser for a more accessible video player", "boilerplate.player"),
    ("If you see a mistake, select it and press Ctrl+Enter.", "boilerplate.footer"),
    ("Enditem", "boilerplate.footer"),
    ("If you see a spelling error on our site, select it and press Ctrl+Enter", "boilerplate.footer"),
    ("Met Office / PA Wire", "boilerplate.photo-credit"),
    ("Save", "boilerplate.share"),
    ("Share this with", "boilerplate.share"),
    ("Messenger", "boilerplate.share"),
    ("Get the best of The Independent in your inbox", "boilerplate.share"),
    ("This article is part of our coverage of the election. Sign up for our election newsletter.", "boilerplate.share"),
    ("Topics", "boilerplate.related-link"),
])

def test_scraped_line_between_prose_is_reported(line, rule):
    text = f"The senator spoke on Monday about the bill.\n\n{line}\n\nShe took questions afterwards."
    assert rule in rules_found(text)


def test_link_box_label_fused_into_a_paragraph():
    text = "The bill would also fund body cameras. (RELATED: Sen. Tim Scott Lays Out What He Expects)"
    assert found(text, "boilerplate.fused-link") == [("boilerplate.fused-link", "RELATED:")]
    text = "The movement grew in Chicago. MORE FROM Jane McAlevey Bernie Sanders: Now More Than Ever"
    assert found(text, "boilerplate.fused-link") == [("boilerplate.fused-link", "MORE FROM")]
    assert found("WE WANT MORE FROM CONGRESS, the banner read.", "boilerplate.fused-link") == []
    assert found("RELATED: Senate passes the bill", "boilerplate.fused-link") == []
    text = "He focused on himself. Read more: The fight to make meaning out of a massacre"
    assert found(text, "boilerplate.fused-link") == [("boilerplate.fused-link", "Read more:")]
    assert found("It was exceeded only by Obama. (See also: “Shovel-ready jobs”.)", "boilerplate.fused-link") == []


@pytest.mark.parametrize("text, span", [
    ("Sure! Here is the rewritten article:\n\nThe minister resigned on Friday.", "Sure! Here is the rewritten article:"),
    ("As an AI language model, I cannot verify the claims, but the talks resumed.", "As an AI language model"),
    ("The minister said [Insert quote from the minister] before leaving.", "[Insert quote from the minister]"),
    ("The talks resumed.\n\nI hope this helps! Let me know if you'd like any changes.",
     "I hope this helps! Let me know if you'd like any changes."),
])
def test_chat_assistant_leftovers(text, span):
    assert ("boilerplate.generator-text", span) in found(text, "boilerplate.generator-text")


def test_link_label_inside_a_sentence():
    text = "The ministry said in a statement, opens new tab, that it would appeal the ruling."
    assert found(text, "boilerplate.link-label") == [("boilerplate.link-label", ", opens new tab")]
    assert found("Click to share on X (Opens in new window)", "boilerplate.link-label") == []


@pytest.mark.parametrize("caption, credit", [
    ("President Trump speaks in the Rose Garden. (AP Photo/Evan Vucci)", "(AP Photo/Evan Vucci)"),
    ("Protesters gather outside the court. (Jonathan Ernst/Reuters)", "(Jonathan Ernst/Reuters)"),
    ("The senator arrives. (Photo by Win McNamee/Getty Images)", "(Photo by Win McNamee/Getty Images)"),
    ("Voters wait in line. (Photo: John Minchillo, AP)", "(Photo: John Minchillo, AP)"),
    # a credit closing a caption line (The Guardian style)
    ("Firefighters work at the scene in Kharkiv on Sunday. Photograph: Sergey Bobok/AFP/Getty Images",
     "Photograph: Sergey Bobok/AFP/Getty Images"),
    ("Theresa May after winning a second ballot. Photograph: Hannah Mckay/EPA", "Photograph: Hannah Mckay/EPA"),
    ("The senator at the Capitol. Photo: Getty", "Photo: Getty"),
    ("Rescuers at the site. (Photo credit should read GENYA SAVILOV/AFP via Getty Images)",
     "(Photo credit should read GENYA SAVILOV/AFP via Getty Images)"),
])
def test_photo_credit_span(caption, credit):
    assert ("boilerplate.photo-credit", credit) in found(caption, "boilerplate.photo-credit")


@pytest.mark.parametrize("text", [
    "He told readers to listen to this article before judging it.",
    "The advertisement ran on three networks during the final week.",
    "Read more about the plan on the ministry's website, she said.",
    "The story continues to develop, officials said on Monday.",
    "The senator urged voters to sign up for health insurance before the deadline.",
    "Twitter suspended the account on Friday, the company said.",
    "The photo was taken by an AP photographer in 2019.",
    "The company said it would stop using third-party cookies next year.",
    "The story highlights the risks of the new policy.",
    "The court ruled that copyright in the photograph belonged to the agency.",
    "He cited the figures (2019/2020) from the census.",
    "More than 40 people were hurt, police said.",
    # clean 2024-2026 news sentences with the widgets' words
    "The advertisement, which aired during the Super Bowl, drew 12 million views in a day, the company said.",
    "Shares in BP fell 3% after the company cut its dividend, and the party said it would share its plans.",
    "Fans follow the team across Europe on cheap flights.\n\nFollow-up talks are set for March.",
    "Those who want to read more about the inquiry can find the full report on the commission's website.",
    "Related costs rose by 8% last year, the report found.",
    "Updated guidance was issued to schools on Monday, the Department for Education said.",
    "Sign-up rates for the new pension scheme fell by a third, the ONS said.",
    "Subscribe and save offers have become common among streaming platforms, analysts at Ampere said.",
    "We value your privacy, the company wrote in its letter to customers after the breach.",
    "Copy links to the documents were sent to the committee on Monday, the clerk said.",
    "Comments by the minister drew criticism from opposition parties, who called them reckless.",
    "Watch this space, the minister told reporters.\n\nEmail records show the aide called twice.",
    "A photograph by Reuters photographer Evgenia Novozhenina won the award. Photo by photo, it retells the war.",
    "The copyright lawsuit, filed in 2025 by a group of authors, claims the company used pirated books.",
    "This story first appeared in a local paper, and the minister denied it the next day.",
    "Reporting by NBC further uncovered voters who had moved away.",
    "Readers who have reached their limit of free articles often leave the site, the study found.",
    "Join our unified campaign, our kindness crusade, a New Year's resolution, the governor wrote.",
    "Posted at 10pm, the video had a million views by morning.",
    "By 14:32 GMT the FTSE 100 had recovered its losses, traders said.",
    "Read more widely, the commission says, and you will see a pattern of neglect across the region.",
    "Topics such as energy and migration dominated the summit, and most popular measures passed easily.",
    "Newsletter publishers such as Substack have grown quickly.",
    "Comments made by the minister on Sunday were condemned.\n\nLeave to appeal was refused by the Supreme Court.",
    "Image rights for the players were at the centre of the dispute, lawyers said.",
    "Listen to the people of Mariupol and you will hear anger about the occupation, the mayor said.",
    "Share buybacks rose sharply in 2025, and the firm's share price followed.",
    "Accept all the terms or walk away, the negotiator told the union.",
    "Already a subscriber to three streaming services, she cancelled one in March.",
    "The statement was published at 14:00 GMT on Monday and updated on Tuesday after objections from Kyiv.",
    "By Friday, the troops had withdrawn from the border.\n\nBy car, the journey to Lviv takes nine hours.",
    "PA Media reported that the King would visit the town on Friday, and residents lined the streets.",
    "Copyright owners including Getty Images sued the company in London in 2023.",
    "Newsletter subscriptions at the paper rose by 20% in 2025, its editor said.",
    "Additional reporting by Kim Willsher in Paris",
    "The Associated Press contributed to this report.",
    "Save for the energy sector, every index ended higher on Friday.",
    "The photo agency Getty Images said it would appeal, and Shutterstock declined to comment.",
    "More from the interview will be published on Sunday, the station said.\n\nMore from the Post:",
    "Previous governments tried and failed.\n\nMessenger apps were banned in 2021.",
    "Topics on the agenda include energy, migration and the war in Ukraine, the chancellor said.",
    "Get ready for a long winter, the energy regulator warned households on Tuesday.",
    ("Fauci said the toll was higher. Senators pressed him on schools. Sign up for our newsletter, one of them "
     "joked, and you will know more."),
])
def test_prose_mentioning_the_same_words_passes(text):
    assert found(text) == []


def test_every_yaml_rule_has_flag_and_pass_examples():
    data = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        assert rule["id"].startswith("boilerplate."), rule["id"]
        assert rule["examples"]["flags"] and rule["examples"]["passes"], rule["id"]


# --------------------------------------------------------------------------- Python line-shape rules
def test_schedule_line():
    assert found("Iain Dale 7pm - 10pm\nLammy insists UK is not sending troops", "boilerplate.schedule") == [
        ("boilerplate.schedule", "Iain Dale 7pm - 10pm")]
    assert found("10pm – 1am: James O'Brien", "boilerplate.schedule")
    assert found("Nick Ferrari 07:00 - 10:00", "boilerplate.schedule")
    assert found("The debate runs from 7pm - 10pm on Thursday.", "boilerplate.schedule") == []
    assert found("Polls open 7am - 10pm", "boilerplate.schedule") == []
    assert found("Doors Open 7pm - 10pm", "boilerplate.schedule") == []


def test_fused_metadata():
    assert found("date 2024-11-27 The idea of sending troops remains a divisive issue.",
                 "boilerplate.fused-metadata") == [("boilerplate.fused-metadata", "date 2024-11-27")]
    assert found("Updated Dec. 12, 2019 The House voted to approve both articles on Wednesday.",
                 "boilerplate.fused-metadata")
    for text in ("June 1, 2017: Trump pulls the U.S. out of the Paris climate treaty.",
                 "November 3, 2020, rolled around, and national life entered a new phase.",
                 "26 November 2024, 07:28",
                 "Published 2024-11-27 Kyiv",
                 "The date 2024-11-27 was chosen for the summit."):
        assert found(text, "boilerplate.fused-metadata") == [], text


def test_truncated_end_of_document_and_list_item():
    assert found("It began in May. As a result, Iran's oil exports have dropped dramatically,", "boilerplate.truncated")
    assert found("The minister said the new plan would be presented to the", "boilerplate.truncated")
    assert found("The report, published by the ministry on Monday [", "boilerplate.truncated")
    assert found("The minister said the plan was drawn up with their", "boilerplate.truncated")
    items = "Under the plans:\n- Troops would be stationed away from the lines and the\n- Ports would be protected."
    assert found(items, "boilerplate.truncated")


@pytest.mark.parametrize("text", [
    "The sanctions took effect in May and exports fell.",
    "Donald Trump's Twitter Account Makes His Presidency Seem Worse than It Is",
    "Social activism isn't the career killer it once was",
    "Two men were injured on Sunday after triggering a tripwire bomb in the city",
    "Write to Michael C. Bender at Mike.Bender@wsj.com and Gordon Lubold at Gordon.Lubold@wsj.com",
    "- Troops would be stationed away from the current front lines\n- Ports would be protected",
    "Published in",
    # translated chat: the frown "((" and pronouns that end a sentence
    "My phone is old and I cannot speak German ((",
    "She has been missing her brother on this day(",
    "Have a look at the photos now and tell her",
    "The children were scared and the TV is full of that",
    "We brought the blue ones but she liked those",
])
def test_untruncated_endings_pass(text):
    assert found(text, "boilerplate.truncated") == []


# --------------------------------------------------------------------------- seeds
def _seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_seed_001_leftovers():
    got = found(_seed("001"))
    assert ("boilerplate.schedule", "Iain Dale 7pm - 10pm") in got
    assert ("boilerplate.player", "Listen to this article") in got
    assert ("boilerplate.player", "Loading audio...") in got
    assert sum(1 for rule, text in got if rule == "boilerplate.related-link" and text.startswith("Read more: ")) == 2


def test_seed_000_fused_metadata_and_quiet_seeds():
    assert found(_seed("000")) == [("boilerplate.fused-metadata", "date 2024-11-27")]
    for name in ("002", "003", "004"):
        assert found(_seed(name)) == [], name


# --------------------------------------------------------------------------- real archive
def test_archive_sample_findings_are_leftovers():
    """On 400 real scraped articles, findings are short stand-alone lines or
    credits; only newsletter widgets (with their country drop-downs) are long."""
    path = shared_data("allsides_news_baly2020", "allsides_articles_50MB.jsonl")
    rows = path.read_text(encoding="utf-8").splitlines()
    random.Random(4).shuffle(rows)
    texts = [json.loads(r)["text"] for r in rows[:400]]
    findings = [f for f in run_on_texts(texts, select=["boilerplate"]) if f.rule.startswith("boilerplate.")]
    assert findings, "the archive has real leftovers"
    long_ones = [f for f in findings if len(f.text) > 250]
    assert all(f.rule == "boilerplate.share" and "sign up" in f.text.lower() for f in long_ones), long_ones


# --------------------------------------------------------------------------- clean 2025-style articles
CLEAN_ARTICLES = [
    (
        'The Bank of England has cut interest rates to 4%, the lowest level in more than two years, as '
        'policymakers warned that the economy was losing momentum.\n'
        '\n'
        'The Monetary Policy Committee voted five to four in favour of the cut, with four members '
        'preferring to hold rates at 4.25%. The governor, Andrew Bailey, said the decision had been '
        '"finely balanced".\n'
        '\n'
        '"We still need to be careful," Bailey told reporters at a press conference in London. '
        '"Inflation has not yet returned to our 2% target, and we will watch the labour market '
        'closely."\n'
        '\n'
        'Shares in housebuilders rose after the announcement. Persimmon gained 3.2% and Taylor Wimpey '
        '2.8%, while the pound fell 0.4% against the dollar.\n'
        '\n'
        'Updated forecasts published alongside the decision showed growth of 1.25% this year. Economists '
        'at Capital Economics said the committee was likely to cut again in November.\n'
        '\n'
        'Follow-up meetings with the Treasury are planned for the autumn, when the chancellor, Rachel '
        'Reeves, will present her budget.\n'
    ),
    (
        "WASHINGTON — The Senate voted 51-49 on Thursday to confirm the president's nominee for defense "
        'secretary, ending a weeks-long fight over his qualifications.\n'
        '\n'
        'Senate Majority Leader John Thune said the vote showed Republicans were united. "We said we '
        'would get this done, and we did," Thune told reporters outside the chamber.\n'
        '\n'
        'Democrats criticized the process. Sen. Chuck Schumer, the minority leader, said the nominee had '
        '"no business running the largest organization in the world."\n'
        '\n'
        "The Pentagon's budget request, released last month, calls for $850 billion in spending, "
        'including new programs for missile defense and shipbuilding. The Defense Department said the '
        "plan would modernize the Army's armored vehicles and expand the Navy's fleet.\n"
        '\n'
        'Share prices of defense contractors rose after the vote. Lockheed Martin gained 1.5%, and '
        'Northrop Grumman was up 2%.\n'
        '\n'
        "Read the full transcript of the hearing on the committee's website, a spokesman said, noting "
        'that the video would be posted later.\n'
    ),
    (
        'KYIV, Ukraine — Russian forces launched more than 400 drones and 40 missiles at Ukraine '
        'overnight, officials said, in one of the largest attacks of the war.\n'
        '\n'
        'President Volodymyr Zelensky said on Telegram that energy facilities in six regions had been '
        'hit. "Russia wants to leave us without light and heat this winter," he wrote. "We need more air '
        'defense systems now."\n'
        '\n'
        "Ukraine's air force said it had shot down 380 drones and 35 missiles. The head of the Kharkiv "
        'regional administration, Oleh Syniehubov, said two people had been killed and 14 injured.\n'
        '\n'
        'In Lviv, in the west of the country, the mayor, Andriy Sadovyi, said a residential building had '
        'been damaged. Residents used the word "незламні" — unbreakable — on banners hung from balconies '
        'the next morning.\n'
        '\n'
        'The Kremlin spokesman, Dmitry Peskov, said the strikes were a response to Ukrainian attacks on '
        'Russian refineries. Western diplomats have warned that winter could bring a new humanitarian '
        'crisis.\n'
    ),
    (
        'Thousands of people marched through central London on Saturday in support of the NHS, calling '
        'on the government to increase funding for hospitals and mental health services.\n'
        '\n'
        'The Metropolitan Police said the march was peaceful, with two arrests for public order '
        'offences. Organisers estimated the crowd at 20,000; police did not give a figure.\n'
        '\n'
        'The health secretary, Wes Streeting, said the government was "fixing the foundations" of the '
        'service. "Waiting lists are falling for the first time in years," he said in a statement.\n'
        '\n'
        'Among the marchers was Sarah Jones, a nurse from Leeds, who said she had joined because '
        'colleagues were leaving the profession. "We love our jobs, but we can\'t afford to stay," she '
        'said.\n'
        '\n'
        "Copyright lawyers representing the organisers said the march's logo had been used without "
        'permission by a merchandise company, and that they would seek damages.\n'
        '\n'
        'The Royal College of Nursing will ballot its members on strike action next month.\n'
    ),
    (
        'PARIS — French President Emmanuel Macron named a new prime minister on Friday, his fifth in '
        'less than two years, as he tried to end a political crisis that has paralyzed the government.\n'
        '\n'
        'The new prime minister, a former defence minister, promised to work with all parties. "Nous '
        'devons avancer ensemble," he said on the steps of the Hôtel Matignon — we must move forward '
        'together.\n'
        '\n'
        "Marine Le Pen's Rassemblement National said it would not join the government. Jordan Bardella, "
        'the party\'s president, said the appointment was "a provocation" and called for new elections.\n'
        '\n'
        'The Socialist Party said it would judge the new government on its budget. According to Le '
        'Monde, the budget will include €40bn in savings, with cuts to ministries and a freeze on '
        'pensions.\n'
        '\n'
        'Markets reacted calmly. The yield on French ten-year bonds fell 0.05 percentage points, and the '
        'CAC 40 index rose 0.6%.\n'
    ),
]


@pytest.mark.parametrize("article", CLEAN_ARTICLES)
def test_clean_articles_stay_quiet(article):
    """Whole clean articles (British and American, with quotations, numbers, a glossed Ukrainian word, a
    short French quotation translated in the text, "Read the full transcript", "Share prices", "Copyright
    lawyers", "Updated forecasts", "Follow-up meetings") draw no artifact finding."""
    rules = ["boilerplate", "translation", "typography"]
    assert [(f.rule, f.text) for f in run_on_texts([article], select=rules)] == []
