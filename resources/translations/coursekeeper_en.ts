<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Legg til person på «%1»</source>
        <translation>Add a person to “%1”</translation>
    </message>
    <message>
        <source>Søk på navn, e-post, telefon eller fødselsdato</source>
        <translation>Search by name, e-mail, phone or date of birth</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Født</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Søk først, så du ikke lager samme person to ganger.</source>
        <translation>Search first, so you do not create the same person twice.</translation>
    </message>
    <message>
        <source>Meld på valgt person</source>
        <translation>Enrol selected person</translation>
    </message>
    <message>
        <source>1. Finnes personen allerede?</source>
        <translation>1. Is the person already registered?</translation>
    </message>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>Opprett og meld på</source>
        <translation>Create and enrol</translation>
    </message>
    <message>
        <source>2. Eller opprett en ny person</source>
        <translation>2. Or create a new person</translation>
    </message>
    <message>
        <source>&amp;Fornavn:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Etternavn:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <source>Fø&amp;dselsdato:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <source>E-&amp;post:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>M&amp;unicipality:</translation>
    </message>
    <message>
        <source>Ta opp på kurset med en gang (venteliste hvis fullt)</source>
        <translation>Accept on the course right away (waiting list if full)</translation>
    </message>
    <message>
        <source>Kurset krever egnethetsvurdering før opptak.</source>
        <translation>The course requires a suitability screening before acceptance.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Søker …</source>
        <translation>Searching …</translation>
    </message>
    <message numerus="yes">
        <source>%n treff. Velg personen og trykk «Meld på valgt person».</source>
        <translation>
            <numerusform>%n match. Select the person and press “Enrol selected person”.</numerusform>
            <numerusform>%n matches. Select the person and press “Enrol selected person”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen treff. Opprett personen nedenfor.</source>
        <translation>Nobody found. Create the person below.</translation>
    </message>
    <message>
        <source>Velg en person i listen først.</source>
        <translation>Select a person in the list first.</translation>
    </message>
    <message>
        <source>Skriv fornavnet.</source>
        <translation>Enter the first name.</translation>
    </message>
    <message>
        <source>Skriv etternavnet.</source>
        <translation>Enter the last name.</translation>
    </message>
    <message>
        <source>Skriv datoen som dd.mm.åååå, for eksempel 09.04.1985.</source>
        <translation>Enter the date as dd.mm.yyyy, for example 09.04.1985.</translation>
    </message>
    <message>
        <source>Ugyldig e-postadresse.</source>
        <translation>Invalid e-mail address.</translation>
    </message>
    <message>
        <source>Finnes personen allerede?</source>
        <translation>Is the person already registered?</translation>
    </message>
    <message>
        <source>Disse personene er allerede registrert med samme navn:
%1

Opprette en ny person likevel?</source>
        <translation>These people are already registered with the same name:
%1

Create a new person anyway?</translation>
    </message>
    <message>
        <source>Opprett ny person</source>
        <translation>Create new person</translation>
    </message>
    <message>
        <source>Velg personen i listen og trykk «Meld på valgt person».</source>
        <translation>Select the person in the list and press “Enrol selected person”.</translation>
    </message>
    <message>
        <source>Melder på …</source>
        <translation>Enrolling …</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>Nytt oppdrag</source>
        <translation>New assignment</translation>
    </message>
    <message>
        <source>Oppdraget pågår fortsatt</source>
        <translation>The assignment is still ongoing</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>M&amp;unicipality:</translation>
    </message>
    <message>
        <source>&amp;Startdato:</source>
        <translation>&amp;Start date:</translation>
    </message>
    <message>
        <source>S&amp;luttdato:</source>
        <translation>&amp;End date:</translation>
    </message>
    <message>
        <source>M&amp;erknad:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Registrer oppdrag</source>
        <translation>Register assignment</translation>
    </message>
    <message>
        <source>Oppdrag som treningskontakt for %1.</source>
        <translation>Assignment as training contact for %1.</translation>
    </message>
    <message>
        <source>Velg en kommune fra listen, eller la feltet stå tomt.</source>
        <translation>Choose a municipality from the list, or leave the field empty.</translation>
    </message>
    <message>
        <source>Sluttdatoen kan ikke være før startdatoen.</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>Oppdraget varer kortere enn seks måneder.</source>
        <translation>The assignment lasts less than six months.</translation>
    </message>
    <message>
        <source>Seks måneder nås %1.</source>
        <translation>Six months are reached on %1.</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Oppmøte</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Piltastene flytter. Mellomrom krysser av for hele økten. Skriv et tall for timer (for eksempel 3,5). Endringer lagres med en gang.</source>
        <translation>Arrow keys move. Space ticks the whole session. Type a number for hours (for example 3.5). Changes are saved at once.</translation>
    </message>
    <message>
        <source>Alle til stede i valgt økt</source>
        <translation>Everyone present in the selected session</translation>
    </message>
    <message>
        <source>Krysser av alle som er tatt opp, for økten markøren står i (Ctrl+T)</source>
        <translation>Ticks everyone accepted, for the session the cursor is in (Ctrl+T)</translation>
    </message>
    <message>
        <source>Avslutt kurset …</source>
        <translation>Close the course …</translation>
    </message>
    <message>
        <source>Sett Fullført, Ikke fullført eller Møtte ikke for alle som er tatt opp, ut fra timene</source>
        <translation>Set Completed, Not completed or No-show for everyone accepted, from their hours</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Henter oppmøte …</source>
        <translation>Loading attendance …</translation>
    </message>
    <message>
        <source>%1 – fullført krever %2</source>
        <translation>%1 – completion requires %2</translation>
    </message>
    <message>
        <source>Alle som er tatt opp, får status ut fra timene sine: «Fullført» med minst %1, ellers «Ikke fullført», eller «Møtte ikke» uten oppmøte. Dette kan ikke angres.</source>
        <translation>Everyone accepted gets a status from their hours: “Completed” with at least %1, otherwise “Not completed”, or “No-show” without attendance. This cannot be undone.</translation>
    </message>
    <message>
        <source>Ingen deltakere er tatt opp på kurset ennå.</source>
        <translation>No participants have been accepted on the course yet.</translation>
    </message>
    <message>
        <source>Valgt økt: %1</source>
        <translation>Selected session: %1</translation>
    </message>
    <message>
        <source>Lagrer oppmøte …</source>
        <translation>Saving attendance …</translation>
    </message>
    <message>
        <source>Avslutt kurset</source>
        <translation>Close the course</translation>
    </message>
    <message>
        <source>Kurset har økter igjen: siste økt er %1.</source>
        <translation>The course has sessions left: the last session is on %1.</translation>
    </message>
    <message>
        <source>Avslutt likevel</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <source>Avslutter kurset …</source>
        <translation>Closing the course …</translation>
    </message>
    <message>
        <source>%1 fullførte, %2 fullførte ikke, %3 møtte ikke.</source>
        <translation>%1 completed, %2 did not complete, %3 did not show up.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Deltaker</source>
        <extracomment>``(enrolment_id, session_id, minutes, was)`` after the user changed a cell; ``was`` is what the cell showed before (None: empty), so a save over someone else&apos;s entry can be refused. A Norwegian message when typed hours could not be used.</extracomment>
        <translation>Participant</translation>
    </message>
    <message>
        <source>%1 t</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>ikke begynt</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Fullført</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Økten har ikke begynt ennå</source>
        <translation>The session has not started yet</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nei</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Skriv timer mellom 0 og %1 for økten %2.</source>
        <translation>Enter hours between 0 and %1 for the session on %2.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Ta sikkerhetskopi</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Velg …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Valgfritt, minst 8 tegn</source>
        <translation>Optional, at least 8 characters</translation>
    </message>
    <message>
        <source>&amp;Lagre i:</source>
        <translation>&amp;Save to:</translation>
    </message>
    <message>
        <source>&amp;Passord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Gjenta passordet:</source>
        <translation>&amp;Repeat the password:</translation>
    </message>
    <message>
        <source>En kopi som skal på minnepinne eller ut av huset, bør ha passord: da er den kryptert, og ingen kan lese den uten passordet. Glemmer du passordet, kan kopien ikke brukes.</source>
        <translation>A copy that goes on a USB stick or out of the office should have a password: it is then encrypted, and no one can read it without the password. If you forget the password, the copy cannot be used.</translation>
    </message>
    <message>
        <source>CourseKeeper-sikkerhetskopier (*.db *.ckbackup)</source>
        <translation>CourseKeeper backups (*.db *.ckbackup)</translation>
    </message>
    <message>
        <source>Passordet må ha minst 8 tegn.</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <source>Passordene er ikke like.</source>
        <translation>The passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Database og sikkerhetskopier</source>
        <translation>Database and backups</translation>
    </message>
    <message>
        <source>Ta sikkerhetskopi nå …</source>
        <translation>Back up now …</translation>
    </message>
    <message>
        <source>Gjenopprett fra sikkerhetskopi …</source>
        <translation>Restore from backup …</translation>
    </message>
    <message>
        <source>Ta sikkerhetskopi automatisk første gang programmet startes hver dag</source>
        <translation>Take a backup automatically the first time the program starts each day</translation>
    </message>
    <message>
        <source>… og når programmet lukkes</source>
        <translation>… and when the program closes</translation>
    </message>
    <message>
        <source>Standard: mappen backups i CourseKeepers datamappe</source>
        <translation>Default: the backups folder in CourseKeeper&apos;s data folder</translation>
    </message>
    <message>
        <source>Velg mappe …</source>
        <translation>Choose folder …</translation>
    </message>
    <message>
        <source>Lagre valgene</source>
        <translation>Save the choices</translation>
    </message>
    <message>
        <source>Lagre passordet</source>
        <translation>Save the password</translation>
    </message>
    <message>
        <source>Databasen ligger her:</source>
        <translation>The database is here:</translation>
    </message>
    <message>
        <source>Siste sikkerhetskopi:</source>
        <translation>Latest backup:</translation>
    </message>
    <message>
        <source>&amp;Mappe for automatiske kopier:</source>
        <translation>&amp;Folder for automatic copies:</translation>
    </message>
    <message>
        <source>Pass&amp;ord for automatiske kopier:</source>
        <translation>Pass&amp;word for automatic copies:</translation>
    </message>
    <message>
        <source>Henter sikkerhetskopiene …</source>
        <translation>Loading the backups …</translation>
    </message>
    <message>
        <source>Tas på serveren (se under)</source>
        <translation>Taken on the server (see below)</translation>
    </message>
    <message>
        <source>Ingen ennå</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Et passord er lagret i operativsystemets passordlager: de automatiske kopiene krypteres.</source>
        <translation>A password is saved in the operating system&apos;s credential store: the automatic copies are encrypted.</translation>
    </message>
    <message>
        <source>Uten passord er de automatiske kopiene ikke kryptert.</source>
        <translation>Without a password the automatic copies are not encrypted.</translation>
    </message>
    <message>
        <source>Mappe for automatiske kopier</source>
        <translation>Folder for automatic copies</translation>
    </message>
    <message>
        <source>Lagrer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Valgene for sikkerhetskopier er lagret.</source>
        <translation>The backup choices are saved.</translation>
    </message>
    <message>
        <source>Lagrer passordet …</source>
        <translation>Saving the password …</translation>
    </message>
    <message>
        <source>Tar sikkerhetskopi …</source>
        <translation>Backing up …</translation>
    </message>
    <message>
        <source>Sikkerhetskopien er lagret i %1</source>
        <translation>The backup is saved in %1</translation>
    </message>
    <message>
        <source>Gjenopprett fra sikkerhetskopi</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Alt som er registrert nå, erstattes med innholdet i
