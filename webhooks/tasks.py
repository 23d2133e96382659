"""Sending a delivery: signed, recorded, and tried again later when the receiver fails."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from cms.tasks import default_task_backend, task
from webhooks.addresses import post
from webhooks.models import Delivery

USER_AGENT = "Callboard-Webhooks/1"
WAITING = (Delivery.Status.PENDING, Delivery.Status.RETRYING)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """``t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">``: the time is signed with the body,
    so a receiver that refuses old timestamps refuses a replayed delivery."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def envelope(delivery: Delivery) -> bytes:
    return json.dumps(
        {
            "id": str(delivery.pk),
            "event": delivery.event,
            "created": delivery.created_at.isoformat(),
            "data": delivery.payload,
        },
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()


@task()
def webhook_deliver(delivery_id: str) -> str:
    """Make one attempt at ``delivery_id`` and record how it went; queue the next after a failure.

    An attempt is claimed by moving the attempt count on only if no one else has (a compare and
    swap), so two workers never send the same attempt. A worker killed mid-send leaves the
    delivery waiting, and the task, handed back, sends it again: receivers get each delivery at
    least once, and its id tells them when they have seen it before.
    """
    delivery = Delivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status not in WAITING:
        return delivery.status if delivery else "gone"
    now = timezone.now()
    claimed = Delivery.objects.filter(pk=delivery.pk, status__in=WAITING, attempts=delivery.attempts).update(
        attempts=F("attempts") + 1, last_attempt_at=now
    )
    if not claimed:
        return "taken"
    attempt = delivery.attempts + 1
    endpoint = delivery.endpoint
    code, error = None, ""
    if not endpoint.active:
        error = "The endpoint was switched off."
    else:
        body = envelope(delivery)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Callboard-Event": delivery.event,
            "Callboard-Delivery": str(delivery.pk),
            "Callboard-Signature": signature(endpoint.secret, int(time.time()), body),
        }
        try:
            code = post(endpoint.url, body, headers, timeout=settings.CALLBOARD_WEBHOOK_TIMEOUT)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        except TimeoutError:
            error = f"No answer within {settings.CALLBOARD_WEBHOOK_TIMEOUT:g} seconds."
        except (OSError, http.client.HTTPException) as failure:
            error = f"Could not deliver: {failure.__class__.__name__}: {failure}"
        else:
            if not 200 <= code < 300:
                error = f"The endpoint answered {code}."
    finished = {"response_code": code, "error": error, "last_attempt_at": now}
    if not error:
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.SUCCEEDED, delivered_at=timezone.now(), next_attempt_at=None, **finished
        )
        return Delivery.Status.SUCCEEDED
    delays = settings.CALLBOARD_WEBHOOK_RETRY_DELAYS
    if endpoint.active and attempt <= len(delays) and default_task_backend.supports_defer:
        due = timezone.now() + timedelta(seconds=delays[attempt - 1])
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.RETRYING, next_attempt_at=due, **finished)
        webhook_deliver.using(run_after=due).enqueue(delivery_id)
        return Delivery.Status.RETRYING
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, next_attempt_at=None, **finished)
    return Delivery.Status.FAILED
