"""The sitemaps: published articles, and the people, works, characters, topic tags and quotes with
a public page.

Each section reads its rows through the queryset the pages themselves use, so a sitemap never
lists a page that answers 404, and runs a fixed number of queries however many rows it lists.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Quote, published_q
from people.models import Person, Work
from reader.views import public_characters


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    # Pages of a thousand: each renders quickly whatever the size of the archive, and the sitemap
    # index (/sitemap.xml) lists them all.
    limit = 1000

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "publish_at").newest_first()

    def lastmod(self, article: Article):
        return max(article.updated_at, article.publish_at)

    def get_latest_lastmod(self):
        # One aggregate in the database; Django's default would fetch every article to find it.
        return Article.objects.published().aggregate(latest=Max(Greatest("updated_at", "publish_at")))["latest"]


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # A tag's page changes when one of its articles is published or edited.
        changed = (
            Article.objects.published()
            .filter(tags=OuterRef("pk"))
            .annotate(changed=Greatest("updated_at", "publish_at"))
            .order_by("-changed")
            .values("changed")[:1]
        )
        # A tag of symbols only ("★★★") has no slug and so no page to list.
        return (
            Article.objects.published()
            .topic_tags()
            .exclude(slug="")
            .annotate(changed=Subquery(changed))
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

    def lastmod(self, quote: Quote):
        # The page shows the article's headline and date, so an edit to the article changes it too.
        return max(quote.updated_at, quote.article.updated_at, quote.article.publish_at)

    def get_latest_lastmod(self):
        changed = Greatest("updated_at", "article__updated_at", "article__publish_at")
        return Quote.objects.public().aggregate(latest=Max(changed))["latest"]


SITEMAPS = {
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "works": WorkSitemap,
    "characters": CharacterSitemap,
    "tags": TagSitemap,
    "quotes": QuoteSitemap,
}
