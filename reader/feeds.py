"""RSS 2.0 and Atom feeds.

Titles and summaries are always spoiler-safe. The full text is spoiler-safe too, with each spoiler
replaced by a link to the article, unless the reader asked for a scope: a work feed with
``?through=s1e5`` opens the spoilers up to S1E5, and a work's spoilers feed opens all of its own
(or, with ``?through=``, those up to there). A malformed ``?through=`` is a 400.

Feed readers show the text away from the site, so every link and image in it is made absolute
on the request's scheme and host, after the spoilers are settled.

One feed instance serves every request, from many threads at once, so nothing of a request is
kept on it: ``get_object`` returns a ``FeedRequest`` with the subject, the scope and the host,
and each item travels with it as an ``Entry``.
"""

import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape as escape_html
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, ArticleSpoiler, person_links, published_q
from articles.text import Scope, ScopeError
from articles.text.reveal import link_placeholders, unwrap_for_feed
from cms import links
from people.models import Person, Work
from reader.progress import covered_by, watched_through

FEED_LENGTH = 30


# Characters XML 1.0 cannot carry; a feed with one of them would not be a feed at all.
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    if isinstance(value, str):
        return XML_UNSAFE.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(_xml_safe(item) for item in value)
    return value


class XmlSafe:
    """Drops characters XML cannot hold from everything given to the feed generator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_xml_safe, args), **{key: _xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_xml_safe, args), **{key: _xml_safe(value) for key, value in kwargs.items()})


class RssWithContent(XmlSafe, Rss201rev2Feed):
    """RSS 2.0 with the article text in ``content:encoded``, as feed readers expect."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # RSS readers treat the channel description as HTML; titles and names in it are text.
        self.feed["description"] = escape(self.feed["description"])

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomWithContent(XmlSafe, Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


@dataclass(frozen=True)
class FeedRequest:
    """What one request asked a feed for, returned by ``get_object`` as the feed's ``obj``.

    A feed instance serves every request, from many threads at once: whatever belongs to one
    request (its subject, the reader's ``?through=`` scope, the host links are built on) travels
    in this value, never on the feed.
    """

    absolute_url: Callable[[str], str]
    subject: Any = None  # a kind, a Tag, a Work or a Person
    through: Scope | None = None

    def is_covered(self) -> Callable[[str], bool]:
        return covered_by({self.through.work: self.through} if self.through else {})


@dataclass(frozen=True)
class Entry:
    """One article in one request's feed; the item that the ``item_*`` methods receive."""

    article: Article
    asked: FeedRequest


class ArticleFeed(Feed):
    """Everything published, newest first."""

    feed_type = RssWithContent
    title = "Callboard"
    description = "Interviews, reviews, recaps and news from TV and film, without spoilers."

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except ScopeError as error:
            return HttpResponseBadRequest(f"{error}\n", content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs) -> FeedRequest:
        return FeedRequest(absolute_url=request.build_absolute_uri)

    def link(self, asked: FeedRequest) -> str:
        return "/"

    def base_queryset(self, subject):
        return Article.objects.published()

    def links(self, subject) -> list:
        """What ties an article to the subject when no filter on the article says it (a person's
        bylines, coverage and quotes): read link by link (``ArticleQuerySet.newest_keys``)."""
        return []

    def items(self, asked: FeedRequest) -> list[Entry]:
        keys = self.base_queryset(asked.subject).newest_keys(FEED_LENGTH, through=self.links(asked.subject))
        # Feeds carry the article text, so only the Markdown source stays behind.
        listing = Article.objects.published().for_listing().defer(None).defer("body", "safe_text", "body_warnings")
        return [Entry(article, asked) for article in listing.in_order_of(keys)]

    def item_title(self, entry: Entry) -> str:
        return entry.article.headline

    def item_link(self, entry: Entry) -> str:
        return entry.article.get_absolute_url()

    def item_description(self, entry: Entry) -> str:
        return feed_summary(entry.article)

    def item_pubdate(self, entry: Entry):
        return entry.article.publish_at

    def item_updateddate(self, entry: Entry):
        return max(entry.article.updated_at, entry.article.publish_at)

    def item_author_name(self, entry: Entry) -> str | None:
        names = [byline.person.name for byline in entry.article.bylines.all()]
        return ", ".join(names) or None

    def item_categories(self, entry: Entry) -> list[str]:
        return [tag.name for tag in entry.article.tags.all()]

    def item_enclosures(self, entry: Entry) -> list[Enclosure]:
        image = entry.article.hero_image
        if image is None or not image.file:
            return []
        try:
            length = image.file.size
        except OSError:
            return []
        mime_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
        return [Enclosure(entry.asked.absolute_url(image.file.url), str(length), mime_type)]

    def item_extra_kwargs(self, entry: Entry) -> dict:
        return {"content_html": item_content(entry)}


class KindFeed(ArticleFeed):
    def get_object(self, request, kind: str) -> FeedRequest:
        if kind not in Article.Kind.values:
            raise Http404("No such kind of article.")
        return FeedRequest(absolute_url=request.build_absolute_uri, subject=Article.Kind(kind))

    def title(self, asked: FeedRequest) -> str:
        return f"Callboard: {asked.subject.label}"

    def description(self, asked: FeedRequest) -> str:
        return f"The latest {asked.subject.label.lower()} pieces on Callboard."

    def link(self, asked: FeedRequest) -> str:
        return links.link("articles:kind_archive", asked.subject.value)

    def base_queryset(self, kind: str):
        return Article.objects.published().filter(kind=kind)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> FeedRequest:
        tag = get_object_or_404(Article.objects.published().topic_tags(), slug=slug)
        return FeedRequest(absolute_url=request.build_absolute_uri, subject=tag)

    def title(self, asked: FeedRequest) -> str:
        return f"Callboard: {asked.subject.name}"

    def description(self, asked: FeedRequest) -> str:
        return f"Articles tagged “{asked.subject.name}”."

    def link(self, asked: FeedRequest) -> str:
        return links.link("articles:tag_detail", asked.subject.slug)

    def base_queryset(self, tag: Tag):
        return Article.objects.published().filter(tags=tag)


class WorkFeed(ArticleFeed):
    """A work's articles; ``?through=s1e5`` opens the spoilers a reader at S1E5 may see, and a bad
    value is a 400."""

    def get_object(self, request, slug: str) -> FeedRequest:
        through = request.GET.get("through")
        works = Work.objects.public(published_q)
        if through is not None:
            works = works.prefetch_related("seasons__episodes")
        work = get_object_or_404(works, slug=slug)
        scope = watched_through(work, through) if through is not None else self.default_through(work)
        return FeedRequest(absolute_url=request.build_absolute_uri, subject=work, through=scope)

    def default_through(self, work: Work) -> Scope | None:
        """The scope without ``?through=``: none, so every spoiler stays hidden."""
        return None

    def title(self, asked: FeedRequest) -> str:
        return f"Callboard: {asked.subject.title}"

    def description(self, asked: FeedRequest) -> str:
        return f"Articles about {asked.subject.title}, spoiler-safe."

    def link(self, asked: FeedRequest) -> str:
        return asked.subject.get_absolute_url()

    def base_queryset(self, work: Work):
        return Article.objects.published().filter(works=work)


class WorkSpoilersFeed(WorkFeed):
    """For readers who have finished a work: its spoiler-tagged articles with its spoilers open,
    or, with ``?through=``, those up to where the reader is."""

    def default_through(self, work: Work) -> Scope:
        return Scope(work.slug)

    def title(self, asked: FeedRequest) -> str:
        return f"Callboard: {asked.subject.title}, with spoilers"

    def description(self, asked: FeedRequest) -> str:
        return f"Articles that spoil {asked.subject.title}, in full. Only for readers who have seen all of it."

    def base_queryset(self, work: Work):
        # A test per article rather than a join, so no DISTINCT: the newest are then read in
        # order, not every spoiler-tagged article of the work found and sorted first.
        spoils = ArticleSpoiler.objects.filter(content_object=OuterRef("pk"), tag__work=work)
        return Article.objects.published().filter(works=work).filter(Exists(spoils))


class PersonFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> FeedRequest:
        person = get_object_or_404(Person.objects.public(published_q), slug=slug)
        return FeedRequest(absolute_url=request.build_absolute_uri, subject=person)

    def title(self, asked: FeedRequest) -> str:
        return f"Callboard: {asked.subject.name}"

    def description(self, asked: FeedRequest) -> str:
        return f"Articles by, about or quoting {asked.subject.name}."

    def link(self, asked: FeedRequest) -> str:
        return asked.subject.get_absolute_url()

    def links(self, person: Person) -> list:
        return person_links(person)


def item_content(entry: Entry) -> str:
    """The article's text: spoiler-safe, with each spoiler a link to the article, unless the
    request's scope covers it; every link and image absolute."""
    article, asked = entry.article, entry.asked
    article_url = asked.absolute_url(article.get_absolute_url())
    if asked.through is None:
        html = link_placeholders(article.body_safe_html, link=article_url)
    else:
        html = unwrap_for_feed(article.body_html, asked.is_covered(), link=article_url)
    return absolute_links(html, base=article_url)


# Attributes that hold an address (``srcset`` a list of them); the body allows no others.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite", "poster"})
HAS_URL_ATTRIBUTE = re.compile(r"\s(?:href|src|srcset|cite|poster)\s*=", re.IGNORECASE)


def absolute_links(html: str, *, base: str) -> str:
    """``html`` with every address resolved against ``base``, the article's absolute URL.

    A feed reader shows the text away from the site, where ``/people/anna/`` or ``#fn1`` lead
    nowhere. Only attribute values change, never text or elements, so what the spoiler rules
    left out stays out.
    """
    if not HAS_URL_ATTRIBUTE.search(html):
        return html
    rewriter = _AbsoluteLinks(base)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.parts)


