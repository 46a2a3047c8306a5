"""ingest/boilerplate.py on the seeds and on documents written here in other outlets' styles.

Each case names passages that must lie inside a marked span and passages, real reporting, that
must not touch one. The passages were chosen by reading the texts, not from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.domain.core import Document, DocumentMeta
from armsledger.ingest.boilerplate import boilerplate_line_keys, mark_boilerplate
from armsledger.ingest.ids import content_hash
from armsledger.ingest.read import iter_inputs


def make_document(text: str, doc_id: str = "doc") -> Document:
    return Document(id=doc_id, text=text, content_hash=content_hash(text))


def is_marked(document: Document, passage: str) -> bool:
    """True when every occurrence of `passage` lies inside one marked span."""
    start = document.text.find(passage)
    assert start >= 0, f"{passage!r} is not in {document.id}"
    while start >= 0:
        end = start + len(passage)
        if not any(
            span_start <= start and end <= span_end for span_start, span_end in document.boilerplate
        ):
            return False
        start = document.text.find(passage, start + 1)
    return True


def touches_marked(document: Document, passage: str) -> bool:
    """True when any character of any occurrence of `passage` is inside a marked span."""
    start = document.text.find(passage)
    assert start >= 0, f"{passage!r} is not in {document.id}"
    while start >= 0:
        end = start + len(passage)
        if any(
            span_start < end and start < span_end for span_start, span_end in document.boilerplate
        ):
            return True
        start = document.text.find(passage, start + 1)
    return False


def has_unmarked_copy(document: Document, passage: str) -> bool:
    """True when some occurrence of `passage` has no character inside a marked span."""
    start = document.text.find(passage)
    while start >= 0:
        end = start + len(passage)
        if not any(
            span_start < end and start < span_end for span_start, span_end in document.boilerplate
        ):
            return True
        start = document.text.find(passage, start + 1)
    return False


def assert_spans_valid(document: Document) -> None:
    previous_end = -1
    for start, end in document.boilerplate:
        assert previous_end < start < end <= len(document.text), document.boilerplate
        marked = document.text[start:end]
        # Spans start and end on text, never on the whitespace around it.
        assert marked == marked.strip()
        previous_end = end


def mark_one(text: str) -> Document:
    (document,) = mark_boilerplate([make_document(text)])
    assert_spans_valid(document)
    return document


SEED_CASES = {
    "000_fb10a3be3517cc3e": (
        [
            "READ MORE: Putin ‘only needs to hang on for 12 more months’",
            "Don’t miss…",
            "Germany powerless to defend itself and NATO against Russia if attacked[LATEST]",
            "broadcasts British appeal[LATEST]",
            "Support fearless journalism",
            "Read The Daily Express online, advert free",
            "Get super-fast page loading",
            "Source: Read Full Article",
        ],
        [
            "North Koreans paid in ‘rice and liquor to make weapons for Russia’ – source",
            "North Korea has mobilised ordinary people to meet the increased demand",
            "Kim made a rare trip outside of his country in mid-September",
            "During the trip, the North Korean leader also met his Russian counterpart",
            "North Korea had delivered more than 1,000 containers of military equipment",
            "In late November, Pyongyang finally managed to launch a spy satellite",
            "The delivery of more than a million artillery shells from North Korea",
            "causing barrels of Russian artillery to explode",
        ],
    ),
    "001_e7c70c4a3202797a": (
        [
            "We haven't been able to take payment",
            "Act now to keep your subscription",
            "Your subscription is due to terminate",
            "otherwise your subscription will terminate.",
            "technological assistance\nSPUTNIK/ARTEM GEODAKYAN/REUTERS",
            "naval base at Vladivostok\nSTR/KCNA/KNS/AFP/GETTY IMAGES",
            "Advertisement",
            "PROMOTED CONTENT",
        ],
        [
            "North Korea has ‘given dud artillery shells to Russia’",
            "According to Ukraine, more than half the 1.5 million rounds of ammunition",
            "Kim Jong-un has given 1.5 million artillery shells to Vladimir Putin",
            "Russia has already imported 1.5 million rounds of ammunition from the DPRK",
            "North Korea was presently Russia’s biggest supplier of weapons",
            "Kim spent five days in Russia in September and met Putin",
            "the North could have supplied three million artillery shells",
            "the South Korean defence minister, Shin Won-sik, said last week.",
        ],
    ),
    "002_4bd057f744788a96": (
        ["This article first appeared in Daily NK", "was not able to verify the claims"],
        [
            "North Korea is actively smuggling weapons to Russia and other countries",
            "recent importers of North Korean weapons include Russia, Iran, Syria",
            "North Korea mostly sells ammunition and artillery shells to Russia",
            "North Korea has denied the U.S. claim",
            "received blueprints and process charts for nuclear-related application technologies",
            "workers at the plants received provisions of food",
        ],
    ),
    "003_89896c58e9ba3add": (
        ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
        [
            "July 20, 2024",
            "South Korea says North Korea has sent Russia 6,700 containers",
            "might carry more than three million 152mm artillery shells",
            "Both countries, however, have denied the allegations.",
            "Russia probably provided satellite-related technology to North Korea",
            "he said, according to Yonhap.",
        ],
    ),
    "004_9a49968a5f5a90e1": (
        [
            "Translated by Rose Adams. Edited by Robert Lauler.",
            "Daily NK works with a network of sources",
            "can be found on our FAQ page here.",
            "Please direct any comments or questions about this article to",
        ],
        [
            "trade between the two countries has significantly increased",
            "with as many as four or more freight trains running each day",
            "Increase in weapons sales to Russia",
            "including rockets, ammunition, artillery shells, and automatic rifles",
            "Dispatch of several hundred workers to Russia",
            "Their deployment orders were rushed through soon after",
        ],
    ),
}


@pytest.fixture(scope="module")
def marked_seeds(seed_documents: dict[str, Document]) -> dict[str, Document]:
    marked = mark_boilerplate(list(seed_documents.values()))
    return {document.id: document for document in marked}


@pytest.mark.parametrize("doc_id", sorted(SEED_CASES))
def test_mark_boilerplate_marks_seed_boilerplate(
    marked_seeds: dict[str, Document], doc_id: str
) -> None:
    document = marked_seeds[doc_id]
    boilerplate, _ = SEED_CASES[doc_id]
    assert [passage for passage in boilerplate if not is_marked(document, passage)] == []


@pytest.mark.parametrize("doc_id", sorted(SEED_CASES))
def test_mark_boilerplate_keeps_seed_reporting(
    marked_seeds: dict[str, Document], doc_id: str
) -> None:
    document = marked_seeds[doc_id]
    _, reporting = SEED_CASES[doc_id]
    assert [passage for passage in reporting if touches_marked(document, passage)] == []


@pytest.mark.parametrize(
    "caption",
    [
        "Kim visited Russia in September and agreed to provide weapons in return for Russian "
        "technological assistance",
        "Kim spent five days in Russia in September and visited military factories and Russia’s "
        "naval base at Vladivostok",
    ],
)
def test_mark_boilerplate_keeps_the_first_copy_of_a_doubled_seed_caption(
    marked_seeds: dict[str, Document], caption: str
) -> None:
    """The seed gold takes a claim from a caption, so its first copy stays content."""
    document = marked_seeds["001_e7c70c4a3202797a"]
    first = document.text.index(caption)
    second = document.text.index(caption, first + 1)
    assert second == first + len(caption) + 1
    assert not any(start < second and first < end for start, end in document.boilerplate)
    assert any(
        start <= second and second + len(caption) <= end for start, end in document.boilerplate
    )


@pytest.mark.parametrize("doc_id", sorted(SEED_CASES))
def test_mark_boilerplate_seed_spans_are_valid_and_text_unchanged(
    seed_documents: dict[str, Document], marked_seeds: dict[str, Document], doc_id: str
) -> None:
    document = marked_seeds[doc_id]
    assert_spans_valid(document)
    assert document.text == seed_documents[doc_id].text
    assert document.boilerplate


def test_mark_boilerplate_seed_alone_gives_the_same_spans(
    seed_documents: dict[str, Document], marked_seeds: dict[str, Document]
) -> None:
    """The seeds share no boilerplate lines, so marking each alone changes nothing."""
    for doc_id, document in seed_documents.items():
        assert mark_one(document.text).boilerplate == marked_seeds[doc_id].boilerplate


WIRE = """Russia received North Korean missiles, U.S. says

