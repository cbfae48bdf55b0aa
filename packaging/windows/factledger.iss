; Inno Setup script for FactLedger on Windows: wraps the PyInstaller one-dir build in dist\factledger\.
; Build on Windows after `pyinstaller packaging\factledger.spec`:
;   iscc /DAppVersion=0.1.0 packaging\windows\factledger.iss      -> dist\FactLedger-0.1.0-setup.exe
; Start menu entry, optional desktop icon, .factledger association (ProgID FactLedger.Ledger), uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "FactLedger"
#define AppExe "factledger.exe"
#define Root "..\.."

[Setup]
AppId={{6F1B9C52-3E1D-4C57-9B0E-FA57DA7A1ED6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=FactLedger developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without admin rights by default; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Root}\dist
OutputBaseFilename=FactLedger-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\factledger.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\factledger\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .factledger -> FactLedger.Ledger, opened as `factledger.exe --ledger "<file>"`. HKA is HKLM for an
; all-users install and HKCU for a per-user one; uninsdeletekey removes it all again.
Root: HKA; Subkey: "Software\Classes\.factledger"; ValueType: string; ValueName: ""; ValueData: "FactLedger.Ledger"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.factledger"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-factledger"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.factledger\OpenWithProgids"; ValueType: string; ValueName: "FactLedger.Ledger"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\FactLedger.Ledger"; ValueType: string; ValueName: ""; ValueData: "FactLedger ledger"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\FactLedger.Ledger\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\FactLedger.Ledger\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --ledger ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".factledger"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
