"""The Landkreis Harz scheme, version 2 (format 2), built from version 1 plus the changes.

Every change is listed with its reason and source in docs/scheme-changes.md (for the
district's working group). Facts: scheme-sources.md, section "Version 2". Codes found only
in secondary sources carry ``check`` and are named in the notes.
"""

from __future__ import annotations

import copy
from typing import Any

from tools import make_harz_scheme as v1
from tools.make_harz_scheme import c, dim

KJH = "§ 99 SGB VIII (Kinder- und Jugendhilfestatistik, Erziehungsberatung)"
KDS = "KDS 3.0 (Deutsche Suchthilfestatistik)"
UESCHULD = "ÜSchuldStatG § 5 (Überschuldungsstatistik, Destatis)"
SCHKG_LSA = "Landesstatistikbogen SchKG, Landesverwaltungsamt Sachsen-Anhalt"
DOTSYS = "Dot.sys (Dokumentation der Suchtprävention der Länder)"
HARZ = "Vorschlag Landkreis Harz"

# Dative forms for the substance definitions ("von Opioiden", not "von Opioide").
DATIVE = {
    "F10": "Alkohol",
    "F11": "Opioiden",
    "F12": "Cannabinoiden",
    "F13": "Sedativa oder Hypnotika",
    "F14": "Kokain",
    "F15": "anderen Stimulanzien (z. B. Amphetaminen, Crystal)",
    "F16": "Halluzinogenen",
    "F17": "Tabak",
    "F18": "flüchtigen Lösungsmitteln",
    "F19": "mehreren oder anderen Substanzen",
}
# Pregnancy topics that are information or a service, not a problem of the person.
SCHW_INFORMATIONAL = ("SEXAUFK", "FAMLEIST", "VORSORGE", "ABBR")
SERVICES = ("FIN_LEIST", "FIN_STIFT")
# Version 1's problem codes that were KDS main diagnoses; version 2 asks the diagnosis as
# its own item, of the person concerned only, and keeps one problem code for the domain.
SUBSTANCE_PROBLEMS = [f"GES_{icd}" for icd, _, _ in v1.SUBSTANCES] + ["GES_F630", "GES_MEDIEN"]
KDS_DIAGNOSIS = "KDS 3.0 Hauptdiagnose (nur betroffene Person)"

ADDICTION_PROBLEM = c(
    "GES_SUCHT",
    "Suchtproblem (Substanz, Glücksspiel, Medien)",
    "Addiction problem (substance, gambling, media)",
    "Der Konsum von Alkohol, Drogen, Medikamenten oder Tabak, Glücksspiel oder "
    "Mediennutzung ist ein Problem: bei der ratsuchenden Person selbst oder, wenn Angehörige "
    "kommen, bei dem Menschen, um den es geht. Die Diagnose steht im Merkmal „Hauptdiagnose "
    "(KDS)“ und wird nur für die betroffene Person selbst erfasst.",
    "Use of alcohol, drugs, medicines or tobacco, gambling or media use is a problem: of the "
    "client, or, when relatives come, of the person it is about. The diagnosis is the item "
    "'main diagnosis (KDS)' and is recorded for the person concerned only.",
    domain="GES",
    source=KDS,
)


def _diagnoses() -> list[dict[str, Any]]:
    """The KDS main diagnoses, of the person concerned (never of a relative)."""
    out = []
    for icd, de, en in v1.SUBSTANCES:
        out.append(
            c(
                icd,
                f"{de[:1].upper()}{de[1:]} ({icd})",
                f"{en[:1].upper()}{en[1:]} ({icd})",
                f"Schädlicher Gebrauch oder Abhängigkeit von {DATIVE[icd]} (ICD-10 {icd}) bei "
                "der betroffenen Person selbst. Bei mehreren Substanzen die hauptsächliche "
                "wählen, F19 nur bei nicht trennbarem Mischkonsum.",
                f"Harmful use of or dependence on {en} (ICD-10 {icd}) by the person concerned "
                "themselves. With several substances choose the main one; F19 only for "
                "inseparable mixed use.",
                source=f"{KDS_DIAGNOSIS}, ICD-10 {icd}",
            )
        )
    out.append(
        c(
            "F630",
            "Pathologisches Glücksspiel (F63.0)",
            "Pathological gambling (F63.0)",
            "Glücksspiel mit Kontrollverlust, z. B. an Automaten, Sportwetten oder online, bei "
            "der betroffenen Person selbst.",
            "Gambling with loss of control, e.g. slot machines, sports betting or online, by "
            "the person concerned themselves.",
            source=f"{KDS_DIAGNOSIS}, ICD-10 F63.0",
        )
    )
    out.append(
        c(
            "MEDIEN",
            "Exzessive Mediennutzung",
            "Excessive media use",
            "Nutzung von Computerspielen, sozialen Medien oder Internet, die Schule, Arbeit "
            "oder Beziehungen der betroffenen Person deutlich beeinträchtigt.",
            "Use of computer games, social media or the internet that clearly harms the "
            "school, work or relationships of the person concerned.",
            source=f"{KDS_DIAGNOSIS} (Zuordnung zu prüfen)",
            check=True,
        )
    )
    return out


def _problems() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        c(
            "FIN_SCHULD",
            "Überschuldung oder drohende Überschuldung",
            "Over-indebtedness or threatened over-indebtedness",
            "Die Person kann ihre fälligen Zahlungen auf absehbare Zeit nicht mehr leisten oder "
            "steht kurz davor. Den Hauptauslöser gesondert im Merkmal „Hauptauslöser der "
            "Überschuldung“ wählen.",
            "The person cannot meet their payments due for the foreseeable future, or is about "
            "to. Choose the main trigger separately in the item 'main trigger of the "
            "over-indebtedness'.",
            domain="FIN",
            source=UESCHULD,
        )
    ]
    for code in copy.deepcopy(v1.PROBLEMS):
        if code["code"].startswith("FIN_") and code["code"] not in SERVICES:
            continue  # the debt triggers: now the item debt_trigger
        if code["code"] in SUBSTANCE_PROBLEMS:
            if code["code"] == SUBSTANCE_PROBLEMS[0]:
                out.append(ADDICTION_PROBLEM)  # where the substance problems stood
            continue  # the KDS diagnoses: now the item diagnosis (person concerned only)
        if code["code"] in SERVICES:
            code["counts_as_problem"] = False
            code["definition_de"] += (
                " Eine Leistung der Beratungsstelle, keine Problemlage: zählt nicht als "
                "Lebensbereich der Multiproblemlage."
            )
            code["definition_en"] += (
                " A service of the office, not a problem: it does not count as a life domain "
                "for multiple problems."
            )
        if code["code"].removeprefix("SCHW_") in SCHW_INFORMATIONAL:
            code["counts_as_problem"] = False
            code["definition_de"] += (
                " Reine Information: zählt nicht als Lebensbereich der Multiproblemlage."
            )
            code["definition_en"] += (
                " Information only: it does not count as a life domain for multiple problems."
            )
        if code["code"] == "ARB_LOS":
            code["definition_de"] = (
                "Die Person oder ihr Partner/ihre Partnerin ist arbeitslos oder der Arbeitsplatz "
                "ist gekündigt, auch bei Leistungen vom Jobcenter. Ist die Arbeitslosigkeit "
                "Auslöser von Schulden, zusätzlich den Hauptauslöser „Arbeitslosigkeit“ wählen."
            )
            code["definition_en"] = (
                "The person or their partner is unemployed or has been given notice, also when "
                "receiving Jobcenter benefits. If unemployment triggered debts, also choose the "
                "main trigger 'unemployment'."
            )
        out.append(code)
    return out


