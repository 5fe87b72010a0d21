#!/usr/bin/env python3
"""Writes the parser's test corpus (*.eml) next to this script. Run it again after changing it; the files are
committed so that tests do not need Python. Bytes matter here (charsets, broken encodings), so every message is
built as bytes, by hand, not with the email package (which would repair what these files must keep broken)."""
import base64
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, text_or_bytes):
    data = text_or_bytes if isinstance(text_or_bytes, bytes) else text_or_bytes.encode("utf-8")
    data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def b64(data, width=76):
    encoded = base64.b64encode(data).decode("ascii")
    return "\n".join(encoded[i:i + width] for i in range(0, len(encoded), width))


def bword(text, charset):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode("ascii"))


HEAD = """Date: Tue, 1 Dec 2026 10:15:00 +0100
From: Alice Example <Alice@Example.COM>
To: bob@example.org
"""

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

write("alternative.eml", HEAD + """Subject: Quarterly plan
Message-ID: <plan-1@example.com>
In-Reply-To: <root@example.com>
References: <root@example.com> <middle@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hello Bob,

the plan is attached =E2=80=93 see you on Monday.
--alt
Content-Type: text/html; charset=utf-8

<html><body><p>Hello <b>Bob</b>,</p><p>the plan is attached &ndash; see you on Monday.</p>
<script>alert(1)</script><img src="https://tracker.example.net/p.gif" width="1" height="1"></body></html>
--alt--
""")

write("nested-related.eml", HEAD + """Subject: Logo and contract
Message-ID: <nested@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

This is a multi-part message in MIME format.
--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=us-ascii

See our logo below.
--inner
Content-Type: multipart/related; boundary="rel"; type="text/html"

--rel
Content-Type: text/html; charset=us-ascii

<p>See our logo below.</p><img src="cid:logo@example.com" alt="Logo"><a href="https://example.com/x" onclick="evil()">site</a>
--rel
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-ID: <logo@example.com>
Content-Disposition: inline

""" + b64(PNG) + """
--rel--
--inner--
--outer
Content-Type: application/pdf; name="contract.pdf"
Content-Disposition: attachment; filename="contract.pdf"
Content-Transfer-Encoding: base64

""" + b64(b"%PDF-1.4 fake contract\n") + """
--outer
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

""" + b64(b"\x00\x01\x02 no name") + """
--outer--
""")

SAMPLES = {
    "iso-8859-1": "Café crème, naïve façade — 5 €",  # bytes 0x80/0x97 make it windows-1252 in truth
    "windows-1252": "Smart “quotes” and 5 € – fine",
    "koi8-r": "Привет, как дела?",
    "shift_jis": "こんにちは、会議の件です。",
    "iso-2022-jp": "お世話になっております。",
    "gb2312": "你好，这是一个测试。",
    "big5": "您好，這是一個測試。",
}
for charset, text in SAMPLES.items():
    encode_as = "windows-1252" if charset == "iso-8859-1" else charset
    body = text.encode(encode_as)
    subject = bword(text[:8], encode_as) if charset != "iso-8859-1" else "=?iso-8859-1?Q?Caf=E9_cr=E8me?="
    cte, payload = ("base64", b64(body).encode("ascii")) if charset in ("gb2312", "big5") else (
        ("7bit", body) if charset == "iso-2022-jp" else ("8bit", body))
    write("charset-%s.eml" % charset, (HEAD + """Subject: %s
Message-ID: <charset-%s@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="%s"
Content-Transfer-Encoding: %s

""" % (subject, charset, charset, cte)).encode("ascii") + payload + b"\n")

write("undeclared-charset.eml", (HEAD + """Subject: No charset
Message-ID: <undeclared@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="u"

--u
Content-Type: text/plain
Content-Transfer-Encoding: 8bit

""").encode("ascii") + "Grüße aus Köln".encode("utf-8") + b"""
--u
Content-Type: text/plain; charset=x-no-such-charset
Content-Transfer-Encoding: 8bit

""" + "Grüße aus Köln".encode("latin-1") + b"""
--u--
""")

write("html-meta-charset.eml", (HEAD + """Subject: Meta charset
Message-ID: <meta@example.com>
MIME-Version: 1.0
Content-Type: text/html
Content-Transfer-Encoding: 8bit

<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>
<body><h1>Title</h1><p>""").encode("ascii") + "Привет".encode("koi8-r") + b"""</p><ul><li>one</li><li>two</li></ul>
<table><tr><td>a</td><td>b</td></tr></table>Line<br>break</body></html>
""")

write("utf7.eml", HEAD + """Subject: UTF-7
Message-ID: <utf7@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-7

Hi Mom -+Jjo--!
""")

write("encoded-headers.eml", HEAD.replace("From: Alice Example <Alice@Example.COM>",
    "From: =?utf-8?Q?Andr=C3=A9_M=C3=BCller?= <ANDRE@example.com>")
    .replace("To: bob@example.org\n",
             "To: \"=?utf-8?B?5bGx55Sw?=\" <yamada@example.jp>, Friends: carol@example.com,\n"
             " \"Dan, Jr.\" <dan@example.com>;, undisclosed-recipients:;, not-an-address,\n"
             " =?iso-8859-1?Q?Ren=E9?= <rene@example.fr> (office)\n"
             "Cc: <EVE@EXAMPLE.COM>, frank@example.com (Frank Old Style)\n") + """Subject: =?utf-8?B?5pel5pys6Kqe?= =?utf-8?Q?_and_caf=C3=A9?=
 mixed=?utf-8?Q?_=E2=9C=93?= =?UTF-8?B?8J+Y?= =?UTF-8?B?gA==?= =?x-unknown-cs?Q?ok?= =?utf-8?B?YmFkcGE?=
Message-ID: encoded@example.com
In-Reply-To: previous@example.com (John's message)
References: <a@example.com>
  <b@example.com> c@example.com
Reply-To: "Support Team" <SUPPORT@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Encoded headers.
""")

