"""Who makes each claim: "X said", "said X", "according to X", "X told Y", quotes that run over
several sentences, "he said" resolved to the last named speaker, unnamed sources, the outlet.

A sentence without its own attribution continues the voice of the sentence before it (reported
speech runs on), until the outlet speaks for itself again ("reportedly", "it has been claimed").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Final

from armsledger.domain.core import Source, SourceKind
from armsledger.extract.lookup import Hit
from armsledger.extract.model import SentenceView
from armsledger.extract.speakers import SpeakerNamer

# Compiled at import: these run on hot paths, once per sentence or item.
# "compiled by Defence Weekly": the agent of an "according to" source.
_AGENT_AFTER_BY_OR_FROM = re.compile(r"\b(?:by|from)\s+(?P<agent>.+?)(?:\s+from\s.*)?$")
# Where an "according to" phrase stops: punctuation or a word opening a new clause.
# (`[,.;:“”"]|\s(?:that|...)\s`, written to start with one character class, so that the
# regex engine skips to its characters; the same matches, which a test checks.)
_ACCORDING_PHRASE_END = re.compile(
    r"[,.;:“”\"\s](?:(?<=[,.;:“”\"])|(?:that|on|in|based|showing)\s)"
)
# The speaker's subject is the text after the last of these.
# (`\bthat\s|[;:]`, with the `\b` tested after the "t" so that the regex engine can skip to
# a "t", ";" or ":"; a test checks it against the plain form.)
_THAT_OR_CLAUSE_PUNCTUATION = re.compile(r"t(?<!\w.)hat\s|;|:", re.DOTALL)
_CAPITALISED_WORD = re.compile(r"\b[A-Z]")
# Where a speaker named after the verb stops: "said Park Ji-hoon, a lawmaker".
# (`[,.;:]|\s(?:on|...)\s`, starting with one character class as _ACCORDING_PHRASE_END does.)
_SPEAKER_TAIL_END = re.compile(r"[,.;:\s](?:(?<=[,.;:])|(?:on|in|at|who|that)\s)")

# Enum members read once: an attribute of the enum class costs a lookup on every use.
_ANONYMOUS: Final = SourceKind.ANONYMOUS
_MEDIA: Final = SourceKind.MEDIA

_OPEN = "“"
_CLOSE = "”"
_PRONOUNS = {"he", "she", "we", "i"}
_NON_PERSONS = {"it", "this", "that", "which", "there"}
_LEADING_LINK = re.compile(
    r"^(?:(?:while|whereas|but|and|as|although|though|so)\s+)+", re.IGNORECASE
)
# "..., of which Ukrainian sources say 60 were fired": the speaker of a relative clause speaks
# about the clause, not the sentence's main claim.
_RELATIVE_SPEAKER = re.compile(r"^\s*(?:of which|which|who|whom)\b", re.IGNORECASE)
# "..., a charge Abu Dhabi denies": the denier answers the claim before; it is not its speaker.
_ANSWERED_CLAIM = re.compile(
    r"^\s*(?:a|an|the)\s+(?:claim|charge|allegation|accusation|report|assertion)s?"
    r"(?:\s+that)?\s+(?!by\b|from\b|of\b|in\b)",
    re.IGNORECASE,
)
# "a deal estimated at $400m", "an estimated 2,000": the verb form describes a figure.
_NOT_SPEECH_AFTER = re.compile(r"\s+at\b")
# "has been accused", "were told": a verb of saying in the passive names no speaker before it.
_PASSIVE_AUX_BEFORE = re.compile(r"\b(?:been|being|was|were|is|are|be)\s+$", re.IGNORECASE)

_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
# The words that can follow a speech verb in "..., said X": a speaker phrase has no verb of
# its own ("said China had not sent weapons" reports what was said).
_CLAUSE_WORD = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|could|can|did|does|do|not|never|may|might|"
    r"must|should|shall)\b",
    re.IGNORECASE,
)
# Denials name their author like speech verbs do: "Vucic has rejected the allegation".
_DENIAL_VERB = re.compile(
    r"^(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|called|"
    r"described|branded)\b",
    re.IGNORECASE,
)
_TELL = ("told", "tell", "tells")
# "in 2021", "in early 2023", "in October 2018": an event the outlet dates itself.
_DATED = re.compile(
    r"\b(?:in|since|from|by|until|between)\s+(?:early\s+|late\s+|mid-?)?(?:[A-Z][a-z]+\s+)?"
    r"(?:19|20)\d\d\b"
)
_TAG_END = re.compile(r"\s*(?:that\b|[.;”\"]|$)")
# "the minister", "the monitors": a common noun taking up a speaker named before; "the Pentagon"
# is a name and goes to the namer.
_DEFINITE = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?P<head>[a-z][\w-]*)$")
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|later|further|then|previously|repeatedly|since|recently|never|"
    r"earlier|once|would|will|was|were|is|are|already|again|now|publicly|separately|"
    r"continue\s+to|continues\s+to|continued\s+to|last\s+\w+|this\s+\w+|on\s+\w+))+\s*$",
    re.IGNORECASE,
)
_NEGATED_SPEECH = re.compile(r"\b(?:not|never|n't|declined to|refused to)\s+$")
# "X, who asked not to be named,", "X, speaking on condition of anonymity,": an aside.
ASIDE_WORDS = ("who", "which", "speaking", "requesting", "declining")
_RELATIVE = re.compile(rf",\s*(?:{'|'.join(ASIDE_WORDS)})\b[^,]*,", re.IGNORECASE)
_RELATIVE_END = re.compile(rf"\w,\s*(?:{'|'.join(ASIDE_WORDS)})\b[^,“”\"]*,$")
_QUOTED_RULES = frozenset({"attribution.quote.v1", "attribution.explicit.v1"})
_LEAD = re.compile(r"^[\s,“”\"'‘’:–—-]+|[\s,“”\"'‘’:–—-]+$")
# What _LEAD removes, for str.strip (no regex scan): the characters of its class, with every
# character that `\s` matches (str.isspace; a test checks the list against all code points).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
LEAD_CHARS = WHITESPACE + ",“”\"'‘’:–—-"
# The words an _AUX_TAIL match can end with, and those before a last word it can end with
# ("last week", "on Monday"): a lead ending otherwise keeps its tail (a prefilter for speed).
AUX_LAST_WORDS = frozenset(
    {
        "has", "have", "had", "also", "later", "further", "then", "previously", "repeatedly",
        "since", "recently", "never", "earlier", "once", "would", "will", "was", "were", "is",
        "are", "already", "again", "now", "publicly", "separately", "to",
    }
)  # fmt: skip
AUX_PENULTIMATE_WORDS = frozenset({"last", "this", "on"})
# Every word of _AUX_TAIL's alternatives.
AUX_TAIL_WORDS = AUX_LAST_WORDS | {"continue", "continues", "continued"} | AUX_PENULTIMATE_WORDS


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside typographic or straight double quotes; an unclosed quote at the end of a
    paragraph continues into the next paragraph that opens with a quote (news convention)."""
    regions: list[tuple[int, int]] = []
    position, length = 0, len(text)
    while position < length:
        start = _next_open(text, position)
        if start < 0:
            break
        end = _close_of(text, start)
        regions.append((start, end))
        position = end + 1
    return regions


