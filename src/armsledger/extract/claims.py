"""The extractor: a Document in, transfer Claims out, each with its evidence and rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from armsledger.domain.core import (
    Actor,
    ActorKind,
    Claim,
    Document,
    Item,
    Modality,
    Polarity,
    Quantity,
    Source,
    SourceKind,
    Span,
    TimeRef,
)
from armsledger.extract.analysis import Analyser, Reading
from armsledger.extract.discourse import denier_name
from armsledger.extract.explain import SentenceExplanation, explain_views
from armsledger.extract.lookup import prefilter_text
from armsledger.extract.model import ActorRef, Frame, ItemRef, SentenceView
from armsledger.extract.organisations import PartyKinds
from armsledger.lexicon import Lexicons


class Extractor:
    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons
        self.analyser = Analyser(lexicons)
        self.versions = tuple(sorted(lexicons.versions.items()))
        self.back_references = BackReferences()
        self.goods = Goods()

    def extract(self, document: Document) -> list[Claim]:
        """Every transfer claim of the document, deterministic and sorted by evidence offsets."""
        reading = self.analyser.read(document)
        return self._claims(document, reading)

    def explain(self, document: Document) -> list[SentenceExplanation]:
        reading = self.analyser.read(document)
        claims = self._claims(document, reading)
        return explain_views(document, reading.views, claims)

    def _claims(self, document: Document, reading: Reading) -> list[Claim]:
        claims: dict[tuple[object, ...], Claim] = {}
        # The sort key of each kept claim, by id (a kept claim stays alive, so its id is its
        # own): computed once, for the key above and for the final sort.
        orders: dict[int, tuple[object, ...]] = {}
        for view in reading.views:
            if not view.frames:
                continue
            # One evidence span per sentence, shared by its claims (it is immutable).
            evidence = Span(
                doc_id=document.id,
                start=view.start,
                end=view.end,
                text=document.text[view.start : view.end],
            )
            # The sentence's times, read once for all its frames.
            times = self.analyser.times.find(
                document.text, view.start, view.end, document.meta.published
            )
            for frame in view.frames:
                spans = (evidence, times)
                for claim in self._frame_claims(document, view, frame, reading.parties, spans):
                    order = _claim_order(claim)
                    key = (*order, claim.modality, claim.stage, claim.source.name, claim.item.term)
                    if claims.setdefault(key, claim) is claim:
                        orders[id(claim)] = order
        back = self.back_references
        kept = _fold_hypernyms(list(claims.values()), self.lexicons.item_parents, back)
        return _in_order(_fold_unquantified(kept, back), orders)

    def _frame_claims(
        self,
        document: Document,
        view: SentenceView,
        frame: Frame,
        parties: PartyKinds,
        spans: tuple[Span, list[tuple[TimeRef, int]]],
    ) -> list[Claim]:
        evidence, times = spans
        source = self._source(document.text, view, frame)
        if _after_mid_tag(document.text, view, frame):
            source = Source(name=document.meta.outlet or "", kind=_UNATTRIBUTED)
        time = _time(view, frame, times)  # the clause's first time, else the sentence's
        # What every claim of the frame shares, computed once per frame, not once per claim.
        shared = _Shared(
            polarity=_DENIED if frame.negated else _AFFIRMED,
            cues=tuple(frame.hedges) + ((frame.negated,) if frame.negated else ()),
            source=source,
            evidence=evidence,
            time=time,
        )
        frame_suppliers = _ids(frame.suppliers)
        recipients = _ids(frame.recipients)
        claims: list[Claim] = []
        items = _distinct(frame.items)
        for item in items:
            suppliers = (
                _ids([item.origin]) if frame.item_suppliers and item.origin else frame_suppliers
            )
            quantities = _quantities(item)
            if frame.negated and _all_single(quantities):
                quantities = [None]  # "not sent a single bullet", "not one rifle": none at all
            if frame.money is not None and item is items[0]:
                quantities.append(frame.money)
            goods = self.goods.item(item)
            for supplier_id in suppliers:
                for recipient_id in recipients:
                    if supplier_id == recipient_id or self._domestic(supplier_id, recipient_id):
                        continue
                    for quantity in quantities:
                        claims.append(
                            self._claim(
                                document,
                                frame,
                                parties,
                                (supplier_id, recipient_id),
                                goods,
                                quantity,
                                shared,
                            )
                        )
        return claims

    def _claim(
        self,
        document: Document,
        frame: Frame,
        parties: PartyKinds,
        pair: tuple[str, str],
        goods: Item,
        quantity: Quantity | None,
        shared: _Shared,
    ) -> Claim:
        return Claim(
            doc_id=document.id,
            supplier=_actor(pair[0], parties),
            recipient=_actor(pair[1], parties),
            item=goods,
            quantity=quantity,
            polarity=shared.polarity,
            modality=_modality(frame, quantity),
            stage=frame.stage,
            source=shared.source,
            evidence=shared.evidence,
            rule_id=frame.rule_id,
            time=shared.time,
            cues=shared.cues,
            lexicon_versions=self.versions,
        )

    def _domestic(self, first: str, second: str) -> bool:
        """A company and its own state ("the Pentagon awarded Lockheed Martin a contract"):
        procurement at home, not a transfer between parties."""
        for company, other in ((first, second), (second, first)):
            actor = self.lexicons.actors.get(company)
            if actor is not None and actor.kind is _COMPANY and actor.state == other:
                return True
        return False

    def _name(self, actor_id: str) -> str:
        actor = self.lexicons.actors.get(actor_id)
        return actor.name if actor is not None else actor_id

    def _source(self, text: str, view: SentenceView, frame: Frame) -> Source:
        if frame.denier and not _speaker_is_denier(text, view, frame.denier):
            names = [
                self._name(part) if ref.role in ("pair", "pronoun") else ref.text
                for ref in frame.denier
                for part in ref.actor_id.split("+")
            ]
            name = " and ".join(dict.fromkeys(names)) or denier_name(frame.denier, "")
            return Source(name=name, kind=_GOVERNMENT)
        return view.source or _NO_SOURCE


# Enum members read once at import: a member read in compiled code is a class attribute look-up
# through the enum's metaclass (about 900 instructions), and these are read per claim.
_AFFIRMED = Polarity.AFFIRMED
_DENIED = Polarity.DENIED
_HEDGED = Modality.HEDGED
_ASSERTED = Modality.ASSERTED
_COMPANY = ActorKind.COMPANY
_STATE = ActorKind.STATE
_GOVERNMENT = SourceKind.GOVERNMENT
_PERSON = SourceKind.PERSON
_UNATTRIBUTED = SourceKind.UNATTRIBUTED


class _Shared:
    """What the claims of one frame share (see Extractor._frame_claims)."""

    __slots__ = ("cues", "evidence", "polarity", "source", "time")

    def __init__(
        self,
        *,
        polarity: Polarity,
        cues: tuple[str, ...],
        source: Source,
        evidence: Span,
        time: TimeRef | None,
    ) -> None:
        self.polarity = polarity
        self.cues = cues
        self.source = source
        self.evidence = evidence
        self.time = time


# The source of a sentence no one is said to speak in: immutable, so built once.
_NO_SOURCE = Source(name="", kind=_UNATTRIBUTED)


class Goods:
    """The domain Item of each item read, built once per extractor and shared by the claims
    that name it (it is immutable): a frozen dataclass's __init__ is interpreted, and most
    items of the claims repeat terms already seen."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: dict[tuple[str, str | None, str], Item] = {}

    def item(self, ref: ItemRef) -> Item:
        key = (ref.category, ref.designation, ref.text)
        found = self.items.get(key)
        if found is None:
            if len(self.items) >= _MAX_GOODS:
                self.items.clear()  # a bound for a long-running extractor
            found = Item(category=ref.category, designation=ref.designation, term=ref.text)
            self.items[key] = found
        return found


