from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services
from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-05-01 09:00 +0000", tick=False)
def test_publishing_a_draft_makes_it_live_now():
    draft = factories.publishable_article()
    services.article_publish(article=draft)
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.publish_at == timezone.now()
    assert list(Article.objects.published()) == [draft]


def test_publishing_with_a_future_time_schedules_it():
    draft = factories.publishable_article()
    services.article_publish(article=draft, publish_at=timezone.now() + timedelta(days=2))
    assert list(Article.objects.scheduled()) == [draft]
    assert not Article.objects.published().exists()


def test_publishing_a_scheduled_article_again_keeps_its_time():
    when = timezone.now() + timedelta(days=2)
    scheduled = factories.publishable_article(status=Article.Status.PUBLISHED, publish_at=when)
    services.article_publish(article=scheduled)
    scheduled.refresh_from_db()
    assert scheduled.publish_at == when


def test_unpublishing_hides_the_article_and_keeps_its_time():
    live = factories.published_article()
    services.article_unpublish(article=live)
    live.refresh_from_db()
    assert live.status == Article.Status.UNPUBLISHED
    assert live.publish_at is not None
    assert not Article.objects.published().exists()


def test_can_edit_asks_for_the_change_permission_whatever_else_a_user_has():
    """The core decides on its own: "edit any article" without "change article" edits nothing."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.core.exceptions import PermissionDenied

    user = get_user_model().objects.create_user("odd-grants", password="x" * 16, is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="edit_any_article"), Permission.objects.get(codename="publish_article")
    )
    article = factories.article(body="Draft.", created_by=user)
    assert not services.can_edit(user, article)
    with pytest.raises(PermissionDenied):
        services.check_edit(user, article)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    user = get_user_model().objects.get(pk=user.pk)  # permissions are cached per user object
    assert services.can_edit(user, article)


@pytest.mark.django_db
def test_a_quote_is_public_at_the_moment_asked_about_not_only_now():
    # Cards for a scheduled article are drawn for its publish time, asked about before it comes.
    tomorrow = timezone.now() + timedelta(days=1)
    article = factories.publishable_article(status=Article.Status.PUBLISHED, publish_at=tomorrow)
    quote = factories.quote(article, factories.person(), status="confirmed")
    later, earlier = article.publish_at + timedelta(minutes=1), article.publish_at - timedelta(minutes=1)

    assert services.derived.quote_is_public(quote, article, later)
    assert not services.derived.quote_is_public(quote, article, earlier)
    assert not services.derived.quote_is_public(quote, article)
    assert services.derived.article_is_live(article, later) and not services.derived.article_is_live(article)
    assert services.derived.article_is_live(article, article.publish_at)  # live from its very moment


@pytest.mark.django_db
def test_rendering_reads_the_same_queries_for_one_spoiler_tag_as_for_several():
    def render_queries(tags: int) -> int:
        series = factories.work()
        factories.season(series, 1, episodes=10)
        article = factories.publishable_article(body="::: spoiler\nA secret.\n:::\n")
        article.works.add(series)
        for episode in range(1, tags + 1):
            factories.spoiler(article, series, 1, episode)
        with CaptureQueriesContext(connection) as queries:
            services.article_render(article=article)
        return len(queries)

    assert render_queries(1) == render_queries(4)
