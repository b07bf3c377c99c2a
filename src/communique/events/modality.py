"""What a clause's modality makes of a coded act: refusals and offers.

CAMEO codes a stated refusal to do something cooperative as REJECT ("Iran said it
would not release the sailors" is 1243, refuse to release persons), not as the
absence of an event: the refusal is itself the news. A future act that is merely
not done ("did not attack") stays no event; only "will not"/"would not"/"will
never" state a refusal. Conditional offers ("would meet the envoy if ...") are
intentions, coded like any other stated future of cooperation, while
conditional harm stays a threat.

A statement about the actor's own future is coded as CAMEO codes it: cooperation
promised is an intent (AGREE in PLOVER; giving way promised stays CONCEDE), force or
sanctions promised are a threat, and what "may" or "could" happen is no event unless a
condition makes a warning of it.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import frames
from .ontology import Ontology

# Verbs that only say when an act runs: "vowed to keep attacking" promises the attack.
_ASPECTUAL = {"keep", "continue", "resume", "start", "begin", "go"}

# The REJECT code for refusing each cooperative act, from the CAMEO 12 family's own
# descriptions (refuse to ease sanctions, to release, to allow involvement, ...).
_REFUSAL = {
    "04": "125", "036": "125", "05": "120", "06": "120", "07": "122",
    "08": "124", "080": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
    "0832": "1232", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}  # fmt: skip
# A stated future of a cooperative or forceful act is coded as intent or threat.
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_INTENT_DETAIL = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
    "072": "0332", "073": "0333", "074": "0334", "084": "0353", "0841": "0353",
    "085": "0354", "087": "0356", "0874": "0356",
}  # fmt: skip
_THREAT = {"14": "133", "16": "1313", "163": "1312", "162": "1311", "17": "132", "18": "138",
           "19": "138", "20": "138", "192": "1382", "191": "1381"}
_COERCIVE_ROOTS = {"16", "17", "18", "19", "20"}
_PLAN_VERBS = ("plan", "intend", "want", "hope", "aim")
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


def threat_code(cameo: str) -> str:
    """The CAMEO THREATEN code for promising the act ``cameo`` (130, threaten, if no finer
    one fits): "vowed to fight", "may halt mediation if ..."."""
    return next((_THREAT[k] for k in (cameo[:3], cameo[:2]) if k in _THREAT), "130")


def apply_modality(tok: Token, cameo: str, ontology: Ontology) -> tuple[str, str | None] | None:
    """The code for what the clause says actually happened, or None if nothing did.

    Returns the CAMEO code and, where PLOVER types a future act differently from
    CAMEO's intent code, the PLOVER type to use instead.
    """
    aux = frames.auxiliaries(tok)
    if cameo.startswith("13"):
        return cameo, None
    if (aux & frames.FUTURE_AUX and frames.has_condition(tok)
            and not is_offer(tok, ontology[cameo].quad_code)):
        # "will withdraw its troops unless ...": a conditional promise of harm is a threat.
        return "130", None
    if aux & frames.HYPOTHETICAL_AUX:
        if frames.has_condition(tok) and cameo[:2] in _COERCIVE_ROOTS:
            # "may halt mediation if ...": a conditional harm is a threat.
            return threat_code(cameo), None
        return None
    if not (aux & frames.FUTURE_AUX or _governed_by_plan(tok)):
        return cameo, None
    # PLOVER: future CONSULT/SUPPORT/COOPERATE/AID are AGREE; future RETREAT and
    # CONCEDE are CONCEDE; a stated future use of force or sanctions is a threat.
    for key in (cameo, cameo[:3]):
        if key in _INTENT_DETAIL:
            return _intent_type(_INTENT_DETAIL[key], cameo)
    if cameo[:2] in _INTENT:
        return _intent_type(_INTENT[cameo[:2]], cameo)
    for key in (cameo[:3], cameo[:2]):
        if key in _THREAT:
            return _THREAT[key], None
    return None if cameo[:2] == "15" else (cameo, None)


def _intent_type(intent: str, cameo: str) -> tuple[str, str | None]:
    """PLOVER types a promise to give way as CONCEDE, not as CAMEO's intent (AGREE)."""
    return intent, ("CONCEDE" if cameo.startswith("08") else None)


def _governed_by_plan(tok: Token) -> bool:
    """ "plans to visit", "hopes to sign": an infinitive under a plan is a stated future."""
    return tok.dep_ == "xcomp" and tok.head.lemma_ in _PLAN_VERBS


def promised_act(comp: Token) -> Token:
    """The act a promise names under aspectual verbs: "attacking" in "vowed to keep attacking
    ships", so that a promise to go on fighting reads as the threat it is."""
    for _ in range(3):
        inner = frames.complement(comp) if comp.lemma_.lower() in _ASPECTUAL else None
        if inner is None:
            break
        comp = inner
    return comp