_MAX_GOODS = 4096


def _all_single(quantities: list[Quantity | None]) -> bool:
    """Whether every quantity is one (all(...) as a loop: compiled without a generator)."""
    for quantity in quantities:  # noqa: SIM110
        if quantity is None or quantity.value != 1:
            return False
    return True


# ", officials say, and Turkey is reported to ...": a speech tag set off by commas in mid-sentence
# closes the clause it tags; a clause after it, with its own subject, is the outlet's.
_TAG_OPENING = re.compile(r",\s*(?:[\w’'.-]+\s+){0,7}$")
_TAG_CLOSING = re.compile(r"[\s,]*")


def _time(view: SentenceView, frame: Frame, times: list[tuple[TimeRef, int]]) -> TimeRef | None:
    """The first time expression of the claim's clause, else of its sentence."""
    start, end = frame.clause if frame.clause != (0, 0) else (view.start, view.end)
    for time, at in times:
        if start <= at < end:
            return time
    return times[0][0] if times else None


def _actor(actor_id: str, parties: PartyKinds) -> Actor:
    """The lexicon's actor, else a name the recogniser found, kept with its kind (a company is
    stored as a company, not as a state)."""
    known = parties.lexicons.actors.get(actor_id)
    if known is not None:
        return known
    kind = parties.kind(actor_id) or _STATE
    return Actor(id=actor_id, name=actor_id, kind=kind)