def _absolute(value: str, base: str) -> str:
    return value if urlsplit(value.strip()).scheme else urljoin(base, value.strip())


def _absolute_srcset(value: str, base: str) -> str:
    candidates = (candidate.strip().split(maxsplit=1) for candidate in value.split(","))
    return ", ".join(" ".join([_absolute(parts[0], base), *parts[1:]]) for parts in candidates if parts)


class _AbsoluteLinks(HTMLParser):
    """Copies HTML as it is, rewriting only the start tags that hold an address."""

    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not any(name in URL_ATTRIBUTES and value for name, value in attrs):
            self.parts.append(self.get_starttag_text())
            return
        rendered = []
        for name, value in attrs:
            if value is None:
                rendered.append(f" {name}")
                continue
            if name == "srcset":
                value = _absolute_srcset(value, self.base)
            elif name in URL_ATTRIBUTES:
                value = _absolute(value, self.base)
            rendered.append(f' {name}="{escape_html(value)}"')
        closing = "/>" if self.get_starttag_text().endswith("/>") else ">"
        self.parts.append(f"<{tag}{''.join(rendered)}{closing}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(escape_html(data, quote=False))

    def handle_comment(self, data: str) -> None:
        self.parts.append(f"<!--{data}-->")


def feed_summary(article: Article) -> str:
    """The spoiler-safe summary: a spoiler notice first when the article is tagged, then the dek
    or, without one, the excerpt rendered from the spoiler-safe body."""
    scopes = [item.tag.name for item in article.spoiler_items.all()]
    notice = f"Contains spoilers for {', '.join(scopes)}. " if scopes else ""
    # Feed readers read summaries as HTML; the dek and excerpt are plain text, so escape them.
    return escape(notice + (article.dek or article.excerpt))


def atom(feed_class: type[Feed]) -> type[Feed]:
    """The Atom twin of an RSS feed class: same items, Atom's vocabulary."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": AtomWithContent, "subtitle": feed_class.description},
    )
