"""Who speaks in each sentence: speech verbs, "according to", denials, quotes, the outlet."""

from __future__ import annotations

import pytest

from armsledger.domain.core import Document, DocumentMeta, Source, SourceKind
from armsledger.extract.analysis import Analyser
from armsledger.lexicon import Lexicons


@pytest.fixture(scope="module")
def analyser(lexicons: Lexicons) -> Analyser:
    return Analyser(lexicons)


def _sources(analyser: Analyser, text: str) -> list[Source]:
    document = Document(
        id="t", text=text, content_hash="t", meta=DocumentMeta(outlet="The Daily Test")
    )
    return [view.source for view in analyser.analyse(document) if view.source is not None]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # "told X": X listens; the speaker is the subject before the verb.
        (
            '"No shells left the depot," the army spokesman, Major Ivo Kral, told a radio station.',
            "Ivo Kral",
            SourceKind.PERSON,
        ),
        # "said X ..." inverts only when X names a speaker, not when a clause follows.
        (
            "Lena Ortiz, an adviser to the Chilean navy, said Peru had sent frigates to Ecuador.",
            "Lena Ortiz",
            SourceKind.PERSON,
        ),
        # An agent after "compiled by" is the source of "according to figures"; a name ending
        # in a publication word ("Weekly") is a publication, not a person.
        (
            "Oman bought 12 jets, according to figures compiled by Gulf Defence Weekly from "
            "customs data.",
            "Gulf Defence Weekly",
            SourceKind.MEDIA,
        ),
        # One unnamed person with an indefinite article is an anonymous source.
        ("Egypt has received drones from China, a Libyan lawmaker said.", None, "anonymous"),
        (
            "Egypt has received drones from China, according to two traders in Cairo.",
            None,
            "anonymous",
        ),
        # An acronym is a body's name, not "the" taking up the last speaker.
        (
            "Ana Ruiz said Chile buys tanks. Chile sent Peru rifles, the SIPRI says.",
            "the SIPRI",
            SourceKind.ORGANIZATION,
        ),
        # A role without a name speaks for the government.
        (
            "Qatar does not supply arms to any party, a spokesman added.",
            "a spokesman",
            SourceKind.GOVERNMENT,
        ),
        # An acronym before "data" names who holds the data (common-noun evidence such as
        # "customs records" stays the outlet's).
        (
            "Russia delivered 12 jets to Myanmar in 2023, according to SIPRI data.",
            "SIPRI data",
            SourceKind.ORGANIZATION,
        ),
        # One capitalised word that names nobody is no organisation.
        ("Evidence suggests that the RSF has obtained rockets from Chad.", None, "unattributed"),
        # A participial aside after the speaker is no part of the name.
        (
            "A senior NATO diplomat, speaking on condition of anonymity, said Belarus had"
            " shipped tanks to Russia.",
            "A senior NATO diplomat",
            SourceKind.ANONYMOUS,
        ),
    ],
)
def test_attribution_names_the_speaker_of_a_sentence(
    analyser: Analyser, text: str, name: str | None, kind: SourceKind | str
) -> None:
    source = _sources(analyser, text)[-1]
    assert source.kind == SourceKind(kind)
    if name is not None:
        assert source.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Minsk is said to be sending trucks to Russia.",  # hearsay in the passive
        "Shipping records and satellite images show that Iran sent fuel to Syria.",  # evidence
        "Iran sent 90 drones to Russia, of which Ukrainian officials say 40 were shot down.",
        "Peru ordered six jets from Korea in a deal estimated at $300 million.",  # a value
        "Ankara has never confirmed the sale of drones to Niger.",  # a negated speech verb
    ],
)
def test_attribution_leaves_the_outlet_voice_when_no_one_speaks_for_the_claim(
    analyser: Analyser, text: str
) -> None:
    assert _sources(analyser, text)[-1].kind == SourceKind.UNATTRIBUTED


def test_attribution_he_after_a_denial_is_the_denier(analyser: Analyser) -> None:
    text = (
        "Defence Minister Tomas Hale rejected the allegation. "
        '"We have never sent weapons to Sudan," he told reporters.'
    )
    assert [s.name for s in _sources(analyser, text)] == ["Tomas Hale", "Tomas Hale"]


def test_attribution_they_is_the_last_group_not_the_last_person(analyser: Analyser) -> None:
    text = (
        "Jon Berg, an analyst, said Iran had shipped drones to Russia. "
        "Both governments acknowledged that troops had been sent. "
        "They continue to deny that Tehran supplies missiles."
    )
    sources = _sources(analyser, text)
    assert sources[0].name == "Jon Berg"
    assert sources[2] == sources[1]
    assert sources[2].kind != SourceKind.PERSON


def test_attribution_the_pentagon_is_not_the_last_person_who_spoke(analyser: Analyser) -> None:
    text = (
        "President Ana Ruiz said Chile would buy tanks. "
        "The Pentagon has announced a new package for Ukraine."
    )
    sources = _sources(analyser, text)
    assert sources[1].name != "Ana Ruiz"
    assert sources[1].kind == SourceKind.GOVERNMENT


def test_attribution_media_citing_others_gives_way_only_to_the_cited(analyser: Analyser) -> None:
    cited = "Iran sent drones to Russia, Reuters reported, citing two European officials."
    aside = "Iran sent drones to Russia, state media reported, as rights groups say."
    assert _sources(analyser, cited)[-1].kind == SourceKind.ANONYMOUS
    assert _sources(analyser, aside)[-1].kind == SourceKind.MEDIA


def test_attribution_unnamed_source_runs_on_until_a_dated_background_fact(
    analyser: Analyser,
) -> None:
    text = (
        "A source in Minsk said Belarus ships shells to Russia every week.\n"
        "The trains leave from Baranovichi at night.\n"
        "Belarus bought 12 drones from China in 2019."
    )
    kinds = [s.kind for s in _sources(analyser, text)]
    assert kinds == [SourceKind.ANONYMOUS, SourceKind.ANONYMOUS, SourceKind.UNATTRIBUTED]


def test_attribution_speaker_before_a_quoted_phrase_and_a_conjunction(analyser: Analyser) -> None:
    text = (
        'Foreign ministry spokesman Omar Haddad called the report "a fabrication" and repeated '
        'that Damascus "has never sent rockets to Lebanon".'
    )
    assert _sources(analyser, text)[-1].name == "Omar Haddad"


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        # The sentence's full stop is no part of the channel; an abbreviation keeps its own.
        ("Iran has sent drones to Russia, a senior official told CNN.", "CNN"),
        ("Iran has sent drones to Russia, a senior official told Kyodo News.", "Kyodo News"),
    ],
)
def test_attribution_channel_drops_the_sentence_stop(
    analyser: Analyser, text: str, channel: str
) -> None:
    (source,) = _sources(analyser, text)
    assert source.channel == channel
