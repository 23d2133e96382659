"""Who may do what. The only place the editorial rules about people are written.

Contributors write and edit their own drafts and submit them for review. Editors (and admins) do
everything, including changing what readers already see. Every door asks these functions, and
every write in this package checks them again, so a door that forgets to ask is still refused.

``user=None`` stands for the site itself acting on an operator's command (``import_articles``,
``load_demo``, the benchmark seed): it is trusted, and its changes are audited as nobody's.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from articles.models import Article


def can_publish(user) -> bool:
    """Publishing, scheduling and unpublishing, and changing live content, are editors' work."""
    return user.has_perm("articles.publish_article")


def can_edit(user, article: Article) -> bool:
    """Whether ``user`` may change ``article`` or anything attached to it (quotes, bylines, tags)."""
    if not user.has_perm("articles.change_article"):
        return False
    if user.has_perm("articles.edit_any_article"):
        return True
    # An article nobody owns (imported, or loaded with the demo) belongs to the editors.
    own = article.created_by_id is not None and article.created_by_id == user.pk
    return own and article.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW)


def check_edit(user, article: Article) -> None:
    """Refuse, saying why, a change to ``article`` that ``user`` may not make."""
    if user is None or can_edit(user, article):
        return
    if article.status == Article.Status.PUBLISHED and user.has_perm("articles.change_article"):
        raise PermissionDenied(f"“{article}” is published or scheduled; only editors can change it.")
    raise PermissionDenied(f"You can only change your own drafts; “{article}” is not one of them.")


def allowed_statuses(user, article: Article | None) -> list[str]:
    """The states ``user`` may put ``article`` in (its current state included)."""
    if user is None or can_publish(user):
        return list(Article.Status.values)
    current = article.status if article is not None else Article.Status.DRAFT
    allowed = {Article.Status.DRAFT, Article.Status.IN_REVIEW}
    return [status for status in Article.Status.values if status in allowed or status == current]


def check_transition(*, user, article: Article | None, status: str) -> None:
    """Refuse a change of state the user's role does not allow, saying why. Keeping the current
    state is always allowed (``allowed_statuses`` includes it)."""
    if status not in allowed_statuses(user, article):
        raise ValidationError(
            {"status": "Only editors can publish, schedule or unpublish; submit the article for review instead."}
        )
