"""Markdown body → stored variants: full HTML, spoiler-safe HTML and a plain excerpt.

Rendering happens once, when an article is saved, so page views never parse Markdown. The
variants come from one token stream in which every token knows the spoilers around it
(`spoilers`): the spoiler-safe variants are rendered from a copy in which every spoiler has been
*replaced* by a placeholder (`variants`), so secret text cannot leak through a CSS class, a
forgotten attribute or a template that picks the wrong field. Everything ends in nh3 with an
explicit allow-list, because the Markdown parser is not a sanitizer.
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
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from .scope import Scope
from .spoilers import INLINE_SCOPE_RE, Findings, chain_of
from .spoilers import install as install_spoilers
from .variants import plain_inline, quote_scopes, spoiler_texts, variants

__all__ = ["READING_WPM", "BodyImage", "QuoteMark", "RenderedBody", "image_references", "render_body"]

READING_WPM = 230
EXCERPT_CHARS = 300

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "em", "strong", "a", "blockquote", "q", "ul", "ol", "li", "code", "pre",
    "hr", "br", "figure", "figcaption", "dl", "dt", "dd", "div", "span", "section", "details", "summary",
    "input", "label", "picture", "source", "img", "table", "thead", "tbody", "tr", "th", "td", "sup",
}  # fmt: skip
SPOILER_ATTRS = {"data-spoiler", "data-nosnippet"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "q": {"cite"},
    "li": {"id"},
    "th": {"style"},
    "td": {"style"},
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
    "a": {"quote-link", "footnote-backref"},
    "sup": {"footnote-ref"},
    "hr": {"footnotes-sep"},
    "ol": {"footnotes-list"},
    "li": {"footnote-item"},
    "q": {"quote"},
    "div": {"qa-turn", "qa-question", "spoiler-content"},
    "p": {"spoiler-placeholder"},
    "section": {"footnotes"},
    "details": {"spoiler"},
    "summary": {"spoiler-reveal"},
    "input": {"spoiler-toggle"},
    "label": {"spoiler-reveal"},
    "span": {"spoiler", "spoiler-placeholder", "spoiler-content", "credit"},
    "strong": {"qa-speaker"},
    "figure": {"body-image"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Footnote anchors and the spoiler toggles are the only ids the body may carry.
BODY_ID_RE = re.compile(r"spoiler-[0-9]+|fn[0-9]+|fnref[0-9]+(?::[0-9]+)?")

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
    # How many spoilers the body has, scoped or not.
    spoiler_count: int = 0


@dataclass
class _Context:
    """Per-render settings and findings, passed through the token passes instead of globals."""

    findings: Findings
    speaker_urls: dict[str, str]

    @property
    def warnings(self) -> list[str]:
        return self.findings.warnings


def render_body(
    source: str,
    *,
    default_scope: Scope | None = None,
    speaker_urls: Mapping[str, str] | None = None,
    season_lengths: Mapping[int, int] | None = None,
    quotes: Sequence[QuoteMark] = (),
    images: Mapping[int, BodyImage] | None = None,
    locate: Sequence[str] = (),
) -> RenderedBody:
    """Render a Markdown body into every stored variant in one pass.

    `default_scope` is the article's own spoiler scope, used by markers that name no episode;
    `speaker_urls` maps Q&A labels (any case) to the speaker's page; `season_lengths` lets
    "finale" resolve to a real episode; `quotes` are confirmed quotes to render as `<q>` linked
    to their speaker; `images` maps library image ids to what `![alt](image:ID)` shows;
    `locate` are further quotes (as written) whose spoiler scope the caller needs.
    """
    findings = Findings(default_scope=default_scope, season_lengths=season_lengths)
    context = _Context(
        findings=findings,
        speaker_urls={" ".join(name.split()).casefold(): url for name, url in (speaker_urls or {}).items()},
    )
    md = _parser()
    env = {"findings": findings}
    tokens = md.parse(source or "", env)
    _demote_headings(tokens)
    _mark_qa_turns(tokens, context)
    tokens = _place_images(tokens, images or {}, context)
    _mark_quotes(tokens, quotes)

    full_tokens, safe_tokens = variants(tokens)
    full_words = len(_plain_text(full_tokens).split())
    return RenderedBody(
        full_html=_sanitize(md.renderer.render(full_tokens, md.options, env)),
        safe_html=_sanitize(md.renderer.render(safe_tokens, md.options, env)),
        plain=_excerpt(_plain_text(safe_tokens)),
        safe_text=_plain_text(safe_tokens),
        scopes=sorted(findings.scopes),
        warnings=list(dict.fromkeys(context.warnings)),
        reading_minutes=max(1, (full_words + READING_WPM // 2) // READING_WPM),
        quote_scopes=quote_scopes(tokens, [*(quote.words for quote in quotes), *locate], INLINE_SCOPE_RE),
        spoiler_texts=spoiler_texts(tokens),
        spoiler_count=findings.spoiler_count,
    )


# --- Parser -------------------------------------------------------------------------------------


@functools.cache
def _parser() -> MarkdownIt:
    """Build the parser once: CommonMark with pipe tables and footnotes, raw HTML off so pasted
    markup shows as text, link labels kept so a link knows which reference it used."""
    md = MarkdownIt("commonmark", {"html": False, "store_labels": True}).enable("table")
    md.use(footnote_plugin, inline=False)
    install_spoilers(md)
    return md


# --- Token passes -------------------------------------------------------------------------------


def _demote_headings(tokens: list[Token]) -> None:
    """The page owns the h1 (the headline): `#` and `##` both become h2, deeper levels stop at h4,
    and no heading is more than one level below the one before it.

    Writers paste subheads as `##` expecting the section level under the headline, and a lone
    `#` is the same intent; shifting every level down would skip h2 and break the outline. A body
    that opens with `###`, or goes from `##` to `####`, would skip a level too, which screen
    readers' heading lists show as a gap: such a heading takes the next level down instead.
    """
    above = 1  # the headline
    for token in tokens:
        if token.type == "heading_open":
            level = min(max(int(token.tag[1]), 2), 4, above + 1)
            token.tag = f"h{level}"
            above = level
        elif token.type == "heading_close":
            token.tag = f"h{above}"


def _paragraphs(tokens: list[Token]) -> Iterator[int]:
    """Indices of paragraph_open tokens at the top level (spoiler markers add no level).

    Q&A turns are whole paragraphs of the article; a list item or a quoted passage that happens
    to start with a capitalised word is not someone answering.
    """
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            yield index


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
            if plain_inline(tokens[index + 1]).rstrip(" \"'”’)").endswith("?"):
                wraps[index] = "qa-turn qa-question"
    for index in sorted(wraps, reverse=True):
        chain = {"chain": chain_of(tokens[index])}
        opening = Token("qa_turn_open", "div", 1, attrs={"class": wraps[index]}, block=True, meta=chain)
        tokens.insert(index + 3, Token("qa_turn_close", "div", -1, block=True, meta=dict(chain)))
        tokens.insert(index, opening)


def _non_empty(inline: Token) -> list[Token]:
    """Inline children without the empty text tokens the parser leaves before emphasis."""
    return [child for child in inline.children or [] if child.type != "text" or child.content]


def _label_paragraph(inline: Token, label: str, context: _Context) -> None:
    """Replace the written label with a `qa-speaker` name, linked when the speaker's page is known."""
    children = _non_empty(inline)
    chain = chain_of(children[0])
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
    label_tokens = [
        Token("strong_open", "strong", 1, attrs={"class": "qa-speaker"}),
        *speaker,
        name_close,
        Token("text", "", 0, content=" "),
    ]
    inline.children = [*_chained(label_tokens, chain), *rest]


