from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article


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