DEBT_TRIGGERS = [
    c(
        code,
        de[:1].upper() + de[1:],
        en[:1].upper() + en[1:],
        f"Der eine Hauptauslöser der Überschuldung ist: {de}. Nur einen wählen, auch wenn "
        "mehrere Gründe zusammenkommen: den, ohne den es nicht zur Überschuldung gekommen wäre.",
        f"The one main trigger of the over-indebtedness is: {en}. Choose only one, even when "
        "several reasons come together: the one without which it would not have happened.",
        source=UESCHULD,
        check=True,
    )
    for code, de, en in v1.DEBT
]

AGES_V2 = [
    ("A18", 18, 20, "A18"),
    ("A20", 20, 21, "A18"),
    ("A21", 21, 25, "A21"),
    ("A25", 25, 27, "A21"),
    ("A27", 27, 30, "A27"),
    ("A30", 30, 35, "A27"),
    ("A35", 35, 40, "A27"),
    ("A40", 40, 45, "A27"),
    ("A45", 45, 50, "A45"),
    ("A50", 50, 55, "A45"),
    ("A55", 55, 60, "A45"),
    ("A60", 60, 65, "A45"),
    ("A65", 65, 70, "A65"),
]
AGE_SOURCE = (
    "KJH-Statistik, DSHS und Überschuldungsstatistik (Destatis) fassen diese Gruppen zusammen"
)


def _ages() -> list[dict[str, Any]]:
    young = [a for a in v1.AGE_CODES if a["code"] in ("A00", "A03", "A06", "A09", "A12", "A15")]
    adults = [
        c(
            code,
            f"{lo} bis unter {hi} Jahre",
            f"{lo} to under {hi} years",
            f"{v1.AGE_NOTE_DE} Gezählt: {lo} bis {hi - 1} Jahre.",
            f"{v1.AGE_NOTE_EN} Counted: {lo} to {hi - 1} years.",
            source=AGE_SOURCE,
        )
        for code, lo, hi, _ in AGES_V2
    ]
    old = [
        c(
            "A70",
            "70 Jahre und älter",
            "70 years and over",
            f"{v1.AGE_NOTE_DE} Gezählt: ab 70 Jahre.",
            f"{v1.AGE_NOTE_EN} Counted: 70 years and over.",
            source=AGE_SOURCE,
        )
    ]
    unknown = [a for a in v1.AGE_CODES if a["code"] == "AUNK"]
    return copy.deepcopy(young) + adults + old + copy.deepcopy(unknown)


def _household() -> list[dict[str, Any]]:
    out = copy.deepcopy(v1.HOUSEHOLD)
    i = next(n for n, h in enumerate(out) if h["code"] == "PAAR_MIT")
    out[i]["definition_de"] = (
        "Die Person lebt mit Partner/Partnerin und mindestens einem gemeinsamen minderjährigen "
        "Kind zusammen (beide Eltern)."
    )
    out[i]["definition_en"] = (
        "The person lives with a partner and at least one minor child of both (both parents)."
    )
    out.insert(
        i + 1,
        c(
            "PAAR_NEU",
            "Elternteil mit neuem Partner/neuer Partnerin",
            "parent with a new partner",
            "Ein Elternteil lebt mit dem Kind und einem neuen Partner/einer neuen Partnerin "
            "zusammen (Stieffamilie).",
            "A parent lives with the child and a new partner (stepfamily).",
            source=KJH,
        ),
    )
    return out


def _referral() -> list[dict[str, Any]]:
    out = copy.deepcopy(v1.REFERRAL)
    out[0] = c(
        "SELF",
        "selbst",
        "self",
        "Die Person kommt aus eigenem Antrieb, auch nach Hinweisen aus dem Internet oder "
        "der Presse.",
        "The person comes on their own initiative, also after hints from the internet or press.",
        source=f"{KJH}; {KDS}",
    )
    out.insert(
        1,
        c(
            "REL",
            "Angehörige/Freunde",
            "relatives/friends",
            "Angehörige, Freunde oder Bekannte haben die Beratung empfohlen oder den Kontakt "
            "hergestellt.",
            "Relatives, friends or acquaintances recommended the counselling or made contact.",
            source=f"{KJH}; {KDS}",
        ),
    )
    extra = [
        c(
            "POLIZEI",
            "Polizei",
            "police",
            "Die Polizei hat die Beratung empfohlen oder vermittelt, z. B. nach häuslicher Gewalt.",
            "The police recommended or arranged the counselling, e.g. after domestic violence.",
            source=KDS,
        ),
        c(
            "BERAT",
            "andere Beratungsstelle",
            "other counselling office",
            "Eine andere Beratungsstelle oder ein sozialer Dienst außerhalb dieser Stelle hat "
            "die Person geschickt.",
            "Another counselling office or social service outside this office sent the person.",
            source=KDS,
        ),
        c(
            "KOSTEN",
            "Kosten- oder Leistungsträger",
            "payer",
            "Ein Kosten- oder Leistungsträger (Krankenkasse, Rentenversicherung, Sozialamt) hat "
            "die Beratung veranlasst.",
            "A payer (health insurance, pension insurance, social welfare office) arranged the "
            "counselling.",
            source=KDS,
            check=True,
        ),
    ]
    return out[:-1] + extra + out[-1:]


