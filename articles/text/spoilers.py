"""Where spoilers begin and end in a parsed body: the markers, and the chain of spoilers around each token.

Visibility is decided on the parsed tree by one rule. Every token (block or inline, and every
attribute it carries) belongs to the chain of spoilers that enclose it, outermost first. Block
markers (`::: spoiler S1E5` … `:::`) are single lines that may sit at any level of lists and
block quotes, so they enclose by document order, not by Markdown structure: a spoiler opened in
one list item and closed three items later covers everything between, and one never closed runs
to the end of the document. Inline markers (`||…||`) enclose within their paragraph. Anything
ambiguous (a misspelt opener, a stray closer, a `||` in a table row, a link whose reference is
defined inside a spoiler) is treated as a spoiler, never as public text.

A reader may see a token only when their progress covers every spoiler in its chain; the
renderer turns chains into reveal controls and placeholders, and into the quote scopes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .scope import Scope, ScopeError, parse_scope

__all__ = ["UNSCOPED", "Chain", "Findings", "Spoiler", "chain_of", "install", "union_attr"]

UNSCOPED = "unscoped"
SPOILER_WORDS = {"spoiler", "spoilers"}
# A block marker: three or more colons, then an opener's words or nothing (a closer).
BLOCK_MARKER_RE = re.compile(r":{3,}(?P<params>.*)")
# `||S1E5: text||` gives an inline spoiler its own scope.
INLINE_SCOPE_RE = re.compile(r"\s*(?P<scope>(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[Ss]\d+(?:[Ee]\d+)?):\s+")
INLINE_MARK = "||"
# Spoilers nest this deep at most; an opener past it makes the innermost spoiler unscoped instead,
# so a body of ten thousand openers costs no more than one of eight and still hides everything.
MAX_DEPTH = 8
FINALE_RE = re.compile(r"\bfinale\b", re.IGNORECASE)
# A first word that is itself a scope: "S1E5", "s2", "the-show:s1e3".
SCOPE_WORD_RE = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[Ss]\d+(?:[Ee]\d+)?", re.IGNORECASE)
# A table's delimiter row (`| --- | :-: |`): a paragraph holding one was meant as a table.
DELIMITER_ROW_RE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")


@dataclass(frozen=True, eq=False)
class Spoiler:
    """One spoiler as written: its scope (None: covered by no reader) and what stands in for it."""

    number: int
    scope: Scope | None
    inline: bool

    @property
    def attr(self) -> str:
        """The `data-spoiler` value: the scope's attribute, or "unscoped"."""
        return (self.scope.attr if self.scope else "") or UNSCOPED

    @property
    def placeholder(self) -> str:
        if self.inline:
            return "[spoiler]"
        return f"Spoiler for {self.scope.label} hidden." if self.scope else "Spoiler hidden."

    @property
    def reveal_label(self) -> str:
        code = self.scope.code if self.scope else ""
        return f"Reveal spoiler for {code}" if code else "Reveal spoiler"


Chain = tuple[Spoiler, ...]


@dataclass
class Findings:
    """Per-render settings in; the scopes, warnings and number of spoilers out. Travels in the parser's `env`."""

    default_scope: Scope | None = None
    season_lengths: Mapping[int, int] | None = None
    scopes: set[Scope] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    spoiler_count: int = 0  # also the last spoiler's number

    def spoiler(self, scope_text: str | None, where: str, *, inline: bool) -> Spoiler:
        return Spoiler(self._next_number(), self._resolve(scope_text, where), inline)

    def unscoped(self, *, inline: bool) -> Spoiler:
        """A spoiler for text whose status is ambiguous: no reader's progress covers it."""
        return Spoiler(self._next_number(), None, inline)

    def _next_number(self) -> int:
        self.spoiler_count += 1
        return self.spoiler_count

    def _resolve(self, text: str | None, where: str) -> Scope | None:
        default_work = self.default_scope.work if self.default_scope else None
        if not text or not text.strip():
            if self.default_scope is None:
                self.warnings.append(
                    f"{where} names no episode and the article has no spoiler scope, so it is hidden from every "
                    "reader; write e.g. '::: spoiler S1E5' or '||S1E5: …||'."
                )
            else:
                self.scopes.add(self.default_scope)
            return self.default_scope
        try:
            scope = parse_scope(text, default_work, season_lengths=self.season_lengths)
            if scope.work != default_work and FINALE_RE.search(text):
                # The season lengths are the article's own work's; another work's finale is unknown.
                raise ScopeError(f"“{text.strip()}” names another work's finale; write its episode, e.g. S1E8.")
        except ScopeError as error:
            self.warnings.append(f"{where}: {error} It is hidden from every reader until fixed.")
            return None
        self.scopes.add(scope)
        return scope