WASHINGTON, Jan 4 (Reuters) - North Korea has provided Russia with ballistic missile \
launchers and several ballistic missiles, the White House said on Thursday.

Related Coverage
U.S. to seek sanctions over Pyongyang arms
Seoul condemns missile launch

The missiles were fired at Ukrainian targets, spokesperson John Kirby told reporters.

Reporting by Jane Doe in Washington; Editing by John Roe
Our Standards: The Thomson Reuters Trust Principles.
"""

BROADCASTER = """Ukraine war: North Korean shells arrive in Russia

Image source, Getty Images
Image caption, Kim Jong Un inspected a munitions factory last month

Ukraine's military intelligence says Russia has received about a million shells from North Korea.

Kyiv says the shipments began in September.

More on this story
Why Russia is buying weapons from North Korea
Kim and Putin: What we know about their summit

Related Topics
North Korea
Russia
"""

BLOG = """Pyongyang's arms trade with Moscow grows

Share
Facebook Twitter WhatsApp Email

We use cookies to give you the best experience. By continuing you accept our cookie policy.

Satellite images show freight trains loaded with containers at the Tumangang border \
station, analysts said on Monday.

Advertisement

The analysts said the containers most likely held artillery shells.

Sign up to our daily newsletter for the latest defence news
Subscribe

