"""The spaCy pipeline: en_core_web_sm plus one component per claim-bearing layer.

Each component writes plain values (character offsets, strings, numbers) into a Doc extension, so
Docs survive `nlp.pipe(n_process=N)`. `istanbul_claims.claims` turns them into pydantic models.
"""

from .pipeline import COMPONENTS, build

__all__ = ["COMPONENTS", "build"]
