from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Quote, ShareLink, SpoilerScope
from tests import factories

pytestmark = pytest.mark.django_db


def test_published_includes_only_published_articles_whose_time_has_come():
    live = factories.published_article()
    factories.article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(hours=1))
    factories.article(status=Article.Status.DRAFT, publish_at=timezone.now() - timedelta(days=1))
    factories.article(status=Article.Status.IN_REVIEW, publish_at=timezone.now() - timedelta(days=1))
    factories.article(status=Article.Status.UNPUBLISHED, publish_at=timezone.now() - timedelta(days=1))

    assert list(Article.objects.published()) == [live]


def test_scheduled_article_goes_live_by_itself_when_its_time_passes():
    with time_machine.travel("2026-03-01 12:00 +0000", tick=False):
        scheduled = factories.article(
            status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(minutes=30)
        )
        assert list(Article.objects.scheduled()) == [scheduled]
        assert not Article.objects.published().exists()

    with time_machine.travel("2026-03-01 12:30 +0000", tick=False):
        assert list(Article.objects.published()) == [scheduled]
        assert not Article.objects.scheduled().exists()


def test_with_is_live_marks_rows_by_the_same_rule_as_published():
    live = factories.published_article()
    later = factories.article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1))
    draft = factories.article()

    flags = {a.pk: a.is_live for a in Article.objects.with_is_live()}

    assert flags == {live.pk: True, later.pk: False, draft.pk: False}


NOON = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_published_reads_the_rule_at_the_time_it_is_given():
    article = factories.article(status=Article.Status.PUBLISHED, publish_at=NOON)

    assert not Article.objects.published(now=NOON - timedelta(seconds=1)).exists()
    assert list(Article.objects.published(now=NOON)) == [article]


def test_scheduled_holds_only_published_articles_still_ahead_of_the_time_given():
    ahead = factories.article(status=Article.Status.PUBLISHED, publish_at=NOON + timedelta(hours=1))
    factories.article(status=Article.Status.DRAFT, publish_at=NOON + timedelta(hours=1))
    factories.article(status=Article.Status.UNPUBLISHED, publish_at=NOON + timedelta(hours=1))
    factories.article(status=Article.Status.PUBLISHED, publish_at=NOON)

    assert list(Article.objects.scheduled(now=NOON)) == [ahead]
    assert not Article.objects.scheduled(now=NOON + timedelta(hours=1)).exists()


def test_with_is_live_reads_the_rule_at_the_time_it_is_given():
    factories.article(status=Article.Status.PUBLISHED, publish_at=NOON)

    assert Article.objects.with_is_live(now=NOON - timedelta(seconds=1)).get().is_live is False
    assert Article.objects.with_is_live(now=NOON).get().is_live is True


def test_public_quotes_are_confirmed_outside_spoilers_in_articles_live_at_the_time_given():
    live = factories.article(status=Article.Status.PUBLISHED, publish_at=NOON)
    public = factories.quote(live, status=Quote.Status.CONFIRMED)
    factories.quote(live, status=Quote.Status.SUGGESTED)
    factories.quote(live, status=Quote.Status.REJECTED)
    factories.quote(live, status=Quote.Status.CONFIRMED, spoiler_scope="tiny-pretty-things:s1e5")
    for status in (Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.UNPUBLISHED):
        factories.quote(factories.article(status=status, publish_at=NOON), status=Quote.Status.CONFIRMED)

    assert list(Quote.objects.public(now=NOON)) == [public]
    assert not Quote.objects.public(now=NOON - timedelta(seconds=1)).exists()


def test_confirmed_live_quotes_include_those_inside_spoilers_but_only_in_live_articles():
    live = factories.article(status=Article.Status.PUBLISHED, publish_at=NOON)
    outside = factories.quote(live, status=Quote.Status.CONFIRMED)
    inside = factories.quote(live, status=Quote.Status.CONFIRMED, spoiler_scope="tiny-pretty-things:s1e5")
    factories.quote(live, status=Quote.Status.SUGGESTED)
    factories.quote(factories.article(status=Article.Status.DRAFT, publish_at=NOON), status=Quote.Status.CONFIRMED)

    assert set(Quote.objects.confirmed_live(now=NOON)) == {outside, inside}
    assert not Quote.objects.confirmed_live(now=NOON - timedelta(seconds=1)).exists()


def test_share_link_is_active_until_it_expires_or_is_revoked():
    article = factories.article()
    link = ShareLink.objects.create(article=article, expires_at=NOON)
    revoked = ShareLink.objects.create(article=article, expires_at=NOON, revoked_at=NOON - timedelta(hours=1))

    assert link.is_active(now=NOON - timedelta(seconds=1))
    assert not link.is_active(now=NOON)
    assert not revoked.is_active(now=NOON - timedelta(seconds=1))


