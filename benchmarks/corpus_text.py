"""Sentences and sections of one synthetic decision, composed from templates × topic words.

`Writer` holds one decision's random generator and its `Spec`; every method returns text.
Templates name their slots ({noun}, {place}, {amount}…); each slot is drawn afresh at each
use, so two decisions on the same topic still differ in nearly every sentence.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .corpus_vocab import BOROUGHS, FIRST_NAMES, ORG_KINDS, ORG_STEMS, PLACES, SURNAMES, Topic

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip


@dataclass
class Spec:
    """What one synthetic decision is, decided before any text is written."""

    index: int  # position in the corpus, for file names
    ref: str  # "MD4123"
    decision_type: str  # "mayoral" | "director" | "assistant_director"
    topic: Topic
    second: Topic  # a neighbouring topic some sentences borrow from
    programme: str  # "Small Sites Accelerator Fund"
    title: str  # "Small Sites Accelerator Fund – phase 2"
    signed: dt.date
    dated: bool  # web pages: is "Date signed:" filled in?
    shape: str  # "web" (a london.gov.uk page as text) | "form" (the signed decision form)
    pdf: str  # "none" | "only" (the file is a PDF) | "pair" (web page + signed PDF)
    maker: str  # "Kwame Osei"
    role: str  # "Executive Director, Housing and Land"
    amount_pounds: int  # the approved total
    cites: list[str] = field(default_factory=list)  # earlier synthetic decisions it builds on


BACKGROUND = (
    "The {programme} was set up to {outcome} across {borough} and neighbouring boroughs.",
    "Since {year}, {partner} in {place} have reported rising demand for {noun}.",
    "Evidence gathered by {org} shows that {pct} per cent of {measure} in {borough} are concentrated in a few wards.",
    "In {month_year}, the GLA published a prospectus inviting {partner} to {activity} {noun}.",
    "The first phase supported {n} {measure} and tested new ways to {outcome}.",
    "Officers have worked with {partner} to understand where {noun} would make the greatest difference.",
    "This decision builds on {cited}, which approved earlier work to {outcome}.",
    "Demand for {noun} has grown faster than funding, particularly in {place} and {place}.",
    "A review by {org} in {month_year} recommended that the GLA {activity} {noun} at greater scale.",
    "{Partner} have asked the GLA for longer-term funding so that they can plan beyond a single year.",
    "The programme responds to commitments in {strategy} to {outcome}.",
    "Without further investment, the {n} {measure} supported so far would not be sustained beyond {fy}.",
    "A pilot in {place} during {fy} reached {n} {measure} at a unit cost of {small_amount}.",
    "Residents in {place} told officers that {noun2} and {noun} were their two highest priorities.",
    "{person}, who leads the work at {org}, has described the waiting list in {borough} as the longest in a decade.",
)
OBJECTIVES = (
    "The programme will {activity} {n} {noun} by the end of {fy}.",
    "It aims to {outcome}, with a target of {n} {measure} over the funding period.",
    "Success will be measured by the number of {measure}, the share reaching residents of {place}, "
    "and feedback from {partner}.",
    "Delivery partners will be expected to {outcome} and to report progress each quarter.",
    "{org} will be appointed to {activity} {noun} following a competitive process.",
    "A second strand will {activity2} {noun2}, so that the work also helps to {outcome2}.",
    "Funding will be weighted towards {borough} and {borough}, where need is highest.",
    "Each funded project must show how it will continue once GLA funding ends in {fy}.",
    "The programme will test whether {noun} can {outcome} at lower cost than existing services.",
)
EQUALITY = (
    "The programme is designed to reach groups with protected characteristics who are under-represented "
    "among {measure}, including disabled Londoners and older residents.",
    "An equality impact assessment was completed in {month_year} and will be refreshed before the next round.",
    "Monitoring data will be collected on the age, ethnicity, sex and disability of participants so that "
    "gaps can be addressed during delivery.",
    "Venues and materials will be accessible, and translation will be offered in the main community "
    "languages spoken in {borough}.",
    "Young people and carers in {place} helped design the eligibility criteria.",
)
STRATEGY = (
    "The proposals support {strategy}, in particular its commitment to {outcome}.",
    "The work also contributes to the Mayor's wider aim to {outcome2}.",
    "{Partner} and officers in {borough} were consulted in {month_year}; their comments shaped the criteria.",
    "An officer working group including {person} of {org} reviewed the proposals before submission.",
)
FINANCE = (
    "The expenditure will be funded from the {team}'s programme budget for {fy}.",
    "Any underspend will be returned to the {team} for reallocation within the year.",
    "Grant payments will be made in arrears against evidence of {measure}.",
    "The unit cost of {small_amount} per participant compares well with similar schemes in {borough}.",
)
DELIVERY = (
    "Delivery will be overseen by a programme board chaired by {person}, meeting every {weeks} weeks.",
    "Progress will be reported to the {team} each quarter.",
    "The timetable below sets out the main milestones.",
)
EXEC_SUMMARY = (
    "This decision seeks approval of expenditure of up to {total} to {activity} {noun} as part of the {programme}.",
    "The {programme} will {outcome}, working with {partner} in {borough}, {borough} and {borough}.",
    "The funding covers {fy} and builds on the results of earlier work with {partner}.",
    "It will also {activity2} {noun2} in {place}.",
)

EQUALITY_DUTY = (
    "Under section 149 of the Equality Act 2010 (the Public Sector Equality Duty), as a public authority the "
    "GLA must have due regard to the need to eliminate unlawful discrimination, harassment and victimisation; "
    "to advance equality of opportunity between people who share a relevant protected characteristic and those "
    "who do not; and to foster good relations between such people."
)
LEGAL_POWERS = (
    "The foregoing sections of this report indicate that the decisions requested of the {approver} concern the "
    "exercise of the GLA's general powers, falling within its statutory powers to do such things as may be "
    "considered to further, or which are facilitative of, conducive or incidental to, the promotion of economic "
    "development and wealth creation, social development or the improvement of the environment in Greater London."
)
LEGAL_DUTIES = (
    "In formulating the proposals, officers have complied with the GLA's related statutory duties to pay due "
    "regard to the principle that there should be equality of opportunity for all people, to consider how the "
    "proposals will promote the health of persons and reduce health inequalities, and to consult with "
    "appropriate bodies."
)
LEGAL_PROCUREMENT = (
    "Should the {approver} be minded to make the decisions sought, officers must ensure that any grant funding "
    "is awarded on a fair and transparent basis in accordance with the GLA's Contracts and Funding Code, and that "
    "any services are procured in accordance with that Code before work begins."
)
BUDGET_CAVEAT = "Funding for later financial years is subject to the annual budget-setting process."
NO_CONFLICTS = (
    "There are no conflicts of interest to note for any of the officers involved in the drafting or "
    "clearance of this decision."
)


def money(pounds: int, rng: random.Random) -> str:
    """ "£1,250,000", "£1.25m", "£250k" or "£3.4 million": the forms the decisions use."""
    style = rng.random()
    if pounds >= 1_000_000 and style < 0.4:
        value = f"{pounds / 1_000_000:.2f}".rstrip("0").rstrip(".")
        return f"£{value}m" if style < 0.25 else f"£{value} million"
    if 10_000 <= pounds < 1_000_000 and pounds % 1000 == 0 and style < 0.6:
        return f"£{pounds // 1000}k"
    return f"£{pounds:,}"


def financial_year(start_year: int, rng: random.Random) -> str:
    """ "2018/19" or "2018-19": both appear, and both are read as the year from 1 April."""
    return f"{start_year}{rng.choice('/-')}{(start_year + 1) % 100:02d}"


def person_name(rng: random.Random) -> str:
    """A fictional "Kwame Osei"."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def fy_start(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


