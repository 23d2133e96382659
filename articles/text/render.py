"""Markdown body → stored variants: full HTML, spoiler-safe HTML and a plain excerpt.

Rendering happens once, when an article is saved, so page views never parse Markdown. The three
variants come from one token stream: the spoiler-safe variants are rendered from a copy in which
every spoiler has been *replaced* by a placeholder, so secret text cannot leak through a CSS
class, a forgotten attribute or a template that picks the wrong field. Everything ends in nh3
with an explicit allow-list, because the Markdown parser is not a sanitizer.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from .scope import Scope, ScopeError, parse_scope

__all__ = ["READING_WPM", "BodyImage", "QuoteMark", "RenderedBody", "image_references", "render_body"]

READING_WPM = 230
EXCERPT_CHARS = 300
UNSCOPED = "unscoped"

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "em", "strong", "a", "blockquote", "q", "ul", "ol", "li", "code", "pre",
    "hr", "br", "figure", "figcaption", "dl", "dt", "dd", "div", "span", "section", "details", "summary",
    "input", "label", "picture", "source", "img",
}  # fmt: skip
SPOILER_ATTRS = {"data-spoiler", "data-nosnippet"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "q": {"cite"},
    "ol": {"start"},
    "p": {"data-spoiler"},
    "div": SPOILER_ATTRS,
    "span": SPOILER_ATTRS,
    "section": SPOILER_ATTRS,
    "details": SPOILER_ATTRS,
    "input": {"type", "id", "aria-label"},
    "label": {"for"},
    "picture": set(),
    "source": {"type", "srcset", "sizes"},
    "img": {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"},
}
# Class values are allow-listed one by one (nh3 drops any other class), so a class in the output
# always means something this module put there.
ALLOWED_CLASSES = {
    "a": {"quote-link"},
    "q": {"quote"},
    "div": {"qa-turn", "qa-question", "spoiler-content"},
    "p": {"spoiler-placeholder"},
    "section": {"spoiler"},
    "details": {"spoiler"},
    "summary": {"spoiler-reveal"},
    "input": {"spoiler-toggle"},
    "label": {"spoiler-reveal"},
    "span": {"spoiler", "spoiler-placeholder", "spoiler-content", "credit"},
    "strong": {"qa-speaker"},
    "figure": {"body-image"},
}
URL_SCHEMES = {"http", "https", "mailto"}

# `||S1E5: text||` gives an inline spoiler its own scope.
INLINE_SCOPE_RE = re.compile(r"\s*(?P<scope>(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[Ss]\d+(?:[Ee]\d+)?):\s+")
# "JOLLETTE:", "CASIMERE JOLETTE:", "Q:" at the start of a paragraph.
CAPS_LABEL_RE = re.compile(r"(?P<label>[A-Z][A-Z0-9.'’&-]*(?: [A-Z0-9.'’&-]+){0,4}):[ \t]+(?=\S)")
BOLD_LABEL_RE = re.compile(r"[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,4}")
# Lead-ins that look like labels but are not people talking.
NOT_SPEAKERS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "WARNING", "SPOILER", "SPOILERS"}
MAX_QUESTIONS_BETWEEN_TURNS = 3
# `![alt](image:42)` or `![alt](image:42 "Caption for this article")` shows library image 42.
IMAGE_REFERENCE_RE = re.compile(r"image:(?P<id>[1-9][0-9]{0,17})")
# Our own rendition files are the only images the body may show.
MEDIA_PREFIX = "/media/"
BODY_IMAGE_SIZES = "(min-width: 48rem) 45rem, 100vw"


@dataclass(frozen=True)
class QuoteMark:
    """A confirmed quote to mark up in the body: its exact words and where its speaker lives."""

    words: str
    speaker_url: str
    speaker_name: str


@dataclass(frozen=True)
class BodyImage:
    """A library image as the body shows it: files already made, words already chosen.

    URLs must be site-relative paths under /media/ (the sanitizer drops anything else). The
    caller builds these from stored renditions; this module never touches files or the database.
    """

    src: str
    srcset: str
    width: int
    height: int
    alt: str
    caption: str = ""
    credit: str = ""
    webp_srcset: str = ""
    sizes: str = BODY_IMAGE_SIZES


@dataclass(frozen=True)
class RenderedBody:
    """The stored variants of one body, plus what the editor should be told about it."""

    full_html: str
    safe_html: str
    plain: str
    scopes: list[Scope] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reading_minutes: int = 1
    # For each quote found in the body: the scope attribute of the spoiler it sits in, or "".
    quote_scopes: dict[str, str] = field(default_factory=dict)
    # All of the spoiler-safe text, unshortened, for search.
    safe_text: str = ""
    # The plain text of each spoiler, for the lint that checks never-spoil fields against it.
    spoiler_texts: list[str] = field(default_factory=list)


@dataclass
class _Context:
    """Per-render settings and findings, passed through the token passes instead of globals."""

    default_scope: Scope | None
    season_lengths: Mapping[int, int] | None
    speaker_urls: dict[str, str]
    scopes: set[Scope] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    quote_scopes: dict[str, str] = field(default_factory=dict)


def render_body(
    source: str,
    *,
    default_scope: Scope | None = None,
    speaker_urls: Mapping[str, str] | None = None,
    season_lengths: Mapping[int, int] | None = None,
    quotes: Sequence[QuoteMark] = (),
    images: Mapping[int, BodyImage] | None = None,
) -> RenderedBody:
    """Render a Markdown body into every stored variant in one pass.

    `default_scope` is the article's own spoiler scope, used by markers that name no episode;
    `speaker_urls` maps Q&A labels (any case) to the speaker's page; `season_lengths` lets
    "finale" resolve to a real episode; `quotes` are confirmed quotes to render as `<q>` linked
    to their speaker; `images` maps library image ids to what `![alt](image:ID)` shows.
    """
    context = _Context(
        default_scope=default_scope,
        season_lengths=season_lengths,
        speaker_urls={" ".join(name.split()).casefold(): url for name, url in (speaker_urls or {}).items()},
    )
    md = _parser()
    tokens = md.parse(source or "", {})
    _demote_headings(tokens)
    _scope_spoilers(tokens, context)
    tokens = _fail_closed(tokens, context)
    _mark_qa_turns(tokens, context)
    tokens = _place_images(tokens, images or {}, context)
    _mark_quotes(tokens, quotes, context)
    safe_tokens = _without_spoilers(tokens)

    full_words = len(_plain_text(tokens).split())
    spoiler_texts = _spoiler_texts(tokens)
    _add_reveal_controls(tokens)
    return RenderedBody(
        full_html=_sanitize(md.renderer.render(tokens, md.options, {})),
        safe_html=_sanitize(md.renderer.render(safe_tokens, md.options, {})),
        plain=_excerpt(_plain_text(safe_tokens)),
        safe_text=_plain_text(safe_tokens),
        scopes=sorted(context.scopes),
        warnings=context.warnings,
        reading_minutes=max(1, (full_words + READING_WPM // 2) // READING_WPM),
        quote_scopes=context.quote_scopes,
        spoiler_texts=spoiler_texts,
    )


# --- Parser -------------------------------------------------------------------------------------


@functools.cache
def _parser() -> MarkdownIt:
    """Build the CommonMark parser once; raw HTML off so pasted markup shows as text."""
    md = MarkdownIt("commonmark", {"html": False})
    md.use(container_plugin, name="spoiler", validate=_is_spoiler_marker)
    _track_unclosed_containers(md, "container_spoiler")
    md.inline.add_terminator_char("|")
    md.inline.ruler.before("emphasis", "spoiler_inline", _inline_spoiler)
    return md


def _is_spoiler_marker(params: str, *args: object) -> bool:
    """`::: spoiler`, `::: Spoiler S1E10`, `::: spoilers: S1`: writers vary the word, not the intent."""
    words = params.strip().split(maxsplit=1)
    return bool(words) and words[0].lower().rstrip(":") in {"spoiler", "spoilers"}


def _track_unclosed_containers(md: MarkdownIt, rule_name: str) -> None:
    """Record on each opening token whether its `:::` was found.

    The container plugin silently closes an unterminated block at the end of its parent; only
    the line it stops on tells the two cases apart, so the rule is wrapped to keep that fact.
    """
    ruler = md.block.ruler
    original = ruler.__rules__[ruler.__find__(rule_name)].fn

    def tracked(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        first = len(state.tokens)
        matched = original(state, start_line, end_line, silent)
        if matched and not silent:
            opening = state.tokens[first]
            opening.meta["closed"] = state.line == opening.map[1] + 1
        return matched

    ruler.at(rule_name, tracked, {"alt": ["paragraph", "reference", "blockquote", "list"]})


def _inline_spoiler(state: StateInline, silent: bool) -> bool:
    """Parse `||text||` (or `||S1E5: text||`) into a span whose inside is ordinary inline Markdown."""
    start = state.pos
    if not state.src.startswith("||", start):
        return False
    end = state.src.find("||", start + 2, state.posMax)
    if end == -1 or not state.src[start + 2 : end].strip():
        return False
    if silent:
        state.pos = end + 2
        return True

    inner_start = start + 2
    scope_text = None
    if match := INLINE_SCOPE_RE.match(state.src, inner_start, end):
        scope_text, inner_start = match["scope"], match.end()

    old_max = state.posMax
    opening = state.push("spoiler_inline_open", "span", 1)
    opening.meta["scope"] = scope_text
    state.pos, state.posMax = inner_start, end
    state.md.inline.tokenize(state)
    state.push("spoiler_inline_close", "span", -1)
    state.pos, state.posMax = end + 2, old_max
    return True


# --- Token passes -------------------------------------------------------------------------------


def _demote_headings(tokens: list[Token]) -> None:
    """The page owns the h1 (the headline): `#` and `##` both become h2, deeper levels stop at h4.

    Writers paste subheads as `##` expecting the section level under the headline, and a lone
    `#` is the same intent; shifting every level down would skip h2 and break the outline.
    """
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = f"h{min(max(int(token.tag[1]), 2), 4)}"


def _resolve_scope(text: str | None, context: _Context, where: str) -> Scope | None:
    """Turn a marker's scope text into a Scope; None (with a warning) means hide from everyone."""
    default_work = context.default_scope.work if context.default_scope else None
    if not text or not text.strip():
        if context.default_scope is None:
            context.warnings.append(
                f"{where} names no episode and the article has no spoiler scope, so it is hidden from every "
                "reader; write e.g. '::: spoiler S1E5' or '||S1E5: …||'."
            )
        else:
            context.scopes.add(context.default_scope)
        return context.default_scope
    try:
        scope = parse_scope(text, default_work, season_lengths=context.season_lengths)
    except ScopeError as error:
        context.warnings.append(f"{where}: {error} It is hidden from every reader until fixed.")
        return None
    context.scopes.add(scope)
    return scope


