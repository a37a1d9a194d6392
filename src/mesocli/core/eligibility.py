"""A conservative reading of a trial's eligibility text against one person's situation.

Pure: the criteria text (and the record's age limits) and a ``Situation`` in, a ``Reading`` out. Only a few
kinds of line are read, each by a narrow pattern: the site (pleural or peritoneal), the histology, earlier
treatment, fitness (ECOG) and age. A line that speaks against the situation makes the verdict "may not fit";
lines that speak for it, with nothing against and nothing left open, make it "may fit"; anything else is
"could be either", and the study team is the one to ask. No reading ever says that someone qualifies: every
other criterion (blood tests, other illnesses, scans) is left to the study team.
"""

from __future__ import annotations

import re
from typing import Literal

from mesocli.core.errors import Message
from mesocli.core.model import model
from mesocli.core.situation import Situation

Verdict = Literal["may_fit", "may_not_fit", "could_be_either"]
VERDICTS: tuple[str, ...] = ("may_fit", "may_not_fit", "could_be_either")

_HEADER = re.compile(r"^\s*(?:key\s+)?(inclusion|exclusion)\s+criteria\s*:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s*")
_PLEURAL = re.compile(r"\bpleura[l]?\b", re.IGNORECASE)
_PERITONEAL = re.compile(r"\bperitone(?:al|um)\b", re.IGNORECASE)
_MESO = re.compile(r"mesothelioma", re.IGNORECASE)
_EPITHELIOID = re.compile(r"(?<!non-)(?<!non )\bepithel[io]+d\b", re.IGNORECASE)
_NAIVE = re.compile(
    r"treatment[- ]na[iï]ve|previously untreated|untreated|no prior (?:systemic )?(?:therapy|treatment|chemotherapy)"
    r"|not (?:have )?(?:received|had) (?:any )?prior (?:systemic )?(?:therapy|treatment|chemotherapy)"
    r"|first[- ]line",
    re.IGNORECASE,
)
_PRETREATED = re.compile(
    r"progress\w* (?:on|after|following|during)|previously treated|at least one prior|second[- ]line"
    r"|relapsed|refractory|after (?:prior|previous|first[- ]line)|prior (?:platinum|pemetrexed)",
    re.IGNORECASE,
)
_PRIOR_IMMUNO = re.compile(
    r"prior (?:treatment with |therapy with )?(?:an? )?(?:anti[- ]?pd-?(?:l)?1|anti[- ]?ctla-?4|immune checkpoint"
    r"|checkpoint inhibitor|immunotherapy|nivolumab|ipilimumab|pembrolizumab)",
    re.IGNORECASE,
)
_PRIOR_ANY = re.compile(
    r"prior (?:systemic )?(?:anti-?cancer |anticancer )?(?:therapy|treatment|chemotherapy)", re.IGNORECASE
)
_ECOG = re.compile(
    r"(?:ECOG|Eastern Cooperative Oncology Group)[^0-9\n]{0,40}?"
    r"(?:(?P<le>≤|<=|less than or equal to|of or less than)\s*(?P<max>[0-4])"
    r"|(?P<lo>[0-4])\s*(?:-|–|to|or|,)\s*(?:[0-4]\s*(?:,|or)\s*)?(?P<hi>[0-4]))",
    re.IGNORECASE,
)
_YEARS = re.compile(r"(\d+)\s*Years?", re.IGNORECASE)
#: The oldest age limit read as written; a record's "1000 Years" is not a limit anyone meant.
MAX_AGE_LIMIT = 130


@model
class Reading:
    """A verdict and the lines that decided it, quoted; ``open`` names what could not be settled."""

    verdict: Verdict
    reasons: tuple[str, ...] = ()
    open: tuple[str, ...] = ()


@model
class Criteria:
    inclusion: tuple[str, ...]
    exclusion: tuple[str, ...]


def split_criteria(text: str) -> Criteria:
    """The criteria lines, by section; lines before any header count as inclusion."""
    inclusion: list[str] = []
    exclusion: list[str] = []
    current = inclusion
    for raw in text.splitlines():
        header = _HEADER.match(raw)
        if header:
            current = inclusion if header.group(1).lower() == "inclusion" else exclusion
            continue
        line = _BULLET.sub("", raw).strip()
        if line:
            current.append(line)
    return Criteria(tuple(inclusion), tuple(exclusion))


class _Judge:
    def __init__(self) -> None:
        self.against: list[str] = []
        self.support: list[str] = []
        self.open: list[str] = []

    def read(self, fits: bool | None, line: str, unknown: str) -> None:
        """Record one line: against the situation, for it, or (the person's field unknown) left open."""
        if fits is None:
            self.open.append(unknown)
        elif fits:
            self.support.append(line)
        else:
            self.against.append(line)


def _site(c: Criteria, person: Situation, judge: _Judge) -> None:
    for line in c.inclusion:
        if not _MESO.search(line):
            continue
        pleural, peritoneal = bool(_PLEURAL.search(line)), bool(_PERITONEAL.search(line))
        if pleural != peritoneal:
            site = "pleural" if pleural else "peritoneal"
            fits = None if person.site is None else person.site == site
            judge.read(fits, line, Message("site: the trial takes {site} mesothelioma", site=Message(site)))
            return
    for line in c.exclusion:
        if _MESO.search(line) and bool(_PLEURAL.search(line)) != bool(_PERITONEAL.search(line)):
            site = "pleural" if _PLEURAL.search(line) else "peritoneal"
            if person.site == site:
                judge.read(False, line, "")
            return


