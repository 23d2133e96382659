"""Generated article bodies for the spoiler contract (docs/architecture.md, "The body pipeline"), and its checks.

`documents()` draws small Markdown bodies from every construct an editor can write: paragraphs,
headings, nested lists and block quotes, pipe tables, fenced and indented code, link reference
definitions, footnotes, raw HTML lines and library images, with block spoilers (closed, unclosed,
nested, misspelt, crossing containers) and inline spoilers (scoped, nested, unclosed, inside
emphasis, links, alt text, table cells and headings) at random depths. Each spoiler holds a
unique marker word.

The body is written out in document order, and while it is written every marker is given the
chain of spoilers that encloses it, read off the contract alone and never off the renderer: block
spoilers by document order whatever the Markdown structure (an unclosed one runs to the end of
the document), then inline ones (an unclosed one runs to the end of its paragraph, heading or
cell). Text the contract drops (spoilers in alt text, captions and link titles holding `||`, link
targets defined in a spoiler that does not enclose the link) gets the chain `(None,)`: nobody may
ever see it.

The checks name every surface a reader can reach (each stored variant, the page and the feed as
cut for each reader's progress) and list the secrets found on a surface whose reader may not see
them; `tests/text/test_spoiler_property.py` and `python -m bench.spoilers` share them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from articles.text.render import BodyImage, QuoteMark, RenderedBody, render_body
from articles.text.reveal import link_placeholders, open_covered, unwrap_for_feed
from articles.text.scope import Scope, covers
from reader.progress import covered_by

__all__ = [
    "CUTS",
    "SEASON_LENGTHS",
    "WORK",
    "Check",
    "Document",
    "Secret",
    "check",
    "documents",
    "documents_with_quotes",
    "full_html_surfaces",
    "leaks_in",
    "may_see",
    "missing_public_text",
    "outside_spoiler_elements",
    "progress_surfaces",
    "quote_scope_leaks",
    "reader_visible_text",
    "render",
    "spoiler_safe_surfaces",
]

WORK = "the-show"
OTHER_WORK = "other-show"
SEASON_LENGTHS = {1: 10, 2: 8}
LINK = "https://x/a"
IMAGES = {1: BodyImage(src="/media/i.jpg", srcset="", width=10, height=10, alt="library alt")}

# How far a reader may have watched: the progress cuts every secret is checked against.
CUTS: tuple[tuple[str, Scope], ...] = (
    ("S1E1", Scope(WORK, 1, 1)),
    ("S1E3", Scope(WORK, 1, 3)),
    ("S1E9", Scope(WORK, 1, 9)),
    ("S1E10", Scope(WORK, 1, 10)),
    ("S1", Scope(WORK, 1)),
    ("S2E1", Scope(WORK, 2, 1)),
    ("S2E8", Scope(WORK, 2, 8)),
    ("all of the-show", Scope(WORK)),
    ("all of other-show", Scope(OTHER_WORK)),
)


@dataclass(frozen=True)
class Secret:
    """A marker word written inside at least one spoiler, and the spoilers that enclose it."""

    marker: str
    # Outermost first; None is a spoiler nobody may open (unscoped, unreadable or dropped text).
    chain: tuple[Scope | None, ...]


@dataclass(frozen=True)
class Document:
    source: str
    secrets: tuple[Secret, ...]
    # Markers outside every spoiler, in places where the contract certainly shows them.
    public: tuple[str, ...]
    default_scope: Scope | None
    # The words of each paragraph, heading, cell and footnote in document order, for quotes.
    passages: tuple[tuple[str, ...], ...] = ()


def may_see(secret: Secret, progress: Scope | None) -> bool:
    """The contract's one rule: a reader sees text only when their progress covers every enclosing spoiler."""
    if progress is None:
        return False
    return all(scope is not None and covers(progress, scope, season_lengths=SEASON_LENGTHS) for scope in secret.chain)


def _label(chain: Sequence[Scope | None]) -> str:
    return " > ".join("unscoped" if scope is None else (scope.attr or "no work") for scope in chain)


# --- What a reader sees ----------------------------------------------------------------------------

VOID_TAGS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SEEN_ATTRIBUTES = {"alt", "title", "href"}


@dataclass
class _Element:
    tag: str
    classes: set[str]
    hidden: bool  # the element itself (its attributes) is out of the reader's sight
    hides: bool  # its content is
    checked: bool | None = None  # a `span.spoiler`: whether its checkbox is checked, once seen