def _spoiler_attrs(scope: Scope | None, class_name: str) -> dict[str, str | int | float]:
    return {"class": class_name, "data-spoiler": (scope.attr if scope else "") or UNSCOPED, "data-nosnippet": ""}


def _scope_spoilers(tokens: list[Token], context: _Context) -> None:
    """Give every spoiler (block and inline) its scope, markup and placeholder text."""
    for token in tokens:
        if token.type == "container_spoiler_open":
            line = token.map[0] + 1 if token.map else "?"
            scope_text = token.info.strip().split(maxsplit=1)[1:]
            scope = _resolve_scope(scope_text[0] if scope_text else None, context, f"The spoiler on line {line}")
            _make_section(token, scope)
        elif token.type == "container_spoiler_close":
            token.type, token.tag = "spoiler_section_close", "section"
        elif token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "spoiler_inline_open":
                    line = token.map[0] + 1 if token.map else "?"
                    scope = _resolve_scope(child.meta["scope"], context, f"The inline spoiler on line {line}")
                    child.attrs = _spoiler_attrs(scope, "spoiler")
                    child.meta["placeholder"] = "[spoiler]"


def _make_section(token: Token, scope: Scope | None) -> None:
    token.type, token.tag = "spoiler_section_open", "section"
    token.attrs = _spoiler_attrs(scope, "spoiler")
    token.meta["placeholder"] = f"Spoiler for {scope.label} hidden." if scope else "Spoiler hidden."
    token.meta["scope_attr"] = token.attrs["data-spoiler"]