def _next_open(text: str, position: int) -> int:
    # The nearer of the two found, without a list of candidates.
    typographic = text.find(_OPEN, position)
    straight = text.find('"', position)
    if typographic < 0 or straight < 0:
        return max(typographic, straight)
    return min(typographic, straight)


def _holds_aside_word(text: str) -> bool:
    for word in ASIDE_WORDS:  # noqa: SIM110 (compiled: a loop, no generator)
        if word in text:
            return True
    return False


def _close_of(text: str, start: int) -> int:
    closer = _CLOSE if text[start] == _OPEN else '"'
    position = start + 1
    while True:
        end = text.find(closer, position)
        newline = text.find("\n", position)
        if end >= 0 and (newline < 0 or end < newline):
            return end
        if newline < 0:
            return len(text)
        following = text[newline:].lstrip()
        if not following.startswith((_OPEN, '"')):
            return newline  # the quote ends with its paragraph
        position = newline + 1 + (len(text[newline + 1 :]) - len(following)) + 1


class Attributor:
    """Sets `source` on every sentence view of a document, in order."""

    def __init__(self, namer: SpeakerNamer, text: str, outlet: str | None) -> None:
        self.namer = namer
        self.text = text
        self.regions = quote_regions(text)
        # Regions are disjoint and in order: a position falls in at most the last one starting
        # before it, found by bisection instead of a scan of all of them.
        self.region_starts = [start for start, _ in self.regions]
        self.unattributed = Source(name=outlet or "", kind=SourceKind.UNATTRIBUTED)
        self.speakers: list[Source] = []

    def attribute(self, views: list[SentenceView]) -> None:
        explicit = [self._explicit(view) for view in views]
        previous: Source | None = None
        for index, view in enumerate(views):
            source, rule = explicit[index], "attribution.explicit.v1"
            if source is None and self._inside_quote(view):
                source, rule = self._quote_speaker(views, explicit, index), "attribution.quote.v1"
            if source is None and self._impersonal(view):
                source, rule = self.unattributed, "attribution.outlet_hedged.v1"
            if source is None and previous is not None and not self._dated(view):
                source, rule = previous, "attribution.continued.v1"
            view.source = source or self.unattributed
            view.source_rule = rule if source else "attribution.outlet.v1"
            # Only an unnamed source's account runs on without a tag ("the source said ... .
            # North Korea ships weapons ..."); a named speaker's ends with the sentence.
            previous = view.source if view.source.kind == _ANONYMOUS else None

    def _dated(self, view: SentenceView) -> bool:
        """ "Poland ordered 24 drones in 2021": a dated event is the outlet's background, not
        the running account of the unnamed source before it."""
        # A match holds a year, "19" or "20" and two digits: a prefilter for speed only.
        text, start, end = self.text, view.start, view.end
        if text.find("19", start, end) < 0 and text.find("20", start, end) < 0:
            return False
        return bool(_DATED.search(text, start, end))

    def _inside_quote(self, view: SentenceView) -> bool:
        return self._region_of(view) is not None

    def _region_of(self, view: SentenceView) -> tuple[int, int] | None:
        index = bisect.bisect_right(self.region_starts, view.start + 1) - 1
        if index >= 0 and view.start < self.regions[index][1]:
            return self.regions[index]
        return None

    def _quote_speaker(
        self, views: list[SentenceView], explicit: list[Source | None], index: int
    ) -> Source | None:
        region = self._region_of(views[index])
        if region is None:
            return None
        for other in range(index, min(len(views), index + 12)):
            if views[other].start > region[1] + 2:
                if explicit[other] is not None and self._is_tag(views[other]):
                    return explicit[other]
                break
            if explicit[other] is not None:
                return explicit[other]
        for other in range(index - 1, max(-1, index - 12), -1):
            if explicit[other] is not None and views[other].end >= region[0] - 3:
                return explicit[other]
            if views[other].end >= region[0] - 3 and views[other].source_rule in _QUOTED_RULES:
                # '"...," the rapporteur said. "Both Russia and China have supplied ..."': a
                # quote right after a tagged quote goes on in the same voice.
                return views[other].source
        return None

    def _is_tag(self, view: SentenceView) -> bool:
        """A short following sentence such as "he told the Financial Times." tags a quote."""
        return len(self.text[view.start : view.end].split()) <= 8

    def _impersonal(self, view: SentenceView) -> bool:
        for cue in view.cues:
            if cue.kind == "speech" and getattr(cue.payload, "kind", "") == "impersonal":
                return True
            if cue.kind == "hedge" and cue.text.lower() in ("reportedly", "allegedly"):
                return True
        return False

    def _explicit(self, view: SentenceView) -> Source | None:
        """The sentence's own speaker; one who cites another ("X reported, citing officials")
        gives way to the one cited, but a channel ("said, according to Yonhap") does not."""
        cues = view.cues
        kinds = [_kind(cue) for cue in cues]  # each cue's payload kind, read once
        impersonal: list[Hit] = []
        for index, cue in enumerate(cues):
            if kinds[index] == "impersonal":
                impersonal.append(cue)
        # Only the first source counts, unless it is a medium: then the first cited one that is
        # not ("Yonhap reported, citing officials"). Sources after those are never read (all
        # the steps are pure), so the scan stops there.
        first: Source | None = None
        cited: Source | None = None
        for index, cue in enumerate(cues):
            source = self._cue_source(view, cue, kinds[index], impersonal)
            if source is None:
                continue
            if first is None:
                first = source
                if source.kind != _MEDIA:
                    break
            elif kinds[index] == "according" and cue.kind != "denial" and source.kind != _MEDIA:
                cited = source
                break
        if first is None:
            return None
        # "Yonhap reported, citing officials": the outlet passes on the officials' claim; but in
        # "state media reported ..., as rights groups say" the media still speak for the claim.
        chosen = first
        if cited is not None:
            chosen = cited if cited.channel else replace(cited, channel=first.name)
        self.speakers.append(chosen)
        return chosen

    def _cue_source(
        self, view: SentenceView, cue: Hit, payload_kind: str, impersonal: list[Hit]
    ) -> Source | None:
        """The speaker a cue introduces, with the channel it speaks through; None if none."""
        if not self._speaks(view, cue, payload_kind, impersonal):
            return None
        kind = "verb" if cue.kind == "denial" or payload_kind == "tag" else payload_kind
        phrase = self._phrase(view, cue, kind)
        if phrase is None or _not_the_speaker(cue, phrase):
            return None
        source = self._source(view, phrase) if phrase else None
        return self._with_channel(view, cue, source) if source is not None else None

    def _speaks(
        self, view: SentenceView, cue: Hit, payload_kind: str, impersonal: list[Hit]
    ) -> bool:
        """Whether a cue introduces a speaker: a speech verb, or a denial verb ("X denied")."""
        # The cue's own kind first: most cues (hedges, stages) fail it, and every test is pure.
        if not self._speaking_cue(view, cue, payload_kind):
            return False
        if self._in_region(cue.start):
            return False  # "is said to": the outlet's hedged voice, not a speaker
        for other in impersonal:
            if other.start <= cue.start < other.end:
                return False
        # Both patterns end in a word and `\s+$`: skip them unless the text before the cue ends
        # in whitespace (what _may_end_negated tests first, here without the slice).
        if cue.start <= view.start or not self.text[cue.start - 1].isspace():
            return True
        before = self.text[max(view.start, cue.start - 14) : cue.start]
        # "Ankara has never confirmed the sale" names no source of the claim.
        return not (
            _may_end_negated(before)
            and (_NEGATED_SPEECH.search(before) or _DETERMINER_BEFORE.search(before))
        )

    def _speaking_cue(self, view: SentenceView, cue: Hit, kind: str) -> bool:
        if cue.kind == "denial":
            return kind == "denial" and bool(_DENIAL_VERB.match(cue.text))
        if cue.kind != "speech" or kind == "impersonal":
            return False
        # A tag reports before "that" or as a tag; "found evidence that" holds its "that".
        if kind == "tag" and not (
            cue.text.endswith("that") or _TAG_END.match(self.text, cue.end, view.end)
        ):
            return False
        estimate = cue.text.lower() in ("estimated", "assessed", "valued")
        if estimate and _NOT_SPEECH_AFTER.match(self.text, cue.end):
            return False
        return kind != "verb" or not self._passive_speech(view, cue)

    def _passive_speech(self, view: SentenceView, cue: Hit) -> bool:
        """ "has been accused of shipping", "were told": a verb of saying after a passive
        auxiliary names no speaker before it ("Moscow is saying" is a progressive)."""
        if cue.text.endswith("ing"):
            return False
        before = self.text[max(view.start, cue.start - 12) : cue.start]
        # A match ends in an auxiliary and whitespace: the pattern runs only after such an end.
        return _may_end_with(before, PASSIVE_AUX_WORDS) and bool(_PASSIVE_AUX_BEFORE.search(before))

    def _in_region(self, position: int) -> bool:
        index = bisect.bisect_left(self.region_starts, position) - 1
        return index >= 0 and position < self.regions[index][1]

    def _phrase(self, view: SentenceView, cue: Hit, kind: str) -> str | None:
        """The words naming the speaker around a speech cue."""
        if kind == "according":
            return _according_phrase(self.text, cue.end, view.end)
        raw_before = self.text[view.start : cue.start].rstrip()
        told = cue.text.lower().startswith(_TELL)  # "X told Y": Y is the listener
        # "A commander, who asked not to be named, said": the aside closes the subject.
        # _RELATIVE_END ends in ",$" and raw_before is stripped: only a final comma can match.
        # A match holds one of ASIDE_WORDS, as written: a prefilter for speed only.
        aside = (
            raw_before.endswith(",")
            and _holds_aside_word(raw_before)
            and _RELATIVE_END.search(raw_before) is not None
        )
        if not told and not aside and (raw_before.endswith((",", "”", '"', "’")) or not raw_before):
            # "..., said Park Ji-hoon, a lawmaker": the speaker follows the verb. (The text up to
            # the pattern's first match, as split(...)[0] gave: it has no anchor, and its
            # look-behind sees only the character it matched.)
            stop = _SPEAKER_TAIL_END.search(self.text, cue.end, view.end)
            tail = self.text[cue.end : stop.start() if stop else view.end]
            if _speaker_like(tail):
                return tail.strip(LEAD_CHARS)
        return self._before(view, cue.start)

    def _before(self, view: SentenceView, start: int) -> str:
        lead = _after_quote(self.text[view.start : start])
        body = lead.rstrip().rstrip(",")  # "..., Major Ivo Kral, told": the comma closes him
        # split(None, 4) has five pieces when there are more than four words: enough to tell.
        if "," in body and len(self.text[start : view.end].split(None, 4)) <= 4:
            lead = body[body.rfind(",") + 1 :]  # "..., a Ukrainian intelligence chief has said."
        # Each pattern runs only where its literals are (a prefilter for speed only).
        if "that" in lead or ";" in lead or ":" in lead:
            lead = _THAT_OR_CLAUSE_PUNCTUATION.split(lead)[-1]
        if lead.count(",") > 1:  # a match holds two commas (a prefilter for speed only)
            lead = _RELATIVE.sub(",", lead)
        if may_end_in_aux_tail(lead):
            lead = without_aux_tail(lead)
        # "Speaking on condition of anonymity, a source said": the subject is the last comma
        # segment, unless the lead ends in an appositive ("X, General Y, said").
        if "," in lead.rstrip().rstrip(",") and not lead.rstrip().endswith(","):
            lead = lead[lead.rfind(",") + 1 :]
        return lead.strip(LEAD_CHARS)

    def _source(self, view: SentenceView, phrase: str) -> Source | None:
        phrase = phrase.strip()
        if _may_open_with_link(phrase):
            link = _LEADING_LINK.match(phrase)  # anchored: at most one match, at the start
            if link is not None:
                phrase = phrase[link.end() :]
        if not phrase or len(phrase.split()) > 14:
            return None
        lowered = phrase.lower()
        if lowered == "they":
            # "they" never stands for one named person: the last group or government.
            return self._last(lambda s: s.kind != SourceKind.PERSON)
        if lowered in _PRONOUNS:
            # "An EU diplomat said ... He added": the last one person who spoke, named or not.
            return self._last(_one_person) or None
        if lowered in _NON_PERSONS:
            return self._last(lambda s: s.kind != SourceKind.PERSON)
        definite = _DEFINITE.match(phrase) if phrase.startswith(("th", "Th")) else None
        if definite:
            found = self._resolve_definite(definite.group("head").lower())
            if found is not None:
                return found
        return self.namer.name(view, phrase, self.speakers)

    def _resolve_definite(self, head: str) -> Source | None:
        """ "the minister" is the last speaker with that role; "the source" the last unnamed one."""
        singular = head.removesuffix("s") if head.endswith("s") and len(head) > 3 else head
        if singular in self.namer.anonymous or head in self.namer.anonymous:
            return self._last(lambda s: s.kind == SourceKind.ANONYMOUS)
        role_match = self._last(lambda s: bool(s.role) and singular in (s.role or "").lower())
        if role_match:
            return role_match
        if singular in self.namer.organizations or singular in self.namer.media:
            return self._last(lambda s: s.kind in (SourceKind.ORGANIZATION, SourceKind.MEDIA))
        if singular in self.namer.title_words:
            return self._last(lambda s: s.kind == SourceKind.PERSON)
        return None  # "the file", "the data": named below as what they are

    def _last(self, wanted: object) -> Source | None:
        for source in reversed(self.speakers):
            if callable(wanted) and wanted(source):
                return source
        return None

    def _with_channel(self, view: SentenceView, cue: Hit, source: Source) -> Source:
        direct = cue.text.lower().startswith(("told", "tell"))
        # The namer reads the first 90 characters: only those are sliced.
        channel = self.namer.channel(self.text[cue.end : min(view.end, cue.end + 90)], direct)
        return replace(source, channel=channel) if channel and not source.channel else source


