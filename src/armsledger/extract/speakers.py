"""Turning the words that name a speaker into a Source: person, government, unnamed source,
media or organisation, with role, state and channel where the text gives them."""

from __future__ import annotations

import itertools
import re

from armsledger.domain.core import Source, SourceKind
from armsledger.extract.actors import DATELINE_PREFIX
from armsledger.extract.model import SentenceView
from armsledger.lexicon import Lexicons

# Compiled at import: these run on hot paths, once per sentence or item.
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")

_DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|another|one of the|one of|multiple|several|two|three|some|many|other|"
    r"senior|top|former)\s+)+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w.'’-]+")
# "an Iranian lawmaker", "a European official": one unnamed person.
_INDEFINITE = re.compile(r"^(?:an?|one|two|three|four|five|several|some|many)\s", re.IGNORECASE)
_PARTICLES = {"al", "bin", "de", "van", "von", "der", "da", "el", "ibn", "la", "le"}
# A capitalised run right after one of these names a place or a body ("artillerymen near
# Bakhmut", "a spokesman for the Foreign Office"), never the speaker.
_PLACE_PREPOSITIONS = {"near", "in", "at", "from", "of", "for", "outside", "inside", "across"}


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


class SpeakerNamer:
    def __init__(self, lexicons: Lexicons) -> None:
        grammar = lexicons.grammar
        self.title_words = {
            w.lower().rstrip(".") for t in grammar.words("titles") for w in t.split()
        }
        # Words that are titles only inside a longer one ("Defence" in "Defence Minister"):
        # before a name word they are part of a name ("Defence Procurement Weekly").
        self.title_modifiers = self.title_words - {
            t.lower().rstrip(".") for t in grammar.words("titles") if " " not in t
        }
        self.anonymous = {w.lower() for w in grammar.words("anonymous_heads")}
        # "Western governments", "Officials": capitalised words that never name a person.
        self.not_names = {w.lower() for w in grammar.words("capitalised_non_names")}
        self.media = {w.lower() for w in grammar.words("media_heads")}
        self.government = {w.lower() for w in grammar.words("government_heads")}
        self.organizations = {w.lower() for w in grammar.words("organization_heads")}
        self._media_names = re.compile(rf"\b(?:{_alternation(grammar.words('media_names'))})\b")
        self.org_name_words = set(grammar.words("organization_name_words"))
        self.publication_words = set(grammar.words("publication_name_words"))
        # "brokers", "suppliers": collective nouns are not organs of a state.
        self.collectives = frozenset(word.lower() for word in lexicons.collectives)
        channels = _alternation(grammar.words("channels"))
        media = _alternation(grammar.words("media_heads"))
        self._channel_patterns = (
            re.compile(
                rf"^\s*(?:,\s*)?(?:in an interview with|to)?\s*(?:the\s+)?"
                rf"(?P<ch>[A-Z][\w.’'-]*(?:[\s-][A-Z][\w.’'-]*)*(?:\s+(?:{media}))?)"
            ),
            re.compile(rf"\b(?:on|via)\s+(?:the\s+)?(?P<ch>{channels})\b"),
            re.compile(
                rf"according to (?:the\s+)?(?P<ch>[A-Z][\w.’'-]*(?:[\s-][A-Z][\w.’'-]*)*"
                rf"(?:\s+(?:{media}))?)"
            ),
        )

    def name(self, view: SentenceView, phrase: str, earlier: list[Source]) -> Source | None:
        phrase = _without_dateline(phrase)
        determiners = _DETERMINERS.match(phrase)  # anchored: at most one match, at the start
        core = (phrase[determiners.end() :] if determiners else phrase).strip()
        words = _WORD.findall(core)
        if not words:
            return None
        actor_words = {w for ref in view.actors if ref.role != "leader" for w in ref.text.split()}
        actor_words |= {w for hit in view.organs for w in hit.text.split()}
        actor_words |= {w for item in view.items for w in item.text.split()}
        actor_words = {_without_possessive(w) for w in actor_words}
        state = _state_named_in(view, phrase)
        if self._media_names.search(phrase):
            return Source(name=phrase, kind=SourceKind.MEDIA, state=state)
        person = "" if _sentence_case(core) else self._person(words, actor_words)
        lowered = [w.lower().strip(".,") for w in words]
        if person and person.split()[-1] in self.publication_words:
            return Source(name=phrase, kind=SourceKind.MEDIA, state=state)
        if person and self._is_organization_name(person):
            return Source(name=phrase, kind=SourceKind.ORGANIZATION, state=state)
        if person and not self._head_after(lowered, person):
            known = self._known(person, earlier)
            if known is not None:
                return known
            role = " ".join(w for w in words if w not in person.split()) or None
            return Source(name=person, kind=SourceKind.PERSON, role=role, state=state)
        return self._by_head(phrase, lowered, state, view, core)

    def _is_organization_name(self, person: str) -> bool:
        words = person.split()
        acronym = len(words) == 1 and len(words[0]) > 1 and words[0].isupper()
        return acronym or words[-1] in self.org_name_words

    def _by_head(
        self, phrase: str, lowered: list[str], state: str | None, view: SentenceView, core: str
    ) -> Source | None:
        lowered = _head_part(lowered)
        heads = set(lowered) | {" ".join(pair) for pair in itertools.pairwise(lowered)}
        heads |= {head.removesuffix("s") for head in heads}  # "the monitors", "two agencies"
        # "South Korea's spy agency", "military intelligence": a state body, not a news agency.
        if heads & self.government:
            return Source(name=phrase, kind=SourceKind.GOVERNMENT, state=state)
        if heads & self.organizations:
            return Source(name=phrase, kind=SourceKind.ORGANIZATION, state=state)
        # "the Defense Security Cooperation Agency": a state body the lexicon names.
        if heads & self.media:
            named_organ = _ends_with_organ(view, core)
            kind = SourceKind.GOVERNMENT if named_organ else SourceKind.MEDIA
            return Source(name=phrase, kind=kind, state=state)
        if any(w in self.anonymous for w in lowered):
            return Source(name=phrase, kind=SourceKind.ANONYMOUS, state=state)
        named = [ref.text for ref in view.actors if not ref.is_modifier]
        named += [hit.text for hit in view.organs if hit.text.lower() not in self.collectives]
        # "a spokesman", "the minister": an official speaking for the state, unnamed.
        official = any(word.rstrip("s") in self.title_words for word in lowered)
        if official or any(_contains_words(phrase, name) for name in named):
            return Source(name=phrase, kind=SourceKind.GOVERNMENT, state=state)
        if _INDEFINITE.match(phrase):
            return Source(name=phrase, kind=SourceKind.ANONYMOUS, state=state)
        if core[:1].isupper() and not _sentence_case(core):
            return Source(name=phrase, kind=SourceKind.ORGANIZATION, state=state)
        if state is not None:
            return Source(name=phrase, kind=SourceKind.GOVERNMENT, state=state)
        return None

    def _person(self, words: list[str], actor_words: set[str]) -> str:
        """The last run of capitalised words that are neither titles nor actor names."""
        runs: list[list[str]] = [[]]
        place = False  # inside a capitalised run that follows a preposition
        previous = ""
        bares = [_without_possessive(word).strip(".,’'") for word in words]
        for index, bare in enumerate(bares):
            around = (
                bares[index - 1] if index else "",
                bares[index + 1] if index + 1 < len(bares) else "",
            )
            is_name = self._is_name_word(bare, actor_words, around) or (
                bare.lower() in _PARTICLES and bool(runs[-1])
            )
            place = is_name and (place or previous in _PLACE_PREPOSITIONS)
            if is_name and not place:
                runs[-1].append(bare)
            elif runs[-1]:
                runs.append([])
            if not (is_name or bare.lower() in ("the", "a", "an")):
                previous = bare.lower()
        named = [run for run in runs if run]
        return " ".join(named[-1]) if named else ""

    def _is_name_word(self, bare: str, actor_words: set[str], around: tuple[str, str]) -> bool:
        lowered = bare.lower().rstrip(".")
        previous, following = (word.lower().rstrip(".") for word in around)
        modifier_in_name = (
            lowered in self.title_modifiers
            and previous not in self.title_words
            and following not in self.title_words
            and around[1][:1].isupper()
        )
        return (
            bare[:1].isupper()
            and bare.split("-")[0] not in actor_words
            and (lowered not in self.title_words or modifier_in_name)
            and bare not in actor_words
            and bare.lower() not in self.anonymous
            and bare.lower() not in self.not_names
            and bare.lower() not in _PLACE_PREPOSITIONS  # "In May, the ministry said"
        )

    def _head_after(self, lowered: list[str], person: str) -> bool:
        """ "a Daily NK source": the capitalised words modify an unnamed source."""
        last = person.split()[-1].lower()
        if last not in lowered:
            return False
        following = lowered[lowered.index(last) + 1 :]
        heads = self.anonymous | self.media | self.organizations
        return bool(following) and following[0] in heads

    def _known(self, person: str, earlier: list[Source]) -> Source | None:
        """A surname alone ("Shin said") is the speaker named in full before."""
        if len(person.split()) != 1:
            return None
        for source in reversed(earlier):
            if source.kind == SourceKind.PERSON and person in source.name.split():
                return source
        return None

    def channel(self, after: str, direct: bool) -> str | None:
        """The medium: "told the Interfax news agency" (direct), "on Telegram", "according to"."""
        snippet = after[:90]
        for index in range(0 if direct else 1, len(self._channel_patterns)):
            # The literals each pattern needs ("on"/"via", "according to"): a prefilter.
            if index == 1 and "on" not in snippet and "via" not in snippet:
                continue
            if index == 2 and "according to" not in snippet:
                continue
            found = self._channel_patterns[index].search(snippet)
            if found and found.group("ch") and found.group("ch") not in ("He", "She", "The"):
                return _SENTENCE_STOP.sub("", found.group("ch").strip())
        return None


