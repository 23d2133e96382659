"""Webhooks end to end: editorial changes become signed deliveries to a real HTTP receiver.

The receiver is an HTTP server on loopback started by each test. Deliveries wait in the task
queue in the database and a worker (``drain``) sends them, as on the site.
"""

import hashlib
import hmac
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Quote
from tests import factories
from tests.factories import client_for, member
from tests.task_queue import drain, queued
from webhooks.addresses import check_url
from webhooks.models import Delivery, Endpoint, Event, NoticedQuote
from webhooks.tasks import signature

pytestmark = pytest.mark.django_db

SPOILER = "the understudy was the killer all along"


class Receiver:
    """An HTTP server on loopback recording what it is sent; ``answers`` says how it replies to
    each request in turn (a status code, or ``"hang"`` to say nothing for a while), then 204."""

    def __init__(self, answers=()):
        self.answers = list(answers)
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                answer = receiver.answers.pop(0) if receiver.answers else 204
                if answer == "hang":
                    time.sleep(1.5)
                    answer = 204
                self.send_response(answer)
                if answer in (301, 302):
                    self.send_header("Location", receiver.url + "elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def events(self) -> list[str]:
        return [json.loads(request["body"])["event"] for request in self.requests]


@pytest.fixture
def receiver():
    made = []

    def start(answers=()):
        made.append(Receiver(answers))
        return made[-1]

    yield start
    for server in made:
        server.close()


@pytest.fixture
def settle(queue, django_capture_on_commit_callbacks, settings):
    """Run a change to its end: its commit hooks (the change signal), then the queue."""
    settings.CALLBOARD_WEBHOOK_RETRY_DELAYS = [0, 0, 0]

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = change(*args, **kwargs)
        while True:
            with django_capture_on_commit_callbacks(execute=True):
                if not drain():
                    return result

    return run


def listening(url: str, events=tuple(Event.values)) -> Endpoint:
    return Endpoint.objects.create(name="Newsletter", url=url, events=list(events))


def live_article(settle, **fields):
    show = factories.work("Harbour Lights", slug="harbour-lights")
    factories.season(show, number=1, episodes=10)
    article = factories.publishable_article(
        headline="The finale, reviewed",
        body=f"An ordinary opening.\n\n::: spoiler harbour-lights:s1e10\n“It turns out {SPOILER},” she said.\n:::\n\n"
        "“I never saw it coming,” said Kylie Jefferson.",
        **fields,
    )
    article.works.add(show)
    services.article_render(article=article)
    settle(services.article_publish, article=article)
    return article


def test_a_publish_is_delivered_signed_with_the_spoiler_safe_article(receiver, settle, settings):
    hook = receiver()
    endpoint = listening(hook.url)
    article = live_article(settle)
    assert hook.events() == [Event.ARTICLE_PUBLISHED]
    request = hook.requests[0]
    body = request["body"]
    timestamp, digest = (part.split("=", 1)[1] for part in request["headers"]["Callboard-Signature"].split(","))
    expected = hmac.new(endpoint.secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(digest, expected)
    assert abs(time.time() - int(timestamp)) < 60
    sent = json.loads(body)
    assert sent["id"] == request["headers"]["Callboard-Delivery"]
    assert sent["data"]["headline"] == "The finale, reviewed"
    assert sent["data"]["url"] == settings.CALLBOARD_SITE_URL.rstrip("/") + article.get_absolute_url()
    assert SPOILER not in body.decode()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.SUCCEEDED, 1, 204)


def test_the_signature_changes_with_the_time_and_the_body():
    first = signature("secret", 1_700_000_000, b'{"a":1}')
    assert first.startswith("t=1700000000,v1=")
    assert signature("secret", 1_700_000_001, b'{"a":1}') != first
    assert signature("secret", 1_700_000_000, b'{"a":2}') != first
    assert signature("other", 1_700_000_000, b'{"a":1}') != first


def test_edits_to_a_live_article_and_its_unpublishing_are_delivered(receiver, settle):
    hook = receiver()
    listening(hook.url, [Event.ARTICLE_UPDATED, Event.ARTICLE_UNPUBLISHED])
    article = live_article(settle)
    article.dek = "A new dek"
    settle(services.article_save, article=article, user=None, base_version=article.version)
    settle(services.article_unpublish, article=article)
    assert hook.events() == [Event.ARTICLE_UPDATED, Event.ARTICLE_UNPUBLISHED]
    gone = json.loads(hook.requests[1]["body"])["data"]
    assert set(gone) == {"id", "slug", "url"}  # nothing of the text of an article taken down


def test_drafts_and_scheduled_articles_send_nothing(receiver, settle):
    hook = receiver()
    listening(hook.url)
    draft = factories.publishable_article(headline="Not yet")
    settle(services.article_save, article=draft, user=None, base_version=draft.version)
    later = factories.publishable_article(headline="Later")
    settle(services.article_publish, article=later, publish_at=later.created_at.replace(year=2099))
    assert hook.requests == []
    assert not Delivery.objects.exists()


def test_a_confirmed_quote_is_announced_once_and_a_spoiler_quote_never(receiver, settle):
    hook = receiver()
    listening(hook.url, [Event.QUOTE_CONFIRMED])
    article = live_article(settle)
    speaker = factories.person(name="Kylie Jefferson")
    public = factories.quote(article, words="I never saw it coming", speaker=speaker)
    hidden = factories.quote(article, words=f"It turns out {SPOILER}", speaker=speaker)
    decisions = [services.QuoteDecision(q, services.QuoteAction.CONFIRM) for q in (public, hidden)]
    settle(services.quotes_decide, article=article, decisions=decisions, user=None)
    article.refresh_from_db()
    settle(services.article_save, article=article, user=None, base_version=article.version)
    assert hook.events() == [Event.QUOTE_CONFIRMED]
    data = json.loads(hook.requests[0]["body"])["data"]
    assert data["words"] == "I never saw it coming" and data["speaker"]["name"] == "Kylie Jefferson"
    assert SPOILER not in hook.requests[0]["body"].decode()
    assert Quote.objects.get(pk=hidden.pk).spoiler_scope  # it was confirmed, but inside a spoiler
    assert list(NoticedQuote.objects.values_list("quote_id", flat=True)) == [public.pk]


def test_a_receiver_that_fails_twice_then_succeeds_gets_the_same_delivery_three_times(receiver, settle):
    hook = receiver([500, 503])
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    live_article(settle)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.SUCCEEDED, 3, 204)
    assert {request["headers"]["Callboard-Delivery"] for request in hook.requests} == {str(delivery.pk)}
    assert len(hook.requests) == 3


