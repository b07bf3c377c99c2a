"""Voice: whether a verb is passive, and who its act fell on.

News English reports many acts in the passive ("was attacked by", "were arrested and
beaten"), often without an auxiliary ("villagers driven from their homes"). The coder asks
two questions of every trigger: is it passive (so that its subject is who was acted upon and
its *by* phrase who acted), and on whom did the act fall. These helpers answer both from the
dependency parse alone.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def is_passive(tok: Token) -> bool:
    return (any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in tok.children)
            or is_reduced_passive(tok) or _shares_passive(tok))


def is_reduced_passive(tok: Token) -> bool:
    """ "Migrants *ordered* out of the country", "villagers *driven* from their homes": a
    participle after a noun, with no subject or auxiliary of its own, is a passive relative
    clause. The noun is who was acted upon, not who acted. (When the noun is the root of a
    sentence with no other verb, the parser has mistaken the main verb for such a participle.)

    A noun phrase set off by a comma at the end of a report (", a rights group charged on
    Saturday") is most often the report's speaker, whom the parser took for such a noun:
    there only a *by* phrase makes the participle passive."""
    if not (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.i > tok.head.i
            and tok.head.pos_ in ("NOUN", "PROPN")):
        return False
    if tok.head.dep_ == "ROOT":
        return False  # "A newspaper called on Arabs to ...": with no other verb, the main one
    kids = list(tok.children)
    if any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass", "mark") for c in kids):
        return False
    edge = tok.head.left_edge.i
    after_comma = edge > 0 and tok.doc[edge - 1].text == ","
    return not after_comma or any(c.dep_ == "agent" for c in kids)


def _shares_passive(tok: Token) -> bool:
    """ "were arrested and beaten by police": a participle coordinated with a passive verb,
    with no auxiliary or subject of its own, is passive too."""
    return (tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in tok.children)
            and is_passive(tok.head))


def passive_subjects(tok: Token) -> list[Token]:
    """Who a passive verb's act fell on: its passive subject, the noun a reduced relative
    hangs from, or, for a participle sharing another's passive, that verb's subject."""
    if is_reduced_passive(tok):
        return [tok.head]
    own = [c for c in tok.children if c.dep_ in PASSIVE_SUBJECTS]
    if not own and _shares_passive(tok):
        return passive_subjects(tok.head)
    if own and own[0].lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
        return [tok.head]  # "the minister, who was accused ...": the minister
    return own
