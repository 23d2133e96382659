"""Which representation a response takes: decided by the address alone, never by ``Accept``.

The anonymous page cache (``cms.pagecache``) keys a response on its address, so a response that
varied with ``Accept`` could be served, from the cache, to a client that asked for another. The
data endpoints have one representation (JSON); the schema has two, chosen with ``?format=json``
(YAML without it).
"""

from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.settings import api_settings


class AddressNegotiation(BaseContentNegotiation):
    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = format_suffix or request.query_params.get(api_settings.URL_FORMAT_OVERRIDE)
        if not wanted:
            return renderers[0], renderers[0].media_type
        for renderer in renderers:
            if renderer.format == wanted:
                return renderer, renderer.media_type
        raise NotFound(f"No {wanted} representation here.")