def test_a_receiver_that_never_answers_in_time_is_retried_then_given_up(receiver, settle, settings):
    settings.CALLBOARD_WEBHOOK_TIMEOUT = 0.3
    hook = receiver(["hang"] * 4)
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    settings.CALLBOARD_WEBHOOK_RETRY_DELAYS = [0]
    article = factories.publishable_article(headline="Slow receiver")
    services.article_render(article=article)
    settle(services.article_publish, article=article)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.FAILED, 2, None)
    assert "No answer within 0.3 seconds" in delivery.error


def test_a_redirect_is_a_failure_and_is_not_followed(receiver, settle, settings):
    settings.CALLBOARD_WEBHOOK_RETRY_DELAYS = []
    hook = receiver([302])
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    live_article(settle)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.response_code) == (Delivery.Status.FAILED, 302)
    assert [request["path"] for request in hook.requests] == ["/"]  # never /elsewhere


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://10.1.2.3/hook", "inside a private network"),
        ("http://192.168.0.10/hook", "inside a private network"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/hook", "link-local"),
        ("http://0.0.0.0/hook", "reserved"),
        ("http://224.0.0.1/hook", "multicast"),
        ("ftp://example.com/hook", "http:// or https://"),
        ("https://user:secret@example.com/hook", "user name and password"),
        ("https://no-such-host.invalid/hook", "No address was found"),
    ],
)
def test_addresses_inside_private_networks_are_refused(url, message):
    with pytest.raises(Exception, match=message):
        check_url(url)


def test_loopback_and_plain_http_are_refused_outside_development(settings):
    settings.CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK = False
    with pytest.raises(Exception, match="loopback"):
        check_url("https://127.0.0.1:9/hook")
    with pytest.raises(Exception, match="Use an https:// address"):
        check_url("http://127.0.0.1:9/hook")
    settings.CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK = True
    assert check_url("http://127.0.0.1:9/hook").address == "127.0.0.1"