def _after_mid_tag(text: str, view: SentenceView, frame: Frame) -> bool:
    clause_start = frame.clause[0]
    if clause_start <= view.start or frame.denier:
        return False
    for cue in view.cues:
        if (
            cue.kind == "speech"
            and view.start < cue.start
            and cue.end <= clause_start
            and _TAG_CLOSING.fullmatch(text, cue.end, clause_start)
            and _TAG_OPENING.search(text, max(view.start, cue.start - 60), cue.start)
        ):
            return True
    return False


# The words that join a person's name to the body in his role: "Iran's foreign ministry
# spokesman Nasser Kanaani", "Daniel Reyes, a spokesman for the State Department".
_WORD = re.compile(r"[^\W\d_]+")
_ROLE_GLUE = frozenset({"s", "a", "an", "the", "for", "of", "at"})


def _speaker_is_denier(text: str, view: SentenceView, deniers: Sequence[ActorRef]) -> bool:
    """Whether every denier mention lies inside the speaker's own phrase, as the body in his
    role: then the named person denies, not the body he speaks for."""
    source = view.source
    if source is None or source.kind is not _PERSON or not source.role or not deniers:
        return False
    name = text.find(source.name, view.start, view.end)
    if name < 0:
        return False
    role = {w.lower() for w in _WORD.findall(source.role)}
    return all(_in_role(text, name, source.name, ref, role) for ref in deniers)


def _in_role(text: str, name: int, person: str, ref: ActorRef, role: set[str]) -> bool:
    """The words between the body and the name are his title ("spokesman"), nothing else: a
    bare gap ("Both Moscow") is a misread name, not a role. A denier that is the name itself
    ("President Aleksandar Vucic rejected ...") is the person too."""
    if ref.start < name + len(person) and name < ref.end:
        return True
    gap = text[ref.end : name] if ref.end <= name else text[name + len(person) : ref.start]
    words = {w.lower() for w in _WORD.findall(gap)} - _ROLE_GLUE
    return bool(words) and words <= role and not any(mark in gap for mark in ".;:")


_DIGIT = re.compile(r"\d")


def _fold_unquantified(claims: list[Claim], back: BackReferences) -> list[Claim]:
    """A transfer the article quantifies ("1.5 million shells") and mentions again without a
    number is one claim when the bare mention is in the same sentence, or refers back with a
    definite article ("the shells", "these weapons"); a bare indefinite mention in another
    sentence ("Iran has also sent drones") reports a transfer of its own."""
    counted: dict[tuple[object, ...], set[int]] = {}
    for claim in claims:
        if claim.quantity is not None and claim.quantity.unit != "percent":
            counted.setdefault(_flow(claim), set()).add(claim.evidence.start)
    kept: list[Claim] = []
    for claim in claims:
        starts = counted.get(_flow(claim)) if claim.quantity is None else None
        if starts is None or not (claim.evidence.start in starts or back.refers_back(claim)):
            kept.append(claim)
    return kept