class Slots(dict):
    """A format_map source that draws a fresh value for each slot a template names."""

    def __init__(self, writer: Writer):
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        value = self.writer.slot(key.lower())
        return value[:1].upper() + value[1:] if key[:1].isupper() else value


class Writer:
    """Text for one decision. `rng` is this decision's own generator; `spec` what it is."""

    def __init__(self, rng: random.Random, spec: Spec):
        self.rng = rng
        self.spec = spec
        self.approver = {"mayoral": "Mayor", "director": "Executive Director",
                         "assistant_director": "Assistant Director"}[spec.decision_type]  # fmt: skip

    # --- slots ---------------------------------------------------------------------------------

    def _topic(self, secondary: bool = False) -> Topic:
        return self.spec.second if secondary or self.rng.random() < 0.08 else self.spec.topic

    def person(self) -> str:
        return person_name(self.rng)

    def org(self) -> str:
        return f"{self.rng.choice(ORG_STEMS)} {self.rng.choice(ORG_KINDS)}"

    def month_year(self, offset_months: int = 0) -> str:
        months = self.spec.signed.year * 12 + self.spec.signed.month - 1 + offset_months
        return f"{MONTH_NAMES[months % 12]} {months // 12}"

    def slot(self, key: str) -> str:
        rng, spec = self.rng, self.spec
        pick = {
            "programme": lambda: spec.programme,
            "noun": lambda: rng.choice(self._topic().nouns),
            "noun2": lambda: rng.choice(self._topic(True).nouns),
            "measure": lambda: rng.choice(self._topic().measures),
            "partner": lambda: rng.choice(self._topic().partners),
            "activity": lambda: rng.choice(self._topic().activities),
            "activity2": lambda: rng.choice(self._topic(True).activities),
            "outcome": lambda: rng.choice(self._topic().outcomes),
            "outcome2": lambda: rng.choice(self._topic(True).outcomes),
            "strategy": lambda: spec.topic.strategy,
            "team": lambda: spec.topic.team,
            "place": lambda: rng.choice(PLACES),
            "borough": lambda: rng.choice(BOROUGHS),
            "org": self.org,
            "person": self.person,
            "n": lambda: str(rng.choice((rng.randint(3, 40), rng.randint(40, 900), rng.randint(900, 12000)))),
            "pct": lambda: str(rng.randint(5, 75)),
            "weeks": lambda: str(rng.choice((2, 4, 6, 8))),
            "year": lambda: str(spec.signed.year - rng.randint(1, 4)),
            "month_year": lambda: self.month_year(-rng.randint(1, 30)),
            "fy": lambda: financial_year(fy_start(spec.signed) + rng.randint(0, 1), rng),
            "total": lambda: money(spec.amount_pounds, rng),
            "small_amount": lambda: money(rng.randint(2, 900) * 10 * rng.choice((1, 10)), rng),
            "cited": lambda: (
                rng.choice(spec.cites) if spec.cites else f"an earlier round of the {spec.programme}"
            ),
            "approver": lambda: self.approver,
        }
        return pick[key]()

    # --- text ----------------------------------------------------------------------------------

    def fill(self, template: str) -> str:
        return template.format_map(Slots(self))

    def sentences(self, templates: tuple[str, ...], low: int, high: int) -> str:
        """low..high distinct templates, filled, as one paragraph."""
        chosen = self.rng.sample(templates, min(len(templates), self.rng.randint(low, high)))
        return " ".join(self.fill(t) for t in chosen)

    def bullets(self, count: int) -> list[str]:
        forms = ("{n} {measure}", "{activity} {noun} in {place}", "a partnership with {org}", "{outcome}")
        return ["• " + self.fill(self.rng.choice(forms)) for _ in range(count)]
