"""A corpus of hostile input, and the checks that prove none of it became markup.

Each payload carries a marker id (``pwn-<key>``) on the element it tries to inject and sets
``window.pwned`` if any script of it runs, so a test can look for the element (here, with an HTML
parser; in the browser, with ``document.querySelector``) and for the flag.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree

MARKER_PREFIX = "pwn-"
ONE_MEGABYTE = 1_000_000


@dataclass(frozen=True)
class Payload:
    key: str
    text: str
    # False where a database or a validator may refuse it (null bytes, control characters).
    storable_everywhere: bool = True

    @property
    def marker(self) -> str:
        return f"{MARKER_PREFIX}{self.key}"

    def __str__(self) -> str:  # pytest ids
        return self.key

    def fit(self, max_length: int | None) -> str:
        """The payload cut to a field's length (the marker survives: every payload is short)."""
        return self.text if max_length is None else self.text[:max_length]


def _p(key: str, text: str, **kwargs) -> Payload:
    return Payload(key, text.replace("{m}", f"{MARKER_PREFIX}{key}"), **kwargs)


PAYLOADS: list[Payload] = [
    _p("script", '<script>alert(1)</script><script>window.pwned=1</script><b id="{m}">x</b>'),
    _p("img-onerror", '"><img id="{m}" src=x onerror="window.pwned=1;alert(1)">'),
    _p("svg-onload", '<svg id="{m}" onload="window.pwned=1;alert(1)"><circle r=1 /></svg>'),
    _p("js-url", 'javascript:window.pwned=1;alert(1)//<a id="{m}" href="javascript:alert(1)">x</a>'),
    _p(
        "md-js-link",
        "[click me](javascript:window.pwned=1) [b](JaVaScRiPt:alert(1)) <javascript:alert(1)> "
        '![img](javascript:alert(1)) [d](data:text/html,<b id="{m}">) [v](vbscript:msgbox(1))',
    ),
    _p("jsonld-breakout", '</script><script>window.pwned=1;alert(1)</script><b id="{m}">x</b>'),
    _p("title-breakout", '</title><script>window.pwned=1;alert(1)</script><b id="{m}">x</b>'),
    _p("style-breakout", '</style><style>body{display:none}</style><b id="{m}">x</b>'),
    _p("style-attr", '" style="background:url(javascript:window.pwned=1)" id="{m}" x="'),
    _p("single-quote-attr", "' onmouseover='window.pwned=1' id='{m}' x='"),
    _p("textarea-breakout", '</textarea></option></select><b id="{m}">x</b>'),
    _p("comment-cdata", '<!-- --><b id="{m}">x</b> ]]><b id="{m}">y</b> <![CDATA[ z ]]>'),
    _p("entities", "&lt;b id=&quot;{m}&quot;&gt;x&lt;/b&gt; &#60;script&#62;window.pwned=1&#60;/script&#62;"),
    _p("template", "{{ 7*7 }} {% debug %} {{ request.user.password }} {% load static %} ${7*7} #{7*7}"),
    _p("rtl-override", '\u202egnp.exe\u202c admin\u202e<b id="{m}">x</b>'),
    _p("zero-width", 'zero\u200dwidth\u200bjoin\u200c\ufeff<b id="{m}">x</b>\u2060'),
    # Marks that compose with nothing, so NFKC keeps them apart (non-ASCII tag slugs: see the tag test).
    _p("combining", "Z" + "\u0336" * 50 + "a" + "\u0489" * 50 + "lgo" + "\u0353" * 50 + '<b id="{m}">x</b>'),
    _p("line-separators", 'line\u2028separator\u2029paragraph"};window.pwned=1;//<b id="{m}">x</b>'),
    _p("spoiler-markers", '||S1E1: who did it|| ::: spoiler S1E1\nsecret\n:::\n<b id="{m}">x</b>'),
    _p("null-byte", 'null\x00byte<b id="{m}">x</b>', storable_everywhere=False),
    _p("control-chars", 'bell\x07 escape\x1b[31m vtab\x0b backspace\x08<b id="{m}">x</b>', storable_everywhere=False),
]
BY_KEY = {payload.key: payload for payload in PAYLOADS}