(Photo by Jung Yeon-je / AFP)

Leave a comment
Name *
Email *
Website
Save my name, email, and website in this browser for the next time I comment.
Post Comment
"""

KEY_POINTS = """Kim pledges more weapons for Russia

Key points:
• North Korea has shipped more than 10,000 containers to Russia, Seoul says.
• The containers could hold millions of artillery shells.
• Pyongyang and Moscow deny any arms deal.

The South Korean defence ministry gave the figures on Monday.
"""

AGENCY = """Armenia takes delivery of French radars

YEREVAN (AP) - Armenia has received the first of three GM200 radars ordered from France, \
the defence ministry said on Friday.

Azerbaijan's foreign ministry called the sale a threat to regional peace.

___

Staff writer Ann Example in Paris contributed to this report.
ab/cd
"""

GOVERNMENT = """Press release
Ministry confirms delivery of patrol boats to Ghana

The ministry said two patrol boats were handed over to the Ghanaian navy on Monday.

The boats, built in the Netherlands, will patrol the Gulf of Guinea against piracy, it said.

About the Maritime Assistance Programme

The programme trains coastal navies in West Africa and has run since 2015.

Was this page helpful?
Yes
No
Report a problem with this page
"""

TABLOID_CAPTIONS = """Putin's new rockets arrive

Iran has flown more rockets to Russia, Ukrainian officials claimed on Sunday.

A cargo plane at an airfield near Tehran (Image: Getty Images)

