"""Webhook endpoints and their deliveries in the admin. Writes go through ``webhooks.services``."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from webhooks.addresses import check_url
from webhooks.models import Delivery, Endpoint, Event
from webhooks.services import delivery_resend, endpoint_save

RECENT = 10


class EndpointForm(forms.ModelForm):
    url = forms.URLField(
        label="URL",
        max_length=500,
        assume_scheme="https",
        help_text=Endpoint._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label="Events",
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="What this endpoint is told about.",
    )

    class Meta:
        model = Endpoint
        fields = ["name", "url", "events", "active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        check_url(url)  # refused addresses are explained on the field, with the text kept
        return url


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["name", "url", "event_names", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    readonly_fields = ["secret", "created_by", "created_at", "recent_deliveries"]

    @admin.display(description="events")
    def event_names(self, endpoint: Endpoint) -> str:
        labels = dict(Event.choices)
        return ", ".join(labels.get(event, event) for event in endpoint.events)

    @admin.display(description="recent deliveries")
    def recent_deliveries(self, endpoint: Endpoint) -> str:
        if endpoint.pk is None:
            return "None yet."
        recent = endpoint.deliveries.order_by("-created_at")[:RECENT]
        if not recent:
            return "None yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a>: {} ({} attempt(s){})</li>',
                (
                    (
                        reverse("admin:webhooks_delivery_change", args=[delivery.pk]),
                        delivery.get_event_display(),
                        delivery.get_status_display(),
                        delivery.attempts,
                        f", answered {delivery.response_code}" if delivery.response_code else "",
                    )
                    for delivery in recent
                ),
            ),
        )

    def save_model(self, request, obj, form, change):
        endpoint_save(endpoint=obj, user=request.user)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "event", "endpoint", "status", "attempts", "response_code", "next_attempt_at"]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    readonly_fields = [
        "id",
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_code",
        "error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "payload",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False  # deliveries are made by events, never by hand

    def has_change_permission(self, request, obj=None):
        return False  # a delivery records what was sent; it is resent, never edited

    def has_resend_permission(self, request):
        return request.user.has_perm("webhooks.resend_delivery")

    @admin.action(description="Send the selected deliveries again", permissions=["resend"])
    def send_again(self, request, queryset):
        sent = 0
        for delivery in queryset.select_related("endpoint"):
            try:
                delivery_resend(delivery=delivery, user=request.user)
            except PermissionDenied as refused:
                self.message_user(request, str(refused), messages.ERROR)
                return
            sent += 1
        self.message_user(request, f"Queued {sent} deliver{'y' if sent == 1 else 'ies'} to be sent again.")