# One megabyte on a single line: for the body and the unbounded text fields only.
MEGABYTE_LINE = '<b id="pwn-megabyte">x</b>' + "A" * ONE_MEGABYTE

_DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data"}
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "svg", "math"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._raw: Element | None = None

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag in ("script", "style"):
            self._raw = element

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._raw is not None and tag == self._raw.tag:
            self._raw = None

    def handle_data(self, data):
        if self._raw is not None:
            self._raw.text += data


def elements(html: str) -> list[Element]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def _scheme(value: str) -> str:
    # Browsers ignore leading spaces and control characters and tabs/newlines anywhere in a scheme.
    return re.sub(r"[\x00-\x20\x7f]", "", value)


def injection_problems(html: str, *, admin: bool = False) -> list[str]:
    """Every sign that input became markup: foreign elements, handlers, scripts, dangerous URLs.

    Returns a list of readable problems (empty when the page is clean). Scripts must be the
    site's own (``src`` under /static/ or, in the admin, its own views), or JSON data blocks
    that parse; the JSON-LD values are checked against the input by the callers.
    """
    problems = []
    for element in elements(html):
        where = f"<{element.tag} {element.attrs}>"
        element_id = element.attrs.get("id") or ""
        if element_id.startswith(MARKER_PREFIX):
            problems.append(f"injected element {where}")
        if element.tag in _FORBIDDEN_TAGS and not (admin and element.tag == "svg" and not element_id):
            problems.append(f"forbidden element {where}")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                problems.append(f"event handler attribute {name} on {where}")
            if name in _URL_ATTRIBUTES and value and _DANGEROUS_SCHEMES.match(_scheme(value)):
                problems.append(f"dangerous URL in {name} on {where}")
            if name == "style" and value and re.search(r"url\s*\(|expression\s*\(|javascript:", value, re.I):
                problems.append(f"style attribute with a URL or expression on {where}")
            if name == "srcset" and value and "javascript:" in _scheme(value).lower():
                problems.append(f"dangerous srcset on {where}")
        if element.tag == "meta" and (element.attrs.get("http-equiv") or "").lower() == "refresh":
            problems.append(f"meta refresh {where}")
        if element.tag == "script":
            problems += _script_problems(element, admin=admin)
        if element.tag == "style" and (not admin or "display:none" in element.text.replace(" ", "")):
            problems.append(f"style element {where}: {element.text[:80]!r}")
    return problems


def _script_problems(element: Element, *, admin: bool) -> list[str]:
    src = element.attrs.get("src")
    kind = (element.attrs.get("type") or "").lower()
    if src is not None:
        own = src.startswith("/static/") or (admin and src.startswith("/admin/"))
        return [] if own and not element.text.strip() else [f"foreign script src={src!r}"]
    if kind in ("application/ld+json", "application/json"):
        try:
            json.loads(element.text)
        except ValueError as error:
            return [f"{kind} block that is not JSON ({error}): {element.text[:120]!r}"]
        if "</" in element.text.lower() or "<!--" in element.text:
            return [f"{kind} block carrying markup: {element.text[:120]!r}"]
        return []
    return [f"inline script: {element.text[:120]!r}"]


def json_ld_blocks(html: str) -> list:
    """The parsed JSON of every JSON-LD block on the page, a block holding a list flattened."""
    blocks = []
    for element in elements(html):
        if element.tag == "script" and (element.attrs.get("type") or "").lower() == "application/ld+json":
            data = json.loads(element.text)
            blocks += data if isinstance(data, list) else [data]
    return blocks


def walk_json(value):
    """Every string in a parsed JSON document."""
    if isinstance(value, dict):
        for item in value.values():
            yield from walk_json(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_json(item)
    elif isinstance(value, str):
        yield value


def parse_xml(content: bytes) -> ElementTree.Element:
    """Parse a feed or sitemap as XML; raises ``ElementTree.ParseError`` when it is not well-formed."""
    return ElementTree.fromstring(content)
