"""Writes resources/schemes/lk-harz-v1.json and lk-harz-v2.json from scheme-sources.md.

The JSON is what is signed and shipped; this script only keeps the repetitive parts short.
Version 1 is frozen (it is signed and in use): its content here must not change. Version 2
is built from it in tools/harz_scheme_v2.py. Run as ``python -m tools.make_harz_scheme``.
Sign afterwards:  python -m app scheme sign resources/schemes/lk-harz-v2.json --key KEY
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "resources" / "schemes" / "lk-harz-v1.json"

UESCHULD = "ÜSchuldStatG § 5 (Hauptauslöser der Überschuldung, Destatis)"
KDS = "KDS 3.0 Hauptdiagnose, ICD-10"
SGB8 = "§ 99 SGB VIII (Gründe für die Hilfegewährung)"
SCHKG2 = "§ 2 Abs. 2 SchKG"


def c(code: str, de: str, en: str, def_de: str, def_en: str, **extra: Any) -> dict[str, Any]:
    out = {"code": code, "label_de": de, "label_en": en, "definition_de": def_de}
    out["definition_en"] = def_en
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def dim(dim_id: str, de: str, en: str, p_de: str, p_en: str, codes: list) -> dict[str, Any]:
    return {
        "id": dim_id,
        "label_de": de,
        "label_en": en,
        "purpose_de": p_de,
        "purpose_en": p_en,
        "codes": codes,
    }


FIELDS = [
    c(
        "EFL",
        "Ehe-, Familien- und Lebensberatung",
        "Marriage, family and life counselling",
        "Beratung Erwachsener zu Partnerschaft, Familie oder persönlichen Lebensfragen. Wählen, wenn nicht die Erziehung eines Kindes im Mittelpunkt steht.",
        "Counselling adults on partnership, family or personal life questions. Choose it when the upbringing of a child is not the main topic.",
        source="FamBeFöG LSA § 20",
    ),
    c(
        "EB",
        "Erziehungsberatung",
        "Parenting and child guidance",
        "Beratung von Eltern, Kindern oder Jugendlichen zu Erziehung und Entwicklung eines jungen Menschen nach § 28 SGB VIII. Gezählt wird der junge Mensch, nicht die Familie.",
        "Counselling parents, children or adolescents on the upbringing and development of a young person under § 28 SGB VIII. The young person is counted, not the family.",
        source="§ 28 SGB VIII",
    ),
    c(
        "SUCHT",
        "Sucht- und Drogenberatung",
        "Addiction and drug counselling",
        "Beratung wegen eigenen oder fremden Konsums von Alkohol, Drogen, Medikamenten, Tabak oder wegen Glücksspiel oder Mediennutzung. Auch Angehörige, die deswegen kommen.",
        "Counselling about one's own or someone else's use of alcohol, drugs, medicines, tobacco, gambling or media. Includes relatives who come for that reason.",
        source="FamBeFöG LSA § 20; KDS 3.0",
    ),
    c(
        "SCHULD",
        "Schuldner- und Insolvenzberatung",
        "Debt and insolvency counselling",
        "Beratung wegen Schulden, drohender Überschuldung oder zum Verbraucherinsolvenzverfahren. Wählen, sobald Gläubiger, Forderungen oder Pfändungen bearbeitet werden.",
        "Counselling about debts, threatened over-indebtedness or consumer insolvency. Choose it as soon as creditors, claims or garnishments are dealt with.",
        source="§ 16a SGB II; ÜSchuldStatG",
    ),
    c(
        "SCHWANGER",
        "Schwangerschaftsberatung",
        "Pregnancy counselling",
        "Beratung nach § 2 SchKG zu Sexualaufklärung, Verhütung, Schwangerschaft, Geburt und Hilfen für Familien. Nicht die Konfliktberatung mit Beratungsschein.",
        "Counselling under § 2 SchKG on sex education, contraception, pregnancy, birth and help for families. Not conflict counselling with a certificate.",
        source="§ 2 SchKG",
    ),
    c(
        "SCHKONF",
        "Schwangerschaftskonfliktberatung",
        "Pregnancy conflict counselling",
        "Beratung nach §§ 5 und 6 SchKG, wenn ein Schwangerschaftsabbruch erwogen wird. Wählen, wenn die Beratung einen Beratungsschein nach § 7 SchKG zum Ziel haben kann.",
        "Counselling under §§ 5 and 6 SchKG when an abortion is considered. Choose it when the counselling may lead to a certificate under § 7 SchKG.",
        source="§§ 5, 6 SchKG",
    ),
    c(
        "CLEAR",
        "Integrierte Erstberatung/Clearing",
        "Integrated intake/clearing",
        "Erstgespräch, in dem das Anliegen geklärt und entschieden wird, welches Beratungsfeld zuständig ist. Nur wählen, solange noch kein anderes Feld die Beratung übernommen hat.",
        "First conversation that clarifies the request and decides which field is responsible. Choose it only while no other field has taken over the case.",
    ),
]

DOMAINS = [
    (
        "FIN",
        "Existenz/Finanzen",
        "Livelihood/finances",
        "Geld, Schulden, Einkommen und Sozialleistungen.",
        "Money, debts, income and benefits.",
    ),
    (
        "ARB",
        "Arbeit/Ausbildung/Schule",
        "Work/training/school",
        "Erwerbsarbeit, Arbeitslosigkeit, Ausbildung und Schule der ratsuchenden Person.",
        "Employment, unemployment, training and school of the client.",
    ),
    (
        "WOHN",
        "Wohnen",
        "Housing",
        "Drohender oder eingetretener Wohnungsverlust.",
        "Threatened or actual loss of housing.",
    ),
    (
        "GES",
        "Gesundheit/Sucht",
        "Health/addiction",
        "Sucht, psychische Belastung, Krankheit und Behinderung.",
        "Addiction, mental strain, illness and disability.",
    ),
    (
        "PART",
        "Partnerschaft",
        "Partnership",
        "Paarbeziehung, Trennung, Sorge und Umgang, häusliche Gewalt.",
        "Couple relationship, separation, custody and contact, domestic violence.",
    ),
    (
        "KIND",
        "Kind/Erziehung",
        "Child/upbringing",
        "Erziehung, Entwicklung und Wohl eines jungen Menschen (Gründe nach § 99 SGB VIII).",
        "Upbringing, development and welfare of a young person (reasons under § 99 SGB VIII).",
    ),
    (
        "SCHW",
        "Schwangerschaft/Familienplanung",
        "Pregnancy/family planning",
        "Themen nach § 2 SchKG und die Konfliktberatung nach §§ 5, 6 SchKG.",
        "Topics under § 2 SchKG and conflict counselling under §§ 5, 6 SchKG.",
    ),
    (
        "TEIL",
        "Teilhabe/Recht/Migration",
        "Participation/law/migration",
        "Isolation, Aufenthaltsstatus, Sprache und Straffälligkeit.",
        "Isolation, residence status, language and offending.",
    ),
]

DOMAIN_CODES = [
    c(
        code,
        de,
        en,
        f"Lebensbereich für die Zählung der Multiproblemlage: {dde} Wird nie direkt gewählt, sondern ergibt sich aus den Problemcodes.",
        f"Life domain for counting multiple problems: {den} Never chosen directly; it follows from the problem codes.",
    )
    for code, de, en, dde, den in DOMAINS
]

# Debt triggers: the published ÜSchuldStatG list (check against the current Destatis list).
DEBT = [
    ("ALO", "Arbeitslosigkeit", "unemployment"),
    (
        "TRENN",
        "Trennung, Scheidung, Tod des Partners/der Partnerin",
        "separation, divorce, death of the partner",
    ),
    ("KRANK", "Erkrankung, Sucht, Unfall", "illness, addiction, accident"),
    ("HAUSH", "unwirtschaftliche Haushaltsführung", "uneconomic household management"),
    ("SELBST", "gescheiterte Selbstständigkeit", "failed self-employment"),
    ("NIEDRIG", "längerfristiges Niedrigeinkommen", "long-term low income"),
    ("IMMO", "gescheiterte Immobilienfinanzierung", "failed property financing"),
    (
        "KREDIT",
        "unzureichende Kredit- oder Bürgschaftsberatung",
        "inadequate credit or guarantee advice",
    ),
    ("BUERG", "Bürgschaft, Mithaftung", "guarantee, joint liability"),
    (
        "GRUEND",
        "Haushaltsgründung, Geburt eines Kindes",
        "setting up a household, birth of a child",
    ),
    ("NICHTIN", "Nichtinanspruchnahme von Sozialleistungen", "benefits not claimed"),
    ("SCHADEN", "Schadenersatz wegen unerlaubter Handlung", "damages for a tort"),
    ("SONST", "sonstiger Auslöser", "other trigger"),
]

PROBLEMS: list[dict[str, Any]] = [
    c(
        f"FIN_{code}",
        f"Überschuldung: {de}",
        f"Over-indebtedness: {en}",
        f"Die Person ist überschuldet oder davon bedroht, und der Hauptauslöser ist: {de}. Nur den einen Hauptauslöser wählen.",
        f"The person is over-indebted or at risk of it, and the main trigger is: {en}. Choose the one main trigger only.",
        domain="FIN",
        source=UESCHULD,
        check=True,
    )
    for code, de, en in DEBT
] + [
    c(
        "FIN_LEIST",
        "Sozialleistungsansprüche klären",
        "Clarifying benefit claims",
        "Es werden Ansprüche auf Sozialleistungen (z. B. Bürgergeld, Wohngeld, Kinderzuschlag) geprüft oder beantragt. Nicht wählen, wenn nur darüber informiert wird.",
        "Claims for benefits (e.g. Bürgergeld, housing benefit, child supplement) are checked or applied for. Do not choose it for information only.",
        domain="FIN",
    ),
    c(
        "FIN_STIFT",
        "Stiftungsantrag",
        "Foundation application",
        "Für die Person wird ein Antrag bei einer Stiftung oder einem Hilfsfonds gestellt, z. B. bei der Bundesstiftung Mutter und Kind.",
        "An application to a foundation or relief fund is made for the person, e.g. the federal foundation Mother and Child.",
        domain="FIN",
    ),
    c(
        "ARB_LOS",
        "Arbeitslosigkeit",
        "Unemployment",
        "Die Person oder ihr Partner/ihre Partnerin ist arbeitslos oder der Arbeitsplatz ist gekündigt. Auch wenn sie Leistungen vom Jobcenter erhält.",
        "The person or their partner is unemployed or has been given notice. Also when they receive benefits from the Jobcenter.",
        domain="ARB",
    ),
    c(
        "ARB_BELAST",
        "Belastung in Arbeit oder Ausbildung",
        "Strain at work or in training",
        "Konflikte, Überforderung oder drohender Abbruch in Arbeit oder Ausbildung sind Thema der Beratung.",
        "Conflicts, overload or threatened dropout at work or in training are a topic of the counselling.",
        domain="ARB",
    ),
    c(
        "ARB_SCHULE",
        "Schulprobleme der ratsuchenden Person",
        "School problems of the client",
        "Die ratsuchende Person selbst hat Probleme in der Schule (Leistung, Schwänzen, Konflikte). Bei Kindern in der Erziehungsberatung stattdessen KIND_SCHULE wählen.",
        "The client has problems at school (achievement, truancy, conflicts). For children in parenting counselling choose KIND_SCHULE instead.",
        domain="ARB",
    ),
    c(
        "WOHN_DROH",
        "Wohnungsverlust droht",
        "Loss of housing threatened",
        "Es liegt eine Kündigung, eine Räumungsklage oder ein Mietrückstand vor, der zur Kündigung berechtigt.",
        "There is a notice to quit, an eviction action or rent arrears that allow termination.",
        domain="WOHN",
    ),
    c(
        "WOHN_LOS",
        "Wohnungsverlust eingetreten",
        "Loss of housing happened",
        "Die Person hat keine eigene Wohnung mehr, lebt bei Bekannten, in einer Notunterkunft oder auf der Straße.",
        "The person no longer has a home of their own and lives with friends, in emergency shelter or on the street.",
        domain="WOHN",
    ),
]

SUBSTANCES = [
    ("F10", "Alkohol", "alcohol"),
    ("F11", "Opioide", "opioids"),
    ("F12", "Cannabinoide", "cannabinoids"),
    ("F13", "Sedativa/Hypnotika", "sedatives/hypnotics"),
    ("F14", "Kokain", "cocaine"),
    (
        "F15",
        "andere Stimulanzien (z. B. Amphetamine, Crystal)",
        "other stimulants (e.g. amphetamines, crystal meth)",
    ),
    ("F16", "Halluzinogene", "hallucinogens"),
    ("F17", "Tabak", "tobacco"),
    ("F18", "flüchtige Lösungsmittel", "volatile solvents"),
    ("F19", "mehrere oder andere Substanzen", "multiple or other substances"),
]
PROBLEMS += [
    c(
        f"GES_{icd}",
        f"Substanzproblem: {de} ({icd})",
        f"Substance problem: {en} ({icd})",
        f"Schädlicher Gebrauch oder Abhängigkeit von {de} (ICD-10 {icd}) bei der ratsuchenden Person oder bei einem Angehörigen, wegen dem sie kommt. Bei mehreren Substanzen die hauptsächliche wählen, F19 nur bei nicht trennbarem Mischkonsum.",
        f"Harmful use of or dependence on {en} (ICD-10 {icd}) by the client or by a relative they come about. With several substances choose the main one; F19 only for inseparable mixed use.",
        domain="GES",
        source=f"{KDS} {icd}",
    )
    for icd, de, en in SUBSTANCES
] + [
    c(
        "GES_F630",
        "Pathologisches Glücksspiel (F63.0)",
        "Pathological gambling (F63.0)",
        "Glücksspiel mit Kontrollverlust, z. B. an Automaten, Sportwetten oder online, bei der Person oder einem Angehörigen.",
        "Gambling with loss of control, e.g. slot machines, sports betting or online, by the person or a relative.",
        domain="GES",
        source=f"{KDS} F63.0",
    ),
    c(
        "GES_MEDIEN",
        "Exzessive Mediennutzung",
        "Excessive media use",
        "Nutzung von Computerspielen, sozialen Medien oder Internet, die Schule, Arbeit oder Beziehungen deutlich beeinträchtigt.",
        "Use of computer games, social media or the internet that clearly harms school, work or relationships.",
        domain="GES",
        source="KDS 3.0 (Zuordnung zu prüfen)",
        check=True,
    ),
    c(
        "GES_PSYCH",
        "Psychische Belastung",
        "Mental strain",
        "Die Person ist seelisch deutlich belastet (z. B. Ängste, Niedergeschlagenheit, Erschöpfung), auch ohne ärztliche Diagnose.",
        "The person is clearly under mental strain (e.g. anxiety, low mood, exhaustion), even without a medical diagnosis.",
        domain="GES",
    ),
    c(
        "GES_KRANK",
        "Krankheit/Behinderung",
        "Illness/disability",
        "Eine körperliche Erkrankung oder Behinderung der Person oder eines Haushaltsmitglieds belastet den Alltag.",
        "A physical illness or disability of the person or a household member burdens daily life.",
        domain="GES",
    ),
    c(
        "PART_KONF",
        "Partnerschaftskonflikt",
        "Partner conflict",
        "Das Paar streitet wiederholt oder ist unzufrieden mit der Beziehung, eine Trennung ist nicht beschlossen.",
        "The couple argue repeatedly or are unhappy with the relationship; separation has not been decided.",
        domain="PART",
    ),
    c(
        "PART_TRENN",
        "Trennung/Scheidung",
        "Separation/divorce",
        "Eine Trennung oder Scheidung steht bevor, läuft oder ist erfolgt und ist Thema der Beratung.",
        "A separation or divorce is imminent, under way or has happened and is a topic of the counselling.",
        domain="PART",
    ),
    c(
        "PART_SORGE",
        "Sorge- und Umgangsregelung",
        "Custody and contact",
        "Es geht um Sorgerecht, Umgang oder Aufenthalt gemeinsamer Kinder nach einer Trennung.",
        "Custody, contact or residence of shared children after a separation are discussed.",
        domain="PART",
    ),
    c(
        "PART_GEWALT",
        "Häusliche Gewalt",
        "Domestic violence",
        "Die Person erlebt oder übt körperliche, sexuelle oder psychische Gewalt in Partnerschaft oder Familie aus, berichtet oder erkennbar.",
        "The person suffers or commits physical, sexual or psychological violence in the partnership or family, as reported or evident.",
        domain="PART",
    ),
]

KIND = [
    (
        "UNVERS",
        "Unversorgtheit des jungen Menschen",
        "Young person left uncared for",
        "Der junge Mensch ist ohne Versorgung, weil die Eltern ausfallen (z. B. Krankheit, Haft, Tod).",
        "The young person is without care because the parents are unavailable (e.g. illness, prison, death).",
    ),
    (
        "FOERD",
        "Unzureichende Förderung/Betreuung/Versorgung in der Familie",
        "Insufficient support/care/provision in the family",
        "Der junge Mensch wird in der Familie nicht ausreichend gefördert, betreut oder versorgt.",
        "The young person is not sufficiently supported, looked after or provided for in the family.",
    ),
    (
        "GEFAEHRD",
        "Gefährdung des Kindeswohls",
        "Risk to the child's welfare",
        "Es gibt gewichtige Anhaltspunkte für Vernachlässigung, Misshandlung oder sexuelle Gewalt (§ 8a SGB VIII).",
        "There are weighty indications of neglect, abuse or sexual violence (§ 8a SGB VIII).",
    ),
    (
        "ERZKOMP",
        "Eingeschränkte Erziehungskompetenz der Eltern",
        "Limited parenting skills of the parents",
        "Die Eltern sind in Erziehungsfragen unsicher oder überfordert, z. B. bei Grenzsetzung oder Tagesstruktur.",
        "The parents are unsure or overwhelmed in parenting, e.g. setting limits or daily routines.",
    ),
    (
        "ELTPROB",
        "Belastung durch Problemlagen der Eltern",
        "Strain from the parents' problems",
        "Der junge Mensch ist belastet durch Sucht, psychische Erkrankung, Schulden oder Straffälligkeit der Eltern.",
        "The young person is strained by the parents' addiction, mental illness, debts or offending.",
    ),
    (
        "FAMKONF",
        "Belastung durch familiäre Konflikte",
        "Strain from family conflicts",
        "Der junge Mensch ist belastet durch Streit, Trennung oder Scheidung der Eltern oder Konflikte mit ihnen.",
        "The young person is strained by arguments, separation or divorce of the parents or conflicts with them.",
    ),
    (
        "SOZVERH",
        "Auffälligkeiten im sozialen Verhalten",
        "Problems in social behaviour",
        "Der junge Mensch fällt durch Aggression, Regelverstöße, Delinquenz oder Rückzug im Umgang mit anderen auf.",
        "The young person shows aggression, rule-breaking, delinquency or withdrawal with others.",
    ),
    (
        "ENTW",
        "Entwicklungsauffälligkeiten/seelische Probleme",
        "Developmental or emotional problems",
        "Der junge Mensch zeigt Entwicklungsverzögerungen, Ängste, Traurigkeit oder andere seelische Probleme.",
        "The young person shows developmental delays, anxiety, sadness or other emotional problems.",
    ),
    (
        "SCHULE",
        "Schulische/berufliche Probleme des jungen Menschen",
        "School or training problems of the young person",
        "Der junge Mensch hat Probleme mit Leistung, Anwesenheit oder Konflikten in Schule, Kita oder Ausbildung.",
        "The young person has problems with achievement, attendance or conflicts at school, day care or training.",
    ),
]
PROBLEMS += [
    c(
        f"KIND_{code}",
        de,
        en,
        dde + " Mehrere Gründe pro Fall sind möglich.",
        den + " Several reasons per case are possible.",
        domain="KIND",
        source=SGB8,
    )
    for code, de, en, dde, den in KIND
]

SCHW = [
    (
        "SEXAUFK",
        "Sexualaufklärung, Verhütung, Familienplanung",
        "Sex education, contraception, family planning",
        "Fragen zu Sexualität, Verhütungsmitteln oder Kinderwunsch.",
        "Questions about sexuality, contraception or wanting children.",
        SCHKG2,
    ),
    (
        "FAMLEIST",
        "Familienleistungen und Hilfen für Familien und Kinder",
        "Family benefits and help for families and children",
        "Information zu oder Hilfe bei Elterngeld, Kindergeld, Mutterschutz und ähnlichen Leistungen.",
        "Information on or help with parental allowance, child benefit, maternity protection and similar benefits.",
        SCHKG2,
    ),
    (
        "VORSORGE",
        "Vorsorgeuntersuchungen und Kosten der Geburt",
        "Prenatal care and costs of birth",
        "Fragen zu Vorsorge in der Schwangerschaft, pränataler Diagnostik oder Kosten der Entbindung.",
        "Questions about prenatal check-ups, prenatal diagnostics or the costs of giving birth.",
        SCHKG2,
    ),
    (
        "SOZHILFE",
        "Soziale und wirtschaftliche Hilfen (Wohnung, Arbeit, Ausbildung)",
        "Social and economic help (housing, work, training)",
        "Hilfe bei der Suche nach Wohnung, Arbeit oder Ausbildung wegen der Schwangerschaft oder des Kindes.",
        "Help finding housing, work or training because of the pregnancy or the child.",
        SCHKG2,
    ),
    (
        "BEHIND",
        "Hilfen für Menschen mit Behinderung und ihre Familien",
        "Help for disabled persons and their families",
        "Beratung, wenn eine Behinderung der Schwangeren oder des erwarteten Kindes bekannt oder möglich ist.",
        "Counselling when a disability of the pregnant woman or of the expected child is known or possible.",
        SCHKG2,
    ),
    (
        "ABBR",
        "Methoden und Risiken eines Schwangerschaftsabbruchs",
        "Methods and risks of abortion",
        "Information zu Methoden, Ablauf und Risiken eines Abbruchs, ohne dass eine Konfliktberatung nach § 5 SchKG stattfindet.",
        "Information on methods, procedure and risks of an abortion without conflict counselling under § 5 SchKG.",
        SCHKG2,
    ),
    (
        "PSYKONF",
        "Psychosoziale Konflikte im Zusammenhang mit der Schwangerschaft",
        "Psychosocial conflicts connected with the pregnancy",
        "Die Schwangerschaft löst Konflikte mit Partner, Familie, Arbeit oder eigener Lebensplanung aus.",
        "The pregnancy causes conflicts with the partner, family, work or one's own life plans.",
        SCHKG2,
    ),
    (
        "ADOPT",
        "Adoption und vertrauliche Geburt",
        "Adoption and confidential birth",
        "Fragen zur Freigabe des Kindes zur Adoption oder zur vertraulichen Geburt nach §§ 25 ff. SchKG.",
        "Questions about giving the child up for adoption or about confidential birth under §§ 25 ff. SchKG.",
        SCHKG2,
    ),
    (
        "KONFLIKT",
        "Schwangerschaftskonfliktberatung",
        "Pregnancy conflict counselling",
        "Beratung nach §§ 5, 6 SchKG, weil ein Abbruch der Schwangerschaft erwogen wird.",
        "Counselling under §§ 5, 6 SchKG because an abortion is being considered.",
        "§§ 5, 6 SchKG",
    ),
    (
        "NACH",
        "Nachbetreuung nach Geburt oder Abbruch",
        "Follow-up after birth or abortion",
        "Beratung nach der Geburt des Kindes oder nach einem Schwangerschaftsabbruch.",
        "Counselling after the birth of the child or after an abortion.",
        "§ 2 Abs. 3 SchKG",
    ),
]
PROBLEMS += [
    c(f"SCHW_{code}", de, en, dde, den, domain="SCHW", source=src)
    for code, de, en, dde, den, src in SCHW
]
PROBLEMS += [
    c(
        "TEIL_ISOL",
        "Soziale Isolation",
        "Social isolation",
        "Die Person hat kaum Kontakte zu Familie, Freunden oder Nachbarn und fühlt sich allein gelassen.",
        "The person has hardly any contact with family, friends or neighbours and feels left alone.",
        domain="TEIL",
    ),
    c(
        "TEIL_AUFENTH",
        "Aufenthaltsstatus",
        "Residence status",
        "Ein ungesicherter oder ungeklärter Aufenthaltsstatus (z. B. Duldung, laufendes Asylverfahren) belastet die Person.",
        "An insecure or unclear residence status (e.g. tolerated stay, pending asylum procedure) burdens the person.",
        domain="TEIL",
    ),
    c(
        "TEIL_SPRACHE",
        "Sprachliche Verständigung",
        "Language barrier",
        "Die Person kann sich auf Deutsch nicht ausreichend verständigen, um Behörden- oder Alltagsangelegenheiten allein zu regeln.",
        "The person cannot communicate well enough in German to handle official or everyday matters alone.",
        domain="TEIL",
    ),
    c(
        "TEIL_STRAF",
        "Straffälligkeit",
        "Offending",
        "Gegen die Person läuft ein Strafverfahren, sie steht unter Bewährung oder ist aus der Haft entlassen.",
        "The person faces criminal proceedings, is on probation or has been released from prison.",
        domain="TEIL",
    ),
]

SEX = [
    c(
        "m",
        "männlich",
        "male",
        "Die Person gibt männlich als Geschlecht an.",
        "The person states male as their sex.",
    ),
    c(
        "w",
        "weiblich",
        "female",
        "Die Person gibt weiblich als Geschlecht an.",
        "The person states female as their sex.",
    ),
    c(
        "d",
        "divers",
        "diverse",
        "Die Person gibt divers als Geschlecht an.",
        "The person states diverse as their sex.",
    ),
    c(
        "x",
        "keine Angabe",
        "not stated",
        "Die Person macht keine Angabe, oder das Geschlecht ist nicht bekannt (z. B. anonymer Telefonkontakt).",
        "The person does not say, or the sex is not known (e.g. an anonymous phone call).",
    ),
]

AGE_NOTE_DE = "Alter bei Beginn der Beratung; in der Erziehungsberatung das Alter des jungen Menschen, für den beraten wird."
AGE_NOTE_EN = "Age when the counselling starts; in parenting counselling the age of the young person the counselling is about."
AGES = [
    ("A00", 0, 3),
    ("A03", 3, 6),
    ("A06", 6, 9),
    ("A09", 9, 12),
    ("A12", 12, 15),
    ("A15", 15, 18),
    ("A18", 18, 21),
    ("A21", 21, 27),
    ("A27", 27, 45),
    ("A45", 45, 65),
]
AGE_CODES = [
    c(
        code,
        f"unter {hi} Jahre" if lo == 0 else f"{lo} bis unter {hi} Jahre",
        f"under {hi} years" if lo == 0 else f"{lo} to under {hi} years",
        f"{AGE_NOTE_DE} Gezählt: {lo} bis {hi - 1} Jahre.",
        f"{AGE_NOTE_EN} Counted: {lo} to {hi - 1} years.",
        source="Kinder- und Jugendhilfestatistik/bke" if hi <= 27 else "Vorschlag Landkreis Harz",
    )
    for code, lo, hi in AGES
] + [
    c(
        "A65",
        "65 Jahre und älter",
        "65 years and over",
        f"{AGE_NOTE_DE} Gezählt: ab 65 Jahre.",
        f"{AGE_NOTE_EN} Counted: 65 years and over.",
        source="Vorschlag Landkreis Harz",
    ),
    c(
        "AUNK",
        "unbekannt",
        "unknown",
        "Das Alter ist nicht bekannt und lässt sich nicht erfragen, z. B. bei anonymen Kurzkontakten.",
        "The age is not known and cannot be asked, e.g. in anonymous short contacts.",
    ),
]

HOUSEHOLD = [
    c(
        "ALLEIN",
        "alleinlebend",
        "living alone",
        "Die ratsuchende Person lebt allein in ihrer Wohnung.",
        "The client lives alone in their home.",
    ),
    c(
        "PAAR_OHNE",
        "Paar ohne Kinder im Haushalt",
        "couple without children",
        "Die Person lebt mit Partner/Partnerin, aber ohne minderjährige Kinder zusammen.",
        "The person lives with a partner but without minor children.",
    ),
    c(
        "PAAR_MIT",
        "Paar mit Kind(ern)",
        "couple with child(ren)",
        "Die Person lebt mit Partner/Partnerin und mindestens einem minderjährigen Kind zusammen, auch in einer Stieffamilie.",
        "The person lives with a partner and at least one minor child, also in a stepfamily.",
    ),
    c(
        "ALLEINERZ",
        "alleinerziehend",
        "single parent",
        "Die Person lebt ohne Partner/Partnerin mit mindestens einem minderjährigen Kind zusammen.",
        "The person lives without a partner with at least one minor child.",
    ),
    c(
        "ELTERN",
        "bei den Eltern oder einem Elternteil",
        "with parents or one parent",
        "Die ratsuchende Person (meist ein junger Mensch) lebt bei den Eltern oder einem Elternteil. In der Erziehungsberatung gilt der Haushalt des jungen Menschen.",
        "The client (usually a young person) lives with the parents or one parent. In parenting counselling the young person's household counts.",
    ),
    c(
        "SONST",
        "sonstiger Mehrpersonenhaushalt",
        "other shared household",
        "Die Person lebt mit anderen Personen zusammen, z. B. in einer Wohngemeinschaft oder bei Verwandten.",
        "The person lives with others, e.g. in a shared flat or with relatives.",
    ),
    c(
        "EINR",
        "Einrichtung/betreutes Wohnen",
        "institution/supported housing",
        "Die Person lebt in einer Einrichtung, im betreuten Wohnen, in einer Klinik oder in Haft.",
        "The person lives in an institution, supported housing, a clinic or prison.",
    ),
    c(
        "OHNE",
        "ohne Wohnung",
        "without a home",
        "Die Person hat keine eigene Wohnung (Notunterkunft, bei Bekannten, auf der Straße).",
        "The person has no home of their own (shelter, with friends, on the street).",
    ),
    c(
        "UNK",
        "unbekannt",
        "unknown",
        "Die Wohnsituation ist nicht bekannt.",
        "The living situation is not known.",
    ),
]

CHILDREN = [
    c(
        "K0",
        "keine Kinder",
        "no children",
        "Im Haushalt der ratsuchenden Person leben keine minderjährigen Kinder.",
        "No minor children live in the client's household.",
    ),
    c(
        "K1",
        "1 Kind",
        "1 child",
        "Im Haushalt lebt genau ein minderjähriges Kind.",
        "Exactly one minor child lives in the household.",
    ),
    c(
        "K2",
        "2 Kinder",
        "2 children",
        "Im Haushalt leben genau zwei minderjährige Kinder.",
        "Exactly two minor children live in the household.",
    ),
    c(
        "K3",
        "3 und mehr Kinder",
        "3 or more children",
        "Im Haushalt leben drei oder mehr minderjährige Kinder (kinderreiche Familie).",
        "Three or more minor children live in the household (large family).",
    ),
    c(
        "KUNK",
        "unbekannt",
        "unknown",
        "Die Zahl der Kinder im Haushalt ist nicht bekannt.",
        "The number of children in the household is not known.",
    ),
]

TOWNS = [
    ("15085040", "Ballenstedt", None),
    ("15085055", "Blankenburg (Harz)", None),
    ("15085110", "Falkenstein/Harz", None),
    ("15085135", "Halberstadt", None),
    ("15085145", "Harzgerode", None),
    ("15085185", "Huy", None),
    ("15085190", "Ilsenburg (Harz)", None),
    ("15085227", "Nordharz", None),
    ("15085228", "Oberharz am Brocken", None),
    ("15085230", "Osterwieck", None),
    ("15085235", "Quedlinburg", None),
    ("15085330", "Thale", None),
    ("15085370", "Wernigerode", None),
    ("15085090", "Ditfurt", "VG Vorharz"),
    ("15085125", "Groß Quenstedt", "VG Vorharz"),
    ("15085140", "Harsleben", "VG Vorharz"),
    ("15085160", "Hedersleben", "VG Vorharz"),
    ("15085285", "Schwanebeck", "VG Vorharz"),
    ("15085287", "Selke-Aue", "VG Vorharz"),
    ("15085365", "Wegeleben", "VG Vorharz"),
]
MUNICIPALITIES = [
    c(
        ags,
        name,
        name,
        f"Hauptwohnsitz der ratsuchenden Person in {name} (Gemeindeschlüssel {ags}), einschließlich aller Ortsteile."
        + (
            " Mitgliedsgemeinde der Verbandsgemeinde Vorharz; veröffentlichte Tabellen fassen sie als „VG Vorharz“ zusammen."
            if pool
            else ""
        ),
        f"The client's main residence is in {name} (municipality key {ags}), including all its villages."
        + (
            " Member of Verbandsgemeinde Vorharz; published tables pool it as 'VG Vorharz'."
            if pool
            else ""
        ),
        source="AGS Stand 25.01.2021",
        pool=pool,
    )
    for ags, name, pool in sorted(TOWNS)
] + [
    c(
        "OUT",
        "außerhalb des Landkreises",
        "outside the district",
        "Der Hauptwohnsitz liegt nicht im Landkreis Harz.",
        "The main residence is outside Landkreis Harz.",
    ),
    c(
        "UNK",
        "unbekannt",
        "unknown",
        "Der Wohnort ist nicht bekannt, z. B. bei anonymer Beratung.",
        "The place of residence is not known, e.g. in anonymous counselling.",
    ),
]

YES_NO = [
    c(
        "J",
        "ja",
        "yes",
        "Die Frage trifft nach Angabe der ratsuchenden Person zu.",
        "The question applies, according to the client.",
    ),
    c(
        "N",
        "nein",
        "no",
        "Die Frage trifft nach Angabe der ratsuchenden Person nicht zu.",
        "The question does not apply, according to the client.",
    ),
    c(
        "U",
        "unbekannt",
        "unknown",
        "Die Antwort ist nicht bekannt oder die Person möchte sie nicht geben.",
        "The answer is not known or the person does not want to give it.",
    ),
]

REFERRAL = [
    c(
        "SELF",
        "selbst/Angehörige",
        "self/relatives",
        "Die Person kommt aus eigenem Antrieb, auch auf Rat von Angehörigen, Freunden oder aus dem Internet.",
        "The person comes on their own initiative, also on advice of relatives, friends or the internet.",
    ),
    c(
        "JC",
        "Jobcenter",
        "Jobcenter",
        "Das Jobcenter hat die Person geschickt oder an die Beratung verwiesen.",
        "The Jobcenter sent or referred the person.",
    ),
    c(
        "JA",
        "Jugendamt",
        "Youth welfare office",
        "Das Jugendamt hat die Person geschickt oder an die Beratung verwiesen.",
        "The youth welfare office sent or referred the person.",
    ),
    c(
        "SCHULE",
        "Schule/Kita",
        "School/day care",
        "Eine Schule, Kita oder Schulsozialarbeit hat die Beratung empfohlen.",
        "A school, day-care centre or school social work recommended the counselling.",
    ),
    c(
        "ARZT",
        "Ärztin/Arzt/Klinik",
        "Doctor/clinic",
        "Eine Arztpraxis, Klinik, Hebamme oder Psychotherapeutin/ein Psychotherapeut hat die Beratung empfohlen.",
        "A doctor's practice, clinic, midwife or psychotherapist recommended the counselling.",
    ),
    c(
        "JUSTIZ",
        "Gericht/Bewährungshilfe",
        "Court/probation",
        "Ein Gericht, die Staatsanwaltschaft oder die Bewährungshilfe hat die Beratung veranlasst oder empfohlen.",
        "A court, the public prosecutor or probation ordered or recommended the counselling.",
    ),
    c(
        "INTERN",
        "anderes Beratungsfeld dieser Stelle",
        "other field of this office",
        "Ein anderes Beratungsfeld derselben integrierten Beratungsstelle hat die Person weitergeleitet.",
        "Another counselling field of the same integrated office passed the person on.",
    ),
    c(
        "SONST",
        "sonstige",
        "other",
        "Eine andere Stelle, z. B. Wohnungsunternehmen, Gläubiger oder andere Beratungsdienste, hat die Person geschickt.",
        "Another body, e.g. a housing company, creditor or other counselling service, sent the person.",
    ),
]

ENDING = [
    c(
        "REG",
        "regulär/einvernehmlich",
        "regular/agreed",
        "Die Beratung endet wie geplant oder in gegenseitigem Einvernehmen, auch bei erreichtem Ziel.",
        "The counselling ends as planned or by mutual agreement, also when the goal is reached.",
        source="KDS 3.0 Art der Beendigung (vereinfacht)",
    ),
    c(
        "INTERN",
        "intern weitervermittelt",
        "referred internally",
        "Die Person wird in ein anderes Beratungsfeld derselben Beratungsstelle übergeben; dort wird ein eigener Fall angelegt.",
        "The person is handed over to another field of the same office, where a new case is opened.",
        source="KDS 3.0 Art der Beendigung (vereinfacht)",
    ),
    c(
        "EXTERN",
        "extern weitervermittelt",
        "referred externally",
        "Die Person wird an eine andere Einrichtung vermittelt, z. B. Klinik, Therapie oder Jugendamt.",
        "The person is referred to another institution, e.g. clinic, therapy or youth welfare office.",
        source="KDS 3.0 Art der Beendigung (vereinfacht)",
    ),
    c(
        "ABBRUCH",
        "Abbruch durch die ratsuchende Person",
        "ended by the client (dropout)",
        "Die Person kommt ohne Absprache nicht mehr oder beendet die Beratung gegen den Rat der Beraterin/des Beraters.",
        "The person stops coming without agreement or ends the counselling against the counsellor's advice.",
        source="KDS 3.0 Art der Beendigung (vereinfacht)",
    ),
    c(
        "SONST",
        "sonstige Beendigung",
        "other ending",
        "Die Beratung endet aus einem anderen Grund, z. B. Umzug, Haft oder Tod.",
        "The counselling ends for another reason, e.g. moving away, prison or death.",
        source="KDS 3.0 Art der Beendigung (vereinfacht)",
    ),
]

CONTACT_FORM = [
    c(
        "1",
        "in der Beratungsstelle",
        "in the office",
        "Persönliches Gespräch in den Räumen der Beratungsstelle.",
        "Face-to-face conversation on the premises of the counselling office.",
    ),
    c(
        "2",
        "aufsuchend/Außensprechstunde",
        "outreach/satellite office",
        "Persönliches Gespräch außerhalb der Beratungsstelle: Hausbesuch, Außensprechstunde, Schule, Klinik oder Haft.",
        "Face-to-face conversation outside the office: home visit, satellite office, school, clinic or prison.",
    ),
    c("3", "telefonisch", "by phone", "Gespräch am Telefon.", "Conversation by phone."),
    c(
        "4",
        "online/Video",
        "online/video",
        "Beratung per Videogespräch, Chat oder E-Mail-Beratung.",
        "Counselling by video call, chat or e-mail counselling.",
    ),
    c(
        "5",
        "Gruppe",
        "group",
        "Angebot für mehrere Ratsuchende zugleich, z. B. Gruppe, Kurs oder Informationsveranstaltung.",
        "Session for several clients at once, e.g. group, course or information event.",
    ),
]

DURATION = [
    c(
        "1",
        "bis 15 Min.",
        "up to 15 min",
        "Der Kontakt dauerte höchstens 15 Minuten.",
        "The contact lasted at most 15 minutes.",
    ),
    c(
        "2",
        "15–45 Min.",
        "15–45 min",
        "Der Kontakt dauerte mehr als 15 und höchstens 45 Minuten.",
        "The contact lasted more than 15 and at most 45 minutes.",
    ),
    c(
        "3",
        "45–90 Min.",
        "45–90 min",
        "Der Kontakt dauerte mehr als 45 und höchstens 90 Minuten.",
        "The contact lasted more than 45 and at most 90 minutes.",
    ),
    c(
        "4",
        "über 90 Min.",
        "over 90 min",
        "Der Kontakt dauerte mehr als 90 Minuten.",
        "The contact lasted more than 90 minutes.",
    ),
]

DIMENSIONS = [
    dim(
        "field",
        "Beratungsfeld",
        "Counselling field",
        "Zeigt, wie stark jedes Beratungsfeld genutzt wird und wie oft Fälle mehrere Felder einbeziehen; Grundlage für den mittelfristigen Bedarf und die Förderung nach FamBeFöG LSA.",
        "Shows how much each counselling field is used and how often cases involve several fields; basis for the medium-term need and funding under FamBeFöG LSA.",
        FIELDS,
    ),
    dim(
        "domain",
        "Lebensbereich",
        "Life domain",
        "Fasst Problemcodes zu Lebensbereichen zusammen; die Zahl der betroffenen Bereiche ergibt die objektive Multiproblemlage für die Sozialplanung.",
        "Groups problem codes into life domains; the number of domains affected gives the objective multi-problem measure for social planning.",
        DOMAIN_CODES,
    ),
    dim(
        "problem",
        "Problemlage",
        "Problem",
        "Zeigt, welche Problemlagen im Kreis zunehmen, und ist an die amtlichen Statistiken (Überschuldung, Suchthilfe, Kinder- und Jugendhilfe, SchKG) anschlussfähig.",
        "Shows which problems grow in the district and links to the official statistics (over-indebtedness, addiction care, child and youth services, SchKG).",
        PROBLEMS,
    ),
    dim(
        "sex",
        "Geschlecht",
        "Sex",
        "Zeigt, ob Frauen und Männer die Angebote gleichermaßen erreichen.",
        "Shows whether women and men are reached equally by the services.",
        SEX,
    ),
    dim(
        "age_band",
        "Altersgruppe",
        "Age band",
        "Zeigt, welche Altersgruppen erreicht werden; bis 27 Jahre wie in der Kinder- und Jugendhilfestatistik, damit die Zahlen vergleichbar sind.",
        "Shows which age groups are reached; up to 27 as in the child and youth services statistics so figures compare.",
        AGE_CODES,
    ),
    dim(
        "household",
        "Haushaltstyp",
        "Household type",
        "Zeigt, welche Familienformen (z. B. Alleinerziehende) besonders Unterstützung brauchen.",
        "Shows which family forms (e.g. single parents) particularly need support.",
        HOUSEHOLD,
    ),
    dim(
        "children",
        "Kinder im Haushalt",
        "Children in household",
        "Zeigt, wie viele Kinder von den Problemlagen der Ratsuchenden mitbetroffen sind.",
        "Shows how many children are affected by their parents' problems.",
        CHILDREN,
    ),
    dim(
        "municipality",
        "Wohngemeinde",
        "Municipality of residence",
        "Zeigt, aus welchen Gemeinden die Ratsuchenden kommen und wo Außensprechstunden oder aufsuchende Angebote fehlen.",
        "Shows which municipalities clients come from and where satellite offices or outreach are missing.",
        MUNICIPALITIES,
    ),
    dim(
        "yes_no_unknown",
        "Ja/Nein/Unbekannt",
        "Yes/no/unknown",
        "Antworten auf die Ja/Nein-Fragen: Bezug von Transferleistungen und die beiden Migrationsmerkmale nach § 99 SGB VIII (ein Elternteil ausländischer Herkunft; in der Familie wird vorrangig Deutsch gesprochen). Zeigt, ob Menschen in Armut und mit Migrationsgeschichte erreicht werden.",
        "Answers to the yes/no questions: receipt of transfer benefits and the two migration items under § 99 SGB VIII (a parent of foreign origin; German mainly spoken at home). Shows whether people in poverty and with a migration background are reached.",
        YES_NO,
    ),
    dim(
        "referral",
        "Zugangsweg",
        "Referral source",
        "Zeigt, welche Stellen an die Beratung verweisen und wo die Zusammenarbeit im Netzwerk gestärkt werden muss.",
        "Shows which bodies refer to counselling and where cooperation in the network needs strengthening.",
        REFERRAL,
    ),
    dim(
        "ending",
        "Art der Beendigung",
        "Ending",
        "Zeigt, wie viele Beratungen regulär enden, weitervermittelt oder abgebrochen werden.",
        "Shows how many cases end regularly, are referred on or are dropped.",
        ENDING,
    ),
    dim(
        "contact_form",
        "Kontaktform",
        "Contact form",
        "Zeigt, wie viel Beratung aufsuchend, telefonisch und online stattfindet; wichtig für Außensprechstunden im ländlichen Raum. Eingabe mit den Zifferntasten 1–5.",
        "Shows how much counselling takes place as outreach, by phone and online; important for satellite offices in rural areas. Entered with number keys 1–5.",
        CONTACT_FORM,
    ),
    dim(
        "duration_band",
        "Dauer",
        "Duration",
        "Zeigt den Zeitaufwand der Beratung für die Personalbemessung. Eingabe mit den Zifferntasten 1–4.",
        "Shows the time spent on counselling for staff planning. Entered with number keys 1–4.",
        DURATION,
    ),
]


def check_notes() -> tuple[str, str]:
    flagged = [
        (d["id"], code["code"], code["label_de"], code["label_en"])
        for d in DIMENSIONS
        for code in d["codes"]
        if code.get("check")
    ]
    de = (
        "Schema des Landkreises Harz, Version 1. Mit „check“ markierte Einträge stammen nur "
        "aus Sekundärquellen und werden vor Version 2 geprüft: "
        + "; ".join(f"{dim_id}/{code} ({label})" for dim_id, code, label, _ in flagged)
        + ". Die Auslöser der Überschuldung folgen der veröffentlichten Liste nach ÜSchuldStatG § 5 "
        "und sind mit der aktuellen Liste von Destatis abzugleichen. Die Multiproblemlage wird "
        "nicht angekreuzt, sondern aus den Lebensbereichen der Problemcodes gezählt (NZFH-"
        "Belastungsindex als Vorbild; kein amtlicher Grenzwert). Einzelkontakte werden getrennt "
        "von laufenden Fällen berichtet (DSHS-Praxis)."
    )
    en = (
        "Landkreis Harz scheme, version 1. Items marked 'check' come from secondary sources "
        "only and are reviewed before version 2: "
        + "; ".join(f"{dim_id}/{code} ({label})" for dim_id, code, _, label in flagged)
        + ". The debt triggers follow the published ÜSchuldStatG § 5 list and are to be "
        "compared with Destatis' current list. Multiple problems are never ticked; they are "
        "counted from the life domains of the problem codes (after the NZFH burden index; no "
        "official cut-off). Single contacts are reported apart from ongoing cases (DSHS practice)."
    )
    return de, en


def build() -> dict[str, Any]:
    notes_de, notes_en = check_notes()
    return {
        "format": "fallzahl-scheme/1",
        "id": "lk-harz",
        "version": 1,
        "valid_from": "2026-01-01",
        "valid_until": "2028-12-31",
        "district": {"name": "Landkreis Harz", "ags": "15085"},
        "dimensions": DIMENSIONS,
        "multi_problem": {"threshold": 3, "top_class": 4},
        "disclosure_threshold": 3,
        "periods": {"kind": "quarter", "deadline_days": 30},
        "mappings": [],
        "notes_de": notes_de,
        "notes_en": notes_en,
    }


def write(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(path)


if __name__ == "__main__":
    from tools import harz_scheme_v2

    write(OUT, build())
    write(OUT.with_name("lk-harz-v2.json"), harz_scheme_v2.build())
