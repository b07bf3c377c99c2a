"""Where news English puts an event's parties when they are not its plain subject and object.

The frame helpers in :mod:`.frames` find the subject, the object and the prepositional
phrases of a trigger. These helpers answer the questions that come after, each for a
construction reporters use every day:

- who is asked: "reiterated its demand *that Israel* ease ..." names the addressee inside the
  content clause of the demand, not as an object of the verb;
- who is accused: "*the army* is holding journalists without charge, a rights group charged"
  names the accused as the subject of the reported clause;
- who is threatened: "threatened to walk out *if the United States* goes ahead" names the
  target in the condition;
- whom a protest defies: "blocked streets *in defiance of Chinese authorities*", "a hunger strike
  *in protest at* the government's refusal";
- whose a thing is when only a modifier says so: "*U.N.* helicopters", "*Vietnamese*-led
  forces", "recent *US* drone strikes";
- which participle only tells the outcome of the act before it: "attacked the camp, *killing*
  12" reports one attack, not two events;
- which passives are states the subject is in: "Vietnam *is committed* to reform", "the army
  *is prepared* to act" (the subject acts; nobody acted on it);
- whom forces are raised against: "trained hackers capable of launching attacks *against
  Israel*", "armed militants for raids *on US bases*".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import frames, voice

#: Participles used as adjectives of readiness or involvement: "is committed to", "is
#: prepared to", "were engaged in". Their subject is the one who acts.
STATIVE_PARTICIPLES = {"commit", "prepare", "determine", "resolve", "dedicate", "engage",
                       "involve", "poise", "ready", "set", "bind", "oblige"}
#: Nouns after "in" that turn the following "of"/"at"/"against"/"to" phrase into the target
#: of a protest: "in defiance of", "in protest at", "in opposition to".
_DEFIANCE_NOUNS = {"defiance", "protest", "opposition", "response", "retaliation", "anger",
                   "outrage", "condemnation"}
_DEFIANCE_PREPS = {"of", "at", "against", "to", "over"}
#: Modifier relations through which a noun says whose it is ("US troops", "Russia's army").
_OWNER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
_PRONOUN_SUBJECTS = {"it", "they", "he", "she", "we", "i", "you", "who", "which", "that"}


def is_stative(tok: Token) -> bool:
    """A passive-looking participle that describes its subject's state ("is committed to")."""
    if tok.lemma_.lower() not in STATIVE_PARTICIPLES:
        return False
    kids = list(tok.children)
    if any(c.dep_ == "agent" for c in kids):
        return False
    if not any(c.dep_ in voice.PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in kids):
        return False
    return any(c.dep_ in ("xcomp", "prep") and c.lower_ in ("to", "in") or c.dep_ == "xcomp"
               for c in kids)


def stative_subject(tok: Token) -> Token | None:
    """The subject of a stative participle, who is the actor: "Vietnam is committed to ..."."""
    return next((c for c in tok.children if c.dep_ in voice.PASSIVE_SUBJECTS), None)


def _clause_subject(clause: Token) -> Token | None:
    """The active subject of a clause. A passive subject ("demanded that the prisoners be
    freed") is acted upon, not the party asked or threatened, and a subject cut off from the
    clause's opening word by punctuation is a misparse of a following attribution."""
    mark = next((m for m in clause.children if m.dep_ == "mark"), None)
    for c in clause.children:
        if c.dep_ in voice.PASSIVE_SUBJECTS:
            return None
        if c.dep_ in frames.SUBJECTS:
            if c.lower_ in _PRONOUN_SUBJECTS:
                return None
            if mark is not None and any(t.is_punct for t in c.doc[mark.i : c.left_edge.i]):
                return None
            return c
    return None


