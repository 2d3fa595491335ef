<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="46" />
        <source>Berater*in</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="47" />
        <source>Leitung</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="159" />
        <source>Fallzahl – Verwaltung</source>
        <translation>Fallzahl – Administration</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="162" />
        <source>Bereiche der Verwaltung</source>
        <translation>Administration sections</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="163" />
        <source>&amp;Benutzer</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="164" />
        <source>&amp;Richtlinien</source>
        <translation>&amp;Policy</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="165" />
        <source>&amp;Sicherung</source>
        <translation>&amp;Backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="166" />
        <source>S&amp;chema</source>
        <translation>S&amp;cheme</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="168" />
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="179" />
        <source>Benutzer und Rollen</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="180" />
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="180" />
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="186" />
        <source>&amp;Hinzufügen …</source>
        <translation>&amp;Add …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="187" />
        <source>&amp;Entfernen …</source>
        <translation>&amp;Remove …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="188" />
        <source>Passphrase &amp;zurücksetzen …</source>
        <translation>Re&amp;set passphrase …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="248" />
        <source>Benutzer {user} eingerichtet.</source>
        <translation>User {user} added.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="250" />
        <source>Benutzer wird eingerichtet …</source>
        <translation>Adding the user …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="260" />
        <source>Benutzer {user} wirklich entfernen? Die erfassten Fälle bleiben erhalten.</source>
        <translation>Really remove user {user}? The recorded cases are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="287" />
        <source>Die Passphrase von {user} ist neu gesetzt.</source>
        <translation>The passphrase of {user} has been reset.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="289" />
        <source>Passphrase wird gesetzt …</source>
        <translation>Setting the passphrase …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="297" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="298" />
        <source>Automatische Sperre nach Minuten</source>
        <translation>Auto-lock after minutes</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="300" />
        <source>Ü&amp;bernehmen</source>
        <translation>A&amp;pply</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="304" />
        <source>Fallzahl sperrt sich, wenn so lange weder Tastatur noch Maus benutzt wurden. Gilt für alle Benutzer dieses Datenbestands.</source>
        <translation>Fallzahl locks itself when neither keyboard nor mouse has been used for this long. Applies to all users of this vault.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="311" />
        <source>&amp;Automatische Sperre nach:</source>
        <translation>&amp;Auto-lock after:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="333" />
        <source>Automatische Sperre nach {n} Minuten.</source>
        <translation>Auto-lock after {n} minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="341" />
        <source>Eine Sicherung ist eine verschlüsselte Kopie des ganzen Datenbestands in einer Datei. Sie öffnet sich mit den Passphrasen und dem Wiederherstellungsschlüssel, die zur Zeit der Sicherung galten. Bewahren Sie sie auf einem anderen Datenträger auf.</source>
        <translation>A backup is an encrypted copy of the whole vault in one file. It opens with the passphrases and the recovery key that were valid when it was made. Keep it on another drive.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="349" />
        <source>Sicherung &amp;erstellen …</source>
        <translation>&amp;Make backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="350" />
        <source>Sicherung &amp;wiederherstellen …</source>
        <translation>&amp;Restore backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="355" />
        <source>Ergebnis der Sicherung</source>
        <translation>Backup result</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="374" />
        <source>Sicherung speichern</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="376" />
        <source>Fallzahl-Sicherungen (*.fzbak)</source>
        <translation>Fallzahl backups (*.fzbak)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="385" />
        <source>Sicherung wird erstellt …</source>
        <translation>Making the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="389" />
        <source>Sicherung gespeichert: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="396" />
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="398" />
        <source>Fallzahl-Sicherungen (*.fzbak);;Alle Dateien (*)</source>
        <translation>Fallzahl backups (*.fzbak);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="420" />
        <source>Aktives Schema</source>
        <translation>Active scheme</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="421" />
        <source>Schema &amp;importieren …</source>
        <translation>&amp;Import scheme …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="425" />
        <source>Ein neues Kategorienschema kommt vom Landkreis als JSON-Datei mit Signatur (.minisig daneben). Fallzahl übernimmt es nur, wenn es gültig signiert und neuer als das aktuelle ist.</source>
        <translation>A new category scheme comes from the district as a JSON file with its signature (.minisig beside it). Fallzahl takes it only if it is validly signed and newer than the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="447" />
        <source>Aktives Schema: nicht verfügbar</source>
        <translation>Active scheme: not available</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="450" />
        <source>Aktives Schema: {id}, Version {version}</source>
        <translation>Active scheme: {id}, version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="458" />
        <source>Schema importieren</source>
        <translation>Import scheme</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="460" />
        <source>Schemata (*.json)</source>
        <translation>Schemes (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="470" />
        <source>Der Schema-Import ist in dieser Version noch nicht verfügbar.</source>
        <translation>Importing a scheme is not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="480" />
        <source>Die Datei {path} lässt sich nicht lesen ({reason}).</source>
        <translation>The file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="494" />
        <source>Schema {id}, Version {version} übernommen.</source>
        <translation>Scheme {id}, version {version} imported.</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="363" />
        <source>Schlüssel notiert?</source>
        <translation>Key written down?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="365" />
        <source>Zur Sicherheit: Geben Sie zwei Gruppen des Schlüssels von Ihrem Ausdruck ein.</source>
        <translation>To be safe: enter two groups of the key from your printout.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="377" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="388" />
        <source>Gruppe &amp;{n}:</source>
        <translation>Group &amp;{n}:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="389" />
        <source>Gruppe {n}:</source>
        <translation>Group {n}:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="390" />
        <location filename="../../ui/wizard.py" line="391" />
        <source>Gruppe {n}</source>
        <translation>Group {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="404" />
        <source>Die Gruppen {a} und {b} stimmen nicht mit dem Schlüssel überein. Prüfen Sie Ihren Ausdruck oder gehen Sie zurück und notieren Sie den Schlüssel erneut.</source>
        <translation>Groups {a} and {b} do not match the key. Check your printout, or go back and write the key down again.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ui/controller.py" line="151" />
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="192" />
        <source>Die Verwaltung ist der Leitung vorbehalten. Bitten Sie eine Leitung, Benutzer, Richtlinien oder Sicherungen zu ändern.</source>
        <translation>Administration is reserved for a lead. Ask a lead to change users, policy or backups.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="274" />
        <source>Die Sicherung {file} ist wiederhergestellt. Der vorherige Stand liegt in {kept}.</source>
        <translation>The backup {file} has been restored. The previous state is kept in {kept}.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="292" />
        <source>Sicherung wird wiederhergestellt …</source>
        <translation>Restoring the backup …</translation>
    </message>
</context>
<context>
    <name>LeadPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="121" />
        <source>Erste Leitung</source>
        <translation>First lead</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="124" />
        <source>Wer die Beratungsstelle leitet, richtet später weitere Benutzer ein und schließt Berichtszeiträume ab.</source>
        <translation>The office lead later adds further users and closes reporting periods.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="129" />
        <source>&amp;Anlegen</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="131" />
        <source>Kürzel, z. B. AB</source>
        <translation>Initials, e.g. AB</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="132" />
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="136" />
        <source>Fortschritt</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="139" />
        <source>Datenbestand wird angelegt und der Schlüssel abgeleitet …</source>
        <translation>Creating the vault and deriving the key …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="143" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="145" />
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/wizard.py" line="60" />
        <source>Willkommen bei Fallzahl</source>
        <translation>Welcome to Fallzahl</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="63" />
        <source>Dieser Assistent richtet den verschlüsselten Datenbestand Ihrer Beratungsstelle ein.</source>
        <translation>This wizard sets up your counselling office's encrypted vault.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="69" />
        <source>Fallzahl speichert anonyme Fälle und Kontakte verschlüsselt auf diesem Rechner. Als Kategorienschema und Landkreis gelten zunächst die mit dem Programm gelieferten (Landkreis Harz).</source>
        <translation>Fallzahl stores anonymous cases and contacts encrypted on this computer. The category scheme and district shipped with the program (Landkreis Harz) apply at first.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="77" />
        <source>z. B. HZ-QLB-01</source>
        <translation>e.g. HZ-QLB-01</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="78" />
        <source>Kennung der Beratungsstelle</source>
        <translation>Office id</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="80" />
        <source>z. B. Beratungsstelle Quedlinburg</source>
        <translation>e.g. Beratungsstelle Quedlinburg</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="81" />
        <source>Name der Beratungsstelle</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="82" />
        <source>Ordner des Datenbestands: {folder}</source>
        <translation>Vault folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="85" />
        <source>Ordner des Datenbestands</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="87" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="89" />
        <source>&amp;Kennung:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="90" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="105" />
        <source>Bitte geben Sie den Namen der Beratungsstelle ein.</source>
        <translation>Please enter the name of the office.</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../ui/passphrase.py" line="20" />
        <source>sehr schwach</source>
        <translation>very weak</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="21" />
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="22" />
        <source>mittel</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="23" />
        <source>stark</source>
        <translation>strong</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="24" />
        <source>sehr stark</source>
        <translation>very strong</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="47" />
        <source>Neue Passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="52" />
        <source>Passphrase wiederholen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="58" />
        <source>Stärke der Passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="63" />
        <source>Bewertung der Passphrase</source>
        <translation>Passphrase rating</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="66" />
        <source>Tipp: ein Satz aus vier oder mehr Wörtern ist stark und gut zu merken.</source>
        <translation>Tip: a sentence of four or more words is strong and easy to remember.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="75" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="76" />
        <source>&amp;Wiederholen:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="77" />
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="98" />
        <source>Stärke: {word}</source>
        <translation>Strength: {word}</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="116" />
        <source>Diese Passphrase ist zu leicht zu erraten ({word}). Nehmen Sie einen Satz aus mehreren Wörtern, die nicht zusammengehören.</source>
        <translation>This passphrase is too easy to guess ({word}). Use a sentence of several words that do not belong together.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="122" />
        <source>Die beiden Eingaben stimmen nicht überein. Bitte noch einmal eingeben.</source>
        <translation>The two entries do not match. Please enter them again.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="195" />
        <source>Passphrase mit dem Wiederherstellungsschlüssel zurücksetzen</source>
        <translation>Reset a passphrase with the recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="199" />
        <source>Geben Sie den Wiederherstellungsschlüssel vom ausgedruckten Blatt ein (8 Gruppen zu 5 Zeichen; Bindestriche und Leerzeichen sind egal), wählen Sie den Benutzer und vergeben Sie eine neue Passphrase.</source>
        <translation>Enter the recovery key from the printed sheet (8 groups of 5 characters; hyphens and spaces do not matter), choose the user and set a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="208" />
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="214" />
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="223" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="229" />
        <source>Zurücksetzen und entsperren</source>
        <translation>Reset and unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="233" />
        <source>&amp;Schlüssel:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="234" />
        <source>&amp;Benutzer:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="282" />
        <source>Passphrase wird zurückgesetzt …</source>
        <translation>Resetting the passphrase …</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="226" />
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="229" />
        <source>Nur jetzt sichtbar: Drucken Sie ihn aus oder speichern Sie ihn als PDF, und verwahren Sie ihn verschlossen.</source>
        <translation>Visible only now: print it or save it as PDF, and keep it locked away.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="235" />
        <source>Mit diesem Schlüssel lässt sich jede Passphrase zurücksetzen, wenn sie vergessen wurde. Ohne Passphrase und ohne diesen Schlüssel sind die Daten verloren – niemand kann sie dann wiederherstellen.</source>
        <translation>This key resets any passphrase that was forgotten. Without a passphrase and without this key the data is lost – nobody can recover it then.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="253" />
        <source>Gruppe {n}</source>
        <translation>Group {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="258" />
        <source>&amp;Drucken …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="259" />
        <location filename="../../ui/wizard.py" line="314" />
        <source>Wiederherstellungsschlüssel drucken</source>
        <translation>Print the recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="260" />
        <source>Als &amp;PDF speichern …</source>
        <translation>Save as P&amp;DF …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="261" />
        <source>Wiederherstellungsschlüssel als PDF speichern</source>
        <translation>Save the recovery key as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="296" />
        <location filename="../../ui/wizard.py" line="346" />
        <source>Fallzahl – Wiederherstellungsschlüssel</source>
        <translation>Fallzahl – recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="300" />
        <source>Verschlossen aufbewahren. Wer diesen Schlüssel hat, kann jede Passphrase zurücksetzen und alle Daten lesen. Bei Verlust von Passphrase und Schlüssel sind die Daten nicht wiederherstellbar.</source>
        <translation>Keep locked away. Whoever has this key can reset any passphrase and read all data. If both passphrase and key are lost, the data cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="324" />
        <source>Als PDF speichern</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="324" />
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="356" />
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="114" />
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="118" />
        <source>Der aktuelle Datenbestand wird durch die Sicherung {file} ersetzt. Der bisherige Stand wird im selben Ordner aufbewahrt. Fallzahl wird dazu gesperrt; danach melden Sie sich neu an.

Zur Bestätigung: Die Passphrase von {user}, wie sie zur Zeit der Sicherung galt, oder der Wiederherstellungsschlüssel.</source>
        <translation>The current vault will be replaced by the backup {file}. The previous state is kept in the same folder. Fallzahl locks for this; afterwards you unlock again.

To confirm: the passphrase of {user} as it was when the backup was made, or the recovery key.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="127" />
        <source>&amp;Passphrase von {user}</source>
        <translation>&amp;Passphrase of {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="128" />
        <source>&amp;Wiederherstellungsschlüssel</source>
        <translation>&amp;Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="135" />
        <source>Passphrase oder Wiederherstellungsschlüssel</source>
        <translation>Passphrase or recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="139" />
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/wizard.py" line="423" />
        <source>Fallzahl einrichten</source>
        <translation>Set up Fallzahl</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="433" />
        <source>&amp;Weiter &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="434" />
        <source>&lt; &amp;Zurück</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="435" />
        <source>&amp;Fertig</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="436" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="452" />
        <source>Der Datenbestand ist angelegt. Haben Sie den Wiederherstellungsschlüssel ausgedruckt oder sicher notiert? Er wird nicht noch einmal angezeigt.</source>
        <translation>The vault has been created. Have you printed the recovery key or written it down safely? It will not be shown again.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="107" />
        <source>Fallzahl – Entsperren</source>
        <translation>Fallzahl – Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="108" />
        <source>Fallzahl entsperren</source>
        <translation>Unlock Fallzahl</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="109" />
        <source>&amp;Benutzer:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="110" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="111" />
        <source>&amp;Sprache:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="112" />
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="113" />
        <source>Passphrase &amp;vergessen?</source>
        <translation>&amp;Forgot passphrase?</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="114" />
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="115" />
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="116" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="117" />
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="118" />
        <source>Ordner des Datenbestands</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="119" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="146" />
        <source>In diesem Datenbestand ist kein Benutzer eingerichtet.</source>
        <translation>No user is set up in this vault.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="149" />
        <source>Bitte geben Sie Ihre Passphrase ein.</source>
        <translation>Please enter your passphrase.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="59" />
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="60" />
        <source>Kürzel, z. B. AB</source>
        <translation>Initials, e.g. AB</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="62" />
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="63" />
        <source>Berater*in</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="64" />
        <source>Leitung</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="69" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="78" />
        <source>Passphrase zurücksetzen: {user}</source>
        <translation>Reset passphrase: {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="83" />
        <source>Benutzer hinzufügen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="84" />
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="85" />
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="94" />
        <source>Bitte geben Sie einen Benutzernamen ein.</source>
        <translation>Please enter a user name.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="89" />
        <source>Ein unerwarteter Fehler ist aufgetreten. Bereits gespeicherte Daten sind nicht betroffen. Bitte starten Sie Fallzahl neu und melden Sie den Fehler mit der Protokolldatei:
{path}</source>
        <translation>An unexpected error occurred. Data already saved is not affected. Please restart Fallzahl and report the error with the log file:
{path}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="54" />
        <source>Fallzahl – Fehler</source>
        <translation>Fallzahl – Error</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="63" />
        <location filename="../../ui/dialogs.py" line="76" />
        <source>Fallzahl</source>
        <translation>Fallzahl</translation>
    </message>
</context>
</TS>