def _ending() -> list[dict[str, Any]]:
    out = copy.deepcopy(v1.ENDING)
    i = next(n for n, e in enumerate(out) if e["code"] == "EXTERN")
    out[i]["label_de"] = "planmäßig weitervermittelt"
    out[i]["label_en"] = "planned transfer"
    out[i]["definition_de"] = (
        "Die Person wird wie vereinbart an eine andere Einrichtung vermittelt, z. B. Klinik, "
        "Therapie oder Jugendamt, und kommt dort an."
    )
    out[i]["definition_en"] = (
        "The person is transferred as agreed to another institution, e.g. clinic, therapy or "
        "youth welfare office."
    )
    out[i]["source"] = KDS
    out[-1:-1] = [
        c(
            "STELLE",
            "durch die Beratungsstelle beendet",
            "ended by the office",
            "Die Beratungsstelle beendet die Beratung, z. B. weil sie nicht zuständig ist oder "
            "Absprachen wiederholt nicht eingehalten wurden.",
            "The office ends the counselling, e.g. because it is not responsible or agreements "
            "were repeatedly broken.",
            source=KDS,
        ),
        c(
            "TOD",
            "verstorben",
            "died",
            "Die ratsuchende Person ist verstorben.",
            "The client has died.",
            source=KDS,
        ),
    ]
    out[-1]["definition_de"] = "Die Beratung endet aus einem anderen Grund, z. B. Umzug oder Haft."
    out[-1]["definition_en"] = (
        "The counselling ends for another reason, e.g. moving away or prison."
    )
    return out


CONTACT_FORM = [
    c(
        "1",
        "in der Beratungsstelle",
        "in the office",
        "Persönliches Gespräch in den Räumen der Beratungsstelle.",
        "Face-to-face conversation on the premises of the office.",
    ),
    c(
        "2",
        "Hausbesuch",
        "home visit",
        "Persönliches Gespräch in der Wohnung der ratsuchenden Person.",
        "Face-to-face conversation in the client's home.",
    ),
    c(
        "3",
        "Außensprechstunde/aufsuchend",
        "outreach office",
        "Persönliches Gespräch außerhalb der Beratungsstelle: Außensprechstunde, Schule, Klinik "
        "oder Haft. Den Ort im Merkmal „Ort“ wählen.",
        "Face-to-face conversation outside the office: outreach office, school, clinic or prison. "
        "Choose the place in the item 'place'.",
    ),
    c("4", "telefonisch", "by phone", "Gespräch am Telefon.", "Conversation by phone."),
    c(
        "5",
        "Video",
        "video",
        "Beratung per Videogespräch.",
        "Counselling by video call.",
        source="Jahresberichte EFL (Modus)",
    ),
    c(
        "6",
        "Chat/E-Mail",
        "chat/e-mail",
        "Schriftliche Beratung per Chat, Messenger oder E-Mail; eine Sitzung gilt als ein Kontakt.",
        "Written counselling by chat, messenger or e-mail; one session counts as one contact.",
        source="Jahresberichte EFL (Modus)",
    ),
    c(
        "7",
        "Gruppe",
        "group",
        "Fallbezogene Sitzung mit mehreren Ratsuchenden zugleich. Gruppenangebote ohne Fall als "
        "Tätigkeit erfassen.",
        "Case session with several clients at once. Group offers without a case are recorded as "
        "activities.",
    ),
]

DURATION = [
    c(
        "1",
        "bis 15 Min.",
        "up to 15 min",
        "Der Kontakt dauerte höchstens 15 Minuten.",
        "The contact lasted at most 15 minutes.",
        minutes_min=1,
        minutes_max=15,
    ),
    c(
        "2",
        "15–30 Min.",
        "15–30 min",
        "Mehr als 15 und weniger als 30 Minuten. Telefonate unter 30 Minuten zählt die "
        "Erziehungsberatungsstatistik nicht.",
        "More than 15 and less than 30 minutes. The parenting counselling statistic does not "
        "count phone calls under 30 minutes.",
        source="bke FAQ 112",
        minutes_min=16,
        minutes_max=29,
    ),
    c(
        "3",
        "30–45 Min.",
        "30–45 min",
        "Mindestens 30 und höchstens 45 Minuten.",
        "At least 30 and at most 45 minutes.",
        source="bke FAQ 112",
        minutes_min=30,
        minutes_max=45,
    ),
    c(
        "4",
        "45–90 Min.",
        "45–90 min",
        "Mehr als 45 und höchstens 90 Minuten.",
        "More than 45 and at most 90 minutes.",
        minutes_min=46,
        minutes_max=90,
    ),
    c(
        "5",
        "über 90 Min.",
        "over 90 min",
        "Mehr als 90 Minuten.",
        "More than 90 minutes.",
        minutes_min=91,
    ),
]

CLIENT_RELATION = [
    c(
        "SELF",
        "betroffene Person",
        "person concerned",
        "Beraten wird die Person, die das Problem selbst hat (in der Erziehungsberatung der "
        "junge Mensch oder seine Eltern für ihn).",
        "The person who has the problem is counselled (in parenting counselling the young person "
        "or the parents on their behalf).",
        source=KDS,
    ),
    c(
        "REL",
        "Angehörige/Bezugsperson",
        "relative",
        "Beraten wird ein Angehöriger oder eine Bezugsperson wegen des Problems eines anderen "
        "Menschen, z. B. die Partnerin eines Suchtkranken. Für Angehörige wird keine Diagnose "
        "erfasst; die Statistik zählt ihre Fälle getrennt.",
        "A relative or close person is counselled about someone else's problem, e.g. the partner "
        "of an addicted person. Relatives get no diagnosis; the statistic counts their cases "
        "apart.",
        source=KDS,
    ),
    c(
        "PROF",
        "Fachkraft",
        "professional",
        "Beraten wird eine Fachkraft zu einem bestimmten Fall (z. B. Lehrerin, Erzieher). "
        "Allgemeine Fachberatung als Tätigkeit erfassen.",
        "A professional is counselled about a particular case (e.g. a teacher). General advice "
        "for professionals is recorded as an activity.",
        check=True,
    ),
]

