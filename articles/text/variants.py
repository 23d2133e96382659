"""The stored variants of a body, built from tokens that carry their spoiler chains.

Both variants walk the same tree. Where a run of sibling blocks (or inline pieces) sits deeper
in spoilers than its parent, the run is one spoiler: the full variant wraps it in a reveal
control, the safe variant replaces it with a placeholder and drops every token inside. Runs are
found inside each container that may hold them (the document, a list item, a block quote, a
footnote), so a spoiler that crosses list items becomes one control per item, each with the
spoiler's scope, and the HTML stays well formed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from .spoilers import UNSCOPED, Chain, Spoiler, chain_of, union_attr

__all__ = ["full_variant", "quote_scopes", "safe_variant", "spoiler_texts", "variants"]

# Containers whose children are blocks a reveal control may wrap.
FLOW_CONTAINERS = {"blockquote_open", "list_item_open", "footnote_open", "qa_turn_open"}
# Inline containers whose opening tag carries what the writer typed (an address, a title).
ATTRIBUTE_CONTAINERS = {"link_open"}
SKIPPED = {"spoiler_marker", "spoiler_mark"}
WORD_RE = re.compile(r"\w+")


@dataclass
class _Node:
    token: Token
    children: list[_Node] = field(default_factory=list)
    close: Token | None = None
    chain: Chain = ()

    @property
    def skipped(self) -> bool:
        return self.token.type in SKIPPED


def _tree(tokens: Sequence[Token]) -> list[_Node]:
    """Nest a flat stream by its opening and closing tokens; each node gets the chain all of it shares."""
    root: list[_Node] = []
    siblings = [root]
    opened: list[_Node] = []
    for token in tokens:
        if token.nesting == 1:
            node = _Node(token)
            siblings[-1].append(node)
            siblings.append(node.children)
            opened.append(node)
        elif token.nesting == -1 and opened:
            opened.pop().close = token
            siblings.pop()
        else:
            siblings[-1].append(_Node(token))
    for node in root:
        _share(node)
    return root


def _share(node: _Node) -> Chain | None:
    """The longest chain every annotated token of `node` starts with (None: nothing annotated).

    Tokens added after parsing for structure only (a footnote's back-link) carry no chain and do
    not pull their container out of a spoiler.
    """
    chains = [token.meta["chain"] for token in (node.token, node.close) if token is not None and "chain" in token.meta]
    chains += [chain for child in node.children if not child.skipped and (chain := _share(child)) is not None]
    if not chains:
        node.chain = ()
        return None
    shared = chains[0]
    for chain in chains[1:]:
        pairs = zip(shared, chain, strict=False)
        shared = tuple(a for a, _ in itertools.takewhile(lambda pair: pair[0] is pair[1], pairs))
    node.chain = shared
    return shared


class _Builder:
    """Turns the tree back into a token stream, one spoiler run at a time."""

    def __init__(self, *, safe: bool, inline_trees: dict[int, list[_Node]] | None = None) -> None:
        self.safe = safe
        self.toggles = itertools.count(1)
        # An inline token's tree by its id, shared by the builders of one body's variants.
        self.inline_trees = {} if inline_trees is None else inline_trees

    def flow(self, nodes: list[_Node], outer: Chain, *, inline: bool = False) -> list[Token]:
        result: list[Token] = []
        depth = len(outer)
        index = 0
        while index < len(nodes):
            node = nodes[index]
            if node.skipped:
                index += 1
                continue
            if len(node.chain) <= depth:
                result += self.inline_node(node, outer) if inline else self.node(node, outer)
                index += 1
                continue
            spoiler = node.chain[depth]
            end = index
            while end < len(nodes) and (
                nodes[end].skipped or (len(nodes[end].chain) > depth and nodes[end].chain[depth] is spoiler)
            ):
                end += 1
            run, inner = nodes[index:end], (*outer, spoiler)
            if inline:
                result += self.inline_spoiler(spoiler, [] if self.safe else self.flow(run, inner, inline=True))
            else:
                result += self.block_spoiler(spoiler, [] if self.safe else self.flow(run, inner))
            index = end
        return result

    def node(self, node: _Node, outer: Chain) -> list[Token]:
        token = node.token
        if node.close is None:
            if len(chain_of(token)) > len(outer):
                return []  # a leaf deeper than a container that cannot wrap it: ambiguous, so left out
            return [self.inline(token, outer) if token.type == "inline" else token]
        if token.type in FLOW_CONTAINERS:
            children = self.flow(node.children, outer)
        else:
            children = [part for child in node.children if not child.skipped for part in self.node(child, outer)]
        return [token, *children, node.close]

    def inline(self, token: Token, outer: Chain) -> Token:
        tree = self.inline_trees.get(id(token))
        if tree is None:
            tree = self.inline_trees[id(token)] = _tree(token.children or [])
        children = self.flow(tree, outer, inline=True)
        copy = token.copy(children=children)
        copy.content = plain_inline(copy)  # the source text holds every spoiler; never keep it
        return copy

    def inline_node(self, node: _Node, outer: Chain) -> list[Token]:
        token = node.token
        if node.close is None:
            return [token]
        secret_reference = token.meta.get("secret_reference")
        into_spoiler = len(chain_of(node.close)) > len(outer) >= len(chain_of(token))
        if token.type in ATTRIBUTE_CONTAINERS and not secret_reference and into_spoiler:
            moved = self.link_into_spoiler(node, outer)
            if moved is not None:
                return moved
        children = self.flow(node.children, outer, inline=True)
        if token.type in ATTRIBUTE_CONTAINERS:
            # A link opened inside a spoiler, closed inside one, or addressed by a reference
            # defined in one, would carry the spoiler's address or title: its words stay, the
            # link goes.
            deeper = len(chain_of(token)) > len(outer) or len(chain_of(node.close)) > len(outer)
            if deeper or secret_reference:
                return children
            if "||" in str(token.attrs.get("title", "")):
                token = token.copy(attrs={name: value for name, value in token.attrs.items() if name != "title"})
        return [token, *children, node.close]

    def link_into_spoiler(self, node: _Node, outer: Chain) -> list[Token] | None:
        """A link whose text opens a spoiler that is still open at its end: the address is written
        after the opener, so it belongs to the spoiler. The words before the opener stay as text;
        the link, from the opener on, moves inside the spoiler. None when the opener is not
        between the link's own children (it sits inside emphasis, say)."""
        depth = len(outer)
        spoiler = chain_of(node.close)[depth]
        split = next(
            (
                index
                for index, child in enumerate(node.children)
                if len(child.chain) > depth and child.chain[depth] is spoiler
            ),
            None,
        )
        if split is None:
            return None
        moved = _Node(node.token, node.children[split:], node.close, chain=(*outer, spoiler))
        return self.flow(node.children[:split], outer, inline=True) + self.flow([moved], outer, inline=True)

    def block_spoiler(self, spoiler: Spoiler, inner: list[Token]) -> list[Token]:
        if self.safe:
            attrs = {"class": "spoiler-placeholder", "data-spoiler": spoiler.attr}
            return [
                Token("paragraph_open", "p", 1, attrs=attrs, block=True),
                _inline_text(spoiler.placeholder),
                Token("paragraph_close", "p", -1, block=True),
            ]
        return [
            Token("spoiler_open", "details", 1, attrs=_spoiler_attrs(spoiler), block=True),
            Token("summary_open", "summary", 1, attrs={"class": "spoiler-reveal"}, block=True),
            _inline_text(spoiler.reveal_label),
            Token("summary_close", "summary", -1, block=True),
            Token("content_open", "div", 1, attrs={"class": "spoiler-content"}, block=True),
            *inner,
            Token("content_close", "div", -1, block=True),
            Token("spoiler_close", "details", -1, block=True),
        ]

    def inline_spoiler(self, spoiler: Spoiler, inner: list[Token]) -> list[Token]:
        if self.safe:
            return [
                Token("placeholder_open", "span", 1, attrs={"class": "spoiler-placeholder"}),
                Token("text", "", 0, content=spoiler.placeholder, meta={"placeholder": True}),
                Token("placeholder_close", "span", -1),
            ]
        toggle = f"spoiler-{next(self.toggles)}"
        return [
            Token("spoiler_open", "span", 1, attrs=_spoiler_attrs(spoiler)),
            Token("input", "input", 0, attrs={"type": "checkbox", "id": toggle, "class": "spoiler-toggle"}),
            Token("label_open", "label", 1, attrs={"for": toggle, "class": "spoiler-reveal"}),
            Token("text", "", 0, content=spoiler.reveal_label, meta={"placeholder": True}),
            Token("label_close", "label", -1),
            Token("content_open", "span", 1, attrs={"class": "spoiler-content"}),
            *inner,
            Token("content_close", "span", -1),
            Token("spoiler_close", "span", -1),
        ]


def _spoiler_attrs(spoiler: Spoiler) -> dict[str, str | int | float]:
    return {"class": "spoiler", "data-spoiler": spoiler.attr, "data-nosnippet": ""}


def _inline_text(content: str) -> Token:
    """Words the page writes in place of a block spoiler or on its control (the placeholder, the
    reveal label): marked, so that no count of the article's own words includes them. Like every
    inline token of a variant, its content is the article's own words it holds: none."""
    text = Token("text", "", 0, content=content, meta={"placeholder": True})
    return Token("inline", "", 0, children=[text])


def full_variant(tokens: Sequence[Token]) -> list[Token]:
    """Every spoiler behind a control that works without JavaScript: a block as `<details>`, an
    inline spoiler as a checkbox and label. Nested spoilers nest their controls."""
    return _Builder(safe=False).flow(_tree(tokens), ())


def safe_variant(tokens: Sequence[Token]) -> list[Token]:
    """Every spoiler replaced by its placeholder; nothing written inside one survives."""
    return _Builder(safe=True).flow(_tree(tokens), ())


def variants(tokens: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """The full and the safe variant, nesting the stream (and each paragraph) once for both."""
    tree, inline_trees = _tree(tokens), {}
    full = _Builder(safe=False, inline_trees=inline_trees).flow(tree, ())
    return full, _Builder(safe=True, inline_trees=inline_trees).flow(tree, ())


# --- What else the chains tell ------------------------------------------------------------------


def plain_inline(inline: Token) -> str:
    """The words of one inline token as a reader would see them, without page furniture."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.meta.get("placeholder") or child.type in SKIPPED:
            continue
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.meta.get("qa_speaker"):
            parts.append(":")
    return "".join(parts)


def _pieces(tokens: Sequence[Token]) -> Iterator[tuple[str, Chain]]:
    """Every run of written text in the parsed tokens with its chain, block by block (code included)."""
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in {"text", "code_inline"}:
                    yield child.content, chain_of(child)
                elif child.type in {"softbreak", "hardbreak"}:
                    yield " ", chain_of(child)
            yield "\n", ()
        elif token.type in {"fence", "code_block"}:
            yield token.content, chain_of(token)
            yield "\n", ()


def spoiler_texts(tokens: Sequence[Token]) -> list[str]:
    """The words inside each spoiler, for the lint that checks never-spoil fields against them."""
    texts: dict[int, list[str]] = {}
    last_block: dict[int, int] = {}
    block = 0
    for text, chain in _pieces(tokens):
        if text == "\n":
            block += 1
        for spoiler in chain:
            parts = texts.setdefault(spoiler.number, [])
            if last_block.setdefault(spoiler.number, block) != block:
                parts.append(" ")  # blocks are separate words
                last_block[spoiler.number] = block
            parts.append(text)
    return [" ".join("".join(parts).split()) for parts in texts.values()]


@dataclass
class _Paragraph:
    """One block's words, lower-cased, with the chain of each word."""

    words: list[str]
    chains: list[Chain]


def _paragraphs(tokens: Sequence[Token]) -> list[_Paragraph]:
    paragraphs, words, chains = [], [], []
    for text, chain in _pieces(tokens):
        if text == "\n":
            if words:
                paragraphs.append(_Paragraph(words, chains))
            words, chains = [], []
            continue
        for word in WORD_RE.findall(text.casefold()):
            words.append(word)
            chains.append(chain)
    return paragraphs


def quote_scopes(tokens: Sequence[Token], quotes: Sequence[str], inline_scope_re: re.Pattern) -> dict[str, str]:
    """For each quote, the `data-spoiler` value of every spoiler its words touch.

    Words are compared as a reader reads them (case, punctuation and markup aside), over every
    paragraph the quote spans and every place it appears. A quote that cannot be found is
    "unscoped": nothing shows it was written outside the spoilers. Each quote is looked up from
    its rarest word, so a long body with thousands of quotes costs about one pass per quote's
    own appearances, not one pass over the body per quote.
    """
    paragraphs = _paragraphs(tokens)
    index: dict[str, list[tuple[int, int]]] = {}
    for number, paragraph in enumerate(paragraphs):
        for position, word in enumerate(paragraph.words):
            index.setdefault(word, []).append((number, position))
    scopes: dict[str, str] = {}
    for words in dict.fromkeys(quotes):
        written = re.sub(r"\|\|" + inline_scope_re.pattern, " ", words)
        touched: set[Spoiler] = set()
        found = True
        for part in re.split(r"\n\s*\n", written):
            target = WORD_RE.findall(part.casefold())
            if target and not _touch(paragraphs, index, target, touched):
                found = False
                break
        scopes[words] = union_attr(touched) if found else UNSCOPED
    return scopes


def _touch(
    paragraphs: list[_Paragraph], index: dict[str, list[tuple[int, int]]], target: list[str], touched: set[Spoiler]
) -> bool:
    """Add the spoilers of every place the words of `target` appear in a row; say whether they do."""
    anchor = min(range(len(target)), key=lambda at: len(index.get(target[at], ())))
    seen = False
    for number, position in index.get(target[anchor], ()):
        start = position - anchor
        paragraph = paragraphs[number]
        if start >= 0 and paragraph.words[start : start + len(target)] == target:
            seen = True
            for chain in paragraph.chains[start : start + len(target)]:
                touched.update(chain)
    return seen
