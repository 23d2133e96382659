from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, TaggedArticle, published_q


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
        # One probe per tag for a published article, rather than a join over every tagging.
        in_use = TaggedArticle.objects.filter(published_q(prefix="content_object__"), tag=OuterRef("pk"))
        # A tag of symbols only ("★★★") has no slug and so no page to list.
        return Tag.objects.filter(Exists(in_use)).exclude(slug="").order_by("slug")

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag_detail", kwargs={"slug": tag.slug})
