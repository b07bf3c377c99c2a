"""Who is speaking: subject phrases of cue verbs, addressees, and pronoun antecedents.

Everything here reads the dependency parse that the pipeline already made; a
pronoun is resolved by a salience rule rather than a coreference model, because
in news copy the antecedent of "he said" is nearly always the last person quoted
or the subject of a recent sentence, and a rule keeps the stage fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp.cache import doc_ents
from .lexicon import default_nouns

SUBJECTS = ("nsubj", "nsubjpass")
PERSON_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she"}
GROUP_PRONOUNS = {"it", "they", "them"}
_PHRASE_DROP = {"appos", "relcl", "acl", "punct", "advmod", "parataxis", "dep"}
_KEEP_PREPS = {"of", "for"}
_ADDRESSEE_OBJECT = {"tell", "inform", "assure", "remind", "warn", "urge", "ask", "advise"}
_PERSON_LABELS = {"PERSON"}
_GROUP_LABELS = {"ORG", "GPE"}


@dataclass(frozen=True)
class Mention:
    """A stretch of text that can be a speaker, with what kind of actor it names."""

    start: int
    end: int
    text: str
    kind: str | None  # "person", "group" or None when unknown
    rank: int  # 0 speaker, 1 clause subject, 2 other mention
    sent: int


def subject_of(verb: Token, quoted: set[int] | frozenset[int] = frozenset()) -> Token | None:
    """The subject of a verb, borrowed from the verb it hangs off when it has none.

    "Xi said, adding ..." and "he was quoted as saying" leave the cue without a
    subject of its own; the speaker is then the subject of the governing verb.
    Subjects inside quotation marks (token indices in ``quoted``) are the
    speaker's words, never the speaker.
    """
    seen = 0
    while seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.i not in quoted:
                return child
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and verb.head.i != verb.i:
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
            seen += 1
            continue
        return None
    return None


def inverted_subject(verb: Token) -> Token | None:
    """The speaker of an inverted cue ('"...," declared the mayor'), parsed as an object.

    Only when the verb directly follows the quotation's punctuation and does not
    take its hearer as object ("told Reuters" names the addressee, not the speaker).
    """
    if verb.i == 0 or not verb.doc[verb.i - 1].is_punct:
        return None
    if verb.lemma_.lower() in _ADDRESSEE_OBJECT:
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "dep") and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def phrase_of(head: Token) -> Span:
    """The name phrase a head noun stands for ("Foreign Minister Wang Yi", "the minister").

    Appositions, relative clauses and stray prepositional attachments are left
    out; "of"/"for" phrases stay ("spokesperson for the ministry").
    """
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in _PHRASE_DROP and child.tag_ != "HYPH":  # keep "Kurdish-led"
                continue
            if child.dep_ == "prep" and child.lower_ not in _KEEP_PREPS:
                continue
            keep.add(child.i)
            stack.append(child)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    while lo < hi and (doc[hi].is_punct or doc[hi].dep_ == "case"):
        hi -= 1
    return doc[lo : hi + 1]


def addressee_of(cue: Token) -> Token | None:
    """Whom the words were addressed to: "told Putin", "said to reporters"."""
    if cue.lemma_.lower() in _ADDRESSEE_OBJECT:
        for child in cue.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return child
    for child in cue.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def kind_of(phrase: Span) -> str | None:
    """Person or group, from an apposition, the named-entity label or the head noun.

    An apposition ("Barnier, a former commissioner") or an age ("the
    70-year-old Barnier") is better evidence than the small model's entity label.
    """
    head = phrase.root
    for child in head.children:
        if child.dep_ == "appos":
            kind = default_nouns().get(child.lemma_.lower())
            if kind:
                return kind
        if child.lower_ == "old" and any(t.lemma_ == "year" for t in child.subtree):
            return "person"
    for tok in phrase:  # the first entity the phrase touches (token labels: no Span objects)
        if tok.ent_type_:
            if tok.ent_type_ in _PERSON_LABELS:
                return "person"
            if tok.ent_type_ in _GROUP_LABELS:
                return "group"
            break
    return default_nouns().get(head.lemma_.lower()) or default_nouns().get(head.lower_)


def pronoun_class(token: Token) -> str | None:
    """Class of a subject pronoun: "he", "she", "group" (it/they), or None."""
    if token.pos_ != "PRON":
        return None
    low = token.lower_
    if low in PERSON_PRONOUNS:
        return PERSON_PRONOUNS[low]
    return "group" if low in GROUP_PRONOUNS else None


class MentionIndex:
    """Candidate antecedents of a document, in reading order, for pronoun speakers."""

    def __init__(self, doc: Doc, quoted: set[int] | frozenset[int] = frozenset()) -> None:
        """``quoted`` holds the token indices inside quotation marks: names there are
        the speaker's words ("I think the administration ..."), not antecedents."""
        self.doc = doc
        self.quoted = quoted
        self.sent_starts = [s.start for s in doc.sents]
        self.mentions: list[Mention] = []
        for ent in doc_ents(doc):
            if ent.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "the chief Brexit negotiator" mentions no one called Brexit
            kind = kind_of(ent)
            if kind:
                rank = 1 if ent.root.dep_ in SUBJECTS else 2
                self._add(ent, kind, rank)
        for tok in doc:
            if tok.dep_ not in SUBJECTS or tok.ent_type_:
                continue
            if tok.pos_ == "NOUN":
                phrase = phrase_of(tok)
                kind = kind_of(phrase)
                if kind:
                    self._add(phrase, kind, 1)
            elif tok.pos_ == "PROPN":
                # a name the entity recogniser missed: fits any pronoun
                self._add(phrase_of(tok), None, 1)

    def sent_index(self, token_i: int) -> int:
        lo, hi = 0, len(self.sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sent_starts[mid] <= token_i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _add(self, span: Span, kind: str | None, rank: int) -> None:
        if any(t.i in self.quoted for t in span):
            return
        sent = self.sent_index(span.start)
        self.mentions.append(Mention(span.start_char, span.end_char, span.text, kind, rank, sent))

    def add_speaker(self, mention: Mention) -> None:
        """Record a resolved speaker: speakers outrank any other mention as antecedents."""
        self.mentions.append(mention)

    def resolve(self, pronoun: Token, lookback: int = 6, depth: int = 0) -> Mention | None:
        """The antecedent of a subject pronoun, or None when nothing fits.

        Sentences are searched from the pronoun's own backwards; within one
        sentence a speaker beats a clause subject, which beats any other
        mention, and a later mention beats an earlier one. A subject pronoun of
        the same class in between carries the chain on ("He met Biden. 'We
        agreed,' he said." keeps the first antecedent, not Biden).
        """
        cls = pronoun_class(pronoun)
        if cls is None:
            return None
        wanted = "person" if cls in ("he", "she") else "group"
        here = self.sent_index(pronoun.i)
        limit = pronoun.idx
        for sent in range(here, max(-1, here - lookback - 1), -1):
            cands = [
                m for m in self.mentions
                if m.sent == sent and m.end <= limit and m.kind in (wanted, None)
            ]  # fmt: skip
            chain = self._chain_pronoun(sent, pronoun, cls)
            best = min(cands, key=lambda m: (m.rank, -m.start), default=None)
            if chain is not None and depth < 3 and (best is None or best.rank > 1):
                if best is None or chain.idx > best.start:
                    found = self.resolve(chain, lookback, depth + 1)
                    if found:
                        return found
            if best is not None:
                return best
        return None

    def _chain_pronoun(self, sent: int, pronoun: Token, cls: str) -> Token | None:
        start = self.sent_starts[sent]
        end = self.sent_starts[sent + 1] if sent + 1 < len(self.sent_starts) else len(self.doc)
        found = None
        for tok in self.doc[start:end]:
            if tok.i >= pronoun.i:
                break
            if tok.dep_ in SUBJECTS and pronoun_class(tok) == cls:
                found = tok
        return found
