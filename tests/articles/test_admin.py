"""The editors' door: every admin page answers, stays fast, and explains bad input."""

import re
from datetime import timedelta

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleSpoiler, AuditEntry, Quote, SpoilerScope
from people.models import Episode, Person, PersonAlias
from tests import factories
from tests.admin_helpers import article_form, inline_management, person_form

pytestmark = pytest.mark.django_db

MODEL_ADMINS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in {"articles", "people", "images"}
)


def populate(size: int) -> None:
    """A newsroom of ``size`` of everything, each thing with ``size`` of its children."""
    series = factories.work(poster=factories.image())
    novel = factories.work(kind="novel")
    series.based_on = novel
    series.save()
    for s in range(size):
        season = factories.season(series, number=s + 1, episodes=size)
        factories.character(series)
        author = factories.person(headshot=factories.image())
        factories.alias(author, f"Alias {author.pk}")
        factories.credit(author, series, role="writer")
        factories.credit(author, novel, role="author")
        article = factories.published_article(kind="review", reviewed_work=series, reviewed_season=season)
        factories.byline(article, author, label="Critic")
        factories.byline(article)
        factories.quote(article, author)
        article.tags.add(f"tag {s}", "ballet")
        article.works.add(series)
        factories.spoiler(article, series, s + 1, 1)
        AuditEntry.objects.create(article=article, action=AuditEntry.Action.PUBLISH, user=None)
        factories.article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=s + 1))


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("app_label, model_name", MODEL_ADMINS)
def test_changelist_queries_do_not_grow_with_rows(staff_client, app_label, model_name):
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    populate(1)
    few = count_queries(staff_client, url)
    populate(6)
    many = count_queries(staff_client, url)
    assert many == few, f"{url}: {few} queries with few rows, {many} with many"
    assert many <= 12


READ_ONLY = {("articles", "auditentry")}  # the audit log is written by the system only


@pytest.mark.parametrize("app_label, model_name", [m for m in MODEL_ADMINS if m not in READ_ONLY])
def test_add_form_answers_for_a_superuser(staff_client, app_label, model_name):
    populate(3)
    assert count_queries(staff_client, reverse(f"admin:{app_label}_{model_name}_add")) <= 12


@pytest.mark.parametrize("app_label, model_name", MODEL_ADMINS)
def test_change_form_answers_for_a_superuser(staff_client, app_label, model_name):
    populate(2)
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    obj = model._default_manager.order_by("-pk").first()
    response = staff_client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_changelist_shows_state_authors_and_spoiler_scope(staff_client):
    series = factories.work("Tiny Pretty Things")
    live = factories.published_article(headline="Finale recap")
    factories.byline(live, factories.person("Marisol Quartey"))
    factories.spoiler(live, series, 1, 10, severity="ending")
    factories.article(
        headline="Novel feature", status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=3)
    )

    page = staff_client.get(reverse("admin:articles_article_changelist")).content.decode()

    assert "Marisol Quartey" in page
    assert "Tiny Pretty Things S1E10 (ending)" in page
    assert "<strong>Scheduled</strong> for" in page


def test_changelist_filters_by_spoiler_presence(staff_client):
    series = factories.work()
    spoiled = factories.published_article(headline="Spoiled piece")
    factories.spoiler(spoiled, series, 1, 1)
    factories.published_article(headline="Clean piece")

    page = staff_client.get(reverse("admin:articles_article_changelist") + "?spoilers=none").content.decode()

    assert "Clean piece" in page
    assert "Spoiled piece" not in page


def test_changelist_search_covers_headline_dek_and_body(staff_client):
    factories.article(headline="Alpha", body="the hidden zebra word")
    factories.article(headline="Beta")
    page = staff_client.get(reverse("admin:articles_article_changelist") + "?q=zebra").content.decode()
    assert "Alpha" in page
    assert "Beta" not in page


def test_publish_action_publishes_drafts_and_keeps_schedules(staff_client):
    draft = factories.publishable_article()
    scheduled_time = timezone.now() + timedelta(days=2)
    scheduled = factories.publishable_article(status=Article.Status.IN_REVIEW, publish_at=scheduled_time)

    response = staff_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, scheduled.pk]},
        follow=True,
    )

    assert "Published 2 article(s)." in response.content.decode()
    assert list(Article.objects.published()) == [draft]
    assert list(Article.objects.scheduled()) == [scheduled]


def test_unpublish_action_takes_articles_away_from_readers(staff_client):
    live = factories.published_article()
    staff_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [live.pk]},
    )
    assert not Article.objects.published().exists()


