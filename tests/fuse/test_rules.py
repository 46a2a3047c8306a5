"""The fusion data files load, are consistent, and report problems as one line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from armsledger.errors import LexiconError
from armsledger.fuse.rules import (
    CONVERSIONS_PATH,
    GRADING_PATH,
    OUTLETS_PATH,
    load_conversion_rules,
    load_grading_rules,
    load_provenance_rules,
)
from armsledger.lexicon import EVAL_CATEGORIES


@pytest.mark.parametrize(
    "path", [OUTLETS_PATH, CONVERSIONS_PATH, GRADING_PATH], ids=lambda p: p.name
)
def test_data_file_has_headers_and_unique_ids(path: Path) -> None:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded["version"], int)
    assert isinstance(loaded["kind"], str)
    entries = [*loaded.get("cues", []), *loaded.get("outlets", []), *loaded.get("entries", [])]
    for scale in ("reliability", "credibility"):
        section = loaded.get(scale, {})
        entries += [*section.get("base", []), *section.get("adjust", [])]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"


def test_shipped_rules_load() -> None:
    assert load_provenance_rules().cues
    assert load_conversion_rules().entries
    grading = load_grading_rules()
    assert grading.reliability.base
    assert grading.credibility.fallback.grade == "6"


def test_conversion_items_are_known_categories() -> None:
    # the evaluation taxonomy's categories (shared/eval/README.md), as the lexicon loader holds them
    categories = set(EVAL_CATEGORIES)
    for entry in load_conversion_rules().entries:
        assert entry.items <= categories, entry.id


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (("low: 300\n", "low: 900\n"), r"entry 1 \(shells_per_container\): needs 0 < low <= high"),
        (
            ("    from_unit: container\n", ""),
            r"entry 1 \(shells_per_container\): missing 'from_unit'",
        ),
    ],
)
def test_conversion_errors_name_file_and_entry(
    edit: tuple[str, str], problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "conversions.yaml"
    path.write_text(
        CONVERSIONS_PATH.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=rf"^conversions\.yaml: {problem}"):
        load_conversion_rules(path)


def test_outlet_cue_with_bad_pattern_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    text = OUTLETS_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace('"\\\\bRead ', '"(\\\\bRead ', 1), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^outlets\.yaml: cue 1 \(read_online\): bad pattern"):
        load_provenance_rules(path)


def test_broken_yaml_is_one_line_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "grading.yaml"
    path.write_text("version: 1\nkind: grading-rules\nreliability: [\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^grading\.yaml:4: not valid YAML") as caught:
        load_grading_rules(path)
    assert "\n" not in str(caught.value)
