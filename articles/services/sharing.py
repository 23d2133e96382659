"""Preview links for someone without an account: signed, expiring, revocable, audited."""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Article, AuditEntry, ShareLink
from articles.services.derived import audit
from articles.services.roles import can_publish

SHARE_SALT = "callboard.preview-link"
SHARE_DAYS = 7


@transaction.atomic
def share_link_create(*, article: Article, user, days: int = SHARE_DAYS) -> ShareLink:
    if not can_publish(user):
        raise PermissionDenied("Only editors can share previews.")
    link = ShareLink.objects.create(article=article, created_by=user, expires_at=timezone.now() + timedelta(days=days))
    audit(article, AuditEntry.Action.SHARE, user, f"until {timezone.localtime(link.expires_at):%Y-%m-%d %H:%M}")
    return link


def share_link_token(link: ShareLink) -> str:
    return signing.dumps({"link": link.pk, "article": link.article_id}, salt=SHARE_SALT)


def share_link_resolve(token: str) -> ShareLink | None:
    """The link a token stands for, if its signature holds and it is neither expired nor revoked."""
    try:
        payload = signing.loads(token, salt=SHARE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    link = ShareLink.objects.select_related("article").filter(pk=payload.get("link")).first()
    if link is None or link.article_id != payload.get("article") or not link.is_active():
        return None
    return link


@transaction.atomic
def share_link_revoke(*, link: ShareLink, user) -> ShareLink:
    if not can_publish(user):
        raise PermissionDenied("Only editors can revoke previews.")
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    audit(link.article, AuditEntry.Action.REVOKE, user)
    return link