def _fold_hypernyms(
    claims: list[Claim], parents: Mapping[str, str | None], back: BackReferences
) -> list[Claim]:
    """The same figure for the same flow under a general and a specific word ("1.5 million
    artillery shells", later "the 1.5 million rounds of ammunition") is one transfer told
    twice: the general word's claim goes, the specific one stays. So is a definite general
    word with no figure ("the weapons") after specific goods of the same flow."""
    specific: dict[tuple[object, ...], set[str]] = {}
    # Each claim's two keys, built once for both passes.
    flows: list[tuple[tuple[object, ...] | None, tuple[object, ...]]] = []
    for claim in claims:
        counted, parties = _counted_flow(claim), _parties(claim)
        flows.append((counted, parties))
        if counted is not None:
            specific.setdefault(counted, set()).add(claim.item.category)
        specific.setdefault(parties, set()).add(claim.item.category)
    kept: list[Claim] = []
    for index, claim in enumerate(claims):
        if not _gives_way(claim, flows[index], specific, parents, back):
            kept.append(claim)
    return kept


def _gives_way(
    claim: Claim,
    flows: tuple[tuple[object, ...] | None, tuple[object, ...]],
    specific: dict[tuple[object, ...], set[str]],
    parents: Mapping[str, str | None],
    back: BackReferences,
) -> bool:
    """Whether a more specific claim covers this one: the same figure for the same flow, or,
    for a general word that points back ("the weapons can reach Ukraine within weeks"), the
    same flow anywhere in the article. `flows` is the claim's (_counted_flow, _parties)."""
    key, parties = flows
    if key is None and claim.quantity is not None:
        return False
    peers = specific[key] if key is not None else specific[parties]
    if not _any_below(peers, claim.item.category, parents):
        return False
    return key is not None or back.refers_back(claim)


def _any_below(peers: set[str], ancestor: str, parents: Mapping[str, str | None]) -> bool:
    # A loop, not any(...): mypyc compiles it without a generator object.
    for other in peers:  # noqa: SIM110
        if _below(other, ancestor, parents):
            return True
    return False


def _parties(claim: Claim) -> tuple[object, ...]:
    return (claim.supplier.id, claim.recipient.id, claim.polarity)


def _counted_flow(claim: Claim) -> tuple[object, ...] | None:
    quantity = claim.quantity
    if quantity is None or quantity.value is None:
        return None
    return (
        claim.supplier.id,
        claim.recipient.id,
        claim.polarity,
        quantity.value,
        quantity.unit,
        quantity.per,
    )


def _below(category: str, ancestor: str, parents: Mapping[str, str | None]) -> bool:
    """Whether `category` sits under `ancestor` in the item taxonomy."""
    parent = parents.get(category)
    for _ in range(10):
        if parent is None:
            return False
        if parent == ancestor:
            return True
        parent = parents.get(parent)
    return False


def _flow(claim: Claim) -> tuple[object, ...]:
    return (claim.supplier.id, claim.recipient.id, claim.item.category, claim.polarity)


class BackReferences:
    """The pattern of a definite mention ("the shells", "these weapons") for each item term,
    compiled once per term: building it per claim missed the re module's cache, whose slots the
    whole engine's patterns share, and compiled it again in every round."""

    __slots__ = ("patterns",)

    def __init__(self) -> None:
        self.patterns: dict[str, re.Pattern[str]] = {}

    def refers_back(self, claim: Claim) -> bool:
        return self.mentions(claim.item.term, claim.evidence.text)

    def mentions(self, term: str, text: str) -> bool:
        """Whether `text` holds a definite mention of `term`. Where lower-cased text finds the
        term exactly (ASCII term, prefilter_text), only the few characters before each place it
        occurs are searched, instead of the whole text at every word start."""
        lowered = prefilter_text(text) if term.isascii() else None
        if lowered is None:
            return self._pattern(term).search(text) is not None
        needle = term.lower()
        at = lowered.find(needle)
        while at >= 0:
            if _DEFINITE_BEFORE.search(text, _definite_reach(text, at), at) is not None:
                return True
            at = lowered.find(needle, at + 1)
        return False

    def _pattern(self, term: str) -> re.Pattern[str]:
        pattern = self.patterns.get(term)
        if pattern is None:
            if len(self.patterns) >= _MAX_BACK_PATTERNS:
                self.patterns.clear()  # a bound for a long-running extractor
            pattern = re.compile(_DEFINITE + re.escape(term), re.IGNORECASE)
            self.patterns[term] = pattern
        return pattern


