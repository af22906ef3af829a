"""Flesch-Kincaid grade level above the threshold in ``rules/readability.yml``.

The grade is textstat's formula (0.39 × words per sentence + 11.8 ×
syllables per word − 15.59) over the whole document, computed once and
shared with the other readability rules. One finding per document, at the
first sentence, severity info: readability is a hint, not a defect.

Flags:
    Notwithstanding considerable institutional apprehension regarding the administration's comprehensive infrastructural modernization initiative, congressional appropriations subcommittees unanimously authorized supplementary discretionary expenditures, characterizing the unprecedented intergovernmental collaboration as fundamentally indispensable for sustainable socioeconomic revitalization throughout economically disadvantaged metropolitan communities. Representatives additionally emphasized that comprehensive accountability mechanisms, incorporating independent quantitative evaluation methodologies and transparent organizational reporting requirements, would considerably strengthen institutional legitimacy, particularly considering widespread constituent dissatisfaction concerning previous administrative inefficiencies. Nevertheless, conservative legislators categorically criticized the authorization, characterizing the extraordinary expenditures as fiscally irresponsible, constitutionally questionable, and economically counterproductive, especially considering persistent inflationary pressures, deteriorating international competitiveness, and accumulating intergovernmental indebtedness affecting municipalities nationwide. Administration representatives subsequently acknowledged considerable implementation uncertainties.

Passes:
    The city council met on Monday. It voted to fix the roads. The mayor said the work will start soon. Some people were glad. Others said the plan costs too much. The vote was five to two. The work will take a year. The roads will be closed at night. Buses will run on other streets. The mayor asked for patience. She said the city had waited too long. A new bridge is also planned. It will cost more than the roads. The council will vote on it next month. People can comment online until then. The meeting lasted two hours. Many people came to speak. Most of them lived near the roads. They said the holes had damaged their cars. One man said he had waited ten years. The mayor thanked everyone for coming. The next meeting is in two weeks. It will be held at the library. Everyone is welcome to attend. The council will also discuss parks. A new playground is planned for the east side. Parents have asked for it for years. The city will pay for half of it. A local company will pay the rest. Work could start in the spring.
"""

from __future__ import annotations

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule
from auditor.rules.readability._stats import text_stats


@register
class GradeLevel(Rule):
    id = "readability.grade-level"
    summary = "Flesch-Kincaid grade level above the threshold"
    default_severity = Severity.INFO

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        conf = load_yaml_resource("readability.yml")
        self._min_words = int(conf["min_words"])
        self._max = float(conf["grade-level"]["max"])

    def check(self, doc: Document):
        stats = text_stats(doc)
        if stats.words < self._min_words or stats.grade_level <= self._max:
            return
        first = doc.sentences[0]
        yield self.finding(
            doc, first.start, first.end,
            f"Flesch-Kincaid grade {stats.grade_level:.1f} is above {self._max:g} "
            f"({stats.words_per_sentence:.1f} words per sentence, {stats.syllables_per_word:.2f} syllables per word)",
            confidence=0.6,
        )

    def measure(self, doc: Document) -> dict[str, float]:
        stats = text_stats(doc)
        return {"grade": round(stats.grade_level, 2), "words_per_sentence": round(stats.words_per_sentence, 2)}