%1

Den nåværende databasen blir først kopiert til mappen for sikkerhetskopier.</source>
        <translation>Everything registered now is replaced by the contents of
%1

The current database is first copied to the backups folder.</translation>
    </message>
    <message>
        <source>Gjenopprett</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Passord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sikkerhetskopien er beskyttet med passord. Skriv inn passordet.</source>
        <translation>The backup is protected with a password. Type the password.</translation>
    </message>
    <message>
        <source>Gjenoppretter …</source>
        <translation>Restoring …</translation>
    </message>
    <message>
        <source>Databasen er gjenopprettet. Den forrige databasen ble lagret som %1</source>
        <translation>The database has been restored. The previous database was saved as %1</translation>
    </message>
</context>
<context>
    <name>BatchScreeningDialog</name>
    <message>
        <source>Egnethetsvurdering for %1 deltakere</source>
        <translation>Screening for %1 participants</translation>
    </message>
    <message>
        <source>Samme vurdering for: %1.</source>
        <translation>The same screening for: %1.</translation>
    </message>
    <message>
        <source>Tomme felt beholder det som står i hver vurdering fra før. Notatene er personopplysninger og skrives i loggen.</source>
        <translation>Empty fields keep what each screening already says. The notes are personal data and are written to the log.</translation>
    </message>
    <message>
        <source>Valgfritt: samme notat til alle</source>
        <translation>Optional: the same note for everyone</translation>
    </message>
    <message>
        <source>Avslå søknadene samtidig</source>
        <translation>Reject the applications as well</translation>
    </message>
    <message>
        <source>&amp;Vurdering:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Intervjuet av:</source>
        <translation>&amp;Interviewed by:</translation>
    </message>
    <message>
        <source>&amp;Notater:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Lagre vurderingene</source>
        <translation>Save the screenings</translation>
    </message>
</context>
<context>
    <name>CertificatesView</name>
    <message>
        <source>Kursbevis</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Alle kurs</source>
        <translation>All courses</translation>
    </message>
    <message>
        <source>Søk etter nummer, navn eller kurs (Ctrl+F)</source>
        <translation>Search by number, name or course (Ctrl+F)</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Lagre som PDF …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Utsted kursbevis …</source>
        <translation>Issue certificates …</translation>
    </message>
    <message>
        <source>Vis hvem på kurset som får kursbevis, og utsted dem (Ctrl+N)</source>
        <translation>Show who on the course gets a certificate, and issue them (Ctrl+N)</translation>
    </message>
    <message>
        <source>Tilbakekall …</source>
        <translation>Revoke …</translation>
    </message>
    <message>
        <source>Registrer duplikat …</source>
        <translation>Register duplicate …</translation>
    </message>
    <message>
        <source>Et nytt eksemplar med samme nummer, merket som duplikat</source>
        <translation>A new copy with the same number, marked as a duplicate</translation>
    </message>
    <message>
        <source>Kontroller kursbevis …</source>
        <translation>Verify certificate …</translation>
    </message>
    <message>
        <source>&amp;Kurs:</source>
        <translation>&amp;Course:</translation>
    </message>
    <message>
        <source>Åpne personen</source>
        <translation>Open person</translation>
    </message>
    <message>
        <source>Tilbakekaller kursbevis …</source>
        <translation>Revoking certificate …</translation>
    </message>
    <message>
        <source>Kursbevis %1 er tilbakekalt.</source>
        <translation>Certificate %1 has been revoked.</translation>
    </message>
    <message>
        <source>Registrer duplikat</source>
        <translation>Register duplicate</translation>
    </message>
    <message>
        <source>Kursbevis %1 for %2 får et nytt eksemplar med samme nummer, merket som duplikat. Registrere duplikatet nå?</source>
        <translation>Certificate %1 for %2 gets a new copy with the same number, marked as a duplicate. Register the duplicate now?</translation>
    </message>
    <message>
        <source>Registrerer duplikat …</source>
        <translation>Registering duplicate …</translation>
    </message>
    <message>
        <source>Kursbevis %1 for %2 er registrert som duplikat nr. %3, datert %4.</source>
        <translation>Certificate %1 for %2 is registered as duplicate no. %3, dated %4.</translation>
    </message>
    <message>
        <source>Henter kursbevisregisteret …</source>
        <translation>Loading the certificate register …</translation>
    </message>
    <message>
        <source>Skriv ut valgte (%1) …</source>
        <translation>Print selected (%1) …</translation>
    </message>
    <message>
        <source>Lagre valgte som PDF (%1) …</source>
        <translation>Save selected as PDF (%1) …</translation>
    </message>
    <message>
        <source>Kursbevis som er skrevet ut før, blir merket og registrert som duplikat.</source>
        <translation>Certificates printed before are marked and registered as duplicates.</translation>
    </message>
    <message>
        <source>Skriv ut kurset …</source>
        <translation>Print the course …</translation>
    </message>
    <message>
        <source>Lagre kurset som PDF …</source>
        <translation>Save the course as PDF …</translation>
    </message>
    <message>
        <source>Alle gyldige kursbevis på kurset som er valgt over. Velg rader for å skrive ut bare dem.</source>
        <translation>Every valid certificate of the course chosen above. Select rows to print only those.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Korriger postering</source>
        <translation>Correct entry</translation>
    </message>
    <message>
        <source>%1 på %2 for %3, datert %4.</source>
        <translation>%1 of %2 for %3, dated %4.</translation>
    </message>
    <message>
        <source>Posteringer endres aldri. Korrigeringen føres som en ny postering på %1, og begge vises i oversikten.</source>
        <translation>Entries are never changed. The correction is recorded as a new entry of %1, and both are shown in the ledger.</translation>
    </message>
    <message>
        <source>For eksempel: registrert på feil person</source>
        <translation>For example: recorded on the wrong person</translation>
    </message>
    <message>
        <source>Registrer korrigering</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <source>Skriv hvorfor posteringen korrigeres.</source>
        <translation>Enter why the entry is corrected.</translation>
    </message>
</context>
<context>
    <name>CourseCombo</name>
    <message>
        <source>Henter kurs …</source>
        <extracomment>Emitted after the list was (re)filled.</extracomment>
        <translation>Loading courses …</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Nytt kurs</source>
        <translation>New course</translation>
    </message>
    <message>
        <source>Rediger kurs</source>
        <translation>Edit course</translation>
    </message>
    <message>
        <source>F.eks. Treningskontaktkurs Øygarden 2026</source>
        <translation>E.g. Training contact course Øygarden 2026</translation>
    </message>
    <message>
        <source>Begynn å skrive, velg fra listen</source>
        <translation>Start typing, choose from the list</translation>
    </message>
    <message>
        <source>Én per linje, for eksempel Helse Bergen</source>
        <translation>One per line, for example Helse Bergen</translation>
    </message>
    <message>
        <source>Ingen egenandel på dette kurset</source>
        <translation>No deposit on this course</translation>
    </message>
    <message>
        <source>dd.mm.åååå (tomt: ikke bindende)</source>
        <translation>dd.mm.yyyy (empty: not binding)</translation>
    </message>
    <message>
        <source>tomt: alle timene</source>
        <translation>empty: all hours</translation>
    </message>
    <message>
        <source>Søkere må vurderes som egnet før de tas opp</source>
        <translation>Applicants must be screened as suitable before acceptance</translation>
    </message>
    <message>
        <source>Ett tema per linje (skrives på kursbeviset)</source>
        <translation>One topic per line (printed on the certificate)</translation>
    </message>
    <message>
        <source>Kurset</source>
        <translation>The course</translation>
    </message>
    <message>
        <source>&amp;Tittel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Vertskommune:</source>
        <translation>&amp;Host municipality:</translation>
    </message>
    <message>
        <source>&amp;Sted:</source>
        <translation>&amp;Venue:</translation>
    </message>
    <message>
        <source>Sa&amp;marbeidspartnere:</source>
        <translation>Co-&amp;organisers:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>T&amp;emaer:</source>
        <translation>T&amp;opics:</translation>
    </message>
    <message>
        <source>Plasser og egenandel</source>
        <translation>Seats and deposit</translation>
    </message>
    <message>
        <source>&amp;Plasser:</source>
        <translation>&amp;Seats:</translation>
    </message>
    <message>
        <source>&amp;Egenandel (kr):</source>
        <translation>&amp;Deposit (NOK):</translation>
    </message>
    <message>
        <source>&amp;Bindende fra:</source>
        <translation>&amp;Binding from:</translation>
    </message>
    <message>
        <source>Påkrevde t&amp;imer:</source>
        <translation>Required &amp;hours:</translation>
    </message>
    <message>
        <source>Økter</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Henter kurset …</source>
        <translation>Loading the course …</translation>
    </message>
    <message>
        <source>Skriv en tittel på kurset.</source>
        <translation>Enter a title for the course.</translation>
    </message>
    <message>
        <source>Egenandelen kan ikke være negativ.</source>
        <translation>The deposit cannot be negative.</translation>
    </message>
    <message>
        <source>Skriv et beløp i kroner, for eksempel 1000.</source>
        <translation>Enter an amount in kroner, for example 1000.</translation>
    </message>
    <message>
        <source>Skriv datoen som dd.mm.åååå, for eksempel 01.03.2026.</source>
        <translation>Enter the date as dd.mm.yyyy, for example 01.03.2026.</translation>
    </message>
    <message>
        <source>Skriv antall timer, for eksempel 15 eller 7,5.</source>
        <translation>Enter the number of hours, for example 15 or 7.5.</translation>
    </message>
    <message>
        <source>Legg til minst én økt (dag) for kurset.</source>
        <translation>Add at least one session (day) for the course.</translation>
    </message>
    <message>
        <source>Kurset har bare %1 til sammen.</source>
        <translation>The course has only %1 in total.</translation>
    </message>
    <message>
        <source>Lagrer kurset …</source>
        <translation>Saving the course …</translation>
    </message>
    <message>
        <source>Vil du likevel sette kurset som avsluttet nå?</source>
        <translation>Do you want to close the course now anyway?</translation>
    </message>
    <message>
        <source>Avslutt kurset</source>
        <translation>Close the course</translation>
    </message>
    <message>
        <source>Avslutt likevel</source>
        <translation>Close anyway</translation>
    </message>
