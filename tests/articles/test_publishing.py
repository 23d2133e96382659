"""The state changes in articles/services/publishing.py, each called directly: every one checks
the role again, so a door that forgets to ask is still refused."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, AuditEntry
from articles.services.publishing import reschedule
from tests import factories
from tests.factories import member

pytestmark = pytest.mark.django_db

NOW = "2026-03-01 12:00 +0000"


def scheduled_article(**fields) -> Article:
    return factories.publishable_article(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1), **fields
    )


@time_machine.travel(NOW, tick=False)
def test_rescheduling_moves_the_stored_time_and_the_modified_time():
    article = scheduled_article()
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(days=3))
    later = timezone.now() + timedelta(days=5)

    reschedule(article=article, publish_at=later, user=member("Editor"))

    article.refresh_from_db()
    assert article.publish_at == later
    assert article.updated_at == timezone.now()


@time_machine.travel(NOW, tick=False)
def test_rescheduling_into_the_future_is_audited_as_a_schedule_by_the_editor_in_local_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    editor = member("Editor")
    article = scheduled_article()

    reschedule(article=article, publish_at=timezone.now() + timedelta(days=2), user=editor)

    entry = AuditEntry.objects.get(article=article)
    assert (entry.action, entry.user, entry.detail) == (AuditEntry.Action.SCHEDULE, editor, "for 2026-03-03 13:00")


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("ago", [timedelta(0), timedelta(hours=1)], ids=["now", "an hour ago"])
def test_rescheduling_to_a_time_that_has_come_is_audited_as_publishing(ago):
    article = scheduled_article()

    reschedule(article=article, publish_at=timezone.now() - ago, user=member("Editor"))

    assert AuditEntry.objects.get(article=article).action == AuditEntry.Action.PUBLISH


def test_a_contributor_cannot_move_a_publish_time_even_through_the_core():
    writer = member("Contributor")
    article = scheduled_article(created_by=writer)
    planned = article.publish_at

    with pytest.raises(PermissionDenied) as refused:
        reschedule(article=article, publish_at=planned + timedelta(days=1), user=writer)

    assert str(refused.value) == "Only editors can move a publish time."
    article.refresh_from_db()
    assert article.publish_at == planned
    assert not AuditEntry.objects.filter(article=article).exists()