def test_an_address_production_refuses_is_refused_at_send_time_without_a_request(receiver, settle, settings):
    hook = receiver()
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    settings.CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK = False  # as in production
    settings.CALLBOARD_WEBHOOK_RETRY_DELAYS = []
    live_article(settle)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and "Use an https:// address" in delivery.error
    assert hook.requests == []


# --- The admin --------------------------------------------------------------------------------------


def admin_user():
    user = member("Admin", "integrations")
    assert user.has_perm("webhooks.add_endpoint") and user.has_perm("webhooks.resend_delivery")
    return user


def test_the_admin_role_registers_an_endpoint_and_a_private_address_is_explained_with_the_text_kept(receiver):
    client = client_for(admin_user())
    add = reverse("admin:webhooks_endpoint_add")
    refused = client.post(add, {"name": "Inside", "url": "http://10.0.0.7/hook", "events": ["article.published"]})
    assert refused.status_code == 200
    assert "inside a private network" in refused.content.decode()
    assert 'value="http://10.0.0.7/hook"' in refused.content.decode()
    assert not Endpoint.objects.exists()

    hook = receiver()
    saved = client.post(add, {"name": "Search", "url": hook.url, "events": ["article.published"], "active": "on"})
    assert saved.status_code == 302
    endpoint = Endpoint.objects.get()
    assert endpoint.events == ["article.published"] and len(endpoint.secret) >= 40
    assert endpoint.created_by.username == "integrations"


def test_editors_without_the_permission_cannot_reach_webhooks():
    editor = member("Editor", "desk")
    assert not Group.objects.get(name="Editor").permissions.filter(content_type__app_label="webhooks").exists()
    client = client_for(editor)
    assert client.get(reverse("admin:webhooks_endpoint_changelist")).status_code == 403
    assert (
        client.post(reverse("admin:webhooks_endpoint_add"), {"name": "x", "url": "https://example.com/"}).status_code
        == 403
    )
    assert not Endpoint.objects.exists()


def test_a_failed_delivery_is_sent_again_from_the_admin(receiver, settle, settings):
    settings.CALLBOARD_WEBHOOK_RETRY_DELAYS = []
    hook = receiver([500])
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    live_article(settle)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED

    viewer = member("Editor", "viewer")
    viewer.user_permissions.add(*_permissions("view_delivery"))
    changelist = reverse("admin:webhooks_delivery_changelist")
    action = {"action": "send_again", "_selected_action": [str(delivery.pk)]}
    client_for(viewer).post(changelist, action)
    assert queued("webhook_deliver") == 0  # viewing is not resending

    client_for(admin_user()).post(changelist, action)
    assert queued("webhook_deliver") == 1
    settle(lambda: None)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.SUCCEEDED, 1, 204)
    assert len(hook.requests) == 2


def _permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="webhooks", codename__in=codenames)


def test_a_scheduled_article_is_announced_when_its_time_comes_and_only_for_its_latest_time(receiver, settle):
    hook = receiver()
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    article = factories.publishable_article(headline="Tomorrow's news")
    services.article_render(article=article)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        settle(services.article_publish, article=article, publish_at=start + timedelta(hours=1))
        later = timezone.localtime(start + timedelta(hours=2), timezone.get_fixed_timezone(-300))
        settle(services.article_publish, article=article, publish_at=later)  # as a form in New York sends it
        assert hook.requests == []
        clock.shift(timedelta(hours=1, minutes=1))
        settle(lambda: None)
        assert hook.requests == []  # the first time was moved: its task does nothing
        clock.shift(timedelta(hours=1))
        settle(lambda: None)
    assert hook.events() == [Event.ARTICLE_PUBLISHED]
    assert json.loads(hook.requests[0]["body"])["data"]["headline"] == "Tomorrow's news"


def test_a_scheduled_article_taken_down_before_its_time_is_never_announced(receiver, settle):
    hook = receiver()
    listening(hook.url, [Event.ARTICLE_PUBLISHED])
    article = factories.publishable_article(headline="Pulled")
    services.article_render(article=article)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        settle(services.article_publish, article=article, publish_at=start + timedelta(hours=1))
        settle(services.article_unpublish, article=article)
        clock.shift(timedelta(hours=2))
        settle(lambda: None)
    assert Event.ARTICLE_PUBLISHED not in hook.events()
