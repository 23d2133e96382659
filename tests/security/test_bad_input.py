"""Crafted admin input answers with the form and an error, never a server error, and keeps the text.

A key too large for the database ("99999999999999999999"), a key that is no number ("abc") or a
number no column holds, posted to any admin form or inline (as a superuser and as an Editor),
comes back as the form (200) with the error shown and the headline and body the editor typed still
in it. Changelist query strings the admin does not understand answer 200, 302 or 400.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.admin_helpers import article_form, inline_management, person_form, work_form

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
NOT_A_KEY = "abc"
HEADLINE = "Typed headline that must survive"
BODY = "Typed body text that must survive a refused save."
INVALID_CHOICE = "Select a valid choice"
TOO_LARGE = "Ensure this value is less than or equal to"


@pytest.fixture(params=["superuser", "Editor"])
def user(request):
    users = get_user_model().objects
    if request.param == "superuser":
        return users.create_superuser("chief", password="x" * 16)
    editor = users.create_user("editor", password="x" * 16, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    return editor


@pytest.fixture
def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def typed_article(**fields) -> dict:
    return article_form(headline=HEADLINE, slug="typed-headline", body=BODY, **fields)


def assert_refused(response, message: str, *typed: str) -> None:
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    content = response.content.decode()
    assert message in content, f"no “{message}” in the page"
    for text in typed:
        assert text in content, f"the typed “{text}” was lost"


# --- The article form ---------------------------------------------------------------------------


def test_the_untouched_forms_save(admin_client):
    """The baseline the crafted posts change one value of is itself valid, so each refusal below
    is the crafted value's."""
    work, person = factories.work(), factories.person()
    assert admin_client.post(reverse("admin:articles_article_add"), typed_article()).status_code == 302
    assert admin_client.post(reverse("admin:people_work_add"), work_form()).status_code == 302
    person_data = person_form(name="Typed Name", slug="typed-name")
    assert admin_client.post(reverse("admin:people_person_add"), person_data).status_code == 302
    for url, data in LIBRARY_BASELINES.items():
        data = {name: value.format(work=work.pk, person=person.pk) for name, value in data.items()}
        for prefix in ("episodes", "characters", "credits", "seasons"):
            data.update(inline_management(prefix))
        assert admin_client.post(reverse(url), data).status_code in (302, 403), url


ARTICLE_FIELDS = [
    ("works", HUGE, INVALID_CHOICE),
    ("works", NOT_A_KEY, INVALID_CHOICE),
    ("people", HUGE, INVALID_CHOICE),
    ("hero_image", NOT_A_KEY, INVALID_CHOICE),
    ("hero_image", HUGE, INVALID_CHOICE),
    ("reviewed_work", HUGE, INVALID_CHOICE),
    ("reviewed_season", NOT_A_KEY, INVALID_CHOICE),
    ("reviewed_episode", HUGE, INVALID_CHOICE),
    ("rating_scale", HUGE, INVALID_CHOICE),
    ("rating", HUGE, "Ensure that there are no more than"),
]


@pytest.mark.parametrize(("name", "value", "message"), ARTICLE_FIELDS)
def test_article_add_refuses_a_crafted_value(admin_client, name, value, message):
    response = admin_client.post(reverse("admin:articles_article_add"), typed_article(**{name: value}))
    assert_refused(response, message, HEADLINE, BODY)


@pytest.mark.parametrize(("name", "value", "message"), ARTICLE_FIELDS[:4])
def test_article_change_refuses_a_crafted_value(admin_client, user, name, value, message):
    article = factories.article(headline="Stored headline", body="Stored body.", created_by=user)
    data = typed_article(**{name: value}, base_version=str(article.version))
    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert_refused(response, message, HEADLINE, BODY)


INLINE_ROWS = [
    ("bylines", {"person": HUGE, "label": "", "position": "0"}, INVALID_CHOICE),
    ("bylines", {"person": NOT_A_KEY, "label": "", "position": "0"}, INVALID_CHOICE),
    ("bylines", {"person": "{person}", "label": "", "position": HUGE}, TOO_LARGE),
    ("quotes", {"status": "suggested", "speaker": HUGE, "words": "Words", "confidence": "1", "position": "0"},
     INVALID_CHOICE),
    ("quotes", {"status": "suggested", "speaker": NOT_A_KEY, "words": "Words"}, INVALID_CHOICE),
    ("spoiler_items", {"work": HUGE, "season": "", "episode": "", "severity": "major"}, INVALID_CHOICE),
    ("spoiler_items", {"work": NOT_A_KEY, "season": "", "episode": "", "severity": "major"}, INVALID_CHOICE),
    ("spoiler_items", {"work": "{work}", "season": HUGE, "episode": "", "severity": "major"}, TOO_LARGE),
    ("spoiler_items", {"work": "{work}", "season": "1", "episode": HUGE, "severity": "major"}, TOO_LARGE),
]  # fmt: skip


