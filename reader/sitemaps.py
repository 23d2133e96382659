"""The sitemaps: published articles, and the people, works, characters, topic tags and quotes with
a public page.

Each section reads its rows through the queryset the pages themselves use, so a sitemap never
lists a page that answers 404, and runs a fixed number of queries however many rows it lists.
The sections that grow with the archive (articles and quotes) are paged by ranges of keys, and
every date is read from the top of an index, so no sitemap reads the whole archive.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Page, Paginator
from django.db.models import Exists, Max, OuterRef, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Quote, published_q
from people.models import Person, Work
from reader.views import public_characters


def changed(prefix: str = "") -> Greatest:
    """When an article last changed for readers: its last edit, or its going live if later
    (a scheduled article changes when its time comes). ``article_published_changed`` orders by it."""
    return Greatest(f"{prefix}updated_at", f"{prefix}publish_at")


class KeyRanges(Paginator):
    """Pages of a sitemap by ranges of keys, counted from the smallest: page n holds the rows whose
    key lies in [first + (n - 1) × per_page, first + n × per_page), so a page may hold fewer rows
    than ``per_page``, never more.

    Numbering the pages needs only the smallest and the largest key, each read from one end of the
    primary key's index; pages of exactly ``per_page`` rows would need every row counted, and the
    last of them an offset past all the others.
    """

    @cached_property
    def ends(self) -> tuple[int, int] | None:
        keys = self.object_list.values_list("pk", flat=True)
        first = keys.order_by("pk").first()
        if first is None:
            return None
        return first, keys.order_by("-pk").first()

    @cached_property
    def count(self) -> int:
        """The span of keys, standing in for the number of rows: what ``num_pages`` is worked out from."""
        if self.ends is None:
            return 0
        first, last = self.ends
        return last - first + 1

    def page(self, number) -> Page:
        number = self.validate_number(number)
        first = self.ends[0] if self.ends else 0
        bottom = first + (number - 1) * self.per_page
        rows = self.object_list.filter(pk__gte=bottom, pk__lt=bottom + self.per_page).order_by("pk")
        return self._get_page(rows, number, self)


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    # Pages of a thousand keys: each renders quickly whatever the size of the archive, and the
    # sitemap index (/sitemap.xml) lists them all.
    limit = 1000

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "publish_at")

    @property
    def paginator(self) -> KeyRanges:
        return KeyRanges(self._items(), self.limit)

    def lastmod(self, article: Article):
        return max(article.updated_at, article.publish_at)

    def get_latest_lastmod(self):
        # The top of ``article_published_changed``; Django's default would fetch every article.
        return Article.objects.published().aggregate(latest=Max(changed()))["latest"]


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # A tag's page changes when one of its articles is published or edited.
        # Read down ``article_published_changed`` to the first article with the tag.
        latest = (
            Article.objects.published()
            .filter(tags=OuterRef("pk"))
            .annotate(changed=changed())
            .order_by("-changed")
            .values("changed")[:1]
        )
        # A tag of symbols only ("★★★") has no slug and so no page to list.
        return (
            Article.objects.published()
            .topic_tags()
            .exclude(slug="")
            .annotate(changed=Subquery(latest))
            .order_by("slug")
        )

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag_detail", kwargs={"slug": tag.slug})

    def lastmod(self, tag: Tag):
        return tag.changed


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.public(published_q).only("slug", "updated_at").order_by("slug")

    def lastmod(self, person: Person):
        return person.updated_at


class WorkSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Work.objects.public(published_q).only("slug", "updated_at").order_by("slug")

    def lastmod(self, work: Work):
        return work.updated_at


class CharacterSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return public_characters().select_related("work").only("slug", "work__slug").order_by("work__slug", "slug")


class QuoteSitemap(Sitemap):
    """Quotes with a page of their own: confirmed, outside any spoiler, in a live article."""

    changefreq = "monthly"
    limit = 1000

    def items(self):
        return (
            Quote.objects.public()
            .select_related("article")
            .only("updated_at", "article__updated_at", "article__publish_at")
            .order_by("pk")
        )

    @property
    def paginator(self) -> KeyRanges:
        return KeyRanges(self._items(), self.limit)

    def lastmod(self, quote: Quote):
        # The page shows the article's headline and date, so an edit to the article changes it too.
        return max(quote.updated_at, quote.article.updated_at, quote.article.publish_at)

    def get_latest_lastmod(self):
        # The latest of every quote's ``lastmod`` is the later of the most recently changed
        # public quote and the most recently changed live article holding one: each is the
        # first row read down its own index (``quote_updated``, ``article_published_changed``).
        public = Quote.objects.public()
        quote = public.order_by("-updated_at").values_list("updated_at", flat=True).first()
        holding = Exists(public.filter(article=OuterRef("pk")))
        article = (
            Article.objects.published()
            .filter(holding)
            .annotate(changed=changed())
            .order_by("-changed")
            .values_list("changed", flat=True)
            .first()
        )
        return max(filter(None, (quote, article)), default=None)


SITEMAPS = {
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "works": WorkSitemap,
    "characters": CharacterSitemap,
    "tags": TagSitemap,
    "quotes": QuoteSitemap,
}