def install(md: MarkdownIt) -> None:
    """Teach a parser the spoiler markers and the pass that gives every token its chain.

    The chain pass runs right after inline parsing, before any rule that moves tokens (footnotes
    are gathered at the end of the document), so each token's chain is where it was written.
    """
    md.block.ruler.before(
        "fence", "spoiler_marker", _block_marker, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.inline.add_terminator_char("|")
    md.inline.ruler.before("emphasis", "spoiler_mark", _inline_mark)
    md.core.ruler.after("inline", "spoiler_chains", _give_chains)
    _mark_tables_with_pipes(md)


def chain_of(token: Token) -> Chain:
    return token.meta.get("chain", ())


def union_attr(spoilers: set[Spoiler]) -> str:
    """One `data-spoiler` value that covers text from all of `spoilers`, for a quote spanning them.

    Scopes of one work order by viewing position, so the furthest covers the rest; spoilers of
    several works, or any unscoped one, cannot be covered by one reader's progress in one work.
    """
    if not spoilers:
        return ""
    scopes = [spoiler.scope for spoiler in spoilers]
    if any(scope is None for scope in scopes) or len({scope.work for scope in scopes}) > 1:
        return UNSCOPED
    return max(scopes).attr or UNSCOPED


# --- Parser rules -------------------------------------------------------------------------------


def _block_marker(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A `:::` line: an opener when words follow the colons, a closer when none do."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    match = BLOCK_MARKER_RE.fullmatch(state.src[start : state.eMarks[start_line]])
    if match is None:
        return False
    if silent:
        return True
    token = state.push("spoiler_marker", "", 0)
    token.map = [start_line, start_line + 1]
    token.meta = {"params": match["params"].strip()}
    state.line = start_line + 1
    return True


def _inline_mark(state: StateInline, silent: bool) -> bool:
    """A `||`: whether it opens or closes is decided later, from what surrounds it."""
    start = state.pos
    if not state.src.startswith(INLINE_MARK, start) or start + 2 > state.posMax:
        return False
    end = start + 2
    scope = INLINE_SCOPE_RE.match(state.src, end, state.posMax)
    if not silent:
        before = state.src[start - 1] if start > 0 else " "
        after = state.src[end] if end < state.posMax else " "
        token = state.push("spoiler_mark", "", 0)
        token.meta = {
            "scope": scope["scope"] if scope else None,
            "can_open": scope is not None or not after.isspace(),
            "can_close": scope is None and not before.isspace(),
        }
    state.pos = scope.end() if scope else end
    return True


def _mark_tables_with_pipes(md: MarkdownIt) -> None:
    """Flag tables whose rows hold `||`: the table splits cells at every `|`, so an inline spoiler
    written in a cell is torn apart and its words would land in public cells."""
    ruler = md.block.ruler
    original = ruler.__rules__[ruler.__find__("table")].fn

    def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        first = len(state.tokens)
        matched = original(state, start_line, end_line, silent)
        if matched and not silent:
            opening = state.tokens[first]
            lines = state.src.split("\n")[start_line : state.line]
            opening.meta["pipes"] = any(INLINE_MARK in line for line in lines)
        return matched

    ruler.at("table", table, {"alt": ["paragraph", "reference"]})


# --- The chain pass -----------------------------------------------------------------------------


def _give_chains(state: StateCore) -> None:
    findings: Findings = state.env.setdefault("findings", Findings())
    timeline = _block_chains(state.tokens, findings)
    references = _reference_chains(state.env.get("references", {}), timeline)
    for token in state.tokens:
        if token.type == "inline":
            line = token.map[0] + 1 if token.map else "?"
            _inline_chains(token.children or [], chain_of(token), findings, line)
            _check_references(token.children or [], references, findings, line)


class _Stack(list):
    """The open spoilers, innermost last, never deeper than MAX_DEPTH (see there)."""

    def __init__(self, findings: Findings, *, inline: bool) -> None:
        super().__init__()
        self.findings, self.inline, self.overflow = findings, inline, 0

    def append(self, spoiler: Spoiler) -> None:
        if len(self) < MAX_DEPTH:
            super().append(spoiler)
            return
        if not self.overflow:
            self.findings.warnings.append(
                f"Spoilers are nested more than {MAX_DEPTH} deep; the deepest are hidden from every reader."
            )
        self.overflow += 1
        self[-1] = self.findings.unscoped(inline=self.inline)

    def close(self) -> None:
        """Close the innermost spoiler, or one of the openers past MAX_DEPTH that replaced it."""
        if self.overflow:
            self.overflow -= 1
        else:
            self.pop()


def _block_chains(tokens: list[Token], findings: Findings) -> list[tuple[int, Chain]]:
    """Give each block token its chain; return the chain in force from each marker's line on."""
    stack = _Stack(findings, inline=False)
    timeline: list[tuple[int, Chain]] = [(0, ())]
    table_spoiler: Spoiler | None = None
    opened_on: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if token.type == "spoiler_marker":
            line = token.map[0] + 1
            _block_marker_effect(token.meta["params"], stack, findings, line)
            if stack and stack[-1].number not in opened_on:
                opened_on[stack[-1].number] = line
            timeline.append((token.map[1], tuple(stack)))
            continue
        warning = _table_warning(token, tokens[index + 1] if index + 1 < len(tokens) else None)
        if warning:
            findings.warnings.append(warning)
            table_spoiler = findings.unscoped(inline=False)
            stack.append(table_spoiler)
        token.meta["chain"] = tuple(stack)
        if token.type in {"table_close", "paragraph_close"} and table_spoiler is not None:
            stack.close()  # no marker can sit inside a table, so its spoiler is still innermost
            table_spoiler = None
    for spoiler in stack:
        findings.warnings.append(
            f"The spoiler opened on line {opened_on.get(spoiler.number, '?')} is never closed with ':::', so "
            "everything after it, to the end of the article, is hidden as part of the spoiler. Add a ':::' line "
            "where the spoiler ends."
        )
    return timeline


def _table_warning(token: Token, following: Token | None) -> str | None:
    """Why a table (or lines meant as one) with `||` in its rows is hidden whole; None when it is not."""
    line = token.map[0] + 1 if token.map else "?"
    if token.type == "table_open" and token.meta.get("pipes"):
        return (
            f"The table on line {line} has '||' in it, and a table splits its cells at '|', so the spoiler is "
            "torn apart: the whole table is hidden from every reader. In a cell, write the bars escaped, "
            "'\\|\\|S1E5: …\\|\\|', or put the table inside '::: spoiler S1E5' … ':::'."
        )
    if token.type == "paragraph_open" and following is not None and _torn_table(following):
        return (
            f"The lines from line {line} look like a table, but '||' in a row gives it more cells than its "
            "delimiter row, so it is not read as one: all of it is hidden from every reader. In a cell, write "
            "the bars escaped, '\\|\\|S1E5: …\\|\\|'."
        )
    return None


def _torn_table(inline: Token) -> bool:
    """A paragraph meant as a table whose `||` split its rows into more cells than its delimiter row."""
    if inline.type != "inline" or INLINE_MARK not in inline.content:
        return False
    return any("|" in line and DELIMITER_ROW_RE.fullmatch(line) for line in inline.content.split("\n"))


def _block_marker_effect(params: str, stack: _Stack, findings: Findings, line: int) -> None:
    where = f"The spoiler on line {line}"
    if not params:
        if stack:
            stack.close()
        else:
            findings.warnings.append(f"The ':::' on line {line} closes no spoiler; it is ignored.")
        return
    words = params.split(maxsplit=1)
    if words[0].lower().rstrip(":") in SPOILER_WORDS:
        stack.append(findings.spoiler(words[1] if len(words) > 1 else None, where, inline=False))
        return
    # `::: S1E5` reads as a scope; `::: spolier S1E5` is a spoiler whose scope cannot be trusted.
    findings.warnings.append(
        f"{where} starts with '::: {words[0]}', not '::: spoiler'; it is treated as a spoiler"
        + ("" if SCOPE_WORD_RE.fullmatch(words[0]) else " hidden from every reader")
        + ". Write '::: spoiler S1E5' to say so."
    )
    if SCOPE_WORD_RE.fullmatch(words[0]):
        stack.append(findings.spoiler(params, where, inline=False))
    else:
        stack.append(findings.unscoped(inline=False))


def _inline_chains(children: list[Token], outer: Chain, findings: Findings, line: object) -> None:
    """Pair the `||` marks of one paragraph (heading, cell, alt text) and give each child its chain.

    A mark that can only close, with nothing open, means the opener is missing: everything
    before it in the paragraph is taken as the spoiler. One never closed runs to the paragraph's end.
    """
    where = f"The inline spoiler on line {line}"
    open_ = _Stack(findings, inline=True)
    chains: list[Chain] = []
    missing_opener: Spoiler | None = None
    for child in children:
        if child.type == "spoiler_mark":
            meta = child.meta
            if meta["scope"] is not None or (meta["can_open"] and not meta["can_close"]):
                open_.append(findings.spoiler(meta["scope"], where, inline=True))
            elif open_:
                open_.close()
            elif meta["can_close"] and not meta["can_open"]:
                if missing_opener is None:
                    findings.warnings.append(
                        f"{where} has a closing '||' with no opening one, so the paragraph up to it is hidden as a "
                        "spoiler. Put '||' where the spoiler starts."
                    )
                    missing_opener = findings.unscoped(inline=True)
                depth = len(outer)
                chains = [
                    chain if missing_opener in chain else (*outer, missing_opener, *chain[depth:]) for chain in chains
                ]
            elif meta["can_open"]:
                open_.append(findings.spoiler(None, where, inline=True))
            else:
                # Spaces on both sides and nothing open: "this || that" is an "or", not a spoiler.
                child.type, child.content = "text", INLINE_MARK
        chains.append((*outer, *open_))
    if open_:
        findings.warnings.append(
            f"{where} is never closed with '||', so the rest of its paragraph is hidden. Add '||' where it ends."
        )
    for child, chain in zip(children, chains, strict=True):
        child.meta["chain"] = chain
        if child.type == "image" and child.children:
            _inline_chains(child.children, chain, findings, line)


def _reference_chains(references: Mapping[str, dict], timeline: list[tuple[int, Chain]]) -> dict[str, Chain]:
    """The chain in force where each link reference definition was written."""
    starts = [line for line, _ in timeline]
    chains = {}
    for label, reference in references.items():
        line = (reference.get("map") or [0])[0]
        chains[label] = timeline[bisect.bisect_right(starts, line) - 1][1]
    return chains


def _check_references(children: list[Token], references: Mapping[str, Chain], findings: Findings, line) -> None:
    """A link or image whose reference is defined inside a spoiler that does not enclose it
    would carry the spoiler's address or title out: it loses them."""
    for child in children:
        label = child.meta.get("label")  # only a reference link or image has one
        if label is None:
            continue
        defined_in = references.get(label, ())
        if set(defined_in) <= set(chain_of(child)):
            continue
        child.meta["secret_reference"] = True
        findings.warnings.append(
            f"The link on line {line} uses the reference [{label.lower()}], which is defined inside a spoiler; outside "
            "that spoiler it is shown as plain text. Define the reference outside the spoiler."
        )
