from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.template import defaultfilters
from django.utils.timezone import localtime

from cms.templating import isoformat


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
