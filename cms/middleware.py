"""Headers every response carries, compression for text, and a clear answer when the database is away."""

import logging
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError, connections
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# The public site's own pages pass this policy: no inline scripts or styles, nothing from other
# origins but the media's own when it is served from elsewhere (object storage or its CDN). The
# admin's widgets set inline styles, so the admin gets the same policy with inline styles allowed,
# and `blob:` images: the upload form previews the chosen file before it is sent.
PUBLIC_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{media}; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
ADMIN_POLICY = PUBLIC_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "img-src 'self' data:", "img-src 'self' data: blob:"
)


def media_origin() -> str:
    """The origin media URLs point at when it is not this site's, else an empty string."""
    parts = urlsplit(default_storage.url("origin-probe"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        origin = media_origin()
        media = f" {origin}" if origin else ""
        self.public_policy = PUBLIC_POLICY.format(media=media)
        self.admin_policy = ADMIN_POLICY.format(media=media)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = self.admin_policy if admin else self.public_policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


# What is worth compressing: pages, feeds, sitemaps, JSON. Pictures are compressed already.
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")


class CompressTextMiddleware(GZipMiddleware):
    """Gzip pages, feeds, sitemaps and API answers for clients that accept it, never pictures.

    It sits inside WhiteNoise, which serves static files already compressed (gzip and Brotli,
    written at ``collectstatic``), so only what the site generates passes through here.
    Django's gzip adds random bytes to each response against BREACH-style length attacks.
    """

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer 503 with Retry-After instead of a 500.

    Readers see a page in the site's design saying to try again shortly; load balancers and
    crawlers see a temporary condition. Pages in the page cache keep being served, since a cache
    hit never reaches the database. The site recovers by itself: each request opens a fresh
    connection once the old one is found broken.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
