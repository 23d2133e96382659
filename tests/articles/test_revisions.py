"""Revisions: snapshots, diffs, restores, the history pages and pruning."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, AuditEntry, Correction, Quote, Revision, SlugRedirect
from articles.revisions import change_summary, revision_diff, revision_record, snapshot
from articles.services import revision_restore
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


def edit(article: Article, **fields) -> Article:
    """Change an article the way a save would, bumping its version."""
    for name, value in fields.items():
        setattr(article, name, value)
    article.version += 1
    article.save()
    return article


def covered_article() -> Article:
    """An article with something in every part of a snapshot."""
    series = factories.work(title="Tiny Pretty Things")
    article = factories.article(headline="Before", body=BODY)
    article.works.add(series)
    article.tags.add("ballet", "netflix")
    factories.byline(article, factories.person("Ada Critic"), label="TV Critic")
    factories.quote(article, factories.person("Kylie Jefferson"), words="I danced every day.", status="confirmed")
    factories.spoiler(article, series, 1, 10, severity="ending")
    Correction.objects.create(article=article, note="The season number was wrong.")
    return article


# Snapshots and diffs


def test_snapshot_captures_fields_quotes_bylines_spoilers_and_tags():
    article = covered_article()

    data = snapshot(article)

    assert data["fields"]["headline"] == "Before"
    assert data["fields"]["body"] == BODY
    assert data["tags"] == ["ballet", "netflix"]
    assert data["works"] == [article.works.get().pk]
    assert [(b["person_name"], b["label"]) for b in data["bylines"]] == [("Ada Critic", "TV Critic")]
    assert [(q["words"], q["speaker_name"], q["status"]) for q in data["quotes"]] == [
        ("I danced every day.", "Kylie Jefferson", "confirmed")
    ]
    assert [(s["work_title"], s["season"], s["episode"], s["severity"]) for s in data["spoilers"]] == [
        ("Tiny Pretty Things", 1, 10, "ending")
    ]
    assert [c["note"] for c in data["corrections"]] == ["The season number was wrong."]


def test_diff_lists_changed_fields_with_readable_labels():
    article = factories.article(headline="Before", kind="news")
    old = snapshot(article)
    new = snapshot(edit(article, headline="After", kind="review"))

    fields = revision_diff(old, new)["fields"]

    assert {(f["label"], f["old"], f["new"]) for f in fields} == {
        ("Headline", "Before", "After"),
        ("Kind", "News", "Review"),
    }


def test_diff_compares_the_body_paragraph_by_paragraph():
    article = factories.article(body=BODY)
    old = snapshot(article)
    new = snapshot(edit(article, body=BODY.replace("Second paragraph.", "Second paragraph, rewritten.")))

    diff = revision_diff(old, new)

    assert diff["body"] == [
        {"op": "equal", "old": ["First paragraph."], "new": ["First paragraph."]},
        {"op": "replace", "old": ["Second paragraph."], "new": ["Second paragraph, rewritten."]},
        {"op": "equal", "old": ["Third paragraph."], "new": ["Third paragraph."]},
    ]
    assert diff["body_changed"] == 1


def test_diff_summarises_quote_status_and_speaker_changes():
    article = factories.article()
    quote = factories.quote(article, factories.person("Old Speaker"), words="Said it.")
    old = snapshot(article)
    quote.speaker = factories.person("New Speaker")
    quote.status = Quote.Status.CONFIRMED
    quote.save()
    factories.quote(article, words="Another line.")

    quotes = revision_diff(old, snapshot(article))["quotes"]

    assert quotes["added"] == ["“Another line.”"]
    assert quotes["removed"] == []
    assert quotes["changed"] == ["“Said it.”: speaker Old Speaker → New Speaker; status Suggested → Confirmed"]


def test_change_summary_names_fields_body_paragraphs_and_collections():
    article = factories.article(headline="Before", body=BODY)
    old = snapshot(article)
    edit(article, headline="After", body="New start.\n\n" + BODY.replace("Third", "Last"))
    factories.quote(article, words="One.")
    factories.quote(article, words="Two.")

    assert change_summary(old, snapshot(article)) == "headline, body (2 paragraphs), 2 quotes"


def test_change_summary_of_the_first_revision():
    assert change_summary(None, snapshot(factories.article())) == "first revision"


def test_diff_ignores_sections_a_refused_conflict_save_did_not_record():
    article = covered_article()
    full = snapshot(article)
    refused = {"fields": {**full["fields"], "headline": "Theirs"}}

    diff = revision_diff(full, refused)

    assert [f["name"] for f in diff["fields"]] == ["headline"]
    assert change_summary(full, refused) == "headline"


# Restores


def test_restore_writes_the_snapshot_back():
    article = covered_article()
    revision = revision_record(article=article)
    edit(article, headline="After", body="Rewritten.")
    article.tags.set(["other"])
    article.bylines.all().delete()
    article.quotes.all().delete()
    article.spoiler_items.all().delete()
    article.corrections.all().delete()

    revision_restore(article=article, revision=revision, user=None)

    article.refresh_from_db()
    assert article.headline == "Before"
    assert article.body == BODY
    assert "Second paragraph." in article.body_html
    assert snapshot(article) == {**revision.data, "fields": {**revision.data["fields"]}}


def test_restore_makes_a_new_revision_and_an_audit_entry(admin_user):
    article = factories.article(headline="Before")
    revision = revision_record(article=article, user=admin_user)
    edit(article, headline="After")
    revision_record(article=article, user=admin_user)

    restored, _ = revision_restore(article=article, revision=revision, user=admin_user)

    assert restored.kind == Revision.Kind.RESTORE
    assert restored.data["fields"]["headline"] == "Before"
    assert restored.note.startswith("Restored the revision of ")
    assert article.revisions.count() == 3
    assert article.version == 3
    entry = AuditEntry.objects.get(article=article)
    assert (entry.action, entry.user) == (AuditEntry.Action.RESTORE, admin_user)


def test_restore_keeps_a_deleted_speakers_words_and_asks_for_a_new_speaker():
    article = factories.article(body="“I danced every day,” she said.")
    speaker = factories.person("Kylie Jefferson")
    factories.quote(article, speaker, words="I danced every day,", status="confirmed")
    revision = revision_record(article=article)
    article.quotes.all().delete()
    speaker.delete()

    _, warnings = revision_restore(article=article, revision=revision, user=None)

    quote = article.quotes.get()
    assert (quote.words, quote.speaker, quote.speaker_name) == ("I danced every day,", None, "Kylie Jefferson")
    assert quote.status == Quote.Status.SUGGESTED
    assert any("Kylie Jefferson" in warning and "ask for a new speaker" in warning for warning in warnings)


def test_restore_skips_a_deleted_byline_person_with_a_warning():
    article = factories.article()
    gone = factories.person("Gone Writer")
    factories.byline(article, gone, position=0)
    factories.byline(article, factories.person("Still Here"), position=1)
    revision = revision_record(article=article)
    article.bylines.filter(person=gone).delete()
    gone.delete()

    _, warnings = revision_restore(article=article, revision=revision, user=None)

    assert [byline.person.name for byline in article.bylines.all()] == ["Still Here"]
    assert any("Gone Writer" in warning and "byline" in warning for warning in warnings)


def test_restore_keeps_the_rows_of_quotes_with_the_same_words():
    article = factories.article()
    quote = factories.quote(article, words="Kept.")
    revision = revision_record(article=article)
    quote.status = Quote.Status.REJECTED
    quote.save()

    revision_restore(article=article, revision=revision, user=None)

    assert list(article.quotes.values_list("pk", "status")) == [(quote.pk, Quote.Status.SUGGESTED)]


def test_restore_leaves_status_and_publish_time_to_the_publishing_steps():
    article = factories.article()
    revision = revision_record(article=article)
    edit(article, status=Article.Status.PUBLISHED, publish_at=timezone.now())

    _, warnings = revision_restore(article=article, revision=revision, user=None)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert any("status was not restored" in warning for warning in warnings)


def test_restoring_a_refused_conflict_save_brings_back_only_its_fields():
    article = covered_article()
    refused = revision_record(
        article=article, kind=Revision.Kind.CONFLICT, data={"fields": {**snapshot(article)["fields"], "dek": "Theirs"}}
    )

    revision_restore(article=article, revision=refused, user=None)

    article.refresh_from_db()
    assert article.dek == "Theirs"
    assert article.quotes.count() == 1
    assert article.bylines.count() == 1


def test_restoring_an_earlier_slug_keeps_the_current_address_working():
    article = factories.published_article(slug="first")
    revision = revision_record(article=article)
    edit(article, slug="second")

    revision_restore(article=article, revision=revision, user=None)

    article.refresh_from_db()
    assert article.slug == "first"
    assert SlugRedirect.objects.get(old_slug="second").article == article


# Admin pages


def revisions_url(article: Article) -> str:
    return reverse("admin:articles_article_revisions", args=[article.pk])


def diff_url(revision: Revision) -> str:
    return reverse("admin:articles_article_revision_diff", args=[revision.article_id, revision.pk])


def restore_url(revision: Revision) -> str:
    return reverse("admin:articles_article_revision_restore", args=[revision.article_id, revision.pk])


def article_with_revisions(count: int, user=None) -> Article:
    article = covered_article()
    for n in range(count):
        edit(article, headline=f"Headline {n}", body=f"{BODY}\n\nParagraph {n}.")
        factories.quote(article, words=f"Quote {n}.")
        revision_record(article=article, user=user)
    return article


def history_queries(client, article: Article) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(revisions_url(article))
    assert response.status_code == 200
    return len(context.captured_queries)


def test_history_page_lists_who_when_and_what_changed(staff_client, admin_user):
    article = article_with_revisions(2, user=admin_user)

    response = staff_client.get(revisions_url(article))

    content = response.content.decode()
    assert response.status_code == 200
    assert admin_user.get_username() in content
    assert "headline, body (1 paragraph), 1 quote" in content
    assert content.count('value="Restore"') == 1


def test_history_page_compares_a_save_with_the_last_save_not_a_refused_conflict(staff_client):
    article = factories.article(headline="Ours")
    revision_record(article=article)
    revision_record(article=article, kind=Revision.Kind.CONFLICT, data={"fields": {"headline": "Theirs"}})
    revision_record(article=edit(article, dek="A new dek."))

    content = staff_client.get(revisions_url(article)).content.decode()

    assert "<td>dek</td>" in content
    assert "headline, dek" not in content


def test_history_page_queries_do_not_grow_with_revisions(staff_client, admin_user):
    few = history_queries(staff_client, article_with_revisions(3, user=admin_user))
    many = history_queries(staff_client, article_with_revisions(20, user=admin_user))

    assert many == few


def test_diff_page_shows_fields_and_body_paragraphs(staff_client):
    article = article_with_revisions(2)
    revision = article.revisions.first()

    response = staff_client.get(diff_url(revision))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<ins>Paragraph 1.</ins>" in content
    assert "<del>Headline 0</del>" in content


def test_diff_page_of_another_articles_revision_is_not_found(staff_client):
    revision = article_with_revisions(1).revisions.get()
    other = factories.article()

    url = reverse("admin:articles_article_revision_diff", args=[other.pk, revision.pk])

    assert staff_client.get(url).status_code == 404


def test_restore_requires_post(staff_client):
    revision = article_with_revisions(2).revisions.last()

    response = staff_client.get(restore_url(revision))

    assert response.status_code == 405
    assert not Revision.objects.filter(kind=Revision.Kind.RESTORE).exists()


def test_restore_in_the_admin_redirects_to_the_article_with_warnings(staff_client):
    article = factories.article(headline="Before")
    gone = factories.person("Gone Writer")
    factories.byline(article, gone)
    revision = revision_record(article=article)
    article.bylines.all().delete()
    gone.delete()
    edit(article, headline="After")

    response = staff_client.post(restore_url(revision), follow=True)

    article.refresh_from_db()
    assert response.redirect_chain[-1][0] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.headline == "Before"
    assert any("Gone Writer" in str(message) for message in response.context["messages"])


def test_restore_needs_permission_to_change_the_article(client, django_user_model):
    revision = article_with_revisions(2).revisions.last()
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)

    assert client.get(revisions_url(revision.article)).status_code == 200
    assert client.post(restore_url(revision)).status_code == 403
    assert not Revision.objects.filter(kind=Revision.Kind.RESTORE).exists()


# Pruning


def revisions_made(article: Article, count: int, days_ago: int, kind: str = Revision.Kind.SAVE) -> None:
    with time_machine.travel(timezone.now() - timedelta(days=days_ago)):
        for _ in range(count):
            revision_record(article=article, kind=kind)


def test_prune_deletes_old_revisions_beyond_the_newest_per_article():
    article, other = factories.article(), factories.article()
    revisions_made(article, 5, days_ago=400)
    revisions_made(other, 2, days_ago=400)
    newest = article.revisions.first()

    call_command("prune_revisions", "--keep", "2")

    assert article.revisions.count() == 2
    assert newest in article.revisions.all()
    assert other.revisions.count() == 2


def test_prune_keeps_revisions_younger_than_the_cutoff():
    article = factories.article()
    revisions_made(article, 3, days_ago=400)
    revisions_made(article, 3, days_ago=10)

    call_command("prune_revisions", "--keep", "1", "--older-than", "180")

    assert article.revisions.count() == 3


def test_prune_keeps_the_newest_revision_of_an_article_however_old():
    article = factories.article()
    revisions_made(article, 3, days_ago=400)

    call_command("prune_revisions", "--keep", "1", "--older-than", "0")

    assert article.revisions.count() == 1


def test_prune_keeps_conflict_revisions_unless_asked():
    article = factories.article()
    revisions_made(article, 2, days_ago=400, kind=Revision.Kind.CONFLICT)
    revisions_made(article, 1, days_ago=300)

    call_command("prune_revisions", "--keep", "1")
    assert article.revisions.count() == 3

    call_command("prune_revisions", "--keep", "1", "--include-conflicts")
    assert article.revisions.count() == 1


def test_prune_dry_run_reports_and_deletes_nothing(capsys):
    article = factories.article(headline="Long history")
    revisions_made(article, 5, days_ago=400)

    call_command("prune_revisions", "--keep", "2", "--dry-run")

    output = capsys.readouterr().out
    assert "Would delete 3 revision(s) of “Long history”" in output
    assert "Would delete 3 revision(s) of 1 article(s)" in output
    assert article.revisions.count() == 5


def test_prune_refuses_to_keep_nothing():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("prune_revisions", "--keep", "0")
