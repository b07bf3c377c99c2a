"""The stock entity recognizer's greedy decoding, run for a whole batch at once in numpy.

spaCy's transition-based NER costs several times the parser in the small English
pipeline, and most of that is not arithmetic: its decoding loop runs without the GIL
and takes the GIL back for each validity check of each action at each token, tens of
millions of lock round trips over a day's news. The model itself is cheap. So this
component keeps every learned part (its own token-to-vector layer, the precomputed
feature layer, the output layer) and replaces only the loop: every document of a batch
advances one token per step (in the BILUO system each action consumes exactly one
token), and no entity crosses a sentence boundary, so the sentences of a batch can be
decoded side by side: a step is a handful of array operations over all of them.

The output is the stock component's, entity for entity. The sums run in the same order
and in single precision, the output layer uses the same BLAS routine, and ties go to the
first action in both. ``tests/nlp/test_nlp_fast_ner.py`` compares them. Anything this
decoder does not cover is left to the stock code: beam search, other state features,
a model without an output layer, and documents that already carry entities (preset
annotations the stock validity rules must respect).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import NumpyOps

__all__ = ["BatchedEntityRecognizer", "can_batch"]

# Move types of spaCy's BILUO transition system, by the first letter of an action's name.
_BEGIN, _IN, _LAST, _UNIT, _OUT, _MISSING = range(6)
_MOVE_TYPES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}
# Features of a state: the next token, the first token of the open entity, the token
# before the next one while an entity is open (spaCy's ``set_context_tokens`` for nF=3).
_N_FEATURES = 3


def can_batch(ner: Any) -> bool:
    """Whether ``ner`` is a greedy BILUO recognizer whose model this decoder understands."""
    if type(ner) is not EntityRecognizer or ner.cfg.get("beam_width", 1) != 1:
        return False
    if ner.cfg.get("incorrect_spans_key") is not None:
        return False
    model = ner.model
    layers = getattr(model, "layers", [])
    if len(layers) != 3 or not model.attrs.get("has_upper"):
        return False
    lower = layers[1]
    if lower.name != "precomputable_affine" or lower.get_dim("nF") != _N_FEATURES:
        return False
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    return all(n[:1] in _MOVE_TYPES or n[:1] == "M" for n in names)


class BatchedEntityRecognizer:
    """Predicts the same entities as a loaded stock ``EntityRecognizer``, faster."""

    def __init__(self) -> None:
        self.ner: EntityRecognizer | None = None
        self.ops = NumpyOps()

    def adopt(self, ner: EntityRecognizer) -> None:
        """Take over a loaded stock recognizer: its model, labels and settings."""
        self.ner = ner
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.move_type = numpy.array([_MOVE_TYPES.get(n[:1], _MISSING) for n in names])
        labels = [n[2:] for n in names]
        # label ids as the decoder compares them: 0 for none, else 1 + index of the name
        index = {name: i + 1 for i, name in enumerate(sorted({x for x in labels if x}))}
        self.move_label = numpy.array([index.get(x, 0) for x in labels])
        self.label_hash = {i: ner.vocab.strings.add(name) for name, i in index.items()}
        has_label = self.move_label != 0
        mt = self.move_type
        self.begin = (mt == _BEGIN) & has_label
        self.unit = (mt == _UNIT) & has_label
        self.inside = (mt == _IN) & has_label
        self.last = (mt == _LAST) & has_label
        self.out = mt == _OUT
        unseen = sorted(ner.model.attrs.get("unseen_classes") or ())
        self.unseen = numpy.array(unseen, dtype=int)

    # -- the component API ----------------------------------------------------------------

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity labels, as the stock component lists them."""
        assert self.ner is not None
        return tuple(self.ner.labels)

    def __call__(self, doc: Doc) -> Doc:
        for done in self.pipe([doc]):
            return done
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        assert self.ner is not None, "adopt() a loaded recognizer first"
        for batch in minibatch(docs, size=batch_size):
            if any(doc.has_annotation("ENT_IOB") for doc in batch):
                yield from self.ner.pipe(batch, batch_size=len(batch))  # preset entities
                continue
            for doc, ents in zip(batch, self.predict(batch), strict=True):
                doc.set_ents([Span(doc, s, e, label=self.label_hash[lab]) for s, e, lab in ents],
                             default="outside")
                yield doc

    # -- decoding -------------------------------------------------------------------------

    def predict(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """Entities of each doc as (start, end, label id), by greedy decoding in lockstep.

        No entity may run into the next sentence, so every sentence starts with nothing
        open, the state's only memory. Given the token vectors (computed over whole
        docs), each sentence is then decoded on its own, and the sentences of a batch
        advance together: as many steps as the longest sentence has tokens.
        """
        assert self.ner is not None
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        lengths = numpy.array([len(doc) for doc in docs])
        if not lengths.any():
            return found
        tok2vec, lower, upper = self.ner.model.layers
        # one row per token of the batch, docs in order, after row 0: the learned padding
        table = lower.predict(tok2vec.predict(docs))
        bias = lower.get_param("b")
        weights, out_bias = upper.get_param("W"), upper.get_param("b")
        flags = numpy.concatenate([doc.to_array([IS_SPACE, SENT_START]).reshape(-1, 2)
                                   for doc in docs if len(doc)])
        is_space = flags[:, 0] != 0
        first = flags[:, 1] == 1
        doc_of = numpy.repeat(numpy.arange(len(docs)), lengths)
        doc_start = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        first[doc_start[lengths > 0]] = True
        seg_row = numpy.flatnonzero(first)  # where each sentence starts
        seg_len = numpy.diff(numpy.append(seg_row, len(flags)))
        order = numpy.argsort(-seg_len, kind="stable")  # longest first: the live ones
        seg_row, seg_len = seg_row[order], seg_len[order]  # are a prefix at every step
        n = len(seg_row)
        is_open = numpy.zeros(n, dtype=bool)
        ent_start = numpy.zeros(n, dtype=int)  # global row of the open entity's first token
        ent_label = numpy.zeros(n, dtype=int)
        spans: list[tuple[int, int, int]] = []  # (global start, global end, label id)
        for t in range(int(seg_len[0])):
            k = int(numpy.count_nonzero(seg_len > t))
            opened = is_open[:k]
            here = seg_row[:k] + t  # global row of each sentence's next token
            padded = opened.astype(int)
            hidden = table[here + 1, 0] + table[(ent_start[:k] + 1) * padded, 1]
            hidden += table[here * padded, 2]
            hidden += bias
            scores = self.ops.gemm(hidden.max(axis=2), weights, trans2=True)
            scores += out_bias
            if len(self.unseen):
                scores[:, self.unseen] = scores.min()
            valid = self._valid(opened, ent_label[:k], is_space[here], t + 1 < seg_len[:k])
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            self._advance(guess, here, is_open, ent_start, ent_label, spans)
        for start, end, label in spans:
            d = doc_of[start]
            found[d].append((start - doc_start[d], end - doc_start[d], label))
        for ents in found:
            ents.sort()
        return found

    def _valid(self, opened: numpy.ndarray, label: numpy.ndarray, space: numpy.ndarray,
               can_extend: numpy.ndarray) -> numpy.ndarray:
        """The actions spaCy's BILUO rules allow each state, without preset entities."""
        closed = ~opened[:, None]
        same = opened[:, None] & (self.move_label[None, :] == label[:, None])
        starts = closed & ~space[:, None]
        return ((closed & self.out) | (starts & self.unit)
                | (starts & self.begin & can_extend[:, None])
                | (same & self.last) | (same & self.inside & can_extend[:, None]))

    def _advance(self, guess: numpy.ndarray, here: numpy.ndarray, is_open: numpy.ndarray,
                 ent_start: numpy.ndarray, ent_label: numpy.ndarray,
                 spans: list[tuple[int, int, int]]) -> None:
        kind, label = self.move_type[guess], self.move_label[guess]
        for row in numpy.flatnonzero(kind == _UNIT).tolist():
            spans.append((int(here[row]), int(here[row]) + 1, int(label[row])))
        for row in numpy.flatnonzero(kind == _LAST).tolist():
            spans.append((int(ent_start[row]), int(here[row]) + 1, int(ent_label[row])))
            is_open[row] = False
        begins = numpy.flatnonzero(kind == _BEGIN)
        if len(begins):
            is_open[begins] = True
            ent_start[begins] = here[begins]
            ent_label[begins] = label[begins]


@Language.factory("communique_batched_ner")
def _make_ner(nlp: Language, name: str) -> BatchedEntityRecognizer:
    return BatchedEntityRecognizer()