def _fail_closed(tokens: list[Token], context: _Context) -> list[Token]:
    """An unclosed spoiler hides everything after it, even past the quote or list it opened in.

    A forgotten `:::` is the commonest way to leak a spoiler, so the safe reading of the mistake
    is "the writer meant the rest to be secret" and the editor is told to fix it.
    """
    for index, token in enumerate(tokens):
        if token.type != "spoiler_section_open" or token.meta.get("closed", True):
            continue
        line = token.map[0] + 1 if token.map else "?"
        context.warnings.append(
            f"The spoiler opened on line {line} is never closed with ':::', so everything after it is hidden "
            "as part of the spoiler. Add a ':::' line where the spoiler ends."
        )
        if token.level == 0:
            continue  # the plugin already closed it at the end of the document
        rest = next(
            (i + 1 for i in range(index + 1, len(tokens)) if tokens[i].level == 0 and tokens[i].nesting == -1),
            len(tokens),
        )
        if rest < len(tokens):
            opening = Token("spoiler_section_open", "section", 1, block=True)
            opening.attrs, opening.meta = dict(token.attrs), dict(token.meta)
            closing = Token("spoiler_section_close", "section", -1, block=True)
            return [*tokens[:rest], opening, *tokens[rest:], closing]
        return tokens
    return tokens


