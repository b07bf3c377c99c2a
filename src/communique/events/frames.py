"""Reading a trigger's frame off the dependency parse.

These helpers answer the questions the lexicon asks ("has it a particle
*off*?", "what is its direct object?") and find the actor and recipient
phrases, following the constructions news English uses: passives, control
verbs, coordination, participial and relative clauses.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .voice import RELATIVE_PRONOUNS, SUBJECTS, is_passive, passive_subjects

OBJECTS = {"dobj", "obj"}
HYPOTHETICAL_AUX = {"may", "might", "could", "should", "must", "can"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll"}
#: Verbs whose object is the means of the act their infinitive names ("used X to disperse").
INSTRUMENT_VERBS = {"use", "employ", "utilize", "utilise"}
# Modifiers cut off when a noun phrase is turned into text for actor resolution.
_NP_CUT = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "det", "prep", "case"}


def preps(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP"]


def prep_lemmas(tok: Token) -> set[str]:
    """The prepositions of a trigger's frame. A phrase that only says when ("called his
    counterpart *on Monday*", "agreed *on Tuesday*") is no part of the frame: it must not make
    "call" a "call on" or "agree" an "agree on"."""
    return {c.lower_ for c in preps(tok) if not _time_phrase(c)}


def _time_phrase(prep: Token) -> bool:
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def particles(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "prt"}


def direct_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in OBJECTS:
            return c
    return None


def shared_object(tok: Token) -> Token | None:
    """The object a verb shares with the verb coordinated after it: "police beat and arrested
    protesters" (the protesters were beaten too). Only for a verb with no object of its own."""
    if direct_object(tok) is not None:
        return None
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i and not any(
                g.dep_ in SUBJECTS for g in c.children):
            return direct_object(c)
    return None


