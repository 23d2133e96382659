"""Roles, states, previews, conflicts, old addresses and the audit log."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, AuditEntry, Correction, Revision, ShareLink
from tests import factories
from tests.admin_helpers import article_form, inline_management
from tests.factories import client_for, member

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def form_for(article, **changes) -> dict:
    """What the change form would post for ``article``, with ``changes`` applied."""
    data = article_form(
        kind=article.kind,
        headline=article.headline,
        slug=article.slug,
        dek=article.dek,
        body=article.body,
        status=article.status,
        base_version=str(article.version),
        **inline_management(
            "bylines",
            [
                {"id": b.pk, "article": article.pk, "person": b.person_id, "label": b.label, "position": b.position}
                for b in article.bylines.all()
            ],
            initial=article.bylines.count(),
        ),
    )
    if article.publish_at:
        local = timezone.localtime(article.publish_at)
        data.update({"publish_at_0": local.strftime("%Y-%m-%d"), "publish_at_1": local.strftime("%H:%M:%S")})
    data.update(changes)
    return data


def test_roles_exist_with_the_right_powers():
    contributor, editor = member("Contributor"), member("Editor")
    assert not services.can_publish(contributor)
    assert services.can_publish(editor)
    assert member("Admin", "boss").has_perm("auth.change_user")


def test_contributor_edits_own_drafts_but_not_others_or_published_ones():
    writer, other = member("Contributor"), member("Contributor", "other")
    own = factories.article(created_by=writer)
    theirs = factories.article(created_by=other)
    published = factories.published_article(created_by=writer)
    client = client_for(writer)

    assert client.get(change_url(own)).status_code == 200
    assert 'name="headline"' not in client.get(change_url(theirs)).content.decode()  # view only
    assert client.post(change_url(theirs), form_for(theirs, headline="Hijacked")).status_code == 403
    assert client.post(change_url(published), form_for(published, headline="Changed")).status_code == 403
    theirs.refresh_from_db()
    assert theirs.headline != "Hijacked"


def test_contributor_cannot_publish_through_the_form():
    writer = member("Contributor")
    draft = factories.article(created_by=writer, body="Text.")
    factories.byline(draft)
    response = client_for(writer).post(
        change_url(draft), form_for(draft, status="published", publish_at_0="2026-01-01", publish_at_1="10:00")
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "Only editors" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_contributor_adds_an_article_as_its_owner_and_submits_it():
    writer = member("Contributor")
    client = client_for(writer)
    response = client.post(reverse("admin:articles_article_add"), article_form(headline="Mine", slug="mine", body="x"))
    assert response.status_code == 302
    article = Article.objects.get(slug="mine")
    assert article.created_by == writer

    client.post(
        reverse("admin:articles_article_changelist"), {"action": "submit_selected", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert AuditEntry.objects.filter(article=article, action="submit", user=writer).exists()


def test_contributors_are_not_offered_publishing_actions():
    writer = member("Contributor")
    factories.article(created_by=writer)
    page = client_for(writer).get(reverse("admin:articles_article_changelist")).content.decode()
    assert "submit_selected" in page
    assert "publish_selected" not in page and "unpublish_selected" not in page


def test_editor_publishes_through_the_form_and_it_is_audited():
    editor = member("Editor")
    draft = factories.article(body="The body.")
    factories.byline(draft)
    response = client_for(editor).post(
        change_url(draft), form_for(draft, status="published", publish_at_0="2026-01-01", publish_at_1="10:00")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert AuditEntry.objects.filter(article=draft, action="publish", user=editor).exists()


def test_publishing_lists_everything_missing_at_once():
    draft = factories.article(body="")
    with pytest.raises(ValidationError) as error:
        services.article_publish(article=draft, user=member("Editor"))
    message = " ".join(error.value.messages)
    assert "a byline and a body" in message


def test_publish_from_the_form_without_a_byline_keeps_the_draft_and_says_why():
    editor = member("Editor")
    draft = factories.article(body="")
    response = client_for(editor).post(
        change_url(draft),
        form_for(draft, status="published", headline="Kept headline", publish_at_0="2026-01-01", publish_at_1="10:00"),
        follow=True,
    )
    page = response.content.decode()
    assert "Saved, but not published" in page and "a byline and a body" in page
    draft.refresh_from_db()
    assert draft.headline == "Kept headline" and draft.status == Article.Status.DRAFT


def test_scheduling_is_audited_and_shown():
    editor = member("Editor")
    draft = factories.article(body="Body.")
    factories.byline(draft)
    services.article_publish(article=draft, publish_at=timezone.now() + timedelta(days=2), user=editor)
    assert AuditEntry.objects.filter(article=draft, action="schedule").exists()
    page = client_for(editor).get(reverse("admin:articles_article_changelist")).content.decode()
    assert "<strong>Scheduled</strong> for" in page


def test_review_articles_past_their_publish_time_are_flagged():
    factories.article(status=Article.Status.IN_REVIEW, publish_at=timezone.now() - timedelta(hours=2), headline="Late")
    page = client_for(member("Editor")).get(reverse("admin:articles_article_changelist")).content.decode()
    assert "In review, overdue" in page


def test_every_admin_save_records_a_revision():
    editor = member("Editor")
    draft = factories.article(body="First body.")
    client = client_for(editor)
    client.post(change_url(draft), form_for(draft, body="Second body."))
    draft.refresh_from_db()
    client.post(change_url(draft), form_for(draft, body="Third body."))
    revisions = Revision.objects.filter(article=draft, kind=Revision.Kind.SAVE)
    assert [r.data["fields"]["body"] for r in revisions.order_by("created_at", "pk")] == ["Second body.", "Third body."]
    assert all(r.created_by == editor for r in revisions)


def test_second_editors_save_is_refused_with_a_conflict_page_and_kept():
    first, second = client_for(member("Editor")), client_for(member("Editor", "editor2"))
    article = factories.article(body="Para one.\n\nPara two.", headline="Original")
    opened = form_for(article)  # both open version 1

    assert (
        first.post(change_url(article), {**opened, "body": "Para one, edited by first.\n\nPara two."}).status_code
        == 302
    )
    refused = second.post(
        change_url(article),
        {**opened, "headline": "Second's headline", "body": "Para one.\n\nPara two, edited by second."},
    )

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone saved this article after you opened it" in page
    article.refresh_from_db()
    assert article.headline == "Original" and "edited by first" in article.body
    kept = Revision.objects.get(article=article, kind=Revision.Kind.CONFLICT)
    assert kept.data["fields"]["headline"] == "Second's headline"
    # The merge keeps both editors' paragraph changes.
    assert "Para one, edited by first." in page and "Para two, edited by second." in page


def test_merged_version_saves_over_the_current_one():
    editor = member("Editor")
    article = factories.article(body="One.")
    client = client_for(editor)
    response = client.post(
        reverse("admin:articles_article_merge", args=[article.pk]),
        {"base_version": article.version, "headline": "Merged", "dek": "", "body": "One.\n\nTwo."},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.body, article.version) == ("Merged", "One.\n\nTwo.", 2)


def test_stale_merge_is_itself_refused():
    article = factories.article()
    client = client_for(member("Editor"))
    response = client.post(
        reverse("admin:articles_article_merge", args=[article.pk]),
        {"base_version": article.version + 5, "headline": "Late", "dek": "", "body": ""},
    )
    assert response.status_code == 409


def test_share_link_shows_the_draft_to_anyone_until_it_expires_or_is_revoked(client):
    editor = member("Editor")
    draft = factories.article(headline="Secret draft")
    link = services.share_link_create(article=draft, user=editor)
    url = reverse("articles:share_preview", args=[services.share_link_token(link)])

    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200 and "Secret draft" in page and "preview shared with you" in page
    assert response["X-Robots-Tag"] == "noindex, nofollow" and "no-cache" in response["Cache-Control"]
    assert AuditEntry.objects.filter(article=draft, action="share").exists()

    services.share_link_revoke(link=link, user=editor)
    assert client.get(url).status_code == 404


def test_expired_or_tampered_share_links_answer_404(client):
    link = services.share_link_create(article=factories.article(), user=member("Editor"))
    token = services.share_link_token(link)
    assert client.get(reverse("articles:share_preview", args=[token[:-2] + "xx"])).status_code == 404
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("articles:share_preview", args=[token])).status_code == 404


def test_only_editors_create_share_links():
    draft = factories.article()
    assert (
        client_for(member("Contributor")).post(reverse("admin:articles_article_share", args=[draft.pk])).status_code
        == 403
    )
    assert (
        client_for(member("Editor")).post(reverse("admin:articles_article_share", args=[draft.pk])).status_code == 302
    )
    assert ShareLink.objects.filter(article=draft).count() == 1


def test_changing_a_published_slug_keeps_the_old_address_working(client):
    editor = member("Editor")
    article = factories.published_article(slug="old-address", body="Body.")
    factories.byline(article)
    client_for(editor).post(change_url(article), form_for(article, slug="new-address", action="publish_changes"))
    article.refresh_from_db()
    assert article.slug == "new-address"
    response = client.get("/articles/old-address/")
    assert response.status_code == 301 and response["Location"] == "/articles/new-address/"


def test_correction_shows_with_its_date_and_moves_date_modified(client):
    editor = member("Editor")
    article = factories.published_article(body="Body.")
    factories.byline(article)
    before = article.updated_at
    data = form_for(
        article,
        **inline_management(
            "corrections",
            [{"corrected_at_0": "2026-03-01", "corrected_at_1": "09:00", "note": "We misspelled a name."}],
        ),
    )
    client_for(editor).post(change_url(article), data)
    article.refresh_from_db()
    assert Correction.objects.get(article=article).note == "We misspelled a name."
    assert article.updated_at > before
    page = client.get(article.get_absolute_url()).content.decode()
    assert "We misspelled a name." in page
    assert f'"dateModified": "{article.updated_at.isoformat()}' in page or article.updated_at.isoformat()[:19] in page


def test_audit_log_is_visible_and_read_only_in_the_admin():
    editor = member("Editor")
    draft = factories.article(body="Body.")
    factories.byline(draft)
    services.article_publish(article=draft, user=editor)
    client = client_for(member("Admin", "boss"))
    page = client.get(reverse("admin:articles_auditentry_changelist")).content.decode()
    assert "Published" in page and draft.headline in page
    assert client.get(reverse("admin:articles_auditentry_add")).status_code == 403


def test_only_one_of_two_saves_from_the_same_version_can_win():
    article = factories.article()
    first, second = Article.objects.get(pk=article.pk), Article.objects.get(pk=article.pk)
    services.article_claim_version(article=first, base_version=1, fields={})
    with pytest.raises(services.EditConflict):
        services.article_claim_version(article=second, base_version=1, fields={"headline": "Mine"})
    article.refresh_from_db()
    assert article.version == 2


def test_contributor_status_choices_stop_at_review():
    writer = member("Contributor")
    page = client_for(writer).get(reverse("admin:articles_article_add")).content.decode()
    assert 'value="review"' in page
    assert 'value="published"' not in page and 'value="unpublished"' not in page


@time_machine.travel("2026-03-02 10:00", tick=False)  # a token carries the second it was signed in
def test_the_change_page_lists_live_preview_links_with_their_address_for_editors_only():
    contributor = member("Contributor")
    draft = factories.article(headline="Draft to share", created_by=contributor)
    link = services.share_link_create(article=draft, user=member("Editor"))
    revoked = services.share_link_create(article=draft, user=member("Editor", name="second-editor"))
    services.share_link_revoke(link=revoked, user=member("Editor", name="third-editor"))
    address = reverse("articles:share_preview", args=[services.share_link_token(link)])

    editors_page = client_for(member("Editor", name="fourth-editor")).get(change_url(draft)).content.decode()
    contributors_page = client_for(contributor).get(change_url(draft)).content.decode()

    assert f'value="http://testserver{address}"' in editors_page
    assert reverse("articles:share_preview", args=[services.share_link_token(revoked)]) not in editors_page
    assert "Draft to share" in contributors_page and address not in contributors_page


def test_saving_a_live_or_scheduled_article_links_to_where_readers_find_it():
    editor = client_for(member("Editor"))
    live = factories.published_article(slug="live-piece", body="Body.")
    factories.byline(live)
    response = editor.post(
        change_url(live), form_for(live, headline="Live piece, revised", action="publish_changes"), follow=True
    )
    page = response.content.decode()
    assert 'Live at <a href="http://testserver/articles/live-piece/">' in page

    later = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    scheduled = factories.article(slug="later-piece", body="Body.", status=Article.Status.PUBLISHED, publish_at=later)
    factories.byline(scheduled)
    response = editor.post(change_url(scheduled), form_for(scheduled, headline="Later piece"), follow=True)
    assert f"Goes live on {later:%b %-d, %Y %H:%M}" in response.content.decode()

    draft = factories.article(slug="draft-piece", body="Body.")
    response = editor.post(change_url(draft), form_for(draft, headline="Still a draft"), follow=True)
    assert "Live at" not in response.content.decode() and "Goes live" not in response.content.decode()


def test_publishing_names_every_missing_part_in_one_sentence():
    draft = factories.article(headline=" ", slug="draft-without-much", body="")
    with pytest.raises(ValidationError) as error:
        services.article_publish(article=draft, user=member("Editor"))
    assert error.value.messages == [f"Cannot publish “{draft}” yet; it needs a headline, a byline and a body."]
