"""The content API's rate limit: requests per client address, counted in the default cache.

DRF's own throttles read their rate once, when their class is defined; this one reads
``CALLBOARD_API_RATE`` on every request, so a changed setting (or a test's) takes effect at once.
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class ClientRateThrottle(AnonRateThrottle):
    def get_rate(self) -> str:
        return settings.CALLBOARD_API_RATE
