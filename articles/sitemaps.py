from django.contrib.sitemaps import Sitemap

from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "publish_at").newest_first()

    def lastmod(self, article: Article):
        return max(article.updated_at, article.publish_at)
