from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import ArticleSitemap, TagSitemap
from cms.views import robots_txt
from people.sitemaps import PersonSitemap, WorkSitemap

admin.site.site_header = "Callboard"
admin.site.site_title = "Callboard admin"
admin.site.index_title = "Newsroom"

SITEMAPS = {"articles": ArticleSitemap, "people": PersonSitemap, "works": WorkSitemap, "tags": TagSitemap}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("people.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
