"""The body-text pipeline: pure functions from Markdown source to stored variants, no database.

Nothing outside this package knows how a spoiler is marked up; callers use `render_body` and the
scope helpers re-exported here.
"""

from .render import QuoteMark, RenderedBody, render_body
from .scope import Scope, ScopeError, covers, parse_scope

__all__ = ["QuoteMark", "RenderedBody", "Scope", "ScopeError", "covers", "parse_scope", "render_body"]
