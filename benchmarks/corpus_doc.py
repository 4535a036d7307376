"""One synthetic decision as text, in the two shapes the real corpus has.

`web_page` is a london.gov.uk decision page saved as text (nav, "Key information" fields,
"1.1 …" paragraphs, tables one cell per line, the accessibility footer), like MD2848;
`signed_form` is the decision form ("REQUEST FOR … DECISION – ADD2793", a sign-off block with
"Name:" / "Position:" / "Date: 18/11/2025", "- 1.1. …" paragraphs, TAB-separated tables).
Both are built from the same sections, so only the layout differs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import corpus_text as ct
from .corpus_text import MONTH_NAMES, Spec, Writer

SECTION_TITLES = (
    "Introduction and background", "Objectives and expected outcomes", "Equality comments",
    "Other considerations", "Financial comments", "Legal comments", "Planned delivery approach and next steps",
)  # fmt: skip
TYPE_WORDS = {"mayoral": "Mayor", "director": "Director", "assistant_director": "Assistant Director"}
REQUEST_WORDS = {"mayoral": "MAYORAL", "director": "DIRECTOR", "assistant_director": "ASSISTANT DIRECTOR"}


@dataclass
class Para:
    """A numbered paragraph: text, then optional bullets or a table (rows of cells)."""

    text: str
    bullets: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    table_heading: str | None = None  # "Risk register" on web pages


@dataclass
class Content:
    """Everything a decision says, before layout."""

    summary: list[str]
    decision_lead: str  # "That the Mayor approves:"
    decision_items: list[str]  # numbered approvals, or [] when the lead says it all
    sections: list[list[Para]]  # the seven template sections, in order


# --- content ----------------------------------------------------------------------------------------


def split_amount(writer: Writer) -> list[tuple[str, int]]:
    """The approved total across one to three financial years, in round thousands."""
    rng, spec = writer.rng, writer.spec
    years = rng.randint(1, 3)
    shares = [rng.uniform(0.5, 1.5) for _ in range(years)]
    parts = [round(spec.amount_pounds * s / sum(shares), -3) for s in shares[:-1]]
    parts.append(spec.amount_pounds - sum(parts))
    start = ct.fy_start(spec.signed)
    return [(ct.financial_year(start + i, rng), int(p)) for i, p in enumerate(parts)]


def timetable_cell(writer: Writer, months_ahead: int) -> str:
    """A timetable date: "March 2019", "April – June 2019", "by 30 June 2019", "End of May 2019"."""
    rng, signed = writer.rng, writer.spec.signed
    total = signed.year * 12 + signed.month - 1 + months_ahead
    year, month = total // 12, total % 12
    style = rng.random()
    if style < 0.35:
        return f"{MONTH_NAMES[month]} {year}"
    if style < 0.55 and month < 11:
        return f"{MONTH_NAMES[month]} – {MONTH_NAMES[month + rng.randint(1, 11 - month)]} {year}"
    if style < 0.75:
        return f"by {rng.randint(1, 28)} {MONTH_NAMES[month]} {year}"
    return f"{rng.choice(('End of', 'Early', 'Mid'))} {MONTH_NAMES[month]} {year}"


def timetable(writer: Writer) -> list[list[str]]:
    milestones = writer.spec.topic.milestones
    count = writer.rng.randint(3, len(milestones))
    rows, ahead = [["Activity", "Date"]], 0
    for name in milestones[:count]:
        ahead += writer.rng.randint(1, 5)
        rows.append([name, timetable_cell(writer, ahead)])
    return rows


def risk_register(writer: Writer) -> list[list[str]]:
    rng = writer.rng
    rows = [["Risk", "Mitigation", "Probability (1-4)", "Impact (1-4)", "RAG"]]
    for risk, mitigation in rng.sample(writer.spec.topic.risks, rng.randint(2, 4)):
        probability, impact = rng.randint(1, 4), rng.randint(1, 4)
        rag = "R" if probability * impact >= 9 else "A" if probability * impact >= 4 else "G"
        rows.append([risk, mitigation, str(probability), str(impact), rag])
    return rows


def paragraphs(writer: Writer, templates: tuple[str, ...], low: int, high: int) -> list[Para]:
    return [Para(writer.sentences(templates, 2, 4)) for _ in range(writer.rng.randint(low, high))]


def background(writer: Writer) -> list[Para]:
    paras = paragraphs(writer, ct.BACKGROUND, 3, 8)
    if writer.rng.random() < 0.5:
        lead = writer.fill("The first phase delivered, with {partner}:")
        paras.insert(1, Para(lead, bullets=writer.bullets(writer.rng.randint(2, 5))))
    return paras


def objectives(writer: Writer) -> list[Para]:
    paras = paragraphs(writer, ct.OBJECTIVES, 2, 5)
    paras.append(Para("The expected outcomes are:", bullets=writer.bullets(writer.rng.randint(2, 5))))
    return paras


def equality(writer: Writer) -> list[Para]:
    return [Para(ct.EQUALITY_DUTY)] + paragraphs(writer, ct.EQUALITY, 1, 3)


def other_considerations(writer: Writer) -> list[Para]:
    risks = Para("The key risks and how they will be managed are set out below:", table=risk_register(writer),
                 table_heading="Risk register")  # fmt: skip
    return [risks] + paragraphs(writer, ct.STRATEGY, 1, 3) + [Para(ct.NO_CONFLICTS)]


def financial(writer: Writer) -> list[Para]:
    split = split_amount(writer)
    rows = [["Financial year", "Amount"]] + [[fy, f"£{p:,}"] for fy, p in split]
    if len(split) > 1:
        rows.append(["Total", f"£{writer.spec.amount_pounds:,}"])
    lead = writer.fill(
        "Approval is sought for expenditure of {total}, split across financial years as below:"
    )
    return [Para(lead, table=rows)] + paragraphs(writer, ct.FINANCE, 1, 2) + [Para(ct.BUDGET_CAVEAT)]


def legal(writer: Writer) -> list[Para]:
    return [
        Para(writer.fill(ct.LEGAL_POWERS)),
        Para(ct.LEGAL_DUTIES),
        Para(writer.fill(ct.LEGAL_PROCUREMENT)),
    ]


def delivery(writer: Writer) -> list[Para]:
    paras = paragraphs(writer, ct.DELIVERY, 1, 2)
    paras.append(Para("The main milestones are:", table=timetable(writer), table_heading="Timetable"))
    return paras


def decision_items(writer: Writer) -> tuple[str, list[str]]:
    """ "That the Mayor approves:" and what it approves; the first item names the total."""
    spec, rng = writer.spec, writer.rng
    approver = {"mayoral": "Mayor", "director": f"Executive Director of {spec.topic.directorate}",
                "assistant_director": f"Assistant Director of the {spec.topic.unit}"}[spec.decision_type]  # fmt: skip
    first = writer.fill("expenditure of up to {total} on the {programme} in {fy}")
    if rng.random() < 0.4:
        return f"That the {approver} approves {first}.", []
    extra = [writer.fill("the procurement of a delivery partner to {activity} {noun}"),
             writer.fill("the award of grant funding to {partner} in {borough}"),
             writer.fill("delegated authority to the {team} to agree the final allocation")]  # fmt: skip
    return f"That the {approver} approves:", [first] + rng.sample(extra, rng.randint(1, 2))


def build_content(writer: Writer) -> Content:
    lead, items = decision_items(writer)
    sections = [background(writer), objectives(writer), equality(writer), other_considerations(writer),
                financial(writer), legal(writer), delivery(writer)]  # fmt: skip
    summary = [writer.sentences(ct.EXEC_SUMMARY, 2, 3) for _ in range(writer.rng.randint(1, 2))]
    return Content(summary=summary, decision_lead=lead, decision_items=items, sections=sections)


# --- layout ---------------------------------------------------------------------------------------


def date_text(day: dt.date, style: int) -> str:
    return day.strftime("%d/%m/%Y") if style == 0 else f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def cells_per_line(rows: list[list[str]]) -> list[str]:
    """Web-page tables arrive one cell per line, blank lines between (MD2848's risk register)."""
    return [cell for row in rows for cell in row]


def tab_rows(rows: list[list[str]]) -> list[str]:
    return ["\t".join(row) for row in rows]


def numbered_body(content: Content, writer: Writer, form: bool) -> list[str]:
    """Part 1: headed (forms) or partly unheaded (web pages) sections of numbered paragraphs."""
    rng, blocks = writer.rng, []
    headed = form or rng.random() < 0.5
    dash = "- " if form and rng.random() < 0.5 else ""
    for number, (title, paras) in enumerate(zip(SECTION_TITLES, content.sections, strict=True), 1):
        if headed:
            blocks.append(f"{number}. {title}" if form else title)
        for i, para in enumerate(paras, 1):
            label = f"{number}.{i}." if form else f"{number}.{i}"
            blocks.append(f"{dash}{label} {para.text}")
            blocks.extend(para.bullets)
            if para.table:
                if para.table_heading and not form:
                    blocks.append(para.table_heading)
                if form or rng.random() < 0.3:  # a TAB-separated table is one block, like ADD2793's
                    blocks.append("\n".join(tab_rows(para.table)))
                else:
                    blocks.extend(cells_per_line(para.table))
    return blocks


def decision_block(content: Content) -> list[str]:
    return [content.decision_lead] + [f"{i}. {item};" for i, item in enumerate(content.decision_items, 1)]


def web_page(spec: Spec, writer: Writer, content: Content, chrome: bool = True) -> str:
    """The london.gov.uk page as text: nav, key information, summary, decision, Part 1, footer.

    chrome: include the site's navigation and accessibility footer (not on a printed PDF).
    """
    style = 1 if writer.rng.random() < 0.25 else 0  # dd/mm/yyyy mostly; one in four "12 March 2015"
    signed = date_text(spec.signed, style) if spec.dated else ""
    published = (
        date_text(spec.signed + dt.timedelta(days=writer.rng.randint(1, 14)), style) if spec.dated else ""
    )
    fields = [f"Decision type: {TYPE_WORDS[spec.decision_type]}"]
    if spec.decision_type != "mayoral":
        fields.append(f"Directorate: {spec.topic.directorate}")
    fields += [f"Reference code: {spec.ref}", f"Date signed: {signed}".strip(), f"Date published: {published}".strip(),
               f"Decision by: {spec.maker}, {spec.role}"]  # fmt: skip
    nav = ["Skip to main content", "Mayor of London logo London Assembly logo", "Home"] if chrome else []
    blocks = [*nav, f"{spec.ref} {spec.title}", "Key information", *fields, "Executive summary", *content.summary,
              "Decision", *decision_block(content), "Part 1: Non-confidential facts and advice"]  # fmt: skip
    blocks += numbered_body(content, writer, form=False)
    if chrome:
        blocks += ["Signed decision document", f"{spec.ref} {spec.title} - SIGNED",
                   "Need a document on this page in an accessible format?",
                   "If you use assistive technology (such as a screen reader) and need a version of a document "
                   "on this page in a more accessible format, please contact us through the online form and say "
                   "which format you need."]  # fmt: skip
    return "\n\n".join(blocks) + "\n"


def sign_off(spec: Spec, writer: Writer) -> list[str]:
    heading = {"mayoral": "MAYOR OF LONDON", "director": "AUTHORISING DIRECTOR",
               "assistant_director": "AUTHORISING ASSISTANT DIRECTOR/HEAD OF UNIT"}[spec.decision_type]  # fmt: skip
    approval = (
        "The above request has my approval." if spec.decision_type == "mayoral" else "It has my approval."
    )
    return [heading, "I have reviewed the request and am satisfied it is correct and consistent with the "
            "Mayor's plans and priorities.", approval, f"Name: {spec.maker}", f"Position: {spec.role}",
            "Signature:", f"Date: {spec.signed.strftime('%d/%m/%Y')}"]  # fmt: skip


def form_tail(spec: Spec, writer: Writer) -> list[str]:
    """Appendices, public access, deferral, Part 2 and the officers' declarations."""
    part2 = "YES" if writer.rng.random() < 0.08 else "NO"
    checked = spec.signed + dt.timedelta(days=writer.rng.randint(2, 20))
    return ["Appendices and supporting papers:", writer.rng.choice(["None", writer.fill("Appendix A – {org} proposal")]),
            "Public access to information",
            "Information in this form (Part 1) is subject to the Freedom of Information Act 2000 (FoIA) and will be "
            "made available on the GLA website within one working day of approval.",
            "Part 1 – Deferral", "Is the publication of Part 1 of this approval to be deferred? NO",
            "Part 2 – Sensitive information", f"Is there a part 2 form? {part2}",
            "ORIGINATING OFFICER DECLARATION:", "Drafting officer:",
            f"{writer.person()} has drafted this report in accordance with GLA procedures and confirms the following:",
            "ASSISTANT DIRECTOR, FINANCIAL SERVICES:",
            "I confirm that financial and legal implications have been appropriately considered in the "
            "preparation of this report.", f"Date: {date_text(checked, 1)}"]  # fmt: skip


def signed_form(spec: Spec, writer: Writer, content: Content) -> str:
    """The decision form: request heading, title, summary, decision, sign-off, Part 1, tail."""
    blocks = [f"REQUEST FOR {REQUEST_WORDS[spec.decision_type]} DECISION – {spec.ref}", spec.title,
              "Executive summary:", *content.summary, "Decision:", *decision_block(content),
              *sign_off(spec, writer), "PART I – NON-CONFIDENTIAL FACTS AND ADVICE",
              "Decision required – supporting report"]  # fmt: skip
    blocks += numbered_body(content, writer, form=True)
    blocks += form_tail(spec, writer)
    return "\n\n".join(blocks) + "\n"
