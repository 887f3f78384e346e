<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutText</name>
    <message>
        <source>&lt;b&gt;SessionLens %1&lt;/b&gt;&lt;p&gt;Opens, edits and re-seals the session cookies a Python web developer meets: Flask&apos;s EncryptedSession (AES-EAX, with a key) and its default signed cookie (itsdangerous, readable without a key), Quart&apos;s, Flask-Login&apos;s remember cookie, Flask-WTF&apos;s CSRF token, Starlette / FastAPI&apos;s and Django&apos;s signed cookie session. Captures them from the app, the browser and HAR files, and shows what they cost.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), OpenSSL %3 (Apache-2.0), zlib %4 (zlib license), QtKeychain (BSD-3-Clause), libsecret (LGPL-2.1) and http-parser (MIT).&lt;/p&gt;&lt;p&gt;The manual: Help ▸ Manual (F1).&lt;/p&gt;</source>
        <translation>&lt;b&gt;SessionLens %1&lt;/b&gt;&lt;p&gt;Öffnet, bearbeitet und versiegelt die Session-Cookies, die ein Python-Webentwickler antrifft, neu: Flasks EncryptedSession (AES-EAX, mit Schlüssel) und sein signiertes Standard-Cookie (itsdangerous, ohne Schlüssel lesbar), das von Quart, das Remember-Cookie von Flask-Login, das CSRF-Token von Flask-WTF, die Sitzung von Starlette / FastAPI und die Sitzung im signierten Cookie von Django. Schneidet sie aus der App, dem Browser und HAR-Dateien mit und zeigt, was sie kosten.&lt;/p&gt;&lt;p&gt;Gebaut mit Qt %2 (LGPL-3.0), OpenSSL %3 (Apache-2.0), zlib %4 (zlib-Lizenz), QtKeychain (BSD-3-Clause), libsecret (LGPL-2.1) und http-parser (MIT).&lt;/p&gt;&lt;p&gt;Das Handbuch: Hilfe ▸ Handbuch (F1).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>What the session cookies of whole captures cost.</source>
        <translation>Was die Session-Cookies ganzer Mitschnitte kosten.</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core).</source>
        <translation>Arbeits-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>text (default), json or csv (one row per cookie).</source>
        <translation>text (Standard), json oder csv (eine Zeile pro Cookie).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Name of the session cookie (default: session).</source>
        <translation>Name des Session-Cookies (Standard: session).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Exit 1 when an opened cookie&apos;s Set-Cookie value is longer.</source>
        <translation>Mit 1 enden, wenn der Set-Cookie-Wert eines geöffneten Cookies länger ist.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>An earlier JSON report to compare with.</source>
        <translation>Ein früherer JSON-Bericht zum Vergleich.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Files with one cookie or header line per line, HAR, cookies.txt or browser databases; &apos;-&apos; for standard input.</source>
        <translation>Dateien mit einem Cookie oder einer Header-Zeile pro Zeile, HAR, cookies.txt oder Browser-Datenbanken; &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;: use text, json or csv</source>
        <translation>unbekanntes Format &apos;%1&apos;: text, json oder csv verwenden</translation>
    </message>
    <message>
        <source>--threads takes a count from 0 (one per core) to 256</source>
        <translation>--threads erwartet eine Anzahl von 0 (einer pro Kern) bis 256</translation>
    </message>
    <message>
        <source>--fail-over takes a number of bytes</source>
        <translation>--fail-over erwartet eine Anzahl Bytes</translation>
    </message>
    <message>
        <source>the baseline is not an audit report</source>
        <translation>die Vergleichsbasis ist kein Prüfbericht</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>Warnung: %1: %2</translation>
    </message>
    <message>
        <source>%1 cookies, %2/s</source>
        <translation>%1 Cookies, %2/s</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <source>an opened cookie&apos;s Set-Cookie value is %1 bytes, over --fail-over %2</source>
        <translation>der Set-Cookie-Wert eines geöffneten Cookies hat %1 Bytes, mehr als --fail-over %2</translation>
    </message>
    <message>
        <source>cookies:    %1</source>
        <translation>Cookies:    %1</translation>
    </message>
    <message>
        <source>opened:     %1</source>
        <translation>geöffnet:   %1</translation>
    </message>
    <message>
        <source>failed:     %1 in the %2 step</source>
        <translation>gescheitert: %1 im Schritt %2</translation>
    </message>
    <message>
        <source>over 4093:  %1 (Werkzeug warns)   over 4096: %2 (browsers drop them)</source>
        <translation>über 4093:  %1 (Werkzeug warnt)   über 4096: %2 (Browser verwerfen sie)</translation>
    </message>
    <message>
        <source>top keys (bytes of &quot;key&quot;: value in the plaintext)</source>
        <translation>größte Schlüssel (Bytes von &quot;Schlüssel&quot;: Wert im Klartext)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>in %1 cookies</source>
        <translation>in %1 Cookies</translation>
    </message>
    <message>
        <source>compared with the baseline:</source>
        <translation>im Vergleich zur Basis:</translation>
    </message>
    <message>
        <source>, new</source>
        <translation>, neu</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>formats:    %1, %2 of no known shape; %3 compressed</source>
        <translation>Formate:    %1, %2 in keiner bekannten Form; %3 komprimiert</translation>
    </message>
</context>
<context>
    <name>CaptureCommand</name>
    <message>
        <source>Send a request and print the session cookies it sets, decoded.</source>
        <translation>Sendet eine Anfrage und gibt die gesetzten Session-Cookies entschlüsselt aus.</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Request header &apos;Name: value&apos; (repeatable).</source>
        <translation>Anfrage-Header &apos;Name: Wert&apos; (wiederholbar).</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Same-origin redirects to follow (default 10).</source>
        <translation>Weiterleitungen innerhalb des Ursprungs, denen gefolgt wird (Standard 10).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Accept certificate errors of this host (repeatable).</source>
        <translation>Zertifikatsfehler dieses Hosts akzeptieren (wiederholbar).</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Print the final response body.</source>
        <translation>Den Inhalt der letzten Antwort ausgeben.</translation>
    </message>
    <message>
        <source>http:// or https:// URL.</source>
        <translation>http://- oder https://-URL.</translation>
    </message>
    <message>
        <source>capture takes one URL</source>
        <translation>capture erwartet genau eine URL</translation>
    </message>
    <message>
        <source>--max-redirects takes a count from 0 to %1</source>
        <translation>--max-redirects erwartet eine Anzahl von 0 bis %1</translation>
    </message>
    <message>
        <source>--timeout takes seconds from 1 to 3600</source>
        <translation>--timeout erwartet Sekunden von 1 bis 3600</translation>
    </message>
    <message>
        <source>a header is &apos;Name: value&apos;, not &apos;%1&apos;</source>
        <translation>ein Header ist &apos;Name: Wert&apos;, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not followed: a redirect to another origin, %1 (the session cookie stays with its origin)</source>
        <translation>nicht gefolgt: eine Weiterleitung zu einem anderen Ursprung, %1 (das Session-Cookie bleibt bei seinem Ursprung)</translation>
    </message>
    <message>
        <source>no response set a %1 cookie</source>
        <translation>keine Antwort hat ein %1-Cookie gesetzt</translation>
    </message>
    <message>
        <source>Seconds the transfer may stay idle (default 30).</source>
        <translation>Sekunden, die die Übertragung untätig sein darf (Standard 30).</translation>
    </message>
    <message>
        <source>Seconds the whole request may take, redirects included (default %1).</source>
        <translation>Sekunden, die die ganze Anfrage samt Weiterleitungen dauern darf (Standard %1).</translation>
    </message>
    <message>
        <source>--max-time takes seconds from 0.001 to %1</source>
        <translation>--max-time erwartet Sekunden von 0,001 bis %1</translation>
    </message>
    <message>
        <source>note: --cookie: no file of that name and no name=value pair: the text is sent as the session cookie&apos;s value</source>
        <translation>Hinweis: --cookie: keine Datei dieses Namens und kein Paar name=wert: der Text wird als Wert des Session-Cookies gesendet</translation>
    </message>
    <message>
        <source>give one of --data, --data-file and --json</source>
        <translation>eines von --data, --data-file und --json angeben</translation>
    </message>
    <message>
        <source>HTTP method (default GET; POST with a body).</source>
        <translation>HTTP-Methode (Standard GET; POST mit einem Inhalt).</translation>
    </message>
    <message>
        <source>Request body, sent as a form (application/x-www-form-urlencoded) unless -H gives a Content-Type.</source>
        <translation>Anfrageinhalt, als Formular gesendet (application/x-www-form-urlencoded), wenn -H keinen Content-Type angibt.</translation>
    </message>
    <message>
        <source>Request body from a file (&apos;-&apos;: standard input), sent as --data is.</source>
        <translation>Anfrageinhalt aus einer Datei (&apos;-&apos;: Standardeingabe), gesendet wie bei --data.</translation>
    </message>
    <message>
        <source>JSON request body, sent with Content-Type and Accept application/json.</source>
        <translation>JSON-Anfrageinhalt, gesendet mit Content-Type und Accept application/json.</translation>
    </message>
    <message>
        <source>Cookies to send, as curl takes them: &apos;name=value; ...&apos;, or a cookie file as -c writes it. A session cookie value alone is sent as the session cookie. Visible to other users in ps: prefer a file.</source>
        <translation>Zu sendende Cookies, wie curl sie nimmt: &apos;name=wert; ...&apos; oder eine Cookie-Datei, wie -c sie schreibt. Ein Session-Cookie-Wert allein wird als Session-Cookie gesendet. Für andere Benutzer in ps sichtbar: besser eine Datei.</translation>
    </message>
    <message>
        <source>cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>The session cookie&apos;s value, read from a file (&apos;-&apos;: standard input).</source>
        <translation>Der Wert des Session-Cookies, aus einer Datei gelesen (&apos;-&apos;: Standardeingabe).</translation>
    </message>
    <message>
        <source>Name of the session cookie (default: session).</source>
        <translation>Name des Session-Cookies (Standard: session).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Write the cookies of the run (those -b read from a file and those the responses set) to this file, in curl&apos;s format, private (0600).</source>
        <translation>Die Cookies des Laufs (die -b aus einer Datei las und die die Antworten setzten) in diese Datei schreiben, im Format von curl, privat (0600).</translation>
    </message>
    <message>
        <source>the session cookie is given twice: in --cookie and in --cookie-file</source>
        <translation>das Session-Cookie ist doppelt angegeben: in --cookie und in --cookie-file</translation>
    </message>
    <message>
        <source>cookie jar: %1</source>
        <translation>Cookie-Speicher: %1</translation>
    </message>
</context>
<context>
    <name>CliIo</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>input is larger than %1 bytes</source>
        <translation>die Eingabe ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>sessionlens-cli: %1 step failed: %2</source>
        <translation>sessionlens-cli: Schritt %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>sessionlens-cli: %1</source>
        <translation>sessionlens-cli: %1</translation>
    </message>
    <message>
        <source>Try &apos;sessionlens-cli help&apos;.</source>
        <translation>Siehe &apos;sessionlens-cli help&apos;.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>Try &apos;sessionlens-cli %1 --help&apos;.</source>
        <translation>Siehe &apos;sessionlens-cli %1 --help&apos;.</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>%1 needs one of: %2</source>
        <translation>%1 braucht eines von: %2</translation>
    </message>
</context>
<context>
    <name>CommandRegistry</name>
    <message>
        <source>Usage: sessionlens-cli COMMAND [OPTIONS]</source>
        <translation>Aufruf: sessionlens-cli BEFEHL [OPTIONEN]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>This text, or a command&apos;s options: help COMMAND.</source>
        <translation>Dieser Text, oder die Optionen eines Befehls: help BEFEHL.</translation>
    </message>
    <message>
        <source>&apos;sessionlens-cli COMMAND --help&apos; or &apos;sessionlens-cli help COMMAND&apos; lists a command&apos;s options.
Commands that open or make cookies also use the stored key ring, after the keys given
for the run (--no-ring: only those); seal, sign and convert take --with NAME.
Keys may be Python bytes literals (b&apos;...&apos;), hex or base64. Secrets (Flask SECRET_KEY)
are taken as text.
Exit codes: 0 ok, 2 usage, 3 format or base64, 4 authentication, 5 decompression,
6 encoding, 7 JSON, 8 limit, 9 key text, 10 input/output.</source>
        <translation>&apos;sessionlens-cli BEFEHL --help&apos; oder &apos;sessionlens-cli help BEFEHL&apos; listet die Optionen eines Befehls.
Befehle, die Cookies öffnen oder erzeugen, verwenden nach den für den Lauf angegebenen
Schlüsseln auch den gespeicherten Schlüsselbund (--no-ring: nur jene); seal, sign und
convert nehmen --with NAME. Schlüssel können Python-Bytes-Literale (b&apos;...&apos;), Hex oder
Base64 sein. Geheimnisse (Flasks SECRET_KEY) werden als Text genommen.
Exit-Codes: 0 ok, 2 Aufruf, 3 Format oder Base64, 4 Authentifizierung, 5 Dekompression,
6 Kodierung, 7 JSON, 8 Grenze, 9 Schlüsseltext, 10 Ein-/Ausgabe.</translation>
    </message>
    <message>
        <source>no help for &apos;%1&apos;: not a command</source>
        <translation>keine Hilfe zu &apos;%1&apos;: kein Befehl</translation>
    </message>
    <message>
        <source>--dump-completion takes bash or zsh</source>
        <translation>--dump-completion erwartet bash oder zsh</translation>
    </message>
    <message>
        <source>--dump-manpage-synopsis takes no arguments</source>
        <translation>--dump-manpage-synopsis erwartet keine Argumente</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>CommandSyntax</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>SUBCOMMAND</source>
        <translation>UNTERBEFEHL</translation>
    </message>
    <message>
        <source>[OPTIONS]</source>
        <translation>[OPTIONEN]</translation>
    </message>
    <message>
        <source>Usage: sessionlens-cli %1</source>
        <translation>Aufruf: sessionlens-cli %1</translation>
    </message>
    <message>
        <source>Subcommands:</source>
        <translation>Unterbefehle:</translation>
    </message>
    <message>
        <source>&apos;sessionlens-cli %1 SUBCOMMAND --help&apos; lists a subcommand&apos;s options.</source>
        <translation>&apos;sessionlens-cli %1 UNTERBEFEHL --help&apos; listet die Optionen eines Unterbefehls.</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
</context>
<context>
    <name>ConvertCommand</name>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Cookie value or header line, &apos;-&apos; for standard input.</source>
        <translation>Cookie-Wert oder Header-Zeile, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>convert takes one cookie argument</source>
        <translation>convert erwartet genau ein Cookie</translation>
    </message>
    <message>
        <source>note: the source signature was not checked</source>
        <translation>Hinweis: die Signatur des Ausgangscookies wurde nicht geprüft</translation>
    </message>
    <message>
        <source>note: %1: %2</source>
        <translation>Hinweis: %1: %2</translation>
    </message>
    <message>
        <source>Convert to %1</source>
        <translation>In %1 umwandeln</translation>
    </message>
    <message>
        <source>&amp;Undo Converting to %1</source>
        <translation>Umwandlung in %1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Converting to %1</source>
        <translation>Umwandlung in %1 &amp;wiederholen</translation>
    </message>
    <message>
        <source>Target format: %1.</source>
        <translation>Zielformat: %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>convert needs --to %1</source>
        <translation>convert braucht --to %1</translation>
    </message>
    <message>
        <source>Move a session between formats; what the target cannot carry is listed.</source>
        <translation>Eine Sitzung zwischen Formaten verschieben; was das Ziel nicht tragen kann, wird aufgeführt.</translation>
    </message>
    <message>
        <source>Targets that choose: auto (the server&apos;s rule), always or never.</source>
        <translation>Ziele mit Wahl: auto (die Regel des Servers), always oder never.</translation>
    </message>
</context>
<context>
    <name>CookieArguments</name>
    <message>
        <source>%1 Visible to other users in ps: prefer --cookie-file.</source>
        <translation>%1 Für andere Benutzer in ps sichtbar: besser --cookie-file verwenden.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The same, read from a file (&apos;-&apos;: standard input).</source>
        <translation>Dasselbe, aus einer Datei gelesen (&apos;-&apos;: Standardeingabe).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Name of the session cookie (default: session).</source>
        <translation>Name des Session-Cookies (Standard: session).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>give --cookie or --cookie-file, not both</source>
        <translation>--cookie oder --cookie-file angeben, nicht beides</translation>
    </message>
</context>
<context>
    <name>CrackCommand</name>
    <message>
        <source>Candidate secrets, one per line.</source>
        <translation>Kandidaten für das Geheimnis, einer pro Zeile.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core).</source>
        <translation>Arbeits-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Skip the built-in list of well-known secrets.</source>
        <translation>Die eingebaute Liste bekannter Geheimnisse auslassen.</translation>
    </message>
    <message>
        <source>Signed cookie value or header line, &apos;-&apos; for standard input.</source>
        <translation>Wert oder Header-Zeile eines signierten Cookies, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>crack takes one cookie argument</source>
        <translation>crack erwartet genau ein Cookie</translation>
    </message>
    <message>
        <source>%1 tried, %2%, about %3 s left</source>
        <translation>%1 probiert, %2 %, noch etwa %3 s</translation>
    </message>
    <message>
        <source>tried %1 secrets in %2 s (%3 per second)</source>
        <translation>%1 Geheimnisse in %2 s probiert (%3 pro Sekunde)</translation>
    </message>
    <message>
        <source>no candidate secret signs this cookie</source>
        <translation>kein Kandidat signiert dieses Cookie</translation>
    </message>
    <message>
        <source>found at line %1 of %2</source>
        <translation>gefunden in Zeile %1 von %2</translation>
    </message>
    <message>
        <source>found in the built-in list of well-known secrets</source>
        <translation>gefunden in der eingebauten Liste bekannter Geheimnisse</translation>
    </message>
    <message>
        <source>--threads takes a count from 0 (one per core) to %1</source>
        <translation>--threads erwartet eine Anzahl von 0 (einer pro Kern) bis %1</translation>
    </message>
    <message>
        <source>signed with a known secret: %1</source>
        <translation>mit einem bekannten Secret signiert: %1</translation>
    </message>
    <message>
        <source>Read lines holding Python string or bytes literals (&apos;x&apos;, b&apos;\x8e...&apos;, as flask-unsign&apos;s wordlists) as their values.</source>
        <translation>Zeilen mit Python-String- oder -Bytes-Literalen (&apos;x&apos;, b&apos;\x8e...&apos;, wie in den Wortlisten von flask-unsign) als deren Werte lesen.</translation>
    </message>
    <message>
        <source>Strip white space around each line first, as flask-unsign does.</source>
        <translation>Leerraum um jede Zeile zuerst entfernen, wie flask-unsign es tut.</translation>
    </message>
    <message>
        <source>Audit a signed cookie&apos;s secret against wordlists (only of apps you may test).</source>
        <translation>Das Geheimnis eines signierten Cookies gegen Wortlisten prüfen (nur bei Apps, die Sie testen dürfen).</translation>
    </message>