def test_article_add_form_creates_an_article_with_bylines_and_a_spoiler_tag(staff_client):
    series = factories.work("Tiny Pretty Things")
    factories.season(series, number=1, episodes=10)
    writer = factories.person("Theo Lindqvist")
    data = article_form(
        kind="recap",
        headline="The finale, explained",
        slug="the-finale-explained",
        tags="ballet, netflix",
        **inline_management("bylines", [{"person": writer.pk, "label": "TV Critic", "position": "0"}]),
        **inline_management(
            "spoiler_items", [{"work": series.pk, "season": "1", "episode": "10", "severity": "ending"}]
        ),
    )

    response = staff_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="the-finale-explained")
    assert [(b.person.name, b.label) for b in article.bylines.all()] == [("Theo Lindqvist", "TV Critic")]
    assert [(i.tag.name, i.severity) for i in article.spoiler_items.all()] == [("Tiny Pretty Things S1E10", "ending")]
    assert sorted(article.tags.names()) == ["ballet", "netflix"]


def test_two_articles_share_one_spoiler_scope(staff_client):
    series = factories.work()
    factories.season(series, number=1, episodes=2)
    for slug in ("first", "second"):
        data = article_form(
            headline=slug,
            slug=slug,
            **inline_management(
                "spoiler_items", [{"work": series.pk, "season": "1", "episode": "", "severity": "minor"}]
            ),
        )
        assert staff_client.post(reverse("admin:articles_article_add"), data).status_code == 302
    assert SpoilerScope.objects.count() == 1
    assert ArticleSpoiler.objects.count() == 2


def assert_form_error_keeps_input(response, message: str, *typed: str) -> None:
    assert response.status_code == 200
    page = response.content.decode()
    assert "errornote" in page or "errorlist" in page
    assert message in page, page[:4000]
    for value in typed:
        assert value in page, f"{value!r} was lost"


def test_duplicate_article_slug_is_explained_and_nothing_typed_is_lost(staff_client):
    factories.article(slug="taken")
    data = article_form(headline="A careful headline", slug="taken", dek="A dek worth keeping", body="Body text kept")

    response = staff_client.post(reverse("admin:articles_article_add"), data)

    assert_form_error_keeps_input(
        response,
        "Another article already uses this slug; choose a different one.",
        "A careful headline",
        "A dek worth keeping",
        "Body text kept",
    )
    assert Article.objects.count() == 1


def test_rating_outside_its_scale_is_explained_on_the_rating_field(staff_client):
    data = article_form(
        kind="review", headline="Season one review", slug="season-one-review", rating="6", verdict="Kept"
    )

    response = staff_client.post(reverse("admin:articles_article_add"), data)

    assert_form_error_keeps_input(
        response, "The rating must be between 0 and 5 on this scale.", "Season one review", "Kept"
    )
    assert response.context["adminform"].form.errors["rating"]


@pytest.mark.parametrize(
    "season, episode, message",
    [
        ("2", "", "has no season 2."),
        ("1", "99", "season 1 has no episode 99."),
        ("", "3", "Give the season the episode belongs to."),
        ("0", "", "Ensure this value is greater than or equal to 1."),
    ],
)
def test_spoiler_tag_for_a_missing_season_or_episode_is_explained(staff_client, season, episode, message):
    series = factories.work("Tiny Pretty Things")
    factories.season(series, number=1, episodes=10)
    data = article_form(
        headline="Recap kept",
        slug="recap-kept",
        **inline_management(
            "spoiler_items", [{"work": series.pk, "season": season, "episode": episode, "severity": "major"}]
        ),
    )

    response = staff_client.post(reverse("admin:articles_article_add"), data)

    assert_form_error_keeps_input(response, message, "Recap kept")
    assert not Article.objects.exists()
    assert not SpoilerScope.objects.exists()


def test_the_same_spoiler_scope_twice_is_explained(staff_client):
    series = factories.work()
    factories.season(series, number=1, episodes=2)
    row = {"work": series.pk, "season": "1", "episode": "2", "severity": "major"}
    data = article_form(headline="Twice", slug="twice", **inline_management("spoiler_items", [row, dict(row)]))

    response = staff_client.post(reverse("admin:articles_article_add"), data)

    assert_form_error_keeps_input(response, "The same spoiler scope is listed twice", "Twice")


def test_editing_a_spoiler_tag_shows_its_work_season_and_episode(staff_client):
    series = factories.work("Tiny Pretty Things")
    factories.season(series, number=1, episodes=10)
    article = factories.article()
    factories.spoiler(article, series, 1, 10, severity="ending")

    form = staff_client.get(reverse("admin:articles_article_change", args=[article.pk])).context[
        "inline_admin_formsets"
    ]
    spoiler_form = next(f for f in form if f.formset.prefix == "spoiler_items").formset.forms[0]

    assert (spoiler_form.initial["work"], spoiler_form.initial["season"], spoiler_form.initial["episode"]) == (
        series.pk,
        1,
        10,
    )