def _one_person(source: Source) -> bool:
    if source.kind == SourceKind.PERSON:
        return True
    return source.kind == SourceKind.ANONYMOUS and bool(_ONE_UNNAMED.match(source.name))


# "a senior official", "an EU diplomat", "the source": one unnamed person, whom "he" can follow.
_ONE_UNNAMED = re.compile(r"(?:an?|one|the)\s+(?:[\w-]+\s+){0,3}[a-z]+[^s\W]$", re.IGNORECASE)


def _after_quote(lead: str) -> str:
    """The words after the last quote; but in 'X called it "a lie" and repeated that', only a
    conjunction follows the quote, and the speaker is the subject before it."""
    closing = max(lead.rfind(_CLOSE), lead.rfind('"'))
    if closing < 0:
        return lead
    after = lead[closing + 1 :]
    opening = max(lead.rfind(_OPEN, 0, closing), lead.rfind('"', 0, closing))
    if after.strip(" ,").lower() in ("and", "but") and opening > 0:
        return _after_quote(lead[:opening])
    return after


def _not_the_speaker(cue: Hit, phrase: str) -> bool:
    """ "..., which Moscow denies", "..., a charge Abu Dhabi denies": they answer or describe
    the claim; they do not make it."""
    if _may_open_relative(phrase) and _RELATIVE_SPEAKER.match(phrase):
        return True
    return cue.kind == "denial" and _ANSWERED_CLAIM.match(phrase) is not None


