"""A live article keeps its public text until "Publish changes", from every door that can reach it;
the publishing buttons offer what the editor's role and the article's state allow."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, AuditEntry, Correction, Revision
from tests import factories
from tests.admin_helpers import inline_management
from tests.articles.test_workflow import change_url, form_for
from tests.factories import client_for, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def live():
    article = factories.published_article(slug="the-live-piece", headline="The live headline", body="Live body.")
    factories.byline(article)
    return article


def reader_page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_saving_a_live_article_keeps_what_readers_see_until_publish_changes(client, live):
    editor = client_for(member("Editor"))
    response = editor.post(
        change_url(live), form_for(live, headline="A better headline", body="A rewritten body.", action="save")
    )
    assert response.status_code == 302

    live.refresh_from_db()
    assert live.headline == "The live headline" and live.body == "Live body."
    assert live.pending_changes.kind == Revision.Kind.DRAFT
    page = reader_page(client, live)
    assert "The live headline" in page and "rewritten" not in page

    # The form goes on from the unpublished changes and shows how they differ from the live text.
    form = editor.get(change_url(live)).content.decode()
    assert 'value="A better headline"' in form and "A rewritten body." in form
    assert "Unpublished changes" in form and "<del>Live body.</del>" in form and "<ins>A rewritten body.</ins>" in form

    live.refresh_from_db()
    editor.post(change_url(live), form_for(live, headline="A better headline", body="A rewritten body.",
                                           action="publish_changes"))  # fmt: skip
    live.refresh_from_db()
    assert live.headline == "A better headline" and live.pending_changes is None
    page = reader_page(client, live)
    assert "A better headline" in page and "A rewritten body." in page


def test_the_plain_save_of_a_live_article_is_for_later_whatever_the_form_posts(client, live):
    """A script posting the old form (no button, the status field saying "published") cannot
    change the live text either: only "Publish changes" does."""
    editor = client_for(member("Editor"))
    editor.post(change_url(live), form_for(live, body="Changed without a button."))
    live.refresh_from_db()
    assert live.body == "Live body." and live.pending_changes is not None


def test_unpublished_changes_carry_coverage_but_bylines_and_corrections_apply_at_once(client, live):
    editor = client_for(member("Editor"))
    work = factories.work("Harbour Lights")
    before = live.updated_at
    data = form_for(
        live,
        body="Draft body.",
        works=[str(work.pk)],
        tags="lighthouses, coastal",
        action="save",
        **inline_management(
            "corrections", [{"corrected_at_0": "2026-03-01", "corrected_at_1": "09:00", "note": "A date was wrong."}]
        ),
    )
    assert editor.post(change_url(live), data).status_code == 302
    live.refresh_from_db()
    # What readers see: the correction is public at once, the coverage waits with the body.
    assert Correction.objects.get(article=live).note == "A date was wrong."
    assert live.updated_at > before
    assert list(live.works.all()) == [] and list(live.tags.names()) == []
    assert "A date was wrong." in reader_page(client, live)

    form = editor.get(change_url(live)).content.decode()
    assert f'<option value="{work.pk}" selected>' in form and "coastal, lighthouses" in form

    services.article_publish_changes(article=live, user=member("Editor", "second-editor"))
    live.refresh_from_db()
    assert list(live.works.all()) == [work] and sorted(live.tags.names()) == ["coastal", "lighthouses"]
    assert live.body == "Draft body." and live.pending_changes is None


def test_saving_for_later_with_nothing_public_changed_leaves_the_modified_time(live):
    before = live.updated_at
    client_for(member("Editor")).post(change_url(live), form_for(live, dek="A new dek.", action="save"))
    live.refresh_from_db()
    assert live.updated_at == before and live.dek == ""


def test_discarding_brings_the_form_back_to_the_live_text_and_refuses_a_stale_page(live):
    editor = client_for(member("Editor"))
    editor.post(change_url(live), form_for(live, headline="Second thoughts", action="save"))
    live.refresh_from_db()
    discard = reverse("admin:articles_article_discard", args=[live.pk])

    response = editor.post(discard, {"base_version": str(live.version - 1)}, follow=True)
    assert "nothing was discarded" in response.content.decode()
    live.refresh_from_db()
    assert live.pending_changes is not None

    editor.post(discard, {"base_version": str(live.version)})
    live.refresh_from_db()
    assert live.pending_changes is None and live.headline == "The live headline"
    assert 'value="The live headline"' in editor.get(change_url(live)).content.decode()
    assert AuditEntry.objects.filter(article=live, action=AuditEntry.Action.CHANGES_DISCARDED).exists()
    # The changes stay in the history, as every revision does.
    assert live.revisions.filter(kind=Revision.Kind.DRAFT, data__fields__headline="Second thoughts").exists()


def test_two_editors_saving_for_later_from_the_same_version_conflict(live):
    first, second = client_for(member("Editor")), client_for(member("Editor", "other-editor"))
    opened = form_for(live)
    first.post(change_url(live), {**opened, "headline": "First editor's", "action": "save"})
    response = second.post(change_url(live), {**opened, "headline": "Second editor's", "action": "save"})
    assert response.status_code == 409
    live.refresh_from_db()
    assert live.pending_changes.data["fields"]["headline"] == "First editor's"


def test_a_contributor_cannot_save_changes_to_a_live_article_from_any_door(live):
    contributor = member("Contributor")
    response = client_for(contributor).post(change_url(live), form_for(live, body="Vandalised.", action="save"))
    assert response.status_code == 403
    live.refresh_from_db()
    live.body = "Vandalised."
    with pytest.raises(PermissionDenied):
        services.article_save_for_later(article=live, user=contributor, base_version=live.version, coverage={})
    with pytest.raises(PermissionDenied):
        services.article_publish_changes(article=live, user=contributor)
    live.refresh_from_db()
    assert live.body == "Live body." and live.pending_changes is None


def test_the_core_saves_for_later_only_a_live_article():
    draft = factories.article(body="Draft.")
    with pytest.raises(ValidationError):
        services.article_save_for_later(article=draft, user=None, base_version=draft.version, coverage={})
    scheduled = factories.article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1))
    with pytest.raises(ValidationError):
        services.article_save_for_later(article=scheduled, user=None, base_version=scheduled.version, coverage={})


def test_other_doors_keep_the_unpublished_changes_for_the_editor(live):
    """A bulk action changing the live article does not silently drop what an editor saved for later."""
    editor = member("Editor")
    client_for(editor).post(change_url(live), form_for(live, body="Waiting.", action="save"))
    work = factories.work("Tide Table")
    scope = factories.spoiler(live, work).tag
    live.refresh_from_db()
    services.article_set_spoiler_scope(article=live, scope=scope, severity="minor", user=editor)
    live.refresh_from_db()
    assert live.pending_changes is not None and live.pending_changes.data["fields"]["body"] == "Waiting."


def test_the_publish_bulk_action_publishes_unpublished_changes(client, live):
    editor = client_for(member("Editor"))
    editor.post(change_url(live), form_for(live, body="From the bulk action.", action="save"))
    response = editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [str(live.pk)]},
        follow=True,
    )
    assert "Published 1 article(s)." in response.content.decode()
    live.refresh_from_db()
    assert live.body == "From the bulk action." and live.pending_changes is None
    assert "From the bulk action." in reader_page(client, live)


def test_unpublishing_from_the_form_keeps_the_changes_the_form_showed(client, live):
    editor = client_for(member("Editor"))
    editor.post(change_url(live), form_for(live, body="Rewritten while live.", action="save"))
    live.refresh_from_db()
    editor.post(change_url(live), form_for(live, body="Rewritten while live.", action="unpublish"))
    live.refresh_from_db()
    assert live.status == Article.Status.UNPUBLISHED and live.body == "Rewritten while live."
    assert live.pending_changes is None
    assert client.get(live.get_absolute_url()).status_code == 404


def test_the_list_says_which_live_articles_have_unpublished_changes(live):
    editor = client_for(member("Editor"))
    editor.post(change_url(live), form_for(live, body="Pending.", action="save"))
    listing = editor.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "with unpublished changes" in listing


# --- The publishing buttons ------------------------------------------------------------------


def buttons(client, url) -> list[str]:
    page = client.get(url).content.decode()
    return [label for value, label in BUTTONS if f'name="action" value="{value}"' in page]


BUTTONS = [
    ("save", "save"),
    ("publish", "publish"),
    ("schedule", "schedule"),
    ("unpublish", "unpublish"),
    ("submit", "submit"),
    ("return", "return"),
    ("publish_changes", "publish_changes"),
]


def test_buttons_follow_the_role_and_the_state(live):
    editor, contributor = member("Editor"), member("Contributor")
    add = reverse("admin:articles_article_add")
    assert buttons(client_for(editor), add) == ["save", "publish", "schedule"]
    assert buttons(client_for(contributor), add) == ["save", "submit"]

    own = factories.article(created_by=contributor)
    assert buttons(client_for(contributor), change_url(own)) == ["save", "submit"]
    review = factories.article(status=Article.Status.IN_REVIEW)
    assert buttons(client_for(editor), change_url(review)) == ["save", "publish", "schedule", "return"]
    scheduled = factories.article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=2))
    assert buttons(client_for(editor), change_url(scheduled)) == ["save", "publish", "return"]
    assert buttons(client_for(editor), change_url(live)) == ["save", "unpublish", "publish_changes"]
    # A contributor may only look at a live article: no button changes it.
    assert buttons(client_for(contributor), change_url(live)) == []


def test_each_button_moves_the_article_as_it_says(client):
    editor = client_for(member("Editor"))
    article = factories.publishable_article()
    editor.post(change_url(article), form_for(article, action="publish"))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.publish_at <= timezone.now()
    assert client.get(article.get_absolute_url()).status_code == 200

    article.refresh_from_db()
    editor.post(change_url(article), form_for(article, action="unpublish"))
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED

    later = timezone.localtime(timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    data = form_for(article, action="schedule", publish_at_0=f"{later:%Y-%m-%d}", publish_at_1=f"{later:%H:%M:%S}")
    response = editor.post(change_url(article), data, follow=True)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.publish_at == later
    assert f"Goes live on {later:%b %-d, %Y %H:%M}" in response.content.decode()

    editor.post(change_url(article), form_for(article, action="return"))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.publish_at is None


def test_scheduling_without_a_future_time_is_refused_and_keeps_the_text():
    editor = client_for(member("Editor"))
    article = factories.publishable_article()
    past = timezone.localtime(timezone.now() - timedelta(days=1))
    data = form_for(
        article, headline="Typed, not lost", action="schedule",
        publish_at_0=f"{past:%Y-%m-%d}", publish_at_1=f"{past:%H:%M:%S}",
    )  # fmt: skip
    response = editor.post(change_url(article), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "give a publish time in the future" in page and 'value="Typed, not lost"' in page
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_contributor_submits_with_the_button_and_cannot_publish_with_a_crafted_one(client):
    contributor = member("Contributor")
    article = factories.publishable_article(created_by=contributor)
    response = client_for(contributor).post(change_url(article), form_for(article, action="publish"))
    assert response.status_code == 200 and "Only editors can publish" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    client_for(contributor).post(change_url(article), form_for(article, action="submit"))
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


@pytest.mark.parametrize(
    ("base_version", "message"),
    [("", "which version of the article"), ("seven", "which version of the article"), ("-1", "nothing was discarded")],
)
def test_a_discard_without_a_readable_version_is_refused_and_keeps_the_changes(live, base_version, message):
    editor = client_for(member("Editor"))
    editor.post(change_url(live), form_for(live, headline="Kept for later", action="save"))
    response = editor.post(
        reverse("admin:articles_article_discard", args=[live.pk]), {"base_version": base_version}, follow=True
    )
    page = response.content.decode()
    assert message in page
    live.refresh_from_db()
    assert live.pending_changes.data["fields"]["headline"] == "Kept for later"


def test_an_unknown_button_is_refused_and_keeps_what_was_typed():
    article = factories.publishable_article()
    response = client_for(member("Editor")).post(
        change_url(article), form_for(article, headline="Typed, kept", action="publish-everything")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page and 'value="Typed, kept"' in page
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.headline != "Typed, kept"
