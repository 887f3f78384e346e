<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ImportCommand</name>
    <message numerus="yes">
        <source>%1: %2, %n session cookie(s)</source>
        <translation>
            <numerusform>%1: %2, %n session cookie</numerusform>
            <numerusform>%1: %2, %n session cookies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::TimeText</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CaptureController</name>
    <message numerus="yes">
        <source>Imported %n session cookie(s).</source>
        <translation>
            <numerusform>Imported %n session cookie.</numerusform>
            <numerusform>Imported %n session cookies.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 answered %3 after %n hop(s).</source>
        <translation>
            <numerusform>%1 %2 answered %3 after %n hop.</numerusform>
            <numerusform>%1 %2 answered %3 after %n hops.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ComparePanel</name>
    <message numerus="yes">
        <source>%n change(s) since the cookie was opened.</source>
        <translation>
            <numerusform>%n change since the cookie was opened.</numerusform>
            <numerusform>%n changes since the cookie was opened.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n are listed.</source>
        <translation>
            <numerusform>Only the first is listed.</numerusform>
            <numerusform>Only the first %n are listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CookieInputPanel</name>
    <message numerus="yes">
        <source>… and %n more warning(s); hover here to see them.</source>
        <translation>
            <numerusform>… and %n more warning; hover here to see them.</numerusform>
            <numerusform>… and %n more warnings; hover here to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::HistoryDialog</name>
    <message numerus="yes">
        <source>… %n more</source>
        <translation><numerusform>… %n more</numerusform><numerusform>… %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n top-level key(s): %1</source>
        <translation><numerusform>%n top-level key: %1</numerusform><numerusform>%n top-level keys: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the older to the newer entry.</source>
        <translation><numerusform>%n change from the older to the newer entry.</numerusform><numerusform>%n changes from the older to the newer entry.</numerusform></translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::MainWindow</name>
    <message numerus="yes">
        <source>Opened: %n top-level key(s)</source>
        <translation>
            <numerusform>Opened: %n top-level key</numerusform>
            <numerusform>Opened: %n top-level keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Converted to %1. %n value(s) could not be carried as they were (Undo takes the change back):</source>
        <translation>
            <numerusform>Converted to %1. %n value could not be carried as it was (Undo takes the change back):</numerusform>
            <numerusform>Converted to %1. %n values could not be carried as they were (Undo takes the change back):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ResealPanel</name>
    <message numerus="yes">
        <source>Copied the new cookie (%n character(s)); the clipboard forgets it in %1 s</source>
        <translation>
            <numerusform>Copied the new cookie (%n character); the clipboard forgets it in %1 s</numerusform>
            <numerusform>Copied the new cookie (%n characters); the clipboard forgets it in %1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the new cookie (%n character(s))</source>
        <translation>
            <numerusform>Copied the new cookie (%n character)</numerusform>
            <numerusform>Copied the new cookie (%n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::SessionTreeModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::TimelineModel</name>
    <message numerus="yes">
        <source>%n change(s): %1</source>
        <translation>
            <numerusform>%n change: %1</numerusform>
            <numerusform>%n changes: %1</numerusform>
        </translation>
    </message>
</context>
</TS>