</context>
<context>
    <name>CourseDocumentsButton</name>
    <message>
        <source>Utskrift og eksport</source>
        <translation>Print and export</translation>
    </message>
    <message>
        <source>Utsted kursbevis …</source>
        <translation>Issue certificates …</translation>
    </message>
    <message>
        <source>Skriv ut kursbevis …</source>
        <translation>Print certificates …</translation>
    </message>
    <message>
        <source>Kursbevis (PDF) …</source>
        <translation>Certificates (PDF) …</translation>
    </message>
    <message>
        <source>Alle gyldige kursbevis på kurset; de som er skrevet ut før, merkes som duplikat</source>
        <translation>Every valid certificate of the course; those printed before are marked as duplicates</translation>
    </message>
    <message>
        <source>Skriv ut brev om tilbakebetaling …</source>
        <translation>Print refund letters …</translation>
    </message>
    <message>
        <source>Brev om tilbakebetaling (PDF) …</source>
        <translation>Refund letters (PDF) …</translation>
    </message>
    <message>
        <source>Et brev til hver deltaker på kurset som skal ha egenandelen tilbake i dag</source>
        <translation>A letter to each participant of the course whose deposit is due back today</translation>
    </message>
    <message>
        <source>Oppmøtelister (PDF) …</source>
        <translation>Sign-in sheets (PDF) …</translation>
    </message>
    <message>
        <source>Lagre oppmøtelister for hver økt som PDF, klare til utskrift</source>
        <translation>Save sign-in sheets for every session as a PDF, ready to print</translation>
    </message>
    <message>
        <source>Deltakerliste (Excel) …</source>
        <translation>Participant list (Excel) …</translation>
    </message>
    <message>
        <source>Oppmøte (Excel) …</source>
        <translation>Attendance (Excel) …</translation>
    </message>
    <message>
        <source>Egenandeler (Excel) …</source>
        <translation>Deposits (Excel) …</translation>
    </message>
    <message>
        <source>Tilbakebetalinger (Excel) …</source>
        <translation>Refunds (Excel) …</translation>
    </message>
    <message>
        <source>Kursbevisregister (Excel) …</source>
        <translation>Certificate register (Excel) …</translation>
    </message>
    <message>
        <source>Oppfølgingsliste til kommunen (Excel) …</source>
        <translation>Follow-up sheet for the municipality (Excel) …</translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message>
        <source>← Alle kurs</source>
        <translation>← All courses</translation>
    </message>
    <message>
        <source>Rediger kurset …</source>
        <translation>Edit course …</translation>
    </message>
    <message>
        <source>Oppmøte …</source>
        <translation>Attendance …</translation>
    </message>
    <message>
        <source>Søk etter navn eller kommune</source>
        <translation>Search by name or municipality</translation>
    </message>
    <message>
        <source>Alle påmeldinger</source>
        <translation>All enrolments</translation>
    </message>
    <message>
        <source>Vis:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Legg til person …</source>
        <translation>Add person …</translation>
    </message>
    <message>
        <source>Søk opp en person som finnes, eller opprett en ny (Ctrl+N)</source>
        <translation>Find an existing person, or create a new one (Ctrl+N)</translation>
    </message>
    <message>
        <source>Importer deltakerliste …</source>
        <translation>Import participant list …</translation>
    </message>
    <message>
        <source>Les inn en deltakerliste fra Excel (xlsx, xls eller ods)</source>
        <translation>Read a participant list from Excel (xlsx, xls or ods)</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vurdering</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>Egenandel</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Kursbevis</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Søkt</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Henter kurset …</source>
        <translation>Loading the course …</translation>
    </message>
    <message numerus="yes">
        <source>%1 av %Ln plasser</source>
        <translation>
            <numerusform>%1 of %Ln seat</numerusform>
            <numerusform>%1 of %Ln seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 av %Ln påmeldinger vises</source>
        <translation>
            <numerusform>%1 of %Ln enrolment shown</numerusform>
            <numerusform>%1 of %Ln enrolments shown</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 på venteliste</source>
        <translation>%1 on the waiting list</translation>
    </message>
    <message>
        <source>egenandel %1</source>
        <translation>deposit %1</translation>
    </message>
    <message>
        <source>ingen egenandel</source>
        <translation>no deposit</translation>
    </message>
    <message>
        <source>bindende fra %1</source>
        <translation>binding from %1</translation>
    </message>
</context>
<context>
    <name>CoursesView</name>
    <message>
        <source>Kurs</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>Søk i tittel, kommune eller sted (Ctrl+F)</source>
        <translation>Search title, municipality or venue (Ctrl+F)</translation>
    </message>
    <message>
        <source>Alle statuser</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Nytt kurs …</source>
        <translation>New course …</translation>
    </message>
    <message>
        <source>Opprett et nytt kurs (Ctrl+N)</source>
        <translation>Create a new course (Ctrl+N)</translation>
    </message>
    <message>
        <source>Les inn oppfølgingsliste …</source>
        <translation>Read follow-up sheet …</translation>
    </message>
    <message>
        <source>Les inn oppdragene kommunen har fylt ut i oppfølgingslisten og sendt tilbake</source>
        <translation>Read the assignments the municipality filled in on the follow-up sheet and sent back</translation>
    </message>
    <message>
        <source>Åpne kurset</source>
        <translation>Open course</translation>
    </message>
    <message>
        <source>År:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Kommune:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slutt</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Plasser</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Venteliste</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <source>Henter kurs …</source>
        <translation>Loading courses …</translation>
    </message>
    <message>
        <source>Alle år</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Alle kommuner</source>
        <translation>All municipalities</translation>
    </message>
    <message numerus="yes">
        <source>%n kurs</source>
        <translation>
            <numerusform>%n course</numerusform>
            <numerusform>%n courses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Viser %1 av %n kurs</source>
        <translation>
            <numerusform>Showing %1 of %n course</numerusform>
            <numerusform>Showing %1 of %n courses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatedReasonDialog</name>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Begrunnelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>DepositActionsPanel</name>
    <message>
        <source>Navn</source>
        <extracomment>A line for the user about what was just recorded.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Åpne personen</source>
        <translation>Open person</translation>
    </message>
    <message>
        <source>Åpne kurset</source>
        <translation>Open course</translation>
    </message>
    <message>
        <source>&amp;Per dato:</source>
        <translation>&amp;As of:</translation>
    </message>
    <message>
        <source>Registrerer beholdte egenandeler …</source>
        <translation>Recording kept deposits …</translation>
    </message>
    <message>
        <source>Egenandel beholdt: %1.</source>
        <translation>Deposit kept: %1.</translation>
    </message>
    <message>
        <source>Egenandeler beholdt for %2 deltakere: til sammen %1.</source>
        <translation>Deposits kept for %2 participants: %1 in total.</translation>
    </message>
    <message>
        <source>Registrerer tilbakebetalinger …</source>
        <translation>Recording refunds …</translation>
    </message>
</context>
<context>
    <name>DepositStatusPanel</name>
    <message>
        <source>Registrer innbetaling …</source>
        <translation>Record payment …</translation>
    </message>
    <message>
        <source>Tilbakebetal …</source>
        <translation>Refund …</translation>
    </message>
    <message>
        <source>Behold egenandel …</source>
        <translation>Keep deposit …</translation>
    </message>
    <message>
        <source>Påmelding</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>Egenandel</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Innbetalt</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Innestående</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Henter egenandeler …</source>
        <translation>Loading deposits …</translation>
    </message>
    <message>
        <source>Tilbakebetaling registrert: %1.</source>
        <translation>Refund recorded: %1.</translation>
    </message>
    <message>
        <source>Tilbakebetalinger registrert for %2 deltakere: til sammen %1.</source>
        <translation>Refunds recorded for %2 participants: %1 in total.</translation>
    </message>
</context>
<context>
    <name>DepositsView</name>
    <message>
        <source>Egenandeler</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <source>Alle kurs</source>
        <translation>All courses</translation>
    </message>
    <message>
        <source>Søk etter navn, kurs eller referanse (Ctrl+F)</source>
        <translation>Search by name, course or reference (Ctrl+F)</translation>
    </message>
    <message>
        <source>Deltakere</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Posteringer</source>
        <translation>Ledger entries</translation>
    </message>
    <message>
        <source>Til tilbakebetaling</source>
        <translation>Refunds due</translation>
    </message>
    <message>
        <source>Kan beholdes</source>
        <translation>May be kept</translation>
    </message>
    <message>
        <source>&amp;Kurs:</source>
        <translation>&amp;Course:</translation>
    </message>
    <message>
        <source>Velg først deltakerne som har betalt i listen «Deltakere», og trykk Ctrl+N igjen.</source>
        <translation>First select the participants who have paid in the “Participants” list, then press Ctrl+N again.</translation>
    </message>
</context>
<context>
    <name>DuplicatesList</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Født</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mulig samme som</source>
        <translation>Possibly the same as</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Samme e-post</source>
        <translation>Same e-mail</translation>
    </message>
    <message>
        <source>Samme navn og fødselsdato</source>
        <translation>Same name and birth date</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <source>Navn</source>
        <extracomment>The service&apos;s reason for an unpaid deposit (Norwegian, or in the chosen language once translated).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kursbevis</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Hvorfor ikke</source>
        <translation>Why not</translation>
    </message>
    <message>
        <source>Har %1</source>
        <translation>Has %1</translation>
    </message>
    <message>
        <source>Får kursbevis</source>
        <translation>Gets a certificate</translation>
    </message>
    <message>
        <source>Får ikke</source>
        <translation>Does not get one</translation>
    </message>
</context>
<context>
    <name>EndAssignmentDialog</name>
    <message>
        <source>Avslutt oppdrag</source>
        <translation>End assignment</translation>
    </message>
    <message>
        <source>uten kommune</source>
        <translation>without municipality</translation>
    </message>
    <message>
        <source>Oppdrag i %1, startet %2.</source>
        <translation>Assignment in %1, started %2.</translation>
    </message>
    <message>
        <source>&amp;Sluttdato:</source>
        <translation>&amp;End date:</translation>
    </message>
    <message>
        <source>Sluttdatoen kan ikke være før startdatoen.</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>Henter oppdraget …</source>
        <translation>Loading the assignment …</translation>
    </message>
    <message>
        <source>pågår fortsatt</source>
        <translation>still running</translation>
    </message>
