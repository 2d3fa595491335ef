; Inno Setup 6 script for Fallzahl (see docs/building.md and docs/it-guide.md).
; Build the bundle first (pyinstaller --noconfirm build.spec -> dist\fallzahl), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\fallzahl.iss
; Silent install with a provisioning file for the first-run wizard:
;   Fallzahl-0.1.0-Setup.exe /SILENT /PROVISION="\\server\it\HZ-QLB-01.fallzahl-provisioning"
; A district with its own keys also hands IT its public key (the trust anchor); it replaces
; the shipped demo anchor:
;   Fallzahl-0.1.0-Setup.exe /SILENT /TRUST="\\server\it\harz-district.pub" /PROVISION="..."
; Uninstalling removes the program only; the data (vault, backups, settings) in each
; user's data folder stays.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Fallzahl"
#define AppExe "fallzahl.exe"
; the PyInstaller bundle; tests/test_installer.py compiles against a stand-in with /DBundleDir=...
#ifndef BundleDir
  #define BundleDir "..\..\dist\fallzahl"
#endif
; lzma2 for what ships; tests/test_frozen_build.py packs the real bundle with /DCompression=none
#ifndef Compression
  #define Compression "lzma2"
#endif

[Setup]
AppId={{6F1C2B7E-4A8D-4C36-9E51-0FA11A000001}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Fallzahl
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Fallzahl-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\fallzahl.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
DisableProgramGroupPage=yes
VersionInfoVersion={#AppVersion}

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; the provisioning file named on the command line (/PROVISION="path"), for the first-run wizard
Source: "{code:ProvisionFile}"; DestDir: "{commonappdata}\Fallzahl\provisioning"; \
  Flags: external ignoreversion; Check: HasProvisionFile

; the district's own trust anchor (/TRUST="path\district.pub") replaces the demo anchor, in
; the folder the frozen program reads (PyInstaller 6 puts data below _internal\, app/resources.py)
Source: "{code:TrustFile}"; DestDir: "{app}\_internal\resources\trust"; \
  Flags: external ignoreversion; Check: HasTrustFile

[Dirs]
Name: "{commonappdata}\Fallzahl\provisioning"; Permissions: users-readexec

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} (Selbsttest)"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\fallzahl-cli.exe"" --self-test"; Flags: excludefromshowinnewinstall

[Registry]
; Explorer goes by the last extension only, so each of Fallzahl's files has an extension of
; its own and opens in Fallzahl by default: a package (HZ-QLB-01_2026-Q1_3.fallzahl-package,
; a standard age file inside), a receipt (.fallzahl-receipt, JSON), the district's feedback
; (15085_2026-Q1_1.fallzahl-feedback, JSON), a provisioning file (.fallzahl-provisioning).
; Files named by earlier versions still open: a package ...fallzahl.age is an ".age" file, a
; receipt a ".receipt" and feedback a ".feedback" file to Explorer, extensions that other
; programs use, so for those Fallzahl only joins "Open with" (OpenWithProgids) and takes no
; default. Opening any of them starts the program on the matching action (district import,
; receipt import, feedback import, set-up wizard; app/__main__.py, app/cli/opened.py).
Root: HKA; Subkey: "Software\Classes\.fallzahl-package"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.fallzahl-receipt"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl.Receipt"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.age\OpenWithProgids"; ValueType: string; \
  ValueName: "Fallzahl.Package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Fallzahl.Package"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl-Meldepaket"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Fallzahl.Package\DefaultIcon"; ValueType: string; \
  ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Fallzahl.Package\shell\open\command"; ValueType: string; \
  ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.receipt\OpenWithProgids"; ValueType: string; \
  ValueName: "Fallzahl.Receipt"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Fallzahl.Receipt"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl-Empfangsbestätigung"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Fallzahl.Receipt\DefaultIcon"; ValueType: string; \
  ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Fallzahl.Receipt\shell\open\command"; ValueType: string; \
  ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.fallzahl-feedback"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl.Feedback"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.feedback\OpenWithProgids"; ValueType: string; \
  ValueName: "Fallzahl.Feedback"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Fallzahl.Feedback"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl-Rückmeldung des Landkreises"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Fallzahl.Feedback\DefaultIcon"; ValueType: string; \
  ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Fallzahl.Feedback\shell\open\command"; \
  ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.fallzahl-provisioning"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl.Provisioning"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Fallzahl.Provisioning"; ValueType: string; ValueName: ""; \
  ValueData: "Fallzahl-Bereitstellung"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Fallzahl.Provisioning\DefaultIcon"; ValueType: string; \
  ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Fallzahl.Provisioning\shell\open\command"; \
  ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for data on purpose: vaults live in each user's data folder
; (%LOCALAPPDATA%\Fallzahl) and survive uninstall and update. Only {app} is removed.

[Code]
function ProvisionFile(Param: String): String;
begin
  Result := ExpandConstant('{param:PROVISION|}');
end;

function HasProvisionFile: Boolean;
begin
  Result := (ProvisionFile('') <> '') and FileExists(ProvisionFile(''));
end;

function TrustFile(Param: String): String;
begin
  Result := ExpandConstant('{param:TRUST|}');
end;

function HasTrustFile: Boolean;
begin
  Result := (TrustFile('') <> '') and FileExists(TrustFile(''));
end;

function InitializeSetup: Boolean;
begin
  Result := True;
  if (ProvisionFile('') <> '') and not FileExists(ProvisionFile('')) then
  begin
    SuppressibleMsgBox('Bereitstellungsdatei nicht gefunden / provisioning file not found: ' +
      ProvisionFile(''), mbError, MB_OK, IDOK);
    Result := False;
  end;
  if Result and (TrustFile('') <> '') and not FileExists(TrustFile('')) then
  begin
    SuppressibleMsgBox('Vertrauensanker nicht gefunden / trust anchor not found: ' +
      TrustFile(''), mbError, MB_OK, IDOK);
    Result := False;
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  // with the district's own anchor installed, the demo anchor must no longer be trusted
  if (CurStep = ssPostInstall) and HasTrustFile then
    DeleteFile(ExpandConstant('{app}\_internal\resources\trust\district-demo.pub'));
end;
