"""Turning the words that name a speaker into a Source: person, government, unnamed source,
media or organisation, with role, state and channel where the text gives them."""

from __future__ import annotations

import re

from armsledger.domain.core import Source, SourceKind
from armsledger.extract.actors import DATELINE_PREFIX
from armsledger.extract.lookup import may_contain
from armsledger.extract.model import SentenceView
from armsledger.lexicon import Lexicons

# Compiled at import: these run on hot paths, once per sentence or item.
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")

_DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|another|one of the|one of|multiple|several|two|three|some|many|other|"
    r"senior|top|former)\s+)+",
    re.IGNORECASE,
)
# The first word of each _DETERMINERS alternative: a phrase starting otherwise skips it.
DETERMINER_FIRST_WORDS = frozenset(
    {
        "a", "an", "the", "another", "one", "multiple", "several", "two", "three", "some",
        "many", "other", "senior", "top", "former",
    }
)  # fmt: skip
# Their first letters, in either case.
DETERMINER_INITIALS = frozenset(
    {word[0] for word in DETERMINER_FIRST_WORDS}
    | {word[0].upper() for word in DETERMINER_FIRST_WORDS}
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


def boundary_alternation(words: tuple[str, ...]) -> str:
    r"""`\b(?:w1|w2|...)`, written so that the regex engine skips to the first letters of the
    words (a `\b` in front hides them from its prefix scan): before a word character, `\b` is
    "no word character before", tested after that first character by `(?<!\w.)`."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not all(_FIRST_IS_WORD.match(word) for word in ordered):
        return rf"\b(?:{_alternation(words)})"
    parts = [re.escape(word[0]) + r"(?<!\w.)" + re.escape(word[1:]) for word in ordered]
    return "(?:" + "|".join(parts) + ")"


_FIRST_IS_WORD = re.compile(r"\w")


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
        media_names = boundary_alternation(grammar.words("media_names"))
        # Whether every media name holds a capital, so that a phrase without one (str.islower)
        # cannot match them (the pattern is case-sensitive): a prefilter for speed only.
        self.media_need_capital = all(_has_capital(name) for name in grammar.words("media_names"))
        self._media_names = re.compile(rf"{media_names}\b", re.DOTALL)
        self.org_name_words = set(grammar.words("organization_name_words"))
        self.publication_words = set(grammar.words("publication_name_words"))
        # "brokers", "suppliers": collective nouns are not organs of a state.
        self.collectives = frozenset(word.lower() for word in lexicons.collectives)
        # The heads after which capitalised words modify an unnamed source ("a Daily NK source").
        self.source_heads = frozenset(self.anonymous | self.media | self.organizations)
        channels = _alternation(grammar.words("channels"))
        # Each "on"/"via" match holds one of these, as written: a prefilter for that pattern.
        self.channel_words = tuple(grammar.words("channels"))
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
        core = _without_determiners(phrase).strip()
        words = word_runs(core)
        if not words:
            return None
        state = _state_named_in(view, phrase)
        if self._may_name_media(phrase) and self._media_names.search(phrase):
            return Source(name=phrase, kind=SourceKind.MEDIA, state=state)
        common = _sentence_case(core)
        # The actor words matter only to a name, so they are gathered only where one may be: a
        # name word is capitalised.
        may_name = not common and may_hold_name_word(words)
        person = self._person(words, _actor_words(view)) if may_name else ""
        lowered = [w.lower().strip(".,") for w in words]
        if person:
            found = self._as_person(phrase, words, lowered, person, state, earlier)
            if found is not None:
                return found
        return self._by_head(phrase, lowered, state, view, core, common)

    def _may_name_media(self, phrase: str) -> bool:
        return not self.media_need_capital or not phrase.islower()

    def _as_person(
        self,
        phrase: str,
        words: list[str],
        lowered: list[str],
        person: str,
        state: str | None,
        earlier: list[Source],
    ) -> Source | None:
        """The speaker a capitalised run names: a publication, an organisation or a person; None
        when the run modifies an unnamed source ("a Daily NK source")."""
        names = person.split()
        if names[-1] in self.publication_words:
            return Source(name=phrase, kind=SourceKind.MEDIA, state=state)
        if self._is_organization_name(names):
            return Source(name=phrase, kind=SourceKind.ORGANIZATION, state=state)
        if self._head_after(lowered, names[-1]):
            return None
        if len(names) == 1:
            known = _known(person, earlier)
            if known is not None:
                return known
        role = " ".join([w for w in words if w not in names]) or None
        return Source(name=person, kind=SourceKind.PERSON, role=role, state=state)

    def _is_organization_name(self, words: list[str]) -> bool:
        acronym = len(words) == 1 and len(words[0]) > 1 and words[0].isupper()
        return acronym or words[-1] in self.org_name_words

    def _by_head(
        self,
        phrase: str,
        lowered: list[str],
        state: str | None,
        view: SentenceView,
        core: str,
        common: bool,
    ) -> Source | None:
        lowered = _head_part(lowered)
        heads = _heads(lowered)
        # "South Korea's spy agency", "military intelligence": a state body, not a news agency.
        # isdisjoint: the same test as a non-empty intersection, without building it.
        if not heads.isdisjoint(self.government):
            return Source(name=phrase, kind=SourceKind.GOVERNMENT, state=state)
        if not heads.isdisjoint(self.organizations):
            return Source(name=phrase, kind=SourceKind.ORGANIZATION, state=state)
        # "the Defense Security Cooperation Agency": a state body the lexicon names.
        if not heads.isdisjoint(self.media):
            named_organ = _ends_with_organ(view, core)
            kind = SourceKind.GOVERNMENT if named_organ else SourceKind.MEDIA
            return Source(name=phrase, kind=kind, state=state)
        if not self.anonymous.isdisjoint(lowered):
            return Source(name=phrase, kind=SourceKind.ANONYMOUS, state=state)
        # "a spokesman", "the minister": an official speaking for the state, unnamed.
        if self._official(lowered) or self._names_party(phrase, view):
            return Source(name=phrase, kind=SourceKind.GOVERNMENT, state=state)
        if _INDEFINITE.match(phrase):
            return Source(name=phrase, kind=SourceKind.ANONYMOUS, state=state)
        if core[:1].isupper() and not common and not self._not_a_name(lowered):
            return Source(name=phrase, kind=SourceKind.ORGANIZATION, state=state)
        if state is not None:
            return Source(name=phrase, kind=SourceKind.GOVERNMENT, state=state)
        return None

    def _not_a_name(self, lowered: list[str]) -> bool:
        """ "Evidence suggests", "Officials said": one capitalised word that names nobody."""
        return len(lowered) == 1 and lowered[0] in self.not_names

    def _official(self, lowered: list[str]) -> bool:
        for word in lowered:  # noqa: SIM110 (compiled: a loop, no generator)
            if word.rstrip("s") in self.title_words:
                return True
        return False

    def _names_party(self, phrase: str, view: SentenceView) -> bool:
        """Whether the phrase holds a party of the sentence: an actor not used as a modifier, or
        an organ that is not a collective noun ("brokers")."""
        for ref in view.actors:
            if not ref.is_modifier and _contains_words(phrase, ref.text):
                return True
        for hit in view.organs:
            if hit.text.lower() not in self.collectives and _contains_words(phrase, hit.text):
                return True
        return False

    def _person(self, words: list[str], actor_words: set[str]) -> str:
        """The last run of capitalised words that are neither titles nor actor names."""
        runs: list[list[str]] = [[]]
        place = False  # inside a capitalised run that follows a preposition
        previous = ""
        # Each word lower-cased once, for the tests on it and on its neighbours.
        bares = [_without_possessive(word).strip(".,’'") for word in words]
        lowers = [bare.lower() for bare in bares]
        keys = [lower.rstrip(".") for lower in lowers]
        for index, bare in enumerate(bares):
            lower = lowers[index]
            is_name = self._is_name_word(index, bares, lowers, keys, actor_words) or (
                lower in _PARTICLES and bool(runs[-1])
            )
            place = is_name and (place or previous in _PLACE_PREPOSITIONS)
            if is_name and not place:
                runs[-1].append(bare)
            elif runs[-1]:
                runs.append([])
            if not (is_name or lower in ("the", "a", "an")):
                previous = lower
        named = [run for run in runs if run]
        return " ".join(named[-1]) if named else ""

    def _is_name_word(
        self,
        index: int,
        bares: list[str],
        lowers: list[str],
        keys: list[str],
        actor_words: set[str],
    ) -> bool:
        """Whether bares[index] may be part of a name; `lowers` and `keys` are the words
        lower-cased, and lower-cased without a final full stop."""
        bare = bares[index]
        lower = lowers[index]
        if not bare[:1].isupper() or bare in actor_words:
            return False
        if lower in self.anonymous or lower in _PLACE_PREPOSITIONS:  # "In May, the ministry said"
            return False
        if lower in self.not_names:  # "Western governments", "Officials"
            return False
        if _before_dash(bare) in actor_words:
            return False
        return keys[index] not in self.title_words or self._modifier_in_name(index, bares, keys)

    def _modifier_in_name(self, index: int, bares: list[str], keys: list[str]) -> bool:
        """ "Defence" in "Defence Procurement Weekly": a title word only inside a longer title,
        between words that are no titles, before a capitalised one."""
        previous = keys[index - 1] if index else ""
        following = keys[index + 1] if index + 1 < len(keys) else ""
        following_bare = bares[index + 1] if index + 1 < len(bares) else ""
        return (
            keys[index] in self.title_modifiers
            and previous not in self.title_words
            and following not in self.title_words
            and following_bare[:1].isupper()
        )

    def _head_after(self, lowered: list[str], last_name: str) -> bool:
        """ "a Daily NK source": the capitalised words modify an unnamed source (or name a
        body: "the Hajun monitoring project")."""
        last = last_name.lower()
        if last not in lowered:
            return False
        following = lowered.index(last) + 1
        if following >= len(lowered):
            return False
        head = lowered[following]
        # "the Hajun monitoring project": a head after one "-ing" word ("Smith, a researcher"
        # and "Smith, senior researcher" are people).
        if head.endswith("ing") and following + 1 < len(lowered):
            head = lowered[following + 1]
        return head in self.source_heads

    def channel(self, after: str, direct: bool) -> str | None:
        """The medium: "told the Interfax news agency" (direct), "on Telegram", "according to"."""
        snippet = after[:90]
        for index in range(0 if direct else 1, len(self._channel_patterns)):
            # The literals each pattern needs ("on"/"via" and a channel, "according to"): a
            # prefilter.
            if index == 1 and not self._may_name_channel(snippet):
                continue
            if index == 2 and "according to" not in snippet:
                continue
            found = self._channel_patterns[index].search(snippet)
            if found and found.group("ch") and found.group("ch") not in ("He", "She", "The"):
                return _SENTENCE_STOP.sub("", found.group("ch").strip())
        return None

    def _may_name_channel(self, snippet: str) -> bool:
        """Whether the "on"/"via" pattern may match: one of them as a word, followed by
        whitespace, and a channel's name somewhere."""
        if not _has_word_before_space(snippet, "on") and not _has_word_before_space(snippet, "via"):
            return False
        return may_contain(snippet, self.channel_words, 0, len(snippet))


# "told CNN." ends the sentence; "U.S." keeps its own full stops.
_SENTENCE_STOP = re.compile(r"(?<=[^.\s][^.\s])\.$")


def _has_word_before_space(text: str, word: str) -> bool:
    """Whether `word` stands in the text as `\\bword\\s` does (it starts with a word
    character)."""
    size = len(word)
    position = text.find(word)
    while position >= 0:
        before = text[position - 1] if position else ""
        if (
            not (before.isalnum() or before == "_")
            and text[position + size : position + size + 1].isspace()
        ):
            return True
        position = text.find(word, position + 1)
    return False


def _known(person: str, earlier: list[Source]) -> Source | None:
    """A surname alone ("Shin said") is the speaker named in full before."""
    for source in reversed(earlier):
        if source.kind == SourceKind.PERSON and person in source.name.split():
            return source
    return None


def _actor_words(view: SentenceView) -> set[str]:
    """The words of the sentence's actors (but leaders), organs and items, without possessive."""
    words: set[str] = set()
    for ref in view.actors:
        if ref.role != "leader":
            for word in ref.text.split():
                words.add(_without_possessive(word))
    for hit in view.organs:
        for word in hit.text.split():
            words.add(_without_possessive(word))
    for item in view.items:
        for word in item.text.split():
            words.add(_without_possessive(word))
    return words


def _heads(lowered: list[str]) -> set[str]:
    """The words and pairs of adjacent words, each also without a final "s" ("the monitors",
    "two agencies")."""
    heads: set[str] = set()
    previous = ""
    for index, word in enumerate(lowered):
        heads.add(word)
        heads.add(word.removesuffix("s"))
        if index:
            pair = previous + " " + word
            heads.add(pair)
            heads.add(pair.removesuffix("s"))
        previous = word
    return heads


def word_runs(core: str) -> list[str]:
    """_WORD.findall(core). Where every character but the spaces is a word character or one of
    ".'’-", its runs are the words of split(): native calls, where the regex call costs several
    thousand instructions (`\\w` is str.isalnum() or "_"; a test checks against the pattern)."""
    bare = core.replace(" ", "").replace(".", "").replace("'", "").replace("’", "")
    if bare.replace("-", "").replace("_", "").isalnum():
        return core.split()
    # Typed: findall's list is of Any, whose methods compile to generic calls.
    words: list[str] = _WORD.findall(core)
    return words


def _has_capital(text: str) -> bool:
    for character in text:  # noqa: SIM110 (compiled: a loop, no generator)
        if character.isupper():
            return True
    return False


def may_hold_name_word(words: list[str]) -> bool:
    """Whether SpeakerNamer._person may find a name: a name word is capitalised once its
    possessive and the characters _person strips are gone (a prefilter for speed only)."""
    for word in words:  # noqa: SIM110 (compiled: a loop, no generator)
        if word.lstrip(".,’'")[:1].isupper():
            return True
    return False


def _before_dash(word: str) -> str:
    """word.split("-")[0], without the list."""
    dash = word.find("-")
    return word[:dash] if dash >= 0 else word


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


# What an organisation's figures are called: "SIPRI data", "the SIPRI database".
DATA_WORDS = frozenset({"data", "database", "figures", "statistics", "estimates", "records"})


def _sentence_case(core: str) -> bool:
    """ "Satellite imagery and flight data": only the sentence's first word is capitalised, so
    the phrase is a common noun (evidence, not a named speaker)."""
    words = core.split()
    if len(words) < 2:
        return False
    first = words[0].strip(".,’'")
    if len(first) > 1 and first.isupper() and words[-1].lower() in DATA_WORDS:
        return False  # "SIPRI data": an acronym names who holds the data
    for word in words[1:]:  # noqa: SIM110 (compiled: a loop, no generator)
        if word[:1].isupper() or word[:1].isdigit():
            return False
    return True


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
    """The phrase after a DATELINE_PREFIX, which ends in a dash and whitespace: a phrase without
    them ("Shin Won-sik") skips the pattern, whose nested capitalised runs backtrack (a
    prefilter for speed only)."""
    if not _may_hold_dash_and_space(phrase):
        return phrase
    found = DATELINE_PREFIX.match(phrase)  # anchored: at most one match, at the start
    return phrase[found.end() :] if found else phrase


def _may_hold_dash_and_space(phrase: str) -> bool:
    """Whether the phrase holds a dash followed by whitespace (`[-–—]+\\s+`)."""
    for dash in _DASHES:
        position = phrase.find(dash)
        while position >= 0:
            if phrase[position + 1 : position + 2].isspace():
                return True
            position = phrase.find(dash, position + 1)
    return False


_DASHES = ("-", "–", "—")


def _without_determiners(phrase: str) -> str:
    """The phrase after the _DETERMINERS it starts with. The pattern runs only when the first
    word is one of their first words (a prefilter for speed; a non-ASCII word always may)."""
    # Most phrases fail on their first character, before the generic split(None, 1) call (a
    # leading space fails too: the anchored pattern cannot match then).
    if not phrase or (phrase[0] not in DETERMINER_INITIALS and ord(phrase[0]) < 128):
        return phrase
    first = phrase.split(None, 1)
    if not first or (first[0].isascii() and first[0].lower() not in DETERMINER_FIRST_WORDS):
        return phrase
    determiners = _DETERMINERS.match(phrase)  # anchored: at most one match, at the start
    return phrase[determiners.end() :] if determiners else phrase


def _without_possessive(word: str) -> str:
    """ "Russia's" -> "Russia": what _TRAILING_POSSESSIVE.sub removed from a word of split(),
    which holds no line break for its `$` to stop before; tested without a regex call."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _ends_with_organ(view: SentenceView, core: str) -> bool:
    """Whether the phrase ends with a state body the lexicon names ("the Defense Security
    Cooperation Agency", "Poland's Armament Agency")."""
    return any(ref.role == "organ" and core.endswith(ref.text) for ref in view.actors)