SPOILER_FREE_INTERVIEW = (
    "“The lamp room was the warmest set we had,” said Mira Soto.\n\n"
    "“Nobody on the crew could tie a proper knot,” said Mira Soto.\n"
)
SPOILED_RECAP = (
    "A calm opening about the storm season.\n\n"
    "::: spoiler S1E5\n“I only learned about my sister on the day we shot it,” said Mira Soto.\n:::\n"
)


@pytest.fixture
def lighthouse():
    show = factories.work("The Lighthouse Keepers", slug="lighthouse-keepers")
    factories.season(show, number=1, episodes=8)
    return show


def rendered_article(body: str, *works) -> Article:
    """An article whose stored HTML the renderer wrote; its quotes are added afterwards, each with
    the scope a test gives it."""
    article = factories.article(body=body)
    article.works.add(*works)
    services.article_render(article=article)
    return article


def quote_notes(client, article: Article) -> list[str]:
    """The "needs attention" note of each quote, as the article's change page shows it."""
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    quotes = next(f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "quotes")
    return [
        str(field.contents())
        for form in quotes
        if form.original is not None  # not the blank form "Add another" copies
        for fieldset in form
        for line in fieldset
        for field in line
        if field.is_readonly and field.field["name"] == "attention"
    ]


def test_suggested_quotes_in_a_spoiler_free_article_mention_no_spoiler(staff_client, lighthouse):
    article = factories.article(body=SPOILER_FREE_INTERVIEW)
    article.works.add(lighthouse)
    article.people.add(factories.person("Mira Soto", slug="mira-soto"))
    services.article_analyse(article=article)
    services.article_render(article=article)

    notes = quote_notes(staff_client, article)

    assert len(notes) == 2
    assert not [note for note in notes if "spoiler" in note.lower()]


def test_a_quote_not_found_in_a_spoiler_free_body_says_so(staff_client, lighthouse):
    article = rendered_article(SPOILER_FREE_INTERVIEW, lighthouse)
    factories.quote(article, words="Words the body never printed.", spoiler_scope="unscoped")

    assert quote_notes(staff_client, article) == [
        "These words could not be found in the body as written, so the quote stays off pages outside "
        "the article until they match it."
    ]


def test_a_quote_whose_words_left_the_body_waits_for_them_to_match_again(staff_client, lighthouse):
    article = rendered_article(SPOILER_FREE_INTERVIEW, lighthouse)
    factories.quote(article, words="Words cut in the last edit.", spoiler_scope="unscoped", missing_from_body=True)

    assert quote_notes(staff_client, article) == [
        "These words are no longer in the body. "
        "The quote stays off pages outside the article until its words match the body again."
    ]


def test_a_quote_outside_spoilers_needs_no_note(staff_client, lighthouse):
    article = rendered_article(SPOILED_RECAP, lighthouse)
    factories.quote(article, words="A calm opening about the storm season.", spoiler_scope="")

    assert quote_notes(staff_client, article) == ["—"]


def test_a_quote_inside_a_spoiler_names_the_scope_as_editors_write_it(staff_client, lighthouse):
    article = rendered_article(SPOILED_RECAP, lighthouse)
    factories.quote(article, words="I only learned about my sister", spoiler_scope="lighthouse-keepers:s1e5")

    assert quote_notes(staff_client, article) == [
        "Inside the spoiler for S1E5: outside the article only readers who have watched that far see it."
    ]


@pytest.mark.parametrize(
    "scope, written",
    [("lighthouse-keepers:s1e5", "lighthouse-keepers:S1E5"), ("lighthouse-keepers", "all of The Lighthouse Keepers")],
)
def test_a_spoiler_scope_names_its_work_when_the_article_covers_several(staff_client, lighthouse, scope, written):
    article = rendered_article(SPOILED_RECAP, lighthouse, factories.work("Harbour Lights", slug="harbour-lights"))
    factories.quote(article, words="I only learned about my sister", spoiler_scope=scope)

    assert quote_notes(staff_client, article) == [
        f"Inside the spoiler for {written}: outside the article only readers who have watched that far see it."
    ]


def test_a_spoiler_scope_without_a_work_says_no_reader_sees_the_quote_outside(staff_client):
    article = rendered_article(SPOILED_RECAP)
    factories.quote(article, words="I only learned about my sister", spoiler_scope="s1e5")

    assert quote_notes(staff_client, article) == [
        "Inside the spoiler for S1E5, which names no work: it stays off pages outside the article."
    ]


def test_an_unscoped_quote_in_a_body_with_spoilers_lists_the_possible_reasons(staff_client, lighthouse):
    article = rendered_article(SPOILED_RECAP, lighthouse)
    factories.quote(article, words="I only learned about my sister", spoiler_scope="unscoped")

    [note] = quote_notes(staff_client, article)

    assert note.startswith("The quote stays off pages outside the article: its words sit in a spoiler with no scope")
    assert "span spoilers of more than one work" in note and "could not be found in the body as written" in note