EB_REASONS = [
    (
        "UNVERS",
        "Unversorgtheit des jungen Menschen",
        "young person left without care",
        "Ausfall der Bezugspersonen, z. B. wegen Krankheit, Haft oder Tod.",
        "The carers are missing, e.g. through illness, prison or death.",
    ),
    (
        "FOERD",
        "Unzureichende Förderung/Betreuung/Versorgung in der Familie",
        "insufficient support/care in the family",
        "Das Kind wird in der Familie nicht ausreichend gefördert, betreut oder versorgt.",
        "The child is not sufficiently supported, looked after or cared for in the family.",
    ),
    (
        "GEFAEHRD",
        "Gefährdung des Kindeswohls",
        "risk to the child's welfare",
        "Vernachlässigung, körperliche, psychische oder sexuelle Gewalt gegen das Kind.",
        "Neglect or physical, psychological or sexual violence against the child.",
    ),
    (
        "ERZKOMP",
        "Eingeschränkte Erziehungskompetenz der Eltern",
        "limited parenting skills",
        "Erziehungsunsicherheit, pädagogische Überforderung der Eltern.",
        "Parents' uncertainty or being overwhelmed in bringing up the child.",
    ),
    (
        "ELTPROB",
        "Belastungen des jungen Menschen durch Problemlagen der Eltern",
        "strain from the parents' problems",
        "Psychische Erkrankung, Sucht oder Behinderung eines Elternteils belastet das Kind.",
        "A parent's mental illness, addiction or disability burdens the child.",
    ),
    (
        "FAMKONF",
        "Belastungen durch familiäre Konflikte",
        "strain from family conflicts",
        "Partnerkonflikte, Trennung und Scheidung, Umgangs- oder Sorgerechtsstreit.",
        "Partner conflicts, separation and divorce, disputes about contact or custody.",
    ),
    (
        "SOZVERH",
        "Auffälligkeiten im sozialen Verhalten",
        "problems in social behaviour",
        "Aggressives, dissoziales oder delinquentes Verhalten des jungen Menschen.",
        "Aggressive, dissocial or delinquent behaviour of the young person.",
    ),
    (
        "ENTW",
        "Entwicklungsauffälligkeiten/seelische Probleme",
        "developmental or emotional problems",
        "Entwicklungsverzögerung, Ängste, Zwänge, selbstverletzendes Verhalten.",
        "Developmental delay, anxieties, compulsions, self-harm.",
    ),
    (
        "SCHULE",
        "Schulische/berufliche Probleme",
        "school or vocational problems",
        "Schwierigkeiten mit Leistungen, Schulverweigerung, Schwänzen, Ausbildungsabbruch.",
        "Problems with achievement, school refusal, truancy, dropping out of training.",
    ),
]

EB_SETTING = [
    c(
        "FAM",
        "vorrangig mit der Familie",
        "mainly with the family",
        "Die Beratung findet überwiegend mit mehreren Familienmitgliedern zusammen statt.",
        "Counselling takes place mainly with several family members together.",
        source=KJH,
    ),
    c(
        "ELT",
        "vorrangig mit den Eltern",
        "mainly with the parents",
        "Die Beratung findet überwiegend mit einem oder beiden Elternteilen statt.",
        "Counselling takes place mainly with one or both parents.",
        source=KJH,
    ),
    c(
        "JM",
        "vorrangig mit dem jungen Menschen",
        "mainly with the young person",
        "Die Beratung findet überwiegend mit dem jungen Menschen selbst statt.",
        "Counselling takes place mainly with the young person.",
        source=KJH,
    ),
]

FAMILY_SITUATION = [
    c(
        "ZUS",
        "Eltern leben zusammen",
        "parents live together",
        "Die leiblichen oder Adoptiveltern leben zusammen.",
        "The birth or adoptive parents live together.",
        source=KJH,
    ),
    c(
        "ALLEIN",
        "Elternteil lebt allein",
        "lone parent",
        "Der Elternteil, bei dem der junge Mensch lebt, lebt ohne Partner/Partnerin.",
        "The parent the young person lives with lives without a partner.",
        source=KJH,
    ),
    c(
        "NEU",
        "Elternteil mit neuem Partner/neuer Partnerin",
        "parent with a new partner",
        "Der Elternteil lebt mit einem neuen Partner/einer neuen Partnerin zusammen.",
        "The parent lives with a new partner.",
        source=KJH,
    ),
    c(
        "TOT",
        "Eltern verstorben",
        "parents deceased",
        "Beide Eltern oder der allein sorgende Elternteil sind verstorben.",
        "Both parents, or the only parent with custody, have died.",
        source=KJH,
    ),
    c(
        "UNK",
        "unbekannt",
        "unknown",
        "Die Familiensituation ist nicht bekannt.",
        "The family situation is not known.",
    ),
]

PREGNANCY_TOPICS = [
    (
        "SOZRECHT",
        "Sozialrechtliche Information",
        "information on social law",
        "Information über Leistungen und Rechte (Elterngeld, Mutterschutz, Unterhalt).",
        "Information on benefits and rights (parental allowance, maternity protection, support).",
    ),
    (
        "STIFT",
        "Stiftungsantrag",
        "foundation application",
        "Antrag bei der Bundesstiftung Mutter und Kind oder einer anderen Stiftung.",
        "Application to the federal foundation Mother and Child or another foundation.",
    ),
    (
        "ANSPR",
        "Durchsetzung von Ansprüchen",
        "enforcing claims",
        "Unterstützung, Ansprüche bei Behörden oder Arbeitgebern durchzusetzen.",
        "Support in enforcing claims with authorities or employers.",
    ),
    (
        "PERSKONF",
        "Persönliche Konfliktlage",
        "personal conflict",
        "Die Schwangerschaft bringt die Frau in einen persönlichen Konflikt.",
        "The pregnancy brings the woman into a personal conflict.",
    ),
    (
        "PARTNER",
        "Partnerschaft",
        "partnership",
        "Fragen oder Konflikte in der Partnerschaft im Zusammenhang mit der Schwangerschaft.",
        "Questions or conflicts in the partnership connected with the pregnancy.",
    ),
    (
        "MEDIZIN",
        "Medizinische Fragen",
        "medical questions",
        "Fragen zu Vorsorge, pränataler Diagnostik oder Geburt.",
        "Questions on prenatal care, prenatal diagnostics or birth.",
    ),
    (
        "ABBRUCH",
        "Schwangerschaftsabbruch",
        "abortion",
        "Fragen zu Methoden, Ablauf und Risiken eines Abbruchs.",
        "Questions on methods, procedure and risks of an abortion.",
    ),
    (
        "VERHUET",
        "Verhütung/Familienplanung",
        "contraception/family planning",
        "Fragen zu Verhütung, Sexualität oder Kinderwunsch.",
        "Questions on contraception, sexuality or wanting children.",
    ),
    (
        "VERTRAUL",
        "Vertrauliche Geburt",
        "confidential birth",
        "Beratung zur vertraulichen Geburt nach §§ 25 ff. SchKG.",
        "Counselling on confidential birth under §§ 25 ff. SchKG.",
    ),
]