_MAX_BACK_PATTERNS = 4096
_DEFINITE_WORDS = ("the", "these", "those", "this", "that", "such", "its", "their")
_DEFINITE = rf"\b(?:{'|'.join(_DEFINITE_WORDS)})\s+(?:[\w-]+\s+)?"
# A definite word and what may follow it, ending where the term starts (the end of the string
# when the search stops there).
_DEFINITE_BEFORE = re.compile(_DEFINITE + r"\Z", re.IGNORECASE)
_LONGEST_DEFINITE = max(len(word) for word in _DEFINITE_WORDS)


def _definite_reach(text: str, at: int) -> int:
    """Where a match of _DEFINITE ending at `at` can start at the earliest: before `at` come
    spaces, maybe one word of [\\w-] and spaces, and the definite word."""
    at = _skip_back(text, at, True)
    at = _skip_back(text, at, False)
    at = _skip_back(text, at, True)
    return max(0, at - _LONGEST_DEFINITE)


def _skip_back(text: str, at: int, spaces: bool) -> int:
    """The start of the run of spaces (or of [\\w-] characters) that ends at `at`."""
    while at > 0:
        char = text[at - 1]
        if spaces:
            if not char.isspace():
                break
        elif not (char.isalnum() or char == "_" or char == "-"):
            break
        at -= 1
    return at


def _ids(refs: Sequence[ActorRef]) -> list[str]:
    """Actor ids, a pair ("both countries") counting as its two members."""
    # What the distinct non-empty parts of every id, in order, were (dict.fromkeys of the
    # split ids), without a split, a dict and a comprehension for the usual single id.
    ids: list[str] = []
    for ref in refs:
        actor_id = ref.actor_id
        if "+" in actor_id:
            for part in actor_id.split("+"):
                _add_id(ids, part)
        else:
            _add_id(ids, actor_id)
    return ids


def _add_id(ids: list[str], actor_id: str) -> None:
    if actor_id and actor_id not in ids:
        ids.append(actor_id)


def _distinct(items: list[ItemRef]) -> list[ItemRef]:
    if len(items) < 2:
        return list(items)  # nothing to tell apart: skips the keys' reprs
    seen: set[tuple[str, str | None, str]] = set()
    kept: list[ItemRef] = []
    for item in items:
        key = (item.category, item.designation, _amount_key(item))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _amount_key(item: ItemRef) -> str:
    own = item.amount.quantity if item.amount else None
    unit = item.unit_amount.quantity if item.unit_amount else None
    return f"{own}|{unit}"


def _quantities(item: ItemRef) -> list[Quantity | None]:
    """The item's own count and its container count; none when the text states no amount."""
    # A vague amount ("several hundred", "millions of") has no stated value: the claim carries
    # none, so that it folds with the same transfer told without a number. A range in figures
    # ("between 20 and 30") is stated by its bounds and kept.
    found = [
        amount.quantity
        for amount in (item.amount, item.unit_amount)
        if amount is not None
        and (
            amount.quantity.value is not None
            or (amount.quantity.high and _DIGIT.search(amount.quantity.text))
        )
    ]
    return list(found) if found else [None]


def _modality(frame: Frame, quantity: Quantity | None) -> Modality:
    estimated = quantity is not None and "estimat" in quantity.text.lower()
    return _HEDGED if frame.hedges or estimated else _ASSERTED


def _in_order(claims: list[Claim], orders: dict[int, tuple[object, ...]]) -> list[Claim]:
    """sorted(claims, key=_claim_order), with the keys computed before (`orders`, by id): the
    index breaks ties as the stable sort did, and claims themselves are never compared."""
    decorated = [(orders[id(claim)], index, claim) for index, claim in enumerate(claims)]
    decorated.sort()
    return [claim for _, _, claim in decorated]


def _claim_order(claim: Claim) -> tuple[object, ...]:
    quantity = claim.quantity
    return (
        claim.evidence.start,
        claim.evidence.end,
        claim.supplier.id,
        claim.recipient.id,
        claim.item.category,
        claim.item.designation or "",
        # The member itself, not .value (an interpreted enum property): a StrEnum member
        # compares and hashes as its value does.
        claim.polarity,
        -1.0 if quantity is None or quantity.value is None else quantity.value,
        quantity.unit if quantity else "",
        claim.rule_id,
    )
