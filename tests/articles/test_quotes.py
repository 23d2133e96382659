"""Quotes through an article's life: suggested, confirmed, edited, flagged."""

import pytest
from django.urls import reverse

from articles import services
from articles.models import Quote
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    anna = factories.person("Anna Maiche", slug="anna-maiche")
    factories.credit(anna, series, role="cast", character=factories.character(series, "Cassie Shore"))
    article = factories.published_article(
        body="“I trained for years before anyone noticed me,” Anna Maiche said.\n\n"
        "“The ledge scene scared me more than anything,” she added."
    )
    article.works.add(series)
    return article


def test_analysing_suggests_the_quotes_with_their_speaker(interview):
    services.article_analyse(article=interview)
    quotes = list(interview.quotes.order_by("position"))
    assert [q.words for q in quotes] == [
        "I trained for years before anyone noticed me,",
        "The ledge scene scared me more than anything,",
    ]
    assert {q.speaker.name for q in quotes} == {"Anna Maiche"}
    assert {q.status for q in quotes} == {Quote.Status.SUGGESTED}


def test_a_headline_quotation_is_suggested_as_the_body_speakers_and_flagged_when_the_headline_changes(interview):
    interview.headline = "“I trained for years”: Anna Maiche on Tiny Pretty Things"
    interview.save()

    services.article_analyse(article=interview)

    first = interview.quotes.get(position=0)
    assert (first.words, first.speaker.name, first.status) == (
        "I trained for years",
        "Anna Maiche",
        Quote.Status.SUGGESTED,
    )
    services.quote_confirm(quote=first)
    interview.headline = "Anna Maiche on Tiny Pretty Things"
    interview.save()

    services.article_analyse(article=interview)

    first.refresh_from_db()
    assert first.missing_from_body and first.status == Quote.Status.CONFIRMED


def test_confirmed_quote_keeps_its_speaker_when_its_words_change_a_little(interview):
    services.article_analyse(article=interview)
    quote = interview.quotes.get(position=0)
    other = factories.person("Someone Else")
    services.quote_confirm(quote=quote, speaker=other)
    interview.body = interview.body.replace("trained for years", "trained for many years")
    interview.save()

    services.article_analyse(article=interview)

    quote.refresh_from_db()
    assert quote.words == "I trained for many years before anyone noticed me,"
    assert (quote.status, quote.speaker) == (Quote.Status.CONFIRMED, other)


def test_confirmed_quote_whose_words_disappear_is_flagged_not_deleted(interview):
    services.article_analyse(article=interview)
    quote = interview.quotes.get(position=0)
    services.quote_confirm(quote=quote)
    interview.body = "A completely rewritten body with no quotes."
    interview.save()

    counts = services.article_analyse(article=interview)

    quote.refresh_from_db()
    assert quote.missing_from_body and quote.status == Quote.Status.CONFIRMED
    assert counts["flagged"] == 1
    assert not interview.quotes.filter(status=Quote.Status.SUGGESTED).exists()


def test_rejected_quotes_are_not_suggested_again(interview):
    services.article_analyse(article=interview)
    quote = interview.quotes.get(position=0)
    services.quote_reject(quote=quote)
    services.article_analyse(article=interview)
    assert interview.quotes.filter(words=quote.words).count() == 1
    assert interview.quotes.get(words=quote.words).status == Quote.Status.REJECTED


def test_confirming_links_the_quote_in_the_body(interview):
    services.article_analyse(article=interview)
    services.quote_confirm(quote=interview.quotes.get(position=0))
    interview.refresh_from_db()
    assert '<q class="quote" cite="/people/anna-maiche/">' in interview.body_html


def test_bulk_confirm_and_reject_in_the_quote_admin(staff_client, interview):
    services.article_analyse(article=interview)
    first, second = interview.quotes.order_by("position")
    url = reverse("admin:articles_quote_changelist")
    staff_client.post(url, {"action": "confirm_selected", "_selected_action": [first.pk]})
    staff_client.post(url, {"action": "reject_selected", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Quote.Status.CONFIRMED, Quote.Status.REJECTED)


def test_bulk_confirm_explains_quotes_without_a_speaker(staff_client, interview):
    quote = Quote.objects.create(article=interview, words="Words from nobody we know", speaker_name="A stranger")
    response = staff_client.post(
        reverse("admin:articles_quote_changelist"),
        {"action": "confirm_selected", "_selected_action": [quote.pk]},
        follow=True,
    )
    assert "was not confirmed" in response.content.decode()
    quote.refresh_from_db()
    assert quote.status == Quote.Status.SUGGESTED


def test_saving_in_the_admin_analyses_the_body(staff_client, interview):
    from tests.admin_helpers import article_form

    data = article_form(
        kind="interview",
        headline=interview.headline,
        slug=interview.slug,
        body=interview.body,
        status="draft",
        base_version=str(interview.version),
    )
    staff_client.post(reverse("admin:articles_article_change", args=[interview.pk]), data)
    assert interview.quotes.filter(status=Quote.Status.SUGGESTED).count() == 2