CONTACT_KIND = [
    c(
        "CLIENT",
        "mit Ratsuchenden",
        "with the client",
        "Kontakt mit der ratsuchenden Person oder ihren Angehörigen.",
        "Contact with the client or their relatives.",
    ),
    c(
        "SCHULE",
        "Dritte: Schule/Kita",
        "third party: school/day care",
        "Fallbezogener Kontakt mit Schule, Kita oder Schulsozialarbeit, ohne die ratsuchende "
        "Person.",
        "Case contact with a school, day care or school social work, without the client.",
    ),
    c(
        "JA",
        "Dritte: Jugendamt",
        "third party: youth welfare office",
        "Fallbezogener Kontakt mit dem Jugendamt, ohne die ratsuchende Person.",
        "Case contact with the youth welfare office, without the client.",
    ),
    c(
        "GLAEUB",
        "Dritte: Gläubiger",
        "third party: creditors",
        "Verhandlung oder Schriftverkehr mit Gläubigern, Inkassobüros oder Gerichtsvollziehern.",
        "Negotiation or correspondence with creditors, collection agencies or bailiffs.",
        source=UESCHULD,
    ),
    c(
        "SONST",
        "Dritte: sonstige",
        "third party: other",
        "Fallbezogener Kontakt mit anderen Stellen (Jobcenter, Ärzte, Gericht), ohne die "
        "ratsuchende Person.",
        "Case contact with other bodies (Jobcenter, doctors, court), without the client.",
    ),
]

PLACE = [
    c(
        "STELLE",
        "Räume der Beratungsstelle",
        "office premises",
        "Der Kontakt fand in den eigenen Räumen der Beratungsstelle statt.",
        "The contact took place on the office's own premises.",
    ),
    c(
        "AUSSEN_ELB",
        "Außensprechstunde Elbingerode",
        "outreach office Elbingerode",
        "Außensprechstunde in Elbingerode (Pilot Oberharz am Brocken, je Wochentag ein Feld).",
        "Outreach office in Elbingerode (pilot for Oberharz am Brocken, one field per weekday).",
        source=HARZ,
    ),
    c(
        "AUSSEN",
        "andere Außensprechstunde",
        "other outreach office",
        "Eine andere regelmäßige Außensprechstunde im Landkreis.",
        "Another regular outreach office in the district.",
    ),
    c(
        "HAUS",
        "Wohnung der ratsuchenden Person",
        "client's home",
        "Hausbesuch in der Wohnung der ratsuchenden Person.",
        "Home visit in the client's home.",
    ),
    c(
        "EINR",
        "andere Einrichtung",
        "other institution",
        "Schule, Kita, Klinik, Haft oder eine andere Einrichtung.",
        "School, day care, clinic, prison or another institution.",
    ),
    c(
        "FERN",
        "kein Ort (Telefon, Video, Chat)",
        "no place (phone, video, chat)",
        "Der Kontakt fand ohne persönliches Treffen statt.",
        "The contact took place without meeting in person.",
    ),
]

ACTIVITY_KIND = [
    c(
        "GRUPPE",
        "Gruppenangebot",
        "group offer",
        "Angeleitete Gruppe mit festem Teilnehmerkreis (z. B. Elternkurs, Angehörigengruppe), "
        "ohne einzelne Fälle anzulegen.",
        "Guided group with fixed participants (e.g. parenting course, relatives' group), "
        "without opening single cases.",
    ),
    c(
        "PRAEV",
        "Präventionsveranstaltung",
        "prevention event",
        "Veranstaltung der Prävention, z. B. Suchtprävention in einer Schulklasse.",
        "Prevention event, e.g. addiction prevention in a school class.",
        source=DOTSYS,
    ),
    c(
        "MULTI",
        "Multiplikatorenarbeit",
        "multiplier work",
        "Schulung oder Information von Fachkräften, die das Wissen weitergeben.",
        "Training or informing professionals who pass on the knowledge.",
        source=DOTSYS,
    ),
    c(
        "FACH8B",
        "Fachberatung nach § 8b SGB VIII",
        "advice for professionals (§ 8b SGB VIII)",
        "Beratung von Fachkräften zur Einschätzung einer Kindeswohlgefährdung (insoweit "
        "erfahrene Fachkraft), ohne Fall der Familie.",
        "Advising professionals on assessing a risk to a child (experienced professional), "
        "without a case of the family.",
        source="§ 8b SGB VIII",
    ),
    c(
        "NETZ",
        "Netzwerktreffen/Gremium",
        "network meeting/committee",
        "Teilnahme an Netzwerktreffen, Arbeitskreisen oder Gremien der Sozialplanung.",
        "Taking part in network meetings, working groups or social planning committees.",
    ),
]

TARGET_GROUP = [
    ("KIND", "Kinder", "children", "Kinder unter 14 Jahren."),
    ("JUG", "Jugendliche/junge Erwachsene", "young people", "Junge Menschen von 14 bis 26 Jahren."),
    ("ELT", "Eltern/Familien", "parents/families", "Eltern, Großeltern oder ganze Familien."),
    ("ERW", "Erwachsene", "adults", "Erwachsene, die nicht als Eltern angesprochen werden."),
    (
        "FACH",
        "Fachkräfte/Multiplikatoren",
        "professionals/multipliers",
        "Lehrkräfte, Erzieher, Fachkräfte.",
    ),
    ("SEN", "Ältere Menschen", "older people", "Menschen ab 65 Jahren."),
    ("ALLG", "Allgemeine Öffentlichkeit", "general public", "Ohne bestimmte Zielgruppe."),
]
TARGET_GROUP_EN = {
    "KIND": "Children under 14.",
    "JUG": "Young people aged 14 to 26.",
    "ELT": "Parents, grandparents or whole families.",
    "ERW": "Adults not addressed as parents.",
    "FACH": "Teachers, educators, professionals.",
    "SEN": "People aged 65 and over.",
    "ALLG": "No particular target group.",
}

ACTIVITY_SETTING = [
    ("SCHULE", "Schule", "school"),
    ("KITA", "Kindertagesstätte", "day care"),
    ("FAMILIE", "Familie", "family"),
    ("JUGEND", "Jugendarbeit/Freizeit", "youth work/leisure"),
    ("BETRIEB", "Betrieb/Ausbildung", "workplace/training"),
    ("GESUND", "Gesundheitswesen", "health care"),
    ("KOMMUNE", "Kommune/Stadtteil", "municipality/neighbourhood"),
    ("BERATUNG", "Beratungsstelle", "counselling office"),
    ("SONST", "sonstiges Setting", "other setting"),
]


def _item(
    item_id: str,
    record: str,
    kind: str,
    de: str,
    en: str,
    def_de: str,
    def_en: str,
    **extra: Any,
) -> dict[str, Any]:
    out = {
        "id": item_id,
        "record": record,
        "kind": kind,
        "label_de": de,
        "label_en": en,
        "definition_de": def_de,
        "definition_en": def_en,
    }
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


