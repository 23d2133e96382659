"""Writes to the webhooks app: endpoints saved, events turned into deliveries, deliveries resent."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from webhooks.addresses import check_url
from webhooks.models import Delivery, Endpoint
from webhooks.tasks import webhook_deliver


def endpoint_save(*, endpoint: Endpoint, user) -> Endpoint:
    """Save ``endpoint`` after checking who asks and where it points (see ``addresses``)."""
    permission = "webhooks.change_endpoint" if endpoint.pk else "webhooks.add_endpoint"
    if not user.has_perm(permission):
        raise PermissionDenied("You may not manage webhook endpoints.")
    check_url(endpoint.url)
    if endpoint.pk is None:
        endpoint.created_by = user
    endpoint.full_clean()
    endpoint.save()
    return endpoint


def deliveries_create(*, event: str, payload: dict, since=None) -> list[Delivery]:
    """A delivery of ``event`` for every active endpoint that listens for it (registered before
    ``since``, when given), each queued to send. The rows and their tasks are written in one
    transaction: either both exist or neither.
    """
    endpoints = Endpoint.objects.filter(active=True)
    if since is not None:
        endpoints = endpoints.filter(created_at__lte=since)
    endpoints = [endpoint for endpoint in endpoints if event in endpoint.events]
    if not endpoints:
        return []
    with transaction.atomic():
        deliveries = Delivery.objects.bulk_create(
            Delivery(endpoint=endpoint, event=event, payload=payload) for endpoint in endpoints
        )
        for delivery in deliveries:
            webhook_deliver.enqueue(str(delivery.pk))
    return deliveries


def delivery_resend(*, delivery: Delivery, user) -> Delivery:
    """Send ``delivery`` again, with the same id and body, as a new series of attempts."""
    if not user.has_perm("webhooks.resend_delivery"):
        raise PermissionDenied("You may not resend webhook deliveries.")
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=None, error=""
        )
        webhook_deliver.enqueue(str(delivery.pk))
    delivery.refresh_from_db()
    return delivery