def _chained(tokens: list[Token], chain: tuple) -> list[Token]:
    """Tokens made by a pass take the spoilers of the text they stand in for."""
    for token in tokens:
        token.meta["chain"] = chain
    return tokens


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
                    result.extend(_chained(_figure(child, images, context, line), chain_of(child)))
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
    children = [child for child in _non_empty(inline) if child.type not in {"softbreak", "hardbreak", "spoiler_mark"}]
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
    if image_token.meta.get("secret_reference"):
        return []
    alt = _public_alt(image_token, context, line) or image.alt
    caption = str(image_token.attrs.get("title") or "")
    if "||" in caption:
        context.warnings.append(
            f"The caption of the image on line {line} has '||' in it; a caption cannot hold a spoiler, so the "
            "library caption is shown instead."
        )
        caption = ""
    caption = caption or image.caption
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


def _public_alt(image_token: Token, context: _Context, line: object) -> str:
    """The alt text without any spoiler written in it: an attribute has no reveal control."""
    own = chain_of(image_token)
    public = [child for child in image_token.children or [] if chain_of(child) == own]
    if any(child.type == "spoiler_mark" for child in image_token.children or []):
        context.warnings.append(
            f"The image on line {line} has a spoiler in its alt text; alt text cannot hide a spoiler, so that part "
            "is left out. Describe the picture without it."
        )
    return " ".join(plain_inline(Token("inline", "", 0, children=public)).split())


OPENING_MARKS = "“\"‘'"
CLOSING_MARKS = "”\"’'"


def _mark_quotes(tokens: list[Token], quotes: Sequence[QuoteMark]) -> None:
    """Wrap each confirmed quote's first appearance in `<q>`, linked to its speaker.

    A quote that runs over several paragraphs is found, and marked, by its first paragraph; the
    marks take the spoilers of the words they wrap.
    """
    pending = {_first_part(quote.words): quote for quote in quotes if quote.words.strip()}
    for token in tokens:
        if not pending:
            return
        if token.type == "inline" and token.children:
            token.children = _quotes_outside_links(token.children, pending)


def _quotes_outside_links(children: list[Token], pending: dict[str, QuoteMark]) -> list[Token]:
    """Mark quotes in the text of a paragraph, but not inside a link's text: a link in a link is
    not HTML, and the browser (or the sanitizer) would pull the words out of their spoiler."""
    result: list[Token] = []
    in_link = 0
    for child in children:
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link = max(in_link - 1, 0)
        result += _split_on_quotes(child, pending) if child.type == "text" and not in_link else [child]
    return result


def _first_part(words: str) -> str:
    return words.strip().split("\n\n", 1)[0].strip()


def _split_on_quotes(text: Token, pending: dict[str, QuoteMark]) -> list[Token]:
    content = text.content
    for words, quote in list(pending.items()):
        at = content.find(words)
        if at == -1:
            continue
        del pending[words]
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
        rest = _split_on_quotes(Token("text", "", 0, content=after, meta=dict(text.meta)), pending)
        return _chained([head, *marked], chain_of(text)) + rest
    return [text]


# --- Output -------------------------------------------------------------------------------------


def _plain_text(tokens: list[Token]) -> str:
    """All visible words of a token stream, block by block, with no markup."""
    blocks: list[str] = []
    for token in tokens:
        if token.type == "inline":
            blocks.append(plain_inline(token))
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
    if attribute == "id" and not BODY_ID_RE.fullmatch(value):
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
    filter_style_properties={"text-align"},
)
"""The last word on what HTML leaves the pipeline, whatever the parser or a plugin emitted."""