The officials said the rockets arrived at a base in Crimea.
Views expressed here are the author's own.
"""


@pytest.mark.parametrize(
    ("text", "boilerplate", "reporting"),
    [
        (
            AGENCY,
            ["___", "Staff writer Ann Example in Paris contributed to this report.", "ab/cd"],
            [
                "Armenia takes delivery of French radars",
                "Armenia has received the first of three GM200 radars ordered from France",
                "called the sale a threat to regional peace.",
            ],
        ),
        (
            GOVERNMENT,
            [
                "About the Maritime Assistance Programme",
                "The programme trains coastal navies in West Africa",
                "Was this page helpful?\nYes\nNo\nReport a problem with this page",
            ],
            [
                "Ministry confirms delivery of patrol boats to Ghana",
                "two patrol boats were handed over to the Ghanaian navy on Monday.",
            ],
        ),
        (
            TABLOID_CAPTIONS,
            [
                "A cargo plane at an airfield near Tehran (Image: Getty Images)",
                "Views expressed here are the author's own.",
            ],
            [
                "Iran has flown more rockets to Russia",
                "The officials said the rockets arrived at a base in Crimea.",
            ],
        ),
        (
            WIRE,
            [
                "Related Coverage",
                "U.S. to seek sanctions over Pyongyang arms",
                "Seoul condemns missile launch",
                "Reporting by Jane Doe in Washington; Editing by John Roe",
                "Our Standards: The Thomson Reuters Trust Principles.",
            ],
            [
                "Russia received North Korean missiles, U.S. says",
                "North Korea has provided Russia with ballistic missile launchers",
                "The missiles were fired at Ukrainian targets",
            ],
        ),
        (
            BROADCASTER,
            [
                "Image source, Getty Images",
                "Image caption, Kim Jong Un inspected a munitions factory last month",
                "More on this story",
                "Why Russia is buying weapons from North Korea",
                "Kim and Putin: What we know about their summit",
                "Related Topics\nNorth Korea\nRussia",
            ],
            [
                "Ukraine war: North Korean shells arrive in Russia",
                "Russia has received about a million shells from North Korea.",
                "Kyiv says the shipments began in September.",
            ],
        ),
        (
            BLOG,
            [
                "Share\nFacebook Twitter WhatsApp Email",
                "We use cookies to give you the best experience.",
                "Advertisement",
                "Sign up to our daily newsletter for the latest defence news\nSubscribe",
                "(Photo by Jung Yeon-je / AFP)",
                "Leave a comment\nName *\nEmail *\nWebsite",
                "for the next time I comment.\nPost Comment",
            ],
            [
                "Pyongyang's arms trade with Moscow grows",
                "Satellite images show freight trains loaded with containers",
                "The analysts said the containers most likely held artillery shells.",
            ],
        ),
        (
            KEY_POINTS,
            [],
            [
                "Key points:",
                "• North Korea has shipped more than 10,000 containers to Russia, Seoul says.",
                "• The containers could hold millions of artillery shells.",
                "• Pyongyang and Moscow deny any arms deal.",
                "The South Korean defence ministry gave the figures on Monday.",
            ],
        ),
    ],
    ids=["agency", "government", "captions", "wire", "broadcaster", "blog", "news-bullets"],
)
def test_mark_boilerplate_other_styles(
    text: str, boilerplate: list[str], reporting: list[str]
) -> None:
    document = mark_one(text)
    assert [passage for passage in boilerplate if not is_marked(document, passage)] == []
    assert [passage for passage in reporting if touches_marked(document, passage)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The advertisement for the tender was published by the defence ministry in May.",
        "Officials said Pyongyang refused to take payment in rubles for the shells.",
        "Related reports said the trains carried artillery shells and rockets.",
        "Comments by the minister suggested more shipments were planned.",
        "Photos released by KCNA showed Kim inspecting launchers at the plant.",
        "Share prices of defence firms rose after the announcement.",
        "Reporting by state media said the shipment was delivered on Monday.",
        "KCNA/Yonhap reports differ on how many shells were shipped in August.",
        "North Korea sent more shells to Russia, Seoul says | Reuters",
        "Seoul says Pyongyang shipped shells to Moscow (Yonhap)",
        "Latest: Russia says it received more shells from North Korea",
        "Edited by hand, the ledger listed 40 wagons of shells.",
    ],
)
def test_mark_boilerplate_never_marks_a_news_sentence_that_resembles_a_cue(sentence: str) -> None:
    text = f"Arms for Moscow\n\nNorth Korea sent shells to Russia, Seoul said.\n\n{sentence}\n"
    assert mark_one(text).boilerplate == ()


def test_mark_boilerplate_marks_later_copies_of_a_line() -> None:
    headline = "Shells for Moscow"
    caption = "Kim Jong Un visits a munitions factory in an undated photo"
    text = (
        f"{headline}\n{headline}\n\nNorth Korea sent shells to Russia, Seoul said.\n"
        f"{caption}\n{caption}\n\nThe minister gave no source for the figure.\n"
        f"{caption}\n"
    )
    document = mark_one(text)
    second_headline = len(headline) + 1
    first_caption = text.index(caption)
    second_caption = first_caption + len(caption) + 1
    third_caption = text.rindex(caption)
    assert document.boilerplate == (
        (second_headline, second_headline + len(headline)),
        (second_caption, second_caption + len(caption)),
        (third_caption, third_caption + len(caption)),
    )


def test_mark_boilerplate_closing_cue_high_up_marks_its_line_only() -> None:
    text = (
        "Translated by Jane Roe.\n"
        "North Korea sent shells to Russia, Seoul said on Monday.\n"
        "The minister said the containers held artillery shells and rockets.\n"
    )
    document = mark_one(text)
    assert document.boilerplate == ((0, len("Translated by Jane Roe.")),)


def test_mark_boilerplate_closing_cue_with_a_long_text_after_marks_its_line_only() -> None:
    lead = "".join(f"Paragraph {n} says shells went to Russia by rail.\n" for n in range(12))
    rest = "".join(f"Later paragraph {n} says rockets went to Russia by sea.\n" for n in range(11))
    text = f"{lead}Reporting by Jane Roe\n{rest}"
    document = mark_one(text)
    start = text.index("Reporting by Jane Roe")
    assert document.boilerplate == ((start, start + len("Reporting by Jane Roe")),)


def article(number: int, body: str, footer: str = "") -> str:
    return (
        f"Report number {number} on the arms trade\n\n"
        f"{body}\n\n"
        f"Officials in capital {number} said the shipment {number} arrived by rail.\n"
        f"{footer}"
    )


FOOTER = (
    "Example Monitor relies on a network of correspondents in the region. "
    "Their names are withheld for their safety.\n"
)
SECTION = "WORLD NEWS"
SHARED_QUOTE = "“We will keep supplying our friends,” the spokesman told reporters in Moscow."


def test_mark_boilerplate_marks_a_blurb_that_closes_three_articles() -> None:
    documents = [
        make_document(
            article(n, f"Body sentence {n} about drones reaching the front line.", FOOTER), f"d{n}"
        )
        for n in range(3)
    ]
    for document in mark_boilerplate(documents):
        assert is_marked(document, FOOTER.strip())
        assert not touches_marked(document, "about drones reaching the front line.")
        assert not touches_marked(document, "arrived by rail.")


def test_mark_boilerplate_two_articles_are_not_enough_for_a_sentence() -> None:
    documents = [
        make_document(article(n, f"Body sentence {n} about drones.", FOOTER), f"d{n}")
        for n in range(2)
    ]
    for document in mark_boilerplate(documents):
        assert not touches_marked(document, FOOTER.strip())


def test_mark_boilerplate_marks_a_short_label_seen_in_two_articles() -> None:
    documents = [
        make_document(
            f"Headline {n} on shells\n{SECTION}\n\nBody {n} about shells sent to Russia.\n",
            f"d{n}",
        )
        for n in range(2)
    ]
    for document in mark_boilerplate(documents):
        assert is_marked(document, SECTION)
        assert not touches_marked(document, "about shells sent to Russia.")


def test_mark_boilerplate_keeps_a_quote_two_reports_share() -> None:
    documents = [
        make_document(
            article(n, f"Intro {n} on rockets.\n{SHARED_QUOTE}\nMore detail {n} on rockets."),
            f"d{n}",
        )
        for n in range(4)
    ]
    for document in mark_boilerplate(documents):
        assert not touches_marked(document, SHARED_QUOTE)


def test_mark_boilerplate_keeps_syndicated_copies_whole() -> None:
    story = (
        "North Korea ships rockets to Russia\n\n"
        "North Korea has shipped rockets and shells to Russia by rail, officials said.\n"
        "Short update line\n"
        "The officials said more trains were expected next month.\n"
    )
    documents = [
        make_document(f"{story}Copy {n} ends here with its own sign-off.\n", f"d{n}")
        for n in range(4)
    ]
    for document in mark_boilerplate(documents):
        assert document.boilerplate == ()


def test_mark_boilerplate_uses_known_lines_from_earlier_runs() -> None:
    text = article(1, "Body sentence about drones reaching the front line.", FOOTER)
    alone = mark_one(text)
    assert not touches_marked(alone, FOOTER.strip())
    key = next(iter(boilerplate_line_keys(make_document(FOOTER))))
    (known,) = mark_boilerplate([make_document(text)], known_lines={key: 5})
    assert is_marked(known, FOOTER.strip())
    assert not touches_marked(known, "Body sentence about drones")


def test_mark_boilerplate_keeps_existing_spans_and_is_idempotent() -> None:
    text = "Shells for Moscow\n\nNorth Korea sent shells to Russia.\n\nAdvertisement\n"
    document = Document(id="d", text=text, content_hash=content_hash(text), boilerplate=((0, 6),))
    (once,) = mark_boilerplate([document])
    (twice,) = mark_boilerplate([once])
    ad_start = text.index("Advertisement")
    assert once.boilerplate == ((0, 6), (ad_start, ad_start + len("Advertisement")))
    assert twice == once


def test_mark_boilerplate_joins_adjacent_lines_into_one_span() -> None:
    text = "Report\n\nShells were sent.\n\nAdvertisement\n\nPROMOTED CONTENT\n"
    document = mark_one(text)
    start = text.index("Advertisement")
    assert document.boilerplate == ((start, len(text) - 1),)


def test_mark_boilerplate_keeps_order_and_handles_no_documents() -> None:
    assert mark_boilerplate([]) == []
    documents = [make_document("Second\n", "b"), make_document("First\n", "a")]
    assert [document.id for document in mark_boilerplate(documents)] == ["b", "a"]


def test_boilerplate_line_keys_fold_case_quotes_and_spaces() -> None:
    document = make_document("  Don’t   MISS…\n\n2024\n“Quoted”  line\n")
    assert boilerplate_line_keys(document) == {"don't miss...", '"quoted" line'}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                " ",
                "Advertisement",
                "Don't miss…",
                "Short headline",
                "Short headline",
                "• Support our journalism",
                "• A bullet",
                "North Korea sent shells to Russia, officials said.",
                "SPUTNIK/REUTERS",
                "Leave a Reply",
                "\r",
                "Translated by A. Edited by B.",
            ]
        ),
        max_size=30,
    )
)
def test_mark_boilerplate_spans_always_valid(lines: list[str]) -> None:
    text = "\n".join(lines)
    document = mark_one(text)
    assert document.text == text
    # Only a closing cue above it or a repeat can take the one news sentence.
    news = "North Korea sent shells to Russia, officials said."
    if lines.count(news) == 1 and not {"Translated by A. Edited by B.", "Leave a Reply"} & set(
        lines
    ):
        assert not touches_marked(document, news)


def test_mark_boilerplate_is_linear_enough_for_long_documents(tmp_path: Path) -> None:
    paragraph = "North Korea sent {n} shells to Russia by rail, officials said.\nAdvertisement\n"
    text = "".join(paragraph.format(n=n) for n in range(5000))
    document = mark_one(text)
    assert len(document.boilerplate) == 5000


def test_mark_boilerplate_keeps_a_headline_other_pages_link_to() -> None:
    headline = "Kim sends rockets to Putin"
    linking = [
        f"Other story {n}\n\nBody {n} about a naval drill near the port.\n\nRelated\n{headline}\n"
        for n in range(3)
    ]
    original = f"{headline}\n\nNorth Korea sent rockets to Russia by rail, officials said.\n"
    marked = mark_boilerplate(
        [make_document(original, "original")]
        + [make_document(text, f"linking{n}") for n, text in enumerate(linking)]
    )
    assert marked[0].boilerplate == ()
    assert all(is_marked(document, headline) for document in marked[1:])


DEV_DIR = Path(__file__).resolve().parents[1] / "data" / "dev"


@pytest.fixture(scope="module")
def marked_dev_set() -> dict[str, Document]:
    if not (DEV_DIR / "gold.jsonl").is_file():
        pytest.skip(f"{DEV_DIR} is absent")
    documents = [
        found for found in iter_inputs([str(DEV_DIR / "articles")]) if isinstance(found, Document)
    ]
    assert len(documents) == len(list((DEV_DIR / "articles").glob("*.txt")))
    return {document.id: document for document in mark_boilerplate(documents)}


def test_mark_boilerplate_never_covers_dev_gold_evidence(
    marked_dev_set: dict[str, Document],
) -> None:
    """Every claim the annotators found is in the text extraction will read."""
    covered: list[tuple[str, str]] = []
    for line in (DEV_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        document = marked_dev_set[record["doc"]]
        covered += [
            (record["doc"], claim["evidence"])
            for claim in record["claims"]
            if not has_unmarked_copy(document, claim["evidence"])
        ]
    assert covered == []


def test_mark_boilerplate_marks_dev_link_lines(marked_dev_set: dict[str, Document]) -> None:
    """The dev set's README: inline "READ MORE:" and "Also read:" links must yield no claims."""
    unmarked = [
        (document.id, line)
        for document in marked_dev_set.values()
        for line in document.text.split("\n")
        if line.strip().lower().startswith(("read more:", "also read:"))
        and not is_marked(document, line.strip())
    ]
    assert unmarked == []


