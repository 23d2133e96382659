"""Per-reader views of a stored body: open what the reader has watched, keep the rest hidden.

The stored full HTML has every spoiler behind a reveal. A reader who said how far they have
watched, or a feed that asked for a scope, gets the same HTML with the covered spoilers opened
(on a page) or unwrapped (in a feed) and the others closed or replaced by a placeholder. This
walks the sanitized HTML the pipeline produced; it never parses Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from html.parser import HTMLParser

__all__ = ["link_placeholders", "open_covered", "unwrap_for_feed"]

# Every HTML void element: one missing here would leave its tag on the stack and shift every
# later spoiler's action onto the wrong element.
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
IsCovered = Callable[[str], bool]


def open_covered(html: str, is_covered: IsCovered) -> str:
    """The page view: covered spoiler sections start open and covered inline spoilers checked.

    Nothing is removed, so the reader can still hide an opened spoiler again.
    """
    rewriter = _Rewriter(is_covered, feed_link=None)
    rewriter.feed(html)
    rewriter.close()
    return rewriter.output()


def unwrap_for_feed(html: str, is_covered: IsCovered, *, link: str) -> str:
    """The feed view: covered spoilers appear as ordinary text, others as a placeholder linking
    to the article, because feed readers run no scripts and support no `<details>` reliably."""
    rewriter = _Rewriter(is_covered, feed_link=link)
    rewriter.feed(html)
    rewriter.close()
    return rewriter.output()


def link_placeholders(safe_html: str, *, link: str) -> str:
    """Make the placeholders of the spoiler-safe HTML point at the article, for feeds."""
    if "spoiler-placeholder" not in safe_html:
        return safe_html  # nothing to link; most articles have no spoiler, and parsing is a feed's main cost
    rewriter = _Rewriter(lambda scope: False, feed_link=link, placeholders_only=True)
    rewriter.feed(safe_html)
    rewriter.close()
    return rewriter.output()


def _code(scope_attr: str) -> str:
    return scope_attr.split(":", 1)[1].upper() if ":" in scope_attr else ""


class _Rewriter(HTMLParser):
    """Rebuilds the HTML, tracking which spoiler element each tag sits in.

    Each open element has an action: "write" (copy it), "covered" (a spoiler the reader may see),
    "closed" (on a page, a spoiler the reader may not see: copied as it is), "drop" (write
    nothing inside), "unwrap" (write the content without the tag) or "link" (a placeholder
    wrapped in a link to the article).
    """

    def __init__(self, is_covered: IsCovered, *, feed_link: str | None, placeholders_only: bool = False):
        super().__init__(convert_charrefs=True)
        self.is_covered = is_covered
        self.feed_link = feed_link
        self.placeholders_only = placeholders_only
        self.parts: list[str] = []
        self.stack: list[tuple[str, str]] = []

    def output(self) -> str:
        return "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        void = tag in VOID_TAGS
        actions = [action for _, action in self.stack]
        if "drop" in actions:
            if not void:
                self.stack.append((tag, "drop"))
            return
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        in_feed = self.feed_link is not None
        if "spoiler" in classes and "data-spoiler" in attributes and not self.placeholders_only:
            self._spoiler(tag, attrs, attributes.get("data-spoiler") or "")
            return
        if in_feed and "spoiler-placeholder" in classes:
            self._write_start(tag, attrs)
            self.parts.append(f'<a href="{escape(self.feed_link)}">')
            self.stack.append((tag, "link"))
            return
        # Only the innermost spoiler decides: a spoiler nested in a covered one keeps its own scope.
        innermost = next((action for action in reversed(actions) if action in {"covered", "closed"}), None)
        if innermost == "covered":
            if in_feed and tag in {"summary", "label", "input"}:
                if not void:
                    self.stack.append((tag, "drop"))
                return
            if in_feed and "spoiler-content" in classes:
                self.stack.append((tag, "unwrap"))
                return
            if not in_feed and tag == "input":
                attrs = [*attrs, ("checked", None)]
        self._write_start(tag, attrs)
        if not void:
            self.stack.append((tag, "write"))

    def _spoiler(self, tag: str, attrs: list[tuple[str, str | None]], scope: str) -> None:
        covered = self.is_covered(scope)
        if self.feed_link is None:
            self._write_start(tag, [*attrs, ("open", None)] if covered and tag == "details" else attrs)
            self.stack.append((tag, "covered" if covered else "closed"))
            return
        if covered:
            self.stack.append((tag, "covered"))
            return
        code = _code(scope)
        text = f"Spoiler for {code} hidden" if code else "Spoiler hidden"
        link = f'<a href="{escape(self.feed_link)}">{escape(text)}: read it on the site.</a>'
        wrapper = "span" if tag == "span" else "p"
        self.parts.append(f'<{wrapper} class="spoiler-placeholder">{link}</{wrapper}>')
        self.stack.append((tag, "drop"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not self.stack:
            return
        open_tag, action = self.stack.pop()
        if action == "link":
            self.parts.append(f"</a></{open_tag}>")
        elif action in {"write", "closed"} or (action == "covered" and self.feed_link is None):
            self.parts.append(f"</{open_tag}>")

    def handle_data(self, data: str) -> None:
        if not any(action == "drop" for _, action in self.stack):
            self.parts.append(escape(data, quote=False))

    def _write_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rendered = "".join(f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in attrs)
        self.parts.append(f"<{tag}{rendered}>")