def _kinds(text: str) -> set[str]:
    """The histologies a line or a person names: epithelioid, sarcomatoid, biphasic (non-epithelioid: both)."""
    kinds = {k for k in ("sarcomatoid", "biphasic") if re.search(rf"\b{k}\b", text, re.IGNORECASE)}
    if re.search(r"\bnon[- ]?epithel[io]+d\b", text, re.IGNORECASE):
        kinds |= {"sarcomatoid", "biphasic"}
    if _EPITHELIOID.search(text):
        kinds.add("epithelioid")
    return kinds


def _histology(c: Criteria, person: Situation, judge: _Judge) -> None:
    mine = _kinds(person.histology) if person.histology else None
    for line in c.inclusion:
        wanted = _kinds(line)
        if not wanted or wanted == {"epithelioid", "sarcomatoid", "biphasic"}:
            continue
        if not re.search(r"histolog|subtype|mesothelioma", line, re.IGNORECASE):
            continue
        fits = None if mine is None else (True if mine <= wanted else False if not mine & wanted else None)
        judge.read(fits, line, _histology_only(sorted(wanted)))
        return
    for line in c.exclusion:
        if mine and re.search(r"histolog|subtype|mesothelioma", line, re.IGNORECASE) and mine <= _kinds(line):
            judge.read(False, line, "")
            return


def _treated(c: Criteria, person: Situation, judge: _Judge) -> None:
    treated = person.treated
    for line in c.inclusion:
        if _PRETREATED.search(line):
            judge.read(
                None if treated is None else treated != "none", line, Message("earlier treatment: the trial wants it")
            )
            return
        if _NAIVE.search(line):
            judge.read(
                None if treated is None else treated == "none", line, Message("earlier treatment: the trial wants none")
            )
            return
    for line in c.exclusion:
        if _PRIOR_IMMUNO.search(line):
            had = None if treated is None else "immunotherapy" not in treated
            judge.read(had, line, Message("earlier treatment: the trial leaves out prior immunotherapy"))
            return
        if _PRIOR_ANY.search(line) and not re.search(r"\bwithin\b|\bweeks?\b|\bdays?\b", line, re.IGNORECASE):
            judge.read(
                None if treated is None else treated == "none", line, Message("earlier treatment: the trial wants none")
            )
            return


def _fitness(c: Criteria, person: Situation, judge: _Judge) -> None:
    for line in c.inclusion:
        m = _ECOG.search(line)
        if not m:
            continue
        low, high = (0, int(m["max"])) if m["max"] else (int(m["lo"]), int(m["hi"]))
        fits = None if person.fitness is None else low <= person.fitness <= high
        judge.read(fits, line, Message("fitness: the trial takes ECOG {low}-{high}", low=low, high=high))
        return


def _years(text: str) -> int | None:
    m = _YEARS.fullmatch(text.strip())
    return int(m.group(1)) if m and int(m.group(1)) <= MAX_AGE_LIMIT else None


def _unclear(text: str, years: int | None) -> bool:
    """An age limit written but not read as whole years up to 130 ("1000 Years", "6 Weeks")."""
    return years is None and text.strip().upper() not in ("", "N/A", "NA", "NONE")


def _age(minimum: str, maximum: str, age: int | None, judge: _Judge) -> None:
    low, high = _years(minimum), _years(maximum)
    if _unclear(minimum, low) or _unclear(maximum, high):
        limits = _limits(minimum, maximum)
        judge.read(None, limits, Message("age: the record's limits are unclear ({limits})", limits=limits))
        return
    if low is None and high is None:
        return
    if age is None and low in (None, 18) and high is None:
        return  # adults of any age: nothing to ask about an age not given
    limits = _limits(minimum, maximum)
    fits = None if age is None else (low is None or age >= low) and (high is None or age <= high)
    judge.read(
        fits,
        Message("Age limits in the record: {limits}", limits=limits),
        Message("age: the trial takes {limits}", limits=limits),
    )


def _limits(minimum: str, maximum: str) -> Message:
    """The record's age limits as written ("18 Years"), or "none"."""
    return Message(
        "minimum age {minimum}, maximum age {maximum}",
        minimum=_as_written(minimum),
        maximum=_as_written(maximum),
    )


def _as_written(limit: str) -> str:
    """An age limit as the record writes it; "18 Years" (the registry's form) and none can be said in a language."""
    if not limit:
        return Message("none")
    years = limit.strip().split(" ")
    if len(years) == 2 and years[0].isdigit() and years[1] == "Years":
        return Message("{count} Years", count=int(years[0]))
    return limit


def _histology_only(kinds: list[str]) -> Message:
    if len(kinds) == 1:
        return Message("histology: the trial takes {kind} only", kind=Message(kinds[0]))
    both = Message("{first} or {second}", first=Message(kinds[0]), second=Message(kinds[1]))  # at most two
    return Message("histology: the trial takes {kinds} only", kinds=both)


def read_eligibility(
    text: str, person: Situation, age: int | None = None, minimum_age: str = "", maximum_age: str = ""
) -> Reading:
    """The verdict for ``person`` and the lines that decided it (see the module's rules)."""
    criteria = split_criteria(text)
    judge = _Judge()
    for rule in (_site, _histology, _treated, _fitness):
        rule(criteria, person, judge)
    _age(minimum_age, maximum_age, age, judge)
    if judge.against:
        return Reading("may_not_fit", tuple(judge.against), tuple(judge.open))
    if judge.support and not judge.open:
        return Reading("may_fit", tuple(judge.support))
    return Reading("could_be_either", tuple(judge.support), tuple(judge.open))