MEASURE_NOUNS = {"kg", "kilogram", "kilo", "ton", "tonne", "worth", "shipment", "batch",
                  "consignment", "amount", "quantity", "lot", "load", "cargo", "convoy", "supply",
                  "package", "round", "delivery", "number", "set", "dose", "truckload",
                  # a part of the thing acted on: "suspended part of its aid"
                  "part", "portion", "half", "share", "bulk", "rest", "remainder", "fraction",
                  # a count of it: "sent thousands of troops", "trained hundreds of fighters"
                  "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "scores"}


def object_words(tok: Token) -> set[str]:
    """Lemmas a frame's object constraint may match: the direct object, its conjuncts,
    what a measure noun measures ("700 kg of medicine"), and for a verb coordinated with
    another ("donated and delivered goods") the object they share."""
    obj = direct_object(tok)
    if obj is None and tok.dep_ == "conj":
        obj = direct_object(tok.head)
    if obj is None:
        obj = next((direct_object(c) for c in tok.children if c.dep_ == "conj"
                    and direct_object(c) is not None), None)
    if obj is None:
        # "allowed the opposition leader to run": the parser may make the object the
        # subject of the infinitive that follows it.
        obj = next((g for c in tok.children if c.dep_ == "ccomp" and "to" in auxiliaries(c)
                    for g in c.children if g.dep_ in SUBJECTS), None)
    if obj is None:
        # "sanctions were imposed on Iran", "troops were deployed": a passive's subject is
        # what the active verb's object would have been. Not a reduced relative ("property
        # seized by the army"), whose noun belongs to another clause's event, nor a subject
        # that says nothing was done ("no deadline had been set").
        obj = next((c for c in tok.children if c.dep_ == "nsubjpass"
                    and not any(d.lower_ == "no" for d in c.children)), None)
    if obj is None:
        return set()
    words: set[str] = set()
    for o in conjuncts(obj):
        words.update((o.lemma_.lower(), o.lower_))
        if o.pos_ == "PROPN":
            # "opposition leader Raila Odinga", "journalist Ana Diaz": the title says what
            # the named object is.
            words.update(c.lemma_.lower() for c in o.children
                         if c.dep_ == "compound" and c.pos_ == "NOUN")
        if o.lemma_.lower() in MEASURE_NOUNS:
            for p in preps(o):
                if p.lower_ == "of":
                    words.update(c.lemma_.lower() for c in p.children if c.dep_ == "pobj")
    return words


def predicate_words(tok: Token) -> set[str]:
    """What the object is called: "called the decision *a violation*", "called the sanctions
    *illegal*", "labelled the visit *a provocation*" (a second object). A plural noun right
    after another plural ("called the opposition leaders traitors") is the second noun
    phrase, as plurals do not modify nouns."""
    words: set[str] = set()
    objects = [c for c in tok.children if c.dep_ in OBJECTS]
    for c in tok.children:
        if c.dep_ == "oprd":
            words.update((c.lemma_.lower(), c.lower_))
    for obj in objects[1:]:
        words.update((obj.lemma_.lower(), obj.lower_))
    for obj in objects[:1]:
        if called_object(obj) is not obj:
            words.update((obj.lemma_.lower(), obj.lower_))
    return words


def called_object(obj: Token) -> Token:
    """Who is called something when the parser ran the two noun phrases together: in "called
    the opposition leaders traitors" the object is *leaders*, and *traitors* what they are
    called (a plural right before another plural is a second noun phrase, not a modifier)."""
    before = obj.doc[obj.i - 1] if obj.i > 0 else None
    if (obj.tag_ == "NNS" and before is not None and before.dep_ == "compound"
            and before.tag_ == "NNS" and before.head.i == obj.i):
        return before
    return obj


def dative(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "dative" and c.pos_ != "ADP":
            return c
    return None


def complement(tok: Token) -> Token | None:
    """The infinitive a control verb governs: "pledged to deepen", "urged Russia to withdraw"."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and not _hyphen_prefix(c):
            return c
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    for c in tok.children:
        # "have sworn to fight until ...": the parser may take an infinitive right after the
        # verb for one of purpose; with nothing between them it is the verb's complement.
        if (c.dep_ == "advcl" and c.pos_ == "VERB" and c.i == tok.i + 2
                and tok.doc[tok.i + 1].lower_ == "to" and tok.doc[tok.i + 1].head.i == c.i):
            return c
    return None


def _hyphen_prefix(tok: Token) -> bool:
    """ "re" and "-" of "agreed to re-open", which the tokenizer splits off the verb."""
    doc = tok.doc
    return tok.text == "-" or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"
                               and not doc[tok.i].whitespace_)


def content_clauses(tok: Token) -> list[Token]:
    """Clauses that say what a verbal act is about: "demanded *that Israel ease* ...",
    "pledged *to deepen* ...", "accused Kenya *of harbouring* ..."."""
    out = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    for p in preps(tok):
        out.extend(c for c in p.children if c.dep_ == "pcomp")
        # "called for all parties to push for ...": the clause hangs on the object
        for obj in (c for c in p.children if c.dep_ == "pobj"):
            out.extend(c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
    obj = direct_object(tok)
    if obj is not None:
        # "reiterated its demand that Israel ease ...", "a plan to ..."
        out.extend(c for c in obj.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB")
    return out


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of ``prep`` on ``tok``, on its direct object ("held talks with X"), or up to
    two phrases further down ("disbursed 1.5 billion euros in assistance to Ukraine"). A phrase
    after the last of coordinated objects belongs to them all: "launched artillery, mortar and
    rocket fire *against* the camps" aims the artillery too."""
    out: list[Token] = []
    frontier = [tok]
    obj = direct_object(tok)
    if obj is not None:
        frontier.extend(conjuncts(obj))
    for depth in range(3):
        nxt: list[Token] = []
        for head in frontier:
            for p in preps(head):
                objs = [c for c in p.children if c.dep_ == "pobj"]
                if p.lower_ == prep:
                    out.extend(objs)
                elif depth < 2:
                    nxt.extend(o for o in objs if o.pos_ == "NOUN")
        if out:
            return out
        frontier = nxt
    return out


def all_prep_objects(tok: Token) -> Iterator[Token]:
    heads = [tok]
    obj = direct_object(tok)
    if obj is not None:
        heads.append(obj)
    for head in heads:
        for p in preps(head):
            yield from (c for c in p.children if c.dep_ == "pobj")


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children)


def auxiliaries(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def condition_markers(tok: Token) -> set[str]:
    """The "if"/"unless" that introduce the clause's own conditions ("will withdraw unless")."""
    return {m.lower_ for c in tok.children if c.dep_ == "advcl"
            for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")}


def has_condition(tok: Token) -> bool:
    """The clause carries its own "unless"/"if" condition ("will withdraw unless ...")."""
    return bool(condition_markers(tok))


def is_conditional(tok: Token) -> bool:
    """Inside an "if"/"unless" clause: not something that happened."""
    node = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.dep_ in ("advcl", "conj", "xcomp") and node.head is not node:
            node = node.head
            continue
        return False


def is_purpose(tok: Token) -> bool:
    """Inside an infinitive of purpose ("met to discuss trade ... and push for", "sent
    trainers to help its neighbour fight armed groups"): an aim, not an act."""
    for _ in range(6):
        if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in tok.children):
            # "used tear gas to disperse ...": what an instrument is used for is the act.
            return tok.head.lemma_.lower() not in INSTRUMENT_VERBS
        if tok.dep_ not in ("conj", "xcomp", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def subject(tok: Token) -> tuple[Token | None, bool]:
    """The phrase that names who acts, and whether it came from a passive's *by* phrase.

    Walks up through coordination ("met and agreed"), control ("pledged to
    deepen"), participial adverbials ("Speaking to X, Xi said") and relative
    clauses ("rebels who attacked").
    """
    node = tok
    for _ in range(6):
        if is_passive(node):
            if node is not tok:
                # "was indicted by the court and will resign", "was urged to withdraw": an
                # active clause under a passive one has the passive's subject for its own.
                under = passive_subjects(node)
                if under:
                    return under[0], False
            for p in node.children:
                if p.dep_ == "agent":
                    objs = [c for c in p.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0], True
            return None, True
        for c in node.children:
            if c.dep_ in SUBJECTS:
                if c.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return node.head, False
                return c, False
        if (node.dep_ == "acl" and node.head.dep_ in OBJECTS
                and node.head.lemma_.lower() in DOCUMENT_NOUNS):
            # "issued a statement demanding ...": the statement speaks for its issuer.
            node = node.head.head
            continue
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head, False
        if node.dep_ == "xcomp" or (node.dep_ == "ccomp" and "to" in auxiliaries(node)):
            obj = direct_object(node.head)
            # Object control: "urged Russia to withdraw" -> Russia withdraws.
            if obj is not None and node.head.lemma_ in ("urge", "ask", "press", "call", "order"):
                return obj, False
            node = node.head
            continue
        if node.dep_ in ("conj", "advcl", "acomp") and node.head is not node:
            node = node.head
            continue
        return None, False
    return None, False


PERSONAL_PRONOUNS = {"it", "they", "he", "she"}
# What an actor issues or sends that then "demands", "condemns" or "calls for" in its name.
DOCUMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "resolution",
                  "letter", "message", "note", "memorandum", "petition", "decree", "report",
                  "appeal", "release", "manifesto", "ultimatum", "proclamation", "reminder",
                  "warning", "demand", "notice", "word"}


def reporting_subject(tok: Token) -> Token | None:
    """For "Germany said it would send ...": the named subject of the reporting verb.

    A third-person pronoun subject inside a clause reported by a speech verb most
    often refers back to that verb's subject; we take it when it is a noun phrase.
    """
    node = tok
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or node.head is node:
            return None
        node = node.head
        for c in node.children:
            if c.dep_ in SUBJECTS:
                return c if c.pos_ in ("PROPN", "NOUN") else None
    return None


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Israel and Lebanon")."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "ADJ", "PRON"):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def phrase(tok: Token) -> Span:
    """The noun phrase headed by ``tok``, without clauses, appositions and coordinated parts.

    "of"-phrases stay ("the president of Russia"); other prepositional phrases,
    relative clauses and the like are cut so the resolver sees the name itself.
    """
    keep = {tok.i}
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ in _NP_CUT and not (c.dep_ == "prep" and c.lower_ == "of" and cur is tok):
                if c.dep_ == "det" and c.lower_ not in ("the", "a", "an"):
                    continue
                if c.dep_ in ("det", "case") and c.i < tok.i:
                    keep.add(c.i)
                continue
            keep.add(c.i)
            stack.append(c)
    lo, hi = min(keep), max(keep)
    doc = tok.doc
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo : hi + 1]


def coordinated_modifiers(tok: Token) -> list[Token]:
    """Adjectives coordinated before a head noun: "Hungarian and Romanian officials"."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in c.children):
            return conjuncts(c)
    return []
