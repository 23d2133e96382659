from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.static import serve

ICON_MAX_AGE = 7 * 24 * 3600  # a week: browsers ask for /favicon.ico on every first visit
# Media whose names change whenever their content does: base files are named by their digest,
# renditions by their source and encoder, quote cards by their words and design.
IMMUTABLE_MEDIA = ("images/", "renditions/", "quote-cards/")
MEDIA_MAX_AGE = 365 * 24 * 3600


def media(request: HttpRequest, path: str, document_root: str) -> HttpResponse:
    """Uploaded media, where Django serves it (development and ``make serve``), with the cache
    headers object storage gives it in production."""
    response = serve(request, path, document_root=document_root)
    if path.startswith(IMMUTABLE_MEDIA):
        response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}, immutable"
    return response


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache
def _icon() -> bytes:
    with open(finders.find("favicon.ico"), "rb") as icon:
        return icon.read()


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """The site's icon at the address browsers ask for without being told, /favicon.ico."""
    response = HttpResponse(_icon(), content_type="image/x-icon")
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response