</context>
<context>
    <name>EnrolmentActions</name>
    <message>
        <source>Gi plass på kurset (venteliste når kurset er fullt)</source>
        <extracomment>Batch key → the state it moves to. Shown on the page as buttons; the rest sit in the «Kursbevis» menu and the context menu. The capability (services.permissions) each action needs; the rest only read.</extracomment>
        <translation>Give a seat on the course (waiting list when the course is full)</translation>
    </message>
    <message>
        <source>Trekk påmeldingene (Delete)</source>
        <translation>Withdraw the enrolments (Delete)</translation>
    </message>
    <message>
        <source>Tatt opp, men kom aldri</source>
        <translation>Accepted, but never came</translation>
    </message>
    <message>
        <source>Åpne vurderingen med notater (logges), eller gi flere samme vurdering</source>
        <translation>Open the screening with notes (logged), or give several the same outcome</translation>
    </message>
    <message>
        <source>Åpner utstedelsen med de valgte deltakerne merket</source>
        <translation>Opens issuing with the selected participants marked</translation>
    </message>
    <message>
        <source>Kursbevis</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Åpne personen</source>
        <translation>Open person</translation>
    </message>
    <message>
        <source>Ta opp</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Sett på venteliste</source>
        <translation>Put on waiting list</translation>
    </message>
    <message>
        <source>Avslå …</source>
        <translation>Reject …</translation>
    </message>
    <message>
        <source>Trekk …</source>
        <translation>Withdraw …</translation>
    </message>
    <message>
        <source>Møtte ikke …</source>
        <translation>No-show …</translation>
    </message>
    <message>
        <source>Egnethetsvurdering …</source>
        <translation>Screening …</translation>
    </message>
    <message>
        <source>Registrer innbetaling …</source>
        <translation>Record payment …</translation>
    </message>
    <message>
        <source>Utsted kursbevis til de valgte …</source>
        <translation>Issue certificates to the selected …</translation>
    </message>
    <message>
        <source>Skriv ut kursbevisene til de valgte …</source>
        <translation>Print certificates of the selected …</translation>
    </message>
    <message>
        <source>Lagre kursbevisene til de valgte som PDF …</source>
        <translation>Save certificates of the selected as PDF …</translation>
    </message>
    <message>
        <source>Sjekker …</source>
        <translation>Checking …</translation>
    </message>
    <message>
        <source>Vil du fortsette?</source>
        <translation>Do you want to continue?</translation>
    </message>
    <message>
        <source>Lagrer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Lagrer vurderingene …</source>
        <translation>Saving the screenings …</translation>
    </message>
    <message>
        <source>Vurderingen «%1» er lagret for %2 deltakere.</source>
        <translation>The screening “%1” has been saved for %2 participants.</translation>
    </message>
    <message>
        <source>Fått avslag (%1): %2</source>
        <translation>Rejected (%1): %2</translation>
    </message>
    <message>
        <source>Henter egenandeler …</source>
        <translation>Loading deposits …</translation>
    </message>
    <message>
        <source>De valgte har ikke noe utestående egenandel.</source>
        <translation>The selected have no outstanding deposit.</translation>
    </message>
    <message>
        <source>Finner kursbevisene …</source>
        <translation>Finding the certificates …</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Velg utfylt oppfølgingsliste</source>
        <translation>Choose the filled-in follow-up sheet</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Les inn oppfølgingsliste</source>
        <translation>Read follow-up sheet</translation>
    </message>
    <message>
        <source>Velg oppfølgingslisten kommunen har fylt ut og sendt tilbake.</source>
        <translation>Choose the follow-up sheet the municipality filled in and sent back.</translation>
    </message>
    <message>
        <source>Hva</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ark</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Velg fil …</source>
        <translation>&amp;Choose file …</translation>
    </message>
    <message>
        <source>&amp;Lagre oppdragene</source>
        <translation>&amp;Save the assignments</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Leser «%1» …</source>
        <translation>Reading “%1” …</translation>
    </message>
    <message>
        <source>Opprettes: %1 · oppdateres: %2 · uendret: %3 · avvist: %4 · konflikter: %5</source>
        <translation>To create: %1 · to update: %2 · unchanged: %3 · refused: %4 · conflicts: %5</translation>
    </message>
    <message>
        <source>Opprettet: %1 · oppdatert: %2 · uendret: %3 · avvist: %4 · konflikter: %5</source>
        <translation>Created: %1 · updated: %2 · unchanged: %3 · refused: %4 · conflicts: %5</translation>
    </message>
    <message>
        <source>Ingenting er lagret ennå. Trykk «Lagre oppdragene» for å lagre.</source>
        <translation>Nothing is saved yet. Press “Save the assignments” to save.</translation>
    </message>
    <message>
        <source>Oppdragene er lagret. Avviste rader og konflikter er ikke endret.</source>
        <translation>The assignments are saved. Refused rows and conflicts were not changed.</translation>
    </message>
    <message>
        <source>Avvist</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Konflikt</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>ForfeitCandidatesPanel</name>
    <message>
        <source>Egenandeler der kursets frist for å starte oppdrag er passert uten et oppdrag som kan gi tilbakebetaling. Pengene beholdes først når du registrerer det.</source>
        <translation>Deposits where the course&apos;s deadline for starting an assignment has passed without an assignment that can give a refund. The money is only kept once you record it.</translation>
    </message>
    <message>
        <source>Behold egenandel …</source>
        <translation>Keep deposit …</translation>
    </message>
    <message>
        <source>Beløp</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Frist for å starte oppdrag</source>
        <translation>Deadline for starting an assignment</translation>
    </message>
    <message>
        <source>Finner egenandeler som kan beholdes …</source>
        <translation>Finding deposits that may be kept …</translation>
    </message>
</context>
<context>
    <name>ForfeitDialog</name>
    <message>
        <source>Behold egenandel</source>
        <translation>Keep deposit</translation>
    </message>
    <message>
        <source>Egenandelen til %1 (%2) beholdes og betales ikke tilbake.</source>
        <translation>The deposit of %1 (%2) is kept and not paid back.</translation>
    </message>
    <message>
        <source>Egenandelene til %1 deltakere (til sammen %2) beholdes og betales ikke tilbake.</source>
        <translation>The deposits of %1 participants (%2 in total) are kept and not paid back.</translation>
    </message>
    <message>
        <source>For eksempel: fristen for å starte oppdrag er passert</source>
        <translation>For example: the deadline for starting an assignment has passed</translation>
    </message>
    <message>
        <source>Skriv hvorfor egenandelen beholdes.</source>
        <translation>Enter why the deposit is kept.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Avbryt</source>
        <extracomment>True for an action that cannot be taken back: Enter then means Cancel, not OK.</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Datoen kan ikke være fram i tid.</source>
        <translation>The date cannot be in the future.</translation>
    </message>
