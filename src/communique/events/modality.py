"""What a clause's modality makes of a coded act: refusals and offers.

CAMEO codes a stated refusal to do something cooperative as REJECT ("Iran said it
would not release the sailors" is 1243, refuse to release persons), not as the
absence of an event: the refusal is itself the news. A future act that is merely
not done ("did not attack") stays no event; only "will not"/"would not"/"will
never" state a refusal. Conditional offers ("would meet the envoy if ...") are
intentions, coded like any other stated future of cooperation, while
conditional harm stays a threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import frames

# The REJECT code for refusing each cooperative act, from the CAMEO 12 family's own
# descriptions (refuse to ease sanctions, to release, to allow involvement, ...).
_REFUSAL = {
    "04": "125", "036": "125", "05": "120", "06": "120", "07": "122",
    "08": "124", "080": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
    "0832": "1232", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}  # fmt: skip
# Verbs whose infinitive says what was not done ("failed to uphold", "declined to sign").
FAILURE_VERBS = {"fail", "refuse", "decline", "neglect", "omit", "reject"}


def refusal_code(cameo: str) -> str | None:
    """The CAMEO REJECT code for refusing the act ``cameo``, or None if it is no cooperation."""
    for key in (cameo[:4], cameo[:3], cameo[:2]):
        if key in _REFUSAL:
            return _REFUSAL[key]
    return None


def is_refusal(tok: Token) -> bool:
    """ "will not meet", "would never accept": a negated statement about the actor's future."""
    return frames.is_negated(tok) and bool(frames.auxiliaries(tok) & frames.FUTURE_AUX)


def is_offer(tok: Token, quad_code: int) -> bool:
    """ "would meet the envoy if he gave them a veto": cooperation on a condition the other
    side may meet is an offer. "Unless" makes a warning of it, and harm on any condition
    is a threat."""
    markers = frames.condition_markers(tok)
    return quad_code in (1, 2) and bool(markers) and "unless" not in markers


def failed(tok: Token) -> bool:
    """The infinitive of "failed to", "refused to": what it names did not happen."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FAILURE_VERBS