def test_quote_notes_cost_no_query_of_their_own(staff_client, lighthouse):
    article = rendered_article(SPOILED_RECAP, lighthouse, factories.work())
    url = reverse("admin:articles_article_change", args=[article.pk])
    quotes = [factories.quote(article, spoiler_scope="") for _ in range(4)]
    count_queries(staff_client, url)  # the first request fills per-process caches (content types, the site)
    without_notes = count_queries(staff_client, url)
    scopes = [
        ("lighthouse-keepers:s1e2", False),
        ("lighthouse-keepers", False),
        ("unscoped", False),
        ("unscoped", True),
    ]
    for quote, (scope, missing) in zip(quotes, scopes, strict=True):
        quote.spoiler_scope, quote.missing_from_body = scope, missing
        quote.save()
    assert count_queries(staff_client, url) == without_notes


def test_alias_that_is_another_persons_name_is_explained(staff_client):
    factories.person("Kylie Jefferson")
    data = person_form(
        name="Casimere Jollette",
        slug="casimere-jollette",
        bio="Bio kept",
        **inline_management("aliases", [{"name": "Kylie Jefferson"}]),
    )

    response = staff_client.post(reverse("admin:people_person_add"), data)

    assert_form_error_keeps_input(
        response, "is the name of another person (Kylie Jefferson)", "Casimere Jollette", "Bio kept"
    )
    assert not PersonAlias.objects.exists()


def test_credit_with_another_works_character_is_explained(staff_client):
    series, film = factories.work("Tiny Pretty Things"), factories.work("Some Film")
    cassie = factories.character(series, "Cassie Shore")
    data = person_form(
        name="Anna Maiche",
        slug="anna-maiche",
        **inline_management(
            "credits", [{"work": film.pk, "role": "cast", "character": cassie.pk, "billing": "1", "note": "Note kept"}]
        ),
    )

    response = staff_client.post(reverse("admin:people_person_add"), data)

    assert_form_error_keeps_input(
        response, "Cassie Shore is a character in Tiny Pretty Things, not in this credit&#x27;s work.", "Note kept"
    )
    assert not Person.objects.filter(slug="anna-maiche").exists()


def test_episode_zero_is_explained_on_the_season_form(staff_client):
    season = factories.season(number=1)
    data = {
        "work": season.work_id,
        "number": "1",
        "title": "Season kept",
        "premiere_date": "",
        **inline_management("episodes", [{"number": "0", "title": "Pilot kept", "air_date": ""}]),
    }

    response = staff_client.post(reverse("admin:people_season_change", args=[season.pk]), data)

    assert_form_error_keeps_input(response, "Episode numbers start at 1.", "Season kept", "Pilot kept")
    assert not Episode.objects.exists()


def test_view_on_site_shows_only_for_a_quote_readers_can_open(staff_client):
    article = factories.published_article(body="“The tide was late,” Mira Soto said.")
    speaker = factories.person("Mira Soto", slug="mira-soto")
    suggested = factories.quote(article, words="The tide was late,", speaker=speaker)
    confirmed = factories.quote(article, words="The tide was late,", speaker=speaker, status="confirmed")

    def links_to_page(quote) -> bool:
        page = staff_client.get(reverse("admin:articles_quote_change", args=[quote.pk])).content.decode()
        return quote.get_absolute_url() in page

    assert staff_client.get(confirmed.get_absolute_url()).status_code == 200
    assert links_to_page(confirmed)
    assert staff_client.get(suggested.get_absolute_url()).status_code == 404
    assert not links_to_page(suggested)


def test_the_headline_and_slug_inputs_show_a_whole_headline(staff_client):
    page = staff_client.get(reverse("admin:articles_article_add")).content.decode()
    for name in ("headline", "slug"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group()
        assert 'size="90"' in tag and "vLargeTextField" in tag and 'maxlength="' in tag


def test_a_quote_given_to_someone_other_than_the_name_in_print_says_so(staff_client, lighthouse):
    article = rendered_article(SPOILER_FREE_INTERVIEW, lighthouse)
    aiko = factories.person("Aiko Kimura", slug="aiko-kimura")
    PersonAlias.objects.create(person=aiko, name="Aiko K.")
    for printed in ("Kimura", "Aiko Kimura", "Aiko K.", Quote.UNATTRIBUTED):
        factories.quote(article, words=f"Said as {printed}.", speaker=aiko, speaker_name=printed)
    factories.quote(article, words="Said by someone else.", speaker=aiko, speaker_name="Leo Park")

    notes = quote_notes(staff_client, article)

    assert notes.count("—") == 4
    assert (
        "The article prints “Leo Park”; the speaker chosen is Aiko Kimura. Check the choice, or give them that "
        "name as an alias." in notes
    )
