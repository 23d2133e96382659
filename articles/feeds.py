"""RSS 2.0 and Atom feeds.

Titles and summaries are always spoiler-safe. The full text is spoiler-safe too, with each spoiler
replaced by a link to the article, unless the reader asked for a scope: a work feed with
``?through=s1e5`` opens the spoilers up to S1E5, and a work's spoilers feed opens all of its own.
"""

import mimetypes
import re
from collections.abc import Callable

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article
from articles.progress import covered_by, watched_through
from articles.text import Scope, ScopeError
from articles.text.reveal import link_placeholders, unwrap_for_feed
from people.models import Person, Work

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


class ArticleFeed(Feed):
    """Everything published, newest first."""

    feed_type = RssWithContent
    title = "Callboard"
    description = "Interviews, reviews, recaps and news from TV and film, without spoilers."

    def link(self, obj=None) -> str:
        return "/"

    def base_queryset(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        keys = self.base_queryset(obj).newest_keys(FEED_LENGTH)
        # Feeds carry the article text, so only the Markdown source stays behind.
        listing = Article.objects.published().for_listing().defer(None).defer("body", "safe_text", "body_warnings")
        return listing.in_order_of(keys)

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return feed_summary(item)

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        return max(item.updated_at, item.publish_at)

    def item_author_name(self, item: Article) -> str | None:
        names = [byline.person.name for byline in item.bylines.all()]
        return ", ".join(names) or None

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        image = item.hero_image
        if image is None or not image.file:
            return []
        try:
            length = image.file.size
        except OSError:
            return []
        mime_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
        return [Enclosure(self.request.build_absolute_uri(image.file.url), str(length), mime_type)]

    def item_extra_kwargs(self, item: Article) -> dict:
        return {"content_html": self.item_content(item)}

    def item_content(self, item: Article) -> str:
        link = self.request.build_absolute_uri(item.get_absolute_url())
        return link_placeholders(item.body_safe_html, link=link)

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None


class KindFeed(ArticleFeed):
    def get_object(self, request, kind: str):
        self.request = request
        if kind not in Article.Kind.values:
            raise Http404("No such kind of article.")
        return kind

    def title(self, kind: str) -> str:
        return f"Callboard: {Article.Kind(kind).label}"

    def description(self, kind: str) -> str:
        return f"The latest {Article.Kind(kind).label.lower()} pieces on Callboard."

    def link(self, kind: str) -> str:
        return f"/?kind={kind}"

    def base_queryset(self, kind: str):
        return Article.objects.published().filter(kind=kind)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug: str):
        self.request = request
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag: Tag) -> str:
        return f"Callboard: {tag.name}"

    def description(self, tag: Tag) -> str:
        return f"Articles tagged “{tag.name}”."

    def link(self, tag: Tag) -> str:
        return "/"

    def base_queryset(self, tag: Tag):
        return Article.objects.published().filter(tags=tag)


class WorkFeed(ArticleFeed):
    """A work's articles; ``?through=s1e5`` opens the spoilers a reader at S1E5 may see."""

    def __call__(self, request, *args, **kwargs):
        try:
            self.through = self.read_through(request, kwargs["slug"])
        except ScopeError as error:
            return HttpResponseBadRequest(f"{error}\n", content_type="text/plain; charset=utf-8")
        return super().__call__(request, *args, **kwargs)

    def read_through(self, request, slug: str) -> Scope | None:
        value = request.GET.get("through")
        if value is None:
            return None
        work = get_object_or_404(Work.objects.prefetch_related("seasons__episodes"), slug=slug)
        return watched_through(work, value)

    def get_object(self, request, slug: str):
        self.request = request
        return get_object_or_404(Work, slug=slug)

    def item_content(self, item: Article) -> str:
        if self.through is None:
            return super().item_content(item)
        link = self.request.build_absolute_uri(item.get_absolute_url())
        return unwrap_for_feed(item.body_html, self.is_covered(), link=link)

    def is_covered(self) -> Callable[[str], bool]:
        return covered_by({self.through.work: self.through})

    def title(self, work: Work) -> str:
        return f"Callboard: {work.title}"

    def description(self, work: Work) -> str:
        return f"Articles about {work.title}, spoiler-safe."

    def link(self, work: Work) -> str:
        return work.get_absolute_url()

    def base_queryset(self, work: Work):
        return Article.objects.published().filter(works=work)


class WorkSpoilersFeed(WorkFeed):
    """For readers who have finished a work: its spoiler-tagged articles with its spoilers open."""

    def read_through(self, request, slug: str) -> Scope | None:
        return Scope(slug)

    def title(self, work: Work) -> str:
        return f"Callboard: {work.title}, with spoilers"

    def description(self, work: Work) -> str:
        return f"Articles that spoil {work.title}, in full. Only for readers who have seen all of it."

    def base_queryset(self, work: Work):
        return Article.objects.published().filter(works=work, spoiler_items__tag__work=work).distinct()


class PersonFeed(ArticleFeed):
    def get_object(self, request, slug: str):
        self.request = request
        return get_object_or_404(Person, slug=slug)

    def title(self, person: Person) -> str:
        return f"Callboard: {person.name}"

    def description(self, person: Person) -> str:
        return f"Articles about or quoting {person.name}."

    def link(self, person: Person) -> str:
        return person.get_absolute_url()

    def base_queryset(self, person: Person):
        return Article.objects.published().about_or_quoting(person)


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
