"""Parties no lexicon lists: companies and armed groups by their organisation markers."""

from __future__ import annotations

import pytest

from armsledger.domain.core import ActorKind
from armsledger.extract.lookup import Hit, content_automaton, fold, longest_first
from armsledger.extract.organisations import OrganisationFinder, PartyKinds, with_organisations
from armsledger.lexicon import ActorTerm, ItemTerm, Lexicons

COMPANY, GROUP = ActorKind.COMPANY, ActorKind.ARMED_GROUP


def _actors(lexicons: Lexicons, text: str) -> list[tuple[str, str]]:
    """(text as written, actor id) of every actor hit kept after the longest-match rule."""
    finder = OrganisationFinder(lexicons.organisations)
    hits, _ = with_organisations(
        finder, lexicons, text, content_automaton(lexicons).hits(text, fold(text))
    )
    found = [
        (hit.start, hit.text, hit.payload.actor_id)
        for hit in longest_first(hits)
        if hit.kind == "actor" and isinstance(hit.payload, ActorTerm)
    ]
    return [(written, actor_id) for _, written, actor_id in dict.fromkeys(found)]


def _names(lexicons: Lexicons, text: str) -> list[tuple[str, ActorKind]]:
    finder = OrganisationFinder(lexicons.organisations)
    hits = list(content_automaton(lexicons).hits(text, fold(text)))
    known = [(h.start, h.end) for h in hits if h.kind in ("actor", "organ")]
    weapons = [
        (h.start, h.end) for h in hits if isinstance(h.payload, ItemTerm) and h.payload.designation
    ]
    return [(org.name, org.kind) for org in finder.find(text, known, weapons)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Legal forms after the name, kept as written.
        ("It was sold to Marlow Freight Ltd last year.", [("Marlow Freight Ltd", COMPANY)]),
        ("Nordwind Handels GmbH arranged it.", [("Nordwind Handels GmbH", COMPANY)]),
        (
            "a contract with Pinecrest Ordnance a.s. was signed in the end.",
            [("Pinecrest Ordnance a.s.", COMPANY)],
        ),
        ("through Kaveri Exports Pvt Ltd and in the end.", [("Kaveri Exports Pvt Ltd", COMPANY)]),
        ("from Andes Frontera S.A.C., a front in the end.", [("Andes Frontera S.A.C.", COMPANY)]),
        ("via Sable Ridge Co., Ltd. in Shenzhen in the end.", [("Sable Ridge Co., Ltd.", COMPANY)]),
        # A legal form before the name.
        ("PT Sarana Persada delivered them in the end.", [("PT Sarana Persada", COMPANY)]),
        # Head words end a company's name; the head alone names no one.
        ("Danube Tactical Solutions said in the end.", [("Danube Tactical Solutions", COMPANY)]),
        ("parts from Kestrel Components were in the end.", [("Kestrel Components", COMPANY)]),
        ("Silk Way West Airlines flew in the end.", [("Silk Way West Airlines", COMPANY)]),
        (
            "Kawasaki Heavy Industries will build two submarines.",
            [("Kawasaki Heavy Industries", COMPANY)],
        ),
        # Armed groups: a group head ends the name, a descriptor follows it and is left out.
        ("the Karbala Martyrs Brigades said in the end.", [("Karbala Martyrs Brigades", GROUP)]),
        ("members of the Los Halcones gang were in the end.", [("Los Halcones", GROUP)]),
        ("the Comandos de la Frontera gang in the end.", [("Comandos de la Frontera", GROUP)]),
        ("sold to the Noroeste cartel in the end.", [("Noroeste", GROUP)]),
        (
            "a commander of the Kivu Liberation Front said in the end.",
            [("Kivu Liberation Front", GROUP)],
        ),
        # A possessive ends the name: "Danube Tactical Solutions' director".
        (
            "Danube Tactical Solutions' director in the end.",
            [("Danube Tactical Solutions", COMPANY)],
        ),
    ],
)
def test_finder_recognises_marked_names(
    lexicons: Lexicons, text: str, expected: list[tuple[str, ActorKind]]
) -> None:
    assert _names(lexicons, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Lars Holm said the order was signed.",  # a title, not a company
        "the Ministry of Defence Industry said",  # a ministry belongs to its state
        "Sweden's Defence Materiel Administration placed the order",
        "The Colombian Aerospace Force received two aircraft.",  # an armed service
        "the Armed Forces of the Philippines",
        "Rival gangs bought rifles.",  # a capitalised word that opens a sentence
        "Kurdish militia fighters received rifles.",  # an ethnic adjective
        "Trading Systems fell on the news.",  # head words alone
        "The Stockholm International Peace Research Institute said",
        "Defence Procurement Weekly tracks contracts.",  # an outlet
        "the German Navy and the Special Forces Command",
        "Iran-backed militias have received drones.",  # a compound adjective, and a known state
        "Qatar Airways flew the delegation home.",  # a known state inside: the lexicon wins
        "Rafale Marine jets were ordered.",  # a weapon's name with a head word
        "The 47th Mechanized Brigade received the tanks.",  # a unit of a state's army
        "Soldiers of the 3rd Separate Assault Brigade said so.",
        "The USS Ford Carrier Strike Group sailed.",
        "Russia's Border Forces said so.",
        "Small Arms are cheap, the Sanctions Monitoring Group said.",
        "Ukraine's Territorial Defence Forces received rifles.",
    ],
)
def test_finder_leaves_ordinary_capitals_alone(lexicons: Lexicons, text: str) -> None:
    assert _names(lexicons, text) == []


