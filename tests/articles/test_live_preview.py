"""The live preview renders unsaved text through the save pipeline, writes nothing, and answers
only to those who may see the article."""

import json

import pytest
from django.urls import reverse

from articles.models import Article
from tests import factories
from tests.factories import client_for, member

pytestmark = pytest.mark.django_db

PREVIEW = reverse("admin:articles_article_preview")


def preview(client, **fields) -> dict:
    response = client.post(PREVIEW, fields)
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


@pytest.fixture
def show():
    work = factories.work("Gannet Head", slug="gannet-head")
    factories.season(work, number=1, episodes=4)
    return work


SPOILER_BODY = "Before the twist.\n\n:::spoiler S1E3\nThe lighthouse keeper was the thief.\n:::\n"


def test_unsaved_text_is_rendered_with_its_spoilers_hidden_and_nothing_is_written(show):
    editor = client_for(member("Editor"))
    article = factories.published_article(headline="Stored headline", body="Stored body.")
    answer = preview(
        editor, preview_of=str(article.pk), headline="Typed headline", body=SPOILER_BODY, works=[str(show.pk)]
    )
    document = answer["document"]
    assert "Typed headline" in document and "Before the twist." in document
    assert 'data-spoiler="gannet-head:s1e3"' in document
    assert "<details" in document and " open" not in document.split("<details", 1)[1].split(">", 1)[0]
    assert answer["card"]["title"] == "Typed headline"
    assert [choice["value"] for choice in answer["through"]] == [f"gannet-head:S1E{n}" for n in range(1, 5)]
    article.refresh_from_db()
    assert article.headline == "Stored headline" and article.body == "Stored body." and "twist" not in article.body_html


def test_a_reader_who_has_watched_far_enough_gets_the_spoiler_open_and_one_who_has_not_does_not(show):
    editor = client_for(member("Editor"))
    common = {"headline": "H", "body": SPOILER_BODY, "works": [str(show.pk)]}
    opened = preview(editor, preview_through="gannet-head:S1E3", **common)["document"]
    closed = preview(editor, preview_through="gannet-head:S1E2", **common)["document"]
    revealed = preview(editor, preview_spoilers="shown", **common)["document"]
    opened_tag = 'data-spoiler="gannet-head:s1e3" data-nosnippet="" open>'
    assert opened_tag in opened and opened_tag in revealed
    assert opened_tag not in closed and 'data-spoiler="gannet-head:s1e3"' in closed


def test_a_bad_through_value_is_explained_not_a_failure(show):
    answer = preview(client_for(member("Editor")), headline="H", body=SPOILER_BODY, preview_through="not a scope!")
    assert any("not a point in a show" in warning for warning in answer["warnings"])


def test_the_body_is_sanitized_as_on_the_page():
    body = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">'
    answer = preview(client_for(member("Editor")), headline="<b>H</b>", body=body)
    assert "<script>alert" not in answer["document"] and "<img src=x" not in answer["document"]
    assert "&lt;b&gt;H&lt;/b&gt;" in answer["document"]


def test_the_social_card_uses_the_dek_then_the_excerpt():
    editor = client_for(member("Editor"))
    assert preview(editor, headline="H", dek="A dek.", body="Body text.")["card"]["description"] == "A dek."
    assert preview(editor, headline="H", body="Only the body here.")["card"]["description"].startswith("Only the body")
    # The card is a never-spoil zone, like the page's own description.
    spoiled = preview(editor, headline="H", body=":::spoiler S1E3\nThe keeper was the thief.\n:::\n\nAfter.")
    assert "thief" not in spoiled["card"]["description"] and "After." in spoiled["card"]["description"]


def test_only_staff_who_may_see_the_article_get_a_preview(client):
    from django.contrib.auth import get_user_model

    draft = factories.article(body="Someone else's draft.")
    no_articles = get_user_model().objects.create_user("image-desk", password="x" * 16, is_staff=True)
    assert client_for(no_articles).post(PREVIEW, {"preview_of": str(draft.pk), "body": "x"}).status_code == 403
    assert client_for(no_articles).post(PREVIEW, {"body": "x"}).status_code == 403
    assert client.post(PREVIEW, {"body": "x"}).status_code == 302  # to the login page
    editor = client_for(member("Editor"))
    assert editor.get(PREVIEW).status_code == 405
    assert editor.post(PREVIEW, {"preview_of": "999999", "body": "x"}).status_code == 404
    assert editor.post(PREVIEW, {"preview_of": "../1", "body": "x"}).status_code == 404
    own = factories.article(created_by=member("Contributor", "writer"), body="Mine.")
    writer = client_for(own.created_by)
    assert writer.post(PREVIEW, {"preview_of": str(own.pk), "headline": "Mine", "body": "Mine."}).status_code == 200


def test_the_change_form_carries_the_preview_panel_without_inline_script():
    editor = client_for(member("Editor"))
    article = factories.article(body="Body.")
    page = editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert 'id="live-preview-template"' in page and "js/live-preview.js" in page
    assert f'data-preview-of="{article.pk}"' in page
    assert Article.objects.count() == 1


def test_the_preview_reads_as_many_rows_for_a_long_series_as_for_a_short_one():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    editor = client_for(member("Editor"))

    def queries(episodes: int) -> int:
        work = factories.work(f"Show of {episodes}")
        factories.season(work, number=1, episodes=episodes)
        factories.season(work, number=2, episodes=episodes)
        article = factories.article(body="Body.")
        factories.quote(article, factories.person(), status="confirmed", words="Body")
        with CaptureQueriesContext(connection) as context:
            preview(editor, preview_of=str(article.pk), headline="H", body=SPOILER_BODY, works=[str(work.pk)])
        return len(context.captured_queries)

    assert queries(2) == queries(20)
