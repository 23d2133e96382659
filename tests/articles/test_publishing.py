"""The state changes in articles/services/publishing.py, each called directly: every one checks
the role again, so a door that forgets to ask is still refused."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, AuditEntry, Revision
from articles.services.publishing import article_publish, make_live, publish_problems, reschedule, take_down
from articles.signals import article_changed
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


def test_publish_problems_lists_every_missing_part_in_order():
    article = factories.article(headline=" ", slug=" ", body=" ")

    assert publish_problems(article) == ["a headline", "a slug", "a byline", "a body"]


def test_publishing_records_a_revision_by_the_editor_and_announces_it_after_commit(django_capture_on_commit_callbacks):
    editor = member("Editor")
    draft = factories.publishable_article()
    heard = []

    def listener(sender, article, action, **kwargs):
        heard.append((article.pk, action))

    article_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            article_publish(article=draft, user=editor)
    finally:
        article_changed.disconnect(listener)

    revision = Revision.objects.filter(article=draft).latest("created_at")
    assert (revision.created_by, revision.note) == (editor, "Published")
    assert heard == [(draft.pk, "published")]


def test_publishing_a_stale_copy_keeps_the_time_another_editor_scheduled():
    draft = factories.publishable_article()
    stale = Article.objects.get(pk=draft.pk)
    rescheduled = timezone.now() + timedelta(days=3)
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.PUBLISHED, publish_at=rescheduled)

    article_publish(article=stale, user=member("Editor"))

    draft.refresh_from_db()
    assert draft.publish_at == rescheduled


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("status", "detail"),
    [
        (Article.Status.UNPUBLISHED, ""),
        (Article.Status.DRAFT, "now draft"),
        (Article.Status.IN_REVIEW, "now in review"),
    ],
)
def test_taking_an_article_down_stores_the_state_moves_the_modified_time_and_audits_it(status, detail):
    editor = member("Editor")
    live = factories.published_article()
    Article.objects.filter(pk=live.pk).update(updated_at=timezone.now() - timedelta(days=3))

    take_down(article=live, status=status, user=editor)

    live.refresh_from_db()
    assert (live.status, live.updated_at) == (status, timezone.now())
    entry = AuditEntry.objects.get(article=live)
    assert (entry.action, entry.user, entry.detail) == (AuditEntry.Action.UNPUBLISH, editor, detail)


def test_a_contributor_cannot_take_an_article_down_even_through_the_core():
    writer = member("Contributor")
    live = factories.published_article(created_by=writer)

    with pytest.raises(PermissionDenied) as refused:
        take_down(article=live, status=Article.Status.DRAFT, user=writer)

    assert str(refused.value) == "Only editors can unpublish articles."
    live.refresh_from_db()
    assert live.status == Article.Status.PUBLISHED


def test_publish_problems_name_a_hero_image_without_alt_text():
    article = factories.publishable_article(hero_image=factories.image(alt_text=" "))

    assert publish_problems(article) == ["alt text on the hero image"]
    article.hero_image.alt_text = "The company on stage"
    assert publish_problems(article) == []


def test_make_live_refuses_a_contributor_with_its_own_reason():
    article = factories.publishable_article()

    with pytest.raises(PermissionDenied, match=r"^Only editors can publish or schedule articles\.$"):
        make_live(article=article, publish_at=None, user=member("Contributor"))
    assert not AuditEntry.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_make_live_schedules_a_future_time_and_audits_it_in_local_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    editor, article = member("Editor"), factories.publishable_article()

    action = make_live(article=article, publish_at=timezone.now() + timedelta(days=2), user=editor)

    assert action == "scheduled"
    entry = AuditEntry.objects.get(article=article)
    assert (entry.action, entry.user, entry.detail) == (AuditEntry.Action.SCHEDULE, editor, "for 2026-03-03 13:00")


@time_machine.travel(NOW, tick=False)
def test_make_live_at_this_very_moment_publishes(django_assert_num_queries):
    editor, article = member("Editor"), factories.publishable_article()
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(days=3))

    # The role (2), the byline, the model's two check constraints (3 each, in a savepoint), the
    # update and the audit entry; the slug's uniqueness was checked when it was saved.
    with django_assert_num_queries(11):
        action = make_live(article=article, publish_at=timezone.now(), user=editor)

    assert action == "published"
    entry = AuditEntry.objects.get(article=article)
    assert (entry.action, entry.user, entry.detail) == (AuditEntry.Action.PUBLISH, editor, "")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == article.updated_at == timezone.now()
