"""Every lexicon file loads, is consistent, and reports a broken entry by file and entry."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from armsledger.errors import LexiconError
from armsledger.lexicon import (
    EVAL_CATEGORIES,
    LEXICON_DIR,
    Lexicons,
    designation_variants,
    load_lexicons,
    read_tsv,
    read_yaml,
)


@pytest.fixture(scope="module")
def lexicons() -> Lexicons:
    return load_lexicons()


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_lexicon_yaml_has_version_and_kind(path: Path) -> None:
    content = read_yaml(path)
    assert isinstance(content["version"], int)
    assert isinstance(content["kind"], str)


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.tsv")), ids=lambda p: p.name)
def test_lexicon_tsv_has_version_and_unique_ids(path: Path) -> None:
    version, rows = read_tsv(path)
    ids = [row["id"] for row in rows]
    assert version >= 1
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"


@pytest.mark.parametrize("category", EVAL_CATEGORIES)
def test_lexicon_items_cover_every_eval_category(lexicons: Lexicons, category: str) -> None:
    assert category in lexicons.item_parents
    assert any(term.category == category for term in lexicons.item_terms)


def test_lexicon_item_parents_exist_and_reach_a_root(lexicons: Lexicons) -> None:
    for category, parent in lexicons.item_parents.items():
        assert parent is None or parent in lexicons.item_parents, category
    assert lexicons.item_parents["artillery_ammunition"] == "ammunition"
    assert lexicons.item_parents["ammunition"] == "weapons"
    assert lexicons.item_parents["food"] is None


@pytest.mark.parametrize(
    ("actor_id", "kind"),
    [("PRK", "state"), ("RUS", "state"), ("Hezbollah", "armed_group"), ("Rheinmetall", "company")],
)
def test_lexicon_actor_by_id_returns_canonical_actor(
    lexicons: Lexicons, actor_id: str, kind: str
) -> None:
    actor = lexicons.actor_by_id(actor_id)
    assert actor is not None
    assert actor.id == actor_id
    assert actor.kind.value == kind


def test_lexicon_actor_by_id_unknown_is_none(lexicons: Lexicons) -> None:
    assert lexicons.actor_by_id("Atlantis") is None


def test_lexicon_versions_name_every_file(lexicons: Lexicons) -> None:
    stems = {p.stem for p in LEXICON_DIR.glob("*.yaml")} | {
        p.stem for p in LEXICON_DIR.glob("*.tsv")
    }
    assert set(lexicons.versions) == stems


@pytest.mark.parametrize(
    ("designation", "variant"),
    [("KN-23", "KN 23"), ("KN-23", "KN23"), ("Leopard 2", "Leopard-2"), ("F-16", "F-16s")],
)
def test_lexicon_designation_variants_include_spellings(designation: str, variant: str) -> None:
    assert variant in designation_variants(designation)


def _broken_copy(tmp_path: Path, name: str, old: str | re.Pattern[str], new: str) -> Path:
    """A copy of the lexicons with one edit; `old` is a string or, where the text changes with
    every version (the header), a pattern."""
    target = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, target)
    path = target / name
    text = path.read_text(encoding="utf-8")
    pattern = old if isinstance(old, re.Pattern) else re.compile(re.escape(old))
    broken, count = pattern.subn(new, text, count=1)
    assert count == 1, f"{name}: {pattern.pattern!r} not found"
    path.write_text(broken, encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "items.yaml",
            "parent: weapons\n    terms: [ammunition",
            "parent: weapon\n    terms: [ammunition",
            "items.yaml: entry ammunition: unknown parent 'weapon'",
        ),
        (
            "items.yaml",
            "  - id: cargo\n",
            "  - id: cargo_goods\n",
            "evaluation categories missing: cargo",
        ),
        (
            "verbs.tsv",
            "supply\tsupply\tgive",
            "supply\tsupply\tgrant",
            "verbs.tsv: entry supply: unknown pattern",
        ),
        (
            "verbs.tsv",
            "send\tsend\tgive",
            "supply\tsend\tgive",
            "verbs.tsv: entry 2 (supply): duplicate id",
        ),
        (
            "actors.yaml",
            re.compile(r"^version: \d+\n", re.MULTILINE),
            "",
            "actors.yaml: missing integer `version:` header",
        ),
        (
            "actors.yaml",
            "{id: RUS,",
            "{id: RUX,",
            "actors.yaml: state RUX: not an ISO 3166-1 alpha-3 code",
        ),
    ],
)
def test_lexicon_broken_file_names_file_and_entry(
    tmp_path: Path, name: str, old: str | re.Pattern[str], new: str, message: str
) -> None:
    directory = _broken_copy(tmp_path, name, old, new)
    with pytest.raises(LexiconError) as raised:
        load_lexicons.__wrapped__(directory)
    assert message in str(raised.value)


def test_lexicon_eval_categories_match_the_evaluation_readme(shared_dir: Path) -> None:
    """The categories the loader insists on are exactly those the evaluation format lists."""
    readme = (shared_dir / "eval" / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("Item categories:", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"`([a-z_]+)`", paragraph) == EVAL_CATEGORIES