</context>
<context>
    <name>Housekeeping</name>
    <message>
        <source>Tar sikkerhetskopi …</source>
        <translation>Backing up …</translation>
    </message>
    <message>
        <source>Innstillinger …</source>
        <translation>Settings …</translation>
    </message>
    <message>
        <source>Personvern: %1 Se listen og bekreft under Innstillinger.</source>
        <translation>Privacy: %1 See the list and confirm under Settings.</translation>
    </message>
    <message>
        <source>Personvern</source>
        <translation>Privacy</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Velg deltakerliste</source>
        <translation>Choose participant list</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx *.xlsm *.xls *.ods);;Alle filer (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>Les inn deltakerliste</source>
        <translation>Import participant list</translation>
    </message>
    <message>
        <source>&lt; &amp;Tilbake</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Neste &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Les inn &amp;alle</source>
        <translation>Import &amp;all</translation>
    </message>
    <message>
        <source>Les inn bare &amp;gyldige rader</source>
        <translation>Import only &amp;valid rows</translation>
    </message>
    <message>
        <source>Radene med feil lagres i en egen fil som kan rettes og leses inn på nytt</source>
        <translation>Rows with errors are saved in a separate file that can be corrected and imported again</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Velg regnearket med deltakerne (xlsx, xlsm, xls eller ods). Overskriftsraden kan stå under en tittel; kolonnene kjennes igjen på navnet, og du kan rette valget etterpå.</source>
        <translation>Choose the spreadsheet with the participants (xlsx, xlsm, xls or ods). The header row may be below a title; columns are recognised by their names, and you can correct the choice afterwards.</translation>
    </message>
    <message>
        <source>&amp;Velg fil …</source>
        <translation>&amp;Choose file …</translation>
    </message>
    <message>
        <source>&amp;Ark:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>Åpne &amp;feilfilen</source>
        <translation>Open the &amp;error file</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Leser «%1» …</source>
        <translation>Reading “%1” …</translation>
    </message>
    <message>
        <source> Kolonnevalget du gjorde sist for en fil med de samme overskriftene er brukt.</source>
        <translation> The column choice you made last time for a file with the same headers has been used.</translation>
    </message>
    <message>
        <source>Overskriftene står i rad %1 på arket «%2». Kontroller hvilken kolonne som er hva.</source>
        <translation>The headers are in row %1 of the sheet “%2”. Check which column is which.</translation>
    </message>
    <message>
        <source>Filen har flere ark med data. Velg arket med deltakerlisten.</source>
        <translation>The file has several sheets with data. Choose the sheet with the participant list.</translation>
    </message>
    <message numerus="yes">
        <source>%n nye · %1 oppdateres · %2 uendret · %3 med feil · %4 hoppes over</source>
        <translation>
            <numerusform>%n new · %1 to update · %2 unchanged · %3 with errors · %4 skipped</numerusform>
            <numerusform>%n new · %1 to update · %2 unchanged · %3 with errors · %4 skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Leser inn deltakere …</source>
        <translation>Importing participants …</translation>
    </message>
    <message numerus="yes">
        <source>Lest inn: %n nye, %1 oppdatert, %2 uendret.</source>
        <translation>
            <numerusform>Imported: %n new, %1 updated, %2 unchanged.</numerusform>
            <numerusform>Imported: %n new, %1 updated, %2 unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n betalinger er registrert.</source>
        <translation>
            <numerusform>%n payment recorded.</numerusform>
            <numerusform>%n payments recorded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alle er meldt på som «Søkt»; opptak gjøres på kurssiden.</source>
        <translation>Everyone is enrolled as “Applied”; acceptance is done on the course page.</translation>
    </message>
    <message numerus="yes">
        <source>%n rader med feil ble ikke lest inn. De er lagret i:
%1</source>
        <translation>
            <numerusform>%n row with errors was not imported. It is saved in:
%1</numerusform>
            <numerusform>%n rows with errors were not imported. They are saved in:
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueCertificatesDialog</name>
    <message>
        <source>Utsted kursbevis</source>
        <translation>Issue certificates</translation>
    </message>
    <message>
        <source>Utsted for valgte</source>
        <translation>Issue for selected</translation>
    </message>
    <message>
        <source>Utsted kursbevis bare til de valgte deltakerne</source>
        <translation>Issue certificates only to the selected participants</translation>
    </message>
    <message>
        <source>Registrer innbetaling …</source>
        <translation>Record payment …</translation>
    </message>
    <message>
        <source>Registrer egenandelen for de valgte som ikke har betalt (dobbeltklikk gjør det samme)</source>
        <translation>Record the deposit for the selected who have not paid (double-click does the same)</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Kurs:</source>
        <translation>&amp;Course:</translation>
    </message>
    <message>
        <source>&amp;Utstedt dato:</source>
        <translation>&amp;Issue date:</translation>
    </message>
    <message>
        <source>Henter kurset …</source>
        <translation>Loading the course …</translation>
    </message>
    <message>
        <source>Vurderer hvem som får kursbevis …</source>
        <translation>Checking who gets a certificate …</translation>
    </message>
    <message>
        <source>%1 får kursbevis · %2 får ikke · %3 har allerede</source>
        <translation>%1 get a certificate · %2 do not · %3 already have one</translation>
    </message>
    <message numerus="yes">
        <source>Utsted %n kursbevis</source>
        <translation>
            <numerusform>Issue %n certificate</numerusform>
            <numerusform>Issue %n certificates</numerusform>
        </translation>
    </message>
    <message>
        <source>Henter egenandeler …</source>
        <translation>Loading deposits …</translation>
    </message>
    <message>
        <source>Utsteder kursbevis …</source>
        <translation>Issuing certificates …</translation>
    </message>
    <message>
        <source>Kursbevis utstedt</source>
        <translation>Certificates issued</translation>
    </message>
    <message numerus="yes">
        <source>%n kursbevis er utstedt:</source>
        <translation>
            <numerusform>%n certificate has been issued:</numerusform>
            <numerusform>%n certificates have been issued:</numerusform>
        </translation>
    </message>
    <message>
        <source>Vil du skrive dem ut nå?</source>
        <translation>Do you want to print them now?</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Lagre som PDF …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Ikke nå</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>KeyFiguresView</name>
    <message>
        <source>Nøkkeltall</source>
        <extracomment>Emitted after the charts and tables were filled (tests wait on it).</extracomment>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Hele registeret</source>
        <translation>Whole register</translation>
    </message>
    <message>
        <source>Ett kursår</source>
        <translation>One course year</translation>
    </message>
    <message>
        <source>Én kommune</source>
        <translation>One municipality</translation>
    </message>
    <message>
        <source>Ett kurs</source>
        <translation>One course</translation>
    </message>
    <message>
        <source>Lagre rapport som Excel …</source>
        <translation>Save report as Excel …</translation>
    </message>
    <message>
        <source>Arbeidsbok med tabeller, andeler som formler og diagrammer</source>
        <translation>Workbook with tables, rates as formulas and charts</translation>
    </message>
    <message>
        <source>Lagre rapport som PDF …</source>
        <translation>Save report as PDF …</translation>
    </message>
    <message>
        <source>En kort rapport på én eller to A4-sider, til styret eller fylket</source>
        <translation>A short report on one or two A4 pages, for the board or the county</translation>
    </message>
    <message>
        <source>&amp;Per dato:</source>
        <translation>&amp;As of:</translation>
    </message>
    <message>
        <source>&amp;Utvalg:</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Totalt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kursår</source>
        <translation>Course year</translation>
    </message>
    <message>
        <source>Per kurs</source>
        <translation>Per course</translation>
    </message>
    <message>
        <source>Per kommune</source>
        <translation>Per municipality</translation>
    </message>
    <message>
        <source>Per år</source>
        <translation>Per year</translation>
    </message>
    <message>
        <source>Beregner nøkkeltall …</source>
        <translation>Calculating key figures …</translation>
    </message>
    <message>
        <source>Fra påmeldt til tilbakebetalt – %1</source>
        <translation>From registered to refunded – %1</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Ingen påmeldte i utvalget ennå.</source>
        <translation>No one registered in this scope yet.</translation>
    </message>
    <message>
        <source>Fortsatt i oppdrag, per kursår</source>
        <translation>Still in an assignment, per course year</translation>
    </message>
    <message>
        <source>%1 mnd</source>
        <translation>%1 mo.</translation>
    </message>
    <message>
        <source>Ingen i oppdrag ennå.</source>
        <translation>No one in an assignment yet.</translation>
    </message>
    <message>
        <source>Kommuner med treningskontakter i oppdrag</source>
        <translation>Municipalities with training contacts in assignments</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Ingen oppdrag registrert ennå.</source>
        <translation>No assignments recorded yet.</translation>
    </message>
    <message>
        <source>Lagre rapport</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Excel-arbeidsbøker (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Skriver rapporten …</source>
        <translation>Writing the report …</translation>
    </message>
    <message>
        <source>Rapporten er lagret</source>
        <translation>Report saved</translation>
    </message>
    <message>
        <source>Vil du åpne filen nå?</source>
        <translation>Do you want to open the file now?</translation>
    </message>
    <message>
        <source>Åpne filen</source>
        <translation>Open the file</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>Korriger …</source>
        <extracomment>A line for the user about what was just recorded.</extracomment>
        <translation>Correct …</translation>
    </message>
    <message>
        <source>Posteringer kan ikke endres. Korrigering fører en ny postering med motsatt beløp.</source>
        <translation>Entries cannot be changed. A correction records a new entry with the opposite amount.</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Beløp</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Måte</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Referanse</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Merknad</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Registrert av %1</source>
        <translation>Recorded by %1</translation>
    </message>
    <message>
        <source>Korrigerer nr. %1</source>
        <translation>Corrects no. %1</translation>
    </message>
    <message>
        <source>Henter posteringer …</source>
        <translation>Loading entries …</translation>
    </message>
    <message>
        <source>Registrerer korrigering …</source>
        <translation>Recording correction …</translation>
    </message>
    <message>
        <source>Korrigering registrert: %1.</source>
        <translation>Correction recorded: %1.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Logg inn – CourseKeeper</source>
        <translation>Sign in – CourseKeeper</translation>
    </message>
    <message>
        <source>&amp;Husk passordet på denne maskinen</source>
        <translation>&amp;Remember the password on this computer</translation>
    </message>
    <message>
        <source>Passordet lagres i operativsystemets passordlager, aldri i en fil.</source>
        <translation>The password is kept in the operating system&apos;s credential store, never in a file.</translation>
    </message>
    <message>
        <source>Denne maskinen har ikke noe passordlager, så passordet kan ikke huskes. Skriv det hver gang du logger inn.</source>
        <translation>This computer has no password store, so the password cannot be remembered. Type it each time you log in.</translation>
    </message>
    <message>
        <source>&amp;Brukernavn:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Passord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Databasen på %1 deles med kollegene dine. Logg inn med din egen bruker.</source>
        <translation>The database on %1 is shared with your colleagues. Sign in with your own user.</translation>
    </message>
    <message>
        <source>Logg inn</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Skriv brukernavn og passord.</source>
        <translation>Enter user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kurs</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Egenandeler</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <source>Kursbevis</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Nøkkeltall</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Felt i CourseKeeper</source>
        <translation>Field in CourseKeeper</translation>
    </message>
    <message>
        <source>Kolonne i filen</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Fornavn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Etternavn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Navn (fornavn og etternavn i én kolonne)</source>
        <translation>Name (first and last name in one column)</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Fødselsdato</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Fødselsnummer (bare fødselsdatoen tas vare på)</source>
        <translation>National identity number (only the date of birth is kept)</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Poststed</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Betalt</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Merknad</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>(ikke i filen)</source>
        <translation>(not in the file)</translation>
    </message>
</context>
<context>
    <name>MergePeopleDialog</name>
    <message>
        <source>Slå sammen personer</source>
        <translation>Merge people</translation>
    </message>
    <message>
        <source>Påmeldinger, innbetalinger, kursbevis og oppdrag flyttes til personen som beholdes. Den andre posten slettes. Velg hvilken verdi som skal beholdes i hvert felt.</source>
        <translation>Enrolments, payments, certificates and assignments move to the person who is kept. The other record is deleted. Choose which value to keep in each field.</translation>
    </message>
    <message>
        <source>Fornavn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Etternavn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Fødselsdato</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Poststed</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Behold %1</source>
        <translation>Keep %1</translation>
    </message>
    <message>
        <source>(tomt)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Verdiene over er slik de er lagret nå. Se over valgene og slå sammen igjen.</source>
        <translation>The values above are as stored now. Check your choices and merge again.</translation>
    </message>
    <message>
        <source>Begge er påmeldt %1. Meld den ene av kurset før du slår sammen.</source>
        <translation>Both are enrolled on %1. Withdraw one of them from the course before merging.</translation>
    </message>
    <message>
        <source>Slå sammen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Slår sammen …</source>
        <translation>Merging …</translation>
    </message>
    <message>
        <source>Henter personene …</source>
        <translation>Loading the people …</translation>
    </message>
</context>
<context>
    <name>NotesLogDialog</name>
    <message>
        <source>Hvem har åpnet vurderingsnotatene</source>
        <translation>Who has opened the screening notes</translation>
    </message>
    <message>
        <source>Hver gang noen åpner notatene fra egnethetsvurderingen av %1, logges det her.</source>
        <translation>Every time someone opens the notes from the screening of %1, it is logged here.</translation>
    </message>
    <message>
        <source>Ingen har åpnet notatene fra egnethetsvurderingen av %1.</source>
        <translation>No one has opened the notes from the screening of %1.</translation>
    </message>
    <message>
        <source>Når</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Hvem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Skjul meldingen</source>
        <translation>Hide the message</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Åpner databasen …</source>
        <translation>Opening the database …</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Registrer innbetaling</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>Innbetaling av egenandel for %1 («%2»).</source>
        <translation>Deposit payment for %1 (“%2”).</translation>
    </message>
    <message>
        <source>Innbetaling av egenandel for %1 deltakere.</source>
        <translation>Deposit payment for %1 participants.</translation>
    </message>
    <message>
        <source>Det som gjenstår for hver</source>
        <translation>What remains for each</translation>
    </message>
    <message>
        <source>For eksempel KID, Vipps-nummer eller bilagsnummer</source>
        <translation>For example KID, Vipps number or voucher number</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Beløp (kr):</source>
        <translation>&amp;Amount (NOK):</translation>
    </message>
    <message>
        <source>Betalings&amp;måte:</source>
        <translation>Payment &amp;method:</translation>
    </message>
    <message>
        <source>&amp;Referanse:</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <source>M&amp;erknad:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Skriv beløpet som er betalt.</source>
        <translation>Enter the amount paid.</translation>
    </message>
    <message>
        <source>Skriv et beløp større enn 0 kr, for eksempel 1000.</source>
        <translation>Enter an amount above 0 kr, for example 1000.</translation>
    </message>
    <message>
        <source>Registrerer innbetalinger …</source>
        <translation>Recording payments …</translation>
    </message>
    <message>
        <source>Innbetaling registrert: %1.</source>
        <translation>Payment recorded: %1.</translation>
    </message>
    <message>
        <source>Innbetalinger registrert for %2 deltakere: til sammen %1.</source>
        <translation>Payments recorded for %2 participants: %1 in total.</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>Etternavn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Fornavn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Født</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>Henter personer …</source>
        <translation>Loading people …</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Søk etter navn, e-post, telefon eller fødselsdato (Ctrl+F)</source>
        <translation>Search by name, e-mail, phone or date of birth (Ctrl+F)</translation>
    </message>
    <message>
        <source>Åpne personen</source>
        <translation>Open person</translation>
    </message>
    <message>
        <source>Ny person …</source>
        <translation>New person …</translation>
    </message>
    <message>
        <source>Registrer en ny person (Ctrl+N)</source>
        <translation>Register a new person (Ctrl+N)</translation>
    </message>
    <message>
        <source>Slå sammen …</source>
        <translation>Merge …</translation>
    </message>
    <message>
        <source>Personer med samme e-post, eller samme navn og fødselsdato (Ø/O, Å/Aa og store/små bokstaver regnes som like). Velg et par og trykk «Slå sammen …».</source>
        <translation>People with the same e-mail, or the same name and birth date (Ø/O, Å/Aa and upper/lower case count as the same). Select a pair and press “Merge …”.</translation>
    </message>
    <message>
        <source>Alle personer</source>
        <translation>All people</translation>
    </message>
    <message>
        <source>Mulige duplikater</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Ser etter mulige duplikater …</source>
        <translation>Looking for possible duplicates …</translation>
    </message>
    <message>
        <source>Mulige duplikater (%1)</source>
        <translation>Possible duplicates (%1)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Endre person</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>for eksempel 912 34 567</source>
        <translation>for example 912 34 567</translation>
    </message>
    <message>
        <source>&amp;Fornavn:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Etternavn:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <source>Fø&amp;dselsdato:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <source>E-&amp;post:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Post&amp;nummer:</source>
        <translation>Post&amp;code:</translation>
    </message>
    <message>
        <source>Posts&amp;ted:</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>M&amp;unicipality:</translation>
    </message>
    <message>
        <source>Fødselsnummer skal ikke registreres, bare fødselsdatoen.</source>
        <translation>Do not enter a national identity number, only the birth date.</translation>
    </message>
    <message>
        <source>Lagre endringer</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Opprett person</source>
        <translation>Create person</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lagrer personen …</source>
        <translation>Saving the person …</translation>
    </message>
    <message>
        <source>Henter personen …</source>
        <translation>Loading the person …</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>← Alle personer</source>
        <extracomment>Emitted after the page was filled (tests wait on it).</extracomment>
        <translation>← All people</translation>
    </message>
    <message>
        <source>Endre opplysninger …</source>
        <translation>Edit details …</translation>
    </message>
    <message>
        <source>Endre navn, fødselsdato, kontaktopplysninger og kommune</source>
        <translation>Change name, birth date, contact details and municipality</translation>
    </message>
    <message>
        <source>Bytt fornavn og etternavn</source>
        <translation>Swap first and last name</translation>
    </message>
    <message>
        <source>For navn som er registrert i feil rekkefølge, for eksempel «Johansen Mats»</source>
        <translation>For names registered in the wrong order, e.g. “Johansen Mats”</translation>
    </message>
    <message>
        <source>Slå sammen med …</source>
        <translation>Merge with …</translation>
    </message>
    <message>
        <source>Slå sammen med en annen registrering av samme person</source>
        <translation>Merge with another record of the same person</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Påmelding</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>Egenandel</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Innbetalt</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Innestående</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Utstedt</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Slutt</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>Seks måneder</source>
        <translation>Six months</translation>
    </message>
    <message>
        <source>Merknad</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nytt oppdrag …</source>
        <translation>New assignment …</translation>
    </message>
    <message>
        <source>Registrer et oppdrag som treningskontakt (Ctrl+N)</source>
        <translation>Register an assignment as training contact (Ctrl+N)</translation>
    </message>
    <message>
        <source>Avslutt oppdrag …</source>
        <translation>End assignment …</translation>
    </message>
    <message>
        <source>Kursbevis</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Oppdrag</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>Henter personen …</source>
        <translation>Loading the person …</translation>
    </message>
    <message>
        <source>Født %1</source>
        <translation>Born %1</translation>
    </message>
    <message>
        <source>%1 kommune</source>
        <translation>%1 municipality</translation>
    </message>
    <message>
        <source>Ingen kontaktopplysninger registrert.</source>
        <translation>No contact details registered.</translation>
    </message>
    <message>
        <source>Kurs (%1)</source>
        <translation>Courses (%1)</translation>
    </message>
    <message>
        <source>Kursbevis (%1)</source>
        <translation>Certificates (%1)</translation>
    </message>
    <message>
        <source>Egenandel (%1)</source>
        <translation>Deposits (%1)</translation>
    </message>
    <message>
        <source>Oppdrag (%1)</source>
        <translation>Assignments (%1)</translation>
    </message>
    <message>
        <source>Gyldig</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Tilbakekalt %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <source>Nei (sluttet før)</source>
        <translation>No (ended before)</translation>
    </message>
    <message>
        <source>Nådd %1</source>
        <translation>Reached %1</translation>
    </message>
    <message>
        <source>Nås %1</source>
        <translation>Reached on %1</translation>
    </message>
    <message>
        <source>Endringene er lagret.</source>
        <translation>The changes are saved.</translation>
    </message>
    <message>
        <source>Bytter fornavn og etternavn …</source>
        <translation>Swapping first and last name …</translation>
    </message>
    <message>
        <source>Fornavn og etternavn er byttet: %1.</source>
        <translation>First and last name swapped: %1.</translation>
    </message>
    <message>
        <source>Registrerer oppdrag …</source>
        <translation>Registering assignment …</translation>
    </message>
    <message>
        <source>Avslutter oppdrag …</source>
        <translation>Ending assignment …</translation>
    </message>
    <message>
        <source>Oppdrag fra %1 er registrert.</source>
        <translation>Assignment from %1 is registered.</translation>
    </message>
    <message>
        <source>Oppdrag fra %1 til %2 er registrert.</source>
        <translation>Assignment from %1 to %2 is registered.</translation>
    </message>
</context>
<context>
    <name>PersonPrivacyButton</name>
    <message>
        <source>Personvern</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Innsyn, logg over hvem som har åpnet notatene, og sletting</source>
        <translation>Access request, log of who opened the notes, and erasure</translation>
    </message>
    <message>
        <source>Innsyn: alt som er lagret (PDF og JSON) …</source>
        <translation>Access request: everything stored (PDF and JSON) …</translation>
    </message>
    <message>
        <source>Hvem har åpnet vurderingsnotatene …</source>
        <translation>Who has opened the screening notes …</translation>
    </message>
    <message>
        <source>Slett personen …</source>
        <translation>Erase the person …</translation>
    </message>
    <message>
        <source>Innsyn %1</source>
        <translation>Access request %1</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Access request</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Skriver innsynet …</source>
        <translation>Writing the access request …</translation>
    </message>
    <message>
        <source>Vil du åpne PDF-en nå?</source>
        <translation>Do you want to open the PDF now?</translation>
    </message>
    <message>
        <source>Åpne</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Henter loggen …</source>
        <translation>Loading the log …</translation>
    </message>
    <message>
        <source>Ser hva som slettes …</source>
        <translation>Looking at what will be erased …</translation>
    </message>
    <message>
        <source>Slett likevel</source>
        <translation>Erase anyway</translation>
    </message>
    <message>
        <source>Slett personen</source>
        <translation>Erase the person</translation>
    </message>
    <message>
        <source>Slett %1</source>
        <translation>Erase %1</translation>
    </message>
    <message>
        <source>Sletter …</source>
        <translation>Deleting …</translation>
    </message>
</context>
<context>
    <name>PickPersonDialog</name>
    <message>
        <source>Slå sammen med …</source>
        <translation>Merge with …</translation>
    </message>
    <message>
        <source>Velg den andre registreringen av %1. Etterpå velger du hva som skal beholdes.</source>
        <translation>Choose the other record of %1. Then choose what to keep.</translation>
    </message>
    <message>
        <source>Søk etter navn, e-post, telefon eller fødselsdato</source>
        <translation>Search by name, e-mail, phone or date of birth</translation>
    </message>
    <message>
        <source>Velg</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Oppdateres</source>
        <translation>To update</translation>
    </message>
    <message>
        <source>Uendret</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Feil</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Hoppes over</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fødselsdato</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Årsak</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <source>Personvern</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source> måneder</source>
        <translation> months</translation>
    </message>
    <message>
        <source> år</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Lagre tidene</source>
        <translation>Save the periods</translation>
    </message>
    <message>
        <source>Vis hva som skal slettes …</source>
        <translation>Show what is due for deletion …</translation>
    </message>
    <message>
        <source>Notater fra egnethetsvurdering av søkere som ikke ble tatt opp, slettes etter:</source>
        <translation>Screening notes of applicants who were not accepted are deleted after:</translation>
    </message>
    <message>
        <source>Personer uten kurs, oppdrag eller betalinger foreslås anonymisert etter:</source>
        <translation>People with no course, assignment or payment are proposed for anonymisation after:</translation>
    </message>
    <message>
        <source>Ser etter hva som skal slettes …</source>
        <translation>Looking for what is due for deletion …</translation>
    </message>
    <message>
        <source>Lagrer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Sletter …</source>
        <translation>Deleting …</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Registrer tilbakebetaling</source>
        <translation>Record refund</translation>
    </message>
    <message>
        <source>Tilbakebetaling til %1 deltakere, til sammen %2.</source>
        <translation>Refund to %1 participants, %2 in total.</translation>
    </message>
    <message>
        <source>Tilbakebetaling til %1: %2.</source>
        <translation>Refund to %1: %2.</translation>
    </message>
    <message>
        <source>For eksempel bilagsnummer i regnskapet</source>
        <translation>For example the voucher number in the accounts</translation>
    </message>
    <message>
        <source>&amp;Dato utbetalt:</source>
        <translation>&amp;Date paid out:</translation>
    </message>
    <message>
        <source>Betalings&amp;måte:</source>
        <translation>Payment &amp;method:</translation>
    </message>
    <message>
        <source>&amp;Referanse:</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <source>M&amp;erknad:</source>
        <translation>N&amp;ote:</translation>
    </message>
</context>
<context>
    <name>RefundsDuePanel</name>
    <message>
        <source>Vis egenandeler som skal tilbakebetales per denne datoen</source>
        <translation>Show deposits due back as of this date</translation>
    </message>
    <message>
        <source>Velg alle</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Registrer tilbakebetaling …</source>
        <translation>Record refund …</translation>
    </message>
    <message>
        <source>Skriv ut brev …</source>
        <translation>Print letters …</translation>
    </message>
    <message>
        <source>Lagre brev som PDF …</source>
        <translation>Save letters as PDF …</translation>
    </message>
    <message>
        <source>Kurskommune</source>
        <translation>Held in</translation>
    </message>
    <message>
        <source>Beløp</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Grunn</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Oppdrag</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>Seks måneder nådd</source>
        <translation>Six months reached</translation>
    </message>
    <message>
        <source>%1 fra %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>Fra %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>Finner egenandeler som skal tilbakebetales …</source>
        <translation>Finding deposits due back …</translation>
    </message>
    <message>
        <source>Skriv ut brev til valgte (%1) …</source>
        <translation>Print letters to selected (%1) …</translation>
    </message>
    <message>
        <source>Lagre brev til valgte (%1) …</source>
        <translation>Save letters to selected (%1) …</translation>
    </message>
    <message>
        <source>Brev om tilbakebetaling til de valgte</source>
        <translation>Refund letters to the selected</translation>
    </message>
    <message>
        <source>Skriv ut alle brev …</source>
        <translation>Print all letters …</translation>
    </message>
    <message>
        <source>Lagre alle brev som PDF …</source>
        <translation>Save all letters as PDF …</translation>
    </message>
    <message>
        <source>Brev om tilbakebetaling til alle i listen. Velg rader for å skrive ut bare dem.</source>
        <translation>Refund letters to everyone in the list. Select rows to print only theirs.</translation>
    </message>
    <message>
        <source>Åpne personen</source>
        <translation>Open person</translation>
    </message>
    <message>
        <source>Til sammen %1 å tilbakebetale</source>
        <translation>%1 to refund in total</translation>
    </message>
    <message>
        <source> · valgt: %1 (%2)</source>
        <translation> · selected: %1 (%2)</translation>
    </message>
    <message>
        <source>1 tilbakebetaling registrert: %1.</source>
        <translation>1 refund recorded: %1.</translation>
    </message>
    <message>
        <source>%1 tilbakebetalinger registrert, til sammen %2.</source>
        <translation>%1 refunds recorded, %2 in total.</translation>
    </message>
    <message>
        <source>Tilbakebetaling registrert</source>
        <translation>Refund recorded</translation>
    </message>
    <message>
        <source>Vil du skrive ut brev om tilbakebetalingen nå?</source>
        <translation>Do you want to print the refund letters now?</translation>
    </message>
    <message>
        <source>Ikke nå</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Utstedt</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duplikater</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Kontrollkode</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Gyldig</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Tilbakekalt %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <source>%1 (sist %2)</source>
        <translation>%1 (last %2)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Gjenopprett fra sikkerhetskopi</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Velg sikkerhetskopien du vil gå tilbake til. Alt som er registrert etter den, erstattes; den nåværende databasen kopieres først til mappen for sikkerhetskopier.</source>
        <translation>Choose the backup to go back to. Everything recorded after it is replaced; the current database is first copied to the backups folder.</translation>
    </message>
    <message>
        <source>Tatt</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Ingen sikkerhetskopier i %1.</source>
        <translation>No backups in %1.</translation>
    </message>
    <message>
        <source>Velg en annen fil …</source>
        <translation>Choose another file …</translation>
    </message>
    <message>
        <source>Gjenopprett valgt</source>
        <translation>Restore the selected</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>CourseKeeper-sikkerhetskopier (*.db *.ckbackup);;Alle filer (*)</source>
        <translation>CourseKeeper backups (*.db *.ckbackup);;All files (*)</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Sletting etter reglene</source>
        <translation>Deletion by the rules</translation>
    </message>
    <message>
        <source>Notatene slettes for godt. Personene anonymiseres: navn, kontaktopplysninger, fødselsdato og notater fjernes overalt, mens beløp, kursbevisnumre og tall i nøkkeltallene blir stående. Personer som det fortsatt holdes egenandel for, hoppes over.</source>
        <translation>The notes are deleted for good. The people are anonymised: name, contact details, birth date and notes are removed everywhere, while amounts, certificate numbers and the key figures stay. People for whom a deposit is still held are skipped.</translation>
    </message>
    <message>
        <source>Slett nå</source>
        <translation>Delete now</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Tilbakekall kursbevis</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>Kursbevis %1 for %2, «%3», utstedt %4.</source>
        <translation>Certificate %1 for %2, “%3”, issued %4.</translation>
    </message>
    <message>
        <source>Et tilbakekalt kursbevis gjelder ikke lenger og viser «Tilbakekalt» når koden kontrolleres. Nummeret brukes aldri igjen.</source>
        <translation>A revoked certificate is no longer valid and shows “Revoked” when the code is verified. The number is never used again.</translation>
    </message>
    <message>
        <source>For eksempel: utstedt ved en feil</source>
        <translation>For example: issued by mistake</translation>
    </message>
    <message>
        <source>&amp;Begrunnelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Skriv hvorfor kursbeviset tilbakekalles.</source>
        <translation>Enter why the certificate is revoked.</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>Din rolle kan ikke opprette eller endre kurs, påmeldinger eller kursbevis.</source>
        <translation>Your role cannot create or change courses, enrolments or certificates.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke legge til eller endre personer.</source>
        <translation>Your role cannot add or change people.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke lese eller skrive vurderingsnotater.</source>
        <translation>Your role cannot read or write screening notes.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke registrere innbetalinger, korrigeringer eller beholde egenandeler.</source>
        <translation>Your role cannot record payments or corrections, or keep deposits.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke registrere tilbakebetalinger.</source>
        <translation>Your role cannot record refunds.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke registrere oppdrag.</source>
        <translation>Your role cannot record assignments.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke slette eller slå sammen personer; be en administrator.</source>
        <translation>Your role cannot erase or merge people; ask an administrator.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke endre innstillingene.</source>
        <translation>Your role cannot change the settings.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke se egenandeler og innbetalinger.</source>
        <translation>Your role cannot see deposits and payments.</translation>
    </message>
    <message>
        <source>Din rolle kan ikke se kursbevisregisteret.</source>
        <translation>Your role cannot see the certificate register.</translation>
    </message>
    <message>
        <source>Innsyn samler alt som er lagret om personen, også vurderingsnotater og egenandeler; din rolle kan ikke lese alt. Be en administrator.</source>
        <translation>An access request gathers everything stored about the person, screening notes and deposits included; your role cannot read all of it. Ask an administrator.</translation>
    </message>
    <message>
        <source>Den felles PostgreSQL-databasen sikkerhetskopieres på serveren av IT-ansvarlig (pg_dump), ikke fra programmet.</source>
        <translation>The shared PostgreSQL database is backed up on the server by the IT person (pg_dump), not from the program.</translation>
    </message>
</context>
<context>
    <name>RowCount</name>
    <message numerus="yes">
        <source>%Ln rader</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 av %Ln rader</source>
        <translation>
            <numerusform>%1 of %Ln row</numerusform>
            <numerusform>%1 of %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsPanel</name>
    <message>
        <source>Henter flere rader …</source>
        <extracomment>Emitted after new rows are shown (tests wait on it). The table model class (a RowTableModel subclass may add colours).</extracomment>
        <translation>Fetching more rows …</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Egnethetsvurdering – %1</source>
        <translation>Suitability screening – %1</translation>
    </message>
    <message>
        <source>Notatene er personopplysninger. De vises bare her, og hver gang vurderingen åpnes eller endres, skrives det i loggen.</source>
        <translation>The notes are personal data. They are shown only here, and every time the screening is opened or changed, it is written to the log.</translation>
    </message>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>&amp;Intervjuet av:</source>
        <translation>&amp;Interviewed by:</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Vurdering:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Notater:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Åpner vurderingen …</source>
        <translation>Opening the screening …</translation>
    </message>
    <message>
        <source>Skriv datoen som dd.mm.åååå, for eksempel 09.04.2026.</source>
        <translation>Enter the date as dd.mm.yyyy, for example 09.04.2026.</translation>
    </message>
    <message>
        <source>Lagrer vurderingen …</source>
        <translation>Saving the screening …</translation>
    </message>
    <message>
        <source>Avslå søknaden?</source>
        <translation>Reject the application?</translation>
    </message>
    <message>
        <source>%1 er vurdert som ikke egnet. Vil du avslå søknaden nå?</source>
        <translation>%1 has been assessed as not suitable. Do you want to reject the application now?</translation>
    </message>
    <message>
        <source>Avslå søknaden</source>
        <translation>Reject application</translation>
    </message>
    <message>
        <source>Avslår …</source>
        <translation>Rejecting …</translation>
    </message>
</context>
<context>
    <name>SessionsTable</name>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Legg til økt</source>
        <translation>Add session</translation>
    </message>
    <message>
        <source>Fjern økt</source>
        <translation>Remove session</translation>
    </message>
    <message>
        <source>Økt %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>skriv datoen som dd.mm.åååå, for eksempel 09.04.2026.</source>
        <translation>enter the date as dd.mm.yyyy, for example 09.04.2026.</translation>
    </message>
    <message>
        <source>«%1» er ikke et klokkeslett. Skriv TT:MM.</source>
        <translation>“%1” is not a time of day. Enter HH:MM.</translation>
    </message>
    <message>
        <source>timer må være et tall, for eksempel 6 eller 7,5.</source>
        <translation>hours must be a number, for example 6 or 7.5.</translation>
    </message>
    <message>
        <source>sluttid må være etter starttid.</source>
        <translation>the end time must be after the start time.</translation>
    </message>
    <message>
        <source>oppgi klokkeslett fra og til, eller antall timer.</source>
        <translation>enter times from and to, or the number of hours.</translation>
    </message>
    <message>
        <source>antall timer må være større enn null.</source>
        <translation>the number of hours must be more than zero.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>For eksempel HIK</source>
        <translation>For example HIK</translation>
    </message>
    <message>
        <source>Ingen logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Velg logo …</source>
        <translation>Choose logo …</translation>
    </message>
    <message>
        <source>Fjern logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Lagre profilen</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Organisasjonen (står på kursbevis og brev)</source>
        <translation>The organisation (printed on certificates and letters)</translation>
    </message>
    <message>
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Prefiks for kursbevisnummer:</source>
        <translation>Certificate number &amp;prefix:</translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Postnummer og sted:</source>
        <translation>Postcode and town:</translation>
    </message>
    <message>
        <source>&amp;E-post:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Underskriver:</source>
        <translation>&amp;Signatory:</translation>
    </message>
    <message>
        <source>Underskriverens &amp;tittel:</source>
        <translation>Signatory&apos;s &amp;title:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sp&amp;råk i programmet:</source>
        <translation>Program &amp;language:</translation>
    </message>
    <message>
        <source>Henter profilen …</source>
        <translation>Loading the profile …</translation>
    </message>
    <message>
        <source>Velg logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Filen kan ikke brukes som logo. Velg et PNG- eller JPEG-bilde under 2 MB.</source>
        <translation>The file cannot be used as a logo. Choose a PNG or JPEG image under 2 MB.</translation>
    </message>
    <message>
        <source>Skriv navnet på organisasjonen.</source>
        <translation>Enter the name of the organisation.</translation>
    </message>
    <message>
        <source>Skriv 1–10 bokstaver eller sifre, for eksempel HIK.</source>
        <translation>Enter 1–10 letters or digits, for example HIK.</translation>
    </message>
    <message>
        <source>Lagrer profilen …</source>
        <translation>Saving the profile …</translation>
    </message>
    <message>
        <source>Lagret.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Lagre igjen for å skrive over det lagrede med det du har skrevet.</source>
        <translation>Save again to overwrite what is stored with what you typed.</translation>
    </message>
    <message>
        <source>Språket endres neste gang du starter CourseKeeper.</source>
        <translation>The language changes the next time you start CourseKeeper.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Legg til ansatt</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>Endre rolle</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>For eksempel kari.nordmann</source>
        <translation>For example kari.nordmann</translation>
    </message>
    <message>
        <source>Navn eller nummer, skilt med komma: Bergen, 4627</source>
        <translation>Names or numbers, separated by commas: Bergen, 4627</translation>
    </message>
    <message>
        <source>&amp;Brukernavn:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Passord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Passord &amp;igjen:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <source>Roller:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>&amp;Kommuner:</source>
        <translation>&amp;Municipalities:</translation>
    </message>
    <message>
        <source>Den ansatte logger inn med dette brukernavnet og passordet. Rollen bestemmer hva databasen lar dem se og endre; kommuneansatte ser bare kursene og personene i sine kommuner.</source>
        <translation>The staff member signs in with this user name and password. The role decides what the database lets them see and change; municipal staff see only the courses and people in their municipalities.</translation>
    </message>
    <message>
        <source>%1 er deaktivert. Når du lagrer rollene, kan %1 logge inn igjen.</source>
        <translation>%1 is disabled. When you save the roles, %1 can log in again.</translation>
    </message>
    <message>
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Lagre rollene</source>
        <translation>Save the roles</translation>
    </message>
    <message>
        <source>Skriv brukernavnet.</source>
        <translation>Enter the user name.</translation>
    </message>
    <message>
        <source>Skriv et passord den ansatte kan logge inn med første gang.</source>
        <translation>Enter a password the staff member can sign in with the first time.</translation>
    </message>
    <message>
        <source>De to passordene er ikke like.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Velg minst én rolle.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>Skriv minst én kommune for en kommuneansatt.</source>
        <translation>Enter at least one municipality for municipal staff.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Ansatte</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Alle som logger inn på den felles databasen. Databasen selv håndhever rollene, så en ansatt får ikke mer med et annet program enn her.</source>
        <translation>Everyone who signs in to the shared database. The database itself enforces the roles, so a staff member gets no more with another program than here.</translation>
    </message>
    <message>
        <source>Brukernavn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deaktivert</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Legg til …</source>
        <translation>Add …</translation>
    </message>
    <message>
        <source>Endre rolle …</source>
        <translation>Change role …</translation>
    </message>
    <message>
        <source>Deaktiver …</source>
        <translation>Disable …</translation>
    </message>
    <message>
        <source>Brukeren kan ikke lenger logge inn; det de har gjort, blir stående</source>
        <translation>The user can no longer sign in; what they did stays</translation>
    </message>
    <message>
        <source>Henter de ansatte …</source>
        <translation>Fetching the staff …</translation>
    </message>
    <message>
        <source>Lagrer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Deaktiver %1</source>
        <translation>Disable %1</translation>
    </message>
    <message>
        <source>%1 kan ikke lenger logge inn. Det de har registrert, og loggen over det, blir stående. «Endre rolle» gir brukeren tilgang igjen.</source>
        <translation>%1 will no longer be able to sign in. What they recorded, and the log of it, stays. “Change role” gives the user access again.</translation>
    </message>
    <message>
        <source>Deaktiver</source>
        <translation>Disable</translation>
    </message>
</context>
<context>
    <name>StaleForm</name>
    <message>
        <source>Vil du hente det som er lagret nå? Det du har skrevet, blir stående, og der det lagrede er annerledes, står det som er lagret.</source>
        <translation>Do you want to fetch what is stored now? What you typed stays, and where the stored version differs, the stored value is shown.</translation>
    </message>
    <message>
        <source>Endret av en annen</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Hent det lagrede</source>
        <translation>Fetch what is stored</translation>
    </message>
    <message>
        <source>Lagret nå: %1</source>
        <translation>Stored now: %1</translation>
    </message>
    <message>
        <source>krysset av</source>
        <translation>ticked</translation>
    </message>
    <message>
        <source>ikke krysset av</source>
        <translation>not ticked</translation>
    </message>
    <message>
        <source>Skjemaet bygger nå på det lagrede. Lagre igjen for å skrive over med det du har skrevet.</source>
        <translation>The form now builds on what is stored. Save again to overwrite it with what you typed.</translation>
    </message>
</context>
<context>
    <name>StatusLabels</name>
    <message>
        <source>Innbetaling</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Tilbakebetaling</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Beholdt (tapt egenandel)</source>
        <translation>Kept (forfeited deposit)</translation>
    </message>
    <message>
        <source>Korrigering</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Seks måneder i oppdrag</source>
        <translation>Six months in assignment</translation>
    </message>
    <message>
        <source>Trukket før bindende frist</source>
        <translation>Withdrawn before binding date</translation>
    </message>
    <message>
        <source>Ikke tatt opp</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>Kurset er avlyst</source>
        <translation>Course cancelled</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Avbryt</source>
        <extracomment>Every data area; a restore touches all of them. Milliseconds before a running task shows its progress dialog. How often the GUI thread collects cyclic garbage (automatic collection is off, see TaskRunner). Emitted with the set of data areas a successful task touched, so views reload. Emitted when the last queued task has finished (tests wait on it).</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Arbeider …</source>
        <translation>Working …</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Kontroller kursbevis</source>
        <extracomment>Background and text colour per result: green valid, red revoked, amber unknown.</extracomment>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <source>Skriv inn kontrollkoden som står nederst på kursbeviset, og trykk «Kontroller».</source>
        <translation>Enter the verification code printed at the bottom of the certificate, and press “Verify”.</translation>
    </message>
    <message>
        <source>&amp;Kontroller</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>K&amp;ode:</source>
        <translation>C&amp;ode:</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ingen kode kontrollert ennå</source>
        <translation>No code verified yet</translation>
    </message>
    <message>
        <source>Skriv inn en kode først.</source>
        <translation>Enter a code first.</translation>
    </message>
    <message>
        <source>Kontrollerer kursbevis …</source>
        <translation>Verifying certificate …</translation>
    </message>
    <message>
        <source>✔ Gyldig kursbevis</source>
        <translation>✔ Valid certificate</translation>
    </message>
    <message>
        <source>Kursbevis %1 for %2, «%3», utstedt %4.</source>
        <translation>Certificate %1 for %2, “%3”, issued %4.</translation>
    </message>
    <message>
        <source>✖ Tilbakekalt</source>
        <translation>✖ Revoked</translation>
    </message>
    <message>
        <source>Kursbevis %1 for %2 er trukket tilbake og gjelder ikke. Begrunnelse: %3</source>
        <translation>Certificate %1 for %2 has been revoked and is not valid. Reason: %3</translation>
    </message>
    <message>
        <source>? Ukjent kode</source>
        <translation>? Unknown code</translation>
    </message>
    <message>
        <source>Koden svarer ikke til noe kursbevis i registeret. Sjekk at den er skrevet riktig; et endret eller forfalsket kursbevis gir ukjent kode.</source>
        <translation>The code does not match any certificate in the register. Check that it is typed correctly; an altered or forged certificate gives an unknown code.</translation>
    </message>
</context>
<context>
    <name>_ExportFlow</name>
    <message numerus="yes">
        <source>%1 er lagret:
%2
%n rader.</source>
        <translation>
            <numerusform>%1 is saved:
%2
%n row.</numerusform>
            <numerusform>%1 is saved:
%2
%n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Velkommen til CourseKeeper</source>
        <extracomment>The user name last signed in with on a shared server (the password lives in the keyring).</extracomment>
        <translation>Welcome to CourseKeeper</translation>
    </message>
    <message>
        <source>Databasen er tom. Vil du fylle den med demodata (kurs, personer og egenandeler) for å prøve programmet? Du kan også begynne med et tomt register.</source>
        <translation>The database is empty. Do you want to fill it with demo data (courses, people and deposits) to try the program? You can also start with an empty register.</translation>
    </message>
    <message>
        <source>Last inn demodata</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>Begynn med tomt register</source>
        <translation>Start with an empty register</translation>
    </message>
    <message>
        <source>Lager demodata …</source>
        <translation>Creating demo data …</translation>
    </message>
    <message>
        <source>CourseKeeper kan ikke åpne databasen.</source>
        <translation>CourseKeeper cannot open the database.</translation>
    </message>
    <message>
        <source>Åpner databasen …</source>
        <translation>Opening the database …</translation>
    </message>
</context>
<context>
    <name>export_actions</name>
    <message>
        <source>Deltakerliste</source>
        <translation>Participant list</translation>
    </message>
    <message>
        <source>Oppmøte</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Egenandeler</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <source>Tilbakebetalinger</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Kursbevisregister</source>
        <translation>Certificate register</translation>
    </message>
    <message>
        <source>Oppfølging</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Eksporter til Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel-arbeidsbøker (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Forbereder eksport …</source>
        <translation>Preparing the export …</translation>
    </message>
    <message>
        <source>Skriver %1 …</source>
        <translation>Writing %1 …</translation>
    </message>
    <message>
        <source>Kunne ikke lagre filen. Er den åpen i Excel?
%1</source>
        <translation>Could not save the file. Is it open in Excel?
%1</translation>
    </message>
    <message>
        <source>Eksportert til Excel</source>
        <translation>Exported to Excel</translation>
    </message>
    <message>
        <source>Vil du åpne filen nå?</source>
        <translation>Do you want to open the file now?</translation>
    </message>
    <message>
        <source>Åpne filen</source>
        <translation>Open the file</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Søkt</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Venteliste</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <source>Tatt opp</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Avslått</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Trukket</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Møtte ikke</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Fullført</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Ikke fullført</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Åpen for påmelding</source>
        <translation>Open for enrolment</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Avsluttet</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Avlyst</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Ikke vurdert</source>
        <translation>Not screened</translation>
    </message>
    <message>
        <source>Egnet</source>
        <translation>Suitable</translation>
    </message>
    <message>
        <source>Følges opp</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Ikke egnet</source>
        <translation>Not suitable</translation>
    </message>
    <message>
        <source>Ikke betalt</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>Betalt</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Skal tilbakebetales</source>
        <translation>Refund due</translation>
    </message>
    <message>
        <source>Tilbakebetalt</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Beholdt</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Fritatt</source>
        <translation>Waived</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Kan ikke fullføre</source>
        <translation>Cannot complete</translation>
    </message>
    <message>
        <source>CourseKeeper</source>
        <translation>CourseKeeper</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uventet feil</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Det oppstod en uventet feil. Ingenting er lagret fra handlingen som feilet.

Detaljene er skrevet til loggfilen. Kopier dem gjerne og send dem til den som hjelper deg med CourseKeeper.</source>
        <translation>An unexpected error occurred. Nothing from the failed action was saved.

The details are written to the log file. Copy them and send them to whoever helps you with CourseKeeper.</translation>
    </message>
    <message>
        <source>Kopier detaljer og lukk</source>
        <translation>Copy details and close</translation>
    </message>
</context>
<context>
    <name>printing_actions</name>
    <message>
        <source>Lagre som PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Skriver kursbevis …</source>
        <translation>Writing certificates …</translation>
    </message>
    <message>
        <source>Skriver brev om tilbakebetaling …</source>
        <translation>Writing refund letters …</translation>
    </message>
    <message>
        <source>Skriver oppmøtelister …</source>
        <translation>Writing sign-in sheets …</translation>
    </message>
    <message>
        <source>Ikke med i utskriften:</source>
        <translation>Not included in the printout:</translation>
    </message>
    <message>
        <source>Forbereder utskrift …</source>
        <translation>Preparing the printout …</translation>
    </message>
    <message>
        <source>Organisasjonsprofilen er ufullstendig</source>
        <translation>The organisation profile is incomplete</translation>
    </message>
    <message>
        <source>Du kan fylle ut profilen under Innstillinger. Skriv ut likevel?</source>
        <translation>You can fill in the profile under Settings. Print anyway?</translation>
    </message>
    <message>
        <source>Du kan fylle ut profilen under Innstillinger. Lagre PDF-en likevel?</source>
        <translation>You can complete the profile under Settings. Save the PDF anyway?</translation>
    </message>
    <message>
        <source>Skriv ut likevel</source>
        <translation>Print anyway</translation>
    </message>
    <message>
        <source>Lagre likevel</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Lagret som PDF</source>
        <translation>Saved as PDF</translation>
    </message>
    <message>
        <source>Vil du åpne PDF-en nå?</source>
        <translation>Do you want to open the PDF now?</translation>
    </message>
    <message>
        <source>Åpne PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Utskriften er sendt til standardskriveren.
%1</source>
        <extracomment>Pages are rendered at the printer&apos;s resolution up to this many dots per inch: sharp text, while a 1200 dpi A4 page would be a 100 MB bitmap (and a 21-page job 140 MB instead of 18 MB).</extracomment>
        <translation>The printout has been sent to the default printer.
%1</translation>
    </message>
    <message>
        <source>PDF-en er åpnet i PDF-leseren. Skriv den ut derfra (Fil → Skriv ut, eller Ctrl+P).
%1</source>
        <translation>The PDF is open in the PDF reader. Print it from there (File → Print, or Ctrl+P).
%1</translation>
    </message>
    <message>
        <source>Skriveren kan ikke brukes. Velg en annen skriver og prøv igjen.</source>
        <translation>The printer cannot be used. Choose another printer and try again.</translation>
    </message>
    <message>
        <source>Skriver ut …</source>
        <translation>Printing …</translation>
    </message>
    <message>
        <source>%1 sider er sendt til %2.</source>
        <translation>%1 pages were sent to %2.</translation>
    </message>
    <message>
        <source>1 side er sendt til %2.</source>
        <translation>1 page was sent to %2.</translation>
    </message>
</context>
</TS>
