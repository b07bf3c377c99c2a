"""Lexicon frames through the whole pipeline: sentences we wrote, at least five per PLOVER type.

Each case names the PLOVER type the sentence must yield and, where the sentence makes them
plain, the actor and recipient country codes of that event. The sentences exercise the kinds
of frame the lexicon holds: synonyms, phrasal verbs, verb + object frames ("lodge a protest"),
infinitive complements ("refused to withdraw") and event nouns ("Russia's invasion of ...").
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.api import process_text

PUB = date(2024, 5, 15)

# (sentence, PLOVER type, actor codes or None, recipient codes or None)
CASES: list[tuple[str, str, tuple[str, ...] | None, tuple[str, ...] | None]] = [
    # AGREE
    ("Kenya agreed to resume talks with Somalia.", "AGREE", ("KEN",), None),
    ("Norway pledged to double its aid to Ethiopia.", "AGREE", ("NOR",), None),
    ("Japan offered to mediate between Thailand and Cambodia.", "AGREE", ("JPN",), None),
    ("Chile and Peru reached an agreement on fishing rights.", "AGREE", None, None),
    ("Egypt accepted the peace plan proposed by Qatar.", "AGREE", ("EGY",), None),
    ("Morocco vowed to free the detained fishermen.", "AGREE", ("MAR",), None),
    ("Colombia struck a deal with the rebels.", "AGREE", ("COL",), None),
    # CONSULT
    ("The Turkish foreign minister held talks with Greece in Athens.", "CONSULT", ("TUR",),
     ("GRC",)),
    ("President Macron telephoned the Nigerian president on Monday.", "CONSULT", ("FRA",),
     ("NGA",)),
    ("The Indian prime minister visited Nepal last week.", "CONSULT", ("IND",), ("NPL",)),
    ("Brazil hosted the Angolan president.", "CONSULT", ("BRA",), ("AGO",)),
    ("Oman brokered talks between Iran and the United States.", "CONSULT", ("OMN",), None),
    ("Vietnam opened negotiations with Cambodia over the border.", "CONSULT", ("VNM",), ("KHM",)),
    # SUPPORT
    ("Canada praised Ghana for its peaceful elections.", "SUPPORT", ("CAN",), ("GHA",)),
    ("Germany voiced support for Moldova's bid to join the bloc.", "SUPPORT", ("DEU",), None),
    ("Spain recognised the independence of the new state.", "SUPPORT", ("ESP",), None),
    ("Colombia and Venezuela restored diplomatic ties.", "SUPPORT", None, None),
    ("Japan apologised to South Korea for wartime abuses.", "SUPPORT", ("JPN",), ("KOR",)),
    ("Sweden and Finland signed a defence pact.", "SUPPORT", None, None),
    # COOPERATE
    ("Mexico extradited the drug lord to the United States.", "COOPERATE", ("MEX",), ("USA",)),
    ("Jordan shared intelligence with Iraq about the militants.", "COOPERATE", ("JOR",),
     ("IRQ",)),
    ("India and France held joint naval exercises off Goa.", "COOPERATE", None, None),
    ("Poland stepped up military cooperation with Lithuania.", "COOPERATE", ("POL",), ("LTU",)),
    ("Argentina boosted trade with China.", "COOPERATE", ("ARG",), ("CHN",)),
    # AID
    ("Britain sent tents and blankets to Turkey after the earthquake.", "AID", ("GBR",),
     ("TUR",)),
    ("The United States provided howitzers to Ukraine.", "AID", ("USA",), ("UKR",)),
    ("Saudi Arabia lent Pakistan three billion dollars.", "AID", ("SAU",), ("PAK",)),
    ("Ecuador granted asylum to the Bolivian politician.", "AID", ("ECU",), None),
    ("The Italian navy rescued migrants off Libya.", "AID", ("ITA",), None),
    ("France wrote off the debts of Mali.", "AID", ("FRA",), ("MLI",)),
    # RETREAT
    ("Russia withdrew its troops from the border with Georgia.", "RETREAT", ("RUS",), None),
    ("Iran released the British sailors on Friday.", "RETREAT", ("IRN",), None),
    ("Syria allowed United Nations inspectors into the site.", "RETREAT", ("SYR",), None),
    ("Sudan lifted the blockade of the town.", "RETREAT", ("SDN",), None),
    ("Israel and Hamas swapped prisoners on Tuesday.", "RETREAT", None, None),
    ("Armenia handed back the territory to Azerbaijan.", "RETREAT", ("ARM",), None),
    # CONCEDE
    ("Thailand eased restrictions on foreign journalists.", "CONCEDE", ("THA",), None),
    ("The Egyptian government pardoned the jailed activists.", "CONCEDE", ("EGY",), None),
    ("The Chilean government dropped its plan to raise fuel taxes.", "CONCEDE", ("CHL",), None),
    ("The Kenyan government gave in to the demands of the doctors.", "CONCEDE", ("KEN",), None),
    ("Bolivian miners called off their strike.", "CONCEDE", ("BOL",), None),
    # REQUEST
    ("China urged Japan to release the fishing boat captain.", "REQUEST", ("CHN",), ("JPN",)),
    ("Ukraine called on Germany to supply more air defence systems.", "REQUEST", ("UKR",),
     ("DEU",)),
    ("Lebanon appealed for international aid.", "REQUEST", ("LBN",), None),
    ("Iraq demanded the withdrawal of Turkish troops.", "REQUEST", ("IRQ",), None),
    ("Serbia asked Hungary for help with the floods.", "REQUEST", ("SRB",), ("HUN",)),
    ("Afghan refugees sought asylum in Germany.", "REQUEST", ("AFG",), ("DEU",)),
    # ACCUSE
    ("Pakistan accused India of violating its airspace.", "ACCUSE", ("PAK",), ("IND",)),
    ("Australia condemned the Chinese military drills.", "ACCUSE", ("AUS",), None),
    ("Poland lodged a protest with Belarus over the border incident.", "ACCUSE", ("POL",),
     ("BLR",)),
    ("Norway summoned the Russian ambassador.", "ACCUSE", ("NOR",), ("RUS",)),
    ("Peruvian prosecutors opened an investigation into corruption.", "ACCUSE", ("PER",), None),
    ("Gambia sued Myanmar at the International Court of Justice.", "ACCUSE", ("GMB",), ("MMR",)),
    ("Turkey hit out at Sweden over the burning of a Koran.", "ACCUSE", ("TUR",), None),
    # REJECT
    ("Hungary vetoed the sanctions package.", "REJECT", ("HUN",), None),
    ("North Korea rejected the South Korean offer of talks.", "REJECT", ("PRK",), None),
    ("Eritrea refused to withdraw its troops from Tigray.", "REJECT", ("ERI",), None),
    ("Serbia turned down the proposal from Kosovo.", "REJECT", ("SRB",), None),
    ("Iran reneged on its commitments under the nuclear deal.", "REJECT", ("IRN",), None),
    ("Israel and Syria failed to reach agreement on the Golan Heights.", "REJECT", None, None),
    # THREATEN
    ("Turkey threatened to launch a new offensive in Syria.", "THREATEN", ("TUR",), None),
    ("The United States threatened Venezuela with new sanctions.", "THREATEN", ("USA",),
     ("VEN",)),
    ("Russia warned Finland of retaliation.", "THREATEN", ("RUS",), ("FIN",)),
    ("Egypt issued an ultimatum to Ethiopia.", "THREATEN", ("EGY",), ("ETH",)),
    ("Azerbaijan threatened to cut diplomatic ties with France.", "THREATEN", ("AZE",), None),
    # PROTEST
    ("Thousands of Kenyan teachers went on strike on Monday.", "PROTEST", ("KEN",), None),
    ("Chilean students demonstrated outside the presidential palace.", "PROTEST", ("CHL",), None),
    ("Nigerian farmers blocked roads in Lagos.", "PROTEST", ("NGA",), None),
    ("Palestinian prisoners staged a hunger strike.", "PROTEST", ("PSE",), None),
    ("Greek dockworkers staged a walkout over pay.", "PROTEST", ("GRC",), None),
    ("French farmers rioted outside the ministry.", "PROTEST", ("FRA",), None),
    # MOBILIZE
    ("Russia massed troops near the Ukrainian border.", "MOBILIZE", ("RUS",), None),
    ("China deployed warships to the South China Sea.", "MOBILIZE", ("CHN",), None),
    ("Iran put its forces on high alert.", "MOBILIZE", ("IRN",), None),
    ("Israel called up reservists on Sunday.", "MOBILIZE", ("ISR",), None),
    ("Taiwan reinforced its garrison on the islands.", "MOBILIZE", ("TWN",), None),
    # SANCTION
    ("The European Union imposed sanctions on Belarus.", "SANCTION", None, ("BLR",)),
    ("Morocco severed diplomatic relations with Iran.", "SANCTION", ("MAR",), ("IRN",)),
    ("Canada suspended military aid to Guatemala.", "SANCTION", ("CAN",), ("GTM",)),
    ("Italy suspended air links with Serbia.", "SANCTION", ("ITA",), ("SRB",)),
    ("Mali expelled the French ambassador.", "SANCTION", ("MLI",), ("FRA",)),
    ("Niger broke off talks with Benin.", "SANCTION", ("NER",), ("BEN",)),
    ("The United States hit China with new tariffs.", "SANCTION", ("USA",), ("CHN",)),
    # COERCE
    ("Turkish police arrested forty journalists in Istanbul.", "COERCE", ("TUR",), None),
    ("The Thai government imposed a curfew on the southern provinces.", "COERCE", ("THA",), None),
    ("The Ethiopian government declared a state of emergency.", "COERCE", ("ETH",), None),
    ("Russia outlawed the opposition party.", "COERCE", ("RUS",), None),
    ("Cuba deported the Spanish journalist.", "COERCE", ("CUB",), None),
    ("Pakistan blocked social media websites.", "COERCE", ("PAK",), None),
    # ASSAULT
    ("Israeli jets bombed targets in Gaza.", "ASSAULT", ("ISR",), None),
    ("Russian artillery shelled Ukraine on Monday.", "ASSAULT", ("RUS",), ("UKR",)),
    ("Nigerian gunmen kidnapped three engineers.", "ASSAULT", ("NGA",), None),
    ("Sudanese soldiers opened fire on protesters in Khartoum.", "ASSAULT", ("SDN",), None),
    ("Somali militants carried out a suicide bombing in Mogadishu.", "ASSAULT", ("SOM",), None),
    ("Russia's invasion of Ukraine entered its third year.", "ASSAULT", ("RUS",), ("UKR",)),
    ("Israeli forces demolished Palestinian homes in the West Bank.", "ASSAULT", ("ISR",), None),
]


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str):
        return process_text(text, pub_date=PUB, pipeline=pipeline).events

    return run


def _ids(case: tuple) -> str:
    return f"{case[1]}: {case[0][:40]}"


def test_events_lexicon_frames_cover_every_type_five_times():
    from collections import Counter

    from communique.events.ontology import PLOVER_TYPES

    counts = Counter(case[1] for case in CASES)
    assert {t for t in PLOVER_TYPES if counts[t] < 5} == set()


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_events_lexicon_frames_code_sentence(code, case):
    text, event_type, actors, recipients = case
    events = [e for e in code(text) if e.event_type == event_type]
    assert events, f"no {event_type} event in {text!r}: {[e.event_type for e in code(text)]}"
    if actors is not None:
        assert any(set(actors) <= {a.code for a in e.actor} for e in events), [
            [a.code for a in e.actor] for e in events]
    if recipients is not None:
        assert any(set(recipients) <= {a.code for a in e.recipient} for e in events), [
            [a.code for a in e.recipient] for e in events]
