#!/usr/bin/env python3
"""Writes the awkward import corpus next to this script. Deterministic: run it again and the files come out the same.
The tests (io.team365.imports.read.*Tests) read the committed files and know their exact content."""
import base64, os, random, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# ---- encodings: the same three rows in each ----
ENC_TEXT = "Name,City,Notes\r\nRenée Dupont,Orléans,Prix 5 €\r\nJürgen Groß,München,Straße\r\n"
write("utf8.csv", ENC_TEXT.encode("utf-8"))
write("utf8-bom.csv", b"\xef\xbb\xbf" + ENC_TEXT.encode("utf-8"))
write("utf16le-bom.csv", b"\xff\xfe" + ENC_TEXT.encode("utf-16-le"))
write("utf16be.csv", ENC_TEXT.encode("utf-16-be"))
write("windows1252.csv", ENC_TEXT.encode("cp1252"))

# ---- delimiters ----
write("semicolon.csv", (
    "Vorname;Nachname;E-Mail;Betrag\r\n"
    "Anna;Schmidt;anna@beispiel.de;1.234,50\r\n"
    "\"Bernd; Jr.\";Meier;bernd@beispiel.de;\"12,00\"\r\n").encode("utf-8"))
write("tab.tsv", (
    "Name\tCompany\tNotes\n"
    "Ann Lee\tAcme, Inc.\tlikes tea, coffee\n"
    "Bob Ray\t\t  padded  \n").encode("utf-8"))
write("pipe.csv", (
    "id|name|email\n"
    "1|Ann|ann@example.com\n"
    "2|Bob, Jr.|bob@example.com\n").encode("utf-8"))

# ---- quoting, blank lines, whitespace ----
write("embedded-newlines.csv", (
    "Name,Notes,Email\r\n"
    "\"Ann Lee\",\"line 1\nline 2\",ann@example.com\r\n"
    "\"Bob \"\"Bobby\"\" Ray\",\"a\r\nb\rc\",bob@example.com\r\n"
    "\r\n"
    "   \r\n"
    "Cid Moe, \"  spaced  \" ,  cid@example.com  \r\n").encode("utf-8"))

write("ragged.csv", (
    "Name,Email,Phone,Company\n"
    "Ann,ann@example.com,111,Acme\n"
    "Bob,bob@example.com\n"
    "Cid,cid@example.com,333,Acme,extra\n"
    "Dan,dan@example.com,444,Acme,,\n"
    ",,,\n"
    "Eve,eve@example.com,555,Acme\n").encode("utf-8"))

write("huge-field.csv", (
    "Name,Notes,Email\n"
    "Ann,short,ann@example.com\n"
    "Bob,\"" + "x" * 100_000 + "\",bob@example.com\n"
    "Cid,short,cid@example.com\n"
    "Dan," + "y" * 40_000 + ",dan@example.com\n"
    "Eve,short,eve@example.com\n").encode("utf-8"))

# Bob's quote is stray: it runs over Cid's line and closes at Dan's opening quote. Fay's never closes at all.
write("unterminated-quote.csv", (
    "Name,Email,Notes\n"                       # line 1
    "Ann,ann@example.com,fine\n"               # line 2
    "Bob,bob@example.com,\"never closed\n"     # line 3
    "Cid,cid@example.com,ok\n"                 # line 4
    "Dan,dan@example.com,\"multi\n"            # line 5
    "line note\"\n"                            # line 6
    "Eve,eve@example.com,ok\n"                 # line 7
    "Fay,fay@example.com,\"oops\n"             # line 8
    "Gus,gus@example.com,ok\n").encode("utf-8"))  # line 9

write("empty.csv", b"")
write("header-only.csv", "Email,Name,,email, Name \r\n".encode("utf-8"))


# ---- binary junk: a real 16x16 PNG ----
def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rnd = random.Random(7)
    raw = b"".join(b"\x00" + bytes(rnd.randrange(256) for _ in range(16 * 3)) for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


write("binary-junk.bin", png())

# ---- exports of other products (realistic headers, a few rows) ----
write("google-contacts.csv", (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
    "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,"
    "Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,"
    "Website 1 - Label,Website 1 - Value\r\n"
    "José,,García,,,,,,,,Acme Iberia,Sales Director,,1980-04-12,Met at the fair,,* myContacts ::: Customers,"
    "* Work,jose.garcia@acme.example,Home,jose@gmail.com,Mobile,+34 612 34 56 78,Work,+34 91 123 45 67,"
    "Work,\"Calle Mayor 1\n28013 Madrid\",Calle Mayor 1,Madrid,,Madrid,28013,Spain,,Work,https://acme.example\r\n"
    "Ann,,Lee,,,,,,,,,,,,,,* myContacts,* Home,ann.lee@example.com,,,,,,,,,,,,,,,,,,\r\n"
    "Bo,,Chen,,,,,,,,Chen & Co,Owner,,,,,* myContacts ::: Suppliers,* Work,bo@chenco.example,,,Work,"
    "(415) 555-0134,,,,,,,,,,,,,,\r\n").encode("utf-8"))

OUTLOOK_HEADER = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
                  "Job Title", "Business Street", "Business Street 2", "Business Street 3", "Business City",
                  "Business State", "Business Postal Code", "Business Country/Region", "Home Street", "Home City",
                  "Home State", "Home Postal Code", "Home Country/Region", "Business Fax", "Business Phone",
                  "Business Phone 2", "Home Phone", "Mobile Phone", "Categories", "E-mail Address", "E-mail Type",
                  "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "Notes",
                  "Web Page"]