ITEMS = [
    _item(
        "requested",
        "case",
        "date",
        "Anfrage/Erstkontakt",
        "Request/first contact",
        "Tag, an dem die Person zum ersten Mal um Beratung bat (Anruf, Mail, Vorsprache). Die "
        "Wartezeit zählt von hier bis zum Beginn der Beratung.",
        "The day the person first asked for counselling (call, mail, visit). The waiting time "
        "counts from here to the start of counselling.",
        source=f"{UESCHULD} (Datum des Erstkontakts)",
    ),
    _item(
        "started",
        "case",
        "date",
        "Beginn der Beratung",
        "Start of counselling",
        "Tag des ersten Beratungsgesprächs (nicht der Terminvergabe). Liegt nie vor der Anfrage.",
        "The day of the first counselling session (not the booking). Never before the request.",
        source=f"{UESCHULD}; {KJH}",
    ),
    _item(
        "client_relation",
        "case",
        "single",
        "Wer wird beraten",
        "Who is counselled",
        "Ob die betroffene Person selbst, ein Angehöriger oder eine Fachkraft beraten wird.",
        "Whether the person concerned, a relative or a professional is counselled.",
        dimension="client_relation",
        required_at_close=True,
        source=KDS,
    ),
    _item(
        "persons_by_sex",
        "case",
        "counts",
        "Beratene Personen nach Geschlecht",
        "Persons counselled by sex",
        "Wie viele verschiedene Personen in diesem Fall beraten wurden, je Geschlecht (z. B. "
        "Mutter und Vater: 1 weiblich, 1 männlich). Die Zahl der Personen ist die Summe und "
        "wird nicht noch einmal eingegeben.",
        "How many different persons were counselled in this case, by sex (e.g. mother and "
        "father: 1 female, 1 male). The number of persons is the sum and is not entered again.",
        dimension="sex",
        min=1,
        max=30,
        required_at_close=True,
        source="Jahresberichte EFL (Personen und Fälle, Geschlecht); " + SCHKG_LSA,
        check=True,
    ),
    _item(
        "children_affected",
        "case",
        "count",
        "Mitbetroffene Kinder",
        "Children affected",
        "Wie viele minderjährige Kinder von den Problemlagen mitbetroffen sind, auch außerhalb "
        "des Haushalts.",
        "How many minor children are affected by the problems, also outside the household.",
        min=0,
        max=20,
        source=f"{KDS}; Jahresberichte EFL",
    ),
    _item(
        "reasons",
        "case",
        "ranked",
        "Gründe für die Hilfegewährung",
        "Reasons for the help",
        "Bis zu drei Gründe; der erste ist der Hauptgrund, wie die Kinder- und "
        "Jugendhilfestatistik fragt.",
        "Up to three reasons; the first is the main reason, as the child and youth services "
        "statistic asks.",
        dimension="eb_reason",
        max=3,
        fields=["EB"],
        required_at_close=True,
        additive=False,
        source=KJH,
    ),
    _item(
        "debt_trigger",
        "case",
        "single",
        "Hauptauslöser der Überschuldung",
        "Main trigger of the over-indebtedness",
        "Der eine Hauptauslöser der Überschuldung (nur einer).",
        "The one main trigger of the over-indebtedness (only one).",
        dimension="debt_trigger",
        fields=["SCHULD"],
        required_at_close=True,
        source=UESCHULD,
    ),
    _item(
        "eb_setting",
        "case",
        "single",
        "Setting der Erziehungsberatung",
        "Setting of parenting counselling",
        "Mit wem die Beratung überwiegend stattfindet.",
        "With whom the counselling mainly takes place.",
        dimension="eb_setting",
        fields=["EB"],
        required_at_close=True,
        source=KJH,
    ),
    _item(
        "risk_assessment",
        "case",
        "single",
        "Gefährdungseinschätzung nach § 8a",
        "Risk assessment under § 8a",
        "Ja, wenn der Hilfe eine Gefährdungseinschätzung nach § 8a Abs. 1 SGB VIII vorausging.",
        "Yes when the help was preceded by a risk assessment under § 8a (1) SGB VIII.",
        dimension="yes_no_unknown",
        fields=["EB"],
        source=KJH,
    ),
    _item(
        "family_situation",
        "case",
        "single",
        "Situation in der Herkunftsfamilie",
        "Family situation",
        "Die Lebenssituation der Eltern des jungen Menschen, wie § 99 SGB VIII sie erfragt.",
        "The situation of the young person's parents as § 99 SGB VIII asks it.",
        dimension="family_situation",
        fields=["EB"],
        required_at_close=True,
        source=KJH,
    ),
    _item(
        "pregnancy_topics",
        "case",
        "multiple",
        "Beratungsthemen Schwangerschaft",
        "Pregnancy counselling topics",
        "Alle Themen der Beratung, wie der Landesstatistikbogen sie zählt (mehrere möglich).",
        "All topics of the counselling as the state form counts them (several allowed).",
        dimension="pregnancy_topic",
        fields=["SCHWANGER", "SCHKONF"],
        additive=False,
        source=SCHKG_LSA,
    ),
    _item(
        "diagnosis",
        "case",
        "single",
        "Hauptdiagnose (KDS)",
        "Main diagnosis (KDS)",
        "Die eine Hauptdiagnose der betroffenen Person nach dem Kerndatensatz der "
        "Suchthilfe. Nur wenn die betroffene Person selbst beraten wird; für Angehörige wird "
        "keine Diagnose erfasst, ihre Fälle zählt die Statistik getrennt.",
        "The one main diagnosis of the person concerned under the addiction care core data "
        "set. Only when the person concerned is counselled; relatives get no diagnosis, the "
        "statistic counts their cases apart.",
        dimension="diagnosis",
        fields=["SUCHT"],
        only_if={"item": "client_relation", "codes": ["SELF"]},
        required_at_close=True,
        source=KDS_DIAGNOSIS,
    ),
    _item(
        "contact_minutes",
        "contact",
        "count",
        "Dauer in Minuten",
        "Minutes",
        "Die genaue Dauer in Minuten; das Dauerband ergibt sich daraus.",
        "The exact length in minutes; the duration band follows from it.",
        min=1,
        max=600,
        source="bke FAQ 112",
    ),
    _item(
        "contact_kind",
        "contact",
        "single",
        "Kontakt mit",
        "Contact with",
        "Ob der Kontakt mit Ratsuchenden oder mit Dritten (Schule, Jugendamt, Gläubiger) war.",
        "Whether the contact was with clients or with third parties (school, youth office, "
        "creditors).",
        dimension="contact_kind",
    ),
    _item(
        "contact_place",
        "contact",
        "single",
        "Ort",
        "Place",
        "Wo der Kontakt stattfand, z. B. die Außensprechstunde Elbingerode.",
        "Where the contact took place, e.g. the outreach office in Elbingerode.",
        dimension="place",
        source=HARZ,
    ),
    _item(
        "activity_target_group",
        "activity",
        "single",
        "Zielgruppe",
        "Target group",
        "An wen sich die Tätigkeit vorrangig richtet.",
        "Whom the activity is mainly for.",
        dimension="target_group",
        source=DOTSYS,
    ),
    _item(
        "activity_setting",
        "activity",
        "single",
        "Setting",
        "Setting",
        "In welchem Lebensbereich die Tätigkeit stattfindet.",
        "In which setting the activity takes place.",
        dimension="activity_setting",
        source=DOTSYS,
    ),
    _item(
        "activity_participants",
        "activity",
        "count",
        "Teilnehmende",
        "Participants",
        "Zahl der Teilnehmenden ohne die Fachkräfte der Beratungsstelle.",
        "Number of participants, without the office's own staff.",
        min=0,
        max=1000,
        source=DOTSYS,
    ),
    _item(
        "activity_minutes",
        "activity",
        "count",
        "Dauer in Minuten",
        "Minutes",
        "Dauer der Tätigkeit in Minuten, ohne Vor- und Nachbereitung.",
        "Length of the activity in minutes, without preparation.",
        min=1,
        max=1440,
    ),
    _item(
        "activity_place",
        "activity",
        "single",
        "Ort",
        "Place",
        "Wo die Tätigkeit stattfand.",
        "Where the activity took place.",
        dimension="place",
    ),
]


