"""The public pages' Jinja2 environment keeps Django's meaning: time zone, escaping, query strings."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from django.conf import settings
from django.template import defaultfilters, engines
from django.test import override_settings
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from cms.templating import isoformat

JINJA = engines["jinja2"]
TEMPLATES = Path(settings.BASE_DIR) / "templates" / "jinja2"


def render(source: str, **context) -> str:
    return JINJA.from_string(source).render(context)


@override_settings(TIME_ZONE="America/New_York")
def test_dates_are_shown_in_the_sites_time_zone():
    noon_utc = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)

    assert render("{{ moment|date('c') }}", moment=noon_utc) == "2026-01-15T07:00:00-05:00"
    assert render("{{ moment|date('DATE_FORMAT') }}", moment=noon_utc) == "Jan. 15, 2026"
    assert render("{{ moment|date('c') }}", moment=None) == ""


def test_values_are_escaped_unless_marked_safe():
    rendered = render("{{ typed }}|{{ trusted }}", typed="<script>alert(1)</script>", trusted=mark_safe("<em>ok</em>"))

    assert rendered == "&lt;script&gt;alert(1)&lt;/script&gt;|<em>ok</em>"


def test_querystring_changes_the_requests_query_and_keeps_the_rest(rf):
    request = rf.get("/search/", {"q": "finale", "type": "people", "page": "3"})

    rendered = render("{{ querystring(page=4, type=None) }}", request=request)

    assert rendered == "?q=finale&amp;page=4"


@pytest.mark.parametrize(
    "name", sorted(str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")), ids=str
)
def test_every_public_template_compiles(name):
    assert JINJA.get_template(name).template.name == name


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # the night clocks change in Europe
        datetime(2026, 12, 4, 23, 59, 59, 123456, tzinfo=UTC),
        datetime(2026, 7, 1, 12, 0, tzinfo=timezone(timedelta(hours=9, minutes=30))),
    ],
)
@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Europe/London"])
def test_isoformat_writes_what_the_date_filter_writes_for_c_in_the_sites_time_zone(settings, moment, zone):
    settings.TIME_ZONE = zone

    assert isoformat(moment) == defaultfilters.date(localtime(moment), "c")
    assert render("{{ moment|isoformat }}", moment=moment) == render("{{ moment|date('c') }}", moment=moment)
