"""Every door obeys the editorial core: regressions for writes that once went around it."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, AuditEntry, Quote, Revision
from tests import factories
from tests.admin_helpers import article_form, inline_management
from tests.factories import client_for, member
from tests.task_queue import drain, queued

pytestmark = pytest.mark.django_db


def quote_form(article, **fields) -> dict:
    data = {
        "article": article.pk,
        "words": "Words nobody said",
        "speaker": "",
        "speaker_name": "Somebody",
        "character": "",
        "status": "suggested",
        "confidence": "1",
        "position": "0",
    }
    data.update(fields)
    return data


def form_for(article, **changes) -> dict:
    """What the change form posts for ``article``, with ``changes`` applied."""
    fields = {
        "kind": article.kind,
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "status": article.status,
        "base_version": str(article.version),
        **inline_management(
            "bylines",
            [
                {"id": b.pk, "article": article.pk, "person": b.person_id, "label": b.label, "position": b.position}
                for b in article.bylines.all()
            ],
            initial=article.bylines.count(),
        ),
    }
    return article_form(**{**fields, **changes})


# --- A contributor cannot change what readers see -------------------------------------------------


def test_contributor_cannot_add_a_confirmed_quote_to_a_published_article():
    live = factories.published_article(body="“Words on the page,” she said.")
    speaker = factories.person("Real Speaker")
    response = client_for(member("Contributor")).post(
        reverse("admin:articles_quote_add"), quote_form(live, speaker=speaker.pk, status="confirmed")
    )
    assert response.status_code == 200
    assert "only editors can change it" in response.content.decode()
    assert not live.quotes.exists()


def test_contributor_cannot_edit_a_live_quotes_words():
    live = factories.published_article(body="“Words on the page,” she said.")
    quote = factories.quote(live, status="confirmed", words="Words on the page")
    response = client_for(member("Contributor")).post(
        reverse("admin:articles_quote_change", args=[quote.pk]),
        quote_form(live, words="Words she never said", speaker=quote.speaker_id, status="confirmed"),
    )
    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.words == "Words on the page"


def test_the_quote_service_refuses_a_contributor_whatever_the_door():
    live = factories.published_article(body="“Words on the page,” she said.")
    quote = factories.quote(live, status="suggested", words="Words on the page")
    with pytest.raises(PermissionDenied):
        services.quote_confirm(quote=quote, user=member("Contributor"))
    quote.refresh_from_db()
    assert quote.status == Quote.Status.SUGGESTED


def test_contributor_cannot_change_the_caption_of_an_image_on_a_live_article():
    image = factories.image(caption="The cast at the premiere")
    factories.published_article(hero_image=image)
    contributor = client_for(member("Contributor"))
    response = contributor.post(
        reverse("admin:images_image_change", args=[image.pk]),
        {"alt_text": image.alt_text, "caption": "Leaked: who dies", "credit": "", "licence": "", "title": ""},
    )
    assert response.status_code == 403
    image.refresh_from_db()
    assert image.caption == "The cast at the premiere"


def test_contributor_may_still_edit_an_image_only_drafts_use():
    from images.services import can_change_image

    image = factories.image()
    factories.article(hero_image=image)
    assert can_change_image(member("Contributor"), image)


def test_editor_changes_the_caption_of_an_image_readers_see():
    from images.services import can_change_image

    image = factories.image()
    factories.published_article(hero_image=image)
    assert can_change_image(member("Editor"), image)


def test_contributor_cannot_edit_a_draft_nobody_owns():
    draft = factories.publishable_article(created_by=None, headline="The demo draft")
    response = client_for(member("Contributor")).post(
        reverse("admin:articles_article_change", args=[draft.pk]), form_for(draft, headline="Taken over")
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.headline == "The demo draft"


# Every admin change form, as a contributor, for rows readers see: refused, and nothing changes.


@pytest.fixture
def public_world():
    work = factories.work("Public Work")
    season = factories.season(work, episodes=2)
    character = factories.character(work, name="Lead")
    person = factories.person("Public Person")
    factories.alias(person, "P. Person")
    factories.credit(person, work, character=character)
    image = factories.image(caption="Public caption")
    live = factories.publishable_article(hero_image=image, body="“Public words,” she said.", created_by=None)
    live.works.add(work)
    factories.quote(live, person, status="confirmed", words="Public words")
    factories.spoiler(live, work, season_number=season.number)
    services.article_publish(article=live)
    return live


def test_every_admin_change_form_refuses_a_contributors_write_to_live_content(public_world):
    contributor = member("Contributor")
    client = client_for(contributor)
    checked = []
    for model in admin.site._registry:
        obj = model._default_manager.order_by("pk").first()
        if obj is None or model._meta.app_label not in {"articles", "people", "images", "taggit"}:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
        before = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
        response = client.post(url, {})
        obj.refresh_from_db()
        after = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
        assert response.status_code == 403, f"{model.__name__}: a contributor's POST answered {response.status_code}"
        assert before == after, f"{model.__name__} changed"
        delete = client.post(
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_delete", args=[obj.pk]), {"post": "yes"}
        )
        assert delete.status_code == 403, f"{model.__name__}: a contributor could delete"
        assert model._default_manager.filter(pk=obj.pk).exists()
        checked.append(model.__name__)
    assert {"Article", "Quote", "Image", "Person", "Work", "SpoilerScope"} <= set(checked)


# --- Versions: a stale form cannot undo a state change ------------------------------------------


def test_a_stale_form_does_not_republish_an_unpublished_article():
    editor = member("Editor")
    live = factories.published_article()
    factories.byline(live)
    opened = form_for(
        live,
        headline="Typo fixed",
        publish_at_0=timezone.localtime(live.publish_at).strftime("%Y-%m-%d"),
        publish_at_1=timezone.localtime(live.publish_at).strftime("%H:%M:%S"),
    )
    services.article_unpublish(article=Article.objects.get(pk=live.pk), user=editor)
    response = client_for(editor).post(reverse("admin:articles_article_change", args=[live.pk]), opened)
    assert response.status_code == 409
    live.refresh_from_db()
    assert live.status == Article.Status.UNPUBLISHED
    assert live.headline != "Typo fixed"
    assert live.revisions.filter(kind=Revision.Kind.CONFLICT).exists(), "the refused text is kept"


def test_every_state_change_moves_the_version():
    editor = member("Editor")
    article = factories.publishable_article()
    versions = [article.version]
    services.article_publish(article=article, user=editor)
    versions.append(article.version)
    services.article_unpublish(article=article, user=editor)
    versions.append(article.version)
    article.refresh_from_db()
    assert versions == sorted(set(versions)) and len(versions) == 3
    assert article.version == versions[-1]


@pytest.mark.parametrize("base_version", [None, ""], ids=["missing", "empty"])
def test_a_save_without_a_base_version_is_refused_and_keeps_the_text(base_version):
    editor = member("Editor")
    article = factories.publishable_article(headline="Before")
    data = form_for(article, headline="Typed by the editor")
    if base_version is None:
        del data["base_version"]
    else:
        data["base_version"] = base_version
    response = client_for(editor).post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "reload the article" in page
    assert "Typed by the editor" in page
    article.refresh_from_db()
    assert article.headline == "Before"


def test_the_core_refuses_a_save_without_a_base_version():
    article = factories.publishable_article()
    article.headline = "Sneaked in"
    with pytest.raises(ValidationError):
        services.article_save(article=article, user=member("Editor"), base_version=None)
    assert Article.objects.get(pk=article.pk).headline != "Sneaked in"


# --- Quote scopes are derived from the body, whatever the door ----------------------------------


SPOILED_BODY = "An open paragraph.\n\n::: spoiler\n“The twist line nobody should read early,” she said.\n:::\n"


def test_a_quote_added_in_the_quotes_admin_inside_a_spoiler_stays_off_public_pages(client):
    work = factories.work("Scoped Work")
    live = factories.published_article(body=SPOILED_BODY)
    live.works.add(work)
    speaker = factories.person("Scoped Speaker")
    response = client_for(member("Editor")).post(
        reverse("admin:articles_quote_add"),
        quote_form(live, words="The twist line nobody should read early", speaker=speaker.pk, status="confirmed"),
    )
    assert response.status_code == 302
    quote = live.quotes.get()
    assert quote.spoiler_scope, "the scope comes from the body the words sit in"
    assert not Quote.objects.public().filter(pk=quote.pk).exists()
    assert client.get(quote.get_absolute_url()).status_code == 404
    assert not quote.card


def test_editing_a_quotes_words_in_the_quotes_admin_rederives_its_scope():
    live = factories.published_article(body=SPOILED_BODY + "\n“Open words for everyone,” she said.\n")
    live.works.add(factories.work())
    quote = factories.quote(live, status="confirmed", words="Open words for everyone")
    services.article_render(article=live)
    quote.refresh_from_db()
    assert quote.spoiler_scope == ""
    client_for(member("Editor")).post(
        reverse("admin:articles_quote_change", args=[quote.pk]),
        quote_form(live, words="The twist line nobody should read early", speaker=quote.speaker_id, status="confirmed"),
    )
    quote.refresh_from_db()
    assert quote.words == "The twist line nobody should read early"
    assert quote.spoiler_scope


# --- Quote cards follow visibility ---------------------------------------------------------------


def _card_article(**fields):
    article = factories.publishable_article(body="“A line worth a card,” she said.", **fields)
    factories.quote(article, status="confirmed", words="A line worth a card")
    return article


def test_a_draft_quote_has_no_card_until_the_article_is_live():
    article = _card_article()
    services.article_render(article=article)
    services.quote_cards_refresh(article=article)
    assert not article.quotes.get().card
    services.article_publish(article=article)
    assert article.quotes.get().card


def test_a_scheduled_article_has_no_cards():
    article = _card_article()
    services.article_publish(article=article, publish_at=timezone.now() + timedelta(days=1))
    assert not article.quotes.get().card


def test_unpublishing_removes_the_card_file(django_capture_on_commit_callbacks):
    article = _card_article()
    services.article_publish(article=article)
    card = article.quotes.get().card
    storage, name = card.storage, card.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_unpublish(article=article)
    assert not article.quotes.get().card
    assert not storage.exists(name)


def test_a_card_is_drawn_by_a_worker_after_the_publish_commits(queue):
    article = _card_article()
    services.article_publish(article=article)
    assert not article.quotes.get().card  # the publish does not wait on Pillow
    assert queued("quote_cards_draw") == 1
    drain()
    card = article.quotes.get().card
    assert card and card.storage.exists(card.name)


def test_a_card_queued_before_an_unpublish_is_never_recorded_or_left_on_disk(queue, django_capture_on_commit_callbacks):
    article = _card_article()
    services.article_publish(article=article)
    services.article_unpublish(article=article)
    quote = article.quotes.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert drain() == 1
    assert not article.quotes.get().card
    storage = quote.card.storage
    drawn = storage.listdir("quote-cards")[1] if storage.exists("quote-cards") else []
    assert not [name for name in drawn if name.startswith(f"quote-{quote.pk}-")]


def test_a_scheduled_article_gets_its_cards_when_its_time_comes(queue):
    article = _card_article()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        services.article_publish(article=article, publish_at=start + timedelta(hours=1))
        drain()
        assert not article.quotes.get().card  # not yet live
        clock.shift(timedelta(hours=1, seconds=1))
        drain()
    assert article.quotes.get().card


# --- import_articles publishes through the core ----------------------------------------------------


def _import(tmp_path, text: str, *args) -> str:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_articles", str(path), *args, stdout=out, stderr=out)
    return out.getvalue()


IMPORTED = "A premiere worth reporting\n\nBy Dana Writer\n\nThe series returns next month with a new cast.\n"


def test_import_publish_is_audited_and_recorded(tmp_path):
    _import(tmp_path, IMPORTED, "--publish")
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert AuditEntry.objects.filter(article=article, action=AuditEntry.Action.PUBLISH).exists()
    assert article.revisions.exists()


def test_import_publish_without_a_byline_stays_a_draft_and_says_why(tmp_path):
    text = "A headline alone\n\nThe series returns next month with a new cast and crew.\n"
    output = _import(tmp_path, text, "--publish")
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert "needs a byline" in output