write("raw-utf8-headers.eml", (HEAD.replace("From: Alice Example <Alice@Example.COM>",
    "From: Jürgen Groß <juergen@example.de>") + """Subject: Grüße – raw UTF-8
Message-ID: <raw-utf8@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Raw UTF-8 in headers.
""").encode("utf-8"))

write("rfc2231.eml", HEAD + """Subject: File names
Message-ID: <rfc2231@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="f"

--f
Content-Type: text/plain; charset=us-ascii

Four files.
--f
Content-Type: application/pdf
Content-Disposition: attachment; filename*=utf-8''Pr%C3%A4sentation%20%E2%82%AC.pdf
Content-Transfer-Encoding: base64

""" + b64(b"one") + """
--f
Content-Type: text/plain; name="ignored.txt"
Content-Disposition: attachment;
 filename*0*=iso-8859-1'de'Gr%FC%DFe%20;
 filename*1*=aus%20K%F6ln;
 filename*2=".txt"

two
--f
Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;
 name="=?utf-8?B?0J7RgtGH0ZHRgi54bHN4?="
Content-Disposition: attachment; filename="=?utf-8?B?0J7RgtGH0ZHRgi54bHN4?="
Content-Transfer-Encoding: base64

""" + b64(b"three") + """
--f
Content-Type: application/octet-stream; name=report final.pdf
Content-Disposition: attachment; filename=C:\\\\Users\\\\me\\\\report final.pdf
Content-Transfer-Encoding: base64

""" + b64(b"four") + """
--f--
""")

write("no-message-id.eml", """Date: Wed, 2 Dec 2026 08:00:00 +0000
From: robot@example.com
To: bob@example.org
Subject: No id here
MIME-Version: 1.0
Content-Type: text/plain

A message without a Message-ID.
""")

write("bad-date.eml", """Date: sometime last week, probably
From: robot@example.com
To: bob@example.org
Subject: Bad date
Message-ID: <bad-date@example.com>

Body.
""")

write("malformed-no-closing-boundary.eml", HEAD + """Subject: Truncated
Message-ID: <truncated@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="cut"

--cut
Content-Type: text/plain; charset=utf-8

The first part arrived.
--cut
Content-Type: application/zip; name="archive.zip"
Content-Disposition: attachment; filename="archive.zip"
Content-Transfer-Encoding: base64

UEsDBBQAAAAIAAAAIQ
""")

write("malformed-garbage-headers.eml", """Date: Tue, 1 Dec 2026 10:15:00 +0100
From: Alice <alice@example.com>
This line is not a header at all
To: bob@example.org
X-Broken:: value
Subject: Garbage around
Content-Type: text/plain; charset="utf-8; format=flowed
Content-Transfer-Encoding: 8bitish
Message-ID: <garbage@example.com>

Still readable.
""")

write("malformed-broken-base64.eml", HEAD + """Subject: Broken base64
Message-ID: <broken64@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b64"

--b64
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

SGVsbG8g!!d29y*bGQ=SGVsbG8gYWdhaW
--b64
Content-Type: image/png; name="broken.png"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="broken.png"

iVBORw0KGgo%%%%AAAANSUhEUgAAAAEAAAABCAYAAAAfFc
--b64--
""")

write("malformed-no-boundary.eml", HEAD + """Subject: No boundary anywhere
Message-ID: <no-boundary@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed

Plain words where parts should be.
""")

write("malformed-missing-boundary-parameter.eml", HEAD + """Subject: Boundary parameter missing
Message-ID: <missing-parameter@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative

--guess
Content-Type: text/plain

Found anyway.
--guess--
""")

INNER = """From: Carol <carol@example.com>
To: alice@example.com
Subject: The original
Message-ID: <original@example.com>
Content-Type: text/plain

Original text.
"""
write("rfc822-attached.eml", HEAD + """Subject: Fwd: The original
Message-ID: <forward@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="fw"

--fw
Content-Type: text/plain

See the forwarded message.
--fw
Content-Type: message/rfc822
Content-Disposition: attachment

""" + INNER + """
--fw--
""")

write("signed.eml", HEAD + """Subject: Signed
Message-ID: <signed@example.com>
MIME-Version: 1.0
Content-Type: multipart/signed; protocol="application/pgp-signature"; micalg=pgp-sha256; boundary="sig"

--sig
Content-Type: multipart/mixed; boundary="body"

--body
Content-Type: text/plain

Signed text.
--body
Content-Type: text/calendar; method=REQUEST

BEGIN:VCALENDAR
END:VCALENDAR
--body--
--sig
Content-Type: application/pgp-signature; name="signature.asc"

-----BEGIN PGP SIGNATURE-----
abc
-----END PGP SIGNATURE-----
--sig--
""")

write("html-only.eml", HEAD + """Subject: Only HTML
Message-ID: <html-only@example.com>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><style>p{color:red}</style><title>T</title></head><body><h2>Newsletter</h2><p>First&nbsp;paragraph
 spread   over lines.</p><ul><li>one</li><li>two</li></ul><script>var hidden = "secret";</script><p>Last<br>line</p></body></html>
""")