def dimensions() -> list[dict[str, Any]]:
    by_id = {d["id"]: copy.deepcopy(d) for d in v1.DIMENSIONS}
    by_id["problem"]["codes"] = _problems()
    by_id["age_band"]["codes"] = _ages()
    by_id["age_band"]["purpose_de"] = (
        "Zeigt, welche Altersgruppen erreicht werden; fein genug, um zu den Altersgruppen der "
        "Kinder- und Jugendhilfestatistik, der Suchthilfestatistik und der "
        "Überschuldungsstatistik zusammengefasst zu werden."
    )
    by_id["age_band"]["purpose_en"] = (
        "Shows which age groups are reached; fine enough to be aggregated to the bands of the "
        "child and youth services, addiction care and over-indebtedness statistics."
    )
    by_id["household"]["codes"] = _household()
    by_id["referral"]["codes"] = _referral()
    by_id["ending"]["codes"] = _ending()
    by_id["contact_form"]["codes"] = CONTACT_FORM
    by_id["contact_form"]["purpose_de"] = by_id["contact_form"]["purpose_de"].replace("1–5", "1–7")
    by_id["contact_form"]["purpose_en"] = by_id["contact_form"]["purpose_en"].replace("1–5", "1–7")
    by_id["duration_band"]["codes"] = DURATION
    by_id["duration_band"]["purpose_de"] = (
        "Zeigt den Zeitaufwand für die Personalbemessung; die Grenze bei 30 Minuten trennt, was "
        "die Erziehungsberatungsstatistik zählt. Das Band ergibt sich aus der Dauer in Minuten "
        "und wird nicht von Hand gewählt."
    )
    by_id["duration_band"]["purpose_en"] = (
        "Shows the time spent for staff planning; the boundary at 30 minutes separates what the "
        "parenting counselling statistic counts. The band follows from the minutes and is not "
        "chosen by hand."
    )
    new = [
        dim(
            "client_relation",
            "Wer wird beraten",
            "Who is counselled",
            "Trennt Betroffene von Angehörigen und Fachkräften, so wie die Suchthilfestatistik "
            "Klientinnen und Angehörige getrennt zählt.",
            "Separates the persons concerned from relatives and professionals, as the addiction "
            "statistic counts clients and relatives apart.",
            CLIENT_RELATION,
        ),
        dim(
            "diagnosis",
            "Hauptdiagnose (KDS)",
            "Main diagnosis (KDS)",
            "Die Hauptdiagnosen der Suchthilfestatistik, nur für die betroffene Person; "
            "Angehörige zählen getrennt. So muss die Suchtberatung nicht doppelt erfassen.",
            "The main diagnoses of the addiction care statistic, of the person concerned only; "
            "relatives count apart. So addiction counselling need not record them twice.",
            _diagnoses(),
        ),
        dim(
            "eb_reason",
            "Grund für die Hilfegewährung",
            "Reason for the help",
            "Die Gründe der Kinder- und Jugendhilfestatistik, damit die Erziehungsberatung sie "
            "nicht doppelt erfassen muss.",
            "The reasons of the child and youth services statistic, so parenting counselling "
            "need not record them twice.",
            [c(code, de, en, dde, den, source=KJH) for code, de, en, dde, den in EB_REASONS],
        ),
        dim(
            "debt_trigger",
            "Hauptauslöser der Überschuldung",
            "Main trigger of over-indebtedness",
            "Der eine Hauptauslöser, den die Überschuldungsstatistik erfragt; kein Problemcode.",
            "The one main trigger the over-indebtedness statistic asks; not a problem code.",
            DEBT_TRIGGERS,
        ),
        dim(
            "eb_setting",
            "Setting",
            "Setting",
            "Mit wem Erziehungsberatung vorrangig arbeitet (§ 99 SGB VIII).",
            "With whom parenting counselling mainly works (§ 99 SGB VIII).",
            EB_SETTING,
        ),
        dim(
            "family_situation",
            "Situation in der Herkunftsfamilie",
            "Family situation",
            "Die Familiensituation nach § 99 SGB VIII; zeigt, welche Familienformen Hilfe "
            "brauchen.",
            "The family situation under § 99 SGB VIII; shows which family forms need help.",
            FAMILY_SITUATION,
        ),
        dim(
            "pregnancy_topic",
            "Beratungsthema Schwangerschaft",
            "Pregnancy counselling topic",
            "Die Themen des Landesstatistikbogens; reine Informationsthemen zählen nicht als "
            "Problemlage.",
            "The topics of the state form; purely informational topics do not count as problems.",
            [
                c(f"T_{code}", de, en, dde, den, source=SCHKG_LSA)
                for code, de, en, dde, den in PREGNANCY_TOPICS
            ],
        ),
        dim(
            "contact_kind",
            "Kontakt mit",
            "Contact with",
            "Zeigt, wie viel Arbeit mit Dritten (Schule, Jugendamt, Gläubiger) neben den "
            "Gesprächen mit Ratsuchenden anfällt.",
            "Shows how much work with third parties (schools, youth office, creditors) comes "
            "beside the talks with clients.",
            CONTACT_KIND,
        ),
        dim(
            "place",
            "Ort",
            "Place",
            "Zeigt, wie viel Beratung außerhalb der Stellen stattfindet, z. B. in Elbingerode.",
            "Shows how much counselling takes place outside the offices, e.g. in Elbingerode.",
            PLACE,
        ),
        dim(
            "activity_kind",
            "Art der Tätigkeit",
            "Kind of activity",
            "Arbeit, die kein Fall ist: Gruppen, Prävention, Multiplikatoren, Fachberatung, "
            "Netzwerk; zeigt den Aufwand dafür.",
            "Work that is not a case: groups, prevention, multipliers, advice for professionals, "
            "networks; shows the effort spent on it.",
            ACTIVITY_KIND,
        ),
        dim(
            "target_group",
            "Zielgruppe",
            "Target group",
            "Wen Gruppen und Präventionsangebote erreichen (wie Dot.sys).",
            "Whom groups and prevention reach (as Dot.sys).",
            [
                c(code, de, en, dde, TARGET_GROUP_EN[code], source=DOTSYS)
                for code, de, en, dde in TARGET_GROUP
            ],
        ),
        dim(
            "activity_setting",
            "Setting der Tätigkeit",
            "Activity setting",
            "Wo Prävention und Gruppen stattfinden (Settings wie Dot.sys).",
            "Where prevention and groups take place (settings as Dot.sys).",
            [
                c(
                    code,
                    de,
                    en,
                    f"Die Tätigkeit findet im Setting „{de}“ statt.",
                    f"The activity takes place in the setting '{en}'.",
                    source=DOTSYS,
                )
                for code, de, en in ACTIVITY_SETTING
            ],
        ),
    ]
    return list(by_id.values()) + new


