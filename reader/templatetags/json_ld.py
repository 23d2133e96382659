"""The ``json_ld`` filter: structured data as a ``<script type="application/ld+json">`` element.

``{% load json_ld %}{{ structured_data|json_ld }}``. The values come from editors (headlines,
names), so the JSON is escaped the way ``django.utils.html.json_script`` escapes it: ``<``, ``>``
and ``&`` become ``\\u003C``, ``\\u003E`` and ``\\u0026``, which JSON parsers read back unchanged
but an HTML parser can never mistake for ``</script>`` or an entity.
"""

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict[str, Any] | list[Any]) -> SafeString:
    """Serialise ``data`` into a JSON-LD script element that is safe to put in any HTML page."""
    payload = json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)
    # Safe: after the translation above the payload holds no "<", ">" or "&" at all.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter(name="json_ld")
def json_ld(data: dict[str, Any] | list[Any] | None) -> str:
    """Template form of ``json_ld_script``; renders nothing when a view has no structured data."""
    if not data:
        return ""
    return json_ld_script(data)
