"""Stage, hedging and polarity of a transfer word: the cues around it and their scope."""

from __future__ import annotations

import re

from armsledger.domain.core import Stage
from armsledger.extract.lookup import Hit
from armsledger.extract.model import ActorRef, ItemRef, SentenceView, TriggerRef
from armsledger.extract.roles import RoleReader
from armsledger.lexicon import Cue

# Compiled at import: these run on hot paths, once per sentence or item.
# A cue followed by "by" ("denied by") names the denier after it.
_LEADING_BY = re.compile(r"\s+by\b")

_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who)\b[^,]*,")
# "a deal estimated at $400m" puts a figure on the deal, not the transfer in doubt; "deliveries
# are estimated at 2,000" (with the verb "be") does hedge the claim.
_VALUE_ESTIMATE = re.compile(r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)\s+$")
_AT_AFTER = re.compile(r"\s+at\b")
# Between a negation and its transfer word, words that keep the negation on the transfer: "has
# not authorised any re-export", "never approved the sale", "is not known to have sold".
_NEGATED_PERMISSION = re.compile(
    r"\s+(?:(?:known|believed|thought|reported|said)\s+to\s+have|(?:authori[sz]ed|approved|"
    r"licen[sc]ed|allowed|permitted|sanctioned)(?:\s+(?:any|the|a|an))?)(?:\s+\w+ly)?\s+"
)


# "to have" right before the verb: the transfer is done ("is likely to have sent").
_PERFECT_INFINITIVE = re.compile(r"\bto\s+have\s+(?:\w+ly\s+)?(?:been\s+)?$")