def addressee_clauses(tok: Token) -> list[Token]:
    """Subjects of the clauses that say what a demand asks for.

    "demanded that Kenya withdraw", "reiterated its call that Israel ease ...", "insisted on
    its demand that the government resign": whoever must act is the one asked.
    """
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    heads = [tok]
    obj = frames.direct_object(tok)
    if obj is not None:
        heads.append(obj)
    heads.extend(o for p in frames.preps(tok) for o in p.children if o.dep_ == "pobj")
    for head in heads[1:]:
        clauses.extend(c for c in head.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
    out = []
    for clause in clauses:
        subj = _clause_subject(clause)
        if subj is not None:
            out.append(subj)
    return out


#: How the parser attaches a report's speaker set off after a comma: as an appositive, a
#: second object or an adverbial noun of the clause reported.
_REPORTER_DEPS = {"appos", "dobj", "npadvmod", "conj"}


def reported_clauses(tok: Token) -> list[Token]:
    """The clauses a speech act reports: "charged *that the army tortured* ...", and the
    report put first with its speaker after a comma ("*The police beat students*, a rights
    group charged"), which the parser may read as an appositive or a second object with the
    verb hanging from it.
    """
    out = [c for c in tok.children if c.dep_ == "ccomp" and "to" not in frames.auxiliaries(c)]
    root = tok.sent.root
    edge = tok.head.left_edge.i
    if (not out and tok.dep_ == "acl" and tok.head.dep_ in _REPORTER_DEPS and root.i < edge
            and edge > 0 and tok.doc[edge - 1].text == "," and root.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in frames.OBJECTS for c in tok.children)):
        out.append(root)
    return out


def accused_parties(tok: Token) -> list[Token]:
    """Who a complaint or charge says did wrong when no object names them: the subject of
    the clause it reports ("protested that *the police* beat students")."""
    return [s for c in reported_clauses(tok) if (s := _clause_subject(c)) is not None]


def condition_subjects(tok: Token, comp: Token | None) -> list[Token]:
    """The subject of a threat's condition: "will cut aid if Kenya does not ..." -> Kenya."""
    out = []
    for node in (tok, comp):
        if node is None:
            continue
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children):
                subj = _clause_subject(c)
                if subj is not None:
                    out.append(subj)
    return out


def defied_parties(tok: Token) -> list[Token]:
    """What a protest is aimed at when an idiom says so: "in defiance of X", "in protest at X".

    Looked for on the trigger, on a verb that carries the protest noun, and on its object.
    """
    heads = [tok]
    if tok.dep_ in ("dobj", "attr", "pobj") and tok.head.pos_ in ("VERB", "AUX"):
        heads.append(tok.head)
    obj = frames.direct_object(tok)
    if obj is not None:
        heads.append(obj)
    out: list[Token] = []
    for head in heads:
        for p in frames.preps(head):
            if p.lower_ not in ("in", "as"):
                continue
            for noun in (o for o in p.children if o.dep_ == "pobj"):
                if noun.lemma_.lower() not in _DEFIANCE_NOUNS:
                    continue
                for q in frames.preps(noun):
                    if q.lower_ in _DEFIANCE_PREPS:
                        out.extend(o for o in q.children if o.dep_ == "pobj")
    return out


def owner_modifiers(head: Token) -> list[Token]:
    """Words before a noun that may say whose it is, nearest first.

    "U.N. helicopters", "Vietnamese-led forces" (through the participle *led*), "recent US
    drone strikes" (through the compound *drone*), "Belarus's rulers". Only names and
    nationality words count: "military aid" is not anyone's.
    """
    out: list[Token] = []
    stack = [c for c in head.children if c.i < head.i and c.dep_ in _OWNER_DEPS]
    while stack:
        cur = stack.pop()
        if _against_or_for(cur):
            continue  # an "anti-Syria" journalist is not Syria's, nor a "pro-Iranian" group Iran's
        if cur.ent_type_ in ("NORP", "GPE", "ORG") or cur.pos_ == "PROPN":
            out.append(cur)
        elif cur.dep_ in ("amod", "compound") and cur.pos_ in ("NOUN", "VERB", "ADJ"):
            # "drone strikes" -> look at what modifies "drone"; "Vietnamese-led" -> "led"
            stack.extend(c for c in cur.children if c.i < cur.i and c.dep_ in _OWNER_DEPS)
    return sorted(out, key=lambda t: -t.i)


_STANCE_PREFIXES = {"anti", "pro", "non"}


