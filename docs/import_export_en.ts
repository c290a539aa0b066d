<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>FollowupDialog</name>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="23" />
        <source>Velg utfylt oppfølgingsliste</source>
        <translation>Choose the filled-in follow-up list</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="25" />
        <source>Regneark (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="53" />
        <source>Les inn oppfølgingsliste</source>
        <translation>Read follow-up list</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="55" />
        <source>Velg oppfølgingslisten kommunen har fylt ut og sendt tilbake.</source>
        <translation>Choose the follow-up list the municipality filled in and sent back.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="61" />
        <source>Hva</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="62" />
        <source>Ark</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="63" />
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="64" />
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="70" />
        <source>&amp;Velg fil …</source>
        <translation>&amp;Choose file …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="72" />
        <source>&amp;Lagre oppdragene</source>
        <translation>&amp;Save the assignments</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="75" />
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="106" />
        <source>Leser «%1» …</source>
        <translation>Reading “%1” …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="115" />
        <source>Opprettes: %1 · oppdateres: %2 · uendret: %3 · avvist: %4 · konflikter: %5</source>
        <translation>To create: %1 · to update: %2 · unchanged: %3 · refused: %4 · conflicts: %5</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="117" />
        <source>Opprettet: %1 · oppdatert: %2 · uendret: %3 · avvist: %4 · konflikter: %5</source>
        <translation>Created: %1 · updated: %2 · unchanged: %3 · refused: %4 · conflicts: %5</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="127" />
        <source>Ingenting er lagret ennå. Trykk «Lagre oppdragene» for å lagre.</source>
        <translation>Nothing has been saved yet. Press “Save the assignments” to save.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="129" />
        <source>Oppdragene er lagret. Avviste rader og konflikter er ikke endret.</source>
        <translation>The assignments are saved. Refused rows and conflicts were not changed.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="131" />
        <source>Avvist</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/followup_dialog.py" line="131" />
        <source>Konflikt</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="46" />
        <source>Velg deltakerliste</source>
        <translation>Choose participant list</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="48" />
        <source>Regneark (*.xlsx *.xlsm *.xls *.ods);;Alle filer (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="85" />
        <source>Les inn deltakerliste</source>
        <translation>Import participant list</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="95" />
        <source>&lt; &amp;Tilbake</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="97" />
        <source>&amp;Neste &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="99" />
        <source>Les inn &amp;alle</source>
        <translation>Import &amp;all</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="101" />
        <source>Les inn bare &amp;gyldige rader</source>
        <translation>Import only &amp;valid rows</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="103" />
        <source>Radene med feil lagres i en egen fil som kan rettes og leses inn på nytt</source>
        <translation>Rows with errors are saved to a separate file that can be corrected and imported again</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="106" />
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="215" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="129" />
        <source>Velg regnearket med deltakerne (xlsx, xlsm, xls eller ods). Overskriftsraden kan stå under en tittel; kolonnene kjennes igjen på navnet, og du kan rette valget etterpå.</source>
        <translation>Choose the spreadsheet with the participants (xlsx, xlsm, xls or ods). The header row may be below a title; columns are recognised by name, and you can correct the choice afterwards.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="136" />
        <source>&amp;Velg fil …</source>
        <translation>&amp;Choose file …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="152" />
        <source>&amp;Ark:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="193" />
        <source>Åpne &amp;feilfilen</source>
        <translation>Open the &amp;error file</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="215" />
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="234" />
        <source>Leser «%1» …</source>
        <translation>Reading “%1” …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="247" />
        <source> Kolonnevalget du gjorde sist for en fil med de samme overskriftene er brukt.</source>
        <translation> The column choice you made last time for a file with the same headers has been used.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="250" />
        <source>Overskriftene står i rad %1 på arket «%2». Kontroller hvilken kolonne som er hva.</source>
        <translation>The headers are in row %1 of sheet “%2”. Check which column is which.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="263" />
        <source>Filen har flere ark med data. Velg arket med deltakerlisten.</source>
        <translation>The file has several sheets with data. Choose the sheet with the participant list.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="277" />
        <source>%1 nye · %2 oppdateres · %3 uendret · %4 med feil · %5 hoppes over</source>
        <translation>%1 new · %2 to update · %3 unchanged · %4 with errors · %5 skipped</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="321" />
        <source>Leser inn deltakere …</source>
        <translation>Importing participants …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="330" />
        <source>Lest inn: %1 nye, %2 oppdatert, %3 uendret. %4 betalinger er registrert.</source>
        <translation>Imported: %1 new, %2 updated, %3 unchanged. %4 payments recorded.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="336" />
        <source>Alle er meldt på som «Søkt»; opptak gjøres på kurssiden.</source>
        <translation>Everyone is enrolled as “Applied”; acceptance is done on the course page.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard.py" line="338" />
        <source>%1 rader med feil ble ikke lest inn. De er lagret i:
%2</source>
        <translation>%1 rows with errors were not imported. They are saved in:
%2</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="30" />
        <source>Felt i CourseKeeper</source>
        <translation>Field in CourseKeeper</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="30" />
        <source>Kolonne i filen</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="38" />
        <source>Fornavn</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="39" />
        <source>Etternavn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="40" />
        <source>Navn (fornavn og etternavn i én kolonne)</source>
        <translation>Name (first and last name in one column)</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="41" />
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="42" />
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="43" />
        <source>Fødselsdato</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="44" />
        <source>Fødselsnummer (bare fødselsdatoen tas vare på)</source>
        <translation>National identity number (only the date of birth is kept)</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="45" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="46" />
        <source>Postnummer</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="47" />
        <source>Poststed</source>
        <translation>Post town</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="48" />
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="49" />
        <source>Betalt</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="50" />
        <source>Merknad</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="56" />
        <source>(ikke i filen)</source>
        <translation>(not in the file)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="111" />
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="112" />
        <source>Oppdateres</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="113" />
        <source>Uendret</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="114" />
        <source>Feil</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="115" />
        <source>Hoppes over</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="120" />
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="125" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="129" />
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="130" />
        <source>Fødselsdato</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="131" />
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="133" />
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/dialogs/import_wizard_pages.py" line="136" />
        <source>Årsak</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>export_actions</name>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="31" />
        <source>Deltakerliste</source>
        <translation>Participant list</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="32" />
        <source>Oppmøte</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="33" />
        <source>Egenandeler</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="34" />
        <source>Tilbakebetalinger</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="35" />
        <source>Kursbevisregister</source>
        <translation>Certificate register</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="36" />
        <source>Oppfølging</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="44" />
        <source>Eksporter til Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="46" />
        <source>Excel-arbeidsbøker (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="72" />
        <source>Forbereder eksport …</source>
        <translation>Preparing export …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="83" />
        <source>Skriver %1 …</source>
        <translation>Writing %1 …</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="95" />
        <source>Kunne ikke lagre filen. Er den åpen i Excel?
%1</source>
        <translation>Could not save the file. Is it open in Excel?
%1</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="107" />
        <source>%1 er lagret:
%2
%3 rader.</source>
        <translation>%1 is saved:
%2
%3 rows.</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="114" />
        <source>Eksportert til Excel</source>
        <translation>Exported to Excel</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="115" />
        <source>Vil du åpne filen nå?</source>
        <translation>Do you want to open the file now?</translation>
    </message>
    <message>
        <location filename="../work/main/coursekeeper/ui/export_actions.py" line="116" />
        <source>Åpne filen</source>
        <translation>Open the file</translation>
    </message>
</context>
</TS>