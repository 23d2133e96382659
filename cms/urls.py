from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from cms.throttle import throttled_login
from cms.views import favicon, media, robots_txt

admin.site.site_header = "Callboard"
admin.site.site_title = "Callboard admin"
admin.site.index_title = "Newsroom"
admin.site.login = throttled_login(admin.site.login)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # The content API: JSON for other sites and apps, with its schema and reference page.
    path("api/", include("api.urls")),
    # The readers' pages, feeds, sitemaps and search.
    path("", include("reader.urls")),
]

if settings.DEBUG or settings.CALLBOARD_SERVE_MEDIA:
    # Uploaded media: Django serves it only in development or a local production rehearsal
    # (`make serve`); in production the web server or object storage does.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media, {"document_root": settings.MEDIA_ROOT})
    ]