</context>
<context>
    <name>CsrfCommand</name>
    <message>
        <source>The session cookie (&apos;-&apos;: standard input).</source>
        <translation>Das Session-Cookie (&apos;-&apos;: Standardeingabe).</translation>
    </message>
    <message>
        <source>cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <source>WTF_CSRF_FIELD_NAME: the session key (default: %1).</source>
        <translation>WTF_CSRF_FIELD_NAME: der Schlüssel in der Session (Standard: %1).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Verify or mint Flask-WTF&apos;s CSRF form token for a session.</source>
        <translation>Das CSRF-Formular-Token von Flask-WTF für eine Session prüfen oder erzeugen.</translation>
    </message>
    <message>
        <source>Check a form token against a session and the secrets, naming the step that fails.</source>
        <translation>Ein Formular-Token gegen eine Session und die Geheimnisse prüfen und den Schritt nennen, der scheitert.</translation>
    </message>
    <message>
        <source>The form token (csrf_token field).</source>
        <translation>Das Formular-Token (Feld csrf_token).</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>WTF_CSRF_TIME_LIMIT in seconds, or &apos;none&apos; (default: %1).</source>
        <translation>WTF_CSRF_TIME_LIMIT in Sekunden oder &apos;none&apos; (Standard: %1).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Print the verdict as JSON.</source>
        <translation>Das Urteil als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Print a form token the app accepts for the session, and the session sealed again when it had no csrf_token.</source>
        <translation>Ein Formular-Token ausgeben, das die App für die Session annimmt, und die neu versiegelte Session, wenn sie kein csrf_token hatte.</translation>
    </message>
    <message>
        <source>csrf needs a subcommand: verify or mint</source>
        <translation>csrf braucht einen Unterbefehl: verify oder mint</translation>
    </message>
    <message>
        <source>--session is required</source>
        <translation>--session ist erforderlich</translation>
    </message>
    <message>
        <source>--time-limit takes seconds or &apos;none&apos;</source>
        <translation>--time-limit erwartet Sekunden oder &apos;none&apos;</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>the session cookie does not open:</source>
        <translation>das Session-Cookie lässt sich nicht öffnen:</translation>
    </message>
    <message>
        <source>warning: no secret verified the session cookie: the app would start an empty session instead</source>
        <translation>Warnung: kein Geheimnis hat das Session-Cookie bestätigt: die App würde stattdessen eine leere Session beginnen</translation>
    </message>
    <message>
        <source>the secret cannot be used</source>
        <translation>das Geheimnis ist nicht verwendbar</translation>
    </message>
    <message>
        <source>sessionlens-cli: the CSRF token fails at step %1: %2</source>
        <translation>sessionlens-cli: das CSRF-Token scheitert im Schritt %1: %2</translation>
    </message>
    <message>
        <source>valid: signed with %1, %2 s old (time limit: %3)</source>
        <translation>gültig: signiert mit %1, %2 s alt (Zeitlimit: %3)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>form token signed with %1</source>
        <translation>Formular-Token signiert mit %1</translation>
    </message>
    <message>
        <source>the session had no %1, and without the key that opened it the session cannot be sealed again with one</source>
        <translation>die Session hatte kein %1, und ohne den Schlüssel, der sie öffnete, lässt sie sich nicht mit einem neu versiegeln</translation>
    </message>
    <message>
        <source>the session had no %1: it now holds a new one, so send this session cookie (line 2) with the token</source>
        <translation>die Session hatte kein %1: sie enthält jetzt ein neues, also dieses Session-Cookie (Zeile 2) mit dem Token senden</translation>
    </message>
    <message>
        <source>Flask-WTF keeps its csrf_token in a Flask session (signed or EncryptedSession), not in this format: %1</source>
        <translation>Flask-WTF legt sein csrf_token in einer Flask-Sitzung ab (signiert oder EncryptedSession), nicht in diesem Format: %1</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <source>Output: tree (default), json or python.</source>
        <translation>Ausgabe: tree (Standard), json oder python.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Read one cookie per line and write one result line per cookie.</source>
        <translation>Liest ein Cookie pro Zeile und schreibt eine Ergebniszeile pro Cookie.</translation>
    </message>
    <message>
        <source>Cookie value or header line, &apos;-&apos; for standard input.</source>
        <translation>Cookie-Wert oder Header-Zeile, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;: use tree, json or python</source>
        <translation>unbekanntes Format &apos;%1&apos;: tree, json oder python verwenden</translation>
    </message>
    <message>
        <source>decode takes one cookie argument</source>
        <translation>decode erwartet genau ein Cookie</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>opened with %1 (fingerprint %2)</source>
        <translation>geöffnet mit %1 (Fingerabdruck %2)</translation>
    </message>
    <message>
        <source>note: the signature was not checked (give --secret to verify it)</source>
        <translation>Hinweis: die Signatur wurde nicht geprüft (mit --secret prüfen)</translation>
    </message>
    <message>
        <source>signature valid: %1</source>
        <translation>Signatur gültig: %1</translation>
    </message>
    <message>
        <source>the empty secret</source>
        <translation>das leere Geheimnis</translation>
    </message>
    <message>
        <source>warning: the timestamp is out of range (after the year 9999): itsdangerous rejects it as signed in the future</source>
        <translation>Warnung: der Zeitstempel liegt außerhalb des Bereichs (nach dem Jahr 9999): itsdangerous weist ihn als in der Zukunft signiert zurück</translation>
    </message>
    <message>
        <source>warning: signed %1 s in the future: itsdangerous rejects it</source>
        <translation>Warnung: %1 s in der Zukunft signiert: itsdangerous weist es zurück</translation>
    </message>
    <message>
        <source>Flask / Quart signed cookie, timestamp out of range (after the year 9999)</source>
        <translation>Signiertes Flask-/Quart-Cookie, Zeitstempel außerhalb des Bereichs (nach dem Jahr 9999)</translation>
    </message>
    <message>
        <source>%1, signed %2 (%3)</source>
        <translation>%1, signiert %2 (%3)</translation>
    </message>
    <message>
        <source>warning: older than the session lifetime (%1 s): the server rejects it</source>
        <translation>Warnung: älter als die Sitzungsdauer (%1 s): der Server weist es zurück</translation>
    </message>
    <message>
        <source>Open a session cookie of any known format and print the session.</source>
        <translation>Ein Sitzungs-Cookie jedes bekannten Formats öffnen und die Sitzung ausgeben.</translation>
    </message>
</context>
<context>
    <name>EditArguments</name>
    <message>
        <source>Set the value at PATH (session[&apos;a&apos;][0] or a.0) to JSON in the format&apos;s dialect; a new key or the item after the last is added (repeatable).</source>
        <translation>Setzt den Wert an PFAD (session[&apos;a&apos;][0] oder a.0) auf JSON im Dialekt des Formats; ein neuer Schlüssel oder das Element nach dem letzten wird angefügt (wiederholbar).</translation>
    </message>
    <message>
        <source>path=json</source>
        <translation>pfad=json</translation>
    </message>
    <message>
        <source>Delete the key or item at PATH (repeatable).</source>
        <translation>Löscht den Schlüssel oder das Element an PFAD (wiederholbar).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Rename the key at PATH to KEY (repeatable).</source>
        <translation>Benennt den Schlüssel an PFAD in SCHLÜSSEL um (wiederholbar).</translation>
    </message>
    <message>
        <source>path=key</source>
        <translation>pfad=schlüssel</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>Warnung: %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Change a cookie&apos;s session by path and seal it again in its format.</source>
        <translation>Ändert die Sitzung eines Cookies per Pfad und versiegelt sie erneut in seinem Format.</translation>
    </message>
    <message>
        <source>Formats that choose: auto (the server&apos;s rule, as the window re-seals), always, never or keep (as the cookie was).</source>
        <translation>Formate mit Wahl: auto (die Regel des Servers, wie das Fenster neu versiegelt), always, never oder keep (wie das Cookie war).</translation>
    </message>
    <message>
        <source>Signed formats: sign as of the cookie&apos;s own time, not now.</source>
        <translation>Signierte Formate: mit der eigenen Zeit des Cookies signieren, nicht mit jetzt.</translation>
    </message>
    <message>
        <source>Cookie value or header line, &apos;-&apos; for standard input.</source>
        <translation>Cookie-Wert oder Header-Zeile, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>edit takes one cookie argument</source>
        <translation>edit nimmt ein Cookie-Argument</translation>
    </message>
    <message>
        <source>--keep-timestamp and --timestamp exclude each other</source>
        <translation>--keep-timestamp und --timestamp schließen einander aus</translation>
    </message>
    <message>
        <source>note: no secret verified the cookie; %1 signs it</source>
        <translation>Hinweis: kein Geheimnis hat das Cookie bestätigt; %1 signiert es</translation>
    </message>
    <message>
        <source>note: %1 compresses by its own rule; --compress does nothing for it</source>
        <translation>Hinweis: %1 komprimiert nach eigener Regel; --compress bewirkt dafür nichts</translation>
    </message>
    <message>
        <source>the cookie carries no timestamp to keep</source>
        <translation>das Cookie trägt keinen Zeitstempel, der sich behalten ließe</translation>
    </message>
    <message>
        <source>note: %1 signs no timestamp; --keep-timestamp and --timestamp do nothing for it</source>
        <translation>Hinweis: %1 signiert keinen Zeitstempel; --keep-timestamp und --timestamp bewirken dafür nichts</translation>
    </message>
</context>
<context>
    <name>EntryPrinter</name>
    <message>
        <source>Output: tree (default), json, python or jsonl (one JSON object per cookie).</source>
        <translation>Ausgabe: tree (Standard), json, python oder jsonl (ein JSON-Objekt pro Cookie).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>verified with %1</source>
        <translation>geprüft mit %1</translation>
    </message>
    <message>
        <source>opened with %1</source>
        <translation>geöffnet mit %1</translation>
    </message>
    <message>
        <source>signature not verified</source>
        <translation>Signatur nicht geprüft</translation>
    </message>
    <message>
        <source># error in the %1 step: %2</source>
        <translation># Fehler im Schritt %1: %2</translation>
    </message>
    <message>
        <source># no change since the previous session of this origin</source>
        <translation># keine Änderung seit der vorigen Session dieses Ursprungs</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source># … and %1 more changes</source>
        <translation># … und %1 weitere Änderungen</translation>
    </message>
    <message>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;: use tree, json, python or jsonl</source>
        <translation>unbekanntes Format &apos;%1&apos;: tree, json, python oder jsonl verwenden</translation>
    </message>
    <message>
        <source> (pin)</source>
        <translation> (angeheftet)</translation>
    </message>
    <message>
        <source># the app rejected the pinned cookie: it answered %1, so it may not have opened it (sealed with another key?)</source>
        <translation># die App hat das angeheftete Cookie abgewiesen: sie antwortete %1, hat es also wohl nicht öffnen können (mit einem anderen Schlüssel versiegelt?)</translation>
    </message>
    <message>
        <source># the app rejected the pinned cookie: it could not open it (sealed with another key?) and started a new session</source>
        <translation># die App hat das angeheftete Cookie abgewiesen: sie konnte es nicht öffnen (mit einem anderen Schlüssel versiegelt?) und hat eine neue Session begonnen</translation>
    </message>
    <message>
        <source>session[&apos;%1&apos;]: %2</source>
        <translation>session[&apos;%1&apos;]: %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The cookie does not have the expected shape.</source>
        <translation>Das Cookie hat nicht die erwartete Form.</translation>
    </message>
    <message>
        <source>A field is not valid base64.</source>
        <translation>Ein Feld ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>The tag does not match: wrong key, or the cookie was altered.</source>
        <translation>Der Tag passt nicht: falscher Schlüssel, oder das Cookie wurde verändert.</translation>
    </message>
    <message>
        <source>The decrypted data is not a valid zlib stream.</source>
        <translation>Die entschlüsselten Daten sind kein gültiger zlib-Strom.</translation>
    </message>
    <message>
        <source>The plaintext is not valid UTF-8.</source>
        <translation>Der Klartext ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The plaintext is not JSON the server accepts.</source>
        <translation>Der Klartext ist kein JSON, das der Server akzeptiert.</translation>
    </message>
    <message>
        <source>A safety limit was reached.</source>
        <translation>Ein Sicherheitsgrenzwert wurde erreicht.</translation>
    </message>
    <message>
        <source>The key cannot be used.</source>
        <translation>Der Schlüssel ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>Die Datei konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>The network request failed.</source>
        <translation>Die Netzwerkanfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The %1 step failed. %2</source>
        <translation>Der Schritt „%1“ ist fehlgeschlagen. %2</translation>
    </message>
</context>
<context>
    <name>FileKeyStore</name>
    <message>
        <source>the key store&apos;s wrapping key is damaged</source>
        <translation>der Hüllschlüssel des Schlüsselspeichers ist beschädigt</translation>
    </message>
    <message>
        <source>the key store is damaged</source>
        <translation>der Schlüsselspeicher ist beschädigt</translation>
    </message>
    <message>
        <source>the key store does not open with its wrapping key</source>
        <translation>der Schlüsselspeicher lässt sich mit seinem Hüllschlüssel nicht öffnen</translation>
    </message>
    <message>
        <source>no secret stored for &quot;%1&quot;</source>
        <translation>für „%1“ ist kein Geheimnis gespeichert</translation>
    </message>
    <message>
        <source>File store (not the desktop keychain): %1, readable only by you. Its wrapping key lies in the same folder, so it keeps keys out of backups and casual reading, not from someone who can read your files.</source>
        <translation>Dateispeicher (nicht der Schlüsselbund des Desktops): %1, nur für Sie lesbar. Sein Verpackungsschlüssel liegt im selben Ordner: Er hält Schlüssel aus Backups und von beiläufigem Lesen fern, nicht aber von jemandem, der Ihre Dateien lesen kann.</translation>
    </message>
    <message>
        <source>the key store&apos;s wrapping key is missing</source>
        <translation>der Verpackungsschlüssel des Schlüsselspeichers fehlt</translation>
    </message>
</context>
<context>
    <name>FlaskLoginNotes</name>
    <message>
        <source>Check Flask-Login&apos;s _id against this User-Agent.</source>
        <translation>Flask-Logins _id gegen diesen User-Agent prüfen.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The client address for the _id check (default 127.0.0.1).</source>
        <translation>Die Client-Adresse für die Prüfung von _id (Standard 127.0.0.1).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Flask-Login remember cookie for user id &quot;%1&quot;</source>
        <translation>Remember-Cookie von Flask-Login für die Benutzer-ID „%1“</translation>
    </message>
    <message>
        <source>note: the digest was not checked (give --secret to verify it)</source>
        <translation>Hinweis: der Digest wurde nicht geprüft (mit --secret prüfen)</translation>
    </message>
    <message>
        <source>digest valid: %1</source>
        <translation>Digest gültig: %1</translation>
    </message>
    <message>
        <source>the empty secret</source>
        <translation>das leere Geheimnis</translation>
    </message>
    <message>
        <source>note: session[&apos;%1&apos;]: %2</source>
        <translation>Hinweis: session[&apos;%1&apos;]: %2</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Only cookies of this host.</source>
        <translation>Nur Cookies dieses Hosts.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Name of the session cookie (default: session).</source>
        <translation>Name des Session-Cookies (Standard: session).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Session cookies from HAR, cookies.txt, cookie lists and browser cookie databases.</source>
        <translation>Session-Cookies aus HAR, cookies.txt, Cookie-Listen und Cookie-Datenbanken von Browsern.</translation>
    </message>
    <message>
        <source>List the browser profiles found in the usual places, and stop.</source>
        <translation>Die an den üblichen Orten gefundenen Browserprofile auflisten und enden.</translation>
    </message>
    <message>
        <source>Files, profile folders or &apos;-&apos; for standard input.</source>
        <translation>Dateien, Profilordner oder &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>import takes at least one file</source>
        <translation>import erwartet mindestens eine Datei</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n session cookie(s)</source>
        <translation>
            <numerusform>%1: %2, %n Session-Cookie</numerusform>
            <numerusform>%1: %2, %n Session-Cookies</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>KeyArguments</name>
    <message>
        <source>AES key as a Python bytes literal, hex or base64 (repeatable).</source>
        <translation>AES-Schlüssel als Python-Bytes-Literal, Hex oder Base64 (mehrfach möglich).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>File holding key text (repeatable).</source>
        <translation>Datei mit Schlüsseltext (mehrfach möglich).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1: give --key or --key-file</source>
        <translation>%1: geben Sie --key oder --key-file an</translation>
    </message>