class _VisibleText(HTMLParser):
    """Text and seen attribute values, skipping closed `<details>` and unchecked inline spoilers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[_Element] = []

    def _spoiler_span(self) -> _Element | None:
        return next((e for e in reversed(self.stack) if e.tag == "span" and "spoiler" in e.classes), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        parent = self.stack[-1] if self.stack else None
        hidden = parent.hides if parent else False
        if tag == "summary" and parent is not None and parent.tag == "details":
            hidden = parent.hidden  # a closed <details> still shows its summary
        if not hidden:
            self.parts.extend(value for name, value in attrs if name in SEEN_ATTRIBUTES and value)
        if tag == "input" and (owner := self._spoiler_span()) is not None and owner.checked is None:
            owner.checked = "checked" in attributes
        if tag in VOID_TAGS:
            return
        hides = hidden
        if tag == "details" and "open" not in attributes:
            hides = True
        if tag == "span" and "spoiler-content" in classes and (owner := self._spoiler_span()) is not None:
            hides = hides or not owner.checked
        self.stack.append(_Element(tag, classes, hidden, hides))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or all(element.tag != tag for element in self.stack):
            return
        while self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1].hides):
            self.parts.append(data)


def reader_visible_text(html: str) -> str:
    """What a reader of `html` sees: text, alt, title and href, except closed spoiler content.

    Skipped: the content of a `<details>` without `open` (its `<summary>` stays), and a
    `span.spoiler-content` inside a `span.spoiler` whose checkbox is not `checked`.
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