def outlook_row(values):
    row = dict.fromkeys(OUTLOOK_HEADER, "")
    row.update(values)
    return ",".join('"' + row[h].replace('"', '""') + '"' for h in OUTLOOK_HEADER) + "\r\n"


# Outlook writes the ANSI code page (Windows-1252) and quotes every value
write("outlook.csv", (",".join('"' + h + '"' for h in OUTLOOK_HEADER) + "\r\n"
    + outlook_row({"Title": "Herr", "First Name": "Jürgen", "Last Name": "Müller", "Company": "Müller & Söhne KG",
                   "Job Title": "Geschäftsführer", "Business Street": "Königsallee 1", "Business City": "Düsseldorf",
                   "Business Postal Code": "40212", "Business Country/Region": "Deutschland",
                   "Business Phone": "0211 1234567", "Mobile Phone": "0170 1234567", "Categories": "Kunden;VIP",
                   "E-mail Address": "j.mueller@mueller-soehne.example", "E-mail Type": "SMTP",
                   "E-mail Display Name": "Jürgen Müller (j.mueller@mueller-soehne.example)",
                   "Notes": "Bevorzugt Anrufe vormittags", "Web Page": "www.mueller-soehne.example"})
    + outlook_row({"First Name": "Chloé", "Last Name": "Martin", "Home Phone": "+33 1 42 68 53 00",
                   "E-mail Address": "chloe.martin@example.fr", "E-mail Type": "SMTP",
                   "E-mail 2 Address": "chloe@perso.example", "E-mail 2 Type": "SMTP"})
    ).encode("cp1252"))

write("hubspot-companies.csv", (
    "Record ID,Company name,Company Domain Name,Industry,Phone Number,Street Address,City,State/Region,"
    "Postal Code,Country/Region,Number of Employees,Website URL,Create Date,Company owner\n"
    "5123456789,Globex Corporation,globex.example,COMPUTER_SOFTWARE,+1 (212) 555-0187,350 Fifth Avenue,New York,"
    "NY,10118,United States,250,https://www.globex.example,2024-01-15 09:12,Sam Sales\n"
    "5123456790,Initech GmbH,initech.example,CONSULTING,+49 89 1234567,Leopoldstraße 10,München,Bayern,80802,"
    "Germany,40,initech.example,2024-02-01 14:00,\n"
    "5123456791,Umbrella Ltd,,,,,,,,,,,2024-03-03 10:00,\n").encode("utf-8"))

write("salesforce-leads.csv", (
    '"Id","FirstName","LastName","Company","Title","Email","Phone","MobilePhone","Street","City","State",'
    '"PostalCode","Country","LeadSource","Status","Website","Description"\n'
    '"00Q5g00000AbCdE","Pat","O\'Neil","Stark Industries","VP Engineering","pat.oneil@stark.example",'
    '"(555) 010-2000","","10880 Malibu Point","Malibu","CA","90265","USA","Web","Open - Not Contacted",'
    '"https://stark.example","Asked for a demo\nby phone"\n'
    '"00Q5g00000AbCdF","Lin","Wu","Wayne Enterprises","","lin.wu@wayne.example","","+1 415 555 0199",'
    '"","Gotham","NJ","07001","USA","Trade Show","Working - Contacted","",""\n').encode("utf-8"))

write("zoho-deals.csv", (
    "Record Id,Deal Owner,Deal Name,Amount,Closing Date,Stage,Account Name,Contact Name,Pipeline,Type,"
    "Lead Source,Probability (%),Description\n"
    "zcrm_4000000012001,Sam Sales,Website redesign,\"12,500.00\",2025-03-31,Qualification,Acme Corp,Ann Lee,"
    "Standard,New Business,Web,10,First phase only\n"
    "zcrm_4000000012002,Sam Sales,Support renewal,\"1.200,00\",31/12/2025,Negotiation/Review,Globex,Bo Chen,"
    "Standard,Existing Business,,75,\n"
    "zcrm_4000000012003,Sam Sales,Pilot,€ 900,12/31/2025,Closed Won,Initech,,Standard,New Business,,100,\n"
    ).encode("utf-8"))


# ---- vCards ----
def fold(line, width=75):
    out, first = [], True
    while line:
        take = width if first else width - 1
        out.append(("" if first else " ") + line[:take])
        line, first = line[take:], False
    return "\r\n".join(out)


