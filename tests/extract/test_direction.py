"""The direction grammar's second-round rules: goods versus targets and purposes, sentences that
assert no transfer, ranges, elided and pronoun objects, object relatives, denials naming goods,
and clauses of their own. Every sentence is written for the test, none is taken from an article.
"""

from __future__ import annotations

import re

import pytest
from tests.extract.prefilters import check_prefilter_passes_matches

from armsledger.domain.core import Claim, Document, DocumentMeta
from armsledger.extract.claims import Extractor
from armsledger.extract.direction import _NOT_ASSERTED, _TARGET, NOT_ASSERTED_WORDS, TARGET_WORDS
from armsledger.extract.lookup import may_contain, prefilter_text


def _claims(extractor: Extractor, text: str) -> list[Claim]:
    document = Document(id="doc", text=text, content_hash="x", meta=DocumentMeta())
    return extractor.extract(document)


def _flows(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    return {
        (claim.supplier.id, claim.recipient.id, claim.item.category, claim.polarity.value)
        for claim in _claims(extractor, text)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the goods are used against, or protect from, is not more goods.
        (
            "Britain will deliver missiles to Ukraine to protect it from drone and missile "
            "attacks.",
            {("GBR", "UKR", "missiles", "affirmed")},
        ),
        (
            "Sweden has sold Estonia artillery shells and a capability against cruise missiles, "
            "aircraft and drones.",
            {("SWE", "EST", "artillery_ammunition", "affirmed")},
        ),
        # After goods, "for" names what they serve.
        (
            "Poland delivered ammunition for Leopard tanks to Ukraine.",
            {("POL", "UKR", "ammunition", "affirmed")},
        ),
        # An item word used as a verb after a relative pronoun or "to".
        (
            "Russia has supplied Myanmar with aircraft that bomb villages.",
            {("RUS", "MMR", "aircraft", "affirmed")},
        ),
    ],
    ids=["protect-from", "against-list", "for-purpose", "item-as-verb"],
)
def test_direction_skips_targets_and_purposes(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _flows(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Berlin refused to send Taurus missiles to Kyiv.",
        "We found no evidence that China has supplied rifles to Russia.",
        "Washington froze sales of fighter jets to Turkey in 2019.",
        "Russia tightened export controls on drones.",
        "The shells were manufactured specifically for export.",
    ],
    ids=["refused", "no-evidence", "froze", "export-controls", "for-export"],
)
def test_direction_reads_no_transfer_from_refusals_bans_and_modifiers(
    extractor: Extractor, text: str
) -> None:
    assert _flows(extractor, text) == set()