def _kind(cue: Hit) -> str:
    return str(getattr(cue.payload, "kind", ""))


def _according_phrase(text: str, start: int, end: int) -> str:
    """ "according to figures compiled by Defence Weekly": the source is the agent after "by".
    The phrase is text[start:end] up to _ACCORDING_PHRASE_END (no anchor, and its look-behind
    sees only the character it matched, so the search with bounds finds what a split of the
    slice did)."""
    stop = _ACCORDING_PHRASE_END.search(text, start, end)
    phrase = text[start : stop.start() if stop else end]
    # The agent pattern needs the literal "by" or "from": a prefilter for speed only.
    by_or_from = "by" in phrase or "from" in phrase
    agent = _AGENT_AFTER_BY_OR_FROM.search(phrase) if by_or_from else None
    return (agent.group("agent") if agent else phrase).strip(LEAD_CHARS)


def _speaker_like(tail: str) -> bool:
    """ "said Park Ji-hoon", "said a senior official"; not "said China had sent"."""
    stripped = tail.strip()
    if not stripped:
        return False
    words = stripped.split()
    if len(words) > 10 or _CLAUSE_WORD.search(stripped):
        return False
    return (
        not stripped[:1].islower()
        or bool(_CAPITALISED_WORD.search(stripped))
        or stripped.lower().startswith(("the ", "a ", "an "))
    )


