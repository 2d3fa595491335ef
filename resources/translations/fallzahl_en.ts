<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>ActivitiesDialog</name>
    <message>
        <location filename="../../ui/activities_dialog.py" line="64"/>
        <source>Tätigkeiten ohne Fall</source>
        <translation>Activities without a case</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="74"/>
        <source>Erfasste Tätigkeiten</source>
        <translation>Recorded activities</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="77"/>
        <location filename="../../ui/activities_dialog.py" line="102"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="78"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="79"/>
        <source>Beratungsfeld</source>
        <translation>Counselling field</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="80"/>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="81"/>
        <source>Zielgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="91"/>
        <source>Summe</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="94"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="107"/>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="108"/>
        <source>&amp;Art der Tätigkeit</source>
        <translation>&amp;Kind of activity</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="109"/>
        <source>&amp;Beratungsfeld</source>
        <translation>Counselling &amp;field</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="115"/>
        <location filename="../../ui/activities_dialog.py" line="121"/>
        <source>Erläuterung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="125"/>
        <source>&amp;Neu (Strg+N)</source>
        <translation>&amp;New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="126"/>
        <source>Neue Tätigkeit</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="128"/>
        <source>&amp;Löschen (Entf)</source>
        <translation>De&amp;lete (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="129"/>
        <source>Tätigkeit löschen</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="131"/>
        <source>&amp;Speichern ↵</source>
        <translation>&amp;Save ↵</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="132"/>
        <source>Tätigkeit speichern</source>
        <translation>Save activity</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="135"/>
        <location filename="../../ui/activities_dialog.py" line="136"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="209"/>
        <source>%1: %2 Tätigkeiten, %3 Teilnehmende</source>
        <translation>%1: %2 activities, %3 participants</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="278"/>
        <source>Tätigkeit gespeichert. Strg+Z macht es rückgängig.</source>
        <translation>Activity saved. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="285"/>
        <source>Diese Tätigkeit löschen?</source>
        <translation>Delete this activity?</translation>
    </message>
    <message>
        <location filename="../../ui/activities_dialog.py" line="294"/>
        <source>Tätigkeit gelöscht. Strg+Z macht es rückgängig.</source>
        <translation>Activity deleted. Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="48"/>
        <source>Berater*in</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="49"/>
        <source>Leitung</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="161"/>
        <source>Verwaltung</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="164"/>
        <source>Bereiche der Verwaltung</source>
        <translation>Administration sections</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="165"/>
        <source>&amp;Benutzer</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="166"/>
        <source>&amp;Richtlinien</source>
        <translation>&amp;Policy</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="167"/>
        <source>&amp;Sicherung</source>
        <translation>&amp;Backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="168"/>
        <source>S&amp;chema</source>
        <translation>S&amp;cheme</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="170"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="181"/>
        <source>Benutzer und Rollen</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="182"/>
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="182"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="188"/>
        <source>&amp;Hinzufügen …</source>
        <translation>&amp;Add …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="189"/>
        <source>&amp;Entfernen …</source>
        <translation>&amp;Remove …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="190"/>
        <source>Passphrase &amp;zurücksetzen …</source>
        <translation>Re&amp;set passphrase …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="250"/>
        <source>Benutzer {user} eingerichtet.</source>
        <translation>User {user} added.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="252"/>
        <source>Benutzer wird eingerichtet …</source>
        <translation>Adding the user …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="262"/>
        <source>Benutzer {user} wirklich entfernen? Die erfassten Fälle bleiben erhalten. Alle Datensätze werden dabei mit einem neuen Schlüssel versiegelt, damit der alte Zugang (auch aus einer Sicherung) nichts Neues mehr öffnet.</source>
        <translation>Really remove user {user}? The recorded cases are kept. Every record is sealed again under a new key, so the old login (even from a backup) opens nothing new.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="274"/>
        <source>Benutzer {user} entfernt.</source>
        <translation>User {user} removed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="278"/>
        <source>Benutzer wird entfernt, Datensätze werden neu versiegelt …</source>
        <translation>Removing the user, sealing the records again …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="299"/>
        <source>Die Passphrase von {user} ist neu gesetzt.</source>
        <translation>The passphrase of {user} has been reset.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="303"/>
        <source>Passphrase wird gesetzt …</source>
        <translation>Setting the passphrase …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="311"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="312"/>
        <source>Automatische Sperre nach Minuten</source>
        <translation>Auto-lock after minutes</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="314"/>
        <source>Ü&amp;bernehmen</source>
        <translation>Appl&amp;y</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="318"/>
        <source>Fallzahl sperrt sich, wenn so lange weder Tastatur noch Maus benutzt wurden. Gilt für alle Benutzer dieses Datenbestands.</source>
        <translation>Fallzahl locks itself when neither keyboard nor mouse has been used for this long. Applies to all users of this vault.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="325"/>
        <source>&amp;Automatische Sperre nach:</source>
        <translation>&amp;Auto-lock after:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="347"/>
        <source>Automatische Sperre nach {n} Minuten.</source>
        <translation>Auto-lock after {n} minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="355"/>
        <source>Eine Sicherung ist eine verschlüsselte Kopie des ganzen Datenbestands in einer Datei. Sie öffnet sich mit den Passphrasen und dem Wiederherstellungsschlüssel, die zur Zeit der Sicherung galten. Bewahren Sie sie auf einem anderen Datenträger auf.</source>
        <translation>A backup is an encrypted copy of the whole vault in one file. It opens with the passphrases and the recovery key that were valid when it was made. Keep it on another drive.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="363"/>
        <source>Sicherung &amp;erstellen …</source>
        <translation>&amp;Make backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="364"/>
        <source>Sicherung &amp;wiederherstellen …</source>
        <translation>&amp;Restore backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="369"/>
        <source>Ergebnis der Sicherung</source>
        <translation>Backup result</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="388"/>
        <source>Sicherung speichern</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="390"/>
        <source>Fallzahl-Sicherungen (*.fzbak)</source>
        <translation>Fallzahl backups (*.fzbak)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="399"/>
        <source>Sicherung wird erstellt …</source>
        <translation>Making the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="403"/>
        <source>Sicherung gespeichert: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="410"/>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="412"/>
        <source>Fallzahl-Sicherungen (*.fzbak);;Alle Dateien (*)</source>
        <translation>Fallzahl backups (*.fzbak);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="434"/>
        <source>Aktives Schema</source>
        <translation>Active scheme</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="435"/>
        <source>Schema &amp;importieren …</source>
        <translation>&amp;Import scheme …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="439"/>
        <source>Ein neues Kategorienschema kommt vom Landkreis als JSON-Datei mit Signatur (.minisig daneben). Fallzahl übernimmt es nur, wenn es gültig signiert und neuer als das aktuelle ist.</source>
        <translation>A new category scheme comes from the district as a JSON file with its signature (.minisig beside it). Fallzahl takes it only if it is validly signed and newer than the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="461"/>
        <source>Aktives Schema: nicht verfügbar</source>
        <translation>Active scheme: not available</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="464"/>
        <source>Aktives Schema: {id}, Version {version}</source>
        <translation>Active scheme: {id}, version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="472"/>
        <source>Schema importieren</source>
        <translation>Import scheme</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="474"/>
        <source>Schemata (*.json)</source>
        <translation>Schemes (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="484"/>
        <source>Der Schema-Import ist in dieser Version noch nicht verfügbar.</source>
        <translation>Importing a scheme is not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="494"/>
        <source>Die Datei {path} lässt sich nicht lesen ({reason}).</source>
        <translation>The file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="508"/>
        <source>Schema {id}, Version {version} übernommen.</source>
        <translation>Scheme {id}, version {version} imported.</translation>
    </message>
</context>
<context>
    <name>AreaTableModel</name>
    <message>
        <location filename="../../ui/district_map.py" line="213"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../ui/case_editor.py" line="107"/>
        <location filename="../../ui/case_editor.py" line="111"/>
        <source>Vollständigkeit</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="131"/>
        <location filename="../../ui/case_editor.py" line="135"/>
        <location filename="../../ui/case_editor.py" line="567"/>
        <source>Haushalt (intern)</source>
        <translation>Household (internal)</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="133"/>
        <source>z. B. H-12</source>
        <translation>e.g. H-12</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="151"/>
        <location filename="../../ui/case_editor.py" line="280"/>
        <source>abgeschlossen am</source>
        <translation>closed on</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="184"/>
        <source>Lebensbereiche und Fallklasse</source>
        <translation>Life domains and case class</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="191"/>
        <location filename="../../ui/case_editor.py" line="197"/>
        <source>Erläuterung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="208"/>
        <source>Fall speichern (Strg+S)</source>
        <translation>Save case (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="209"/>
        <location filename="../../ui/case_editor.py" line="327"/>
        <source>Fall speichern</source>
        <translation>Save case</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="236"/>
        <location filename="../../ui/case_editor.py" line="264"/>
        <source>Fallnummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="276"/>
        <source>weitere Beratungsfelder</source>
        <translation>Other counselling fields</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="277"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="279"/>
        <source>Fall abgeschlossen</source>
        <translation>Case closed</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="323"/>
        <location filename="../../ui/case_editor.py" line="324"/>
        <source>Problemlagen nach Lebensbereich</source>
        <translation>Problems by life domain</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="358"/>
        <source>– nicht erfasst –</source>
        <translation>– not recorded –</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="405"/>
        <source>Kein Fall gewählt</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="412"/>
        <source>Fall %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="533"/>
        <source>1 Lebensbereich</source>
        <translation>1 life domain</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="535"/>
        <source>%1 Lebensbereiche</source>
        <translation>%1 life domains</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="537"/>
        <source>Multiproblemfall</source>
        <translation>multi-problem case</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="537"/>
        <source>kein Multiproblemfall</source>
        <translation>not a multi-problem case</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="539"/>
        <source>(Klasse %1)</source>
        <translation>(class %1)</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="556"/>
        <source>Es fehlt noch: %1</source>
        <translation>Still missing: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="559"/>
        <source>Vollständig erfasst</source>
        <translation>Fully recorded</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="571"/>
        <source>Dieselbe Haushaltsnummer (H-1, H-2 …) bei Fällen einer Familie in verschiedenen Beratungsfeldern: die Lebensbereiche werden dann für den integrierten Fall einmal gezählt. Nie einen Namen eintragen; die Nummer bleibt in der Beratungsstelle und wird nie gemeldet.</source>
        <translation>The same household number (H-1, H-2 …) on cases of one family in different counselling fields: the life domains are then counted once for the integrated case. Never enter a name; the number stays in the office and is never reported.</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="622"/>
        <source>Wofür die Planung das braucht:</source>
        <translation>Why planning needs this:</translation>
    </message>
    <message>
        <location filename="../../ui/case_editor.py" line="631"/>
        <source>Beginn: der Tag des ersten Kontakts im Fall. Ende: der Tag, an dem die Beratung beendet wurde; dann auch die Art der Beendigung angeben.</source>
        <translation>Start: the day of the first contact in the case. End: the day the counselling ended; then also state how it ended.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/case_model.py" line="190"/>
        <source>Fallnummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="191"/>
        <source>Beratungsfeld</source>
        <translation>Counselling field</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="192"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="193"/>
        <source>letzter Kontakt</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="194"/>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="195"/>
        <source>Lebensbereiche</source>
        <translation>Life domains</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="196"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="218"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="218"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="231"/>
        <source>Multiproblemfall</source>
        <translation>Multi-problem case</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="238"/>
        <source>vollständig erfasst</source>
        <translation>fully recorded</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="240"/>
        <source>fast vollständig erfasst</source>
        <translation>almost fully recorded</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="241"/>
        <source>unvollständig erfasst</source>
        <translation>incompletely recorded</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="79"/>
        <source>Kategorien und Definitionen</source>
        <translation>Categories and definitions</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="84"/>
        <source>Kategorienschema %1, Version %2</source>
        <translation>Category scheme %1, version %2</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="92"/>
        <source>Kategorien</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="94"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="123"/>
        <source>Lebensbereich: %1</source>
        <translation>Life domain: %1</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="128"/>
        <source>Quelle: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="129"/>
        <source>Wofür die Planung das braucht:</source>
        <translation>Why planning needs this:</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="677"/>
        <source>Schlüssel notiert?</source>
        <translation>Key written down?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="679"/>
        <source>Zur Sicherheit: Geben Sie zwei Gruppen des Schlüssels von Ihrem Ausdruck ein.</source>
        <translation>To be safe: enter two groups of the key from your printout.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="691"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="702"/>
        <source>Gruppe &amp;{n}:</source>
        <translation>Group &amp;{n}:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="703"/>
        <source>Gruppe {n}:</source>
        <translation>Group {n}:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="704"/>
        <location filename="../../ui/wizard.py" line="705"/>
        <source>Gruppe {n}</source>
        <translation>Group {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="720"/>
        <source>Die Gruppe {n} stimmt nicht mit dem Schlüssel überein. Prüfen Sie Ihren Ausdruck oder gehen Sie zurück und notieren Sie den Schlüssel erneut.</source>
        <translation>Group {n} does not match the key. Check your printout or go back and write the key down again.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="725"/>
        <source>Die Gruppen {a} und {b} stimmen nicht mit dem Schlüssel überein. Prüfen Sie Ihren Ausdruck oder gehen Sie zurück und notieren Sie den Schlüssel erneut.</source>
        <translation>Groups {a} and {b} do not match the key. Check your printout, or go back and write the key down again.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/contact_editor.py" line="43"/>
        <source>Kontakt bearbeiten</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="61"/>
        <source>– nicht erfasst –</source>
        <translation>– not recorded –</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="68"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="71"/>
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="83"/>
        <source>Das Dauerband ergibt sich aus der Dauer in Minuten.</source>
        <translation>The duration band follows from the length in minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="87"/>
        <source>nicht e&amp;rschienen</source>
        <translation>no-sho&amp;w</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="88"/>
        <source>Termin nicht wahrgenommen</source>
        <translation>Appointment not kept</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../../ui/case_model.py" line="580"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="581"/>
        <source>Kontaktform</source>
        <translation>Contact form</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="582"/>
        <source>Dauer</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="583"/>
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="584"/>
        <source>Berater*in</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="600"/>
        <source>– nicht erfasst –</source>
        <translation>– not recorded –</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="603"/>
        <source>%1 Min. (%2)</source>
        <translation>%1 min (%2)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ui/controller.py" line="218"/>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="280"/>
        <source>Die Verwaltung ist der Leitung vorbehalten. Bitten Sie eine Leitung, Benutzer, Richtlinien oder Sicherungen zu ändern.</source>
        <translation>Administration is reserved for a lead. Ask a lead to change users, policy or backups.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="379"/>
        <source>Die Sicherung {file} ist wiederhergestellt. Der vorherige Stand liegt in {kept}.</source>
        <translation>The backup {file} has been restored. The previous state is kept in {kept}.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="393"/>
        <source>Trotzdem wiederherstellen?</source>
        <translation>Restore anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="405"/>
        <source>Sicherung wird wiederhergestellt …</source>
        <translation>Restoring the backup …</translation>
    </message>
</context>
<context>
    <name>CountsField</name>
    <message>
        <location filename="../../ui/item_form.py" line="80"/>
        <source>Summe</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.py" line="98"/>
        <source>= 1 Person</source>
        <translation>= 1 person</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.py" line="100"/>
        <source>= %1 Personen</source>
        <translation>= %1 persons</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="193"/>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="195"/>
        <source>Quartal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="198"/>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="300"/>
        <source>ganzes Jahr</source>
        <translation>whole year</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="302"/>
        <source>%1. Quartal</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="386"/>
        <source>%1: %2 bis %3</source>
        <translation>%1: %2 to %3</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="401"/>
        <source>%1 der Fälle im Zeitraum</source>
        <translation>%1 of the cases in the period</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="404"/>
        <source>Für diesen Zeitraum sind keine Fälle und keine Kontakte erfasst.</source>
        <translation>No cases and no contacts are recorded for this period.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/date_field.py" line="84"/>
        <source>TT.MM.JJJJ, h, g, -3</source>
        <translation>DD.MM.YYYY, t, y, -3</translation>
    </message>
    <message>
        <location filename="../../ui/date_field.py" line="86"/>
        <source>Datum eingeben, z. B. %1. F4 öffnet den Kalender, ↑/↓ einen Tag.</source>
        <translation>Type a date, for example %1. F4 opens the calendar, ↑/↓ move one day.</translation>
    </message>
    <message>
        <location filename="../../ui/date_field.py" line="95"/>
        <source>Kalender (F4)</source>
        <translation>Calendar (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/date_field.py" line="166"/>
        <source>z. B. 15.12., 1512, h, g, -3</source>
        <translation>e.g. 15.12., 1512, t, y, -3</translation>
    </message>
    <message>
        <location filename="../../ui/date_field.py" line="177"/>
        <source>heute, %1</source>
        <translation>today, %1</translation>
    </message>
    <message>
        <location filename="../../ui/date_field.py" line="179"/>
        <source>gestern, %1</source>
        <translation>yesterday, %1</translation>
    </message>
</context>
<context>
    <name>DistrictOverview</name>
    <message>
        <location filename="../../ui/district_overview.py" line="165"/>
        <source>Planung – Landkreis</source>
        <translation>Planning – district</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="168"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="170"/>
        <source>Beratungsfeld</source>
        <translation>Counselling field</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="172"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="174"/>
        <source>alle Beratungsfelder</source>
        <translation>all counselling fields</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="177"/>
        <source>ganzer Landkreis</source>
        <translation>whole district</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="182"/>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="183"/>
        <source>Beratungs&amp;feld:</source>
        <translation>Counselling &amp;field:</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="184"/>
        <source>&amp;Gebiet:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="192"/>
        <source>&amp;Bevölkerung einlesen …</source>
        <translation>Import &amp;population …</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="194"/>
        <source>&amp;Karte laden …</source>
        <translation>Load &amp;map …</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="196"/>
        <source>&amp;Zielwerte …</source>
        <translation>&amp;Targets …</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="198"/>
        <source>&amp;Rückmeldung veröffentlichen …</source>
        <translation>Publish &amp;feedback …</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="244"/>
        <source>Ü&amp;bersicht</source>
        <translation>O&amp;verview</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="245"/>
        <source>K&amp;arte</source>
        <translation>Ma&amp;p</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="267"/>
        <source>Jahr %1</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="283"/>
        <source>Noch keine Pakete eingelesen: es gibt keine Zahlen für die Planung.</source>
        <translation>No packages imported yet: there are no figures for planning.</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="308"/>
        <source>Keine Bevölkerungstabelle eingelesen: Raten je Einwohner fehlen.</source>
        <translation>No population table imported: rates per inhabitant are missing.</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="312"/>
        <source>Bevölkerung: %1 Einwohner, Stand %2.</source>
        <translation>Population: %1 inhabitants, as of %2.</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="319"/>
        <source>Die Tabelle enthält geschätzte Werte (keine amtlichen Zahlen).</source>
        <translation>The table holds estimated values (not official figures).</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="323"/>
        <source>Nur veröffentlichte Zahlen: „.“ ist verdeckt (Geheimhaltung), und was daraus berechnet würde, auch. Wartezeiten kommen mit dem Schema Version 2.</source>
        <translation>Published figures only: &apos;.&apos; is hidden (disclosure control), and so is whatever would be computed from it. Waiting times come with scheme version 2.</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="357"/>
        <source>Beratungsstellen gezählt</source>
        <translation>Offices counted</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="358"/>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="359"/>
        <source>Neue Fälle</source>
        <translation>New cases</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="360"/>
        <source>Fälle je 1.000 Einwohner</source>
        <translation>Cases per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="361"/>
        <source>Anteil Multiproblemfälle</source>
        <translation>Multi-problem share</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="362"/>
        <source>SchKG-Stellen je 40.000 Einwohner (Standard 1,0)</source>
        <translation>SchKG posts per 40,000 inhabitants (standard 1.0)</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="421"/>
        <source>Bevölkerungstabelle einlesen</source>
        <translation>Import population table</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="422"/>
        <source>Tabellen des Statistischen Landesamts (*.csv);;Alle Dateien (*)</source>
        <translation>Tables of the state statistical office (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="445"/>
        <source>Karte der Gemeinden laden</source>
        <translation>Load the map of the municipalities</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="446"/>
        <source>GeoJSON (*.geojson *.json);;Alle Dateien (*)</source>
        <translation>GeoJSON (*.geojson *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="470"/>
        <source>Rückmeldung gespeichert: %1 (mit .minisig). Geben Sie beide Dateien den Beratungsstellen.</source>
        <translation>Feedback saved: %1 (with .minisig). Give both files to the offices.</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="476"/>
        <source>Rückmeldung speichern in</source>
        <translation>Save feedback in</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="339"/>
        <source>Landkreis (Sozialplanung)</source>
        <translation>District (social planning)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="342"/>
        <source>Der Datenbestand der Auswertungsstelle: Er hält die Schlüssel des Landkreises, mit denen die Pakete der Beratungsstellen geöffnet werden.</source>
        <translation>The vault of the evaluating office: it holds the district&apos;s keys, which open the counselling offices&apos; packages.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="347"/>
        <source>z. B. Landkreis Harz</source>
        <translation>e.g. Landkreis Harz</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="348"/>
        <source>Name des Landkreises</source>
        <translation>District name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="349"/>
        <source>&amp;Demo-Schlüssel verwenden (nur zum Ausprobieren)</source>
        <translation>&amp;Use demo keys (for trying out only)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="350"/>
        <source>Demo-Schlüssel verwenden</source>
        <translation>Use demo keys</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="353"/>
        <source>Mit den Demo-Schlüsseln lassen sich die Pakete der Demo-Beratungsstellen öffnen. Sie sind öffentlich bekannt: Für echte Daten nicht ankreuzen, dann werden eigene Schlüssel erzeugt und verschlüsselt gespeichert.</source>
        <translation>The demo keys open the packages of the demo counselling offices. They are publicly known: leave this unticked for real data, and keys of your own are generated and stored encrypted.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="362"/>
        <source>Ordner des Datenbestands: {folder}</source>
        <translation>Vault folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="368"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="370"/>
        <source>&amp;Name des Landkreises:</source>
        <translation>&amp;District name:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="385"/>
        <source>Bitte geben Sie den Namen des Landkreises ein.</source>
        <translation>Please enter the name of the district.</translation>
    </message>
</context>
<context>
    <name>DistrictWindow</name>
    <message>
        <location filename="../../ui/district_window.py" line="260"/>
        <source>Schlüssel der Stellen …</source>
        <translation>Office keys …</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="262"/>
        <source>Planung …</source>
        <translation>Planning …</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="264"/>
        <source>Bereitstellungsdatei erstellen …</source>
        <translation>Create provisioning file …</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="277"/>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="279"/>
        <source>&amp;Sprache / Language:</source>
        <translation>&amp;Language / Sprache:</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="560"/>
        <source>Kein Speicherort gewählt.</source>
        <translation>No save location chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="569"/>
        <source>Bereitstellungsdatei gespeichert: {path}</source>
        <translation>Provisioning file saved: {path}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="148"/>
        <location filename="../../ui/help_dialog.py" line="151"/>
        <source>Benutzerhandbuch</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="158"/>
        <source>Das Benutzerhandbuch fehlt: %1</source>
        <translation>The user guide is missing: %1</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../ui/item_form.py" line="172"/>
        <source>%1: weitere</source>
        <translation>%1: further</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.py" line="189"/>
        <location filename="../../ui/item_form.py" line="216"/>
        <source>– nicht erfasst –</source>
        <translation>– not recorded –</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.py" line="198"/>
        <source>weitere (bis %1)</source>
        <translation>further (up to %1)</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="73"/>
        <source>Willkommen bei Fallzahl</source>
        <translation>Welcome to Fallzahl</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="75"/>
        <source>Dieser Assistent richtet den verschlüsselten Datenbestand ein. Für wen?</source>
        <translation>This wizard sets up the encrypted vault. Who is it for?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="77"/>
        <source>&amp;Beratungsstelle</source>
        <translation>&amp;Counselling office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="81"/>
        <source>Fälle und Kontakte erfassen, Berichtszeiträume abschließen und die Auszählung signiert an den Landkreis senden.</source>
        <translation>Record cases and contacts, close reporting periods and send the signed tally to the district.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="86"/>
        <source>&amp;Landkreis (Sozialplanung)</source>
        <translation>&amp;District (social planning)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="89"/>
        <source>Die Pakete der Beratungsstellen einlesen und prüfen, den Eingang überblicken, den Kreisbericht erstellen und Bereitstellungsdateien für neue Stellen ausgeben.</source>
        <translation>Import and check the counselling offices&apos; packages, keep track of what has arrived, create the district report and issue provisioning files for new offices.</translation>
    </message>
</context>
<context>
    <name>LeadPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="401"/>
        <location filename="../../ui/wizard.py" line="448"/>
        <source>Erste Leitung</source>
        <translation>First lead</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="404"/>
        <location filename="../../ui/wizard.py" line="451"/>
        <source>Wer die Beratungsstelle leitet, richtet später weitere Benutzer ein und schließt Berichtszeiträume ab.</source>
        <translation>The lead of the counselling office later adds further users and closes reporting periods.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="409"/>
        <source>&amp;Anlegen</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="411"/>
        <source>Kürzel, z. B. AB</source>
        <translation>Initials, e.g. AB</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="412"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="416"/>
        <source>Fortschritt</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="419"/>
        <source>Datenbestand wird angelegt und der Schlüssel abgeleitet …</source>
        <translation>Creating the vault and deriving the key …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="423"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="425"/>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="440"/>
        <source>Erste Planerin oder erster Planer</source>
        <translation>First planner</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="443"/>
        <source>Wer die Sozialplanung leitet, liest die Pakete ein, trägt Beratungsstellen ein und erstellt Berichte und Bereitstellungsdateien.</source>
        <translation>The social planning lead imports the packages, enrols counselling offices and creates reports and provisioning files.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Fallzahl</source>
        <translation>Fallzahl</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Fallnummer suchen (Strg+F)</source>
        <translation>Search case number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>Fallnummer suchen</source>
        <translation>Search case number</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>Beratungsfeld</source>
        <translation>Counselling field</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>offen und abgeschlossen</source>
        <translation>open and closed</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>nur offene</source>
        <translation>open only</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>nur abgeschlossene</source>
        <translation>closed only</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>offen, 6 Monate ohne Kontakt</source>
        <translation>open, no contact for 6 months</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Offene Fälle ohne Kontakt seit sechs Monaten: zum Abschluss vorgeschlagen (die Kinder- und Jugendhilfestatistik sieht eine Hilfe dann als beendet an).</source>
        <translation>Open cases without a contact for six months: proposed for closing (the child and youth services statistic then treats a help as ended).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>nur meine Fälle</source>
        <translation>my cases only</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Fall und Kontakte</source>
        <translation>Case and contacts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Fall</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Kontakte des Falls</source>
        <translation>Contacts of the case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Kontakt bearbeiten…</source>
        <translation>Edit contact…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Kontakt bearbeiten</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Kontakt löschen…</source>
        <translation>Delete contact…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Kontakt löschen</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <location filename="../../ui/main_window.py" line="574"/>
        <source>&amp;Kontakte</source>
        <translation>Con&amp;tacts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Übersicht und Erfassung</source>
        <translation>Overview and entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>&amp;Übersicht</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>&amp;Erfassung</source>
        <translation>Ent&amp;ry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>&amp;Neuer Fall</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;Schnellerfassung</source>
        <translation>Quick &amp;entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>&amp;Tätigkeiten ohne Fall…</source>
        <translation>&amp;Activities without a case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>Be&amp;richt…</source>
        <translation>&amp;Report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>Ihre &amp;Daten im Sozialplan…</source>
        <translation>Your &amp;data in the social plan…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>S&amp;perren</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>Fall &amp;speichern</source>
        <translation>&amp;Save case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>Fall s&amp;uchen</source>
        <translation>&amp;Find case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>Kontakt &amp;bearbeiten…</source>
        <translation>&amp;Edit contact…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>&amp;Kontakt löschen…</source>
        <translation>&amp;Delete contact…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>&amp;Fall löschen…</source>
        <translation>Delete &amp;case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>&amp;Meldung</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>Zeitraum &amp;abschließen…</source>
        <translation>&amp;Close period…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>Zeitraum wieder ö&amp;ffnen…</source>
        <translation>Re&amp;open period…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>Meldung &amp;exportieren…</source>
        <translation>&amp;Export submission…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>&amp;Gesendete Meldungen…</source>
        <translation>&amp;Sent submissions…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>&amp;Personalkapazität…</source>
        <translation>Staff ca&amp;pacity…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>&amp;Schlüssel der Beratungsstelle…</source>
        <translation>Counselling office &amp;key…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>&amp;Verwaltung</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>&amp;Verwaltung…</source>
        <translation>&amp;Administration…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>&amp;Benutzerhandbuch</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>&amp;Tastenkürzel</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>&amp;Kategorien und Definitionen</source>
        <translation>&amp;Categories and definitions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389"/>
        <source>&amp;Sprache / Language</source>
        <translation>&amp;Language / Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>Tab / Umschalt+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>zum nächsten / vorigen Feld</source>
        <translation>to the next / previous field</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>Ziffer</source>
        <translation>Digit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>&lt;b&gt;Schnellerfassung eines Kontakts&lt;/b&gt; – Fallnummer, Tab, Kontaktform, Dauer, Enter</source>
        <translation>&lt;b&gt;Quick entry of a contact&lt;/b&gt; – case number, Tab, contact form, duration, Enter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>&amp;Fall bearbeiten</source>
        <translation>Edit &amp;case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>&amp;Übersicht zeigen</source>
        <translation>Show &amp;overview</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>&amp;Wiederherstellen</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>Kontaktform bzw. Dauer in der Schnellerfassung</source>
        <translation>Contact form or duration in quick entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Kontakt in der Schnellerfassung speichern</source>
        <translation>Save the contact in quick entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>Leertaste</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>Problemlage oder Beratungsfeld an-/abhaken</source>
        <translation>Tick or untick a problem or counselling field</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Alt+F / Alt+K</source>
        <translation>Alt+C / Alt+T</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Reiter Fall / Kontakte</source>
        <translation>Case / Contacts tab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>Alt+Ü / Alt+E</source>
        <translation>Alt+O / Alt+R</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>Übersicht / Erfassung</source>
        <translation>Overview / Entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>Leitung</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>Berater*in</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>Benutzer: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Beratungsstelle: %1</source>
        <translation>Counselling office: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>alle Zeiträume</source>
        <translation>all periods</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506"/>
        <source>alle Beratungsfelder</source>
        <translation>all counselling fields</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>%1 Fälle</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>1 Fall</source>
        <translation>1 case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>%1 von %2 Fällen</source>
        <translation>%1 of %2 cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="560"/>
        <source>Die Änderungen an Fall %1 speichern?</source>
        <translation>Save the changes to case %1?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="574"/>
        <source>&amp;Kontakte (%1)</source>
        <translation>Con&amp;tacts (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="619"/>
        <source>Fall gespeichert.</source>
        <translation>Case saved.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="658"/>
        <source>Zeitraum %1 abgeschlossen.</source>
        <translation>Period %1 closed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="670"/>
        <source>Zeitraum %1 wieder geöffnet.</source>
        <translation>Period %1 reopened.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="682"/>
        <source>Meldung gespeichert: %1</source>
        <translation>Submission saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="753"/>
        <source>Fall</source>
        <translation>case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="754"/>
        <source>Kontakt</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="755"/>
        <source>Tätigkeit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="759"/>
        <source>Erneut gelöscht: %1.</source>
        <translation>Deleted again: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="761"/>
        <source>Rückgängig gemacht: Löschen (%1).</source>
        <translation>Undone: deletion (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="765"/>
        <source>Wiederhergestellt: %1.</source>
        <translation>Redone: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="767"/>
        <source>Rückgängig gemacht: letzte Speicherung (%1).</source>
        <translation>Undone: last save (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="782"/>
        <source>Fall %1 mit %2 Kontakten endgültig löschen? Das lässt sich nicht rückgängig machen.</source>
        <translation>Permanently delete case %1 with its %2 contacts? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="797"/>
        <source>Fall %1 gelöscht.</source>
        <translation>Case %1 deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="808"/>
        <location filename="../../ui/main_window.py" line="827"/>
        <source>Wählen Sie zuerst im Reiter „Kontakte“ einen Kontakt.</source>
        <translation>First select a contact on the “Contacts” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="810"/>
        <source>Den Kontakt vom %1 endgültig löschen?</source>
        <translation>Permanently delete the contact of %1?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="822"/>
        <source>Kontakt gelöscht.</source>
        <translation>Contact deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="878"/>
        <source>Die Änderungen am geöffneten Fall speichern?</source>
        <translation>Save the changes to the open case?</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../ui/district_map.py" line="222"/>
        <source>Kennzahl der Karte</source>
        <translation>Indicator of the map</translation>
    </message>
    <message>
        <location filename="../../ui/district_map.py" line="227"/>
        <source>Tabelle zur Karte</source>
        <translation>Table of the map</translation>
    </message>
    <message>
        <location filename="../../ui/district_map.py" line="236"/>
        <source>&amp;Kennzahl:</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <location filename="../../ui/district_map.py" line="261"/>
        <source>Karte: %1</source>
        <translation>Map: %1</translation>
    </message>
    <message>
        <location filename="../../ui/district_map.py" line="263"/>
        <source>Ohne geladene Kartendatei: schematische Kachelkarte.</source>
        <translation>No map file loaded: schematic tile map.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/district_map.py" line="168"/>
        <source>Karte der Gemeinden</source>
        <translation>Map of the municipalities</translation>
    </message>
</context>
<context>
    <name>OfficeKeyDialog</name>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="33"/>
        <source>Schlüssel der Beratungsstelle</source>
        <translation>Counselling office key</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="39"/>
        <source>Mit diesem Schlüssel signiert die Beratungsstelle ihre Meldungen. Der Landkreis trägt ihn einmal ein; bestätigen Sie ihm die Schlüssel-ID auf einem zweiten Weg (Brief, Telefon).</source>
        <translation>The counselling office signs its submissions with this key. The district enrols it once; confirm the key id to the district by a second channel (letter, phone).</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="52"/>
        <source>Schlüssel-ID</source>
        <translation>Key id</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="56"/>
        <source>Öffentlicher Schlüssel</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="63"/>
        <source>&amp;Kopieren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="64"/>
        <source>Schlüssel in die Zwischenablage kopieren</source>
        <translation>Copy the key to the clipboard</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="65"/>
        <source>&amp;Drucken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="66"/>
        <source>&amp;Speichern…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="68"/>
        <source>Schlüssel als Datei für den Landkreis speichern</source>
        <translation>Save the key as a file for the district</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="70"/>
        <source>Schlüssel &amp;wechseln…</source>
        <translation>&amp;Rotate key…</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="73"/>
        <source>Neuen Schlüssel erzeugen; der bisherige bestätigt ihn in einer Erklärung für den Landkreis.</source>
        <translation>Make a new key; the current one vouches for it in a statement for the district.</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="78"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="88"/>
        <source>Schlüssel-ID:</source>
        <translation>Key id:</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="116"/>
        <source>In die Zwischenablage kopiert.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="128"/>
        <source>Öffentlichen Schlüssel speichern</source>
        <translation>Save the public key</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="130"/>
        <source>Öffentlicher Schlüssel (*.pub)</source>
        <translation>Public key (*.pub)</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="139"/>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="144"/>
        <source>Gedruckt.</source>
        <translation>Printed.</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="151"/>
        <source>Einen neuen Signaturschlüssel erzeugen?

Der bisherige Schlüssel {old} bestätigt den neuen in einer Erklärung, die als zwei Dateien (.txt und .minisig) in einem Ordner gespeichert wird. Schicken Sie beide dem Landkreis; er muss die Erklärung einlesen, bevor er Ihre nächste Meldung annimmt.

Meldungen werden ab jetzt mit dem neuen Schlüssel signiert. Bereits exportierte, noch nicht eingelesene Meldungen sollte der Landkreis vorher einlesen; danach lehnt er den alten Schlüssel ab.</source>
        <translation>Make a new signing key?

The current key {old} vouches for the new one in a statement saved as two files (.txt and .minisig) in a folder. Send both to the district; it must read in the statement before it accepts your next submission.

Submissions are signed with the new key from now on. The district should read in submissions already exported but not yet read in first; after that it refuses the old key.</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="160"/>
        <location filename="../../ui/office_key_dialog.py" line="182"/>
        <source>Schlüssel wechseln</source>
        <translation>Rotate key</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="165"/>
        <source>Ordner für die Erklärung an den Landkreis wählen</source>
        <translation>Choose a folder for the statement to the district</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="175"/>
        <source>Neuer Schlüssel: {kid}</source>
        <translation>New key: {kid}</translation>
    </message>
    <message>
        <location filename="../../ui/office_key_dialog.py" line="179"/>
        <source>Neuer Schlüssel: {kid}

Gespeichert:
{statement}
{sig}

Bitte beide Dateien dem Landkreis schicken.</source>
        <translation>New key: {kid}

Saved:
{statement}
{sig}

Please send both files to the district.</translation>
    </message>
</context>
<context>
    <name>OfficeKeysDialog</name>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="121"/>
        <source>Schlüssel der Stellen</source>
        <translation>Office keys</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="125"/>
        <source>Jede Beratungsstelle signiert ihre Meldungen mit ihrem aktuellen Schlüssel. Einen Schlüsselwechsel bestätigt der bisherige Schlüssel der Stelle; ein verlorener oder gestohlener Schlüssel wird widerrufen.</source>
        <translation>Every office signs its submissions with its current key. A key rotation is vouched for by the office&apos;s previous key; a lost or stolen key is revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="142"/>
        <source>Eingetragene Beratungsstellen und ihre Schlüssel</source>
        <translation>Enrolled offices and their keys</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="145"/>
        <source>Schlüsselwechsel &amp;einlesen…</source>
        <translation>Read &amp;rotation statement…</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="146"/>
        <source>Schlüssel &amp;widerrufen…</source>
        <translation>Re&amp;voke key…</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="147"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="197"/>
        <source>Erklärung zum Schlüsselwechsel von {office} öffnen</source>
        <translation>Open the key rotation statement of {office}</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="201"/>
        <source>Erklärungen zum Schlüsselwechsel (*_key-rotation_*.txt);;Alle Dateien (*)</source>
        <translation>Key rotation statements (*_key-rotation_*.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="213"/>
        <source>Schlüsselwechsel von {office} angenommen. Neuer Schlüssel: {kid}. Meldungen mit dem alten Schlüssel werden ab jetzt abgelehnt.</source>
        <translation>Key rotation of {office} accepted. New key: {kid}. Submissions signed with the old key are refused from now on.</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="217"/>
        <source>Schlüsselwechsel einlesen</source>
        <translation>Read rotation statement</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="229"/>
        <source>Den Schlüssel {kid} der Beratungsstelle {office} widerrufen?

Meldungen mit diesem Schlüssel werden ab sofort abgelehnt, auch ein Schlüsselwechsel, den er bestätigt. Die Stelle muss einen neuen Schlüssel erzeugen und neu eingetragen werden (Schlüssel-ID telefonisch abgleichen). Das lässt sich nicht rückgängig machen.</source>
        <translation>Revoke key {kid} of office {office}?

Submissions signed with this key are refused from now on, and so is a key rotation it vouches for. The office must make a new key and be enrolled again (compare the key id by phone). This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="235"/>
        <source>Schlüssel widerrufen</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="246"/>
        <source>Schlüssel {kid} der Beratungsstelle {office} widerrufen.</source>
        <translation>Key {kid} of office {office} revoked.</translation>
    </message>
</context>
<context>
    <name>OfficeKeysModel</name>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="65"/>
        <source>gewechselt am {date}</source>
        <translation>rotated on {date}</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="67"/>
        <source>eingetragen am {date}</source>
        <translation>enrolled on {date}</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="70"/>
        <source>aktuell</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="72"/>
        <source>widerrufen am {date}</source>
        <translation>revoked on {date}</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="74"/>
        <source>ersetzt am {date}</source>
        <translation>replaced on {date}</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="88"/>
        <source>– keiner –</source>
        <translation>– none –</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="94"/>
        <source>Kein gültiger Schlüssel: Meldungen werden abgelehnt, bis die Stelle neu eingetragen ist.</source>
        <translation>No valid key: submissions are refused until the office is enrolled again.</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="108"/>
        <source>Beratungsstelle</source>
        <translation>Counselling office</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="109"/>
        <source>Aktueller Schlüssel</source>
        <translation>Current key</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="110"/>
        <source>Eingetragen seit</source>
        <translation>Enrolled since</translation>
    </message>
    <message>
        <location filename="../../ui/office_keys_dialog.py" line="111"/>
        <source>Schlüsselverlauf</source>
        <translation>Key history</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/wizard.py" line="114"/>
        <source>Beratungsstelle</source>
        <translation>Counselling office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="117"/>
        <source>Kennung und Name der Beratungsstelle, oder die Bereitstellungsdatei, die Sie vom Landkreis oder Ihrer IT erhalten haben.</source>
        <translation>The counselling office&apos;s id and name, or the provisioning file you received from the district or your IT.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="123"/>
        <source>Fallzahl speichert anonyme Fälle und Kontakte verschlüsselt auf diesem Rechner. Als Kategorienschema und Landkreis gelten zunächst die mit dem Programm gelieferten (Landkreis Harz).</source>
        <translation>Fallzahl stores anonymous cases and contacts encrypted on this computer. The category scheme and district shipped with the program (Landkreis Harz) apply at first.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="131"/>
        <source>z. B. HZ-QLB-01</source>
        <translation>e.g. HZ-QLB-01</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="132"/>
        <source>Kennung der Beratungsstelle</source>
        <translation>Office id</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="134"/>
        <source>z. B. Beratungsstelle Quedlinburg</source>
        <translation>e.g. Beratungsstelle Quedlinburg</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="135"/>
        <source>Name der Beratungsstelle</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="136"/>
        <source>Ordner des Datenbestands: {folder}</source>
        <translation>Vault folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="139"/>
        <source>Ordner des Datenbestands</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="141"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="142"/>
        <source>Mit &amp;Bereitstellungsdatei einrichten …</source>
        <translation>Set up with a &amp;provisioning file …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="147"/>
        <source>Gefundene Datei &amp;verwenden</source>
        <translation>&amp;Use the file found</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="152"/>
        <source>&amp;Kennung:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="153"/>
        <source>&amp;Name:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="172"/>
        <source>Vom Installationsprogramm abgelegt: {path}</source>
        <translation>Placed by the installer: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="181"/>
        <source>Bereitstellungsdatei wählen</source>
        <translation>Choose a provisioning file</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="183"/>
        <source>Bereitstellungsdateien (*{suffix});;Alle Dateien (*)</source>
        <translation>Provisioning files (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="206"/>
        <source>Bitte geben Sie den Namen der Beratungsstelle ein.</source>
        <translation>Please enter the name of the counselling office.</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../ui/passphrase.py" line="20"/>
        <source>sehr schwach</source>
        <translation>very weak</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="21"/>
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="22"/>
        <source>mittel</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="23"/>
        <source>stark</source>
        <translation>strong</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="24"/>
        <source>sehr stark</source>
        <translation>very strong</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="47"/>
        <source>Neue Passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="52"/>
        <source>Passphrase wiederholen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="58"/>
        <source>Stärke der Passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="63"/>
        <source>Bewertung der Passphrase</source>
        <translation>Passphrase rating</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="66"/>
        <source>Tipp: ein Satz aus vier oder mehr Wörtern ist stark und gut zu merken.</source>
        <translation>Tip: a sentence of four or more words is strong and easy to remember.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="76"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="77"/>
        <source>&amp;Wiederholen:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="78"/>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="111"/>
        <source>Diese Passphrase ist zu leicht zu erraten ({word}). Nehmen Sie einen Satz aus mehreren Wörtern, die nicht zusammengehören.</source>
        <translation>This passphrase is too easy to guess ({word}). Use a sentence of several words that do not belong together.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="117"/>
        <source>Die beiden Eingaben stimmen nicht überein. Bitte noch einmal eingeben.</source>
        <translation>The two entries do not match. Please enter them again.</translation>
    </message>
</context>
<context>
    <name>PlanFeedbackView</name>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="80"/>
        <source>Ihre Daten im Sozialplan</source>
        <translation>Your data in the social plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="83"/>
        <source>Zeitraum der Rückmeldung</source>
        <translation>Period of the feedback</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="84"/>
        <source>Rückmeldung &amp;einlesen …</source>
        <translation>&amp;Import feedback …</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="87"/>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="95"/>
        <source>Kennzahl</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="95"/>
        <source>Ihre Stelle</source>
        <translation>Your office</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="95"/>
        <source>Landkreis</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="96"/>
        <source>Ihr Anteil</source>
        <translation>Your share</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="97"/>
        <source>Kennzahl des Landkreises</source>
        <translation>District indicator</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="97"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="98"/>
        <source>Ihre Stelle und der Landkreis</source>
        <translation>Your office and the district</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="99"/>
        <location filename="../../ui/plan_feedback_view.py" line="115"/>
        <source>Kennzahlen der Planung</source>
        <translation>Planning indicators</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="102"/>
        <source>Nur veröffentlichte Zahlen: „.“ hat der Landkreis geheim gehalten (kleine Zahlen und was sie verraten würde). Die Rückmeldung ist vom Landkreis signiert.</source>
        <translation>Published figures only: &apos;.&apos; the district kept confidential (small counts and what would reveal them). The feedback is signed by the district.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="113"/>
        <source>Ihre Stelle neben dem Landkreis</source>
        <translation>Your office beside the district</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="139"/>
        <source>Noch keine Rückmeldung des Landkreises eingelesen. Der Landkreis veröffentlicht je Zeitraum eine signierte Datei (%1); lesen Sie sie mit „Rückmeldung einlesen …“ ein.</source>
        <translation>No feedback from the district imported yet. The district publishes a signed file (%1) per period; read it in with &apos;Import feedback …&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="228"/>
        <source>Rückmeldungen (%1)</source>
        <translation>Feedback files (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="150"/>
        <source>%1, Ausgabe %2 vom %3. Gezählt wurden %4 Beratungsstellen.</source>
        <translation>%1, edition %2 of %3. %4 offices were counted.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="158"/>
        <source>%1 Meldung Nr. %2</source>
        <translation>%1 submission no. %2</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="161"/>
        <source>Von Ihnen hat der Landkreis verwendet: %1.</source>
        <translation>Of yours the district used: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="163"/>
        <source>Eine gezählte Meldung stammt nicht aus diesem Datenbestand.</source>
        <translation>A counted submission was not sent from this vault.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="165"/>
        <source>Von Ihnen ist in diesen Zahlen keine Meldung enthalten.</source>
        <translation>None of your submissions is in these figures.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="168"/>
        <source>%1 Nr. %2</source>
        <translation>%1 no. %2</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="173"/>
        <source>Gesendet, aber nicht gezählt: %1 (nicht angekommen, ersetzt oder nach der Rückmeldung gesendet).</source>
        <translation>Sent but not counted: %1 (not arrived, replaced, or sent after the feedback).</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="178"/>
        <source>%1 von %2 Werten der Landkreistabelle sind geheim gehalten.</source>
        <translation>%1 of %2 values of the district table are kept confidential.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="194"/>
        <source>%1 je 1.000 Einwohner</source>
        <translation>%1 per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="197"/>
        <source>Anteil Multiproblemfälle</source>
        <translation>Multi-problem share</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="201"/>
        <source>Schwangerschaftsberatung: Vollzeitstellen je 40.000 Einwohner (Standard 1,0)</source>
        <translation>Pregnancy counselling: full-time posts per 40,000 inhabitants (standard 1.0)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="204"/>
        <source>Einwohner (Stand %1)</source>
        <translation>Inhabitants (as of %1)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_feedback_view.py" line="226"/>
        <source>Rückmeldung des Landkreises einlesen</source>
        <translation>Import the district&apos;s feedback</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../ui/district_overview.py" line="99"/>
        <source>Tabelle: %1</source>
        <translation>Table: %1</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="99"/>
        <source>Tabelle</source>
        <translation>Table</translation>
    </message>
</context>
<context>
    <name>ProvisionDialog</name>
    <message>
        <location filename="../../ui/district_window.py" line="178"/>
        <source>Bereitstellungsdatei erstellen</source>
        <translation>Create provisioning file</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="180"/>
        <source>z. B. HZ-QLB-01</source>
        <translation>e.g. HZ-QLB-01</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="182"/>
        <source>z. B. Beratungsstelle Quedlinburg</source>
        <translation>e.g. Beratungsstelle Quedlinburg</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="186"/>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="188"/>
        <source>&amp;Wählen …</source>
        <translation>&amp;Choose …</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="196"/>
        <source>Die Datei wird mit dem Schlüssel des Landkreises signiert und ist 90 Tage gültig. Geben Sie sie der IT der Stelle (Installation mit /PROVISION=…).</source>
        <translation>The file is signed with the district&apos;s key and is valid for 90 days. Give it to the office&apos;s IT (installation with /PROVISION=…).</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="203"/>
        <source>&amp;Kennung:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="204"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="205"/>
        <source>Automatische &amp;Sperre nach:</source>
        <translation>Auto-&amp;lock after:</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="206"/>
        <source>&amp;Speichern unter:</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="225"/>
        <source>Bereitstellungsdatei speichern</source>
        <translation>Save provisioning file</translation>
    </message>
    <message>
        <location filename="../../ui/district_window.py" line="227"/>
        <source>Bereitstellungsdateien (*{suffix})</source>
        <translation>Provisioning files (*{suffix})</translation>
    </message>
</context>
<context>
    <name>ProvisionPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="224"/>
        <source>Bereitstellungsdatei</source>
        <translation>Provisioning file</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="227"/>
        <source>Diese Angaben kommen aus der signierten Datei des Landkreises und lassen sich hier nicht ändern.</source>
        <translation>These details come from the district&apos;s signed file and cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="240"/>
        <source>Kennung der Beratungsstelle</source>
        <translation>Office id</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="241"/>
        <source>Name der Beratungsstelle</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="242"/>
        <source>Landkreis</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="243"/>
        <source>Weitere Angaben</source>
        <translation>Further details</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="252"/>
        <source>Kennung:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="253"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="254"/>
        <source>Landkreis:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="255"/>
        <source>Außerdem:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="257"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="258"/>
        <source>&amp;Andere Datei wählen …</source>
        <translation>Choose &amp;another file …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="284"/>
        <source>Datei: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="291"/>
        <source>Sie können eine andere Datei wählen.</source>
        <translation>You can choose another file.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="302"/>
        <source>Automatische Sperre nach {minutes} Minuten; signiert vom Schlüssel {kid}; gültig bis {expires}.</source>
        <translation>Auto-lock after {minutes} minutes; signed by key {kid}; valid until {expires}.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="318"/>
        <source>Bereitstellungsdatei wählen</source>
        <translation>Choose a provisioning file</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="320"/>
        <source>Bereitstellungsdateien (*{suffix});;Alle Dateien (*)</source>
        <translation>Provisioning files (*{suffix});;All files (*)</translation>
    </message>
</context>
<context>
    <name>QuickEntry</name>
    <message>
        <location filename="../../ui/quick_entry.py" line="110"/>
        <source>z. B. 2026-0042, 42 oder „neu“</source>
        <translation>e.g. 2026-0042, 42 or “new”</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="133"/>
        <source>ohne Fall</source>
        <translation>without case</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="138"/>
        <location filename="../../ui/quick_entry.py" line="200"/>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="140"/>
        <source>Speichern ↵</source>
        <translation>Save ↵</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="154"/>
        <source>Zuletzt gespeichert</source>
        <translation>Last saved</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="161"/>
        <source>&amp;Personen</source>
        <translation>&amp;Persons</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="199"/>
        <source>Kurzkontakt ohne Fall</source>
        <translation>Brief contact without a case</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="201"/>
        <source>Kontakt speichern</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="341"/>
        <source>kein Fall</source>
        <translation>no such case</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="344"/>
        <source>, abgeschlossen</source>
        <translation>, closed</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="158"/>
        <source>Fall&amp;nummer</source>
        <translation>Case &amp;number</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="143"/>
        <source>nicht e&amp;rschienen</source>
        <translation>no-sho&amp;w</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="144"/>
        <source>Termin nicht wahrgenommen</source>
        <translation>Appointment not kept</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="147"/>
        <source>Der Termin wurde nicht wahrgenommen: er zählt nicht als Kontakt, sondern getrennt als ausgefallener Termin.</source>
        <translation>The appointment was not kept: it does not count as a contact but separately as a missed appointment.</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="159"/>
        <source>K&amp;ontaktform</source>
        <translation>Contact for&amp;m</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="160"/>
        <location filename="../../ui/quick_entry.py" line="266"/>
        <source>D&amp;auer</source>
        <translation>D&amp;uration</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="162"/>
        <source>Da&amp;tum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="163"/>
        <source>Beratungsfe&amp;ld</source>
        <translation>Counselling f&amp;ield</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="259"/>
        <source>Min.</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="261"/>
        <source>D&amp;auer (Min.)</source>
        <translation>D&amp;uration (min)</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="322"/>
        <source>%1: %2 Min. = %3</source>
        <translation>%1: %2 min = %3</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="339"/>
        <source>neuer Fall: %1</source>
        <translation>new case: %1</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="392"/>
        <source>Neuer Fall %1 (%2) angelegt – ergänzen Sie die Angaben im Fall.</source>
        <translation>New case %1 (%2) created – complete its details in the case.</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="417"/>
        <source>Einen Fall „%1“ gibt es nicht. Geben Sie eine vorhandene Fallnummer ein, „neu“ für einen neuen Fall, oder kreuzen Sie „ohne Fall“ an.</source>
        <translation>There is no case “%1”. Enter an existing case number, “new” for a new case, or tick “without case”.</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="430"/>
        <source>Bitte die Kontaktform als Ziffer eingeben: %1</source>
        <translation>Please enter the contact form as a digit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="439"/>
        <source>Bitte die Dauer in Minuten eingeben (das Dauerband ergibt sich daraus): %1</source>
        <translation>Please enter the length in minutes (the duration band follows from it): %1</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="446"/>
        <source>Bitte die Dauer als Ziffer eingeben: %1</source>
        <translation>Please enter the duration as a digit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="470"/>
        <source>Nicht gespeichert.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="480"/>
        <source>ohne Fall (%1)</source>
        <translation>without case (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="482"/>
        <source>1 Person</source>
        <translation>1 person</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="484"/>
        <source>%1 Personen</source>
        <translation>%1 persons</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="489"/>
        <source>nicht erschienen</source>
        <translation>no-show</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="493"/>
        <source>%1 Min. (%2)</source>
        <translation>%1 min (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/quick_entry.py" line="496"/>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="201"/>
        <source>Passphrase mit dem Wiederherstellungsschlüssel zurücksetzen</source>
        <translation>Reset a passphrase with the recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="205"/>
        <source>Geben Sie den Wiederherstellungsschlüssel vom ausgedruckten Blatt ein (8 Gruppen zu 5 Zeichen; Bindestriche und Leerzeichen sind egal), wählen Sie den Benutzer und vergeben Sie eine neue Passphrase.</source>
        <translation>Enter the recovery key from the printed sheet (8 groups of 5 characters; hyphens and spaces do not matter), choose the user and set a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="214"/>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="220"/>
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="229"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="235"/>
        <source>Zurücksetzen und entsperren</source>
        <translation>Reset and unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="239"/>
        <source>&amp;Schlüssel:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="240"/>
        <source>&amp;Benutzer:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="288"/>
        <source>Passphrase wird zurückgesetzt …</source>
        <translation>Resetting the passphrase …</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="543"/>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="546"/>
        <source>Nur jetzt sichtbar: Drucken Sie ihn aus oder speichern Sie ihn als PDF, und verwahren Sie ihn verschlossen.</source>
        <translation>Visible only now: print it or save it as PDF, and keep it locked away.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="552"/>
        <source>Mit diesem Schlüssel lässt sich jede Passphrase zurücksetzen, wenn sie vergessen wurde. Ohne Passphrase und ohne diesen Schlüssel sind die Daten verloren – niemand kann sie dann wiederherstellen.</source>
        <translation>This key resets any passphrase that was forgotten. Without a passphrase and without this key the data is lost – nobody can recover it then.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="570"/>
        <source>Gruppe {n}</source>
        <translation>Group {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="575"/>
        <source>&amp;Drucken …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="576"/>
        <location filename="../../ui/wizard.py" line="628"/>
        <source>Wiederherstellungsschlüssel drucken</source>
        <translation>Print the recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="577"/>
        <source>Als &amp;PDF speichern …</source>
        <translation>Save as P&amp;DF …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="578"/>
        <source>Wiederherstellungsschlüssel als PDF speichern</source>
        <translation>Save the recovery key as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="610"/>
        <location filename="../../ui/wizard.py" line="660"/>
        <source>Fallzahl – Wiederherstellungsschlüssel</source>
        <translation>Fallzahl – recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="614"/>
        <source>Verschlossen aufbewahren. Wer diesen Schlüssel hat, kann jede Passphrase zurücksetzen und alle Daten lesen. Bei Verlust von Passphrase und Schlüssel sind die Daten nicht wiederherstellbar.</source>
        <translation>Keep locked away. Whoever has this key can reset any passphrase and read all data. If both passphrase and key are lost, the data cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="638"/>
        <source>Als PDF speichern</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="638"/>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="670"/>
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ReopenPeriodDialog</name>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="31"/>
        <source>Zeitraum wieder öffnen</source>
        <translation>Reopen period</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="34"/>
        <source>Abgeschlossener Zeitraum</source>
        <translation>Closed period</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="41"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="43"/>
        <source>z. B. Nachträge zu Fällen aus dem Quartal (wird protokolliert)</source>
        <translation>e.g. late additions to cases from the quarter (is logged)</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="46"/>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="47"/>
        <source>&amp;Grund:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="50"/>
        <source>Danach lassen sich Fälle und Kontakte des Zeitraums wieder ändern. Schließen Sie ihn anschließend erneut ab und senden Sie die Meldung als Korrektur.</source>
        <translation>The period&apos;s cases and contacts can then be changed again. Afterwards close it again and send the submission as a correction.</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="54"/>
        <source>Es ist kein Zeitraum abgeschlossen.</source>
        <translation>No period is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="60"/>
        <source>Wieder ö&amp;ffnen</source>
        <translation>Re&amp;open</translation>
    </message>
    <message>
        <location filename="../../ui/reopen_period_dialog.py" line="61"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_dialog.py" line="44"/>
        <source>Bericht erstellen</source>
        <translation>Create report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="49"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="61"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="62"/>
        <source>PDF-Bericht zum Drucken (.pdf)</source>
        <translation>PDF report for printing (.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="63"/>
        <source>Excel-Arbeitsmappe (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="65"/>
        <source>Zieldatei</source>
        <translation>Target file</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="66"/>
        <source>&amp;Wählen…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="67"/>
        <source>Zieldatei wählen</source>
        <translation>Choose the target file</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="72"/>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="73"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="74"/>
        <source>&amp;Datei:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="80"/>
        <source>Interne Auswertung der Beratungsstelle mit allen Zahlen (nichts geschwärzt); die Meldung an den Landkreis ist davon getrennt.</source>
        <translation>The counselling office&apos;s internal evaluation with all figures (nothing redacted); the submission to the district is separate.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="90"/>
        <source>Bericht &amp;erstellen</source>
        <translation>Create &amp;report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="92"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="123"/>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="127"/>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="127"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="128"/>
        <source>Bericht speichern</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="175"/>
        <source>Bericht gespeichert: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="185"/>
        <source>Abgebrochen.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="193"/>
        <source>Der Bericht für %1 wird erstellt …</source>
        <translation>Creating the report for %1 …</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="116"/>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="120"/>
        <source>Der aktuelle Datenbestand wird durch die Sicherung {file} ersetzt. Der bisherige Stand wird im selben Ordner aufbewahrt. Fallzahl wird dazu gesperrt; danach melden Sie sich neu an.

Zur Bestätigung: Die Passphrase von {user}, wie sie zur Zeit der Sicherung galt, oder der Wiederherstellungsschlüssel.</source>
        <translation>The current vault will be replaced by the backup {file}. The previous state is kept in the same folder. Fallzahl locks for this; afterwards you unlock again.

To confirm: the passphrase of {user} as it was when the backup was made, or the recovery key.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="129"/>
        <source>&amp;Passphrase von {user}</source>
        <translation>&amp;Passphrase of {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="130"/>
        <source>&amp;Wiederherstellungsschlüssel</source>
        <translation>&amp;Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="137"/>
        <source>Passphrase oder Wiederherstellungsschlüssel</source>
        <translation>Passphrase or recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="141"/>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>SentPackagesDialog</name>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="120"/>
        <location filename="../../ui/sent_packages_dialog.py" line="124"/>
        <source>Gesendete Meldungen</source>
        <translation>Sent submissions</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="139"/>
        <source>&amp;Empfangsbestätigung einlesen…</source>
        <translation>&amp;Import receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="140"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="159"/>
        <source>Aus diesem Datenbestand wurde noch keine Meldung gesendet.</source>
        <translation>No submission has been sent from this vault yet.</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="162"/>
        <source>%1 Meldungen gesendet, %2 vom Landkreis bestätigt.</source>
        <translation>%1 submissions sent, %2 confirmed by the district.</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="175"/>
        <source>Empfangsbestätigung des Landkreises</source>
        <translation>Receipt from the district</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="177"/>
        <source>Empfangsbestätigungen (%1);;Alle Dateien (*)</source>
        <translation>Receipts (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="187"/>
        <source>Nicht eingelesen: %1</source>
        <translation>Not imported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="192"/>
        <source>Die Datei %1 lässt sich nicht lesen (%2).</source>
        <translation>The file %1 cannot be read (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="200"/>
        <source>Eingelesen: %1 – %2</source>
        <translation>Imported: %1 – %2</translation>
    </message>
</context>
<context>
    <name>SentPackagesModel</name>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="76"/>
        <source>angenommen vom Landkreis (Datum unlesbar)</source>
        <translation>accepted by the district (date unreadable)</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="77"/>
        <source>angenommen vom Landkreis am %1</source>
        <translation>accepted by the district on %1</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="78"/>
        <source>gesendet</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="89"/>
        <source> (Korrektur)</source>
        <translation> (correction)</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="108"/>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="109"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="110"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="111"/>
        <source>Erstellt</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/sent_packages_dialog.py" line="112"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/wizard.py" line="744"/>
        <source>Einrichtung</source>
        <translation>Setup</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="767"/>
        <source>&amp;Weiter &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="768"/>
        <source>&lt; &amp;Zurück</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="769"/>
        <source>&amp;Fertig</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="770"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="794"/>
        <source>{name} (Sozialplanung)</source>
        <translation>{name} (social planning)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="813"/>
        <source>Der Datenbestand ist angelegt. Haben Sie den Wiederherstellungsschlüssel ausgedruckt oder sicher notiert? Er wird nicht noch einmal angezeigt.</source>
        <translation>The vault has been created. Have you printed the recovery key or written it down safely? It will not be shown again.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="56"/>
        <location filename="../../ui/help_dialog.py" line="60"/>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="61"/>
        <source>Taste</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="61"/>
        <source>Wirkung</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StaffingDialog</name>
    <message>
        <location filename="../../ui/staffing_dialog.py" line="33"/>
        <source>Personalkapazität</source>
        <translation>Staff capacity</translation>
    </message>
    <message>
        <location filename="../../ui/staffing_dialog.py" line="35"/>
        <source>Quartal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/staffing_dialog.py" line="43"/>
        <source>&amp;Quartal:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/staffing_dialog.py" line="51"/>
        <source> VZÄ</source>
        <translation> FTE</translation>
    </message>
    <message>
        <location filename="../../ui/staffing_dialog.py" line="58"/>
        <source>Vollzeitäquivalente (VZÄ) je Beratungsfeld: 1,0 ist eine volle Stelle, eine halbe Stelle 0,5. Die Zahlen gehen mit der Meldung des Quartals an den Landkreis (Personal je 40.000 Einwohner, SchKG-Standard).</source>
        <translation>Full-time equivalents (FTE) per counselling field: 1.0 is one full-time post, a half-time post 0.5. The figures go to the district with the quarter&apos;s submission (staff per 40,000 inhabitants, SchKG standard).</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../ui/district_overview.py" line="116"/>
        <source>Zielwerte Personal</source>
        <translation>Staffing targets</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="120"/>
        <source>Schwangerschafts(konflikt)beratung (SchKG)</source>
        <translation>Pregnancy (conflict) counselling (SchKG)</translation>
    </message>
    <message>
        <location filename="../../ui/district_overview.py" line="133"/>
        <source>Vollzeitstellen je 40.000 Einwohner, die der Landkreis anstrebt (0: kein Ziel). Für die Schwangerschaftsberatung gilt mindestens der Standard 1,0.</source>
        <translation>Full-time posts per 40,000 inhabitants the district aims at (0: no target). For pregnancy counselling the standard of at least 1.0 applies.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="106"/>
        <source>Entsperren</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="107"/>
        <source>Fallzahl entsperren</source>
        <translation>Unlock Fallzahl</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="108"/>
        <source>&amp;Benutzer:</source>
        <translation>U&amp;ser:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="109"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="110"/>
        <source>&amp;Sprache:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="111"/>
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="112"/>
        <source>Passphrase &amp;vergessen?</source>
        <translation>&amp;Forgot passphrase?</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="113"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="114"/>
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="115"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="116"/>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="117"/>
        <source>Ordner des Datenbestands</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="118"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="152"/>
        <source>In diesem Datenbestand ist kein Benutzer eingerichtet.</source>
        <translation>No user is set up in this vault.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="155"/>
        <source>Bitte geben Sie Ihre Passphrase ein.</source>
        <translation>Please enter your passphrase.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="61"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="62"/>
        <source>Kürzel, z. B. AB</source>
        <translation>Initials, e.g. AB</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="64"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="65"/>
        <source>Berater*in</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="66"/>
        <source>Leitung</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="71"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="80"/>
        <source>Passphrase zurücksetzen: {user}</source>
        <translation>Reset passphrase: {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="85"/>
        <source>Benutzer hinzufügen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="86"/>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="87"/>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="96"/>
        <source>Bitte geben Sie einen Benutzernamen ein.</source>
        <translation>Please enter a user name.</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <location filename="../../ui/dashboard.py" line="111"/>
        <source>Tabelle zum Diagramm</source>
        <translation>Table for the chart</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="113"/>
        <source>Diagramm</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="160"/>
        <source>Tabelle: %1</source>
        <translation>Table: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="161"/>
        <source>Diagramm: %1</source>
        <translation>Chart: %1</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="89"/>
        <source>Ein unerwarteter Fehler ist aufgetreten. Bereits gespeicherte Daten sind nicht betroffen. Bitte starten Sie Fallzahl neu und melden Sie den Fehler mit der Protokolldatei:
{path}</source>
        <translation>An unexpected error occurred. Data already saved is not affected. Please restart Fallzahl and report the error with the log file:
{path}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="55"/>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="63"/>
        <location filename="../../ui/dialogs.py" line="76"/>
        <source>Fallzahl</source>
        <translation>Fallzahl</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../ui/worker.py" line="76"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
