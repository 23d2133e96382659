from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "publish_at").newest_first()

    def lastmod(self, article: Article):
        return max(article.updated_at, article.publish_at)


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # A tag of symbols only ("★★★") has no slug and so no page to list.
        return Tag.objects.filter(articles__in=Article.objects.published()).exclude(slug="").distinct().order_by("slug")

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag_detail", kwargs={"slug": tag.slug})
