; CourseKeeper for Windows: a per-user installer (no administrator rights).
;
;   makensis -DVERSION=1.2.3 -DPAYLOAD_DIR=dist\CourseKeeper [-DOUTFILE=CourseKeeper-Setup.exe] installer.nsi
;
; VERSION      the program's version (X.Y.Z, as in pyproject.toml)
; PAYLOAD_DIR  the folder to install: PyInstaller's one-folder build, CourseKeeper.exe + _internal\
; OUTFILE      the installer to write; CourseKeeper-Setup.exe if not given
; VIVERSION    optional: the four-part number for the file's version info; from VERSION if not given
;
; Program files go to %LOCALAPPDATA%\Programs\CourseKeeper. The user's data (database, backups,
; logs) is in %LOCALAPPDATA%\CourseKeeper, which this installer and its uninstaller never touch.
; Silent use: CourseKeeper-Setup.exe /S   and   Uninstall.exe /S

!ifndef VERSION
  !error "VERSION is not defined. Use: makensis -DVERSION=1.2.3 -DPAYLOAD_DIR=<folder> installer.nsi"
!endif
!ifndef PAYLOAD_DIR
  !error "PAYLOAD_DIR is not defined. Use: makensis -DVERSION=1.2.3 -DPAYLOAD_DIR=<folder> installer.nsi"
!endif
!if ! /FileExists "${PAYLOAD_DIR}\CourseKeeper.exe"
  !error "PAYLOAD_DIR (${PAYLOAD_DIR}) has no CourseKeeper.exe: build it first with pyinstaller coursekeeper.spec"
!endif
!ifndef OUTFILE
  !define OUTFILE "CourseKeeper-Setup.exe"
!endif
!ifndef VIVERSION
  !searchparse /noerrors "${VERSION}" "" _VI_MAJOR "." _VI_MINOR "." _VI_PATCH
  !ifndef _VI_MAJOR | _VI_MINOR | _VI_PATCH
    !error "VERSION (${VERSION}) is not X.Y.Z: also give -DVIVERSION=X.Y.Z.0"
  !endif
  !define VIVERSION "${_VI_MAJOR}.${_VI_MINOR}.${_VI_PATCH}.0"
!endif

!define APP_NAME "CourseKeeper"
!define APP_EXE "CourseKeeper.exe"
; The console program for commands (check, verify, backup …); a windowed exe cannot print.
!define CLI_EXE "coursekeeper-cli.exe"
!define PUBLISHER "CourseKeeper"
!define UNINST_EXE "Uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CourseKeeper"
!define ICON_FILE "resources\icons\coursekeeper.ico"

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user
; A file that cannot be written stops the install (in silent mode too) instead of being skipped.
AllowSkipFiles off

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\CourseKeeper"
; An earlier install decides where an upgrade goes.
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

; ---------------------------------------------------------------- interface
!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
; The chosen language is remembered (for upgrades and the uninstaller) in the uninstall key,
; so that it goes away with the program.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!define MUI_LANGDLL_WINDOWTITLE "${APP_NAME}"
!define MUI_LANGDLL_INFO "Velg språk for installasjonen. / Please select a language."
!define MUI_WELCOMEPAGE_TEXT "$(WELCOME_TEXT)"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback for systems in neither language.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Norwegian"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString WELCOME_TEXT ${LANG_ENGLISH} "This installs CourseKeeper ${VERSION} for your Windows user. No administrator rights are needed.$\r$\n$\r$\nIf CourseKeeper is already installed, it is updated; your courses and backups are kept.$\r$\n$\r$\nClose CourseKeeper if it is open, then click Next to continue."
LangString WELCOME_TEXT ${LANG_NORWEGIAN} "Dette installerer CourseKeeper ${VERSION} for din Windows-bruker. Du trenger ikke administratorrettigheter.$\r$\n$\r$\nEr CourseKeeper installert fra før, blir programmet oppdatert; kursene og sikkerhetskopiene dine beholdes.$\r$\n$\r$\nLukk CourseKeeper hvis programmet er åpent, og trykk Neste for å fortsette."
LangString SEC_PROGRAM ${LANG_ENGLISH} "CourseKeeper (required)"
LangString SEC_PROGRAM ${LANG_NORWEGIAN} "CourseKeeper (påkrevd)"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_DESKTOP ${LANG_NORWEGIAN} "Snarvei på skrivebordet"
LangString MSG_RUNNING ${LANG_ENGLISH} "CourseKeeper is running. Close it and press Retry, or Cancel to stop."
LangString MSG_RUNNING ${LANG_NORWEGIAN} "CourseKeeper kjører. Lukk programmet og trykk Prøv igjen, eller Avbryt for å stoppe."
LangString MSG_DATA_KEPT ${LANG_ENGLISH} "Your courses and backups are kept in $LOCALAPPDATA\CourseKeeper."
LangString MSG_DATA_KEPT ${LANG_NORWEGIAN} "Kursene og sikkerhetskopiene dine beholdes i $LOCALAPPDATA\CourseKeeper."

; ---------------------------------------------------------------- helpers
; Removes the program files of an install in $INSTDIR: only the names this installer puts there,
; never the folder recursively, so a wrong $INSTDIR (say, a /D= pointing at a user folder) cannot
; cost the user anything beyond these names. Aborts if CourseKeeper.exe is in use.
!macro REMOVE_PROGRAM_FILES UN
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    retry_${UN}:
    ClearErrors
    Delete "$INSTDIR\${APP_EXE}"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" /SD IDCANCEL IDRETRY retry_${UN}
      Abort "$(MSG_RUNNING)"
    ${EndIf}
  ${EndIf}
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
!macroend

; ---------------------------------------------------------------- install
Function .onInit
  SetShellVarContext current
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
FunctionEnd

Section "$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"

  ; An upgrade replaces the old program files so that no stale module stays behind.
  !insertmacro REMOVE_PROGRAM_FILES ""

  File /r "${PAYLOAD_DIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINST_EXE}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINST_EXE}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINST_EXE}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  WriteRegStr HKCU "${UNINST_KEY}" "InstallerLanguage" $LANGUAGE
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; ---------------------------------------------------------------- uninstall
Function un.onInit
  SetShellVarContext current
  ${If} ${Silent}
    ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallerLanguage"
    ${If} $0 != ""
      StrCpy $LANGUAGE $0
    ${EndIf}
  ${Else}
    !insertmacro MUI_UNGETLANGUAGE
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro REMOVE_PROGRAM_FILES "un"
  Delete "$INSTDIR\${UNINST_EXE}"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  ; The user's data in $LOCALAPPDATA\CourseKeeper is deliberately left alone.
  DetailPrint "$(MSG_DATA_KEPT)"
SectionEnd
