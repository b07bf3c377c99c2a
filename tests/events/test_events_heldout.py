"""Held-out sentences: news the coder was never tuned on, coded as a careful PLOVER coder would.

The coder's lexicon and rules were shaped by studying the misses on the PLOVER dev records.
These sentences were written afterwards, without looking at those records, in the style of
wire copy and spread over every PLOVER type and the constructions news leans on: passives,
compound actors, titles with names, capitals standing for their governments, reported
speech, event nouns, promises and refusals, threats, protests, aid, sanctions, peacekeepers
and international organisations. Each row names the type the sentence must yield and the
actor and recipient codes of that event (``None`` where the sentence leaves them open).

A row the coder gets wrong is wrapped in ``_gap`` (a strict ``xfail``, so a fix shows up)
with the reason: the known gaps a user should expect on other news. None is open today; the
last two (roles turned round in "received X from Y", a threat stated as a that-clause) were
closed by the lexicon's "converse" frames and its retaliation frames.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

Case = tuple[str, str, tuple[str, ...] | None, tuple[str, ...] | None]


def _gap(case: Case, reason: str) -> Any:
    """A row the coder gets wrong today, kept with the reason so a fix turns it green."""
    return pytest.param(case, marks=pytest.mark.xfail(reason=reason, strict=True))


# (sentence, PLOVER type, actor codes or None, recipient codes or None)
CASES: list = [
    # AGREE
    ("The Sudanese army vowed to respect a seven-day truce.", "AGREE", ("SDN",), None),
    ("Tehran agreed to let inspectors return to its enrichment sites.", "AGREE", ("IRN",), None),
    ("Japan pledged $500 million in humanitarian aid to Ukraine.", "AGREE", ("JPN",), ("UKR",)),
    # CONSULT
    ("Kenyan President William Ruto met his Tanzanian counterpart in Arusha on Tuesday.",
     "CONSULT", ("KEN",), ("TZA",)),
    ("The Chinese foreign minister arrived in Islamabad for a two-day visit.", "CONSULT",
     ("CHN",), ("PAK",)),
    ("Talks between Thailand and Myanmar resumed in Bangkok on Monday.", "CONSULT", ("THA",),
     None),
    # SUPPORT
    ("Washington praised Seoul for its handling of the crisis.", "SUPPORT", ("USA",), ("KOR",)),
    ("Britain expressed solidarity with Poland after the drone incursion.", "SUPPORT", ("GBR",),
     ("POL",)),
    ("Vietnam signed a trade agreement with South Korea on Friday.", "SUPPORT", ("VNM",),
     ("KOR",)),
    # CONCEDE
    ("Zimbabwe lifted the ban on opposition rallies.", "CONCEDE", ("ZWE",), None),
    ("Jailed Belarusian activists were pardoned by President Alexander Lukashenko.", "CONCEDE",
     ("BLR",), None),
    ("The Bangladeshi government gave in to student demands and scrapped the job quotas.",
     "CONCEDE", ("BGD",), None),
    # COOPERATE
    ("Egypt and Sudan began joint air force drills on Saturday.", "COOPERATE", ("EGY", "SDN"),
     None),
    ("Indian authorities handed over two fugitives to Nepal.", "COOPERATE", ("IND",), ("NPL",)),
    ("Brazil expanded trade with Nigeria last year.", "COOPERATE", ("BRA",), ("NGA",)),
    # AID
    ("The World Food Programme delivered food to displaced families in Sudan.", "AID", ("UNO",),
     None),
    ("Ukraine received a new batch of tanks from Germany.", "AID", ("DEU",), ("UKR",)),
    ("Hundreds of Sudanese refugees were given shelter by Chad.", "AID", ("TCD",), ("SDN",)),
    # RETREAT
    ("Hamas freed four Israeli hostages on Saturday.", "RETREAT", ("PSE",), ("ISR",)),
    ("Russian troops pulled out of the city of Kherson.", "RETREAT", ("RUS",), None),
    ("United Nations peacekeepers withdrew from the Congolese city of Bukavu.", "RETREAT",
     ("UNO",), None),
    # REQUEST
    ("The Palestinian Authority appealed to the United Nations for protection.", "REQUEST",
     ("PSE",), ("UNO",)),
    ("Seoul asked Washington to deploy more missile defences.", "REQUEST", ("KOR",), ("USA",)),
    ("The UN Secretary-General called for an immediate ceasefire in Gaza.", "REQUEST", ("UNO",),
     None),
    # ACCUSE
    ("Beijing accused Manila of provoking the standoff at sea.", "ACCUSE", ("CHN",), ("PHL",)),
    ("The Polish foreign ministry summoned Russia's envoy over the missile.", "ACCUSE", ("POL",),
     ("RUS",)),
    ("The International Criminal Court charged a Libyan commander with war crimes.", "ACCUSE",
     ("IGO",), ("LBY",)),
    # REJECT
    ("Israel rejected calls for a ceasefire.", "REJECT", ("ISR",), None),
    ("Venezuela refused to allow international observers into the country.", "REJECT",
     ("VEN",), None),
    ("The Kremlin dismissed Kyiv's peace proposal.", "REJECT", ("RUS",), ("UKR",)),
    # THREATEN
    ("North Korea warned it would respond with force to the joint drills.", "THREATEN",
     ("PRK",), None),
    ("Washington threatened to impose tariffs on Mexican imports.", "THREATEN", ("USA",),
     ("MEX",)),
    ("Houthi rebels vowed to keep attacking ships in the Red Sea.", "THREATEN", ("YEM",), None),
    # PROTEST
    ("Thousands of Israelis rallied in Tel Aviv against the judicial overhaul.", "PROTEST",
     ("ISR",), None),
    ("Hundreds of Kenyan doctors marched on parliament to demand unpaid wages.", "PROTEST",
     ("KEN",), None),
    ("Farmers in India blocked highways to protest against new farm laws.", "PROTEST", ("IND",),
     None),
    # MOBILIZE
    ("Azerbaijan moved tanks to its border with Armenia.", "MOBILIZE", ("AZE",), None),
    ("NATO placed its rapid reaction force on high alert.", "MOBILIZE", ("IGO",), None),
    ("Thousands of Chinese troops were deployed along the disputed border.", "MOBILIZE",
     ("CHN",), None),
    # SANCTION
    ("Britain froze the assets of six Iranian officials.", "SANCTION", ("GBR",), ("IRN",)),
    ("Niger cut diplomatic ties with Ukraine.", "SANCTION", ("NER",), ("UKR",)),
    ("The European Union imposed an arms embargo on Myanmar.", "SANCTION", ("EUR",), ("MMR",)),
    # COERCE
    ("Iranian authorities detained a French tourist in Tehran.", "COERCE", ("IRN",), ("FRA",)),
    ("The Nicaraguan government stripped 94 critics of their citizenship.", "COERCE", ("NIC",),
     None),
    # ASSAULT
    ("A Ukrainian drone struck an oil refinery in southern Russia.", "ASSAULT", ("UKR",),
     ("RUS",)),
    ("Two Malian soldiers were killed by jihadists near Timbuktu.", "ASSAULT", None, ("MLI",)),
    ("Israeli warplanes pounded Hezbollah positions in southern Lebanon.", "ASSAULT", ("ISR",),
     ("LBN",)),
    ("Officials said Somali militants ambushed an army convoy near Mogadishu.", "ASSAULT",
     ("SOM",), None),
]


@pytest.fixture(scope="module")
def coded(pipeline):
    """Code a sentence to its events, with the real pipeline loaded once for the session."""
    from datetime import date

    from communique.api import process_text

    def run(text: str):
        return process_text(text, pub_date=date(2024, 5, 15), pipeline=pipeline).events

    return run


def _row(case) -> Case:
    return case.values[0] if hasattr(case, "values") else case


def _ids(case) -> str:
    row = _row(case)
    return f"{row[1]}: {row[0][:40]}"


def test_events_heldout_cover_every_type():
    from communique.events.ontology import PLOVER_TYPES

    counts = Counter(_row(case)[1] for case in CASES)
    assert {t for t in PLOVER_TYPES if counts[t] < 2} == set()


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_events_heldout_code_sentence(coded, case: Case):
    text, event_type, actors, recipients = case
    events = coded(text)
    found = [e for e in events if e.event_type == event_type]
    assert found, f"no {event_type} event in {text!r}: {[e.event_type for e in events]}"
    if actors is not None:
        assert any(set(actors) <= {a.code for a in e.actor} for e in found), [
            [a.code for a in e.actor] for e in found]
    if recipients is not None:
        assert any(set(recipients) <= {a.code for a in e.recipient} for e in found), [
            [a.code for a in e.recipient] for e in found]


# Written after the fixes the rows above led to (so not part of the held-out figure): each pins
# the general construction behind a fix on sentences of its own, and what it must not do.
AFTER_FIXES: list[Case] = [
    # a passive's subject fills the object a frame asks for
    ("Sanctions were imposed on Iran by the European Union.", "SANCTION", ("EUR",), ("IRN",)),
    ("Two opposition leaders were pardoned by the Tunisian president.", "CONCEDE", ("TUN",),
     None),
    # forces deployed in the passive are their own side's
    ("Russian troops were deployed to the border on Friday.", "MOBILIZE", ("RUS",), None),
    # a promise to keep up an attack is a threat
    ("The militants vowed to continue bombing the Somali capital.", "THREATEN", None, None),
    # a crowd that rallies against something demonstrates
    ("Hundreds of Serbian students rallied against corruption in Belgrade.", "PROTEST",
     ("SRB",), None),
    # "strip someone of" their citizenship, passport or licence
    ("Bahrain stripped 30 dissidents of their nationality.", "COERCE", ("BHR",), None),
    # a modifier the parser hangs on the object's compound still counts
    ("Japan and India held joint coast guard exercises.", "COOPERATE", ("JPN", "IND"), None),
]


@pytest.mark.parametrize("case", AFTER_FIXES, ids=[_ids(c) for c in AFTER_FIXES])
def test_events_heldout_fixed_constructions(coded, case: Case):
    test_events_heldout_code_sentence(coded, case)


@pytest.mark.parametrize("text, event_type", [
    ("No sanctions were imposed on Iran.", "SANCTION"),
    ("Russia's government rallied support for the resolution.", "PROTEST"),
    ("Rebels vowed to keep talking with the government.", "THREATEN"),
])
def test_events_heldout_fixes_leave_other_readings_alone(coded, text: str, event_type: str):
    assert event_type not in {e.event_type for e in coded(text)}


# A second held-out batch, written a session later, again without looking at the gold
# records, and run before any change it might prompt: the coder got 18 of 20 as first written,
# and the two "misses" were our own expectations, corrected here. Kosovo is KOS, as in PLOVER
# and countries.tsv; signing an agreement is SUPPORT, as the PLOVER manual says, not AGREE.
SECOND_BATCH: list[Case] = [
    ("Egypt's foreign minister held talks with his Qatari counterpart in Doha on Sunday.",
     "CONSULT", ("EGY",), ("QAT",)),
    ("Pakistan's army chief met the Afghan Taliban's defence minister in Kabul.", "CONSULT",
     ("PAK",), ("AFG",)),
    ("Indonesia expelled two Australian diplomats accused of spying.", "SANCTION", ("IDN",),
     ("AUS",)),
    ("The European Union imposed new sanctions on Belarus over the crackdown.", "SANCTION",
     ("EUR",), ("BLR",)),
    ("Protesters in Nairobi demanded the resignation of the finance minister.", "REQUEST",
     ("KEN",), ("KEN",)),
    ("Colombian troops killed 12 rebels in a raid near the Venezuelan border.", "ASSAULT",
     ("COL",), ("COL",)),
    ("Turkey accused Greece of violating its airspace.", "ACCUSE", ("TUR",), ("GRC",)),
    ("Japan lodged a formal protest with China over the survey ship.", "ACCUSE", ("JPN",),
     ("CHN",)),
    ("Ethiopia and Eritrea signed a peace agreement in Riyadh.", "SUPPORT", ("ETH", "ERI"), None),
    ("Brazil's president praised China's role in the talks.", "SUPPORT", ("BRA",), ("CHN",)),
    ("Nigerian police arrested 40 opposition supporters in Lagos.", "COERCE", ("NGA",),
     ("NGA",)),
    ("Iran seized a Greek oil tanker in the Gulf.", "COERCE", ("IRN",), ("GRC",)),
    ("Mali's junta rejected calls from West African leaders to hold elections.", "REJECT",
     ("MLI",), None),
    ("Russia deployed additional troops to its border with Finland.", "MOBILIZE", ("RUS",), None),
    ("The United States pledged $300 million to rebuild schools in Ukraine.", "AGREE", ("USA",),
     ("UKR",)),
    ("India withdrew its troops from the disputed plateau.", "RETREAT", ("IND",), None),
    ("Saudi Arabia released three Yemeni fishermen.", "RETREAT", ("SAU",), ("YEM",)),
    ("Thousands of farmers blocked highways across France to protest fuel prices.", "PROTEST",
     ("FRA",), ("FRA",)),
    ("Canada granted asylum to a Saudi teenager.", "AID", ("CAN",), ("SAU",)),
    ("Serbia threatened to send troops into northern Kosovo.", "THREATEN", ("SRB",), ("KOS",)),
]


@pytest.mark.parametrize("case", SECOND_BATCH, ids=[_ids(c) for c in SECOND_BATCH])
def test_events_heldout_second_batch(coded, case: Case):
    test_events_heldout_code_sentence(coded, case)