@pytest.mark.parametrize(("prefix", "row", "message"), INLINE_ROWS)
def test_article_inline_refuses_a_crafted_value(admin_client, prefix, row, message):
    person, work = factories.person(), factories.work()
    row = {name: value.format(person=person.pk, work=work.pk) for name, value in row.items()}
    data = typed_article(**inline_management(prefix, [row]))
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert_refused(response, message, HEADLINE, BODY)


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"character": NOT_A_KEY}, INVALID_CHOICE), ({"position": HUGE}, TOO_LARGE), ({"confidence": HUGE}, "")],
)
def test_quote_form_refuses_a_crafted_value_and_keeps_the_words(admin_client, fields, message):
    """A quote's character and position are edited on its own page, not in the article's one-line rows."""
    from articles.models import Quote

    article = factories.article(body="“Typed words,” she said.")
    data = {"article": article.pk, "words": "Typed words", "speaker_name": "Typed Name", "status": "suggested",
            "confidence": "1", "position": "0", **fields}  # fmt: skip
    response = admin_client.post(reverse("admin:articles_quote_add"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page and message in page and "Typed words" in page and "Typed Name" in page
    assert not Quote.objects.exists()


# --- Every other admin form with a relation or a number -----------------------------------------


def test_person_form_refuses_a_crafted_headshot_and_credit(admin_client):
    data = person_form(name="Typed Name", slug="typed-name", bio="Typed biography", headshot=NOT_A_KEY)
    data.update(inline_management("credits", [{"work": HUGE, "role": "cast", "billing": HUGE, "note": ""}]))
    response = admin_client.post(reverse("admin:people_person_add"), data)
    assert_refused(response, INVALID_CHOICE, "Typed Name", "Typed biography")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"based_on": HUGE}, INVALID_CHOICE),
        ({"poster": NOT_A_KEY}, INVALID_CHOICE),
        ({"year": HUGE}, TOO_LARGE),
        (inline_management("seasons", [{"number": HUGE, "title": ""}]), TOO_LARGE),
    ],
)
def test_work_form_refuses_a_crafted_value(admin_client, fields, message):
    response = admin_client.post(reverse("admin:people_work_add"), work_form(**fields))
    assert_refused(response, message, "Typed Title", "Typed synopsis")


LIBRARY_BASELINES = {
    "admin:people_season_add": {"work": "{work}", "number": "1", "title": "Typed season"},
    "admin:people_credit_add": {"person": "{person}", "work": "{work}", "role": "cast", "billing": "1"},
    "admin:people_character_add": {"work": "{work}", "name": "Typed character", "slug": "typed"},
}


@pytest.mark.parametrize(
    ("url", "data", "message", "typed"),
    [
        ("admin:people_season_add", {"work": HUGE, "number": "1", "title": "Typed season"}, INVALID_CHOICE, None),
        ("admin:people_season_add", {"work": "{work}", "number": HUGE, "title": "Typed season"}, TOO_LARGE, None),
        ("admin:people_episode_add", {"season": NOT_A_KEY, "number": "1", "title": "Typed episode"}, INVALID_CHOICE,
         None),
        ("admin:people_character_add", {"work": HUGE, "name": "Typed character", "slug": "typed"}, INVALID_CHOICE,
         None),
        ("admin:people_credit_add", {"person": HUGE, "work": "{work}", "role": "cast", "billing": "1"},
         INVALID_CHOICE, None),
        ("admin:people_credit_add", {"person": "{person}", "work": "{work}", "role": "cast", "billing": HUGE},
         TOO_LARGE, None),
        ("admin:articles_quote_add", {"article": HUGE, "words": "Typed words", "status": "suggested",
                                      "confidence": "1", "position": "0"}, INVALID_CHOICE, "Typed words"),
        ("admin:articles_spoilerscope_add", {"work": NOT_A_KEY, "season_number": "", "episode_number": "",
                                             "name": "Typed scope"}, INVALID_CHOICE, None),
        ("admin:articles_spoilerscope_add", {"work": "{work}", "season_number": HUGE, "episode_number": "",
                                             "name": "Typed scope"}, TOO_LARGE, None),
    ],
)  # fmt: skip
def test_library_forms_refuse_a_crafted_value(admin_client, url, data, message, typed):
    work, person = factories.work(), factories.person()
    data = {name: value.format(work=work.pk, person=person.pk) for name, value in data.items()}
    for prefix in ("episodes", "characters", "credits", "seasons"):
        data.update(inline_management(prefix))
    response = admin_client.post(reverse(url), data)
    assert response.status_code in (200, 403), f"{url}: {response.status_code}"
    if response.status_code == 200:
        assert_refused(response, message, *([typed] if typed else []))


# --- Changelist query strings -------------------------------------------------------------------

CHANGELISTS = [
    "admin:articles_article_changelist",
    "admin:articles_quote_changelist",
    "admin:articles_spoilerscope_changelist",
    "admin:articles_auditentry_changelist",
    "admin:people_person_changelist",
    "admin:people_work_changelist",
    "admin:people_season_changelist",
    "admin:people_episode_changelist",
    "admin:people_character_changelist",
    "admin:people_credit_changelist",
    "admin:images_image_changelist",
]
QUERIES = [
    "works__id__exact=abc",
    f"works__id__exact={HUGE}",
    "work__id__exact=abc",
    f"work__id__exact={HUGE}",
    "season__work__id__exact=abc",
    "o=xyz",
    "o=999",
    "p=-1",
    "p=abc",
    f"p={HUGE}",
    "q=" + "x" * 20_000,
    "status__exact=nonsense",
    "publish_at__year=abc",
    "spoiler=nonsense",
    "all=&e=1",
]


@pytest.mark.parametrize("url", CHANGELISTS)
def test_changelist_answers_hostile_query_strings_without_a_server_error(admin_client, url):
    factories.article(headline="Listed")
    failures = []
    for query in QUERIES:
        try:
            response = admin_client.get(f"{reverse(url)}?{query}")
        except Exception as error:  # the test client re-raises what would be a 500
            failures.append(f"?{query[:40]}: {type(error).__name__}: {error}")
            continue
        if response.status_code not in (200, 302, 400, 403):
            failures.append(f"?{query[:40]}: {response.status_code}")
    assert not failures, failures