photo = base64.b64encode(random.Random(42).randbytes(150_000)).decode()   # 200,000 base64 characters
write("contacts-v3.vcf", "\r\n".join([
    "BEGIN:VCARD",
    "VERSION:3.0",
    "N:Lovelace;Ada;Augusta;Lady;",
    "FN:Ada Lovelace",
    "ORG:Analytical Engines Ltd;Research",
    "TITLE:Chief Mathemat",
    " ician",
    "EMAIL;TYPE=INTERNET,WORK:ada@engines.example",
    "EMAIL;TYPE=INTERNET;TYPE=HOME;TYPE=PREF:ada.home@example.org",
    "item1.EMAIL;TYPE=INTERNET:ada.other@example.net",
    "item1.X-ABLabel:Other",
    "TEL;TYPE=CELL:+44 20 7946 0958",
    "TEL;TYPE=WORK,VOICE:+44 20 7946 0000",
    "ADR;TYPE=WORK:;Floor 2;12 Babbage Street;London;Greater London;EC1A 1BB;United Kingdom",
    "URL:https://engines.example",
    "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/adalovelace",
    "CATEGORIES:Investors,VIP",
    fold("NOTE:First programmer\\, wrote notes on the engine\\nSecond line\\; with a semicolon and a backslash \\\\"
         " here. This note is long enough to be folded over more than one line by the writer."),
    fold("PHOTO;ENCODING=b;TYPE=JPEG:" + photo),
    "END:VCARD",
    "BEGIN:VCARD",
    "VERSION:3.0",
    "N:;;;;",
    "FN:Grace Brewster Hopper",
    "EMAIL:grace@navy.example",
    "TEL;TYPE=HOME:(202) 555-0142",
    "END:VCARD",
    ""]).encode("utf-8"))

logo = base64.b64encode(random.Random(43).randbytes(3000)).decode()
write("contacts-v4.vcf", "\n".join([
    "BEGIN:VCARD",
    "VERSION:4.0",
    "FN:Dr. Marie Curie",
    "N:Curie;Marie;;Dr.;",
    "EMAIL;TYPE=home:marie@home.example",
    "EMAIL;TYPE=work;PREF=1:marie@radium.example",
    "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+33-1-23-45-67-89",
    "TEL;VALUE=uri;TYPE=work;PREF=1:tel:+33-1-98-76-54-32",
    "ORG:Institut du Radium",
    "ADR;TYPE=work;LABEL=\"Attn: Marie Curie\\n1 rue Pierre et Marie Curie\":;;1 rue Pierre et Marie Curie;Paris;"
    "Île-de-France;75005;France",
    "URL;TYPE=work:https://radium.example/",
    "URL:https://www.linkedin.com/in/mariecurie",
    "CATEGORIES:Science,Nobel",
    fold("LOGO:data:image/png;base64," + logo).replace("\r\n", "\n"),
    "END:VCARD",
    ""]).encode("utf-8"))

write("contacts-v21-qp.vcf", "\r\n".join([
    "BEGIN:VCARD",
    "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller",
    "TEL;CELL;PREF:+49 170 1234567",
    "TEL;WORK;VOICE:+49 30 1234567",
    "EMAIL;INTERNET:juergen@example.de",
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=C3=9Fe 1;K=C3=B6ln;NRW;50667;Deutschland",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Sehr gesch=E4tzter Kunde, eine lange Notiz mit =",
    "weichem Zeilenumbruch",
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:" + logo[:76],
    "  " + logo[76:152],
    "  " + logo[152:228],
    "",
    "END:VCARD",
    "BEGIN:VCARD",
    "VERSION:2.1",
    "FN;ENCODING=QUOTED-PRINTABLE:Ren=E9e Dupont",
    "EMAIL;PREF;INTERNET:renee@example.fr",
    "END:VCARD",
    ""]).encode("ascii"))

BROKEN = [
    "BEGIN:VCARD",                      # 1
    "VERSION:3.0",                      # 2
    "FN:Good One",                      # 3
    "EMAIL:good1@example.com",          # 4
    "END:VCARD",                        # 5
    "BEGIN:VCARD",                      # 6
    "VERSION:3.0",                      # 7
    "FN:No End",                        # 8
    "EMAIL:noend@example.com",          # 9
    "BEGIN:VCARD",                      # 10
    "VERSION:3.0",                      # 11
    "FN:After Missing End",             # 12
    "EMAIL:after@example.com",          # 13
    "END:VCARD",                        # 14
    "this is garbage between cards",    # 15
    "BEGIN:VCARD",                      # 16
    "VERSION:3.0",                      # 17
    "FN:Has Garbage",                   # 18
    "this line is garbage",             # 19
    "EMAIL:garbage@example.com",        # 20
    "END:VCARD",                        # 21
    "BEGIN:VCARD",                      # 22
    "VERSION:3.0",                      # 23
    "FN:Last Good",                     # 24
    "EMAIL:last@example.com",           # 25
    "END:VCARD",                        # 26
    "BEGIN:VCARD",                      # 27
    "FN:Cut Off At The End",            # 28
    ""]
write("broken.vcf", "\n".join(BROKEN).encode("utf-8"))
