"""The ``link`` tag: ``{% url %}`` for the public pages, remembered once reversed (``cms.links``).

``{% load links %}{% link 'articles:kind_archive' article.kind %}`` takes the same positional
arguments as ``{% url %}`` and is escaped the same way.
"""

from django import template

from cms import links

register = template.Library()


@register.simple_tag
def link(viewname: str, *args) -> str:
    return links.link(viewname, *args)