_NEGATING_ENDINGS = ("not", "never", "n't", "to", "a", "an", "the")
# _PASSIVE_AUX_BEFORE's words, one of which ends each of its matches before the whitespace.
PASSIVE_AUX_WORDS = ("been", "being", "was", "were", "is", "are", "be")


def _may_end_negated(before: str) -> bool:
    """Whether `before` may match _NEGATED_SPEECH or _DETERMINER_BEFORE: both end in one of
    these words, then whitespace (a prefilter for speed; non-ASCII text always may)."""
    return _may_end_with(before, _NEGATING_ENDINGS)


def _may_end_with(before: str, endings: tuple[str, ...]) -> bool:
    """Whether `before` may end in one of `endings` (ASCII, no whitespace) and whitespace, as a
    case-insensitive `(?:...)\\s+$` requires (a prefilter; non-ASCII text always may)."""
    if not before[-1:].isspace():
        return False
    # The ASCII text before ends as its last word does (the endings hold no whitespace).
    stripped = before.rstrip()
    return bool(stripped) and (not stripped.isascii() or stripped.lower().endswith(endings))


def may_end_in_aux_tail(lead: str) -> bool:
    """Whether _AUX_TAIL may match `lead`: a match runs to the end, so the last word is one of
    its words, or follows "last", "this" or "on" (a prefilter; a non-ASCII word always may)."""
    words = lead.rsplit(None, 2)  # the last two words are all it needs
    if not words:
        return False
    last = words[-1]
    if not last.isascii() or last.lower() in AUX_LAST_WORDS:
        return True
    if len(words) < 2:
        return False
    penultimate = words[-2]
    return not penultimate.isascii() or penultimate.lower() in AUX_PENULTIMATE_WORDS