def test_direction_range_makes_one_claim_bounded_by_both_figures(extractor: Extractor) -> None:
    claims = _claims(extractor, "Iran has sent between $2bn and $3bn of weapons to Russia.")
    quantities = {claim.quantity for claim in claims}
    assert len(quantities) == 1
    quantity = quantities.pop()
    assert quantity is not None
    # The stated value is the first figure, or none where the reader keeps only the bounds.
    assert quantity.value in (2e9, None)
    assert (quantity.low, quantity.high, quantity.unit) == (2e9, 3e9, "usd")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count with a unit noun takes the goods of the transfer in the sentence before.
        (
            "Russia agreed to supply India with five S-400 squadrons. Russia has so far "
            "delivered three squadrons.",
            {("RUS", "IND", "air_defense", 5.0), ("RUS", "IND", "air_defense", 3.0)},
        ),
        # A vague count repeats the goods named before it, without a number.
        (
            "Denmark has sent 19 F-16 jets to Ukraine, and Norway has sent an unspecified number.",
            {("DNK", "UKR", "aircraft", 19.0), ("NOR", "UKR", "aircraft", None)},
        ),
        # "them" after a transfer verb: the goods named in a sentence without a transfer.
        (
            "Investigators found Chinese-made howitzers in Sudan. China sold them to the UAE.",
            {("CHN", "ARE", "artillery_systems", None)},
        ),
    ],
    ids=["unit-count-next-sentence", "unspecified-number", "pronoun-object"],
)
def test_direction_elided_goods_come_from_earlier_mentions(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, float | None]]
) -> None:
    found = {
        (
            claim.supplier.id,
            claim.recipient.id,
            claim.item.category,
            claim.quantity.value if claim.quantity else None,
        )
        for claim in _claims(extractor, text)
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The goods before "that" + subject + verb are its object.
        (
            "The tanks that Poland sent to Ukraine were Soviet-era models.",
            {("POL", "UKR", "armored_vehicles", "affirmed")},
        ),
        # "and that" opens a second reported clause with its own (missing) verb.
        (
            "The Council said Iran had delivered missiles to Russia and that Russian personnel "
            "had been trained in Iran.",
            {("IRN", "RUS", "missiles", "affirmed")},
        ),
        # ", with X <verb>-ing": an absolute clause, not more goods of the main verb.
        (
            "Denmark will supply 50 tanks to Ukraine, with the Netherlands contributing funding.",
            {("DNK", "UKR", "armored_vehicles", "affirmed")},
        ),
        # A repeated preposition still coordinates the recipients.
        (
            "Serbia has never sent weapons to Ukraine or to Russia.",
            {("SRB", "UKR", "weapons", "denied"), ("SRB", "RUS", "weapons", "denied")},
        ),
        # A share of the possessor's imports goes to the possessor; "according to" names a
        # source, never a recipient.
        (
            "Israel supplied about 60% of Azerbaijan's arms imports, according to the "
            "Stockholm International Peace Research Institute.",
            {("ISR", "AZE", "weapons", "affirmed")},
        ),
        # A carrier that is a party sends what it carries.
        (
            "Iranian couriers were caught carrying cash intended for Hezbollah.",
            {("IRN", "Hezbollah", "money", "affirmed")},
        ),
    ],
    ids=["object-relative", "and-that", "with-absolute", "or-to", "share-of", "party-carrier"],
)
def test_direction_roles_follow_clause_structure(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _flows(extractor, text) == expected


def test_direction_denial_naming_goods_denies_those_goods(extractor: Extractor) -> None:
    text = (
        "Iran has sent drones and missiles to Russia, officials said. "
        "Both countries have denied any missile transfer."
    )
    denied = {f for f in _flows(extractor, text) if f[3] == "denied"}
    assert denied == {("IRN", "RUS", "missiles", "denied")}


def test_direction_domestic_order_lends_no_partner(extractor: Extractor) -> None:
    text = (
        "Germany has delivered 18 tanks to Ukraine. "
        "Rheinmetall received an order from the German government for shells. "
        "Berlin has also committed 10,000 shells."
    )
    flows = _flows(extractor, text)
    assert ("DEU", "UKR", "artillery_ammunition", "affirmed") in flows
    assert not any(flow[1] == "Rheinmetall" for flow in flows)


@pytest.mark.parametrize(
    "text",
    [
        # A total that reaches a level names no partner, even after a transfer to one.
        "Norway has sent rifles to Ukraine. Norwegian arms exports reached $2 billion last year.",
        # A source named only as "companies in Asia" is not replaced by an earlier supplier.
        "Iran has sent drones to Russia. Russia also bought engines from companies in Asia.",
    ],
    ids=["total-reached", "unnamed-source"],
)
def test_direction_lends_no_partner_to_totals_or_unnamed_sources(
    extractor: Extractor, text: str
) -> None:
    flows = _flows(extractor, text)
    assert len(flows) == 1
    assert flows.pop()[2] in ("small_arms", "drones")


def test_direction_opening_pronoun_with_any_past_verb_continues_the_subject(
    extractor: Extractor,
) -> None:
    text = "Egypt wants more air defence. It bought Chinese drones last year."
    assert _flows(extractor, text) == {("CHN", "EGY", "drones", "affirmed")}


@pytest.mark.parametrize(
    "text",
    [
        "Norway paused a shipment of howitzers to Lithuania after the accident.",
        "Peru cancelled its order for 12 Korean tanks.",
        "Canada has put on hold the export of drones to Turkey.",
        "Brazil revoked the licence for the sale of rifles to Chad.",
        "Washington withheld deliveries of artillery shells to Taiwan.",
    ],
    ids=["paused", "cancelled", "put-on-hold", "revoked", "withheld"],
)
def test_direction_reads_no_transfer_from_halted_or_cancelled_deals(
    extractor: Extractor, text: str
) -> None:
    assert _flows(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An origin phrase after the goods gives the supplier when none is named ...
        (
            "Kenya received armoured vehicles made in Bulgaria.",
            {("BGR", "KEN", "armored_vehicles", "affirmed")},
        ),
        (
            "Al-Shabaab obtained mortars of Serbian origin.",
            {("SRB", "al-Shabaab", "artillery_systems", "affirmed")},
        ),
        (
            "Bolivia acquired pistols and shotguns manufactured in Brazil.",
            {("BRA", "BOL", "small_arms", "affirmed")},
        ),
        # ... and never displaces a named one.
        (
            "Egypt sold helicopters built in Russia to Sudan.",
            {("EGY", "SDN", "aircraft", "affirmed")},
        ),
        # Goods that come along with others made elsewhere do not take their maker.
        (
            "Turkey sent drones to Qatar together with bombs made by Roketsan.",
            {("TUR", "QAT", "drones", "affirmed"), ("TUR", "QAT", "ammunition", "affirmed")},
        ),
    ],
    ids=["made-in", "of-origin", "list-manufactured-in", "named-supplier", "along"],
)
def test_direction_origin_phrase_after_goods(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _flows(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The payee of a payment naming none is who last sold to the payer; the goods paid
        # for were that transfer, so only the payment is new.
        (
            "Zambia bought Chinese jets in 2022. Lusaka paid for the aircraft in copper.",
            {("CHN", "ZMB", "aircraft", "affirmed"), ("ZMB", "CHN", "raw_materials", "affirmed")},
        ),
        # A denied sale lends no payee.
        (
            "Ghana has not bought Russian helicopters. Accra paid in cash.",
            {("RUS", "GHA", "aircraft", "denied")},
        ),
    ],
    ids=["payee-from-last-sale", "no-payee-from-denial"],
)
def test_direction_payment_without_payee_pays_the_last_seller(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _flows(extractor, text) == expected


def test_direction_payee_must_have_sold_the_named_type(extractor: Extractor) -> None:
    # The Wing Loong drones paid for were not the rifles Serbia sold: no payee, no claim.
    text = "Serbia sold rifles to the LNA. The LNA paid for the Wing Loong drones with gold."
    assert _flows(extractor, text) == {("SRB", "Libyan National Army", "small_arms", "affirmed")}


def test_direction_company_right_before_goods_is_their_maker(extractor: Extractor) -> None:
    text = "Ghana ordered 8 Otokar Cobra II armoured vehicles."
    assert _flows(extractor, text) == {("Otokar", "GHA", "armored_vehicles", "affirmed")}


@pytest.mark.parametrize(
    ("pattern", "words"), [(_NOT_ASSERTED, NOT_ASSERTED_WORDS), (_TARGET, TARGET_WORDS)]
)
def test_may_contain_passes_every_window_the_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    check_prefilter_passes_matches(pattern, words, examples=400)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Berlin REFUSED to send tanks", 0, 28, True),  # case aside
        ("Berlin refused to send tanks", 10, 28, False),  # the word starts before the window
        ("Berlin refused to send tanks", 0, 10, False),  # and ends after it
        ("Paris sent them the tanks", 0, 25, False),
    ],
)
def test_may_contain_finds_words_inside_the_window(
    text: str, start: int, end: int, expected: bool
) -> None:
    assert may_contain(prefilter_text(text), NOT_ASSERTED_WORDS, start, end) is expected


@pytest.mark.parametrize("letter", ["\u0131", "\u017f", "\u0130"])
def test_prefilter_text_gives_up_on_letters_lower_does_not_fold(letter: str) -> None:
    # "ı", "ſ" and "İ" match ASCII letters case-insensitively but lower() keeps them (or makes
    # two characters of "İ"): a literal search on the lowered text would miss the match.
    text = f"Pari{letter} halted the deliveries"
    assert prefilter_text(text) is None
    assert may_contain(None, NOT_ASSERTED_WORDS, 0, 0)
