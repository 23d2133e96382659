from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from articles.sitemaps import ArticleSitemap, TagSitemap
from cms.throttle import throttled_login
from cms.views import robots_txt
from people.sitemaps import PersonSitemap, WorkSitemap

admin.site.site_header = "Callboard"
admin.site.site_title = "Callboard admin"
admin.site.index_title = "Newsroom"
admin.site.login = throttled_login(admin.site.login)

SITEMAPS = {"articles": ArticleSitemap, "people": PersonSitemap, "works": WorkSitemap, "tags": TagSitemap}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("search/", include("search.urls")),
    path("", include("people.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG or settings.CALLBOARD_SERVE_MEDIA:
    # Uploaded media: Django serves it only in development or a local production rehearsal
    # (`make serve`); in production the web server or object storage does.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]