def test_finder_skips_headlines(lexicons: Lexicons) -> None:
    text = (
        "Gangs Buy Rifles From Harbour View Trading In Port Raid\n\n"
        "It was sold by Harbour View Trading."
    )
    # Only the mention in the sentence below the headline is a name.
    assert _names(lexicons, text) == [("Harbour View Trading", COMPANY)]


def test_with_organisations_short_form_takes_full_name(lexicons: Lexicons) -> None:
    text = "Brightwater Logistics Ltd chartered a ship. Later Brightwater Logistics sold rifles."
    assert _actors(lexicons, text) == [
        ("Brightwater Logistics Ltd", "Brightwater Logistics Ltd"),
        ("Brightwater Logistics", "Brightwater Logistics Ltd"),
    ]


def test_with_organisations_gang_short_form(lexicons: Lexicons) -> None:
    text = "The Los Halcones gang grew. Police say Los Halcones bought pistols."
    assert _actors(lexicons, text) == [
        ("Los Halcones", "Los Halcones"),
        ("Los Halcones", "Los Halcones"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A known company wins and takes its head words and legal form along.
        ("Baykar Technologies delivered drones.", [("Baykar Technologies", "Baykar")]),
        ("Saab AB signed it.", [("Saab AB", "Saab")]),
        # A known state inside a candidate cuts it; the rest is no name.
        ("Poland Defence Holdings sold", [("Poland", "POL")]),
        # "the company" refers back to the company named last.
        (
            "Orbis Trading Ltd was named. The company sold rifles to Chad.",
            [
                ("Orbis Trading Ltd", "Orbis Trading Ltd"),
                ("The company", "Orbis Trading Ltd"),
                ("Chad", "TCD"),
            ],
        ),
        # With no company named before it, "the company" is nobody.
        ("The company sold rifles to Chad.", [("Chad", "TCD")]),
        # A place that locates a named company is no party; without a name it stands for the
        # state ("Hong Kong-registered shell companies").
        (
            "a Cyprus-registered firm, Talos Shipping Ltd, sold",
            [("Talos Shipping Ltd", "Talos Shipping Ltd")],
        ),
        (
            "Talos Shipping Ltd, a Malta-based broker, sold",
            [("Talos Shipping Ltd", "Talos Shipping Ltd")],
        ),
        ("Cyprus-registered shell companies sold", [("Cyprus", "CYP")]),
    ],
)
def test_with_organisations_known_actors_and_references(
    lexicons: Lexicons, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _actors(lexicons, text) == expected


@pytest.mark.parametrize(
    ("text", "state_kept"),
    [
        ("a deal worth US$ 8.1 billion", False),
        ("a deal worth US$8.1 billion", False),
        ("the US sent 8 jets", True),
        ("the US, $8 billion in aid", True),
    ],
)
def test_with_organisations_currency_prefix_is_no_party(
    lexicons: Lexicons, text: str, state_kept: bool
) -> None:
    assert (("US", "USA") in _actors(lexicons, text)) is state_kept


@pytest.mark.parametrize(
    ("actor_id", "can_sell", "is_state"),
    [
        ("Baykar", True, False),  # a lexicon company
        ("Marlow Freight Ltd", True, False),  # a recognised company
        ("Los Halcones", False, False),  # a recognised armed group
        ("Hezbollah", False, False),
        ("SWE", False, True),
        ("Unknown Name", False, False),
    ],
)
def test_party_kinds_sellers_and_states(
    lexicons: Lexicons, actor_id: str, can_sell: bool, is_state: bool
) -> None:
    kinds = PartyKinds(
        lexicons=lexicons,
        recognised={"Marlow Freight Ltd": COMPANY, "Los Halcones": GROUP},
    )
    assert kinds.can_sell(actor_id) is can_sell
    assert kinds.is_state(actor_id) is is_state


def test_finder_without_word_lists_finds_nothing() -> None:
    finder = OrganisationFinder({})
    assert finder.find("Marlow Freight Ltd sold rifles.", []) == []
    hit = Hit(start=0, end=4, kind="actor", payload="x", text="Saab")
    assert finder.extended("Saab AB", hit) is hit