</context>
<context>
    <name>KeyCommand</name>
    <message>
        <source>Key text, &apos;-&apos; for standard input.</source>
        <translation>Schlüsseltext, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>key inspect takes one key</source>
        <translation>key inspect erwartet genau einen Schlüssel</translation>
    </message>
    <message>
        <source>read as:     %1</source>
        <translation>gelesen als:    %1</translation>
    </message>
    <message>
        <source>length:      %1 bytes</source>
        <translation>Länge:          %1 Bytes</translation>
    </message>
    <message>
        <source>variant:     %1</source>
        <translation>Variante:       %1</translation>
    </message>
    <message>
        <source>fingerprint: %1</source>
        <translation>Fingerabdruck:  %1</translation>
    </message>
    <message>
        <source>hex:         %1</source>
        <translation>Hex:            %1</translation>
    </message>
    <message>
        <source>base64:      %1</source>
        <translation>Base64:         %1</translation>
    </message>
    <message>
        <source>python:      %1</source>
        <translation>Python:         %1</translation>
    </message>
    <message>
        <source>python (default), hex or base64.</source>
        <translation>python (Standard), hex oder base64.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Key size in bytes: 16, 24 or 32 (default).</source>
        <translation>Schlüsselgröße in Bytes: 16, 24 oder 32 (Standard).</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>key size must be 16, 24 or 32</source>
        <translation>die Schlüsselgröße muss 16, 24 oder 32 sein</translation>
    </message>
    <message>
        <source>unknown key format &apos;%1&apos;: use python, hex or base64</source>
        <translation>unbekanntes Schlüsselformat &apos;%1&apos;: python, hex oder base64 verwenden</translation>
    </message>
    <message>
        <source>store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Name of the key in the ring.</source>
        <translation>Name des Schlüssels im Schlüsselbund.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>File holding an AES key (&apos;-&apos;: standard input).</source>
        <translation>Datei mit einem AES-Schlüssel (&apos;-&apos;: Standardeingabe).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>File holding a Flask SECRET_KEY (&apos;-&apos;: standard input).</source>
        <translation>Datei mit einem Flask-SECRET_KEY (&apos;-&apos;: Standardeingabe).</translation>
    </message>
    <message>
        <source>Read an AES key from standard input.</source>
        <translation>Einen AES-Schlüssel von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>key add needs --name NAME</source>
        <translation>key add braucht --name NAME</translation>
    </message>
    <message>
        <source>a stored key&apos;s name does not start with --</source>
        <translation>der Name eines gespeicherten Schlüssels beginnt nicht mit --</translation>
    </message>
    <message>
        <source>key add takes one of --key-file F, --secret-file F or - (never the key itself)</source>
        <translation>key add nimmt genau eines von --key-file F, --secret-file F oder - (nie den Schlüssel selbst)</translation>
    </message>
    <message>
        <source>no key store can be reached</source>
        <translation>kein Schlüsselspeicher erreichbar</translation>
    </message>
    <message>
        <source>added %1 &quot;%2&quot; (%3) to %4</source>
        <translation>%1 &quot;%2&quot; (%3) zu %4 hinzugefügt</translation>
    </message>
    <message>
        <source>The key to remove.</source>
        <translation>Der zu entfernende Schlüssel.</translation>
    </message>
    <message>
        <source>key remove takes one name</source>
        <translation>key remove erwartet genau einen Namen</translation>
    </message>
    <message>
        <source>no stored key is named &quot;%1&quot;</source>
        <translation>kein gespeicherter Schlüssel heißt &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The key&apos;s name.</source>
        <translation>Der Name des Schlüssels.</translation>
    </message>
    <message>
        <source>Its new name.</source>
        <translation>Sein neuer Name.</translation>
    </message>
    <message>
        <source>key rename takes OLD NEW</source>
        <translation>key rename erwartet ALT NEU</translation>
    </message>
    <message>
        <source>Print the secret even on a terminal.</source>
        <translation>Das Geheimnis auch auf einem Terminal ausgeben.</translation>
    </message>
    <message>
        <source>The key to export.</source>
        <translation>Der zu exportierende Schlüssel.</translation>
    </message>
    <message>
        <source>key export takes one name</source>
        <translation>key export erwartet genau einen Namen</translation>
    </message>
    <message>
        <source>not printed: standard output is a terminal, where the secret would stay on screen and in scrollback. Redirect it (key export NAME &gt; file) or add --reveal.</source>
        <translation>nicht ausgegeben: die Standardausgabe ist ein Terminal, wo das Geheimnis auf dem Bildschirm und im Verlauf bliebe. Leiten Sie sie um (key export NAME &gt; datei) oder geben Sie --reveal an.</translation>
    </message>
    <message>
        <source>exporting the secret of &quot;%1&quot; (%2)</source>
        <translation>das Geheimnis von &quot;%1&quot; (%2) wird exportiert</translation>
    </message>
    <message>
        <source>the key store did not return these stored keys: %1</source>
        <translation>der Schlüsselspeicher hat diese gespeicherten Schlüssel nicht geliefert: %1</translation>
    </message>
    <message>
        <source>The stored key ring, shared with the window; and key text tools.</source>
        <translation>Der gespeicherte Schlüsselbund, den auch das Fenster nutzt; und Werkzeuge für Schlüsseltext.</translation>
    </message>
    <message>
        <source>Store a key or secret read from a file or standard input.</source>
        <translation>Einen Schlüssel oder ein Geheimnis aus einer Datei oder der Standardeingabe speichern.</translation>
    </message>
    <message>
        <source>Remove a stored key.</source>
        <translation>Einen gespeicherten Schlüssel entfernen.</translation>
    </message>
    <message>
        <source>Rename a stored key.</source>
        <translation>Einen gespeicherten Schlüssel umbenennen.</translation>
    </message>
    <message>
        <source>Print a stored key, only into a file or pipe unless --reveal.</source>
        <translation>Einen gespeicherten Schlüssel ausgeben, ohne --reveal nur in eine Datei oder Pipe.</translation>
    </message>
    <message>
        <source>Length, fingerprint, AES variant and every form of a key.</source>
        <translation>Länge, Fingerabdruck, AES-Variante und jede Schreibweise eines Schlüssels.</translation>
    </message>
    <message>
        <source>Make a new random AES key.</source>
        <translation>Einen neuen zufälligen AES-Schlüssel erzeugen.</translation>
    </message>
    <message>
        <source>List the stored keys: name, kind, size, fingerprint (never the key) and the formats each is kept for.</source>
        <translation>Die gespeicherten Schlüssel auflisten: Name, Art, Größe, Fingerabdruck (nie den Schlüssel) und die Formate, für die jeder gilt.</translation>
    </message>
    <message>
        <source>Try the key only on cookies of these formats (comma-separated ids).</source>
        <translation>Den Schlüssel nur an Cookies dieser Formate versuchen (IDs, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>formats</source>
        <translation>Formate</translation>
    </message>
    <message>
        <source>all formats</source>
        <translation>alle Formate</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>it is tried only on cookies of: %1</source>
        <translation>er wird nur an Cookies dieser Formate versucht: %1</translation>
    </message>
</context>
<context>
    <name>KeychainKeyStore</name>
    <message>
        <source>Desktop keychain (service &quot;%1&quot;)</source>
        <translation>Schlüsselbund des Desktops (Dienst „%1“)</translation>
    </message>
    <message>
        <source>the keychain did not return &quot;%1&quot;: %2</source>
        <translation>der Schlüsselbund hat „%1“ nicht geliefert: %2</translation>
    </message>
    <message>
        <source>the keychain did not store &quot;%1&quot;: %2</source>
        <translation>der Schlüsselbund hat „%1“ nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>the keychain did not delete &quot;%1&quot;: %2</source>
        <translation>der Schlüsselbund hat „%1“ nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>it did not answer within %1 s (locked, starting, or waiting for a prompt)</source>
        <translation>er hat nicht innerhalb von %1 s geantwortet (gesperrt, startet noch oder wartet auf eine Abfrage)</translation>
    </message>
    <message>
        <source>access was denied at the prompt</source>
        <translation>der Zugriff wurde bei der Abfrage verweigert</translation>
    </message>
    <message>
        <source>access was denied</source>
        <translation>der Zugriff wurde verweigert</translation>
    </message>
    <message>
        <source>no keychain service is running</source>
        <translation>es läuft kein Schlüsselbunddienst</translation>
    </message>
    <message>
        <source>this keychain cannot do that</source>
        <translation>dieser Schlüsselbund kann das nicht</translation>
    </message>
    <message>
        <source>there is no such entry</source>
        <translation>einen solchen Eintrag gibt es nicht</translation>
    </message>
    <message>
        <source>it reported error %1 without a reason</source>
        <translation>er meldete Fehler %1 ohne Grund</translation>
    </message>
</context>
<context>
    <name>ProxyCommand</name>
    <message>
        <source>Forward a browser&apos;s requests to the app and print each session cookie, until interrupted.</source>
        <translation>Leitet die Anfragen eines Browsers an die App weiter und gibt jedes Session-Cookie aus, bis zum Abbruch.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1:8080; port 0 picks a free one).</source>
        <translation>Adresse zum Lauschen (Standard 127.0.0.1:8080; Port 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>The app&apos;s base URL, e.g. http://127.0.0.1:5000.</source>
        <translation>Basis-URL der App, z. B. http://127.0.0.1:5000.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Pin: send this session cookie with every request.</source>
        <translation>Anheften: dieses Session-Cookie mit jeder Anfrage senden.</translation>
    </message>
    <message>
        <source>proxy takes no positional arguments</source>
        <translation>proxy erwartet keine Positionsargumente</translation>
    </message>
    <message>
        <source>proxy needs --upstream URL</source>
        <translation>proxy braucht --upstream URL</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, not &apos;%1&apos;</source>
        <translation>--listen erwartet HOST:PORT, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>warning: listening on %1, not loopback: other machines can reach the proxy and the app behind it</source>
        <translation>Warnung: lauscht auf %1, nicht auf Loopback: andere Rechner erreichen den Proxy und die App dahinter</translation>
    </message>
    <message>
        <source>listening on %1, forwarding to %2</source>
        <translation>lauscht auf %1, leitet weiter an %2</translation>
    </message>
</context>
<context>
    <name>SealCommand</name>
    <message>
        <source>seal takes one input file</source>
        <translation>seal erwartet genau eine Eingabedatei</translation>
    </message>
    <message>
        <source>Seal session JSON, or a template filled with --set, into a new cookie of any format.</source>
        <translation>Versiegelt Sitzungs-JSON oder eine mit --set gefüllte Vorlage zu einem neuen Cookie beliebigen Formats.</translation>
    </message>
    <message>
        <source>The cookie&apos;s format: %1 (default: %2).</source>
        <translation>Das Format des Cookies: %1 (Standard: %2).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Formats that choose: auto (server rule: JSON over 1024 bytes), always or never.</source>
        <translation>Formate mit Wahl: auto (Serverregel: JSON über 1024 Bytes), always oder never.</translation>
    </message>
    <message>
        <source>Session JSON file, &apos;-&apos; for standard input; with --set and no file, an empty session.</source>
        <translation>Sitzungs-JSON-Datei, &apos;-&apos; für die Standardeingabe; mit --set und ohne Datei eine leere Sitzung.</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;: use %2</source>
        <translation>unbekanntes Format &apos;%1&apos;: %2 verwenden</translation>
    </message>
</context>
<context>
    <name>SealFlow</name>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 is made without a key</source>
        <translation>%1 wird ohne Schlüssel erzeugt</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>unknown compression mode &apos;%1&apos;: use auto, always or never</source>
        <translation>unbekannter Kompressionsmodus &apos;%1&apos;: auto, always oder never verwenden</translation>
    </message>
</context>
<context>
    <name>SessionEditCommand</name>
    <message>
        <source>Apply the JSON text</source>
        <translation>JSON-Text übernehmen</translation>
    </message>
    <message>
        <source>&amp;Undo Applying the JSON Text</source>
        <translation>Übernahme des JSON-Textes &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Applying the JSON Text</source>
        <translation>JSON-Text erneut &amp;übernehmen</translation>
    </message>
    <message>
        <source>Restore autosaved edits</source>
        <translation>Automatisch gesicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Undo Restoring Autosaved Edits</source>
        <translation>Wiederherstellung der gesicherten Änderungen &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Restoring Autosaved Edits</source>
        <translation>Gesicherte Änderungen erneut &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo Edit of %1</source>
        <translation>Bearbeitung von %1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Edit of %1</source>
        <translation>%1 erneut &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Change type of %1</source>
        <translation>Typ von %1 ändern</translation>
    </message>
    <message>
        <source>&amp;Undo Type Change of %1</source>
        <translation>Typänderung von %1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Type Change of %1</source>
        <translation>Typ von %1 erneut &amp;ändern</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Element hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Undo Adding an Item</source>
        <translation>Hinzufügen des Elements &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Adding an Item</source>
        <translation>Element erneut &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add key &quot;%1&quot;</source>
        <translation>Schlüssel „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Undo Adding Key &quot;%1&quot;</source>
        <translation>Hinzufügen von Schlüssel „%1“ &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Adding Key &quot;%1&quot;</source>
        <translation>Schlüssel „%1“ erneut &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>&amp;Undo Deleting %1</source>
        <translation>Löschen von %1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Deleting %1</source>
        <translation>%1 erneut &amp;löschen</translation>
    </message>
    <message>
        <source>Rename &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>„%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>&amp;Undo Renaming &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>Umbenennen von „%1“ in „%2“ &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Renaming &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>„%1“ erneut in „%2“ &amp;umbenennen</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>Element verschieben</translation>
    </message>
    <message>
        <source>&amp;Undo Moving an Item</source>
        <translation>Verschieben des Elements &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo Moving an Item</source>
        <translation>Element erneut &amp;verschieben</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>SignCommand</name>
    <message>
        <source>Tagged JSON payload, &apos;-&apos; for standard input.</source>
        <translation>Getaggte JSON-Nutzlast, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>sign takes one input file</source>
        <translation>sign erwartet genau eine Eingabedatei</translation>
    </message>
    <message>
        <source>the secret is empty: Flask never signs with an empty SECRET_KEY (it keeps no session then), so no server would have made this cookie</source>
        <translation>das Geheimnis ist leer: Flask signiert nie mit einem leeren SECRET_KEY (es führt dann keine Sitzung), also hätte kein Server dieses Cookie erzeugt</translation>
    </message>
    <message>
        <source>Sign Flask&apos;s tagged JSON into a signed cookie Flask accepts.</source>
        <translation>Flasks getaggtes JSON zu einem signierten Cookie signieren, das Flask annimmt.</translation>
    </message>
</context>
<context>
    <name>SignerArguments</name>
    <message>
        <source>Flask SECRET_KEY (repeatable: the first signs, all verify, like SECRET_KEY_FALLBACKS).</source>
        <translation>Flask-SECRET_KEY (mehrfach möglich: der erste signiert, alle prüfen, wie SECRET_KEY_FALLBACKS).</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>File holding a SECRET_KEY (repeatable).</source>
        <translation>Datei mit einem SECRET_KEY (mehrfach möglich).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>salt</source>
        <translation>Salt</translation>
    </message>
    <message>
        <source>sha1 (default), sha256 or sha512.</source>
        <translation>sha1 (Standard), sha256 oder sha512.</translation>
    </message>
    <message>
        <source>digest</source>
        <translation>Hashverfahren</translation>
    </message>
    <message>
        <source>hmac (default), concat, django-concat or none.</source>
        <translation>hmac (Standard), concat, django-concat oder none.</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Timestamps count from 2011 (itsdangerous before 1.0).</source>
        <translation>Zeitstempel zählen ab 2011 (itsdangerous vor 1.0).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>unknown digest &apos;%1&apos;: use sha1, sha256 or sha512</source>
        <translation>unbekanntes Hashverfahren &apos;%1&apos;: sha1, sha256 oder sha512 verwenden</translation>
    </message>
    <message>
        <source>unknown key derivation &apos;%1&apos;: use hmac, concat, django-concat or none</source>
        <translation>unbekannte Schlüsselableitung &apos;%1&apos;: hmac, concat, django-concat oder none verwenden</translation>
    </message>
    <message>
        <source>--max-age takes a number of seconds</source>
        <translation>--max-age erwartet eine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>Signer salt (default: %1).</source>
        <translation>Salt des Signierers (Standard: %1).</translation>
    </message>
    <message>
        <source>Session lifetime in seconds (default: %1 days).</source>
        <translation>Lebensdauer der Session in Sekunden (Standard: %1 Tage).</translation>
    </message>
    <message>
        <source>UNIX time of signing (default: now).</source>
        <translation>UNIX-Zeit der Signatur (Standard: jetzt).</translation>
    </message>
    <message>
        <source>--timestamp takes UNIX seconds</source>
        <translation>--timestamp erwartet UNIX-Sekunden</translation>
    </message>
    <message>
        <source>--timestamp %1 is out of range: the last second a date can show is %2 (9999-12-31 23:59:59 UTC)</source>
        <translation>--timestamp %1 liegt außerhalb des Bereichs: die letzte Sekunde, die ein Datum zeigen kann, ist %2 (9999-12-31 23:59:59 UTC)</translation>
    </message>
    <message>
        <source>Django: sign with the legacy SHA-1 of DEFAULT_HASHING_ALGORITHM = &apos;sha1&apos; instead of SHA-256 (as --key-derivation django-concat --digest sha1).</source>
        <translation>Django: mit dem alten SHA-1 von DEFAULT_HASHING_ALGORITHM = &apos;sha1&apos; statt SHA-256 signieren (wie --key-derivation django-concat --digest sha1).</translation>
    </message>
    <message>
        <source>--django-legacy-sha1 is for Django&apos;s cookies only, not for the format %1</source>
        <translation>--django-legacy-sha1 gilt nur für Cookies von Django, nicht für das Format %1</translation>
    </message>
</context>
<context>
    <name>SizeWarnings</name>
    <message>
        <source>warning: the cookie is %1 bytes over the browsers&apos; %2-byte limit: browsers drop it</source>
        <translation>Warnung: Das Cookie liegt %1 Bytes über der Browser-Grenze von %2 Bytes: Browser verwerfen es</translation>
    </message>
    <message>
        <source>warning: the Set-Cookie header is %1 bytes over Werkzeug&apos;s %2-byte limit: the server warns</source>
        <translation>Warnung: Der Set-Cookie-Header liegt %1 Bytes über Werkzeugs Grenze von %2 Bytes: der Server warnt</translation>
    </message>
    <message>
        <source>note: the Set-Cookie header is %1 bytes short of Werkzeug&apos;s %2-byte limit</source>
        <translation>Hinweis: Der Set-Cookie-Header liegt %1 Bytes unter Werkzeugs Grenze von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>Print the report as JSON.</source>
        <translation>Gibt den Bericht als JSON aus.</translation>
    </message>
    <message>
        <source>Cookie value or header line, &apos;-&apos; for standard input.</source>
        <translation>Cookie-Wert oder Header-Zeile, &apos;-&apos; für die Standardeingabe.</translation>
    </message>
    <message>
        <source>stats takes one cookie argument</source>
        <translation>stats erwartet genau ein Cookie</translation>
    </message>
    <message>
        <source>JSON plaintext</source>
        <translation>JSON-Klartext</translation>
    </message>
    <message>
        <source>zlib compressed</source>
        <translation>zlib-komprimiert</translation>
    </message>
    <message>
        <source>%1% of the JSON</source>
        <translation>%1 % des JSON</translation>
    </message>
    <message>
        <source>not compressed (JSON up to 1024 bytes)</source>
        <translation>nicht komprimiert (JSON bis 1024 Bytes)</translation>
    </message>
    <message>
        <source>cookie value</source>
        <translation>Cookie-Wert</translation>
    </message>
    <message>
        <source>the given cookie has %1 bytes: its plaintext is not what the server writes</source>
        <translation>das angegebene Cookie hat %1 Bytes: sein Klartext ist nicht der, den der Server schreibt</translation>
    </message>
    <message>
        <source>name=value (sent with every request)</source>
        <translation>Name=Wert (bei jeder Anfrage gesendet)</translation>
    </message>
    <message>
        <source>Set-Cookie header value</source>
        <translation>Wert des Set-Cookie-Headers</translation>
    </message>
    <message>
        <source>headroom to Werkzeug&apos;s %1</source>
        <translation>Abstand zu Werkzeugs %1</translation>
    </message>
    <message>
        <source>OVER: Werkzeug warns</source>
        <translation>DARÜBER: Werkzeug warnt</translation>
    </message>
    <message>
        <source>headroom to browsers&apos; %1</source>
        <translation>Abstand zur Browsergrenze %1</translation>
    </message>
    <message>
        <source>OVER: browsers drop the cookie</source>
        <translation>DARÜBER: Browser verwerfen das Cookie</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>JSON bytes</source>
        <translation>JSON-Bytes</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>cookie saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>~ estimated from the key&apos;s share of the JSON: only the %1 largest keys are measured by compressing the session without them.</source>
        <translation>~ geschätzt aus dem Anteil des Schlüssels am JSON: nur die %1 größten Schlüssel werden gemessen, indem die Session ohne sie komprimiert wird.</translation>
    </message>
    <message>
        <source>What a cookie costs, stage by stage and key by key.</source>
        <translation>Was ein Cookie kostet, Stufe für Stufe und Schlüssel für Schlüssel.</translation>
    </message>
    <message>
        <source>near: less than %1 bytes left</source>
        <translation>knapp: weniger als %1 Bytes übrig</translation>
    </message>
</context>
<context>
    <name>StoredKeys</name>
    <message>
        <source>Do not use the stored key ring, only the keys given here.</source>
        <translation>Den gespeicherten Schlüsselbund nicht nutzen, nur die hier angegebenen Schlüssel.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>warning: the key store did not return these stored keys: %1</source>
        <translation>Warnung: der Schlüsselspeicher hat diese gespeicherten Schlüssel nicht geliefert: %1</translation>
    </message>
    <message>
        <source>Seal or sign with this stored key or secret.</source>
        <translation>Mit diesem gespeicherten Schlüssel oder Secret versiegeln oder signieren.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>no stored key is named &quot;%1&quot;</source>
        <translation>kein gespeicherter Schlüssel heißt &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an %2</source>
        <translation>&quot;%1&quot; ist kein %2</translation>
    </message>
    <message>
        <source>several keys were given: give one %1 for this</source>
        <translation>mehrere Schlüssel angegeben: dafür genau einen %1 angeben</translation>
    </message>
    <message>
        <source>no %1 was given and the stored ring has none</source>
        <translation>kein %1 angegeben, und der gespeicherte Schlüsselbund hat keinen</translation>
    </message>
    <message>
        <source>the stored ring has several: pick one with --with NAME (%1)</source>
        <translation>der gespeicherte Schlüsselbund hat mehrere: einen mit --with NAME wählen (%1)</translation>
    </message>
    <message>
        <source>stored key &quot;%1&quot;</source>
        <translation>gespeicherter Schlüssel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>warning: the key store cannot be used: %1</source>
        <translation>Warnung: der Schlüsselspeicher ist nicht nutzbar: %1</translation>
    </message>
</context>
<context>
    <name>WatchCommand</name>
    <message>
        <source>Print each new session cookie a browser stores, until interrupted.</source>
        <translation>Jedes neue Session-Cookie ausgeben, das ein Browser speichert, bis zum Abbruch.</translation>
    </message>
    <message>
        <source>Seconds between looks at the database (default 1).</source>
        <translation>Sekunden zwischen zwei Blicken in die Datenbank (Standard 1).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Browser profile folder or cookie database.</source>
        <translation>Profilordner eines Browsers oder Cookie-Datenbank.</translation>
    </message>
    <message>
        <source>watch takes one profile or database</source>
        <translation>watch erwartet genau ein Profil oder eine Datenbank</translation>
    </message>
    <message>
        <source>--interval takes seconds from 0.05 to 3600</source>
        <translation>--interval erwartet Sekunden von 0,05 bis 3600</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspector for Flask session cookies</source>
        <translation>Inspektor für Flask-Session-Cookies</translation>
    </message>
    <message>
        <source>AES key for this run only (repeatable).</source>
        <translation>AES-Schlüssel nur für diesen Lauf (mehrfach möglich).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>File with an AES key for this run only (repeatable).</source>
        <translation>Datei mit einem AES-Schlüssel nur für diesen Lauf (mehrfach möglich).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Use this settings file and keep data next to it.</source>
        <translation>Diese Einstellungsdatei verwenden und Daten daneben ablegen.</translation>
    </message>
    <message>
        <source>Cookie to open.</source>
        <translation>Zu öffnendes Cookie.</translation>
    </message>
    <message>
        <source>Key Ring</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>These keys could not be loaded from %1: %2</source>
        <translation>Diese Schlüssel ließen sich nicht aus %1 laden: %2</translation>
    </message>
    <message>
        <source>These keys could not be read: %1</source>
        <translation>Diese Schlüssel ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Flask SECRET_KEY for this run only (repeatable).</source>
        <translation>Flask-SECRET_KEY nur für diesen Lauf (mehrfach möglich).</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>File with a Flask SECRET_KEY for this run only (repeatable).</source>
        <translation>Datei mit einem Flask-SECRET_KEY nur für diesen Lauf (wiederholbar).</translation>
    </message>
    <message>
        <source>the key store has not answered yet</source>
        <translation>der Schlüsselspeicher hat noch nicht geantwortet</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>kein Speicher mehr frei</translation>
    </message>
    <message>
        <source>A key or secret was given on the command line, where other users of this computer could read it (for example with ps) while SessionLens started. Use --key-file or --secret-file instead.</source>
        <translation>Ein Schlüssel oder Geheimnis wurde auf der Befehlszeile angegeben, wo andere Benutzer dieses Computers es lesen konnten (etwa mit ps), während SessionLens startete. Verwenden Sie stattdessen --key-file oder --secret-file.</translation>
    </message>
</context>
<context>
    <name>sessionlens::Error</name>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>decompression</source>
        <translation>Dekomprimierung</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>Grenzwert</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>input/output</source>
        <translation>Ein-/Ausgabe</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>wordlist line %1 is longer than %2 bytes</source>
        <translation>Zeile %1 der Wortliste ist länger als %2 Bytes</translation>
    </message>
    <message>
        <source>OpenSSL could not set up the signer</source>
        <translation>OpenSSL konnte den Signierer nicht einrichten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>OpenSSL could not derive the Chromium key</source>
        <translation>OpenSSL konnte den Chromium-Schlüssel nicht ableiten</translation>
    </message>
    <message>
        <source>OpenSSL could not set up AES-128-CBC</source>
        <translation>OpenSSL konnte AES-128-CBC nicht einrichten</translation>
    </message>
    <message>
        <source>the value does not decrypt with this key (wrong password, or damaged)</source>
        <translation>der Wert lässt sich mit diesem Schlüssel nicht entschlüsseln (falsches Passwort oder beschädigt)</translation>
    </message>
    <message>
        <source>cannot read moz_cookies: %1</source>
        <translation>moz_cookies kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot read the cookies table: %1</source>
        <translation>die Tabelle cookies kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the value is encrypted with Chromium&apos;s v11 key, and the Secret Service holds no Chromium password</source>
        <translation>der Wert ist mit Chromiums v11-Schlüssel verschlüsselt, und der Secret Service enthält kein Chromium-Passwort</translation>
    </message>
    <message>
        <source>an encrypted value of an unknown kind (%1)</source>
        <translation>ein verschlüsselter Wert unbekannter Art (%1)</translation>
    </message>
    <message>
        <source>the encrypted value is too short</source>
        <translation>der verschlüsselte Wert ist zu kurz</translation>
    </message>
    <message>
        <source>the value does not start with the hash of its host</source>
        <translation>der Wert beginnt nicht mit dem Hash seines Hosts</translation>
    </message>
    <message>
        <source>cannot make a private folder for the snapshot</source>
        <translation>für die Momentaufnahme kann kein privater Ordner angelegt werden</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>not a Firefox or Chromium cookie database</source>
        <translation>keine Cookie-Datenbank von Firefox oder Chromium</translation>
    </message>
    <message>
        <source>the Secret Service cannot be asked for Chromium&apos;s v11 password (locked or not running): %1</source>
        <translation>der Secret Service kann nicht nach Chromiums v11-Passwort gefragt werden (gesperrt oder nicht aktiv): %1</translation>
    </message>
    <message>
        <source>more than %1 records in one file</source>
        <translation>mehr als %1 Einträge in einer Datei</translation>
    </message>
    <message>
        <source>the file has %1 bytes, more than the %2 an import reads</source>
        <translation>die Datei hat %1 Bytes, mehr als die %2, die ein Import liest</translation>
    </message>
    <message>
        <source>the file grew past the import limit while read</source>
        <translation>die Datei ist beim Lesen über die Importgrenze gewachsen</translation>
    </message>
    <message>
        <source>more than %1 bytes to import</source>
        <translation>mehr als %1 Bytes zu importieren</translation>
    </message>
    <message>
        <source>a cookie database is read from its file, not from text</source>
        <translation>eine Cookie-Datenbank wird aus ihrer Datei gelesen, nicht aus Text</translation>
    </message>
    <message>
        <source>the HAR is not valid JSON: %1</source>
        <translation>die HAR-Datei ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>not a HAR: there is no log.entries list</source>
        <translation>keine HAR-Datei: es gibt keine Liste log.entries</translation>
    </message>
    <message>
        <source>not an http or https URL</source>
        <translation>keine http- oder https-URL</translation>
    </message>
    <message>
        <source>%1 (allow the host explicitly to accept it)</source>
        <translation>%1 (den Host ausdrücklich erlauben, um es zu akzeptieren)</translation>
    </message>
    <message>
        <source>TLS: the certificate is not trusted</source>
        <translation>TLS: dem Zertifikat wird nicht vertraut</translation>
    </message>
    <message>
        <source>a response with more than %1 headers</source>
        <translation>eine Antwort mit mehr als %1 Headern</translation>
    </message>
    <message>
        <source>more than %1 redirects</source>
        <translation>mehr als %1 Weiterleitungen</translation>
    </message>
    <message>
        <source>the upstream is not an http or https URL</source>
        <translation>das Ziel ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>a cookie header of %1 bytes is over the %2-byte limit</source>
        <translation>ein Cookie-Header von %1 Bytes liegt über der Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>the Set-Cookie value has no name=value pair</source>
        <translation>der Set-Cookie-Wert hat kein Paar name=wert</translation>
    </message>
    <message>
        <source>the Set-Cookie value has an empty name</source>
        <translation>der Set-Cookie-Wert hat einen leeren Namen</translation>
    </message>
    <message>
        <source>more than %1 cookies in one Cookie header</source>
        <translation>mehr als %1 Cookies in einem Cookie-Header</translation>
    </message>
    <message>
        <source>AES keys are 16, 24 or 32 bytes, this one has %1</source>
        <translation>AES-Schlüssel haben 16, 24 oder 32 Bytes, dieser hat %1</translation>
    </message>
    <message>
        <source>OpenSSL offers no CMAC</source>
        <translation>OpenSSL bietet kein CMAC</translation>
    </message>
    <message>
        <source>cannot allocate a CMAC context</source>
        <translation>es kann kein CMAC-Kontext angelegt werden</translation>
    </message>
    <message>
        <source>OpenSSL rejected the CMAC key</source>
        <translation>OpenSSL hat den CMAC-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>OpenSSL failed during %1</source>
        <translation>OpenSSL ist bei %1 gescheitert</translation>
    </message>
    <message>
        <source>cannot set up AES-CTR</source>
        <translation>AES-CTR kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>the tag must be 16 bytes, found %1</source>
        <translation>das Tag muss 16 Bytes haben, gefunden: %1</translation>
    </message>
    <message>
        <source>the tag does not match: wrong key or altered cookie</source>
        <translation>das Tag passt nicht: falscher Schlüssel oder verändertes Cookie</translation>
    </message>
    <message>
        <source>OpenSSL offers no %1</source>
        <translation>OpenSSL bietet kein %1</translation>
    </message>
    <message>
        <source>the random generator failed to produce %1 bytes</source>
        <translation>der Zufallsgenerator konnte keine %1 Bytes erzeugen</translation>
    </message>
    <message>
        <source>no AES key is available to open this EncryptedSession cookie</source>
        <translation>kein AES-Schlüssel vorhanden, um dieses EncryptedSession-Cookie zu öffnen</translation>
    </message>
    <message>
        <source>no key store to seal history and autosave</source>
        <translation>kein Schlüsselspeicher, um Verlauf und automatische Sicherung zu versiegeln</translation>
    </message>
    <message>
        <source>the session would nest %1 levels deep; at most %2 are allowed</source>
        <translation>die Sitzung wäre %1 Ebenen tief verschachtelt; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>the file is larger than %1 bytes</source>
        <translation>die Datei ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the cookie would be %1 bytes, more than the %2 bytes SessionLens opens</source>
        <translation>das Cookie hätte %1 Bytes, mehr als die %2 Bytes, die SessionLens öffnet</translation>
    </message>
    <message>
        <source>no AES key to seal with</source>
        <translation>kein AES-Schlüssel zum Versiegeln</translation>
    </message>
    <message>
        <source>no Flask secret to sign with</source>
        <translation>kein Flask-Geheimnis zum Signieren</translation>
    </message>
    <message>
        <source>character %1 at offset %2 is not base64</source>
        <translation>das Zeichen %1 an Position %2 ist kein Base64</translation>
    </message>
    <message>
        <source>length %1 is not a multiple of 4 (padding missing)</source>
        <translation>die Länge %1 ist kein Vielfaches von 4 (Auffüllung fehlt)</translation>
    </message>
    <message>
        <source>%1 characters cannot be base64</source>
        <translation>%1 Zeichen können kein Base64 sein</translation>
    </message>
    <message>
        <source>input of %1 characters is larger than %2</source>
        <translation>eine Eingabe von %1 Zeichen ist größer als %2</translation>
    </message>
    <message>
        <source>the curl command carries no cookie (no -b/--cookie option and no Cookie header)</source>
        <translation>der curl-Befehl enthält kein Cookie (keine Option -b/--cookie und kein Cookie-Header)</translation>
    </message>
    <message>
        <source>no cookie text</source>
        <translation>kein Cookie-Text</translation>
    </message>
    <message>
        <source>%1 cookies and none named &quot;%2&quot;</source>
        <translation>%1 Cookies und keines namens „%2“</translation>
    </message>
    <message>
        <source>a cookie value holds no spaces or &apos;;&apos;</source>
        <translation>ein Cookie-Wert enthält keine Leerzeichen oder &apos;;&apos;</translation>
    </message>
    <message>
        <source>cookie of %1 bytes exceeds the %2-byte input limit</source>
        <translation>ein Cookie von %1 Bytes überschreitet die Eingabegrenze von %2 Bytes</translation>
    </message>
    <message>
        <source>expected 4 fields separated by &apos;.&apos;, found %1</source>
        <translation>erwartet: 4 durch &apos;.&apos; getrennte Felder, gefunden: %1</translation>
    </message>
    <message>
        <source>the flag field is empty</source>
        <translation>das Flag-Feld ist leer</translation>
    </message>
    <message>
        <source>in the %1 field</source>
        <translation>im Feld %1</translation>
    </message>
    <message>
        <source>the tag is %1 bytes, EAX tags are 16</source>
        <translation>das Tag hat %1 Bytes, EAX-Tags haben 16</translation>
    </message>
    <message>
        <source>EncryptedSession&apos;s JSON encoder cannot write a %1 value</source>
        <translation>der JSON-Encoder von EncryptedSession kann keinen %1-Wert schreiben</translation>
    </message>
    <message>
        <source>zlib could not compress</source>
        <translation>zlib konnte nicht komprimieren</translation>
    </message>
    <message>
        <source>cookie of %1 bytes exceeds the input limit</source>
        <translation>ein Cookie von %1 Bytes überschreitet die Eingabegrenze</translation>
    </message>
    <message>
        <source>expected [.]&lt;payload&gt;%1&lt;timestamp&gt;%1&lt;signature&gt;</source>
        <translation>erwartet: [.]&lt;Nutzdaten&gt;%1&lt;Zeitstempel&gt;%1&lt;Signatur&gt;</translation>
    </message>
    <message>
        <source>a part of the cookie is empty</source>
        <translation>ein Teil des Cookies ist leer</translation>
    </message>
    <message>
        <source>in the %1</source>
        <translation>im Teil %1</translation>
    </message>
    <message>
        <source>the timestamp has %1 bytes</source>
        <translation>der Zeitstempel hat %1 Bytes</translation>
    </message>
    <message>
        <source>the signature does not match the secret</source>
        <translation>die Signatur passt nicht zum Geheimnis</translation>
    </message>
    <message>
        <source>the signature matches none of the %1 secrets</source>
        <translation>die Signatur passt zu keinem der %1 Geheimnisse</translation>
    </message>
    <message>
        <source>the timestamp is before the signer&apos;s epoch</source>
        <translation>der Zeitstempel liegt vor der Epoche des Signierers</translation>
    </message>
    <message>
        <source>the timestamp is after the year 9999</source>
        <translation>der Zeitstempel liegt nach dem Jahr 9999</translation>
    </message>
    <message>
        <source>OpenSSL failed to sign</source>
        <translation>OpenSSL konnte nicht signieren</translation>
    </message>
    <message>
        <source>a session is a JSON object { ... }, not %1</source>
        <translation>eine Sitzung ist ein JSON-Objekt { ... }, kein %1</translation>
    </message>
    <message>
        <source>cannot start zlib</source>
        <translation>zlib kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>compressed input too large</source>
        <translation>komprimierte Eingabe zu groß</translation>
    </message>
    <message>
        <source>inflates to more than %1 bytes</source>
        <translation>entpackt zu mehr als %1 Bytes</translation>
    </message>
    <message>
        <source>incomplete or truncated stream</source>
        <translation>unvollständiger oder abgeschnittener Datenstrom</translation>
    </message>
    <message>
        <source>Unexpected UTF-8 BOM (decode using utf-8-sig)</source>
        <translation>Unerwartete UTF-8-BOM (mit utf-8-sig dekodieren)</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>Zusätzliche Daten</translation>
    </message>
    <message>
        <source>more than %1 values in the session</source>
        <translation>mehr als %1 Werte in der Sitzung</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>integer of %1 digits exceeds Python&apos;s %2-digit conversion limit</source>
        <translation>eine Ganzzahl mit %1 Ziffern überschreitet Pythons Umwandlungsgrenze von %2 Ziffern</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>Nicht abgeschlossene Zeichenkette ab</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>Ungültiges Steuerzeichen bei</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>Ungültiges \escape</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>Ungültiges \uXXXX-Escape</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>Verschachtelung tiefer als %1 Ebenen</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>Trennzeichen &apos;,&apos; erwartet</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>Eigenschaftsname in doppelten Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>Trennzeichen &apos;:&apos; erwartet</translation>
    </message>
    <message>
        <source>invalid UTF-8 at byte %1</source>
        <translation>ungültiges UTF-8 bei Byte %1</translation>
    </message>
    <message>
        <source>the Python view exceeds the output limit of %1 characters</source>
        <translation>die Python-Ansicht überschreitet die Ausgabegrenze von %1 Zeichen</translation>
    </message>
    <message>
        <source>the rendered session exceeds the output limit of %1 characters</source>
        <translation>die dargestellte Sitzung überschreitet die Ausgabegrenze von %1 Zeichen</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <source>more than %1 digits: Python refuses to convert it</source>
        <translation>mehr als %1 Ziffern: Python verweigert die Umwandlung</translation>
    </message>
    <message>
        <source>a key needs a name</source>
        <translation>ein Schlüssel braucht einen Namen</translation>
    </message>
    <message>
        <source>a key named &quot;%1&quot; exists already</source>
        <translation>ein Schlüssel namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>the secret is empty</source>
        <translation>das Geheimnis ist leer</translation>
    </message>
    <message>
        <source>no key named &quot;%1&quot;</source>
        <translation>kein Schlüssel namens „%1“</translation>
    </message>
    <message>
        <source>none of the %1 AES keys opens this cookie (or it was altered)</source>
        <translation>keiner der %1 AES-Schlüssel öffnet dieses Cookie (oder es wurde verändert)</translation>
    </message>
    <message>
        <source>not hex</source>
        <translation>kein Hex</translation>
    </message>
    <message>
        <source>odd number of hex digits</source>
        <translation>ungerade Anzahl von Hex-Ziffern</translation>
    </message>
    <message>
        <source>not base64</source>
        <translation>kein Base64</translation>
    </message>
    <message>
        <source>bytes literals hold only ASCII characters</source>
        <translation>Bytes-Literale enthalten nur ASCII-Zeichen</translation>
    </message>
    <message>
        <source>the literal ends inside an escape</source>
        <translation>das Literal endet mitten in einem Escape</translation>
    </message>
    <message>
        <source>invalid \x escape</source>
        <translation>ungültiges \x-Escape</translation>
    </message>
    <message>
        <source>the key is empty</source>
        <translation>der Schlüssel ist leer</translation>
    </message>
    <message>
        <source>the key text is empty</source>
        <translation>der Schlüsseltext ist leer</translation>
    </message>
    <message>
        <source>the bytes literal has no closing quote</source>
        <translation>dem Bytes-Literal fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <source>cannot read the key text: %1</source>
        <translation>der Schlüsseltext kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>read %1 bytes as %2; AES keys are 16, 24 or 32 bytes</source>
        <translation>%1 Bytes als %2 gelesen; AES-Schlüssel haben 16, 24 oder 32 Bytes</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot make the folder private (0700)</source>
        <translation>der Ordner kann nicht privat gemacht werden (0700)</translation>
    </message>
    <message>
        <source>cannot inspect the file</source>
        <translation>die Datei kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>refused: it is a symbolic link</source>
        <translation>abgelehnt: es ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>refused: another user owns it</source>
        <translation>abgelehnt: sie gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>refused: other users may read or write it (mode %1); make it 0600 or 0700</source>
        <translation>abgelehnt: andere Benutzer dürfen sie lesen oder schreiben (Modus %1); auf 0600 oder 0700 setzen</translation>
    </message>
    <message>
        <source>cannot make the file private (0600)</source>
        <translation>die Datei kann nicht privat gemacht werden (0600)</translation>
    </message>
    <message>
        <source>not a sealed SessionLens file</source>
        <translation>keine versiegelte SessionLens-Datei</translation>
    </message>
    <message>
        <source>the file does not open with its key</source>
        <translation>die Datei öffnet sich nicht mit ihrem Schlüssel</translation>
    </message>
    <message>
        <source>cannot open the key file: %1</source>
        <translation>die Schlüsseldatei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the key file: %1</source>
        <translation>die Schlüsseldatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the key file is larger than %1 bytes</source>
        <translation>die Schlüsseldatei ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>zlib error %1</source>
        <translation>zlib-Fehler %1</translation>
    </message>
    <message>
        <source>bytes object without a &quot;b&quot; string</source>
        <translation>Bytes-Objekt ohne „b“-Zeichenkette</translation>
    </message>
    <message>
        <source>bytes object holds invalid base64</source>
        <translation>Bytes-Objekt enthält ungültiges Base64</translation>
    </message>
    <message>
        <source>tag &quot;%1&quot; holds %2</source>
        <translation>Tag „%1“ enthält %2</translation>
    </message>
    <message>
        <source>no string</source>
        <translation>keine Zeichenkette</translation>
    </message>
    <message>
        <source>invalid base64</source>
        <translation>ungültiges Base64</translation>
    </message>
    <message>
        <source>no UUID</source>
        <translation>keine UUID</translation>
    </message>
    <message>
        <source>no HTTP date</source>
        <translation>kein HTTP-Datum</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>an integer (digits, optional leading &apos;-&apos;)</source>
        <translation>eine Ganzzahl (Ziffern, optional mit führendem „-“)</translation>
    </message>
    <message>
        <source>a number such as 3.25, 1e-05, nan or inf</source>
        <translation>eine Zahl wie 3.25, 1e-05, nan oder inf</translation>
    </message>
    <message>
        <source>True or False</source>
        <translation>True oder False</translation>
    </message>
    <message>
        <source>an even number of hex digits</source>
        <translation>eine gerade Anzahl Hex-Ziffern</translation>
    </message>
    <message>
        <source>hex digits</source>
        <translation>Hex-Ziffern</translation>
    </message>
    <message>
        <source>standard base64 with padding</source>
        <translation>Standard-Base64 mit Auffüllung</translation>
    </message>
    <message>
        <source>a UUID such as 12345678-1234-5678-1234-567812345678</source>
        <translation>eine UUID wie 12345678-1234-5678-1234-567812345678</translation>
    </message>
    <message>
        <source>a UTC time such as 2024-05-17T12:30:45Z or an HTTP date</source>
        <translation>eine UTC-Zeit wie 2024-05-17T12:30:45Z oder ein HTTP-Datum</translation>
    </message>
    <message>
        <source>a scalar type</source>
        <translation>ein skalarer Typ</translation>
    </message>
    <message>
        <source>%1: the %2 has %3 characters, more than the %4 read</source>
        <translation>%1: %2 hat %3 Zeichen, mehr als die %4, die gelesen werden</translation>
    </message>
    <message>
        <source>more than %1 cookies of this name in the database; none are read</source>
        <translation>mehr als %1 Cookies dieses Namens in der Datenbank; keines wird gelesen</translation>
    </message>
    <message>
        <source>cannot read the meta table: %1</source>
        <translation>die meta-Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot read the database&apos;s schema: %1</source>
        <translation>das Schema der Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 is a view, which SQLite computes while reading; a browser&apos;s cookie database has a table there</source>
        <translation>%1 ist eine Sicht, die SQLite beim Lesen berechnet; die Cookie-Datenbank eines Browsers hat dort eine Tabelle</translation>
    </message>
    <message>
        <source>%1 is a virtual table, whose values a module computes while reading; a browser&apos;s cookie database has a plain table there</source>
        <translation>%1 ist eine virtuelle Tabelle, deren Werte ein Modul beim Lesen berechnet; die Cookie-Datenbank eines Browsers hat dort eine gewöhnliche Tabelle</translation>
    </message>
    <message>
        <source>the column %1 of %2 is generated or hidden: SQLite would compute its values while reading, so the database is not read</source>
        <translation>die Spalte %1 von %2 ist generiert oder verborgen: SQLite würde ihre Werte beim Lesen berechnen, deshalb wird die Datenbank nicht gelesen</translation>
    </message>
    <message>
        <source>the database has a trigger (%1); a browser&apos;s cookie database has none</source>
        <translation>die Datenbank hat einen Trigger (%1); die Cookie-Datenbank eines Browsers hat keinen</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>%1: a method is a token: letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces or line breaks</source>
        <translation>%1: eine Methode ist ein Token: Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~, keine Leerzeichen oder Zeilenumbrüche</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>cookie name</source>
        <translation>Cookie-Name</translation>
    </message>
    <message>
        <source>cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <source>the response body is longer than %1 bytes: reading stopped there</source>
        <translation>der Inhalt der Antwort ist länger als %1 Bytes: dort wurde das Lesen beendet</translation>
    </message>
    <message>
        <source>the cookie the server set</source>
        <translation>das vom Server gesetzte Cookie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a header name is a token: letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces or colons</source>
        <translation>ein Header-Name ist ein Token: Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~, keine Leerzeichen oder Doppelpunkte</translation>
    </message>
    <message>
        <source>a header value holds no line break, NUL or other control character</source>
        <translation>ein Header-Wert enthält keinen Zeilenumbruch, kein NUL und kein anderes Steuerzeichen</translation>
    </message>
    <message>
        <source>a cookie name is a token: letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces, &apos;=&apos; or &apos;;&apos;</source>
        <translation>ein Cookie-Name ist ein Token: Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~, keine Leerzeichen, &apos;=&apos; oder &apos;;&apos;</translation>
    </message>
    <message>
        <source>a cookie value holds no space, line break, control character, &apos;&quot;&apos;, &apos;,&apos;, &apos;;&apos; or &apos;\&apos;</source>
        <translation>ein Cookie-Wert enthält kein Leerzeichen, keinen Zeilenumbruch, kein Steuerzeichen, kein &apos;&quot;&apos;, &apos;,&apos;, &apos;;&apos; oder &apos;\&apos;</translation>
    </message>
    <message>
        <source>a FIFO or pipe; give piped data on standard input as &apos;-&apos;</source>
        <translation>ein FIFO oder eine Pipe; geben Sie Daten aus einer Pipe als &apos;-&apos; über die Standardeingabe</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>of an unknown kind</source>
        <translation>unbekannter Art</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>not a regular file (%1)</source>
        <translation>keine reguläre Datei (%1)</translation>
    </message>
    <message>
        <source>the HAR holds more than %1 JSON objects and lists; none are read</source>
        <translation>die HAR-Datei enthält mehr als %1 JSON-Objekte und -Listen; keine werden gelesen</translation>
    </message>
    <message>
        <source>number of data characters (%1) cannot be 1 more than a multiple of 4</source>
        <translation>die Zahl der Datenzeichen (%1) kann nicht 1 mehr als ein Vielfaches von 4 sein</translation>
    </message>
    <message>
        <source>incorrect padding</source>
        <translation>falsches Padding</translation>
    </message>
    <message>
        <source>the signature is %1 bytes: try --digest %2 (%3 signs with %4 bytes)</source>
        <translation>die Signatur hat %1 Bytes: --digest %2 versuchen (%3 signiert mit %4 Bytes)</translation>
    </message>
    <message>
        <source>a bare number, not a session cookie (a Flask session has three parts joined by &apos;.&apos;, an EncryptedSession cookie four)</source>
        <translation>eine bloße Zahl, kein Session-Cookie (eine Flask-Sitzung hat drei durch &apos;.&apos; verbundene Teile, ein EncryptedSession-Cookie vier)</translation>
    </message>
    <message>
        <source>one value with no &apos;.&apos;, not a session cookie (a Flask session has three parts joined by &apos;.&apos;, an EncryptedSession cookie four)</source>
        <translation>ein einzelner Wert ohne &apos;.&apos;, kein Session-Cookie (eine Flask-Sitzung hat drei durch &apos;.&apos; verbundene Teile, ein EncryptedSession-Cookie vier)</translation>
    </message>
    <message>
        <source>signed with no timestamp: an itsdangerous Serializer token, not a Flask session</source>
        <translation>ohne Zeitstempel signiert: ein Token des itsdangerous-Serializers, keine Flask-Sitzung</translation>
    </message>
    <message>
        <source>%1: a dict shaped like EncryptedSession&apos;s bytes marker that its server cannot load (%2): it would drop the whole session</source>
        <translation>%1: ein dict in der Form der bytes-Markierung von EncryptedSession, das dessen Server nicht laden kann (%2): er würde die ganze Sitzung verwerfen</translation>
    </message>
    <message>
        <source>bytes object holds a lone surrogate, which UTF-8 cannot encode</source>
        <translation>das bytes-Objekt enthält ein einzelnes Surrogat, das UTF-8 nicht kodieren kann</translation>
    </message>
    <message>
        <source>nothing tuple() can iterate</source>
        <translation>nichts, worüber tuple() iterieren kann</translation>
    </message>
    <message>
        <source>a string with non-ASCII characters</source>
        <translation>einen String mit Nicht-ASCII-Zeichen</translation>
    </message>
    <message>
        <source>no object with a key</source>
        <translation>kein Objekt mit einem Schlüssel</translation>
    </message>
    <message>
        <source>cookie file, line %1: %2</source>
        <translation>Cookie-Datei, Zeile %1: %2</translation>
    </message>
    <message>
        <source>cookie jar</source>
        <translation>Cookie-Speicher</translation>
    </message>
    <message>
        <source>the cookie %1 has %2 bytes, over the %3 a browser keeps: not kept</source>
        <translation>das Cookie %1 hat %2 Bytes, mehr als die %3, die ein Browser behält: nicht behalten</translation>
    </message>
    <message>
        <source>the jar holds %1 cookies for %2 already: %3 not kept</source>
        <translation>der Speicher enthält schon %1 Cookies für %2: %3 nicht behalten</translation>
    </message>
    <message>
        <source>the jar holds %1 cookies already: %2 not kept</source>
        <translation>der Speicher enthält schon %1 Cookies: %2 nicht behalten</translation>
    </message>
    <message>
        <source>the cookie %1 names the domain %2, which does not cover %3: not kept</source>
        <translation>das Cookie %1 nennt die Domain %2, die %3 nicht umfasst: nicht behalten</translation>
    </message>
    <message>
        <source>a cookie file of %1 bytes is over the %2-byte limit</source>
        <translation>eine Cookie-Datei mit %1 Bytes überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>a cookie file of more than %1 lines</source>
        <translation>eine Cookie-Datei mit mehr als %1 Zeilen</translation>
    </message>
    <message>
        <source>%1 bytes, over the %2-byte limit</source>
        <translation>%1 Bytes, über der Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>%1 tab-separated fields, a cookie line has 7</source>
        <translation>%1 durch Tabulatoren getrennte Felder, eine Cookie-Zeile hat 7</translation>
    </message>
    <message>
        <source>the domain is not a host name</source>
        <translation>die Domain ist kein Hostname</translation>
    </message>
    <message>
        <source>the second and fourth fields are TRUE or FALSE</source>
        <translation>das zweite und vierte Feld sind TRUE oder FALSE</translation>
    </message>
    <message>
        <source>the path does not start with /</source>
        <translation>der Pfad beginnt nicht mit /</translation>
    </message>
    <message>
        <source>the expiry is not a count of seconds since 1970</source>
        <translation>der Ablauf ist keine Anzahl Sekunden seit 1970</translation>
    </message>
    <message numerus="yes">
        <source>%n more cookie(s) not kept in the jar</source>
        <translation>
            <numerusform>%n weiteres Cookie nicht im Speicher behalten</numerusform>
            <numerusform>%n weitere Cookies nicht im Speicher behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>an EncryptedSession cookie needs an AES key to open, and none was given</source>
        <translation>ein EncryptedSession-Cookie braucht zum Öffnen einen AES-Schlüssel, und es wurde keiner angegeben</translation>
    </message>
    <message>
        <source>timed out: %1 sent nothing for %2 s</source>
        <translation>Zeitüberschreitung: %1 hat %2 s lang nichts gesendet</translation>
    </message>
    <message>
        <source>connection refused: nothing listens at %1</source>
        <translation>Verbindung abgelehnt: unter %1 lauscht nichts</translation>
    </message>
    <message>
        <source>DNS: the host %1 was not found</source>
        <translation>DNS: der Host %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed</source>
        <translation>TLS: der Handshake mit %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 closed the connection without an answer</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>the request to %1 failed</source>
        <translation>die Anfrage an %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the answer from %1 is not HTTP</source>
        <translation>die Antwort von %1 ist kein HTTP</translation>
    </message>
    <message>
        <source>timed out: the exchange with %1 took longer than %2 s in all</source>
        <translation>Zeitüberschreitung: der Austausch mit %1 dauerte insgesamt länger als %2 s</translation>
    </message>
    <message>
        <source>port %1 is already in use: choose another, or 0 for any free port</source>
        <translation>Port %1 ist schon belegt: wählen Sie einen anderen oder 0 für einen beliebigen freien Port</translation>
    </message>
    <message>
        <source>the proxy cannot listen on %1:%2</source>
        <translation>der Proxy kann nicht auf %1:%2 lauschen</translation>
    </message>
    <message>
        <source>cannot open standard input: %1</source>
        <translation>die Standardeingabe lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>expected &lt;user id&gt;|&lt;hex digest&gt;</source>
        <translation>erwartet &lt;Benutzer-ID&gt;|&lt;Hex-Digest&gt;</translation>
    </message>
    <message>
        <source>the digest has %1 characters, Flask-Login writes %2 hex digits</source>
        <translation>der Digest hat %1 Zeichen, Flask-Login schreibt %2 Hex-Ziffern</translation>
    </message>
    <message>
        <source>the digest holds &apos;%1&apos;, not a lower-case hex digit (Flask-Login compares the hexdigest as text)</source>
        <translation>der Digest enthält &apos;%1&apos;, keine kleingeschriebene Hex-Ziffer (Flask-Login vergleicht den Hexdigest als Text)</translation>
    </message>
    <message>
        <source>the user id is not UTF-8 at byte %1 (Werkzeug would read it replaced)</source>
        <translation>die Benutzer-ID ist bei Byte %1 kein UTF-8 (Werkzeug läse sie mit Ersatzzeichen)</translation>
    </message>
    <message>
        <source>Flask-Login cannot sign with this secret: as a str SECRET_KEY it has characters beyond Latin-1</source>
        <translation>Flask-Login kann mit diesem Geheimnis nicht signieren: als str-SECRET_KEY hat es Zeichen jenseits von Latin-1</translation>
    </message>
    <message>
        <source>the digest does not match the secret</source>
        <translation>der Digest passt nicht zum Geheimnis</translation>
    </message>
    <message>
        <source>the digest matches none of the %1 secrets</source>
        <translation>der Digest passt zu keinem der %1 Geheimnisse</translation>
    </message>
    <message>
        <source>the session is a %1, not a dict</source>
        <translation>die Session ist ein %1, kein dict</translation>
    </message>
    <message>
        <source>%1: the remember cookie carries only user_id (convert to drop the rest)</source>
        <translation>%1: das Remember-Cookie trägt nur user_id (umwandeln, um den Rest zu verwerfen)</translation>
    </message>
    <message>
        <source>the remember cookie needs a user_id</source>
        <translation>das Remember-Cookie braucht eine user_id</translation>
    </message>
    <message>
        <source>user_id is a %1: Flask-Login keeps the id as str (write it as &quot;7&quot;)</source>
        <translation>user_id ist ein %1: Flask-Login hält die ID als str (als &quot;7&quot; schreiben)</translation>
    </message>
    <message>
        <source>no user_id (or Flask-Login&apos;s _user_id) to carry</source>
        <translation>keine user_id (oder _user_id von Flask-Login) zu übertragen</translation>
    </message>
    <message>
        <source>%1 is a %2: the remember cookie carries a text id</source>
        <translation>%1 ist ein %2: das Remember-Cookie trägt eine ID als Text</translation>
    </message>
    <message>
        <source>no known cookie format is signed with a secret</source>
        <translation>kein bekanntes Cookie-Format ist mit einem Geheimnis signiert</translation>
    </message>
    <message>
        <source>%1 cookies have no signing secret to guess</source>
        <translation>%1-Cookies haben kein Signaturgeheimnis, das sich erraten ließe</translation>
    </message>
    <message>
        <source>PATH=VALUE expected: no = after the path</source>
        <translation>PFAD=WERT erwartet: kein = nach dem Pfad</translation>
    </message>
    <message>
        <source>path, character %1: unexpected text after the path</source>
        <translation>Pfad, Zeichen %1: unerwarteter Text nach dem Pfad</translation>
    </message>
    <message>
        <source>the session itself cannot be deleted</source>
        <translation>die Sitzung selbst lässt sich nicht löschen</translation>
    </message>
    <message>
        <source>the session itself has no key to rename</source>
        <translation>die Sitzung selbst hat keinen Schlüssel zum Umbenennen</translation>
    </message>
    <message>
        <source>%1 is an item of a %2, not a key: it cannot be renamed</source>
        <translation>%1 ist ein Element einer %2, kein Schlüssel: es lässt sich nicht umbenennen</translation>
    </message>
    <message>
        <source>%1 cannot be renamed to %2: %3 exists</source>
        <translation>%1 lässt sich nicht in %2 umbenennen: %3 existiert</translation>
    </message>
    <message>
        <source>path, character %1: %2</source>
        <translation>Pfad, Zeichen %1: %2</translation>
    </message>
    <message>
        <source>unknown escape \%1 in a key</source>
        <translation>unbekanntes Escape \%1 in einem Schlüssel</translation>
    </message>
    <message>
        <source>\%1 takes %2 hex digits</source>
        <translation>\%1 erwartet %2 Hexziffern</translation>
    </message>
    <message>
        <source>\U%1 is past the last code point</source>
        <translation>\U%1 liegt hinter dem letzten Codepunkt</translation>
    </message>
    <message>
        <source>the key&apos;s quote is not closed</source>
        <translation>das Anführungszeichen des Schlüssels ist nicht geschlossen</translation>
    </message>
    <message>
        <source>the path has more than %1 steps</source>
        <translation>der Pfad hat mehr als %1 Schritte</translation>
    </message>
    <message>
        <source>the path ends inside [ ]</source>
        <translation>der Pfad endet innerhalb von [ ]</translation>
    </message>
    <message>
        <source>a subscript is a quoted key or an integer index</source>
        <translation>ein Index ist ein Schlüssel in Anführungszeichen oder eine ganze Zahl</translation>
    </message>
    <message>
        <source>] expected</source>
        <translation>] erwartet</translation>
    </message>
    <message>
        <source>the path ends in a lone backslash</source>
        <translation>der Pfad endet mit einem einzelnen Backslash</translation>
    </message>
    <message>
        <source>the path is longer than %1 characters</source>
        <translation>der Pfad ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>unexpected text after the path</source>
        <translation>unerwarteter Text nach dem Pfad</translation>
    </message>
    <message>
        <source>%1 is a %2: it has no key %3</source>
        <translation>%1 ist ein %2: es hat keinen Schlüssel %3</translation>
    </message>
    <message>
        <source>%1 has no item %2 (it holds %3)</source>
        <translation>%1 hat kein Element %2 (es enthält %3)</translation>
    </message>
    <message>
        <source>%1 is a %2, not a dict or list</source>
        <translation>%1 ist ein %2, kein dict und keine Liste</translation>
    </message>
    <message>
        <source>%1 is a dict: its keys are strings, write [%2] for the key</source>
        <translation>%1 ist ein dict: seine Schlüssel sind Zeichenketten, für den Schlüssel [%2] schreiben</translation>
    </message>
    <message>
        <source>%1 has no key %2</source>
        <translation>%1 hat keinen Schlüssel %2</translation>
    </message>
    <message>
        <source>The CSRF token is missing.</source>
        <translation>Das CSRF-Token fehlt.</translation>
    </message>
    <message>
        <source>The CSRF session token is missing.</source>
        <translation>Das CSRF-Token der Session fehlt.</translation>
    </message>
    <message>
        <source>no secret to verify the CSRF token with</source>
        <translation>kein Geheimnis, mit dem sich das CSRF-Token prüfen ließe</translation>
    </message>
    <message>
        <source>The CSRF token is invalid.</source>
        <translation>Das CSRF-Token ist ungültig.</translation>
    </message>
    <message>
        <source>The CSRF token has expired.</source>
        <translation>Das CSRF-Token ist abgelaufen.</translation>
    </message>
    <message>
        <source>signed %1 s ago, time limit %2 s</source>
        <translation>vor %1 s signiert, Zeitlimit %2 s</translation>
    </message>
    <message>
        <source>The CSRF tokens do not match.</source>
        <translation>Die CSRF-Token stimmen nicht überein.</translation>
    </message>
    <message>
        <source>hmac.compare_digest takes ASCII strings only: Flask-WTF fails with a server error (TypeError)</source>
        <translation>hmac.compare_digest nimmt nur ASCII-Zeichenketten: Flask-WTF scheitert mit einem Serverfehler (TypeError)</translation>
    </message>
    <message>
        <source>the session is not a dict</source>
        <translation>die Session ist kein Dict</translation>
    </message>
    <message>
        <source>no secret to sign the CSRF token with</source>
        <translation>kein Geheimnis, mit dem sich das CSRF-Token signieren ließe</translation>
    </message>
    <message>
        <source>the timestamp is empty</source>
        <translation>der Zeitstempel ist leer</translation>
    </message>
    <message>
        <source>the timestamp holds &apos;%1&apos;, not a base62 digit</source>
        <translation>der Zeitstempel enthält „%1“, keine base62-Ziffer</translation>
    </message>
    <message>
        <source>the signature is not unpadded URL-safe base64 as Django writes it: Django compares the text, so it never matches</source>
        <translation>die Signatur ist kein URL-sicheres Base64 ohne Auffüllung, wie Django es schreibt: Django vergleicht den Text, also passt sie nie</translation>
    </message>
    <message>
        <source>the signature is %1 bytes: Django signs with SHA-256 (32 bytes) or the legacy SHA-1 (20 bytes)</source>
        <translation>die Signatur hat %1 Bytes: Django signiert mit SHA-256 (32 Bytes) oder dem alten SHA-1 (20 Bytes)</translation>
    </message>
    <message>
        <source>the timestamp is before 1970 or after the year 9999</source>
        <translation>der Zeitstempel liegt vor 1970 oder nach dem Jahr 9999</translation>
    </message>
    <message>
        <source>%1: Django&apos;s JSON serializer cannot write this value (json.dumps raises TypeError); convert the session to django first</source>
        <translation>%1: Djangos JSON-Serialisierer kann diesen Wert nicht schreiben (json.dumps löst TypeError aus); die Sitzung zuerst nach django umwandeln</translation>
    </message>
    <message>
        <source>no Django SECRET_KEY to sign with</source>
        <translation>kein Django-SECRET_KEY zum Signieren</translation>
    </message>
    <message>
        <source>the signature is not one Django writes: no secret can match it</source>
        <translation>die Signatur ist keine, die Django schreibt: kein Geheimnis kann zu ihr passen</translation>
    </message>
    <message>
        <source>no format is called &quot;%1&quot; (known: %2)</source>
        <translation>kein Format heißt „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>%1 cookies are not made with this kind of key (%2)</source>
        <translation>%1-Cookies werden nicht mit dieser Art von Schlüssel gemacht (%2)</translation>
    </message>
    <message>
        <source>name at least one format for the key</source>
        <translation>nennen Sie mindestens ein Format für den Schlüssel</translation>
    </message>
    <message>
        <source>Starlette&apos;s json.dumps cannot write a %1 value</source>
        <translation>Starlettes json.dumps kann keinen Wert vom Typ %1 schreiben</translation>
    </message>
    <message>
        <source>no Starlette secret_key to sign with</source>
        <translation>kein Starlette-secret_key zum Signieren</translation>
    </message>
    <message>
        <source>a lone surrogate (U+%1) cannot be written as UTF-8</source>
        <translation>ein einzelnes Surrogat (U+%1) lässt sich nicht als UTF-8 schreiben</translation>
    </message>
    <message>
        <source>a CSRF token holds one string: {&quot;csrf_token&quot;: &quot;...&quot;}</source>
        <translation>ein CSRF-Token enthält eine Zeichenkette: {&quot;csrf_token&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>the session holds no string csrf_token to sign</source>
        <translation>die Session enthält kein csrf_token als Zeichenkette zum Signieren</translation>
    </message>
</context>
<context>
    <name>sessionlens::KeyRingStore</name>
    <message>
        <source>no key named &quot;%1&quot;</source>
        <translation>kein Schlüssel namens „%1“</translation>
    </message>
</context>
<context>
    <name>sessionlens::Note</name>
    <message>
        <source>unknown flag &quot;%1&quot;: the server treats it as uncompressed</source>
        <translation>unbekanntes Flag „%1“: der Server behandelt es als unkomprimiert</translation>
    </message>
    <message>
        <source>%1 bytes after the zlib stream are ignored</source>
        <translation>%1 Bytes nach dem zlib-Datenstrom werden ignoriert</translation>
    </message>
    <message>
        <source>tuple becomes list (JSON has no tuples)</source>
        <translation>Tupel wird zur Liste (JSON kennt keine Tupel)</translation>
    </message>
    <message>
        <source>Markup becomes str (the safe-HTML marker is lost)</source>
        <translation>Markup wird zu str (die Kennzeichnung als sicheres HTML geht verloren)</translation>
    </message>
    <message>
        <source>UUID cannot be carried; written as its text</source>
        <translation>UUID kann nicht übernommen werden; als Text geschrieben</translation>
    </message>
    <message>
        <source>datetime cannot be carried; written as its HTTP date</source>
        <translation>datetime kann nicht übernommen werden; als HTTP-Datum geschrieben</translation>
    </message>
    <message>
        <source>keys are written in sorted order (Flask sorts them)</source>
        <translation>Schlüssel werden sortiert geschrieben (Flask sortiert sie)</translation>
    </message>
    <message>
        <source>%1 more warnings not shown (at most %2 are kept)</source>
        <translation>%1 weitere Warnungen nicht angezeigt (höchstens %2 werden behalten)</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot;: Python keeps the last value</source>
        <translation>doppelter Schlüssel „%1“: Python behält den letzten Wert</translation>
    </message>
    <message>
        <source>bytes object has extra keys that Python drops</source>
        <translation>das bytes-Objekt hat zusätzliche Schlüssel, die Python verwirft</translation>
    </message>
    <message>
        <source>%1 more warnings not shown</source>
        <translation>%1 weitere Warnungen nicht angezeigt</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Firefox cookie database</source>
        <translation>Firefox-Cookie-Datenbank</translation>
    </message>
    <message>
        <source>Chromium cookie database</source>
        <translation>Chromium-Cookie-Datenbank</translation>
    </message>
    <message>
        <source>entry %1 has no request URL</source>
        <translation>Eintrag %1 hat keine Anfrage-URL</translation>
    </message>
    <message>
        <source>entry %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <source>this HAR holds no cookies at all, in no request and no response: it was probably exported sanitized. Export it again with sensitive data (Chrome: &quot;Export HAR (with sensitive data)&quot;)</source>
        <translation>diese HAR-Datei enthält überhaupt keine Cookies, in keiner Anfrage und keiner Antwort: Sie wurde wohl bereinigt exportiert. Exportieren Sie sie erneut mit sensiblen Daten (Chrome: „Export HAR (with sensitive data)“)</translation>
    </message>
    <message>
        <source>line %1: %2 fields, a cookies.txt line has 7</source>
        <translation>Zeile %1: %2 Felder, eine cookies.txt-Zeile hat 7</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>line %1: the %2 cookie has no value</source>
        <translation>Zeile %1: das Cookie %2 hat keinen Wert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>… (%1 more characters)</source>
        <translation>… (%1 weitere Zeichen)</translation>
    </message>
    <message>
        <source>… (more than %1 characters)</source>
        <translation>… (mehr als %1 Zeichen)</translation>
    </message>
    <message>
        <source>the desktop keychain did not answer (locked or not running)</source>
        <translation>der Schlüsselbund des Desktops hat nicht geantwortet (gesperrt oder nicht gestartet)</translation>
    </message>
    <message>
        <source>%1, and there is no file store in %2: only keys given for this run are used</source>
        <translation>%1, und in %2 gibt es keinen Dateispeicher: nur die für diesen Lauf angegebenen Schlüssel werden verwendet</translation>
    </message>
    <message>
        <source>the settings ask for the file store</source>
        <translation>die Einstellungen verlangen den Dateispeicher</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>encrypted value</source>
        <translation>verschlüsselter Wert</translation>
    </message>
    <message>
        <source>line %1 has %2 bytes, more than the %3 read</source>
        <translation>Zeile %1 hat %2 Bytes, mehr als die %3, die gelesen werden</translation>
    </message>
    <message>
        <source>the signature matches the empty secret: the app&apos;s secret is empty (itsdangerous verifies with it; Flask never signs with it)</source>
        <translation>die Signatur passt zum leeren Geheimnis: das Geheimnis der App ist leer (itsdangerous prüft damit; Flask signiert nie damit)</translation>
    </message>
    <message>
        <source>a dict shaped like EncryptedSession&apos;s bytes marker: its server reads it as bytes %1</source>
        <translation>ein dict in der Form der bytes-Markierung von EncryptedSession: dessen Server liest es als bytes %1</translation>
    </message>
    <message>
        <source>EncryptedSession&apos;s server moves &quot;__type__&quot; to the end of this dict when it reads it</source>
        <translation>der Server von EncryptedSession verschiebt &quot;__type__&quot; beim Lesen an das Ende dieses dict</translation>
    </message>
    <message>
        <source>%1: the bytes object&apos;s base64 %2 is not what the server writes; it reads it leniently as %3</source>
        <translation>%1: das Base64 %2 des bytes-Objekts ist nicht, was der Server schreibt; er liest es nachsichtig als %3</translation>
    </message>
    <message>
        <source>%1: Flask never writes the tag {&quot;%2&quot;: %3}, but reads it as %4</source>
        <translation>%1: Flask schreibt das Tag {&quot;%2&quot;: %3} nie, liest es aber als %4</translation>
    </message>
    <message>
        <source>AES key</source>
        <translation>AES-Schlüssel</translation>
    </message>
    <message>
        <source>Flask secret</source>
        <translation>Flask-Geheimnis</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>ciphertext (AES-EAX)</source>
        <translation>Geheimtext (AES-EAX)</translation>
    </message>
    <message>
        <source>ciphertext, base64</source>
        <translation>Geheimtext, Base64</translation>
    </message>
    <message>
        <source>base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>tag, base64</source>
        <translation>Tag, Base64</translation>
    </message>
    <message>
        <source>nonce, base64</source>
        <translation>Nonce, Base64</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signiert</translation>
    </message>
    <message>
        <source>payload (signed, not encrypted)</source>
        <translation>Nutzdaten (signiert, nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>payload (not encrypted)</source>
        <translation>Nutzlast (unverschlüsselt)</translation>
    </message>
    <message>
        <source>payload, base64</source>
        <translation>Nutzdaten, Base64</translation>
    </message>
    <message>
        <source>timestamp, base64</source>
        <translation>Zeitstempel, Base64</translation>
    </message>
    <message>
        <source>signature, base64</source>
        <translation>Signatur, Base64</translation>
    </message>
    <message>
        <source>Flask-Login: the logged-in user&apos;s id (user_loader gets it)</source>
        <translation>Flask-Login: die ID des angemeldeten Benutzers (user_loader erhält sie)</translation>
    </message>
    <message>
        <source>Flask-Login: true after a password login, false after a login from the remember cookie (fresh_login_required refuses it)</source>
        <translation>Flask-Login: true nach einer Anmeldung mit Passwort, false nach einer Anmeldung über das Remember-Cookie (fresh_login_required lehnt sie ab)</translation>
    </message>
    <message>
        <source>Flask-Login: SHA-512 of the client&apos;s address and user agent; session protection compares it on every request</source>
        <translation>Flask-Login: SHA-512 von Adresse und User-Agent des Clients; der Sitzungsschutz vergleicht ihn bei jeder Anfrage</translation>
    </message>
    <message>
        <source>Flask-Login: &quot;set&quot; writes the remember cookie on this response, &quot;clear&quot; deletes it</source>
        <translation>Flask-Login: &quot;set&quot; schreibt das Remember-Cookie mit dieser Antwort, &quot;clear&quot; löscht es</translation>
    </message>
    <message>
        <source>Flask-Login: the remember cookie&apos;s lifetime in seconds (login_user&apos;s duration)</source>
        <translation>Flask-Login: die Lebensdauer des Remember-Cookies in Sekunden (duration von login_user)</translation>
    </message>
    <message>
        <source>Flask-Login: the page to return to after login (USE_SESSION_FOR_NEXT)</source>
        <translation>Flask-Login: die Seite, zu der nach der Anmeldung zurückgekehrt wird (USE_SESSION_FOR_NEXT)</translation>
    </message>
    <message>
        <source>not checked: give the client&apos;s address and user agent</source>
        <translation>nicht geprüft: Adresse und User-Agent des Clients angeben</translation>
    </message>
    <message>
        <source>not a SHA-512 hex digest: the app has its own identifier</source>
        <translation>kein SHA-512-Hex-Digest: die App hat eine eigene Kennung</translation>
    </message>
    <message>
        <source>computed from %1</source>
        <translation>berechnet aus %1</translation>
    </message>
    <message>
        <source>does not match %1: another address or user agent (strong protection clears the session)</source>
        <translation>passt nicht zu %1: eine andere Adresse oder ein anderer User-Agent (starker Schutz leert die Session)</translation>
    </message>
    <message>
        <source>Flask / Quart signed session</source>
        <translation>signierte Flask-/Quart-Sitzung</translation>
    </message>
    <message>
        <source>Flask-Login remember cookie</source>
        <translation>Remember-Cookie von Flask-Login</translation>
    </message>
    <message>
        <source>remember</source>
        <translation>remember</translation>
    </message>
    <message>
        <source>the digest matches the empty secret: the app&apos;s SECRET_KEY is empty</source>
        <translation>der Digest passt zum leeren Geheimnis: der SECRET_KEY der App ist leer</translation>
    </message>
    <message>
        <source>the secret matched as Latin-1 bytes, as Flask-Login encodes a str SECRET_KEY</source>
        <translation>das Geheimnis passte als Latin-1-Bytes, wie Flask-Login einen str-SECRET_KEY kodiert</translation>
    </message>
    <message>
        <source>user id (not encrypted)</source>
        <translation>Benutzer-ID (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>digest (HMAC-SHA512), hex</source>
        <translation>Digest (HMAC-SHA512), hex</translation>
    </message>
    <message>
        <source>digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Werkzeug&apos;s quotes and escapes</source>
        <translation>Anführungszeichen und Escapes von Werkzeug</translation>
    </message>
    <message>
        <source>an int: the remember cookie carries str(id)</source>
        <translation>ein int: das Remember-Cookie trägt str(id)</translation>
    </message>
    <message>
        <source>dropped: the remember cookie carries only the user id</source>
        <translation>verworfen: das Remember-Cookie trägt nur die Benutzer-ID</translation>
    </message>
    <message>
        <source>Flask-Login&apos;s _user_id becomes user_id</source>
        <translation>_user_id von Flask-Login wird zu user_id</translation>
    </message>
    <message>
        <source>the text is also a whole %1 cookie, and no stored key tells which: opened as %2</source>
        <translation>der Text ist auch ein vollständiges Cookie vom Format %1, und kein gespeicherter Schlüssel entscheidet: geöffnet als %2</translation>
    </message>
    <message>
        <source>signed %1 s in the future: Django accepts it (it checks only that the age is not above SESSION_COOKIE_AGE)</source>
        <translation>%1 s in der Zukunft signiert: Django nimmt es an (es prüft nur, dass das Alter SESSION_COOKIE_AGE nicht übersteigt)</translation>
    </message>
    <message>
        <source>the JSON holds bytes past ASCII: Django reads each as the Latin-1 character of its value, as shown</source>
        <translation>das JSON enthält Bytes jenseits von ASCII: Django liest jedes als das Latin-1-Zeichen seines Werts, wie gezeigt</translation>
    </message>
    <message>
        <source>signed with the legacy SHA-1 (DEFAULT_HASHING_ALGORITHM = &apos;sha1&apos;), which Django 3.2 still accepts; it signs with SHA-256 by default</source>
        <translation>mit dem alten SHA-1 signiert (DEFAULT_HASHING_ALGORITHM = &apos;sha1&apos;), das Django 3.2 noch annimmt; standardmäßig signiert es mit SHA-256</translation>
    </message>
    <message>
        <source>Django signed-cookie session</source>
        <translation>Django-Sitzung im signierten Cookie</translation>
    </message>
    <message>
        <source>django</source>
        <translation>django</translation>
    </message>
    <message>
        <source>timestamp, base62</source>
        <translation>Zeitstempel, base62</translation>
    </message>
    <message>
        <source>bytes cannot be carried (plain JSON has no bytes); written as its standard base64 text</source>
        <translation>bytes lässt sich nicht übertragen (reines JSON kennt keine Bytes); als Standard-Base64-Text geschrieben</translation>
    </message>
    <message>
        <source>Starlette session</source>
        <translation>FastAPI-/Starlette-Sitzung</translation>
    </message>
    <message>
        <source>starlette</source>
        <translation>starlette</translation>
    </message>
    <message>
        <source>the token holds a %1, not a string: Flask-WTF&apos;s comparison fails with a server error (TypeError)</source>
        <translation>das Token enthält ein %1, keine Zeichenkette: der Vergleich von Flask-WTF scheitert mit einem Serverfehler (TypeError)</translation>
    </message>
    <message>
        <source>Flask-WTF CSRF token</source>
        <translation>CSRF-Token von Flask-WTF</translation>
    </message>
    <message>
        <source>wtf-csrf</source>
        <translation>wtf-csrf</translation>
    </message>
    <message>
        <source>the token is %1 s old, over WTF_CSRF_TIME_LIMIT&apos;s %2 s (or from the future): Flask-WTF rejects it</source>
        <translation>das Token ist %1 s alt, über den %2 s von WTF_CSRF_TIME_LIMIT (oder aus der Zukunft): Flask-WTF lehnt es ab</translation>
    </message>
    <message>
        <source>dropped: a CSRF token carries csrf_token alone</source>
        <translation>entfernt: ein CSRF-Token trägt nur csrf_token</translation>
    </message>
    <message>
        <source>entry %1: its User-Agent of %2 bytes is over the limit of %3 bytes and is not kept: Flask-Login&apos;s _id is not checked against it</source>
        <translation>Eintrag %1: sein User-Agent von %2 Bytes überschreitet die Grenze von %3 Bytes und wird nicht behalten: Flask-Logins _id wird nicht dagegen geprüft</translation>
    </message>
    <message>
        <source>not checked: the request&apos;s User-Agent (%1 bytes) is over the limit of %2 bytes and was not kept</source>
        <translation>nicht geprüft: der User-Agent der Anfrage (%1 Bytes) überschreitet die Grenze von %2 Bytes und wurde nicht behalten</translation>
    </message>
    <message>
        <source>not checked: this record does not know the request&apos;s user agent</source>
        <translation>nicht geprüft: dieser Eintrag kennt den User-Agent der Anfrage nicht</translation>
    </message>
    <message>
        <source>not checked: the address the app saw is not known, and neither 127.0.0.1 nor ::1 gives it with the user agent %1</source>
        <translation>nicht geprüft: die Adresse, die die App sah, ist unbekannt, und weder 127.0.0.1 noch ::1 ergibt es mit dem User-Agent %1</translation>
    </message>
    <message>
        <source>the request&apos;s User-Agent (%1 bytes) is over the limit of %2 bytes and was not kept</source>
        <translation>der User-Agent der Anfrage (%1 Bytes) überschreitet die Grenze von %2 Bytes und wurde nicht behalten</translation>
    </message>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>… (%1 Zeichen insgesamt)</translation>
    </message>
</context>
<context>
    <name>sessionlens::SessionValue</name>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>bool</translation>
    </message>
    <message>
        <source>int</source>
        <translation>int</translation>
    </message>
    <message>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <source>str</source>
        <translation>str</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>dict</source>
        <translation>dict</translation>
    </message>
    <message>
        <source>tuple</source>
        <translation>tuple</translation>
    </message>
    <message>
        <source>Markup</source>
        <translation>Markup</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>datetime</source>
        <translation>datetime</translation>
    </message>
</context>
<context>
    <name>sessionlens::TimeText</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>in the future by %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>after the year 9999</source>
        <translation>nach dem Jahr 9999</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::AddKeyDialog</name>
    <message>
        <source>Add Key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>e.g. staging</source>
        <translation>z. B. staging</translation>
    </message>
    <message>
        <source>b&apos;\x8e;\xa9=...&apos;, hex or base64</source>
        <translation>b&apos;\x8e;\xa9=...&apos;, Hex oder Base64</translation>
    </message>
    <message>
        <source>Show key text</source>
        <translation>Schlüsseltext zeigen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Give the key a name.</source>
        <translation>Geben Sie dem Schlüssel einen Namen.</translation>
    </message>
    <message>
        <source>A key named &quot;%1&quot; exists already.</source>
        <translation>Ein Schlüssel namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>%1 bytes (%2), read as %3, fingerprint %4</source>
        <translation>%1 Bytes (%2), gelesen als %3, Fingerabdruck %4</translation>
    </message>
    <message>
        <source>Paste the key as Python prints it, or as hex or base64.</source>
        <translation>Fügen Sie den Schlüssel so ein, wie Python ihn ausgibt, oder als Hex oder Base64.</translation>
    </message>
    <message>
        <source>AES key (EncryptedSession)</source>
        <translation>AES-Schlüssel (EncryptedSession)</translation>
    </message>
    <message>
        <source>Flask SECRET_KEY (signed cookies)</source>
        <translation>Flask-SECRET_KEY (signierte Cookies)</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>The bytes literal is not valid.</source>
        <translation>Das Bytes-Literal ist ungültig.</translation>
    </message>
    <message>
        <source>%1 bytes, read as %2, fingerprint %3</source>
        <translation>%1 Bytes, gelesen als %2, Fingerabdruck %3</translation>
    </message>
    <message>
        <source>Python bytes literal</source>
        <translation>Python-Bytes-Literal</translation>
    </message>
    <message>
        <source>text (UTF-8)</source>
        <translation>Text (UTF-8)</translation>
    </message>
    <message>
        <source>the SECRET_KEY as text, or as b&apos;...&apos; when it is bytes</source>
        <translation>der SECRET_KEY als Text, oder als b&apos;...&apos;, wenn er aus Bytes besteht</translation>
    </message>
    <message>
        <source>Type or paste the app&apos;s SECRET_KEY as text, or as a Python bytes literal (b&apos;...&apos;) when it is bytes.</source>
        <translation>Geben Sie den SECRET_KEY der App als Text ein oder fügen Sie ihn ein, als Python-Bytes-Literal (b&apos;...&apos;), wenn er aus Bytes besteht.</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::AuditController</name>
    <message>
        <source>no example was recorded</source>
        <translation>es wurde kein Beispiel festgehalten</translation>
    </message>
    <message>
        <source>the example line is too long</source>
        <translation>die Beispielzeile ist zu lang</translation>
    </message>
    <message>
        <source>the file changed since the audit</source>
        <translation>die Datei hat sich seit der Prüfung geändert</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::AuditDialog</name>
    <message>
        <source>Audit Cookie Sizes</source>
        <translation>Cookie-Größen prüfen</translation>
    </message>
    <message>
        <source>Drop capture files here, or choose them with File ▸ Audit Files.</source>
        <translation>Mitschnittdateien hierher ziehen oder mit Datei ▸ Dateien prüfen wählen.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Click a bar to open a cookie of that size</source>
        <translation>Einen Balken anklicken, um ein Cookie dieser Größe zu öffnen</translation>
    </message>
    <message>
        <source>Click a bar to open a cookie with that key</source>
        <translation>Einen Balken anklicken, um ein Cookie mit diesem Schlüssel zu öffnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cookie sizes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cookie-Größen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Costliest top-level keys&lt;/b&gt; (bytes of JSON across all cookies)</source>
        <translation>&lt;b&gt;Teuerste Schlüssel auf oberster Ebene&lt;/b&gt; (JSON-Bytes über alle Cookies)</translation>
    </message>
    <message>
        <source>%1 cookies</source>
        <translation>%1 Cookies</translation>
    </message>
    <message>
        <source>Auditing %1</source>
        <translation>Prüfe %1</translation>
    </message>
    <message>
        <source>Cancelled. </source>
        <translation>Abgebrochen. </translation>
    </message>
    <message>
        <source>Cookie bytes: median %1, p95 %2, p99 %3, largest %4. Over 4093 (Werkzeug): %5; over 4096 (browsers): %6.</source>
        <translation>Cookie-Bytes: Median %1, p95 %2, p99 %3, größtes %4. Über 4093 (Werkzeug): %5; über 4096 (Browser): %6.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failures by step:&lt;/b&gt; none</source>
        <translation>&lt;b&gt;Fehler nach Schritt:&lt;/b&gt; keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failures by step:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fehler nach Schritt:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Audit of %1</source>
        <translation>Prüfung von %1</translation>
    </message>
    <message>
        <source>Audit of %1, cancelled</source>
        <translation>Prüfung von %1, abgebrochen</translation>
    </message>
    <message>
        <source>Audited %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 cookies, %2 opened (%3, %4 of no known shape, %5 compressed).</source>
        <translation>%1 Cookies, %2 geöffnet (%3, %4 in keiner bekannten Form, %5 komprimiert).</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::AuditHistogram</name>
    <message>
        <source>0 B</source>
        <translation>0 B</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>4093 Werkzeug</source>
        <translation>4093 Werkzeug</translation>
    </message>
    <message>
        <source>4096 browsers</source>
        <translation>4096 Browser</translation>
    </message>
    <message>
        <source>%1 B, then all larger</source>
        <translation>%1 B, dann alle größeren</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CaptureController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session cookie(s).</source>
        <translation>
            <numerusform>%n Session-Cookie importiert.</numerusform>
            <numerusform>%n Session-Cookies importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no re-sealed cookie to replay yet: open a cookie and choose a key to seal with.</source>
        <translation>Es gibt noch kein neu versiegeltes Cookie zum erneuten Senden: Öffnen Sie ein Cookie und wählen Sie einen Schlüssel zum Versiegeln.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 answered %3 after %n hop(s).</source>
        <translation>
            <numerusform>%1 %2 antwortete %3 nach %n Schritt.</numerusform>
            <numerusform>%1 %2 antwortete %3 nach %n Schritten.</numerusform>
        </translation>
    </message>
    <message>
        <source>A redirect to %1 was not followed: the session cookie stays with its origin.</source>
        <translation>Einer Weiterleitung zu %1 wurde nicht gefolgt: das Session-Cookie bleibt bei seinem Ursprung.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Cookie name (Edit ▸ Preferences)</source>
        <translation>Cookie-Name (Bearbeiten ▸ Einstellungen)</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Not pinned: %1</source>
        <translation>Nicht angeheftet: %1</translation>
    </message>
    <message>
        <source>The cookie jar is empty: the next request starts without cookies.</source>
        <translation>Der Cookie-Speicher ist leer: die nächste Anfrage beginnt ohne Cookies.</translation>
    </message>
    <message>
        <source>Cookie jar: %1</source>
        <translation>Cookie-Speicher: %1</translation>
    </message>
    <message>
        <source>Flask-Login&apos;s _id: %1</source>
        <translation>_id von Flask-Login: %1</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CaptureDock</name>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CapturePanel</name>
    <message>
        <source>http://127.0.0.1:5000/login</source>
        <translation>http://127.0.0.1:5000/login</translation>
    </message>
    <message>
        <source>One header per line: Content-Type: application/x-www-form-urlencoded</source>
        <translation>Ein Header pro Zeile: Content-Type: application/x-www-form-urlencoded</translation>
    </message>
    <message>
        <source>Request body, e.g. username=alice&amp;password=...</source>
        <translation>Anfrageinhalt, z. B. username=alice&amp;password=...</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Return); session cookies the responses set join the timeline.</source>
        <translation>Die Anfrage senden (Strg+Eingabe); gesetzte Session-Cookies kommen in die Zeitleiste.</translation>
    </message>
    <message>
        <source>&amp;Replay with Edited Cookie</source>
        <translation>Mit bearbeitetem Cookie &amp;erneut senden</translation>
    </message>
    <message>
        <source>Send the same request with the re-sealed cookie of the inspector.</source>
        <translation>Dieselbe Anfrage mit dem neu versiegelten Cookie des Inspektors senden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Start &amp;Proxy</source>
        <translation>&amp;Proxy starten</translation>
    </message>
    <message>
        <source>P&amp;in: the app gets the edited cookie on every request</source>
        <translation>A&amp;nheften: die App bekommt bei jeder Anfrage das bearbeitete Cookie</translation>
    </message>
    <message>
        <source>Live capture through a proxy</source>
        <translation>Mitschnitt über einen Proxy</translation>
    </message>
    <message>
        <source>App &amp;URL:</source>
        <translation>App-&amp;URL:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>host, e.g. 127.0.0.1 (all when empty)</source>
        <translation>Host, z. B. 127.0.0.1 (alle, wenn leer)</translation>
    </message>
    <message>
        <source>Read &amp;Cookies</source>
        <translation>&amp;Cookies lesen</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>(no browser profile found)</source>
        <translation>(kein Browserprofil gefunden)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet …</translation>
    </message>
    <message>
        <source>A header is &apos;Name: value&apos;, not &apos;%1&apos;.</source>
        <translation>Ein Header ist &apos;Name: Wert&apos;, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Stop &amp;Proxy</source>
        <translation>&amp;Proxy beenden</translation>
    </message>
    <message>
        <source>Open %1 in any browser and use the app; each session cookie joins the timeline.</source>
        <translation>Öffnen Sie %1 in einem beliebigen Browser und benutzen Sie die App; jedes Session-Cookie kommt in die Zeitleiste.</translation>
    </message>
    <message>
        <source>No browser profile to read.</source>
        <translation>Kein Browserprofil zum Lesen.</translation>
    </message>
    <message>
        <source>C&amp;lear Jar</source>
        <translation>Speicher lee&amp;ren</translation>
    </message>
    <message>
        <source>Forget every cookie the responses set: the next request starts a fresh session.</source>
        <translation>Alle Cookies vergessen, die die Antworten setzten: die nächste Anfrage beginnt eine neue Sitzung.</translation>
    </message>
    <message>
        <source>Cookie jar</source>
        <translation>Cookie-Speicher</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ChangeTable</name>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ComparePanel</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>No changes since the cookie was opened.</source>
        <translation>Keine Änderungen, seit das Cookie geöffnet wurde.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since the cookie was opened.</source>
        <translation>
            <numerusform>%n Änderung, seit das Cookie geöffnet wurde.</numerusform>
            <numerusform>%n Änderungen, seit das Cookie geöffnet wurde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n are listed.</source>
        <translation>
            <numerusform>Nur die erste wird aufgeführt.</numerusform>
            <numerusform>Nur die ersten %n werden aufgeführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CompressionBox</name>
    <message>
        <source>Server rule (over 1024 bytes)</source>
        <translation>Serverregel (über 1024 Bytes)</translation>
    </message>
    <message>
        <source>Always compress</source>
        <translation>Immer komprimieren</translation>
    </message>
    <message>
        <source>Never compress</source>
        <translation>Nie komprimieren</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ConversionNotesBox</name>
    <message>
        <source>Convert Session</source>
        <translation>Sitzung umwandeln</translation>
    </message>
    <message numerus="yes">
        <source>Converted to %1. %n value(s) could not be carried as they were (Undo takes the change back):</source>
        <translation>
            <numerusform>Umgewandelt in %1. %n Wert konnte nicht unverändert übernommen werden (Rückgängig nimmt die Änderung zurück):</numerusform>
            <numerusform>Umgewandelt in %1. %n Werte konnten nicht unverändert übernommen werden (Rückgängig nimmt die Änderung zurück):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ConvertMenuItems</name>
    <message>
        <source>Convert to %1</source>
        <translation>In %1 umwandeln</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CookieInputPanel</name>
    <message>
        <source>No cookie yet.</source>
        <translation>Noch kein Cookie.</translation>
    </message>
    <message>
        <source>the file is larger than %1 bytes</source>
        <translation>die Datei ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>flag %1 · ciphertext %2 bytes · tag %3 bytes · nonce %4 bytes</source>
        <translation>Flag %1 · Geheimtext %2 Bytes · Tag %3 Bytes · Nonce %4 Bytes</translation>
    </message>
    <message>
        <source>z (compressed)</source>
        <translation>z (komprimiert)</translation>
    </message>
    <message>
        <source>unknown, read as u</source>
        <translation>unbekannt, gelesen als u</translation>
    </message>
    <message>
        <source>u (not compressed)</source>
        <translation>u (nicht komprimiert)</translation>
    </message>
    <message>
        <source>Opened with key &quot;%1&quot; (%2).</source>
        <translation>Geöffnet mit Schlüssel „%1“ (%2).</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source> (zlib)</source>
        <translation> (zlib)</translation>
    </message>
    <message>
        <source>Signature NOT verified: no stored secret matches. The session below is readable by anyone, but the server will reject this cookie unless it uses another secret.</source>
        <translation>Signatur NICHT geprüft: kein gespeichertes Geheimnis passt. Die Session unten kann jeder lesen, aber der Server weist dieses Cookie ab, sofern er kein anderes Geheimnis verwendet.</translation>
    </message>
    <message>
        <source>Signature not checked: no Flask secret in the key ring. Anyone can read this session; only the secret proves who made it.</source>
        <translation>Signatur nicht geprüft: kein Flask-Geheimnis im Schlüsselbund. Jeder kann diese Session lesen; nur das Geheimnis beweist, wer sie erstellt hat.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>unbekannter Zeit</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more warning(s); hover here to see them.</source>
        <translation>
            <numerusform>… und %n weitere Warnung; zum Anzeigen hierher zeigen.</numerusform>
            <numerusform>… und %n weitere Warnungen; zum Anzeigen hierher zeigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired: the timestamp lies after the year 9999; itsdangerous rejects it.</source>
        <translation>Abgelaufen: der Zeitstempel liegt nach dem Jahr 9999; itsdangerous lehnt es ab.</translation>
    </message>
    <message>
        <source>Expired: signed %1; itsdangerous rejects it.</source>
        <translation>Abgelaufen: signiert %1; itsdangerous lehnt es ab.</translation>
    </message>
    <message>
        <source>Session opened from a JSON file: no cookie was opened.</source>
        <translation>Sitzung aus einer JSON-Datei geöffnet: Es wurde kein Cookie geöffnet.</translation>
    </message>
    <message>
        <source>Paste a cookie value, a Cookie: or Set-Cookie: header, a &quot;Copy as cURL&quot; command, request headers or a developer tools cookie row, or drop a file here</source>
        <translation>Cookie-Wert, Cookie:- oder Set-Cookie:-Header, einen „Als cURL kopieren“-Befehl, Request-Header oder eine Cookie-Zeile der Entwicklerwerkzeuge einfügen oder eine Datei hierher ziehen</translation>
    </message>
    <message>
        <source>The cookie &quot;%1&quot; was taken from the curl command.</source>
        <translation>Das Cookie „%1“ wurde aus dem curl-Befehl übernommen.</translation>
    </message>
    <message>
        <source>The cookie &quot;%1&quot; was taken from the headers.</source>
        <translation>Das Cookie „%1“ wurde aus den Headern übernommen.</translation>
    </message>
    <message>
        <source>The cookie &quot;%1&quot; was taken from the cookie table.</source>
        <translation>Das Cookie „%1“ wurde aus der Cookie-Tabelle übernommen.</translation>
    </message>
    <message>
        <source>Flask-Login remember cookie: user id %1 bytes · digest HMAC-SHA512, %2 hex digits · no expiry inside (the browser keeps it %3)</source>
        <translation>Remember-Cookie von Flask-Login: Benutzer-ID %1 Bytes · Digest HMAC-SHA512, %2 Hex-Ziffern · kein Ablauf darin (der Browser behält es %3)</translation>
    </message>
    <message>
        <source>Digest verified with secret &quot;%1&quot; (%2).</source>
        <translation>Digest mit dem Geheimnis „%1“ geprüft (%2).</translation>
    </message>
    <message>
        <source>Digest NOT verified: no stored secret matches. Flask-Login will not log this user in unless the app uses another secret.</source>
        <translation>Digest NICHT bestätigt: kein gespeichertes Geheimnis passt. Flask-Login meldet diesen Benutzer nicht an, es sei denn, die App verwendet ein anderes Geheimnis.</translation>
    </message>
    <message>
        <source>Digest not checked: no Flask secret in the key ring. Anyone can read the user id; only the secret makes a cookie Flask-Login accepts.</source>
        <translation>Digest nicht geprüft: kein Flask-Geheimnis im Schlüsselbund. Jeder kann die Benutzer-ID lesen; nur das Geheimnis erzeugt ein Cookie, das Flask-Login annimmt.</translation>
    </message>
    <message>
        <source>Verified with the empty secret (%1).</source>
        <translation>Mit dem leeren Geheimnis geprüft (%1).</translation>
    </message>
    <message>
        <source>Verified with secret “%1” (%2).</source>
        <translation>Mit dem Geheimnis „%1“ geprüft (%2).</translation>
    </message>
    <message>
        <source>%1: payload %2 bytes%3 · signed %4, %5 ago · signature %6 bytes</source>
        <translation>%1: Nutzdaten %2 Bytes%3 · signiert %4, vor %5 · Signatur %6 Bytes</translation>
    </message>
    <message>
        <source>Expired: signed %1 ago, and the session lifetime is %2; the server rejects it.</source>
        <translation>Abgelaufen: vor %1 signiert, bei einer Lebensdauer der Session von %2; der Server lehnt es ab.</translation>
    </message>
    <message>
        <source>Signature not checked: no secret in the key ring (%1).</source>
        <translation>Signatur nicht geprüft: kein Geheimnis im Schlüsselbund (%1).</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CookieJarModel</name>
    <message numerus="yes">
        <source>%1… (%n bytes)</source>
        <translation>
            <numerusform>%1… (%n Byte)</numerusform>
            <numerusform>%1… (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Domain and path</source>
        <translation>Domain und Pfad</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::CsrfTokenPanel</name>
    <message>
        <source>Mint CS&amp;RF Token</source>
        <translation>CSRF-Token er&amp;zeugen</translation>
    </message>
    <message>
        <source>A Flask-WTF form token (csrf_token field) the app accepts with the new cookie</source>
        <translation>Ein Formular-Token von Flask-WTF (Feld csrf_token), das die App mit dem neuen Cookie annimmt</translation>
    </message>
    <message>
        <source>Flask-WTF form token</source>
        <translation>Formular-Token von Flask-WTF</translation>
    </message>
    <message>
        <source>Add the app&apos;s SECRET_KEY (or WTF_CSRF_SECRET_KEY) to the key ring to sign a form token.</source>
        <translation>Den SECRET_KEY (oder WTF_CSRF_SECRET_KEY) der App zum Schlüsselbund hinzufügen, um ein Formular-Token zu signieren.</translation>
    </message>
    <message>
        <source>Signed with %1.</source>
        <translation>Signiert mit %1.</translation>
    </message>
    <message>
        <source>The session had no %1: one was added, so send the new cookie with the token.</source>
        <translation>Die Session hatte kein %1: eines wurde hinzugefügt, also das neue Cookie mit dem Token senden.</translation>
    </message>
    <message>
        <source>Copied the CSRF form token</source>
        <translation>Das CSRF-Formular-Token wurde kopiert</translation>
    </message>
    <message>
        <source>Cop&amp;y Token</source>
        <translation>Toke&amp;n kopieren</translation>
    </message>
    <message>
        <source>This is a Flask-WTF form token: the new cookie above is the token itself.</source>
        <translation>Das ist ein Formular-Token von Flask-WTF: Das neue Cookie oben ist das Token selbst.</translation>
    </message>
    <message>
        <source>Flask-WTF keeps its csrf_token in a Flask session (signed or EncryptedSession), not in this format: %1.</source>
        <translation>Flask-WTF legt sein csrf_token in einer Flask-Sitzung ab (signiert oder EncryptedSession), nicht in diesem Format: %1.</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::DocumentPersistence</name>
    <message>
        <source>Not kept in the history: %1</source>
        <translation>Nicht im Verlauf gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 — %2 bytes, key &quot;%3&quot;</source>
        <translation>%1 — %2 Bytes, Schlüssel „%3“</translation>
    </message>
    <message>
        <source>Select an entry to see it; select two to compare them.</source>
        <translation>Einen Eintrag auswählen, um ihn zu sehen; zwei auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Neuer</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, cookie %2 bytes</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, Cookie %2 Bytes</translation>
    </message>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… %n weiterer</numerusform>
            <numerusform>… %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON %1 bytes</source>
        <translation>JSON %1 Bytes</translation>
    </message>
    <message numerus="yes">
        <source>%n top-level key(s): %1</source>
        <translation>
            <numerusform>%n Schlüssel auf oberster Ebene: %1</numerusform>
            <numerusform>%n Schlüssel auf oberster Ebene: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Both entries must open to be compared.</source>
        <translation>Beide Einträge müssen sich öffnen lassen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>The two sessions are the same.</source>
        <translation>Die beiden Sitzungen sind gleich.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the older to the newer entry.</source>
        <translation>
            <numerusform>%n Änderung vom älteren zum neueren Eintrag.</numerusform>
            <numerusform>%n Änderungen vom älteren zum neueren Eintrag.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::InspectorController</name>
    <message>
        <source>choose an AES key to seal with</source>
        <translation>wählen Sie einen AES-Schlüssel zum Versiegeln</translation>
    </message>
    <message>
        <source>choose a Flask secret to sign with</source>
        <translation>wählen Sie ein Flask-Geheimnis zum Signieren</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::JsonEditorPanel</name>
    <message>
        <source>&amp;Apply JSON</source>
        <translation>JSON &amp;übernehmen</translation>
    </message>
    <message>
        <source>Replace the session with this text (Ctrl+Return)</source>
        <translation>Session durch diesen Text ersetzen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>Änderungen ver&amp;werfen</translation>
    </message>
    <message>
        <source>The session changed in the tree; Apply would replace those changes.</source>
        <translation>Die Session wurde im Baum geändert; Übernehmen würde diese Änderungen ersetzen.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Lay the JSON out on indented lines for reading; the session is the same either way</source>
        <translation>Das JSON zum Lesen eingerückt auf Zeilen verteilen; die Sitzung bleibt in beiden Formen dieselbe</translation>
    </message>
    <message>
        <source>Apply JSON</source>
        <translation>JSON übernehmen</translation>
    </message>
    <message>
        <source>JSON tab</source>
        <translation>JSON-Reiter</translation>
    </message>
    <message>
        <source>Pre&amp;tty-print</source>
        <translation>Einge&amp;rückt anzeigen</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::KeyRingDialog</name>
    <message>
        <source>Key Ring</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Generate...</source>
        <translation>&amp;Erzeugen...</translation>
    </message>
    <message>
        <source>Re&amp;name...</source>
        <translation>&amp;Umbenennen...</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Re&amp;veal...</source>
        <translation>&amp;Anzeigen...</translation>
    </message>
    <message>
        <source>&amp;Copy...</source>
        <translation>&amp;Kopieren...</translation>
    </message>
    <message>
        <source>Secrets are kept in: %1</source>
        <translation>Geheimnisse liegen in: %1</translation>
    </message>
    <message>
        <source>Generate Key</source>
        <translation>Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Name of the new AES-256 key:</source>
        <translation>Name des neuen AES-256-Schlüssels:</translation>
    </message>
    <message>
        <source>Rename Key</source>
        <translation>Schlüssel umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Delete the key &quot;%1&quot;? Cookies sealed with it can no longer be opened here.</source>
        <translation>Den Schlüssel „%1“ löschen? Damit versiegelte Cookies lassen sich hier dann nicht mehr öffnen.</translation>
    </message>
    <message>
        <source>Reveal Key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show the key &quot;%1&quot; on screen? Anyone who sees it can read and forge this app&apos;s sessions.</source>
        <translation>Den Schlüssel „%1“ auf dem Bildschirm zeigen? Wer ihn sieht, kann die Sessions dieser App lesen und fälschen.</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot;</source>
        <translation>Schlüssel „%1“</translation>
    </message>
    <message>
        <source>Python: %1

Hex: %2

Base64: %3</source>
        <translation>Python: %1

Hex: %2

Base64: %3</translation>
    </message>
    <message>
        <source>Copy Key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy the key &quot;%1&quot; to the clipboard as a Python bytes literal? It is cleared from the clipboard after 45 seconds.</source>
        <translation>Den Schlüssel „%1“ als Python-Bytes-Literal in die Zwischenablage kopieren? Er wird nach 45 Sekunden aus der Zwischenablage gelöscht.</translation>
    </message>
    <message>
        <source>Flask secret</source>
        <translation>Flask-Geheimnis</translation>
    </message>
    <message>
        <source>Text: %1

Python: %2</source>
        <translation>Text: %1

Python: %2</translation>
    </message>
    <message>
        <source>%1, this run only</source>
        <translation>%1, nur für diesen Lauf</translation>
    </message>
    <message>
        <source>Given on the command line for this run; not kept in the key store.</source>
        <translation>Auf der Befehlszeile für diesen Lauf angegeben; nicht im Schlüsselspeicher abgelegt.</translation>
    </message>
    <message>
        <source>Waiting for %1 to answer (it may ask you to unlock it)...</source>
        <translation>Warte auf Antwort von %1 (eventuell müssen Sie ihn entsperren)...</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::MainWindow</name>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>&amp;Python</source>
        <translation>&amp;Python</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>New Cookie</source>
        <translation>Neues Cookie</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Größen</translation>
    </message>
    <message>
        <source>Paste a cookie to begin. Keys: %1</source>
        <translation>Fügen Sie ein Cookie ein, um zu beginnen. Schlüssel: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Cookie File...</source>
        <translation>&amp;Cookie-Datei öffnen...</translation>
    </message>
    <message>
        <source>Open Session &amp;JSON...</source>
        <translation>Session-&amp;JSON öffnen...</translation>
    </message>
    <message>
        <source>&amp;Save Session as JSON...</source>
        <translation>Session als JSON &amp;speichern...</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>Einstellun&amp;gen...</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Key Ring...</source>
        <translation>&amp;Schlüsselbund...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About SessionLens</source>
        <translation>&amp;Über SessionLens</translation>
    </message>
    <message>
        <source>SessionLens</source>
        <translation>SessionLens</translation>
    </message>
    <message>
        <source>SessionLens — key &quot;%1&quot;</source>
        <translation>SessionLens — Schlüssel „%1“</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 — %2 bytes of JSON, key &quot;%3&quot;</source>
        <translation>%1 — %2 Bytes JSON, Schlüssel „%3“</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Restore Unsaved Edits</source>
        <translation>Ungesicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>SessionLens was closed with unsaved edits (%1). Restore them?</source>
        <translation>SessionLens wurde mit ungesicherten Änderungen beendet (%1). Wiederherstellen?</translation>
    </message>
    <message>
        <source>Restored the autosaved session.</source>
        <translation>Die automatisch gesicherte Session wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Session speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Session öffnen</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Save Session as JSON</source>
        <translation>Session als JSON speichern</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Session JSON</source>
        <translation>Session-JSON öffnen</translation>
    </message>
    <message>
        <source>Open Cookie File</source>
        <translation>Cookie-Datei öffnen</translation>
    </message>
    <message>
        <source>Text files (*.txt *.cookie);;All files (*)</source>
        <translation>Textdateien (*.txt *.cookie);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About SessionLens</source>
        <translation>Über SessionLens</translation>
    </message>
    <message>
        <source>Unsaved Edits</source>
        <translation>Ungesicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the edited session as JSON before closing?</source>
        <translation>Die bearbeitete Session vor dem Schließen als JSON speichern?</translation>
    </message>
    <message>
        <source>&amp;Audit Signing Secret...</source>
        <translation>Signaturgeheimnis &amp;prüfen...</translation>
    </message>
    <message numerus="yes">
        <source>Opened: %n top-level key(s)</source>
        <translation>
            <numerusform>Geöffnet: %n Schlüssel auf oberster Ebene</numerusform>
            <numerusform>Geöffnet: %n Schlüssel auf oberster Ebene</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit Signing Secret</source>
        <translation>Signaturgeheimnis prüfen</translation>
    </message>
    <message>
        <source>&amp;Import Captured Cookies...</source>
        <translation>Mitgeschnittene Cookies &amp;importieren...</translation>
    </message>
    <message>
        <source>Import Captured Cookies</source>
        <translation>Mitgeschnittene Cookies importieren</translation>
    </message>
    <message>
        <source>Captures (*.har *.txt *.sqlite Cookies *.list);;All files (*)</source>
        <translation>Mitschnitte (*.har *.txt *.sqlite Cookies *.list);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>The text above did not open, so this is still the last session that did; it is greyed out until a cookie opens. Your edits to it are kept.</source>
        <translation>Der Text oben ließ sich nicht öffnen; dies ist noch die zuletzt geöffnete Sitzung. Sie bleibt ausgegraut, bis ein Cookie geöffnet wird. Ihre Änderungen daran bleiben erhalten.</translation>
    </message>
    <message>
        <source>The session has edits that are not saved. Save them as JSON before opening another session?</source>
        <translation>Die Sitzung hat ungespeicherte Änderungen. Vor dem Öffnen einer anderen Sitzung als JSON speichern?</translation>
    </message>
    <message>
        <source>The autosaved session could not be read: %1</source>
        <translation>Die automatisch gesicherte Sitzung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Waiting for %1...</source>
        <translation>Warte auf %1...</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Converted to %1: every value carries over as it is.</source>
        <translation>Umgewandelt in %1: Jeder Wert wird unverändert übernommen.</translation>
    </message>
    <message>
        <source>&amp;Browse and Compare...</source>
        <translation>&amp;Durchsuchen und vergleichen...</translation>
    </message>
    <message>
        <source>%1 (last text did not open)</source>
        <translation>%1 (letzter Text ließ sich nicht öffnen)</translation>
    </message>
    <message>
        <source>&amp;Audit Files...</source>
        <translation>Dateien &amp;prüfen...</translation>
    </message>
    <message>
        <source>Audit Files</source>
        <translation>Dateien prüfen</translation>
    </message>
    <message>
        <source>Captures (*.txt *.log *.har *.list);;All files (*)</source>
        <translation>Mitschnitte (*.txt *.log *.har *.list);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Waiting for %1 before opening any cookie...</source>
        <translation>Warte auf %1, bevor ein Cookie geöffnet wird...</translation>
    </message>
    <message>
        <source>The text above did not open, so this is still the last session that did; it is greyed out until a cookie opens.</source>
        <translation>Der Text oben ließ sich nicht öffnen, daher ist dies noch die letzte Session, die sich öffnen ließ; sie bleibt ausgegraut, bis sich ein Cookie öffnet.</translation>
    </message>
    <message>
        <source>Open a signed cookie first: the audit tries secrets against its signature.</source>
        <translation>Öffnen Sie zuerst ein signiertes Cookie: Die Prüfung probiert Geheimnisse an seiner Signatur aus.</translation>
    </message>
    <message>
        <source>Not converted to %1: %2</source>
        <translation>Nicht in %1 umgewandelt: %2</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ManualDialog</name>
    <message>
        <source>SessionLens Manual</source>
        <translation>SessionLens-Handbuch</translation>
    </message>
    <message>
        <source>The manual is missing.</source>
        <translation>Das Handbuch fehlt.</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when SessionLens starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von SessionLens.</translation>
    </message>
    <message>
        <source>&amp;Compression when sealing:</source>
        <translation>&amp;Kompression beim Versiegeln:</translation>
    </message>
    <message>
        <source>Show &amp;bytes as:</source>
        <translation>&amp;Bytes anzeigen als:</translation>
    </message>
    <message>
        <source>Largest &amp;inflated plaintext:</source>
        <translation>Größter &amp;entpackter Klartext:</translation>
    </message>
    <message>
        <source>&amp;Replay URL (curl, requests):</source>
        <translation>&amp;Replay-URL (curl, requests):</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Timestamps count from 2011 (itsdangerous before 1.0)</source>
        <translation>Zeitstempel zählen ab 2011 (itsdangerous vor 1.0)</translation>
    </message>
    <message>
        <source>Signer &amp;salt:</source>
        <translation>Sal&amp;t des Signierers:</translation>
    </message>
    <message>
        <source>Signer &amp;digest:</source>
        <translation>&amp;Hashverfahren des Signierers:</translation>
    </message>
    <message>
        <source>&amp;Key derivation:</source>
        <translation>Schlüsselableit&amp;ung:</translation>
    </message>
    <message>
        <source>Keep opened cookies in File ▸ History (sealed with the key store&apos;s key)</source>
        <translation>Geöffnete Cookies unter Datei ▸ Verlauf behalten (versiegelt mit dem Schlüssel des Schlüsselspeichers)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Clear copied cookies and keys &amp;after:</source>
        <translation>Kopierte Cookies und Schlüssel löschen &amp;nach:</translation>
    </message>
    <message>
        <source>Session cookie &amp;name:</source>
        <translation>Name des Session-&amp;Cookies:</translation>
    </message>
    <message>
        <source>Signed session li&amp;fetime:</source>
        <translation>&amp;Lebensdauer signierter Sessions:</translation>
    </message>
    <message>
        <source>the browser&apos;s User-Agent, to check Flask-Login&apos;s _id</source>
        <translation>der User-Agent des Browsers, um _id von Flask-Login zu prüfen</translation>
    </message>
    <message>
        <source>Flask-Login client&apos;s user a&amp;gent:</source>
        <translation>User-A&amp;gent des Flask-Login-Clients:</translation>
    </message>
    <message>
        <source>Flask-Login client&apos;s addr&amp;ess:</source>
        <translation>A&amp;dresse des Flask-Login-Clients:</translation>
    </message>
    <message>
        <source>None (no limit)</source>
        <translation>Keines (ohne Grenze)</translation>
    </message>
    <message>
        <source>Starlette &amp;max_age:</source>
        <translation>&amp;max_age von Starlette:</translation>
    </message>
    <message>
        <source>Djang&amp;o SESSION_COOKIE_AGE:</source>
        <translation>SESSION_COOKIE_AGE v&amp;on Django:</translation>
    </message>
    <message>
        <source>Flask-WTF &amp;time limit:</source>
        <translation>Zeitgrenze von &amp;Flask-WTF:</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ResealPanel</name>
    <message>
        <source>&amp;Copy Cookie</source>
        <translation>Cookie &amp;kopieren</translation>
    </message>
    <message>
        <source>Bare value</source>
        <translation>Nur der Wert</translation>
    </message>
    <message>
        <source>Cookie: header</source>
        <translation>Cookie:-Header</translation>
    </message>
    <message>
        <source>Set-Cookie: header</source>
        <translation>Set-Cookie:-Header</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>curl-Befehl</translation>
    </message>
    <message>
        <source>document.cookie line</source>
        <translation>document.cookie-Zeile</translation>
    </message>
    <message>
        <source>Python requests code</source>
        <translation>Python-requests-Code</translation>
    </message>
    <message>
        <source>Seal with:</source>
        <translation>Versiegeln mit:</translation>
    </message>
    <message>
        <source>Compression:</source>
        <translation>Kompression:</translation>
    </message>
    <message>
        <source>%1 bytes, %2. A fresh nonce is drawn for every seal, so the text changes even when the session does not.</source>
        <translation>%1 Bytes, %2. Jedes Versiegeln zieht eine neue Nonce, darum ändert sich der Text auch, wenn die Session gleich bleibt.</translation>
    </message>
    <message>
        <source>compressed</source>
        <translation>komprimiert</translation>
    </message>
    <message>
        <source>not compressed</source>
        <translation>nicht komprimiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied the new cookie (%n character(s))</source>
        <translation>
            <numerusform>Das neue Cookie wurde kopiert (%n Zeichen)</numerusform>
            <numerusform>Das neue Cookie wurde kopiert (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Keep the cookie&apos;s timestamp</source>
        <translation>Zeitstempel des Cookies beibehalten</translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation>Zeitstempel:</translation>
    </message>
    <message>
        <source>The original cookie was not verified by any stored secret: this cookie is signed with &quot;%1&quot;, and the server accepts it only if that is its SECRET_KEY.</source>
        <translation>Das ursprüngliche Cookie wurde von keinem gespeicherten Geheimnis bestätigt: dieses Cookie ist mit „%1“ signiert, und der Server nimmt es nur an, wenn das sein SECRET_KEY ist.</translation>
    </message>
    <message>
        <source>Signed with &quot;%1&quot;, not with &quot;%2&quot; that verified the original cookie.</source>
        <translation>Signiert mit „%1“, nicht mit „%2“, das das ursprüngliche Cookie bestätigt hat.</translation>
    </message>
    <message>
        <source>%1 bytes, %2, signed with &quot;%3&quot;. Anyone can read it; only the secret can make it.</source>
        <translation>%1 Bytes, %2, signiert mit „%3“. Jeder kann es lesen; nur das Geheimnis kann es erzeugen.</translation>
    </message>
    <message>
        <source>Sealing a large session in the background…</source>
        <translation>Eine große Session wird im Hintergrund versiegelt …</translation>
    </message>
    <message numerus="yes">
        <source>Copied the new cookie (%n character(s)); the clipboard forgets it in %1 s</source>
        <translation>
            <numerusform>Das neue Cookie wurde kopiert (%n Zeichen); die Zwischenablage vergisst es in %1 s</numerusform>
            <numerusform>Das neue Cookie wurde kopiert (%n Zeichen); die Zwischenablage vergisst es in %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a cookie above: its session, edited or not, is sealed here.</source>
        <translation>Öffnen Sie oben ein Cookie: Seine Session wird hier versiegelt, bearbeitet oder nicht.</translation>
    </message>
    <message>
        <source>%1 bytes, %2. Anyone can read and make it: it needs no key.</source>
        <translation>%1 Bytes, %2. Jeder kann es lesen und erzeugen: es braucht keinen Schlüssel.</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::SecretAuditDialog</name>
    <message>
        <source>Audit Signing Secret</source>
        <translation>Signaturgeheimnis prüfen</translation>
    </message>
    <message>
        <source>optional: a wordlist, one candidate per line</source>
        <translation>optional: eine Wortliste, ein Kandidat pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Also try secrets from tutorials and templates</source>
        <translation>Auch Geheimnisse aus Tutorials und Vorlagen probieren</translation>
    </message>
    <message>
        <source>Tries candidate secrets against the cookie&apos;s signature. Only audit cookies of apps you are allowed to test.</source>
        <translation>Probiert Kandidaten gegen die Signatur des Cookies. Prüfen Sie nur Cookies von Apps, die Sie testen dürfen.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel Audit</source>
        <translation>Prüfung &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Add to Key Ring...</source>
        <translation>Zum Schlüssel&amp;bund hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Wordlist:</source>
        <translation>&amp;Wortliste:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Choose Wordlist</source>
        <translation>Wortliste wählen</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>Starte...</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Halte an...</translation>
    </message>
    <message>
        <source>%1 candidates tried</source>
        <translation>%1 Kandidaten probiert</translation>
    </message>
    <message>
        <source>%1 candidates tried, about %2 s left</source>
        <translation>%1 Kandidaten probiert, noch etwa %2 s</translation>
    </message>
    <message>
        <source>Found the secret at line %1 of the wordlist after %2 candidates. It is weak: replace it.</source>
        <translation>Das Geheimnis steht in Zeile %1 der Wortliste (nach %2 Kandidaten). Es ist schwach: ersetzen Sie es.</translation>
    </message>
    <message>
        <source>Found the secret in the built-in list of well-known secrets. It is weak: replace it.</source>
        <translation>Das Geheimnis steht in der eingebauten Liste bekannter Geheimnisse. Es ist schwach: ersetzen Sie es.</translation>
    </message>
    <message>
        <source>Cancelled after %1 candidates.</source>
        <translation>Nach %1 Kandidaten abgebrochen.</translation>
    </message>
    <message>
        <source>None of the %1 candidates signs this cookie.</source>
        <translation>Keiner der %1 Kandidaten signiert dieses Cookie.</translation>
    </message>
    <message>
        <source>Add to Key Ring</source>
        <translation>Zum Schlüsselbund hinzufügen</translation>
    </message>
    <message>
        <source>Name for the found secret:</source>
        <translation>Name für das gefundene Geheimnis:</translation>
    </message>
    <message>
        <source>found secret</source>
        <translation>gefundenes Geheimnis</translation>
    </message>
    <message>
        <source>the secret, once found</source>
        <translation>das Secret, sobald es gefunden ist</translation>
    </message>
    <message>
        <source>Found secret:</source>
        <translation>Gefundenes Secret:</translation>
    </message>
    <message>
        <source>Waiting for %1...</source>
        <translation>Warte auf %1...</translation>
    </message>
    <message>
        <source>The secret is in the key ring.</source>
        <translation>Das Geheimnis ist im Schlüsselbund.</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::SessionTreeModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; exists already in this dict.</source>
        <translation>Der Schlüssel „%1“ existiert in diesem Dict bereits.</translation>
    </message>
    <message>
        <source>Not a valid %1: %2</source>
        <translation>Kein gültiger Wert vom Typ %1: %2</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::SessionTreePanel</name>
    <message>
        <source>Filter keys and values (Ctrl+F)</source>
        <translation>Schlüssel und Werte filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Add Key or Item</source>
        <translation>Schlüssel oder Element &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach u&amp;nten</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>Wert &amp;kopieren</translation>
    </message>
    <message>
        <source>Change &amp;Type</source>
        <translation>&amp;Typ ändern</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Copied the value of %1</source>
        <translation>Wert von %1 kopiert</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>%1 (Flask)</source>
        <translation>%1 (Flask)</translation>
    </message>
    <message>
        <source>Filter Keys and Values</source>
        <translation>Schlüssel und Werte filtern</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Re&amp;name Key</source>
        <translation>Schlüssel &amp;umbenennen</translation>
    </message>
    <message>
        <source>&amp;Move Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::SizeChart</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::SizePanel</name>
    <message>
        <source>&lt;b&gt;Cost of each top-level key&lt;/b&gt; (bytes the cookie would shrink without it)</source>
        <translation>&lt;b&gt;Kosten jedes Schlüssels auf oberster Ebene&lt;/b&gt; (so viele Bytes wäre das Cookie ohne ihn kürzer)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pipeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verarbeitungskette&lt;/b&gt;</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>compressed</source>
        <translation>komprimiert</translation>
    </message>
    <message>
        <source>cookie value</source>
        <translation>Cookie-Wert</translation>
    </message>
    <message>
        <source>Set-Cookie header</source>
        <translation>Set-Cookie-Header</translation>
    </message>
    <message>
        <source>4093 Werkzeug</source>
        <translation>4093 Werkzeug</translation>
    </message>
    <message>
        <source>4096 browsers</source>
        <translation>4096 Browser</translation>
    </message>
    <message>
        <source>Too large: browsers drop cookies over %1 bytes, so this session would be lost.</source>
        <translation>Zu groß: Browser verwerfen Cookies über %1 Bytes, diese Session ginge verloren.</translation>
    </message>
    <message>
        <source>Over Werkzeug&apos;s %1-byte limit: Flask will warn when it sets this cookie.</source>
        <translation>Über Werkzeugs Grenze von %1 Bytes: Flask warnt, wenn es dieses Cookie setzt.</translation>
    </message>
    <message>
        <source>Within the limits.</source>
        <translation>Innerhalb der Grenzen.</translation>
    </message>
    <message>
        <source>Measuring a large session in the background…</source>
        <translation>Eine große Session wird im Hintergrund vermessen …</translation>
    </message>
    <message>
        <source>%1 bytes over</source>
        <translation>%1 Bytes zu viel</translation>
    </message>
    <message>
        <source>%1 bytes left</source>
        <translation>%1 Bytes frei</translation>
    </message>
    <message>
        <source>Every request to the cookie&apos;s path carries %1 bytes of it (&lt;i&gt;session=…&lt;/i&gt;). Werkzeug&apos;s %2-byte warning: %3. The browsers&apos; %4-byte limit: %5.</source>
        <translation>Jede Anfrage an den Pfad des Cookies trägt %1 Bytes davon (&lt;i&gt;session=…&lt;/i&gt;). Werkzeugs Warnung bei %2 Bytes: %3. Die Grenze der Browser von %4 Bytes: %5.</translation>
    </message>
    <message>
        <source>Close to the limit: %1.</source>
        <translation>Nahe an der Grenze: %1.</translation>
    </message>
    <message>
        <source>The keys&apos; costs below are estimates from their share of the JSON until each is measured…</source>
        <translation>Die Kosten der Schlüssel unten sind Schätzungen nach ihrem Anteil am JSON, bis jeder gemessen ist …</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::TimelineModel</name>
    <message>
        <source>cannot open: %1</source>
        <translation>lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>first session of this origin</source>
        <translation>erste Session dieses Ursprungs</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): %1</source>
        <translation>
            <numerusform>%n Änderung: %1</numerusform>
            <numerusform>%n Änderungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich änderte</translation>
    </message>
    <message>
        <source>The app rejected the pinned cookie: it answered %1, so it may not have opened it (sealed with another key?).</source>
        <translation>Die App hat das angeheftete Cookie abgewiesen: sie antwortete %1, hat es also wohl nicht öffnen können (mit einem anderen Schlüssel versiegelt?).</translation>
    </message>
    <message>
        <source>The app rejected the pinned cookie: it could not open it (sealed with another key?) and started a new session.</source>
        <translation>Die App hat das angeheftete Cookie abgewiesen: sie konnte es nicht öffnen (mit einem anderen Schlüssel versiegelt?) und hat eine neue Session begonnen.</translation>
    </message>
    <message>
        <source>The proxy sent the pinned cookie with this request, in place of the browser&apos;s.</source>
        <translation>Der Proxy hat mit dieser Anfrage das angeheftete Cookie gesendet, anstelle des Cookies des Browsers.</translation>
    </message>
    <message>
        <source>sent (pin)</source>
        <translation>gesendet (angeheftet)</translation>
    </message>
</context>
<context>
    <name>sessionlens::gui::ValueDelegate</name>
    <message>
        <source>integer of any size</source>
        <translation>Ganzzahl beliebiger Größe</translation>
    </message>
    <message>
        <source>e.g. 3.25, 1e-05, nan, inf</source>
        <translation>z. B. 3.25, 1e-05, nan, inf</translation>
    </message>
    <message>
        <source>bytes as hex or base64 (see Preferences)</source>
        <translation>Bytes als Hex oder Base64 (siehe Einstellungen)</translation>
    </message>
</context>
</TS>
