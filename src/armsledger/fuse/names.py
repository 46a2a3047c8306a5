"""Spelling helpers shared by provenance, sources and origins: keys and canonical names."""

from __future__ import annotations

import re
import unicodedata

from armsledger.fuse.rules import ProvenanceRules

TRAILING_PUNCTUATION = " \t\n.,;:!?'\"’”)"
POSSESSIVE = re.compile(r"[’']s$")


def name_key(name: str) -> str:
    """Case, accents, hyphens and a leading article do not tell two names apart."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[-‐–—_.]", " ", folded.lower())
    folded = re.sub(r"\s+", " ", folded).strip()
    return folded.removeprefix("the ").strip()


def outlet_key(name: str) -> str:
    return name_key(name)


def canonical_outlet(raw: str, rules: ProvenanceRules) -> str:
    """ "the Yonhap news agency" → "Yonhap"; a known alias → the known outlet's name."""
    name = POSSESSIVE.sub("", raw.strip(TRAILING_PUNCTUATION)).strip(TRAILING_PUNCTUATION)
    lowered = name.lower()
    for word in rules.trailing_words:
        if lowered.endswith(" " + word) and len(lowered) > len(word) + 1:
            name = name[: -len(word) - 1].rstrip()
            lowered = name.lower()
    if name.lower().startswith("the "):
        name = name[4:]
    key = outlet_key(name)
    for outlet in rules.outlets:
        if key in {outlet_key(spelling) for spelling in (outlet.name, *outlet.aliases)}:
            return outlet.name
    return name


def looks_like_outlet(name: str, rules: ProvenanceRules) -> bool:
    """A known outlet, or a name with a medium's word in it ("Times", "Daily", "News")."""
    key = outlet_key(name)
    for outlet in rules.outlets:
        if key in {outlet_key(spelling) for spelling in (outlet.name, *outlet.aliases)}:
            return True
    return any(word in rules.outlet_words for word in key.split())