def test_mark_boilerplate_never_covers_seed_gold_evidence(
    marked_seeds: dict[str, Document], seeds_gold: Path
) -> None:
    """Gold evidence quoted verbatim (some is elided with "...") is never inside boilerplate."""
    covered: list[tuple[str, str]] = []
    for line in seeds_gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        document = marked_seeds[record["doc"]]
        covered += [
            (record["doc"], claim["evidence"])
            for claim in record["claims"]
            if claim["evidence"] in document.text
            and not has_unmarked_copy(document, claim["evidence"])
        ]
    assert covered == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Drones for the front\n\nIran sent drones to Russia.\n", "Drones for the front"),
        ("WORLD NEWS\nTanks reach Kyiv\n\nPoland sent tanks.\n", "Tanks reach Kyiv"),
        ("March 3, 2024\n\nPoland sent 200 tanks to Ukraine, officials said.\n", None),
        ("# Shells by rail\n\nBelarus sent shells.\n", "Shells by rail"),
    ],
)
def test_mark_boilerplate_finds_the_headline_of_a_text_dump(text: str, title: str | None) -> None:
    document = Document(id="d", text=text, content_hash="h", source_format="txt")
    (marked,) = mark_boilerplate([document])
    assert marked.meta.title == title


def test_mark_boilerplate_keeps_a_given_title() -> None:
    given = DocumentMeta(title="From the sidecar")
    document = Document(id="d", text="Short line\n\nBody.\n", content_hash="h", meta=given)
    (marked,) = mark_boilerplate([document])
    assert marked.meta.title == "From the sidecar"
