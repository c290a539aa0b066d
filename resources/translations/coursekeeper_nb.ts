<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="nb">
<context>
    <name>AddPersonDialog</name>
    <message numerus="yes">
        <source>%n treff. Velg personen og trykk «Meld på valgt person».</source>
        <translation>
            <numerusform>%n treff. Velg personen og trykk «Meld på valgt person».</numerusform>
            <numerusform>%n treff. Velg personen og trykk «Meld på valgt person».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message numerus="yes">
        <source>%1 av %Ln plasser</source>
        <translation>
            <numerusform>%1 av %Ln plass</numerusform>
            <numerusform>%1 av %Ln plasser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 av %Ln påmeldinger vises</source>
        <translation>
            <numerusform>%1 av %Ln påmelding vises</numerusform>
            <numerusform>%1 av %Ln påmeldinger vises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoursesView</name>
    <message numerus="yes">
        <source>%n kurs</source>
        <translation>
            <numerusform>%n kurs</numerusform>
            <numerusform>%n kurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Viser %1 av %n kurs</source>
        <translation>
            <numerusform>Viser %1 av %n kurs</numerusform>
            <numerusform>Viser %1 av %n kurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>%n nye · %1 oppdateres · %2 uendret · %3 med feil · %4 hoppes over</source>
        <translation>
            <numerusform>%n ny · %1 oppdateres · %2 uendret · %3 med feil · %4 hoppes over</numerusform>
            <numerusform>%n nye · %1 oppdateres · %2 uendret · %3 med feil · %4 hoppes over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lest inn: %n nye, %1 oppdatert, %2 uendret.</source>
        <translation>
            <numerusform>Lest inn: %n ny, %1 oppdatert, %2 uendret.</numerusform>
            <numerusform>Lest inn: %n nye, %1 oppdatert, %2 uendret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n betalinger er registrert.</source>
        <translation>
            <numerusform>%n betaling er registrert.</numerusform>
            <numerusform>%n betalinger er registrert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rader med feil ble ikke lest inn. De er lagret i:
%1</source>
        <translation>
            <numerusform>%n rad med feil ble ikke lest inn. Den er lagret i:
%1</numerusform>
            <numerusform>%n rader med feil ble ikke lest inn. De er lagret i:
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueCertificatesDialog</name>
    <message numerus="yes">
        <source>Utsted %n kursbevis</source>
        <translation>
            <numerusform>Utsted %n kursbevis</numerusform>
            <numerusform>Utsted %n kursbevis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kursbevis er utstedt:</source>
        <translation>
            <numerusform>%n kursbevis er utstedt:</numerusform>
            <numerusform>%n kursbevis er utstedt:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowCount</name>
    <message numerus="yes">
        <source>%Ln rader</source>
        <translation>
            <numerusform>%Ln rad</numerusform>
            <numerusform>%Ln rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 av %Ln rader</source>
        <translation>
            <numerusform>%1 av %Ln rad</numerusform>
            <numerusform>%1 av %Ln rader</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ExportFlow</name>
    <message numerus="yes">
        <source>%1 er lagret:
%2
%n rader.</source>
        <translation>
            <numerusform>%1 er lagret:
%2
%n rad.</numerusform>
            <numerusform>%1 er lagret:
%2
%n rader.</numerusform>
        </translation>
    </message>
</context>
</TS>
