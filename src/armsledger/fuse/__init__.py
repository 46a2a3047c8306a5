"""Fusion across reports: who says what, through whom, how independently, how credibly.

Pure and flow by flow: `fuse_flows(claims, provenance_by_doc, rules, targets)` reads only the
claims of the flows a new document touches (plus their related flows in the item hierarchy) and
the provenance of their documents, and returns plain dataclasses (`domain.fusion`).

- Provenance (`provenance.py`), per document, from the document alone plus stored MinHash
  signatures: the outlet from metadata, the URL host, or the text's own signs ("Read The X
  online", "X could not independently verify", "X works with a network of sources"); the
  channels it relays ("told X", "according to the X news agency", "a X source", a claim's
  `Source.channel`), marked when they relay unnamed sources; the original of a syndicated copy
  ("This article first appeared in X", "(Reuters) -"); near-duplicates by MinHash/LSH over word
  shingles. The cues are regular expressions in lexicons/outlets.yaml: weak cues ("told X")
  count only when X looks like a medium, so "told Putin" relays nothing.
- Sources (`sources.py`): speakers merged across documents by kind and state, names compared
  without titles and hyphens (rapidfuzz), lone surnames and bare roles ("the minister") joined to
  the one entity they fit. Every claim gets a chain speaker → channel → outlet.
- Independence (`independence.py`): claims are keyed by their first teller (a state's officials,
  a named source, or the channel unnamed sources spoke through) and keys are merged when
  documents copy one another. Three outlets relaying one agency's informants are one origin;
  an official and a rival's intelligence service are two. Counts come with their reasons.
- Series (`series.py`): one Estimate per figure, origin and date, sorted by time; figures in other
  units converted through lexicons/conversions.yaml are added as `derived` with the assumption
  written out, never as reported. Conservative figure: the lowest bound among well-sourced
  reported figures; high figure: the highest bound of any, reported or derived.
- Contradictions (`contradictions.py`): a denial contradicts affirmations of its flow and of
  every narrower item (item hierarchy from the lexicons); figures of one unit and stage from
  different origins contradict when their ranges are apart by more than a margin.
- Grades (`grading.py`): an Admiralty grade for every claim from the rules in
  lexicons/grading.yaml; the code computes facts, the data decides grades, each grade carries
  the rules' version and its reasons in words.
- Incremental (`ledger.py`): `touched_flows` + `context_flows` select what a new document changes;
  `benchmarks/fuse_incremental.py` shows the cost of one more document stays flat.
- Output (`views.py`): `brief_rows` and `source_rows`, JSON-ready dicts for the CLI.
"""

from armsledger.fuse.engine import FusionRules, context_flows, fuse_flows, load_fusion_rules
from armsledger.fuse.flows import related_items, touched_flows
from armsledger.fuse.ledger import Ledger
from armsledger.fuse.provenance import SignatureIndex, document_provenance, text_signature
from armsledger.fuse.views import BriefFilters, brief_rows, source_rows

__all__ = [
    "BriefFilters",
    "FusionRules",
    "Ledger",
    "SignatureIndex",
    "brief_rows",
    "context_flows",
    "document_provenance",
    "fuse_flows",
    "load_fusion_rules",
    "related_items",
    "source_rows",
    "text_signature",
    "touched_flows",
]