# The words _LEADING_LINK can start with; _RELATIVE_SPEAKER's first two letters (after spaces).
LINK_WORDS = frozenset({"while", "whereas", "but", "and", "as", "although", "though", "so"})
RELATIVE_OPENINGS = ("of", "wh")


# The first letters of LINK_WORDS, in either case.
LINK_INITIALS = frozenset("wbatsWBATS")


def _may_open_with_link(phrase: str) -> bool:
    """Whether _LEADING_LINK may match the stripped phrase: its first word is one of the links
    (a prefilter for speed; a non-ASCII word always may, as the pattern ignores case)."""
    # Most phrases fail on their first character, before the generic split(None, 1) call.
    if not phrase or (phrase[0] not in LINK_INITIALS and ord(phrase[0]) < 128):
        return False
    words = phrase.split(None, 1)
    return bool(words) and (not words[0].isascii() or words[0].lower() in LINK_WORDS)


def _may_open_relative(phrase: str) -> bool:
    """Whether _RELATIVE_SPEAKER may match: after whitespace, "of which", "which", "who" or
    "whom" (a prefilter for speed; non-ASCII letters always may)."""
    opening = phrase.lstrip()[:2]
    return not opening.isascii() or opening.lower() in RELATIVE_OPENINGS


def without_aux_tail(lead: str) -> str:
    """_AUX_TAIL.sub("", lead), searched from a bound. A match runs from whitespace to the end
    of the lead, so every word after its start is in it: it cannot start before the end of the
    last word that cannot be in it (a bound for speed only, tested against the sub)."""
    words = lead.split()
    inside = 0  # the trailing words that may be in a match
    for index in range(len(words) - 1, -1, -1):
        if not _may_be_aux_word(words[index], words[index - 1] if index else ""):
            break
        inside += 1
    if not inside:
        return lead
    start = len(lead.rsplit(None, inside)[0]) if inside < len(words) else 0
    found = _AUX_TAIL.search(lead, start)
    return lead[: found.start()] if found else lead


def _may_be_aux_word(word: str, previous: str) -> bool:
    """Whether a word may be in an _AUX_TAIL match: one of its words, or any word after "last",
    "this" or "on" (non-ASCII always may: the pattern ignores case)."""
    if not word.isascii() or word.lower() in AUX_TAIL_WORDS:
        return True
    return not previous.isascii() or previous.lower() in AUX_PENULTIMATE_WORDS