def _paragraphs(tokens: list[Token]) -> Iterator[int]:
    """Indices of paragraph_open tokens that sit at the top level or directly in a spoiler section.

    Q&A turns are whole paragraphs of the article; a list item or a quoted passage that happens
    to start with a capitalised word is not someone answering.
    """
    stack: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and all(kind == "spoiler_section_open" for kind in stack):
            yield index
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1 and stack:
            stack.pop()


def _speaker_label(inline: Token) -> str | None:
    """The speaker label a paragraph starts with ("JOLETTE" or a bold "Name:"), if any."""
    children = _non_empty(inline)
    if match := CAPS_LABEL_RE.match(inline.content):
        label = match["label"]
        written_first = bool(children) and children[0].type == "text" and children[0].content.startswith(f"{label}:")
        if written_first and any(c.isalpha() for c in label) and label not in NOT_SPEAKERS:
            return label
    if len(children) >= 3 and [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"]:
        name = children[1].content.strip()
        after = children[3].content if len(children) > 3 and children[3].type == "text" else ""
        if name.endswith(":") or after.startswith(":"):
            name = name.removesuffix(":").strip()
            if BOLD_LABEL_RE.fullmatch(name) and name.upper() not in NOT_SPEAKERS:
                return name
    return None


def _mark_qa_turns(tokens: list[Token], context: _Context) -> None:
    """Wrap labelled answers, and the unlabelled questions between them, as Q&A turns.

    A single labelled paragraph is more often an "Update:" than an interview, so turns need at
    least two labels; a question is an unlabelled paragraph ending in "?" inside a short run
    between two labelled turns.
    """
    paragraphs = [(index, _speaker_label(tokens[index + 1])) for index in _paragraphs(tokens)]
    if sum(1 for _, label in paragraphs if label) < 2:
        return
    labelled_positions = [pos for pos, (_, label) in enumerate(paragraphs) if label]
    wraps: dict[int, str] = {}
    for index, label in paragraphs:
        if label:
            _label_paragraph(tokens[index + 1], label, context)
            wraps[index] = "qa-turn"
    for before, after in itertools.pairwise(labelled_positions):
        run = paragraphs[before + 1 : after]
        if len(run) > MAX_QUESTIONS_BETWEEN_TURNS:
            continue
        for index, _ in run:
            if _plain_inline(tokens[index + 1]).rstrip(" \"'”’)").endswith("?"):
                wraps[index] = "qa-turn qa-question"
    for index in sorted(wraps, reverse=True):
        opening = Token("qa_turn_open", "div", 1, attrs={"class": wraps[index]}, block=True)
        tokens.insert(index + 3, Token("qa_turn_close", "div", -1, block=True))
        tokens.insert(index, opening)


def _non_empty(inline: Token) -> list[Token]:
    """Inline children without the empty text tokens the parser leaves before emphasis."""
    return [child for child in inline.children or [] if child.type != "text" or child.content]


def _label_paragraph(inline: Token, label: str, context: _Context) -> None:
    """Replace the written label with a `qa-speaker` name, linked when the speaker's page is known."""
    children = _non_empty(inline)
    if children[0].type == "text":
        children[0].content = children[0].content[len(label) + 1 :].lstrip()
        rest = children
    else:
        rest = children[3:]
        if rest and rest[0].type == "text":
            rest[0].content = rest[0].content.removeprefix(":").lstrip()
    speaker = [Token("text", "", 0, content=label)]
    url = context.speaker_urls.get(" ".join(label.split()).casefold())
    if url:
        speaker = [Token("link_open", "a", 1, attrs={"href": url}), *speaker, Token("link_close", "a", -1)]
    name_close = Token("strong_close", "strong", -1, meta={"qa_speaker": True})
    inline.children = [
        Token("strong_open", "strong", 1, attrs={"class": "qa-speaker"}),
        *speaker,
        name_close,
        Token("text", "", 0, content=" "),
        *rest,
    ]


def image_references(source: str) -> set[int]:
    """The library image ids a body shows with `![alt](image:ID)`, for fetching them before rendering."""
    ids = set()
    for token in _parser().parse(source or "", {}):
        for child in token.children or []:
            if child.type == "image" and (match := IMAGE_REFERENCE_RE.fullmatch(str(child.attrs.get("src", "")))):
                ids.add(int(match["id"]))
    return ids


def _place_images(tokens: list[Token], images: Mapping[int, BodyImage], context: _Context) -> list[Token]:
    """Turn each paragraph holding only `![alt](image:ID)` references into figures; drop other images.

    A figure cannot sit inside a sentence, so a library image written in the middle of a
    paragraph is dropped with a warning, as is any image that is not from the library (an
    outside URL would let the page load whatever that server sends).
    """
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "paragraph_open" and index + 2 < len(tokens) and _only_images(tokens[index + 1]):
            inline = tokens[index + 1]
            line = inline.map[0] + 1 if inline.map else "?"
            for child in _non_empty(inline):
                if child.type == "image" and _is_reference(child):
                    result.extend(_figure(child, images, context, line))
                elif child.type == "image":
                    context.warnings.append(OUTSIDE_IMAGE_WARNING)
            index += 3
            continue
        if token.type == "inline" and token.children:
            kept = []
            for child in token.children:
                if child.type != "image":
                    kept.append(child)
                elif _is_reference(child):
                    line = token.map[0] + 1 if token.map else "?"
                    context.warnings.append(
                        f"The image on line {line} sits inside a paragraph and is not shown; "
                        "put `![alt](image:ID)` on a line of its own."
                    )
                else:
                    context.warnings.append(OUTSIDE_IMAGE_WARNING)
            token.children = kept
        result.append(token)
        index += 1
    return result


def _only_images(inline: Token) -> bool:
    children = [child for child in _non_empty(inline) if child.type not in {"softbreak", "hardbreak"}]
    return bool(children) and all(child.type == "image" for child in children)


def _is_reference(image_token: Token) -> bool:
    return bool(IMAGE_REFERENCE_RE.fullmatch(str(image_token.attrs.get("src", ""))))


OUTSIDE_IMAGE_WARNING = (
    "Images written in the body are not shown unless they come from the image library; "
    "write `![alt](image:ID)` with the library image's number."
)


def _figure(image_token: Token, images: Mapping[int, BodyImage], context: _Context, line: object) -> list[Token]:
    match = IMAGE_REFERENCE_RE.fullmatch(str(image_token.attrs.get("src", "")))
    image = images.get(int(match["id"])) if match else None
    if image is None:
        context.warnings.append(
            f"The image on line {line} refers to {image_token.attrs.get('src')}, which is not in the image "
            "library; it is not shown."
        )
        return []
    alt = _plain_inline(image_token) or image.alt
    caption = str(image_token.attrs.get("title") or "") or image.caption
    sizes = html.escape(image.sizes)
    parts = ['<figure class="body-image"><picture>']
    if image.webp_srcset:
        parts.append(f'<source type="image/webp" srcset="{html.escape(image.webp_srcset)}" sizes="{sizes}">')
    srcset = f' srcset="{html.escape(image.srcset)}" sizes="{sizes}"' if image.srcset else ""
    parts.append(
        f'<img src="{html.escape(image.src)}"{srcset} width="{int(image.width)}" height="{int(image.height)}" '
        f'alt="{html.escape(alt)}" loading="lazy" decoding="async"></picture>'
    )
    if caption or image.credit:
        credit = f' <span class="credit">{html.escape(image.credit)}</span>' if image.credit else ""
        parts.append(f"<figcaption>{html.escape(caption)}{credit}</figcaption>")
    parts.append("</figure>\n")
    return [Token("html_block", "", 0, content="".join(parts), block=True)]


def _without_spoilers(tokens: list[Token]) -> list[Token]:
    """A copy of the stream with every spoiler replaced by its placeholder, secret tokens dropped."""
    safe: list[Token] = []
    depth = 0
    for token in tokens:
        if token.type == "spoiler_section_open":
            if depth == 0:
                attrs = {"class": "spoiler-placeholder", "data-spoiler": token.meta["scope_attr"]}
                text = Token("text", "", 0, content=token.meta["placeholder"], meta={"placeholder": True})
                safe += [
                    Token("paragraph_open", "p", 1, attrs=attrs, block=True),
                    Token("inline", "", 0, children=[text], content=text.content),
                    Token("paragraph_close", "p", -1, block=True),
                ]
            depth += 1
        elif token.type == "spoiler_section_close":
            depth -= 1
        elif depth == 0:
            safe.append(_without_inline_spoilers(token) if token.type == "inline" else token)
    return safe


def _without_inline_spoilers(inline: Token) -> Token:
    """Copy an inline token, swapping each `||…||` span for `[spoiler]` and dropping its raw source."""
    children: list[Token] = []
    depth = 0
    for child in inline.children or []:
        if child.type == "spoiler_inline_open":
            if depth == 0:
                children += [
                    Token("placeholder_open", "span", 1, attrs={"class": "spoiler-placeholder"}),
                    Token("text", "", 0, content=child.meta["placeholder"]),
                    Token("placeholder_close", "span", -1),
                ]
            depth += 1
        elif child.type == "spoiler_inline_close":
            depth -= 1
        elif depth == 0:
            children.append(child)
    copy = inline.copy(children=children)
    copy.content = _plain_inline(copy)  # the source text still holds the secret; never keep it
    return copy


OPENING_MARKS = "“\"‘'"
CLOSING_MARKS = "”\"’'"


def _mark_quotes(tokens: list[Token], quotes: Sequence[QuoteMark], context: _Context) -> None:
    """Wrap each confirmed quote's first appearance in `<q>`, linked to its speaker.

    Also note, for each quote found, the spoiler it sits in: a quote from inside a spoiler must
    stay off every page but its article, so the caller needs to know.
    """
    # A quote that runs over several paragraphs is found, and marked, by its first paragraph.
    pending = {_first_part(quote.words): quote for quote in quotes if quote.words.strip()}
    sections: list[str] = []
    for token in tokens:
        if token.type == "spoiler_section_open":
            sections.append(token.attrs["data-spoiler"])
        elif token.type == "spoiler_section_close" and sections:
            sections.pop()
        elif token.type == "inline" and token.children and pending:
            token.children = _mark_quotes_inline(token.children, pending, sections[-1] if sections else "", context)


def _first_part(words: str) -> str:
    return words.strip().split("\n\n", 1)[0].strip()


def _mark_quotes_inline(
    children: list[Token], pending: dict[str, QuoteMark], section_scope: str, context: _Context
) -> list[Token]:
    result: list[Token] = []
    inline_scopes: list[str] = []
    for child in children:
        if child.type == "spoiler_inline_open":
            inline_scopes.append(str(child.attrs.get("data-spoiler", UNSCOPED)))
        elif child.type == "spoiler_inline_close" and inline_scopes:
            inline_scopes.pop()
        if child.type != "text" or not pending:
            result.append(child)
            continue
        scope = inline_scopes[-1] if inline_scopes else section_scope
        result.extend(_split_on_quotes(child, pending, scope, context))
    return result


def _split_on_quotes(text: Token, pending: dict[str, QuoteMark], scope: str, context: _Context) -> list[Token]:
    content = text.content
    for words, quote in list(pending.items()):
        at = content.find(words)
        if at == -1:
            continue
        del pending[words]
        context.quote_scopes[quote.words] = scope
        before, after = content[:at], content[at + len(words) :]
        # Keep a trailing comma or full stop the writer put inside the marks with the words.
        tail = ""
        while after and after[0] in ",.;:!?" and len(after) > 1 and after[1] in CLOSING_MARKS:
            tail, after = tail + after[0], after[1:]
        if before.endswith(tuple(OPENING_MARKS)) and after.startswith(tuple(CLOSING_MARKS)):
            before, after = before[:-1], after[1:]
        marked = [
            Token(
                "link_open",
                "a",
                1,
                attrs={"href": quote.speaker_url, "class": "quote-link", "title": quote.speaker_name},
            ),
            Token("quote_open", "q", 1, attrs={"class": "quote", "cite": quote.speaker_url}),
            Token("text", "", 0, content=words + tail),
            Token("quote_close", "q", -1),
            Token("link_close", "a", -1),
        ]
        head = Token("text", "", 0, content=before)
        rest = _split_on_quotes(Token("text", "", 0, content=after), pending, scope, context)
        return [head, *marked, *rest]
    return [text]


def _spoiler_texts(tokens: list[Token]) -> list[str]:
    """The words inside each spoiler section and inline spoiler, as plain text."""
    texts: list[str] = []
    section: list[str] | None = None
    depth = 0
    for token in tokens:
        if token.type == "spoiler_section_open":
            depth += 1
            section = [] if depth == 1 else section
        elif token.type == "spoiler_section_close":
            depth -= 1
            if depth == 0 and section is not None:
                texts.append(" ".join(section))
                section = None
        elif token.type == "inline":
            if section is not None:
                section.append(_plain_inline(token))
            inline: list[str] | None = None
            for child in token.children or []:
                if child.type == "spoiler_inline_open":
                    inline = []
                elif child.type == "spoiler_inline_close" and inline is not None:
                    texts.append("".join(inline))
                    inline = None
                elif inline is not None and child.type in {"text", "code_inline"}:
                    inline.append(child.content)
    return texts


def _add_reveal_controls(tokens: list[Token]) -> None:
    """Put every spoiler behind a control that works without JavaScript.

    A block becomes `<details>` with a labelled `<summary>`; an inline span gets a checkbox and
    label, hidden until checked by the site's stylesheet. Both keep the secret out of the
    accessibility tree until the reader asks, and both can be closed again.
    """
    counter = itertools.count(1)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "spoiler_section_open":
            label = token.meta["placeholder"].replace(" hidden.", "").replace("Spoiler for", "Reveal spoiler for")
            if label == "Spoiler":
                label = "Reveal spoiler"
            token.type, token.tag = "spoiler_details_open", "details"
            summary = [
                Token("summary_open", "summary", 1, attrs={"class": "spoiler-reveal"}, block=True),
                Token("inline", "", 0, children=[Token("text", "", 0, content=label)], content=label),
                Token("summary_close", "summary", -1, block=True),
                Token("content_open", "div", 1, attrs={"class": "spoiler-content"}, block=True),
            ]
            tokens[index + 1 : index + 1] = summary
            index += len(summary)
        elif token.type == "spoiler_section_close":
            token.type, token.tag = "spoiler_details_close", "details"
            tokens.insert(index, Token("content_close", "div", -1, block=True))
            index += 1
        elif token.type == "inline" and token.children:
            token.children = _inline_reveal(token.children, counter)
        index += 1


def _inline_reveal(children: list[Token], counter: Iterator[int]) -> list[Token]:
    result: list[Token] = []
    for child in children:
        result.append(child)
        if child.type == "spoiler_inline_open":
            number = next(counter)
            scope = str(child.attrs.get("data-spoiler", UNSCOPED))
            code = scope.split(":", 1)[1].upper() if ":" in scope else ""
            label = f"Reveal spoiler for {code}" if code else "Reveal spoiler"
            result += [
                Token(
                    "input",
                    "input",
                    0,
                    attrs={"type": "checkbox", "id": f"spoiler-{number}", "class": "spoiler-toggle"},
                ),
                Token("label_open", "label", 1, attrs={"for": f"spoiler-{number}", "class": "spoiler-reveal"}),
                Token("text", "", 0, content=label),
                Token("label_close", "label", -1),
                Token("content_open", "span", 1, attrs={"class": "spoiler-content"}),
            ]
        elif child.type == "spoiler_inline_close":
            result.insert(len(result) - 1, Token("content_close", "span", -1))
    return result


# --- Output -------------------------------------------------------------------------------------


def _plain_inline(inline: Token) -> str:
    """The words of one inline token as a reader would see them."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.meta.get("placeholder"):
            continue  # "Spoiler for S1E10 hidden." is page furniture, not an excerpt
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.meta.get("qa_speaker"):
            parts.append(":")
    return "".join(parts)


def _plain_text(tokens: list[Token]) -> str:
    """All visible words of a token stream, block by block, with no markup."""
    blocks: list[str] = []
    for token in tokens:
        if token.type == "inline":
            blocks.append(_plain_inline(token))
        elif token.type in {"fence", "code_block"}:
            blocks.append(token.content)
    return " ".join(" ".join(blocks).split())


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """About `limit` characters, cut at a word boundary so listings never show half a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:—–-") + "…"


def _is_own_file(url: str) -> bool:
    url = url.strip()
    return url.startswith(MEDIA_PREFIX) and "//" not in url and "\\" not in url and ".." not in url


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Drop attribute values the allow-list cannot judge by name alone.

    The one input the body may hold is the spoiler toggle's checkbox, and images may only load
    our own files (relative /media/ paths), whatever a plugin or a future change emits.
    """
    if element == "input" and attribute == "type" and value != "checkbox":
        return None
    if element == "img" and attribute == "src" and not _is_own_file(value):
        return None
    if element in {"img", "source"} and attribute == "srcset":
        candidates = [part.strip().split()[0] for part in value.split(",") if part.strip()]
        if not candidates or not all(_is_own_file(url) for url in candidates):
            return None
    if element == "source" and attribute == "type" and value not in {"image/webp", "image/jpeg", "image/png"}:
        return None
    return value


_sanitize: Callable[[str], str] = functools.partial(
    nh3.clean,
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=URL_SCHEMES,
    attribute_filter=_filter_attribute,
)
"""The last word on what HTML leaves the pipeline, whatever the parser or a plugin emitted."""
