"""The sitemaps: published articles, and the people, works and topic tags with a public page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, published_q
from people.models import Person, Work


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
        # Django would compute it over every article for the index; the index can do without.
        return None


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # A tag of symbols only ("★★★") has no slug and so no page to list.
        return Article.objects.published().topic_tags().exclude(slug="").order_by("slug")

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag_detail", kwargs={"slug": tag.slug})


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


SITEMAPS = {"articles": ArticleSitemap, "people": PersonSitemap, "works": WorkSitemap, "tags": TagSitemap}