class ModalityReader(RoleReader):
    """Cue rules over a sentence, sharing the role rules (a denial's subject is a role)."""

    def _stage(self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef) -> Stage:
        for cue in reversed(view.cues):
            before = clause[0] <= cue.start and cue.end <= trigger.start
            near = trigger.start - cue.end <= 40
            if cue.kind == "stage" and before and near and isinstance(cue.payload, Cue):
                if self._speech_between(view, cue.end, trigger.start):
                    continue  # "a diplomat, who asked not to be named, said Iran had shipped"
                if _PERFECT_INFINITIVE.search(self.text, cue.start, trigger.start):
                    break  # "is expected to have delivered": a past transfer, hedged
                return Stage(cue.payload.kind)
        if trigger.trigger.stage is Stage.DELIVERED and self._pending(view, clause, trigger):
            # "has not yet received the F-16s the Netherlands pledged": still to come, so
            # what the sentence states is the promise, not a delivery.
            return Stage.AGREED
        return trigger.trigger.stage

    def _speech_between(self, view: SentenceView, start: int, end: int) -> bool:
        """A verb of saying between a stage cue and the trigger: the cue belongs to the
        reporting clause, not to the transfer."""
        for cue in view.cues:
            if cue.kind == "speech" and start <= cue.start and cue.end <= end:
                return True
        return False

    def _pending(self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef) -> bool:
        return any(
            getattr(cue.payload, "kind", "") == "pending"
            and clause[0] <= cue.start
            and cue.end <= trigger.start
            and trigger.start - cue.end <= 20
            for cue in view.cues
        )

    def _hedges(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> list[str]:
        found: list[str] = []
        for cue in view.cues:
            if cue.kind != "hedge" or not isinstance(cue.payload, Cue):
                continue
            in_clause = clause[0] <= cue.start < clause[1]
            if self._in_relative(view, cue.start, trigger.start) or self._values(view, cue):
                continue  # "Russia, which may soon run short, has received": not this claim
            if cue.end <= trigger.start or (cue.payload.kind == "near" and in_clause):
                found.append(cue.text)
        return found

    def _values(self, view: SentenceView, cue: Hit) -> bool:
        if cue.text.lower() != "estimated" or not _AT_AFTER.match(self.text, cue.end):
            return False
        return bool(_VALUE_ESTIMATE.search(self.text, view.start, cue.start))

    def _in_relative(self, view: SentenceView, position: int, trigger_start: int) -> bool:
        for match in _RELATIVE_CLAUSE.finditer(self.text, view.start, view.end):
            inside = match.start() <= position < match.end()
            if inside and not match.start() <= trigger_start < match.end():
                return True
        return False

    def _negation(self, view: SentenceView, trigger: TriggerRef) -> Hit | None:
        """ "has not supplied", "shipped no arms", "denied sending"; not "not yet received"
        (still to come) nor "did not deny that" (a negated denial affirms)."""
        cues = _outermost(
            [c for c in view.cues if c.kind == "denial" and isinstance(c.payload, Cue)], self.text
        )
        pending = [c for c in cues if getattr(c.payload, "kind", "") == "pending"]
        found: Hit | None = None
        negations = [c for c in cues if getattr(c.payload, "kind", "") == "negation"]
        for cue in cues:
            kind = getattr(cue.payload, "kind", "")
            if any(p.start <= cue.start < p.end for p in pending) or kind == "pending":
                continue
            if kind == "denial" and any(0 <= cue.start - n.end <= 1 for n in negations):
                continue  # "did not deny that it had sent": a negated denial affirms
            gap = trigger.start - cue.end
            after = cue.start - trigger.end
            if kind == "negation" and (
                0 <= gap <= 14
                or (cue.text.lower() == "no" and 0 <= after <= 1)
                or (gap > 0 and _NEGATED_PERMISSION.fullmatch(self.text, cue.end, trigger.start))
            ):
                found = cue
            elif kind == "denial" and 0 <= gap <= 40:
                found = None if found is not None else cue
            elif kind == "denial" and after >= 0 and self._by_after(view, cue):
                found = cue
        return found

    def _no_before(self, view: SentenceView, items: list[ItemRef]) -> Hit | None:
        """ "no drones had been sent": "no" before the goods negates the transfer."""
        for cue in view.cues:
            is_no = cue.kind == "denial" and cue.text.lower() == "no"
            if is_no and any(0 <= item.start - cue.end <= 1 for item in items):
                return cue
        return None

    def _by_after(self, view: SentenceView, cue: Hit) -> bool:
        return bool(_LEADING_BY.match(self.text[cue.end : cue.end + 5]))

    def _denier(
        self, view: SentenceView, clause: tuple[int, int], cue: Hit | None
    ) -> list[ActorRef]:
        """Who denies: the subject of "denied", or the agent of "was dismissed ... by X"."""
        if cue is None or getattr(cue.payload, "kind", "") != "denial":
            return []
        if self._by_after(view, cue):
            return self._after(view, cue.end, view.end, {"agent_markers"})
        before = [
            a
            for a in view.actors
            if a.end <= cue.start and not a.is_modifier and not self._in_phrase(view, a)
        ]
        return self._coordinated(view, before[0], cue.start) if before else []


def _outermost(cues: list[Hit], text: str) -> list[Hit]:
    """The cues that lie inside no longer one and do not run on from the one before: "dismisses"
    inside "dismisses suggestions that", "baseless" of 'dismissed as "baseless"' are one denial
    with it, not two (two denials of one transfer cancel out)."""
    kept: list[Hit] = []
    for cue in cues:
        inside = False
        for other in cues:
            if other is not cue and other.start <= cue.start and cue.end <= other.end:
                inside = inside or (other.end - other.start) > (cue.end - cue.start)
        if inside:
            continue
        if kept and _runs_on(kept[-1], cue, text):
            continue
        kept.append(cue)
    return kept


def _runs_on(before: Hit, cue: Hit, text: str) -> bool:
    """Whether two denial cues make one phrase: 'dismissed as "baseless"' (not "not deny")."""
    if _cue_kind(before) != "denial" or _cue_kind(cue) != "denial" or before.end > cue.start:
        return False
    return not text[before.end : cue.start].strip(_QUOTES)


def _cue_kind(cue: Hit) -> str:
    return cue.payload.kind if isinstance(cue.payload, Cue) else ""


# What may stand between two cues of one denial: 'dismissed as "baseless"'.
_QUOTES = " \"“”‘’'"