# "told CNN." ends the sentence; "U.S." keeps its own full stops.
_SENTENCE_STOP = re.compile(r"(?<=[^.\s][^.\s])\.$")


def _state_named_in(view: SentenceView, phrase: str) -> str | None:
    """The first actor of the sentence whose words the phrase holds."""
    for ref in view.actors:
        if ref.text in phrase:
            return ref.actor_id
    return None


def _head_part(lowered: list[str]) -> list[str]:
    """ "a commander of another armed group": the words before "of" name who speaks; in "two
    of its commanders" the words after do."""
    if "of" not in lowered:
        return lowered
    before = lowered[: lowered.index("of")]
    return lowered if all(w in _QUANTIFIERS for w in before) else before


_QUANTIFIERS = frozenset(
    {
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "four",
        "five",
        "some",
        "several",
        "many",
        "most",
        "all",
        "none",
        "each",
        "any",
        "both",
        "few",
        "dozens",
        "hundreds",
    }
)


def _sentence_case(core: str) -> bool:
    """ "Satellite imagery and flight data": only the sentence's first word is capitalised, so
    the phrase is a common noun (evidence, not a named speaker)."""
    words = core.split()
    return len(words) > 1 and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])


def _contains_words(phrase: str, words: str) -> bool:
    """ "Iran" is in "Iran's army" but not in "an Iranian lawmaker": `words` with no word
    character before it and no letter or digit after (a regex built per call cost more)."""
    size = len(words)
    position = phrase.find(words)
    while position >= 0:
        before = phrase[position - 1] if position else ""
        after = phrase[position + size] if position + size < len(phrase) else ""
        # `\w` is str.isalnum() or "_"; `[^\W_]` is str.isalnum().
        if not (before.isalnum() or before == "_") and not after.isalnum():
            return True
        position = phrase.find(words, position + 1)
    return False


def _without_dateline(phrase: str) -> str:
    """The phrase after a DATELINE_PREFIX, which ends in a dash: a phrase without one skips the
    pattern, whose nested capitalised runs backtrack (a prefilter for speed only)."""
    if "-" not in phrase and "–" not in phrase and "—" not in phrase:
        return phrase
    found = DATELINE_PREFIX.match(phrase)  # anchored: at most one match, at the start
    return phrase[found.end() :] if found else phrase


def _without_possessive(word: str) -> str:
    """ "Russia's" -> "Russia": what _TRAILING_POSSESSIVE.sub removed from a word of split(),
    which holds no line break for its `$` to stop before; tested without a regex call."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _ends_with_organ(view: SentenceView, core: str) -> bool:
    """Whether the phrase ends with a state body the lexicon names ("the Defense Security
    Cooperation Agency", "Poland's Armament Agency")."""
    return any(ref.role == "organ" and core.endswith(ref.text) for ref in view.actors)