def mappings() -> list[dict[str, Any]]:
    def m(dimension: str, kind: str, source: list[str], target: list[str], **extra: Any):
        out = {"from_version": 1, "dimension": dimension, "kind": kind}
        out.update({"source": source, "target": target, **extra})
        return out

    triggers = [code for code, _, _ in v1.DEBT]
    out = [
        m(
            "problem",
            "moved",
            [f"FIN_{t}" for t in triggers],
            triggers,
            item="debt_trigger",
            replace_with="FIN_SCHULD",
        ),
    ]
    out.append(
        m(
            "problem",
            "moved",
            SUBSTANCE_PROBLEMS,
            [code["code"] for code in _diagnoses()],
            item="diagnosis",
            replace_with="GES_SUCHT",
        )
    )
    for old in ("A18", "A21", "A27", "A45", "A65"):
        targets = [code for code, _, _, v1code in AGES_V2 if v1code == old]
        if old == "A65":
            targets = ["A65", "A70"]
        out.append(m("age_band", "split", [old], targets))
    out += [
        m("household", "split", ["PAAR_MIT"], ["PAAR_MIT", "PAAR_NEU"]),
        m("referral", "split", ["SELF"], ["SELF", "REL"]),
        m("contact_form", "split", ["2"], ["3", "2"]),
        m("contact_form", "renamed", ["3"], ["4"]),
        m("contact_form", "split", ["4"], ["5", "6"]),
        m("contact_form", "renamed", ["5"], ["7"]),
        m("duration_band", "split", ["2"], ["3", "2"]),
        m("duration_band", "renamed", ["3"], ["4"]),
        m("duration_band", "renamed", ["4"], ["5"]),
    ]
    return out


def check_notes(dims: list[dict[str, Any]]) -> tuple[str, str]:
    flagged = [
        (d["id"], code["code"]) for d in dims for code in d["codes"] if code.get("check")
    ] + [("items", i["id"]) for i in ITEMS if i.get("check")]
    listed = "; ".join(f"{d}/{code}" for d, code in flagged)
    de = (
        "Schema des Landkreises Harz, Version 2 (Format 2). Neu: Wartezeit, wer beraten wird, "
        "Personen nach Geschlecht und mitbetroffene Kinder, die Hauptdiagnose der Suchthilfe "
        "nur für die betroffene Person, das Dauerband aus den Minuten, Gründe mit Hauptgrund, Merkmale der "
        "Erziehungsberatung nach § 99 SGB VIII, Kontakte mit Dritten, Ort und Minuten, "
        "Tätigkeiten ohne Fall. Leistungen (Stiftungsanträge, Leistungsansprüche) und reine "
        "Informationsthemen der Schwangerschaftsberatung zählen nicht als Lebensbereich; der "
        "Hauptauslöser der Überschuldung ist eine Einfachauswahl, kein Problemcode. Die "
        "Änderungen gegenüber Version 1 stehen in docs/scheme-changes.md. Mit „check“ markiert "
        f"(nur Sekundärquellen, vor Version 3 zu prüfen): {listed}."
    )
    en = (
        "Landkreis Harz scheme, version 2 (format 2). New: waiting time, who is counselled, "
        "persons by sex and children affected, the addiction main diagnosis of the person "
        "concerned only, the duration band from the minutes, reasons with a main reason, the parenting counselling "
        "items of § 99 SGB VIII, contacts with third parties, place and minutes, activities "
        "without a case. Services (foundation applications, benefit claims) and purely "
        "informational pregnancy topics do not count as a life domain; the main trigger of "
        "over-indebtedness is a single choice, not a problem code. The changes from version 1 "
        "are in docs/scheme-changes.md. Marked 'check' (secondary sources only, to be reviewed "
        f"before version 3): {listed}."
    )
    return de, en


def build() -> dict[str, Any]:
    dims = dimensions()
    for d in dims:  # where no official statistic asks it, the code is the district's proposal
        for code in d["codes"]:
            code.setdefault("source", HARZ)
    for item in ITEMS:
        item.setdefault("source", HARZ)
    notes_de, notes_en = check_notes(dims)
    return {
        "format": "fallzahl-scheme/2",
        "id": "lk-harz",
        "version": 2,
        "valid_from": "2027-01-01",
        "valid_until": "2029-12-31",
        "district": {"name": "Landkreis Harz", "ags": "15085"},
        "dimensions": dims,
        "multi_problem": {"threshold": 3, "top_class": 4},
        "disclosure_threshold": 3,
        "periods": {"kind": "quarter", "deadline_days": 30},
        "mappings": mappings(),
        "notes_de": notes_de,
        "notes_en": notes_en,
        "items": ITEMS,
    }
