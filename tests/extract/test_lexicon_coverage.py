"""The actor and item lexicons name the world's states, armed groups, companies and weapons.

The tables were written by hand from public facts (ISO codes, home states, what a weapon is),
not copied from the engine's output; each row fails if its entry is missing or misfiled.
"""

from __future__ import annotations

import pytest

from armsledger.domain.core import Document, DocumentMeta
from armsledger.extract.claims import Extractor
from armsledger.extract.lookup import Automaton, Hit, content_automaton, fold, longest_first
from armsledger.lexicon import ActorTerm, ItemTerm, Lexicons


@pytest.fixture(scope="module")
def automaton(lexicons: Lexicons) -> Automaton:
    return content_automaton(lexicons)


def _whole_hits(automaton: Automaton, text: str, kind: str) -> list[Hit]:
    """The hits of one kind that cover the whole text, as the matcher finds them in prose."""
    hits = [h for h in automaton.hits(text, fold(text)) if h.kind == kind]
    return [h for h in longest_first(hits) if (h.start, h.end) == (0, len(text))]


def _actor_ids(automaton: Automaton, text: str) -> set[str]:
    return {
        h.payload.actor_id
        for h in _whole_hits(automaton, text, "actor")
        if isinstance(h.payload, ActorTerm) and h.payload.role != "name"
    } or {
        h.payload.actor_id
        for h in _whole_hits(automaton, text, "actor")
        if isinstance(h.payload, ActorTerm)
    }


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        # everyday names and short forms
        ("US", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("UAE", "ARE"),
        ("the DRC", "COD"),
        ("Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("Burma", "MMR"),
        ("Czechia", "CZE"),
        ("Bosnia", "BIH"),
        ("East Timor", "TLS"),
        ("Swaziland", "SWZ"),
        ("New Jersey", "USA"),
        # demonyms
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Belarusian", "BLR"),
        ("Turkish", "TUR"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Burkinabe", "BFA"),
        ("Chadian", "TCD"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
        ("Ivorian", "CIV"),
        ("Spaniards", "ESP"),
        ("Czechs", "CZE"),
        # capitals as metonyms
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Minsk", "BLR"),
        ("Riyadh", "SAU"),
        ("Abu Dhabi", "ARE"),
        ("Ankara", "TUR"),
        ("Tel Aviv", "ISR"),
        ("Baku", "AZE"),
        ("Yerevan", "ARM"),
        ("New Delhi", "IND"),
        ("Islamabad", "PAK"),
        ("Naypyidaw", "MMR"),
        ("Bamako", "MLI"),
        ("Ouagadougou", "BFA"),
        ("Niamey", "NER"),
        ("Port Sudan", "SDN"),
        ("Caracas", "VEN"),
        ("Taipei", "TWN"),
        # organs standing for their state
        ("the Pentagon", "USA"),
        ("Downing Street", "GBR"),
        ("the Kremlin", "RUS"),
        ("Élysée", "FRA"),
        ("Bundeswehr", "DEU"),
        ("IDF", "ISR"),
        ("Quds Force", "IRN"),
        ("KPA", "PRK"),
        ("PLA", "CHN"),
        ("Tatmadaw", "MMR"),
        ("SBU", "UKR"),
        ("Mossad", "ISR"),
        ("CIA", "USA"),
        ("Rosoboronexport", "RUS"),
        ("Sudanese Armed Forces", "SDN"),
        # leaders
        ("Kim Jong Un", "PRK"),
        ("Erdogan", "TUR"),
        ("Lukashenko", "BLR"),
        ("Pezeshkian", "IRN"),
        ("Aliyev", "AZE"),
        ("Pashinyan", "ARM"),
        ("Mohammed bin Salman", "SAU"),
        ("MBZ", "ARE"),
        ("Min Aung Hlaing", "MMR"),
        ("Burhan", "SDN"),
        # armed groups and companies by canonical name
        ("Ansar Allah", "Houthis"),
        ("Sanaa", "Houthis"),
        ("Hemedti", "RSF"),
        ("Africa Corps", "Wagner Group"),
        ("Hashd al-Shaabi", "Popular Mobilization Forces"),
        ("Islamic State", "Islamic State"),
        ("Haftar", "Libyan National Army"),
        ("M23", "M23"),
        ("JNIM", "JNIM"),
        ("PKK", "PKK"),
        ("Tigray Defense Forces", "TPLF"),
        ("Krauss-Maffei Wegmann", "KNDS"),
        ("Hyundai Rotem", "Hyundai Rotem"),
        ("Yugoimport", "Yugoimport"),
        ("Israel Aerospace Industries", "Israel Aerospace Industries"),
        ("Brussels", "European Union"),
    ],
)
def test_lexicon_coverage_actor_surface_names_actor(
    automaton: Automaton, surface: str, actor_id: str
) -> None:
    assert _actor_ids(automaton, surface) == {actor_id}


@pytest.mark.parametrize(
    ("actor_id", "kind", "state"),
    [
        ("Hezbollah", "armed_group", "LBN"),
        ("Houthis", "armed_group", "YEM"),
        ("RSF", "armed_group", "SDN"),
        ("al-Shabaab", "armed_group", "SOM"),
        ("Arakan Army", "armed_group", "MMR"),
        ("Baykar", "company", "TUR"),
        ("Roketsan", "company", "TUR"),
        ("Rheinmetall", "company", "DEU"),
        ("Hanwha Aerospace", "company", "KOR"),
        ("Norinco", "company", "CHN"),
        ("Elbit Systems", "company", "ISR"),
        ("Poongsan", "company", "KOR"),
        ("Lockheed Martin", "company", "USA"),
        ("KNDS", "company", None),
        ("NATO", "organization", None),
    ],
)
def test_lexicon_coverage_nonstate_has_kind_and_home_state(
    lexicons: Lexicons, actor_id: str, kind: str, state: str | None
) -> None:
    actor = lexicons.actor_by_id(actor_id)
    assert actor is not None
    assert (actor.kind.value, actor.state) == (kind, state)


@pytest.mark.parametrize(
    ("surface", "category", "designation"),
    [
        ("Shahed-136s", "drones", "Shahed-136"),
        ("Geran-2", "drones", "Geran-2"),
        ("Bayraktar Akinci", "drones", "Akinci"),
        ("Harop", "drones", "Harop"),
        ("Kargu", "drones", "Kargu"),
        ("CH-4", "drones", "CH-4"),
        ("Hermes 900", "drones", "Hermes 900"),
        ("FPV drones", "drones", None),
        ("KN 23", "missiles", "KN-23"),
        ("Fateh-313", "missiles", "Fateh-313"),
        ("Iskander", "missiles", "Iskander"),
        ("Storm Shadow", "missiles", "Storm Shadow"),
        ("Kh-101", "missiles", "Kh-101"),
        ("BrahMos", "missiles", "BrahMos"),
        ("anti-tank guided missiles", "missiles", None),
        ("GMLRS", "rockets", "GMLRS"),
        ("Katyusha", "rockets", "Katyusha"),
        ("Grad", "rockets", "Grad"),
        ("HIMARS", "artillery_systems", "HIMARS"),
        ("BM-21", "artillery_systems", "BM-21"),
        ("2S19", "artillery_systems", "2S19"),
        ("Zuzana 2", "artillery_systems", "Zuzana 2"),
        ("D-30", "artillery_systems", "D-30"),
        ("Grad launchers", "artillery_systems", None),
        ("howitzer shells", "artillery_ammunition", None),
        ("mortar bombs", "artillery_ammunition", None),
        ("Excalibur", "artillery_ammunition", "Excalibur"),
        ("guided bombs", "ammunition", None),
        ("JDAM", "ammunition", "JDAM"),
        ("landmines", "ammunition", None),
        ("Leopard 2A4s", "armored_vehicles", "Leopard 2"),
        ("Stridsvagn 122", "armored_vehicles", "Stridsvagn 122"),
        ("MT-LB", "armored_vehicles", "MT-LB"),
        ("Bushmaster", "armored_vehicles", "Bushmaster"),
        ("armoured fighting vehicles", "armored_vehicles", None),
        ("Su-30SM", "aircraft", "Su-30"),
        ("JF-17", "aircraft", "JF-17"),
        ("Yak-130", "aircraft", "Yak-130"),
        ("Black Hawks", "aircraft", "Black Hawk"),
        ("Mi-35", "aircraft", "Mi-35"),
        ("Patriot missiles", "air_defense", "Patriot"),
        ("S-400 missiles", "air_defense", "S-400"),
        ("NASAMS", "air_defense", "NASAMS"),
        ("IRIS-T SLM", "air_defense", "IRIS-T SLM"),
        ("Skynex", "air_defense", "Skynex"),
        ("Iron Dome", "air_defense", "Iron Dome"),
        ("Igla", "air_defense", "Igla"),
        ("interceptors", "air_defense", None),
        ("MANPADS", "air_defense", None),
        ("corvettes", "naval", None),
        ("aircraft carriers", "naval", None),
        ("AK-47s", "small_arms", "AK-47"),
        ("RPG-7", "small_arms", "RPG-7"),
        ("sniper rifles", "small_arms", None),
        ("semiconductors", "components", None),
        ("ball bearings", "components", None),
        ("CNC machines", "components", None),
        ("thermal cameras", "components", None),
        ("nitrocellulose", "raw_materials", None),
        ("diesel", "fuel", None),
        ("jet fuel", "fuel", None),
        ("sunflower oil", "food", None),
        ("wheat", "food", None),
        ("cash", "money", None),
        ("blueprints", "technology", None),
        ("assembly line", "technology", None),
        ("mercenaries", "personnel", None),
        ("instructors", "personnel", None),
        ("labourers", "workers", None),
        ("tear gas", "weapons", None),
        ("body armour", "weapons", None),
    ],
)
def test_lexicon_coverage_item_surface_has_category(
    automaton: Automaton, surface: str, category: str, designation: str | None
) -> None:
    terms = [h.payload for h in _whole_hits(automaton, surface, "item")]
    assert terms, f"{surface!r} is not an item"
    # The term's designation: a variant suffix ("2A4", "SM") is added later, from the text.
    assert {(t.category, t.designation) for t in terms if isinstance(t, ItemTerm)} == {
        (category, designation)
    }


@pytest.mark.parametrize("surface", ["bearing", "payment", "patriotic", "launchers", "fighters"])
def test_lexicon_coverage_risky_words_are_not_goods(automaton: Automaton, surface: str) -> None:
    """Words that look like goods but mostly are not: a verb form ("trucks bearing"), the
    counter-flow noun ("as payment for"), a longer word, a user ("for Ukraine's launchers"), or
    a word shared by jets and militants."""
    assert _whole_hits(automaton, surface, "item") == []


@pytest.mark.parametrize(
    "sentence",
    ["Oil prices rose.", "The arms embargo holds.", "F-16 pilots trained.", "Gas fields burn."],
)
def test_lexicon_coverage_blocking_heads_stop_producer_readings(
    extractor: Extractor, sentence: str
) -> None:
    # Each item word is followed by a blocking head: with no goods there is no claim.
    document = Document(id="b", text=sentence, content_hash="b", meta=DocumentMeta())
    assert list(extractor.extract(document)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Israel has supplied Azerbaijan with Harop loitering munitions.",
            ("ISR", "AZE", "drones", "Harop"),
        ),
        ("Port Sudan received Mohajer-6 drones from Iran.", ("IRN", "SDN", "drones", "Mohajer-6")),
        ("The UAE supplied drones to the RSF.", ("ARE", "RSF", "drones", None)),
        ("Iran has shipped Burkan missiles to Sanaa.", ("IRN", "Houthis", "missiles", "Burkan")),
        ("Delhi bought S-400 missiles from Moscow.", ("RUS", "IND", "air_defense", "S-400")),
        ("Pakistan sold JF-17 fighter jets to Azerbaijan.", ("PAK", "AZE", "aircraft", "JF-17")),
        ("Rwanda has supplied weapons to the M23.", ("RWA", "M23", "weapons", None)),
        ("India buys Russian crude.", ("RUS", "IND", "fuel", None)),
        (
            "China exported nitrocellulose to Russia for use in propellant.",
            ("CHN", "RUS", "raw_materials", None),
        ),
    ],
)
def test_lexicon_coverage_sentence_yields_claim(
    extractor: Extractor, sentence: str, expected: tuple[str, str, str, str | None]
) -> None:
    document = Document(id="s", text=sentence, content_hash="s", meta=DocumentMeta())
    found = {
        (c.supplier.id, c.recipient.id, c.item.category, c.item.designation)
        for c in extractor.extract(document)
    }
    assert expected in found