def test_published_article_needs_a_publish_time():
    article = Article(headline="No time", slug="no-time", status=Article.Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "publish_at" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()


def test_article_slugs_are_unique_with_a_clear_message():
    factories.article(slug="finale-recap")
    with pytest.raises(ValidationError) as error:
        Article(headline="Again", slug="finale-recap").full_clean()
    assert error.value.message_dict["slug"] == ["Another article already uses this slug; choose a different one."]


@pytest.mark.parametrize("rating, scale", [(Decimal("5.5"), 5), (Decimal("11"), 10)])
def test_rating_above_its_scale_is_refused_with_a_field_error(rating, scale):
    review = Article(headline="Review", slug="review", kind=Article.Kind.REVIEW, rating=rating, rating_scale=scale)
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert error.value.message_dict["rating"] == [f"The rating must be between 0 and {scale} on this scale."]


def test_database_refuses_a_rating_outside_its_scale():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.article(kind=Article.Kind.REVIEW, rating=Decimal("7"), rating_scale=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.article(kind=Article.Kind.REVIEW, rating=Decimal("-1"), rating_scale=5)
    assert factories.article(kind=Article.Kind.REVIEW, rating=Decimal("3.5"), rating_scale=5).rating == Decimal("3.5")


def test_only_reviews_carry_a_rating():
    news = Article(headline="News", slug="news", kind=Article.Kind.NEWS, rating=Decimal("3"))
    with pytest.raises(ValidationError) as error:
        news.full_clean()
    assert "Only reviews carry a rating" in error.value.message_dict["rating"][0]


def test_reviewed_season_must_belong_to_the_reviewed_work():
    series, other = factories.work(), factories.work()
    other_season = factories.season(other)
    review = Article(
        headline="R", slug="r", kind=Article.Kind.REVIEW, reviewed_work=series, reviewed_season=other_season
    )
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "reviewed_season" in error.value.message_dict


def test_confirmed_quote_needs_a_speaker_from_the_database():
    article = factories.article()
    unresolved = Quote(article=article, words="Something said", speaker_name="A Stranger", status="confirmed")
    with pytest.raises(ValidationError) as error:
        unresolved.full_clean()
    assert error.value.message_dict["speaker"] == ["Choose who said this before confirming it."]
    with pytest.raises(IntegrityError), transaction.atomic():
        unresolved.save()


def test_quote_needs_a_speaker_or_the_name_as_written():
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=factories.article(), words="Nobody said this")
    suggested = Quote.objects.create(article=factories.article(), words="Someone said this", speaker_name="Mia")
    assert suggested.speaker_display == "Mia"


def test_a_person_who_is_quoted_cannot_be_deleted():
    speaker = factories.person()
    factories.quote(factories.article(), speaker)
    with pytest.raises(IntegrityError), transaction.atomic():
        # PROTECT raises ProtectedError, a subclass of IntegrityError.
        speaker.delete()


def test_quote_confidence_stays_between_zero_and_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.quote(factories.article(), confidence=1.5)


def test_spoiler_scope_names_itself_from_work_season_and_episode():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    finale = SpoilerScope(work=series, season_number=1, episode_number=10)
    finale.save()
    whole = SpoilerScope(work=series)
    whole.save()

    assert (finale.name, finale.slug, finale.code) == ("Tiny Pretty Things S1E10", "tiny-pretty-things-s1e10", "S1E10")
    assert (whole.name, whole.slug) == ("Tiny Pretty Things (whole work)", "tiny-pretty-things-all")


def test_spoiler_scope_is_unique_per_work_season_and_episode():
    series = factories.work()
    SpoilerScope(work=series, season_number=1).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        SpoilerScope.objects.create(work=series, season_number=1, name="dup", slug="dup")


def test_spoiler_scope_episode_needs_its_season():
    with pytest.raises(IntegrityError), transaction.atomic():
        SpoilerScope.objects.create(work=factories.work(), episode_number=3, name="x", slug="x")


def test_article_can_carry_several_spoiler_scopes_with_their_own_severity():
    series = factories.work()
    article = factories.article()
    factories.spoiler(article, series, 1, 1, severity="minor")
    factories.spoiler(article, series, 1, 10, severity="ending")

    tags = {(item.tag.code, item.severity) for item in article.spoiler_items.select_related("tag")}

    assert tags == {("S1E1", "minor"), ("S1E10", "ending")}
    assert {scope.code for scope in article.spoilers.all()} == {"S1E1", "S1E10"}


def test_topic_tags_are_case_insensitive():
    first, second = factories.article(), factories.article()
    first.tags.add("Ballet")
    second.tags.add("ballet")
    assert first.tags.get().pk == second.tags.get().pk


def test_listing_queries_do_not_grow_with_bylines_tags_or_spoilers(django_assert_num_queries):
    series = factories.work()
    for n in range(3):
        article = factories.published_article()
        for _ in range(n + 1):
            factories.byline(article)
        article.tags.add(*[f"topic {n}-{t}" for t in range(n + 2)])
        factories.spoiler(article, series, 1, n + 1)

    with django_assert_num_queries(4):
        rows = [
            (
                a.headline,
                [b.person.name for b in a.bylines.all()],
                list(a.tags.all()),
                [s.tag.work.title for s in a.spoiler_items.all()],
            )
            for a in Article.objects.published().for_listing()
        ]
    assert len(rows) == 3


def test_works_sharing_a_title_get_separate_spoiler_scopes():
    novel = factories.work("Tiny Pretty Things", slug="tiny-pretty-things-novel", kind="novel")
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    SpoilerScope(work=novel).save()
    SpoilerScope(work=series).save()
    assert set(SpoilerScope.objects.values_list("slug", flat=True)) == {
        "tiny-pretty-things-novel-all",
        "tiny-pretty-things-all",
    }
