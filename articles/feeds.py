"""RSS 2.0 and Atom feeds. Every item carries only spoiler-safe text."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure
from taggit.models import Tag

from articles.models import Article
from people.models import Person, Work

FEED_LENGTH = 30


class ArticleFeed(Feed):
    """Everything published, newest first."""

    title = "Callboard"
    description = "Interviews, reviews, recaps and news from TV and film, without spoilers."

    def link(self, obj=None) -> str:
        return "/"

    def base_queryset(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.base_queryset(obj).for_listing().newest_first()[:FEED_LENGTH]

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
    def get_object(self, request, slug: str):
        self.request = request
        return get_object_or_404(Work, slug=slug)

    def title(self, work: Work) -> str:
        return f"Callboard: {work.title}"

    def description(self, work: Work) -> str:
        return f"Articles about {work.title}, spoiler-safe."

    def link(self, work: Work) -> str:
        return work.get_absolute_url()

    def base_queryset(self, work: Work):
        return Article.objects.published().filter(works=work)


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
    return notice + (article.dek or article.excerpt)


def atom(feed_class: type[Feed]) -> type[Feed]:
    """The Atom twin of an RSS feed class: same items, Atom's vocabulary."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