def _against_or_for(tok: Token) -> bool:
    """A name under a stance prefix: "anti-Syria", "pro-Iranian", "non-Arab"."""
    if tok.lower_.split("-")[0] in _STANCE_PREFIXES and "-" in tok.text:
        return True
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].text == "-"
            and doc[tok.i - 2].lower_ in _STANCE_PREFIXES)


def result_head(tok: Token) -> Token | None:
    """For ", killing 12" after a clause: the verb whose outcome the participle reports.

    Only a present participle set off after its clause ("attacked the camp, killing ...")
    counts, and coordinated ones ("killing or wounding 50") share the same head.
    """
    node = tok
    if node.dep_ == "conj" and node.head.tag_ == "VBG":
        node = node.head
    if node.tag_ != "VBG" or node.dep_ != "advcl" or node.head.i > node.i:
        return None
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in node.children):
        return None  # "after killing ...", "with rebels killing ...": a clause of its own
    return node.head


#: Speech verbs whose direct object is the one spoken to ("told Iraq that it must ...").
_ADDRESSEE_VERBS = {"tell", "remind", "warn", "inform", "assure", "notify", "advise", "urge"}


def speech_addressees(speech: Token) -> list[Token]:
    """Whom a statement was addressed to: "told Iraq that ...", "issued a reminder to Iraq
    that ...", "sent a letter to the council saying ...". When the clause that follows only
    says "it must ...", this is the party that must act."""
    out: list[Token] = []
    obj = frames.direct_object(speech)
    if obj is not None and speech.lemma_.lower() in _ADDRESSEE_VERBS:
        out.append(obj)
    dative = frames.dative(speech)
    if dative is not None:
        out.append(dative)
    out.extend(frames.prep_objects(speech, "to"))
    return out


#: Prepositions after a role that name the body it serves: "a spokesperson for the ministry",
#: "the head of the army", "officials at the embassy".
_AFFILIATION_PREPS = {"for", "of", "at"}


def affiliations(head: Token) -> list[Token]:
    """The bodies a role noun names as the one it serves, nearest first. A person known by
    such a role ("Reza Karimi, a spokesperson for the Iranian foreign ministry") belongs to
    that body's country, whatever city the story was filed from."""
    return [o for p in frames.preps(head) if p.lower_ in _AFFILIATION_PREPS
            for o in p.children if o.dep_ == "pobj"]


def is_ethnic(span: Span) -> bool:
    """ "Ethnic Albanians", "ethnic Russian separatists": a nationality word after "ethnic"
    names a people, who belong to the country they live in, not to the state of that name."""
    return any(t.lower_ == "ethnic" and t.i + 1 < span.end
               and span.doc[t.i + 1].ent_type_ in ("NORP", "GPE") for t in span)


#: Words after which "on" names a target: "attacks on", "raids on", "strikes on".
_TARGETED_NOUNS = {"attack", "raid", "strike", "assault", "offensive", "operation", "bombing",
                   "war", "warfare", "campaign", "invasion", "incursion"}


def intended_targets(tok: Token, comp: Token | None = None) -> list[Token]:
    """The parties forces or weapons are raised against when only their purpose says so:
    "trained hackers capable of launching attacks *against Israel*", "armed militants for
    raids *on US bases*", "is stockpiling weapons to use *against the army*". Looked for in
    the direct object's phrase, a "for" phrase of purpose and an infinitive of purpose without
    a subject of its own.
    """
    roots: list[Token] = []
    for node in (tok, comp):
        if node is None:
            continue
        obj = frames.direct_object(node)
        if obj is not None:
            roots.append(obj)
        roots.extend(c for c in node.children if c.dep_ in ("xcomp", "advcl")
                     and "to" in frames.auxiliaries(c)
                     and not any(g.dep_ in frames.SUBJECTS for g in c.children))
        roots.extend(frames.prep_objects(node, "for")[:1])  # "massed troops for an offensive"
    out: list[Token] = []
    for root in roots:
        for t in root.subtree:
            if t.dep_ != "prep" or not (t.lower_ == "against" or t.lower_ == "on"
                                        and t.head.lemma_.lower() in _TARGETED_NOUNS):
                continue
            out.extend(o for o in t.children if o.dep_ == "pobj")
    return out