class _OutsideSpoilers(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        inside = bool(self.stack) and self.stack[-1][1]
        carries = any(name == "data-spoiler" for name, _ in attrs)
        if not (inside or carries):
            self.parts.extend(value for _, value in attrs if value)
        if tag not in VOID_TAGS:
            self.stack.append((tag, inside or carries))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or all(open_tag != tag for open_tag, _ in self.stack):
            return
        while self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def outside_spoiler_elements(html: str) -> str:
    """Every text and attribute value of `html` outside the elements carrying `data-spoiler`."""
    parser = _OutsideSpoilers()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


# --- The checks ------------------------------------------------------------------------------------


def render(document: Document, quotes: Iterable[str] = ()) -> RenderedBody:
    return render_body(
        document.source,
        default_scope=document.default_scope,
        season_lengths=SEASON_LENGTHS,
        images=IMAGES,
        quotes=[QuoteMark(words, "/people/x/", "X") for words in quotes],
    )


# A surface: its name, its text, and the progress of the reader it is shown to (None: no reader's
# progress opens anything on it).
Surface = tuple[str, str, Scope | None]


def spoiler_safe_surfaces(body: RenderedBody) -> list[Surface]:
    """safe_html, plain, safe_text and the feed's linked placeholders: no spoiler text at all."""
    return [
        ("safe_html", body.safe_html, None),
        ("plain", body.plain, None),
        ("safe_text", body.safe_text, None),
        ("link_placeholders(safe_html)", link_placeholders(body.safe_html, link=LINK), None),
    ]


def full_html_surfaces(body: RenderedBody) -> list[Surface]:
    """full_html as first shown, and everything in it outside the elements carrying `data-spoiler`."""
    return [
        ("full_html as first shown", reader_visible_text(body.full_html), None),
        ("full_html outside data-spoiler elements", outside_spoiler_elements(body.full_html), None),
    ]


def progress_surfaces(body: RenderedBody) -> list[Surface]:
    """The page (covered spoilers opened) and the feed (covered spoilers unwrapped) for each cut."""
    surfaces = []
    for label, progress in CUTS:
        is_covered = covered_by({progress.work: progress})
        page = reader_visible_text(open_covered(body.full_html, is_covered))
        surfaces.append((f"open_covered page of a reader at {label}", page, progress))
        feed = unwrap_for_feed(body.full_html, is_covered, link=LINK)
        surfaces.append((f"unwrap_for_feed of a reader at {label}", feed, progress))
    return surfaces


def leaks_in(document: Document, surfaces: Iterable[Surface]) -> list[str]:
    """Each secret found on a surface shown to a reader who may not see it."""
    return [
        f"{secret.marker} ({_label(secret.chain)}) in {name}"
        for name, text, progress in surfaces
        for secret in document.secrets
        if secret.marker in text and not may_see(secret, progress)
    ]


def quote_scope_leaks(document: Document, body: RenderedBody, quotes: Iterable[str]) -> list[str]:
    """Quotes holding spoiler text whose stored scope would show them to a reader who may not see it."""
    leaks = []
    for words in quotes:
        hidden = [secret for secret in document.secrets if secret.marker in words]
        if not hidden:
            continue
        scope = body.quote_scopes.get(words)
        if scope is None:
            leaks.append(f"no quote scope for {words!r} (a quote not found is 'unscoped')")
            continue
        if scope == "":
            leaks.append(f"quote {words!r} holding {[s.marker for s in hidden]} is stored as public")
            continue
        for label, progress in CUTS:
            unseen = [s.marker for s in hidden if not may_see(s, progress)]
            if unseen and covered_by({progress.work: progress})(scope):
                leaks.append(f"quote {words!r} scoped {scope!r} shows {unseen} to a reader at {label}")
    return leaks


def missing_public_text(document: Document, body: RenderedBody) -> list[str]:
    """Public markers the spoiler-safe HTML fails to show (a renderer that hides everything leaks nothing)."""
    visible = reader_visible_text(body.safe_html)
    return [marker for marker in document.public if marker not in visible]


@dataclass(frozen=True)
class Check:
    leaks: list[str]
    surfaces: int  # how many surfaces were searched, quote scopes and the public text included


def check(document: Document, quotes: Sequence[str] = ()) -> Check:
    """Every surface of the body rendered without quotes, and again with them, plus the quote scopes."""
    body = render(document)
    surfaces = [*spoiler_safe_surfaces(body), *full_html_surfaces(body), *progress_surfaces(body)]
    leaks = leaks_in(document, surfaces) + [f"public {m} hidden" for m in missing_public_text(document, body)]
    count = len(surfaces) + 1
    if quotes:
        quoted = render(document, quotes)
        surfaces = [*spoiler_safe_surfaces(quoted), *full_html_surfaces(quoted), *progress_surfaces(quoted)]
        leaks += quote_scope_leaks(document, quoted, quotes) + leaks_in(document, surfaces)
        count += len(surfaces) + 1
    return Check(leaks, count)


# --- The generator ---------------------------------------------------------------------------------

ScopeRule = Callable[[Scope | None], Scope | None]


def _episode(season: int, episode: int | None = None) -> ScopeRule:
    """A scope written without a work, which takes the article's work (none without a default)."""
    return lambda default: Scope(default.work if default else None, season, episode)


def _fixed(scope: Scope | None) -> ScopeRule:
    return lambda default: scope


def _default(default: Scope | None) -> Scope | None:
    return default


# What follows the colons of a block opener, and the scope it gives. A misspelt word or an unreadable
# scope is still an opener ("ambiguous = spoiler") and, its scope not being readable, nobody's.
BLOCK_OPENERS: tuple[tuple[str, ScopeRule], ...] = (
    (" spoiler S1E3", _episode(1, 3)),
    (" spoiler", _default),
    (" Spoilers: S2", _episode(2)),
    (" spoiler the-show:s1e10", _fixed(Scope(WORK, 1, 10))),
    ("spoiler S1E9", _episode(1, 9)),
    (" SPOILER s2e1", _episode(2, 1)),
    (" spoiler S1 finale", _episode(1, 10)),
    (" spoiler other-show:s1e2", _fixed(Scope(OTHER_WORK, 1, 2))),
    (" spolier S1E5", _fixed(None)),
    (" spoilr", _fixed(None)),
    (" spoiler S1E", _fixed(None)),
    (" spoiler S1E3 and more", _fixed(None)),
)
INLINE_PREFIXES: tuple[tuple[str, ScopeRule], ...] = (
    ("", _default),
    ("S1E3: ", _episode(1, 3)),
    ("S2: ", _episode(2)),
    ("the-show:s1e10: ", _fixed(Scope(WORK, 1, 10))),
    ("S1E9: ", _episode(1, 9)),
    ("other-show:s1e2: ", _fixed(Scope(OTHER_WORK, 1, 2))),
)
DEFAULT_SCOPES = (None, Scope(WORK), Scope(WORK, 1), Scope(WORK, 2, 3), Scope(OTHER_WORK))
WORDS = ("stage", "dancer", "curtain", "mirror", "studio", "night", "audience", "ballet")
CODE_SPANS = ("a || b", "||x||", ":::", "||S1E3: y||", "x ||")
CODE_LINES = (":::", "::: spoiler S2", "||x||", "::::", "||S1E3: code", "> ::: spoiler")
HTML_LINES = (
    '<div class="note">{}</div>',
    "</details> {}",
    '<span title="x">{}</span>',
    '<input type="checkbox" checked> {}',
    "<!-- {} -->",
    "<details open><summary>{}</summary>",
)

# Inline piece kinds: after these no space follows, before those no space comes.
ATTACH_NEXT = {"open", "em_open", "link_open", "image_open"}
ATTACH_PREVIOUS = {"close", "em_close", "link_close", "image_close", "footnote"}
# What a closing `||` may follow: anything that ends in a non-space character other than a pipe.
CLOSE_AFTER = {"text", "code", "em_close", "link_close", "image_close", "footnote"}


@dataclass(frozen=True)
class _Spoiler:
    number: int
    scope: Scope | None


@dataclass
class _ReferenceDefinition:
    chain: tuple[_Spoiler, ...]
    markers: list[tuple[str, bool]]  # (marker, dropped by the contract whatever encloses it)


class _Builder:
    """Draws one body, writing it in document order and giving each marker its chain as it goes."""

    def __init__(self, draw: DrawFn, default_scope: Scope | None) -> None:
        self.draw = draw
        self.default_scope = default_scope
        self.open_blocks: list[_Spoiler] = []  # block spoilers open at the current line
        self.numbers = itertools.count(1)
        self.secrets: list[Secret] = []
        self.public: list[str] = []
        self.passages: list[tuple[str, ...]] = []
        self.references = draw(st.integers(0, 2))
        self.definitions: dict[int, _ReferenceDefinition] = {}
        self.uses: dict[int, tuple[_Spoiler, ...]] = {}
        self.footnotes = draw(st.integers(0, 2))
        self.defined_footnotes: set[int] = set()
        self.created: list[str] = []  # every marker, in document order
        self.used: list[int] = []  # reference labels, in the order of their uses

    def document(self) -> Document:
        body = _Container(self)
        self.fill(body, depth=0, count=self.draw(st.integers(1, 5)))
        for label, definition in self.definitions.items():
            use = self.uses.get(label)
            encloses = use is not None and use[: len(definition.chain)] == definition.chain
            for marker, dropped in definition.markers:
                if dropped or not encloses:
                    self.secrets.append(Secret(marker, (None,)))
                elif use:
                    self.secrets.append(Secret(marker, tuple(spoiler.scope for spoiler in use)))
        return Document(
            source="\n".join(body.lines) + "\n",
            secrets=tuple(self.secrets),
            public=tuple(self.public),
            default_scope=self.default_scope,
            passages=tuple(self.passages),
        )

    # Markers and spoilers

    def name(self) -> str:
        self.created.append(f"qzm{next(self.numbers):03d}k")
        return self.created[-1]

    def hide_since(self, markers: int, uses: int) -> None:
        """Hide from everyone the markers and reference uses written since these counts: the contract
        hides a whole table with `||` in its rows, and a paragraph up to a `||` that closes nothing."""
        hidden = self.created[markers:]
        self.public = [marker for marker in self.public if marker not in hidden]
        chains = {secret.marker: secret.chain for secret in self.secrets}
        self.secrets = [secret for secret in self.secrets if secret.marker not in hidden]
        blocks = tuple(spoiler.scope for spoiler in self.open_blocks)
        self.secrets += [Secret(marker, (*chains.get(marker, blocks), None)) for marker in hidden]
        for label in self.used[uses:]:
            self.uses[label] = (*self.uses[label], _Spoiler(0, None))

    def marker(self, chain: Sequence[_Spoiler | None], *, certain: bool) -> str:
        """A new marker enclosed by `chain` (None: dropped text); public only where surely shown."""
        name = self.name()
        if chain:
            scopes = tuple(None if spoiler is None else spoiler.scope for spoiler in chain)
            self.secrets.append(Secret(name, scopes))
        elif certain:
            self.public.append(name)
        return name

    def spoiler(self, rule: ScopeRule) -> _Spoiler:
        return _Spoiler(next(self.numbers), rule(self.default_scope))

    # Blocks

    def fill(self, container: _Container, depth: int, count: int) -> None:
        kinds = BLOCK_KINDS if depth < 2 else LEAF_KINDS
        for _ in range(count):
            kind = self.draw(st.sampled_from(kinds))
            if kind == "spoiler":
                container.add("marker", [self.opener(container)])
                self.fill(container, depth, self.draw(st.integers(1, 3)))
                if self.draw(st.integers(0, 5)):  # now and then never closed
                    container.add("marker", [self.closer()])
            elif kind == "open":
                container.add("marker", [self.opener(container)])
            elif kind == "close":
                container.add("marker", [self.closer()])
            elif kind == "indented" and container.last in (None, "bullets", "numbers_list", "footnote"):
                container.add("paragraph", self.paragraph())  # it would continue the list or footnote
            else:
                container.add(kind, getattr(self, kind)(depth))

    def opener(self, container: _Container) -> str:
        colons = self.draw(st.sampled_from((3, 3, 4)))
        text, rule = self.draw(st.sampled_from(BLOCK_OPENERS))
        self.open_blocks.append(self.spoiler(rule))
        indent = ""  # up to three spaces still start a block, but after a list or footnote they would join it
        if container.last not in ("bullets", "numbers_list", "footnote"):
            indent = self.draw(st.sampled_from(("", "", "  ")))
        return indent + ":" * colons + text

    def closer(self) -> str:
        colons = self.draw(st.sampled_from((3, 3, 4, 5)))
        if self.open_blocks:  # a stray closer is ignored
            self.open_blocks.pop()
        return ":" * colons

    def paragraph(self, depth: int = 0) -> list[str]:
        inline = _Inline(self, certain=True, breaks=True)
        if label := self.draw(st.sampled_from(("", "", "DANCER:", "**Stage Manager:**"))):
            inline.emit("label", label)  # a Q&A speaker label, which the renderer rewrites
        inline.pieces(PARAGRAPH_PIECES, self.draw(st.integers(1, 6)))
        return inline.finish().split("\n")

    def heading(self, depth: int) -> list[str]:
        inline = _Inline(self, certain=True)
        inline.pieces(HEADING_PIECES, self.draw(st.integers(1, 4)))
        return ["#" * self.draw(st.integers(1, 3)) + " " + inline.finish()]

    def figure(self, depth: int) -> list[str]:
        inline = _Inline(self, certain=True)
        inline.image()
        return [inline.finish()]

    def bullets(self, depth: int) -> list[str]:
        return self.items(depth, "- ")

    def numbers_list(self, depth: int) -> list[str]:
        return self.items(depth, "1. ")

    def items(self, depth: int, bullet: str) -> list[str]:
        lines: list[str] = []
        for index in range(self.draw(st.integers(1, 3))):
            item = _Container(self)
            first = self.draw(st.sampled_from(ITEM_FIRST_KINDS))
            item.add(first, getattr(self, first)(depth + 1))
            self.fill(item, depth + 1, self.draw(st.integers(0, 2)))
            if index:
                lines.append("")
            indent = " " * len(bullet)
            lines += [(bullet if n == 0 else indent if line else "") + line for n, line in enumerate(item.lines)]
        return lines

    def quote(self, depth: int) -> list[str]:
        inner = _Container(self)
        first = self.draw(st.sampled_from(ITEM_FIRST_KINDS))
        inner.add(first, getattr(self, first)(depth + 1))
        self.fill(inner, depth + 1, self.draw(st.integers(0, 2)))
        return [f"> {line}" if line else ">" for line in inner.lines]

    def table(self, depth: int) -> list[str]:
        columns = self.draw(st.integers(1, 3))
        markers, uses = len(self.created), len(self.used)
        rows = []
        for _ in range(1 + self.draw(st.integers(1, 2))):
            cells = []
            for _ in range(columns):
                # Never listed public: one `||` in any row hides the whole table.
                inline = _Inline(self, certain=False, cell=True)
                inline.pieces(CELL_PIECES, self.draw(st.integers(1, 3)))
                cells.append(inline.finish())
            rows.append("| " + " | ".join(cells) + " |")
        if any("||" in row for row in rows):  # the table is hidden whole, whatever its columns
            self.hide_since(markers, uses)
        return [rows[0], "| " + " | ".join(["---"] * columns) + " |", *rows[1:]]

    def code_lines(self) -> list[str]:
        lines = []
        for _ in range(self.draw(st.integers(1, 3))):
            if self.draw(st.booleans()):
                lines.append(self.draw(st.sampled_from(CODE_LINES)))
            else:
                lines.append(f"code {self.marker(self.open_blocks, certain=True)}")
        return lines

    def fence(self, depth: int) -> list[str]:
        fence = self.draw(st.sampled_from(("```", "~~~")))
        return [fence, *self.code_lines(), fence]

    def indented(self, depth: int) -> list[str]:
        return ["    " + line for line in self.code_lines()]

    def html(self, depth: int) -> list[str]:
        template = self.draw(st.sampled_from(HTML_LINES))
        return [template.format(self.marker(self.open_blocks, certain=True))]

    def reference(self, depth: int) -> list[str]:
        free = [label for label in range(self.references) if label not in self.definitions]
        if not free:
            return self.paragraph()
        label = self.draw(st.sampled_from(free))
        definition = _ReferenceDefinition(tuple(self.open_blocks), [])
        self.definitions[label] = definition
        if self.draw(st.booleans()):
            line = f"[ref{label}]: image:1"  # used by an image, its title is the caption
        else:
            target = self.name()
            definition.markers.append((target, False))
            line = f"[ref{label}]: https://example.com/{target}"
        title = self.draw(st.sampled_from(("", "plain", "bars")))
        if title:
            marker = self.name()
            definition.markers.append((marker, title == "bars"))
            line += f' "title {marker}"' if title == "plain" else f' "so ||S1E3: {marker}||"'
        return [line]

    def footnote(self, depth: int) -> list[str]:
        free = [label for label in range(1, self.footnotes + 1) if label not in self.defined_footnotes]
        if not free:
            return self.paragraph()
        label = self.draw(st.sampled_from(free))
        self.defined_footnotes.add(label)
        if self.draw(st.booleans()):  # one word: CommonMark alone reads it as a link reference definition
            return [f"[^{label}]: {self.marker(self.open_blocks, certain=False)}"]
        inline = _Inline(self, certain=False)
        inline.pieces(FOOTNOTE_PIECES, self.draw(st.integers(1, 3)))
        lines = [f"[^{label}]: " + inline.finish()]
        if self.draw(st.booleans()):  # a second paragraph, indented into the footnote
            more = _Inline(self, certain=False)
            more.pieces(FOOTNOTE_PIECES, self.draw(st.integers(1, 3)))
            lines += ["", "    " + more.finish()]
        return lines


# Block kinds, simplest first so that shrinking ends on paragraphs.
LEAF_KINDS = (
    "paragraph", "spoiler", "open", "close", "heading", "fence", "indented", "table", "html", "figure",
    "reference", "footnote",
)  # fmt: skip
BLOCK_KINDS = (*LEAF_KINDS, "bullets", "numbers_list", "quote")
# A list item or a quote does not start with indented code (it would change the item's indent).
ITEM_FIRST_KINDS = ("paragraph", "heading", "fence", "table", "html", "figure", "reference", "footnote")
# Blocks a marker line may touch without a blank line between (an indented code block may not: it
# cannot follow a line directly, and a definition is kept clear of a paragraph it could join).
TIGHT_KINDS = {"marker", "paragraph", "heading", "fence", "table", "html", "figure", "bullets", "numbers_list", "quote"}


class _Container:
    """The lines of one container (the body, a list item, a quote), blocks separated by blank lines."""

    def __init__(self, builder: _Builder) -> None:
        self.builder = builder
        self.lines: list[str] = []
        self.last: str | None = None

    def add(self, kind: str, lines: list[str]) -> None:
        if self.lines:
            touching = "marker" in (kind, self.last) and {kind, self.last} <= TIGHT_KINDS
            if not (touching and self.builder.draw(st.booleans())):
                self.lines.append("")
        self.lines += lines
        self.last = kind


PARAGRAPH_PIECES = (
    "word", "marker", "spoiler", "close", "emphasis", "code", "escaped", "link", "reference_link", "image",
    "footnote", "autolink", "bars",
)  # fmt: skip
HEADING_PIECES = ("word", "marker", "spoiler", "close", "emphasis", "code", "link", "footnote", "autolink", "bars")
CELL_PIECES = ("word", "marker", "spoiler", "close", "emphasis", "link", "autolink")
FOOTNOTE_PIECES = ("word", "marker", "spoiler", "close", "emphasis", "bars")
LINK_TEXT_PIECES = ("word", "marker", "spoiler", "close", "emphasis")
EMPHASIS_PIECES = ("word", "marker", "spoiler", "close", "code")


@dataclass
class _Inline:
    """One paragraph, heading, cell or footnote text: its pieces and the inline spoilers open in it."""

    builder: _Builder
    certain: bool  # whether its public text is surely shown
    breaks: bool = False  # whether lines may break inside it
    cell: bool = False  # a table cell
    out: list[tuple[str, str]] = field(default_factory=list)
    newlines: set[int] = field(default_factory=set)
    joined: set[int] = field(default_factory=set)  # pieces written with no space before them
    glue_after_close: bool = False
    open: list[_Spoiler] = field(default_factory=list)
    # Emphasis and links enclosing each open spoiler's opener; a closer elsewhere is a crossing.
    opened_in: list[tuple[int, ...]] = field(default_factory=list)
    enclosing: tuple[int, ...] = ()
    floor: int = 0  # open spoilers below this depth may not be closed (they run to the end)
    odd: bool = False  # a spoiler crossed emphasis: keep later text out of `public`
    words: list[str] = field(default_factory=list)
    starts: tuple[int, int] = (0, 0)  # the builder's marker and use counts when this text began

    def __post_init__(self) -> None:
        self.starts = (len(self.builder.created), len(self.builder.used))

    @property
    def last(self) -> str | None:
        return self.out[-1][0] if self.out else None

    def chain(self) -> list[_Spoiler]:
        return [*self.builder.open_blocks, *self.open]

    def emit(self, kind: str, text: str) -> None:
        breakable = self.breaks and self.out and kind not in ATTACH_PREVIOUS and self.last not in ATTACH_NEXT
        if kind == "text" and self.last == "close" and self.glue_after_close:
            self.joined.add(len(self.out))  # `x||word`: a `||` between two non-spaces closes what is open
        elif breakable and self.builder.draw(st.integers(0, 5)) == 0:
            self.newlines.add(len(self.out))
        self.glue_after_close = False
        self.out.append((kind, text))

    def finish(self) -> str:
        text = ""
        for index, (kind, piece) in enumerate(self.out):
            previous = self.out[index - 1][0] if index else None
            if previous and index not in self.joined and kind not in ATTACH_PREVIOUS and previous not in ATTACH_NEXT:
                text += "\n" if index in self.newlines else " "
            text += piece
        self.builder.passages.append(tuple(self.words))
        return text

    def pieces(self, kinds: Sequence[str], count: int) -> None:
        for _ in range(count):
            kind = self.builder.draw(st.sampled_from(kinds))
            if kind == "close" and not self.open and self.last in CLOSE_AFTER:
                kind = "stray_close"
            elif kind == "close" and (len(self.open) <= self.floor or self.last not in CLOSE_AFTER):
                kind = "word"
            if kind == "bars" and (not self.out or self.last in ATTACH_NEXT or 0 < len(self.open) <= self.floor):
                kind = "word"
            if kind == "footnote" and (not self.builder.footnotes or self.last != "text"):
                kind = "word"
            if kind == "reference_link" and not self.builder.references:
                kind = "link"
            getattr(self, kind)()

    def word(self) -> None:
        word = self.builder.draw(st.sampled_from(WORDS))
        self.emit("text", word)
        self.words.append(word)

    def marker(self) -> None:
        name = self.builder.marker(self.chain(), certain=self.certain and not self.odd)
        self.emit("text", name)
        self.words.append(name)

    def spoiler(self, rule: ScopeRule | None = None) -> None:
        """`||` (with a scope prefix or not), always followed by a marker word."""
        prefix, drawn = self.builder.draw(st.sampled_from(INLINE_PREFIXES))
        if not prefix and self.open and self.last in ATTACH_NEXT:
            # `||` after a non-space with a spoiler open would close it; a prefix always opens.
            prefix, drawn = INLINE_PREFIXES[1]
        if self.last == "text" and (prefix or not self.open) and self.builder.draw(st.integers(0, 3)) == 0:
            self.joined.add(len(self.out))  # `word||x`: between two non-spaces, it opens when nothing is open
        self.emit("open", "||" + prefix)
        self.open.append(self.builder.spoiler(rule or drawn))
        self.opened_in.append(self.enclosing)
        self.marker()

    def close(self) -> None:
        self.open.pop()
        if self.opened_in.pop() != self.enclosing:
            self.odd = True
        self.emit("close", "||")
        self.glue_after_close = self.builder.draw(st.integers(0, 3)) == 0

    def stray_close(self) -> None:
        """`x||` with nothing open: the opener is missing, so the paragraph up to here is hidden."""
        self.emit("close", "||")
        self.builder.hide_since(*self.starts)
        self.word()  # followed by a space: `x||y` would open instead

    def bars(self) -> None:
        """` || ` with spaces on both sides: closes what is open, else is literal text."""
        if self.open:
            self.open.pop()
            if self.opened_in.pop() != self.enclosing:
                self.odd = True
        self.emit("bars", "||")
        self.word()  # followed by a space, whatever comes next

    def emphasis(self) -> None:
        delimiter = self.builder.draw(st.sampled_from(("*", "**")))
        number = next(self.builder.numbers)
        self.emit("em_open", delimiter)
        outer, self.enclosing = self.enclosing, (*self.enclosing, number)
        self.builder.draw(st.sampled_from((self.word, self.marker, self.spoiler)))()
        # A code span's `|` would read as a cell border in a table.
        kinds = [kind for kind in EMPHASIS_PIECES if not (self.cell and kind == "code")]
        self.pieces(kinds, self.builder.draw(st.integers(0, 2)))
        if self.last not in {"text", "close", "code"}:
            self.word()
        if any(number in enclosing for enclosing in self.opened_in):
            self.odd = True  # a spoiler opened inside runs on past the emphasis
        self.enclosing = outer
        self.emit("em_close", delimiter)

    def autolink(self) -> None:
        self.emit("code", f"<https://example.com/{self.builder.marker(self.chain(), certain=False)}>")

    def code(self) -> None:
        content = self.builder.draw(st.sampled_from(CODE_SPANS))
        if self.builder.draw(st.booleans()):
            marker = self.builder.marker(self.chain(), certain=self.certain and not self.odd)
            content = f"{marker} {content}"
        self.emit("code", f"`{content}`")

    def escaped(self) -> None:
        """`\\|\\|` is literal text, alone or around a word."""
        if self.builder.draw(st.booleans()):
            self.emit("escaped", r"\|\|")
        else:
            marker = self.builder.marker(self.chain(), certain=self.certain and not self.odd)
            self.emit("escaped", rf"\|\|{marker}\|\|")

    def link_text(self) -> None:
        """`[` and the link's words; a spoiler opened inside and never closed runs on to the end."""
        floor = self.floor
        self.emit("link_open", "[")
        self.floor = len(self.open)
        self.builder.draw(st.sampled_from((self.word, self.marker, self.spoiler)))()
        self.pieces(LINK_TEXT_PIECES, self.builder.draw(st.integers(0, 2)))
        self.floor = max(floor, len(self.open))

    def link(self) -> None:
        self.link_text()
        target = self.builder.marker(self.chain(), certain=False)
        # In a table a `||` inside a title would read as two cell borders, so cells get no such title.
        title = self.builder.draw(st.sampled_from(("", "plain") if self.cell else ("", "plain", "bars")))
        if title == "plain":
            target += f' "title {self.builder.marker(self.chain(), certain=False)}"'
        elif title == "bars":  # a title holding `||` is dropped
            target += f' "a ||S1E3: {self.builder.marker([None], certain=False)}||"'
        self.emit("link_close", f"](https://example.com/{target})")

    def reference_link(self) -> None:
        label = self.builder.draw(st.integers(0, self.builder.references - 1))
        if label in self.builder.uses:
            self.word()
            return
        form = self.builder.draw(st.sampled_from(("full", "other case", "collapsed", "shortcut")))
        if form in ("collapsed", "shortcut"):  # `[ref0][]`, `[ref0]`: the label is the text
            self.emit("link_open", "[")
            self.emit("text", f"ref{label}")
        else:
            self.link_text()
        self.builder.uses[label] = tuple(self.chain())
        self.builder.used.append(label)
        closing = {"full": f"][ref{label}]", "other case": f"][REF{label}]", "collapsed": "][]", "shortcut": "]"}
        self.emit("link_close", closing[form])

    def image(self) -> None:
        """`![alt](image:1 "caption")`: a spoiler in the alt, or `||` in the caption, is dropped."""
        breaks, words, floor = self.breaks, len(self.words), self.floor
        self.breaks, self.floor = False, len(self.open)
        self.emit("image_open", "![")
        for _ in range(self.builder.draw(st.integers(1, 3))):
            piece = self.builder.draw(st.sampled_from(("word", "marker", "spoiler", "close")))
            if piece == "spoiler":
                self.spoiler(_fixed(None))  # nobody may see it: its marker's chain cannot be opened
            elif piece == "close" and len(self.open) > self.floor and self.last in CLOSE_AFTER:
                self.close()
            elif piece == "marker" and len(self.open) == self.floor:
                self.emit("text", self.builder.marker(self.chain(), certain=False))  # alt text may not show
            else:
                self.word()
        while len(self.open) > self.floor:  # a spoiler in the alt is closed within the alt
            if self.last not in CLOSE_AFTER:
                self.word()
            self.close()
        self.breaks, self.floor = breaks, floor
        del self.words[words:]  # alt text is not running text a quote could be taken from
        caption = self.builder.draw(st.sampled_from(("", "plain", "bars", "reference")))
        # Only a label defined above: with no definition `![…][ref]` is no image, and its alt is plain text.
        defined = [label for label in self.builder.definitions if label not in self.builder.uses]
        if caption == "reference" and defined:
            label = self.builder.draw(st.sampled_from(defined))
            self.builder.uses[label] = tuple(self.chain())
            self.builder.used.append(label)
            self.emit("image_close", f"][ref{label}]")  # address and caption from a definition
        elif caption == "plain":
            marker = self.builder.marker(self.chain(), certain=False)
            self.emit("image_close", f'](image:1 "caption {marker}")')
        elif caption == "bars":
            marker = self.builder.marker([None], certain=False)
            self.emit("image_close", f'](image:1 "caption ||{marker}||")')
        else:
            self.emit("image_close", "](image:1)")

    def footnote(self) -> None:
        self.emit("footnote", f"[^{self.builder.draw(st.integers(1, self.builder.footnotes))}]")


@st.composite
def _documents(draw: DrawFn) -> Document:
    return _Builder(draw, draw(st.sampled_from(DEFAULT_SCOPES))).document()


def documents() -> SearchStrategy[Document]:
    """Small random bodies, each marker's chain computed from the contract."""
    return _documents()


@st.composite
def _quotes(draw: DrawFn, document: Document) -> tuple[str, ...]:
    """Runs of words from the body, some running from one paragraph into the next."""
    passages = [words for words in document.passages if words]
    quotes: list[str] = []
    for _ in range(draw(st.integers(0, 3)) if passages else 0):
        index = draw(st.integers(0, len(passages) - 1))
        words = passages[index]
        start = draw(st.integers(0, len(words) - 1))
        if index + 1 < len(passages) and draw(st.booleans()):
            following = passages[index + 1]
            end = draw(st.integers(1, len(following)))
            quotes.append(" ".join(words[start:]) + "\n\n" + " ".join(following[:end]))
        else:
            quotes.append(" ".join(words[start : draw(st.integers(start + 1, len(words)))]))
    return tuple(dict.fromkeys(quotes))


def documents_with_quotes() -> SearchStrategy[tuple[Document, tuple[str, ...]]]:
    """A body and some quotes from it, to pass as confirmed quotes."""
    return documents().flatmap(lambda document: _quotes(document).map(lambda quotes: (document, quotes)))
