"""The model's attribute ruler (fine tag -> part of speech, morphology, some lemmas) and lemmatizer,
computed once per distinct token instead of token by token.

spaCy's AttributeRuler runs some 180 Matcher patterns over every token, a quarter of the tagging
and parsing time. Almost all of them read one token's TAG, LOWER, DEP and IS_SPACE, so their
outcome is a function of those four values: this computes it with the ruler itself on a one-token
Doc, caches it, and applies it to whole arrays. The few patterns spanning two tokens ("let 's",
"there is") run through their own small Matcher and are applied in the ruler's order. The result is
the ruler's, attribute for attribute.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_KEY = [TAG, LOWER, DEP, IS_SPACE]
# What the cached patterns may read: the key above, by name.
_READ = {"TAG", "LOWER", "DEP", "IS_SPACE"}
_SET = [TAG, POS, MORPH, LEMMA]
_LEMMA_KEY = [ORTH, POS, MORPH, LEMMA]


class CachedAttributeRuler:
    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.cache: dict[tuple, numpy.ndarray] = {}
        # Patterns over two or more tokens cannot be told from one token's values: they run through
        # their own Matcher, only from tokens that can open them (known, like the rest, by key).
        # `opener` and `follower` hold the first and second token of each such pattern (all span two
        # tokens), so the full Matcher runs only where a key can open one and the next can follow.
        self.multi = Matcher(self.vocab)
        self.opener = Matcher(self.vocab)
        self.follower = Matcher(self.vocab)
        for attr_id in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(attr_id))
            if any(set(spec) - _READ for p in patterns for spec in p):
                raise ValueError(f"attribute ruler pattern {attr_id} reads more than {sorted(_READ)}; cannot be cached")
            if any(len(p) > 1 for p in patterns):
                if any(len(p) != 2 or any("OP" in spec for spec in p) for p in patterns):
                    raise ValueError(f"attribute ruler pattern {attr_id} is not two plain tokens; cannot be cached")
                self.multi.add(str(attr_id), patterns)
                self.opener.add(str(attr_id), [p[:1] for p in patterns])
                self.follower.add(str(attr_id), [p[1:] for p in patterns])
        self._single_ids = {attr_id for attr_id in range(len(ruler.attrs)) if str(attr_id) not in self.multi}
        self._opens: dict[tuple, bool] = {}
        self._follows: dict[tuple, bool] = {}

    def _one(self, key: tuple[int, ...]) -> Doc:
        tag, lower, dep, _ = key
        one = Doc(self.vocab, words=[self.vocab.strings[lower]])
        one[0].tag = tag
        one[0].dep = dep
        return one

    def _can(self, matcher: Matcher, seen: dict[tuple, bool], key: tuple[int, ...]) -> bool:
        if key not in seen:
            seen[key] = bool(matcher(self._one(key), allow_missing=True))
        return seen[key]

    def _outcome(self, key: tuple[int, ...], extra: tuple[int, ...] = ()) -> numpy.ndarray:
        """TAG, POS, MORPH, LEMMA and DEP of a token with these key values after the ruler, with the
        patterns `extra` (matched across tokens) applied in their place in the ruler's order."""
        cached = self.cache.get((key, extra))
        if cached is not None:
            return cached
        one = self._one(key)
        ids = [attr_id for attr_id, *_ in self.ruler.match(one) if attr_id in self._single_ids]
        for attr_id in sorted([*ids, *extra]):
            set_token_attrs(one[0], self.ruler.attrs[attr_id])
        out = one.to_array([*_SET, DEP])[0]
        self.cache[(key, extra)] = out
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array(_KEY)
        distinct, inverse = numpy.unique(keys, axis=0, return_inverse=True)
        distinct_keys = [tuple(k) for k in distinct.tolist()]
        rows = numpy.stack([self._outcome(k) for k in distinct_keys])[inverse.reshape(-1)]
        inverse = inverse.reshape(-1)
        opens = numpy.array([self._can(self.opener, self._opens, k) for k in distinct_keys])[inverse]
        follows = numpy.array([self._can(self.follower, self._follows, k) for k in distinct_keys])[inverse]
        extra: dict[int, list[int]] = {}
        for at in numpy.flatnonzero(opens[:-1] & follows[1:]).tolist():
            for match_id, start, end in self.multi(doc[at:at + 2], allow_missing=True):
                if start != 0:
                    continue  # found again from its own opening token
                attr_id = int(self.vocab.strings[match_id])
                index = self.ruler.indices[attr_id]
                extra.setdefault(at + (index if index >= 0 else end + index), []).append(attr_id)
        for i, ids in extra.items():
            rows[i] = self._outcome(tuple(keys[i].tolist()), tuple(sorted(ids)))
        doc.from_array(_SET, numpy.ascontiguousarray(rows[:, :len(_SET)]))
        for i in numpy.flatnonzero(rows[:, len(_SET)] != keys[:, 2]).tolist():
            doc[i].dep = int(rows[i, len(_SET)])
        return doc

    def pipe(self, docs, batch_size: int = 0):
        for doc in docs:
            yield self(doc)


class CachedLemmatizer:
    """The model's rule lemmatizer, computed once per distinct (word, part of speech, morphology):
    the lemma it gives is a function of those three, and of nothing else."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(_LEMMA_KEY)
        todo = numpy.ones(len(doc), dtype=bool) if self.lemmatizer.overwrite else rows[:, 3] == 0
        if not todo.any():
            return doc
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        for i in numpy.flatnonzero(todo).tolist():
            key = (int(rows[i, 0]), int(rows[i, 1]), int(rows[i, 2]))
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs, batch_size: int = 0):
        for doc in docs:
            yield self(doc)
