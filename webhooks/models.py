"""Webhook endpoints other systems register, and every delivery made to them."""

import secrets
import uuid

from django.conf import settings
from django.db import models


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Event(models.TextChoices):
    ARTICLE_PUBLISHED = "article.published", "Article published"
    ARTICLE_UPDATED = "article.updated", "Article updated while live"
    ARTICLE_UNPUBLISHED = "article.unpublished", "Article unpublished"
    QUOTE_CONFIRMED = "quote.confirmed", "Quote confirmed"


class Endpoint(models.Model):
    """An address that is sent a signed JSON body whenever one of its events happens."""

    name = models.CharField("name", max_length=100, help_text="Who listens here, e.g. “Newsletter” or “Search index”.")
    url = models.URLField(
        "URL",
        max_length=500,
        help_text="Where deliveries are POSTed. It must be reachable on the public internet: addresses "
        "inside private networks are refused.",
    )
    events = models.JSONField(
        "events",
        default=list,
        help_text="What this endpoint is told about.",
    )
    secret = models.CharField(
        "signing secret",
        max_length=100,
        default=new_secret,
        editable=False,
        help_text="Signs every delivery (HMAC-SHA256). Give it to the receiver so it can check the "
        "Callboard-Signature header.",
    )
    active = models.BooleanField("active", default=True, help_text="Inactive endpoints are sent nothing.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="created by",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)

    class Meta:
        verbose_name = "webhook endpoint"
        verbose_name_plural = "webhook endpoints"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One event sent to one endpoint: its body, and how sending it went."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        RETRYING = "retrying", "Failed; will be tried again"
        SUCCEEDED = "succeeded", "Delivered"
        FAILED = "failed", "Failed; gave up"

    id = models.UUIDField("delivery id", primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(Endpoint, verbose_name="endpoint", on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField("event", max_length=40, choices=Event.choices)
    payload = models.JSONField("payload", help_text="The event's data, as sent.")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("attempts", default=0)
    response_code = models.PositiveSmallIntegerField("last response code", null=True, blank=True)
    error = models.TextField("last error", blank=True)
    created_at = models.DateTimeField("created", auto_now_add=True)
    last_attempt_at = models.DateTimeField("last attempt", null=True, blank=True)
    next_attempt_at = models.DateTimeField("next attempt", null=True, blank=True)
    delivered_at = models.DateTimeField("delivered", null=True, blank=True)

    class Meta:
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        ordering = ["-created_at"]
        permissions = [("resend_delivery", "Can send a webhook delivery again")]
        indexes = [models.Index(fields=["endpoint", "-created_at"], name="delivery_endpoint_recent")]

    def __str__(self) -> str:
        return f"{self.get_event_display()} → {self.endpoint}"


class NoticedQuote(models.Model):
    """A quote endpoints were told is confirmed and public, so they are told once, not per save."""

    quote = models.OneToOneField(
        "articles.Quote", verbose_name="quote", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    noticed_at = models.DateTimeField("noticed", auto_now_add=True)

    class Meta:
        verbose_name = "noticed quote"
        verbose_name_plural = "noticed quotes"

    def __str__(self) -> str:
        return f"Quote {self.quote_id}"
