"""ingest/boilerplate_cues.py: the shipped cue file loads, and broken files are named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsledger.errors import LexiconError
from armsledger.ingest.boilerplate_cues import CUES_PATH, CueScope, load_boilerplate_cues

HEADER = "version: 1\nkind: boilerplate-cues\n"


def test_load_boilerplate_cues_reads_the_shipped_file() -> None:
    lexicon = load_boilerplate_cues()
    ids = [cue.id for cue in lexicon.cues]
    assert lexicon.version >= 1
    assert len(ids) == len(set(ids))
    assert all(cue.note for cue in lexicon.cues), "every cue says why it is there"
    assert {cue.scope for cue in lexicon.cues} == set(CueScope)
    assert CUES_PATH.name == "boilerplate.yaml"


@pytest.mark.parametrize(
    ("cue_id", "line", "matches"),
    [
        ("ad_slot", "Advertisement", True),
        ("ad_slot", "The advertisement ran in May.", False),
        ("paywall_your_subscription", "Act now to keep your subscription", True),
        ("links_heading", "Don’t miss…", True),
        ("links_heading", "Don't miss the parade, officials said.", False),
        ("credit_staff_lines", "Reporting by Jane Doe; Editing by John Roe", True),
        ("credit_staff_lines", "Reporting by state media said so.", False),
        ("contact_email", "Send tips to news@example.org", True),
        ("share_buttons", "Facebook Twitter WhatsApp Email", True),
        ("share_buttons", "Facebook said it removed the posts.", False),
        # max_chars: a paragraph that happens to hold the words is not a cue.
        ("cookie_notice", "We use cookies. " + "North Korea sent shells to Russia. " * 10, False),
    ],
)
def test_cue_matches_its_shape_only(cue_id: str, line: str, matches: bool) -> None:
    (cue,) = [cue for cue in load_boilerplate_cues().cues if cue.id == cue_id]
    assert cue.matches(line) is matches


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a list\n", "cues.yaml: not a mapping"),
        ("version: 1\nkind: other\nentries: []\n", "cues.yaml: needs an integer version and kind"),
        (HEADER + "entries: []\n", "cues.yaml: needs a non-empty list of entries"),
        (HEADER + "entries:\n  - just a string\n", "cues.yaml: entry 1: not a mapping"),
        (HEADER + "entries:\n  - id: a\n", "cues.yaml: entry 1 (a): needs a string id and pattern"),
        (
            HEADER + "entries:\n  - {id: a, pattern: x}\n  - {id: b, pattern: '(unclosed'}\n",
            "cues.yaml: entry 2 (b): bad pattern",
        ),
        (
            HEADER + "entries:\n  - {id: a, pattern: x, scope: page}\n",
            "cues.yaml: entry 1 (a): unknown scope 'page'",
        ),
        (
            HEADER + "entries:\n  - {id: a, pattern: x, max_chars: -3}\n",
            "cues.yaml: entry 1 (a): max_chars must be a positive integer",
        ),
        (
            HEADER + "entries:\n  - {id: a, pattern: x}\n  - {id: a, pattern: y}\n",
            "cues.yaml: duplicate id 'a'",
        ),
        ("version: [1\n", "cues.yaml: cannot be loaded"),
    ],
    ids=[
        "not-mapping",
        "wrong-kind",
        "no-entries",
        "entry-not-mapping",
        "no-pattern",
        "bad-regex",
        "bad-scope",
        "bad-max-chars",
        "duplicate-id",
        "bad-yaml",
    ],
)
def test_load_boilerplate_cues_names_the_file_and_entry(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as raised:
        load_boilerplate_cues(path)
    assert str(raised.value).startswith(message)


def test_load_boilerplate_cues_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"^absent\.yaml: cannot be loaded"):
        load_boilerplate_cues(tmp_path / "absent.yaml")
