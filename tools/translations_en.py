"""English for the UI's German source strings, written into the Qt translation file.

After ``pyside6-lupdate ui/*.py -no-obsolete -ts resources/translations/fallzahl_en.ts``
has added new (unfinished) messages, add their English below and run

    python tools/translations_en.py
    pyside6-lupdate ui/*.py -no-obsolete -ts resources/translations/fallzahl_en.ts
    pyside6-lrelease resources/translations/fallzahl_en.ts -qm resources/translations/fallzahl_en.qm

(the second lupdate only puts the file back into Qt's own layout). Messages listed here
are set (and marked finished) whether new or old; all others keep what the .ts holds.
The script names every message that is still unfinished and exits 1 if there is one.

Glossary: Beratungsstelle = counselling office, Fall = case, Kontakt = contact,
Beratungsfeld = counselling field, Lebensbereich = life domain, Problemlage = problem,
Multiproblemfall = multi-problem case, Leitung = lead, Berater*in = counsellor,
Landkreis = district, Meldung = submission (but "message" as the name of a status label),
Zeitraum = period, Empfangsbestätigung/Quittung = receipt, Bereitstellungsdatei =
provisioning file, Wiederherstellungsschlüssel = recovery key, Sperren = lock,
Datenbestand = vault, Kennung = id (as in app/: "office id", "key id").

Accelerators (&) are chosen so that no two controls visible at once share a letter.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "fallzahl_en.ts"

# source -> English, for every context that has no entry in BY_CONTEXT
EN: dict[str, str] = {
    # case editor
    "Vollständigkeit": "Completeness",
    "abgeschlossen am": "closed on",
    "Lebensbereiche und Fallklasse": "Life domains and case class",
    "Erläuterung": "Explanation",
    "Fall speichern (Strg+S)": "Save case (Ctrl+S)",
    "Fall speichern": "Save case",
    "Fallnummer": "Case number",
    "weitere Beratungsfelder": "Other counselling fields",
    "Beginn": "Start",
    "Fall abgeschlossen": "Case closed",
    "Problemlagen nach Lebensbereich": "Problems by life domain",
    "– nicht erfasst –": "– not recorded –",
    "Kein Fall gewählt": "No case selected",
    "Fall %1": "Case %1",
    "1 Lebensbereich": "1 life domain",
    "%1 Lebensbereiche": "%1 life domains",
    "Multiproblemfall": "Multi-problem case",
    "kein Multiproblemfall": "not a multi-problem case",
    "(Klasse %1)": "(class %1)",
    "Es fehlt noch: %1": "Still missing: %1",
    "Vollständig erfasst": "Fully recorded",
    "Wofür die Planung das braucht:": "Why planning needs this:",
    "Beginn: der Tag des ersten Kontakts im Fall. Ende: der Tag, an dem die Beratung "
    "beendet wurde; dann auch die Art der Beendigung angeben.": (
        "Start: the day of the first contact in the case. End: the day the counselling "
        "ended; then also state how it ended."
    ),
    # case and contact tables
    "Beratungsfeld": "Counselling field",
    "letzter Kontakt": "Last contact",
    "Kontakte": "Contacts",
    "Lebensbereiche": "Life domains",
    "Status": "Status",
    "offen": "open",
    "abgeschlossen": "closed",
    "vollständig erfasst": "fully recorded",
    "fast vollständig erfasst": "almost fully recorded",
    "unvollständig erfasst": "incompletely recorded",
    "Datum": "Date",
    "Kontaktform": "Contact form",
    "Dauer": "Duration",
    "Personen": "Persons",
    # help
    "Kategorien und Definitionen": "Categories and definitions",
    "Kategorienschema %1, Version %2": "Category scheme %1, version %2",
    "Kategorien": "Categories",
    "Definition": "Definition",
    "Lebensbereich: %1": "Life domain: %1",
    "Quelle: %1": "Source: %1",
    "Benutzerhandbuch": "User guide",
    "Das Benutzerhandbuch fehlt: %1": "The user guide is missing: %1",
    "Tastenkürzel": "Keyboard shortcuts",
    "Taste": "Key",
    "Wirkung": "Action",
    # contact dialog
    "Kontakt bearbeiten": "Edit contact",
    # dashboard
    "Jahr": "Year",
    "Quartal": "Quarter",
    "&Zeitraum:": "&Period:",
    "ganzes Jahr": "whole year",
    "%1. Quartal": "Quarter %1",
    "%1: %2 bis %3": "%1: %2 to %3",
    "%1 der Fälle im Zeitraum": "%1 of the cases in the period",
    "Für diesen Zeitraum sind keine Fälle und keine Kontakte erfasst.": (
        "No cases and no contacts are recorded for this period."
    ),
    "Tabelle zum Diagramm": "Table for the chart",
    "Diagramm": "Chart",
    "Tabelle: %1": "Table: %1",
    "Diagramm: %1": "Chart: %1",
    # words that older dialogs already use
    "Fallzahl": "Fallzahl",
    "Fehler": "Error",
    "Verwaltung": "Administration",
    "Entsperren": "Unlock",
    "1 Fall": "1 case",
    "Berater*in": "Counsellor",
    "Leitung": "Lead",
    "Schließen": "Close",
    "Abbrechen": "Cancel",
    "PDF-Dateien (*.pdf)": "PDF files (*.pdf)",
    "Ordner des Datenbestands: {folder}": "Vault folder: {folder}",
    "z. B. HZ-QLB-01": "e.g. HZ-QLB-01",
    "z. B. Beratungsstelle Quedlinburg": "e.g. Beratungsstelle Quedlinburg",
    "Kennung der Beratungsstelle": "Office id",
    "Name der Beratungsstelle": "Office name",
    "&Kennung:": "&Id:",
    "&Name:": "&Name:",
    # the name of a status or error label (not a submission)
    "Meldung": "Message",
    # setup wizard: kind of vault, district
    "Willkommen bei Fallzahl": "Welcome to Fallzahl",
    "Dieser Assistent richtet den verschlüsselten Datenbestand ein. Für wen?": (
        "This wizard sets up the encrypted vault. Who is it for?"
    ),
    "&Beratungsstelle": "&Counselling office",
    "Fälle und Kontakte erfassen, Berichtszeiträume abschließen und die Auszählung "
    "signiert an den Landkreis senden.": (
        "Record cases and contacts, close reporting periods and send the signed tally to "
        "the district."
    ),
    "&Landkreis (Sozialplanung)": "&District (social planning)",
    "Die Pakete der Beratungsstellen einlesen und prüfen, den Eingang überblicken, den "
    "Kreisbericht erstellen und Bereitstellungsdateien für neue Stellen ausgeben.": (
        "Import and check the counselling offices' packages, keep track of what has "
        "arrived, create the district report and issue provisioning files for new offices."
    ),
    "Landkreis (Sozialplanung)": "District (social planning)",
    "Der Datenbestand der Auswertungsstelle: Er hält die Schlüssel des Landkreises, mit "
    "denen die Pakete der Beratungsstellen geöffnet werden.": (
        "The vault of the evaluating office: it holds the district's keys, which open the "
        "counselling offices' packages."
    ),
    "z. B. Landkreis Harz": "e.g. Landkreis Harz",
    "Name des Landkreises": "District name",
    "&Demo-Schlüssel verwenden (nur zum Ausprobieren)": "&Use demo keys (for trying out only)",
    "Demo-Schlüssel verwenden": "Use demo keys",
    "Mit den Demo-Schlüsseln lassen sich die Pakete der Demo-Beratungsstellen öffnen. Sie "
    "sind öffentlich bekannt: Für echte Daten nicht ankreuzen, dann werden eigene Schlüssel "
    "erzeugt und verschlüsselt gespeichert.": (
        "The demo keys open the packages of the demo counselling offices. They are publicly "
        "known: leave this unticked for real data, and keys of your own are generated and "
        "stored encrypted."
    ),
    "&Name des Landkreises:": "&District name:",
    "Bitte geben Sie den Namen des Landkreises ein.": "Please enter the name of the district.",
    "Erste Planerin oder erster Planer": "First planner",
    "Wer die Sozialplanung leitet, liest die Pakete ein, trägt Beratungsstellen ein und "
    "erstellt Berichte und Bereitstellungsdateien.": (
        "The social planning lead imports the packages, enrols counselling offices and "
        "creates reports and provisioning files."
    ),
    "{name} (Sozialplanung)": "{name} (social planning)",
    # setup wizard: office, provisioning file
    "Beratungsstelle": "Counselling office",
    "Kennung und Name der Beratungsstelle, oder die Bereitstellungsdatei, die Sie vom "
    "Landkreis oder Ihrer IT erhalten haben.": (
        "The counselling office's id and name, or the provisioning file you received from "
        "the district or your IT."
    ),
    "Mit &Bereitstellungsdatei einrichten …": "Set up with a &provisioning file …",
    "Gefundene Datei &verwenden": "&Use the file found",
    "Vom Installationsprogramm abgelegt: {path}": "Placed by the installer: {path}",
    "Bereitstellungsdatei wählen": "Choose a provisioning file",
    "Bereitstellungsdateien (*{suffix});;Alle Dateien (*)": (
        "Provisioning files (*{suffix});;All files (*)"
    ),
    "Bitte geben Sie den Namen der Beratungsstelle ein.": (
        "Please enter the name of the counselling office."
    ),
    "Bereitstellungsdatei": "Provisioning file",
    "Diese Angaben kommen aus der signierten Datei des Landkreises und lassen sich hier "
    "nicht ändern.": "These details come from the district's signed file and cannot be changed here.",
    "Landkreis": "District",
    "Weitere Angaben": "Further details",
    "Kennung:": "Id:",
    "Name:": "Name:",
    "Landkreis:": "District:",
    "Außerdem:": "Details:",
    "&Andere Datei wählen …": "Choose &another file …",
    "Datei: {path}": "File: {path}",
    "Sie können eine andere Datei wählen.": "You can choose another file.",
    "Automatische Sperre nach {minutes} Minuten; signiert vom Schlüssel {kid}; gültig bis "
    "{expires}.": "Auto-lock after {minutes} minutes; signed by key {kid}; valid until {expires}.",
    "Wer die Beratungsstelle leitet, richtet später weitere Benutzer ein und schließt "
    "Berichtszeiträume ab.": (
        "The lead of the counselling office later adds further users and closes reporting periods."
    ),
    # district window (most of it follows app.lang through its own _t helper)
    "Bereitstellungsdatei erstellen …": "Create provisioning file …",
    "Kein Speicherort gewählt.": "No save location chosen.",
    "Bereitstellungsdatei gespeichert: {path}": "Provisioning file saved: {path}",
    "Bereitstellungsdatei erstellen": "Create provisioning file",
    " Minuten": " minutes",
    "&Wählen …": "&Choose …",
    "Die Datei wird mit dem Schlüssel des Landkreises signiert und ist 90 Tage gültig. "
    "Geben Sie sie der IT der Stelle (Installation mit /PROVISION=…).": (
        "The file is signed with the district's key and is valid for 90 days. Give it to "
        "the office's IT (installation with /PROVISION=…)."
    ),
    "Automatische &Sperre nach:": "Auto-&lock after:",
    "&Speichern unter:": "&Save as:",
    "Bereitstellungsdatei speichern": "Save provisioning file",
    "Bereitstellungsdateien (*{suffix})": "Provisioning files (*{suffix})",
    # main window
    "<b>Schnellerfassung eines Kontakts</b> – Fallnummer, Tab, Kontaktform, Dauer, Enter": (
        "<b>Quick entry of a contact</b> – case number, Tab, contact form, duration, Enter"
    ),
    "Fallnummer suchen (Strg+F)": "Search case number (Ctrl+F)",
    "Fallnummer suchen": "Search case number",
    "Zeitraum": "Period",
    "offen und abgeschlossen": "open and closed",
    "nur offene": "open only",
    "nur abgeschlossene": "closed only",
    "nur meine Fälle": "my cases only",
    "Fälle": "Cases",
    "Fall und Kontakte": "Case and contacts",
    "&Fall": "&Case",
    "Kontakte des Falls": "Contacts of the case",
    "Kontakt bearbeiten…": "Edit contact…",
    "Kontakt löschen…": "Delete contact…",
    "Kontakt löschen": "Delete contact",
    "&Kontakte": "Con&tacts",
    "Übersicht und Erfassung": "Overview and entry",
    "&Übersicht": "&Overview",
    "&Erfassung": "Ent&ry",
    "&Datei": "&File",
    "&Neuer Fall": "&New case",
    "&Schnellerfassung": "Quick &entry",
    "&Fall bearbeiten": "Edit &case",
    "&Übersicht zeigen": "Show &overview",
    "Be&richt…": "&Report…",
    "S&perren": "&Lock",
    "&Beenden": "&Quit",
    "&Bearbeiten": "&Edit",
    "&Rückgängig": "&Undo",
    "&Wiederherstellen": "&Redo",
    "Wiederhergestellt: %1.": "Redone: %1.",
    "Fall &speichern": "&Save case",
    "Fall s&uchen": "&Find case",
    "Kontakt &bearbeiten…": "&Edit contact…",
    "&Kontakt löschen…": "&Delete contact…",
    "&Fall löschen…": "Delete &case…",
    "&Meldung": "&Submission",
    "Zeitraum &abschließen…": "&Close period…",
    "Zeitraum wieder ö&ffnen…": "Re&open period…",
    "Meldung &exportieren…": "&Export submission…",
    "&Gesendete Meldungen…": "&Sent submissions…",
    "&Schlüssel der Beratungsstelle…": "Counselling office &key…",
    "&Verwaltung": "&Administration",
    "&Verwaltung…": "&Administration…",
    "&Hilfe": "&Help",
    "&Benutzerhandbuch": "&User guide",
    "&Tastenkürzel": "&Keyboard shortcuts",
    "&Kategorien und Definitionen": "&Categories and definitions",
    "Tab / Umschalt+Tab": "Tab / Shift+Tab",
    "zum nächsten / vorigen Feld": "to the next / previous field",
    "Ziffer": "Digit",
    "Kontaktform bzw. Dauer in der Schnellerfassung": "Contact form or duration in quick entry",
    "Enter": "Enter",
    "Kontakt in der Schnellerfassung speichern": "Save the contact in quick entry",
    "Leertaste": "Space",
    "Problemlage oder Beratungsfeld an-/abhaken": "Tick or untick a problem or counselling field",
    "Alt+F / Alt+K": "Alt+C / Alt+T",
    "Reiter Fall / Kontakte": "Case / Contacts tab",
    "Alt+Ü / Alt+E": "Alt+O / Alt+R",
    "Übersicht / Erfassung": "Overview / Entry",
    "Benutzer: %1 (%2)": "User: %1 (%2)",
    "Beratungsstelle: %1": "Counselling office: %1",
    "alle Zeiträume": "all periods",
    "alle Beratungsfelder": "all counselling fields",
    "%1 Fälle": "%1 cases",
    "%1 von %2 Fällen": "%1 of %2 cases",
    "Die Änderungen an Fall %1 speichern?": "Save the changes to case %1?",
    "&Kontakte (%1)": "Con&tacts (%1)",
    "Fall gespeichert.": "Case saved.",
    "Zeitraum %1 abgeschlossen.": "Period %1 closed.",
    "Zeitraum %1 wieder geöffnet.": "Period %1 reopened.",
    "Meldung gespeichert: %1": "Submission saved: %1",
    "Rückgängig gemacht: letzte Speicherung (%1).": "Undone: last save (%1).",
    "Fall %1 mit %2 Kontakten endgültig löschen? Das lässt sich nicht rückgängig machen.": (
        "Permanently delete case %1 with its %2 contacts? This cannot be undone."
    ),
    "Fall %1 gelöscht.": "Case %1 deleted.",
    "Wählen Sie zuerst im Reiter „Kontakte“ einen Kontakt.": (
        "First select a contact on the “Contacts” tab."
    ),
    "Den Kontakt vom %1 endgültig löschen?": "Permanently delete the contact of %1?",
    "Kontakt gelöscht.": "Contact deleted.",
    "Die Änderungen am geöffneten Fall speichern?": "Save the changes to the open case?",
    # office key
    "Schlüssel der Beratungsstelle": "Counselling office key",
    "Mit diesem Schlüssel signiert die Beratungsstelle ihre Meldungen. Der Landkreis trägt "
    "ihn einmal ein; bestätigen Sie ihm die Schlüssel-ID auf einem zweiten Weg (Brief, "
    "Telefon).": (
        "The counselling office signs its submissions with this key. The district enrols it "
        "once; confirm the key id to the district by a second channel (letter, phone)."
    ),
    "Schlüssel-ID": "Key id",
    "Öffentlicher Schlüssel": "Public key",
    "&Kopieren": "&Copy",
    "Schlüssel in die Zwischenablage kopieren": "Copy the key to the clipboard",
    "&Drucken…": "&Print…",
    "&Speichern…": "&Save…",
    "Einrichtung": "Setup",
    "Schlüssel als Datei für den Landkreis speichern": "Save the key as a file for the district",
    "Öffentlichen Schlüssel speichern": "Save the public key",
    "Öffentlicher Schlüssel (*.pub)": "Public key (*.pub)",
    "Schlüssel-ID:": "Key id:",
    "In die Zwischenablage kopiert.": "Copied to the clipboard.",
    "Gedruckt.": "Printed.",
    # quick entry
    "z. B. 2026-0042, 42 oder „neu“": "e.g. 2026-0042, 42 or “new”",
    "ohne Fall": "without case",
    "Neuer Fall": "New case",
    "Speichern ↵": "Save ↵",
    "Zuletzt gespeichert": "Last saved",
    "Fall&nummer": "Case &number",
    "K&ontaktform": "Contact for&m",
    "D&auer": "D&uration",
    "D&auer (Min.)": "D&uration (min)",
    "Min.": "min",
    "%1: %2 Min. = %3": "%1: %2 min = %3",
    "%1 Min. (%2)": "%1 min (%2)",
    "Bitte die Dauer in Minuten eingeben (das Dauerband ergibt sich daraus): %1": (
        "Please enter the length in minutes (the duration band follows from it): %1"
    ),
    "nicht erschienen": "no-show",
    "Das Dauerband ergibt sich aus der Dauer in Minuten.": (
        "The duration band follows from the length in minutes."
    ),
    "= 1 Person": "= 1 person",
    "= %1 Personen": "= %1 persons",
    "&Personen": "&Persons",
    "Da&tum": "&Date",
    "Beratungsfe&ld": "Counselling f&ield",
    "neuer Fall: %1": "new case: %1",
    "Nicht gespeichert.": "Not saved.",
    "Die Gruppe {n} stimmt nicht mit dem Schlüssel überein. Prüfen Sie Ihren Ausdruck oder "
    "gehen Sie zurück und notieren Sie den Schlüssel erneut.": (
        "Group {n} does not match the key. Check your printout or go back and write the key "
        "down again."
    ),
    "Neuer Fall %1 (%2) angelegt – ergänzen Sie die Angaben im Fall.": (
        "New case %1 (%2) created – complete its details in the case."
    ),
    # date field
    "TT.MM.JJJJ, h, g, -3": "DD.MM.YYYY, t, y, -3",
    "Datum eingeben, z. B. %1. F4 öffnet den Kalender, ↑/↓ einen Tag.": (
        "Type a date, for example %1. F4 opens the calendar, ↑/↓ move one day."
    ),
    "Kalender (F4)": "Calendar (F4)",
    "z. B. 15.12., 1512, h, g, -3": "e.g. 15.12., 1512, t, y, -3",
    "heute, %1": "today, %1",
    "gestern, %1": "yesterday, %1",
    "Kurzkontakt ohne Fall": "Brief contact without a case",
    "Kontakt speichern": "Save contact",
    "neuer Fall": "new case",
    "kein Fall": "no such case",
    ", abgeschlossen": ", closed",
    "Einen Fall „%1“ gibt es nicht. Geben Sie eine vorhandene Fallnummer ein, „neu“ für "
    "einen neuen Fall, oder kreuzen Sie „ohne Fall“ an.": (
        "There is no case “%1”. Enter an existing case number, “new” for a new case, or "
        "tick “without case”."
    ),
    "Bitte die Kontaktform als Ziffer eingeben: %1": "Please enter the contact form as a digit: %1",
    "Bitte die Dauer als Ziffer eingeben: %1": "Please enter the duration as a digit: %1",
    "ohne Fall (%1)": "without case (%1)",
    "1 Person": "1 person",
    "%1 Personen": "%1 persons",
    "Gespeichert: %1": "Saved: %1",
    # reopen a period
    "Zeitraum wieder öffnen": "Reopen period",
    "Abgeschlossener Zeitraum": "Closed period",
    "Grund": "Reason",
    "z. B. Nachträge zu Fällen aus dem Quartal (wird protokolliert)": (
        "e.g. late additions to cases from the quarter (is logged)"
    ),
    "&Grund:": "&Reason:",
    "Danach lassen sich Fälle und Kontakte des Zeitraums wieder ändern. Schließen Sie ihn "
    "anschließend erneut ab und senden Sie die Meldung als Korrektur.": (
        "The period's cases and contacts can then be changed again. Afterwards close it "
        "again and send the submission as a correction."
    ),
    "Es ist kein Zeitraum abgeschlossen.": "No period is closed.",
    "Wieder ö&ffnen": "Re&open",
    # report
    "Bericht erstellen": "Create report",
    "Format": "Format",
    "PDF-Bericht zum Drucken (.pdf)": "PDF report for printing (.pdf)",
    "Excel-Arbeitsmappe (.xlsx)": "Excel workbook (.xlsx)",
    "Zieldatei": "Target file",
    "&Wählen…": "&Choose…",
    "Zieldatei wählen": "Choose the target file",
    "&Format:": "&Format:",
    "&Datei:": "F&ile:",
    "Interne Auswertung der Beratungsstelle mit allen Zahlen (nichts geschwärzt); die "
    "Meldung an den Landkreis ist davon getrennt.": (
        "The counselling office's internal evaluation with all figures (nothing redacted); "
        "the submission to the district is separate."
    ),
    "Bericht &erstellen": "Create &report",
    "Bericht": "Report",
    "Excel (*.xlsx)": "Excel (*.xlsx)",
    "Bericht speichern": "Save report",
    "Bericht gespeichert: %1": "Report saved: %1",
    "Abgebrochen.": "Cancelled.",
    "Der Bericht für %1 wird erstellt …": "Creating the report for %1 …",
    # sent submissions
    "Gesendete Meldungen": "Sent submissions",
    "&Empfangsbestätigung einlesen…": "&Import receipt…",
    "Aus diesem Datenbestand wurde noch keine Meldung gesendet.": (
        "No submission has been sent from this vault yet."
    ),
    "%1 Meldungen gesendet, %2 vom Landkreis bestätigt.": (
        "%1 submissions sent, %2 confirmed by the district."
    ),
    "Empfangsbestätigung des Landkreises": "Receipt from the district",
    "Empfangsbestätigungen (%1);;Alle Dateien (*)": "Receipts (%1);;All files (*)",
    "Nicht eingelesen: %1": "Not imported: %1",
    "Die Datei %1 lässt sich nicht lesen (%2).": "The file %1 cannot be read (%2).",
    "Eingelesen: %1 – %2": "Imported: %1 – %2",
    "angenommen vom Landkreis am %1": "accepted by the district on %1",
    "angenommen vom Landkreis (Datum unlesbar)": "accepted by the district (date unreadable)",
    "gesendet": "sent",
    " (Korrektur)": " (correction)",
    "Datei": "File",
    "Nr.": "No.",
    "Erstellt": "Created",
    # the language menu (main window) and box (district desk): both names shown, so that
    # whoever picked the wrong language finds the way back
    "Sprache": "Language",
    "&Sprache / Language": "&Language / Sprache",
    "&Sprache / Language:": "&Language / Sprache:",
    # office key rotation (office key dialog; the district's office keys dialog)
    "Schlüssel der Stellen …": "Office keys …",
    "Schlüssel &wechseln…": "&Rotate key…",
    "Neuen Schlüssel erzeugen; der bisherige bestätigt ihn in einer Erklärung für den "
    "Landkreis.": "Make a new key; the current one vouches for it in a statement for the district.",
    "Einen neuen Signaturschlüssel erzeugen?\n\nDer bisherige Schlüssel {old} bestätigt den "
    "neuen in einer Erklärung, die als zwei Dateien (.txt und .minisig) in einem Ordner "
    "gespeichert wird. Schicken Sie beide dem Landkreis; er muss die Erklärung einlesen, bevor "
    "er Ihre nächste Meldung annimmt.\n\nMeldungen werden ab jetzt mit dem neuen Schlüssel "
    "signiert. Bereits exportierte, noch nicht eingelesene Meldungen sollte der Landkreis "
    "vorher einlesen; danach lehnt er den alten Schlüssel ab.": (
        "Make a new signing key?\n\nThe current key {old} vouches for the new one in a "
        "statement saved as two files (.txt and .minisig) in a folder. Send both to the "
        "district; it must read in the statement before it accepts your next submission.\n\n"
        "Submissions are signed with the new key from now on. The district should read in "
        "submissions already exported but not yet read in first; after that it refuses the "
        "old key."
    ),
    "Schlüssel wechseln": "Rotate key",
    "Ordner für die Erklärung an den Landkreis wählen": "Choose a folder for the statement to the district",
    "Neuer Schlüssel: {kid}": "New key: {kid}",
    "Neuer Schlüssel: {kid}\n\nGespeichert:\n{statement}\n{sig}\n\n"
    "Bitte beide Dateien dem Landkreis schicken.": (
        "New key: {kid}\n\nSaved:\n{statement}\n{sig}\n\nPlease send both files to the district."
    ),
    "Schlüssel der Stellen": "Office keys",
    "Jede Beratungsstelle signiert ihre Meldungen mit ihrem aktuellen Schlüssel. Einen "
    "Schlüsselwechsel bestätigt der bisherige Schlüssel der Stelle; ein verlorener oder "
    "gestohlener Schlüssel wird widerrufen.": (
        "Every office signs its submissions with its current key. A key rotation is vouched "
        "for by the office's previous key; a lost or stolen key is revoked."
    ),
    "Eingetragene Beratungsstellen und ihre Schlüssel": "Enrolled offices and their keys",
    "Schlüsselwechsel &einlesen…": "Read &rotation statement…",
    "Schlüssel &widerrufen…": "Re&voke key…",
    "Erklärung zum Schlüsselwechsel von {office} öffnen": "Open the key rotation statement of {office}",
    "Erklärungen zum Schlüsselwechsel (*_key-rotation_*.txt);;Alle Dateien (*)": (
        "Key rotation statements (*_key-rotation_*.txt);;All files (*)"
    ),
    "Schlüsselwechsel von {office} angenommen. Neuer Schlüssel: {kid}. Meldungen mit dem "
    "alten Schlüssel werden ab jetzt abgelehnt.": (
        "Key rotation of {office} accepted. New key: {kid}. Submissions signed with the old "
        "key are refused from now on."
    ),
    "Schlüsselwechsel einlesen": "Read rotation statement",
    "Den Schlüssel {kid} der Beratungsstelle {office} widerrufen?\n\nMeldungen mit diesem "
    "Schlüssel werden ab sofort abgelehnt, auch ein Schlüsselwechsel, den er bestätigt. Die "
    "Stelle muss einen neuen Schlüssel erzeugen und neu eingetragen werden (Schlüssel-ID "
    "telefonisch abgleichen). Das lässt sich nicht rückgängig machen.": (
        "Revoke key {kid} of office {office}?\n\nSubmissions signed with this key are refused "
        "from now on, and so is a key rotation it vouches for. The office must make a new key "
        "and be enrolled again (compare the key id by phone). This cannot be undone."
    ),
    "Schlüssel widerrufen": "Revoke key",
    "Schlüssel {kid} der Beratungsstelle {office} widerrufen.": "Key {kid} of office {office} revoked.",
    "gewechselt am {date}": "rotated on {date}",
    "eingetragen am {date}": "enrolled on {date}",
    "aktuell": "current",
    "widerrufen am {date}": "revoked on {date}",
    "ersetzt am {date}": "replaced on {date}",
    "– keiner –": "– none –",
    "Kein gültiger Schlüssel: Meldungen werden abgelehnt, bis die Stelle neu eingetragen ist.": (
        "No valid key: submissions are refused until the office is enrolled again."
    ),
    "Aktueller Schlüssel": "Current key",
    "Eingetragen seit": "Enrolled since",
    "Schlüsselverlauf": "Key history",
    # removing a user rotates the data key (app/vault/session.py remove_user)
    "Benutzer {user} wirklich entfernen? Die erfassten Fälle bleiben erhalten. Alle "
    "Datensätze werden dabei mit einem neuen Schlüssel versiegelt, damit der alte Zugang "
    "(auch aus einer Sicherung) nichts Neues mehr öffnet.": (
        "Really remove user {user}? The recorded cases are kept. Every record is sealed "
        "again under a new key, so the old login (even from a backup) opens nothing new."
    ),
    "Benutzer {user} entfernt.": "User {user} removed.",
    "Benutzer wird entfernt, Datensätze werden neu versiegelt …": (
        "Removing the user, sealing the records again …"
    ),
    "Trotzdem wiederherstellen?": "Restore anyway?",
    # district planning (ui/district_overview.py, district_map.py, staffing_dialog.py)
    "&Rückmeldung veröffentlichen …": "Publish &feedback …",
    "Rückmeldung gespeichert: %1 (mit .minisig). Geben Sie beide Dateien den "
    "Beratungsstellen.": "Feedback saved: %1 (with .minisig). Give both files to the offices.",
    "Rückmeldung speichern in": "Save feedback in",
    "Ihre &Daten im Sozialplan…": "Your &data in the social plan…",
    "Ihre Daten im Sozialplan": "Your data in the social plan",
    "Zeitraum der Rückmeldung": "Period of the feedback",
    "Rückmeldung &einlesen …": "&Import feedback …",
    "Kennzahl": "Indicator",
    "Ihre Stelle": "Your office",
    "Ihr Anteil": "Your share",
    "Kennzahl des Landkreises": "District indicator",
    "Wert": "Value",
    "Ihre Stelle und der Landkreis": "Your office and the district",
    "Kennzahlen der Planung": "Planning indicators",
    "Nur veröffentlichte Zahlen: „.“ hat der Landkreis geheim gehalten (kleine Zahlen und was "
    "sie verraten würde). Die Rückmeldung ist vom Landkreis signiert.": (
        "Published figures only: '.' the district kept confidential (small counts and what "
        "would reveal them). The feedback is signed by the district."
    ),
    "Ihre Stelle neben dem Landkreis": "Your office beside the district",
    "Noch keine Rückmeldung des Landkreises eingelesen. Der Landkreis veröffentlicht je "
    "Zeitraum eine signierte Datei (%1); lesen Sie sie mit „Rückmeldung einlesen …“ ein.": (
        "No feedback from the district imported yet. The district publishes a signed file "
        "(%1) per period; read it in with 'Import feedback …'."
    ),
    "%1, Ausgabe %2 vom %3. Gezählt wurden %4 Beratungsstellen.": (
        "%1, edition %2 of %3. %4 offices were counted."
    ),
    "%1 Meldung Nr. %2": "%1 submission no. %2",
    "Von Ihnen hat der Landkreis verwendet: %1.": "Of yours the district used: %1.",
    "Eine gezählte Meldung stammt nicht aus diesem Datenbestand.": (
        "A counted submission was not sent from this vault."
    ),
    "Von Ihnen ist in diesen Zahlen keine Meldung enthalten.": (
        "None of your submissions is in these figures."
    ),
    "%1 Nr. %2": "%1 no. %2",
    "Gesendet, aber nicht gezählt: %1 (nicht angekommen, ersetzt oder nach der Rückmeldung "
    "gesendet).": "Sent but not counted: %1 (not arrived, replaced, or sent after the feedback).",
    "%1 von %2 Werten der Landkreistabelle sind geheim gehalten.": (
        "%1 of %2 values of the district table are kept confidential."
    ),
    "%1 je 1.000 Einwohner": "%1 per 1,000 inhabitants",
    "Schwangerschaftsberatung: Vollzeitstellen je 40.000 Einwohner (Standard 1,0)": (
        "Pregnancy counselling: full-time posts per 40,000 inhabitants (standard 1.0)"
    ),
    "Einwohner (Stand %1)": "Inhabitants (as of %1)",
    "Rückmeldung des Landkreises einlesen": "Import the district's feedback",
    "Rückmeldungen (%1)": "Feedback files (%1)",
    "Gebiet": "Area",
    "Planung – Landkreis": "Planning – district",
    "ganzer Landkreis": "whole district",
    "Beratungs&feld:": "Counselling &field:",
    "&Gebiet:": "&Area:",
    "&Bevölkerung einlesen …": "Import &population …",
    "&Karte laden …": "Load &map …",
    "&Zielwerte …": "&Targets …",
    "Ü&bersicht": "O&verview",
    "K&arte": "Ma&p",
    "Jahr %1": "Year %1",
    "Noch keine Pakete eingelesen: es gibt keine Zahlen für die Planung.": (
        "No packages imported yet: there are no figures for planning."
    ),
    "Keine Bevölkerungstabelle eingelesen: Raten je Einwohner fehlen.": (
        "No population table imported: rates per inhabitant are missing."
    ),
    "Bevölkerung: %1 Einwohner, Stand %2.": "Population: %1 inhabitants, as of %2.",
    "Die Tabelle enthält geschätzte Werte (keine amtlichen Zahlen).": (
        "The table holds estimated values (not official figures)."
    ),
    "Nur veröffentlichte Zahlen: „.“ ist verdeckt (Geheimhaltung), und was daraus berechnet "
    "würde, auch. Wartezeiten kommen mit dem Schema Version 2.": (
        "Published figures only: '.' is hidden (disclosure control), and so is whatever would "
        "be computed from it. Waiting times come with scheme version 2."
    ),
    "Beratungsstellen gezählt": "Offices counted",
    "Neue Fälle": "New cases",
    "Fälle je 1.000 Einwohner": "Cases per 1,000 inhabitants",
    "Anteil Multiproblemfälle": "Multi-problem share",
    "SchKG-Stellen je 40.000 Einwohner (Standard 1,0)": (
        "SchKG posts per 40,000 inhabitants (standard 1.0)"
    ),
    "Bevölkerungstabelle einlesen": "Import population table",
    "Tabellen des Statistischen Landesamts (*.csv);;Alle Dateien (*)": (
        "Tables of the state statistical office (*.csv);;All files (*)"
    ),
    "Karte der Gemeinden laden": "Load the map of the municipalities",
    "GeoJSON (*.geojson *.json);;Alle Dateien (*)": "GeoJSON (*.geojson *.json);;All files (*)",
    "Planung …": "Planning …",
    "&Personalkapazität…": "Staff ca&pacity…",
    "Kennzahl der Karte": "Indicator of the map",
    "Tabelle zur Karte": "Table of the map",
    "&Kennzahl:": "&Indicator:",
    "Karte: %1": "Map: %1",
    "Ohne geladene Kartendatei: schematische Kachelkarte.": (
        "No map file loaded: schematic tile map."
    ),
    "Karte der Gemeinden": "Map of the municipalities",
    "Tabelle": "Table",
    "Personalkapazität": "Staff capacity",
    "&Quartal:": "&Quarter:",
    " VZÄ": " FTE",
    "Vollzeitäquivalente (VZÄ) je Beratungsfeld: 1,0 ist eine volle Stelle, eine halbe Stelle "
    "0,5. Die Zahlen gehen mit der Meldung des Quartals an den Landkreis (Personal je 40.000 "
    "Einwohner, SchKG-Standard).": (
        "Full-time equivalents (FTE) per counselling field: 1.0 is one full-time post, a "
        "half-time post 0.5. The figures go to the district with the quarter's submission "
        "(staff per 40,000 inhabitants, SchKG standard)."
    ),
    "Zielwerte Personal": "Staffing targets",
    "Schwangerschafts(konflikt)beratung (SchKG)": "Pregnancy (conflict) counselling (SchKG)",
    "Vollzeitstellen je 40.000 Einwohner, die der Landkreis anstrebt (0: kein Ziel). Für die "
    "Schwangerschaftsberatung gilt mindestens der Standard 1,0.": (
        "Full-time posts per 40,000 inhabitants the district aims at (0: no target). For "
        "pregnancy counselling the standard of at least 1.0 applies."
    ),
    # scheme format 2: items, household link, no-shows, activities
    "Haushalt (intern)": "Household (internal)",
    "z. B. H-12": "e.g. H-12",
    "Dieselbe Haushaltsnummer (H-1, H-2 …) bei Fällen einer Familie in verschiedenen "
    "Beratungsfeldern: die Lebensbereiche werden dann für den integrierten Fall einmal "
    "gezählt. Nie einen Namen eintragen; die Nummer bleibt in der Beratungsstelle und wird "
    "nie gemeldet.": (
        "The same household number (H-1, H-2 …) on cases of one family in different "
        "counselling fields: the life domains are then counted once for the integrated case. "
        "Never enter a name; the number stays in the office and is never reported."
    ),
    "%1: weitere": "%1: further",
    "weitere (bis %1)": "further (up to %1)",
    "&Tätigkeiten ohne Fall…": "&Activities without a case…",
    "nicht e&rschienen": "no-sho&w",
    "Termin nicht wahrgenommen": "Appointment not kept",
    "Der Termin wurde nicht wahrgenommen: er zählt nicht als Kontakt, sondern getrennt als "
    "ausgefallener Termin.": (
        "The appointment was not kept: it does not count as a contact but separately as a "
        "missed appointment."
    ),
    "Tätigkeiten ohne Fall": "Activities without a case",
    "Tätigkeit": "Activity",
    "Tätigkeit gespeichert. Strg+Z macht es rückgängig.": "Activity saved. Ctrl+Z undoes it.",
    "Tätigkeit gelöscht. Strg+Z macht es rückgängig.": "Activity deleted. Ctrl+Z undoes it.",
    "Erneut gelöscht: %1.": "Deleted again: %1.",
    "Rückgängig gemacht: Löschen (%1).": "Undone: deletion (%1).",
    "Erfasste Tätigkeiten": "Recorded activities",
    "Art": "Kind",
    "Teilnehmende": "Participants",
    "Zielgruppe": "Target group",
    "Summe": "Total",
    "&Datum": "&Date",
    "&Art der Tätigkeit": "&Kind of activity",
    "&Beratungsfeld": "Counselling &field",
    "&Neu (Strg+N)": "&New (Ctrl+N)",
    "Neue Tätigkeit": "New activity",
    "&Löschen (Entf)": "De&lete (Del)",
    "Tätigkeit löschen": "Delete activity",
    "&Speichern ↵": "&Save ↵",
    "Tätigkeit speichern": "Save activity",
    "%1: %2 Tätigkeiten, %3 Teilnehmende": "%1: %2 activities, %3 participants",
    "Diese Tätigkeit löschen?": "Delete this activity?",
    "offen, 6 Monate ohne Kontakt": "open, no contact for 6 months",
    "Offene Fälle ohne Kontakt seit sechs Monaten: zum Abschluss vorgeschlagen (die Kinder- "
    "und Jugendhilfestatistik sieht eine Hilfe dann als beendet an).": (
        "Open cases without a contact for six months: proposed for closing (the child and "
        "youth services statistic then treats a help as ended)."
    ),
}

# (context, source) -> English where a context needs other words or another accelerator
BY_CONTEXT: dict[tuple[str, str], str] = {
    # lower case in "2 life domains – multi-problem case (class B)"
    ("CaseEditor", "Multiproblemfall"): "multi-problem case",
    # in "Undone: last save (case)."
    ("MainWindow", "Fall"): "case",
    ("MainWindow", "Kontakt"): "contact",
    # "&Name:" would share N with the wizard's "&Next >"
    ("OfficePage", "&Name:"): "N&ame:",
    # "&User:" would share U with "&Unlock"
    ("UnlockDialog", "&Benutzer:"): "U&ser:",
    # "A&pply" would share P with the "&Policy" tab; A is "&Auto-lock after:"
    ("AdminDialog", "Ü&bernehmen"): "Appl&y",
}


def apply(path: Path = TS) -> list[tuple[str, str]]:
    """Write the translations into ``path``; return (context, source) still unfinished."""
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            english = BY_CONTEXT.get((name, source), EN.get(source))
            if english is not None:
                translation.text = english
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not translation.text:
                missing.append((name, source))
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def main() -> int:
    missing = apply()
    for context, source in missing:
        print(f"untranslated [{context}] {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
