"""The revision history of an article in the admin: the list, the diff, and the restore button.

``ArticleAdmin`` inherits ``RevisionAdminMixin``; the pages live under the article's own admin
address (``/admin/articles/article/<id>/revisions/``).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from articles.models import Article, Revision
from articles.revisions import change_summary, revision_diff, snapshot, snapshot_names
from articles.services import revision_restore


def revisions_url(article: Article) -> str:
    return reverse("admin:articles_article_revisions", args=[quote(article.pk)])


COLLECTION_LABELS = [
    ("works", "Works covered"),
    ("people", "People covered"),
    ("tags", "Topic tags"),
    ("bylines", "Bylines"),
    ("quotes", "Quotes"),
    ("spoilers", "Spoiler tags"),
    ("corrections", "Corrections"),
]


def comparison_for_template(diff: dict) -> dict:
    """The diff with its collections as a list, since templates cannot look keys up by variable."""
    collections = [{"label": label, **diff[name]} for name, label in COLLECTION_LABELS if any(diff[name].values())]
    changed = bool(diff["fields"] or diff["body_changed"] or collections)
    return {"diff": diff, "collections": collections, "changed": changed}


class RevisionAdminMixin:
    """Adds the revision history, diff and restore pages to an article's ModelAdmin."""

    revision_history_template = "admin/articles/article/revision_history.html"
    revision_diff_template = "admin/articles/article/revision_diff.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/revisions/", view(self.revisions_view), name=f"{prefix}_revisions"),
            path(
                "<path:object_id>/revisions/<int:revision_id>/",
                view(self.revision_diff_view),
                name=f"{prefix}_revision_diff",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                view(self.revision_restore_view),
                name=f"{prefix}_revision_restore",
            ),
            *super().get_urls(),
        ]

    def _revision_article(self, request, object_id: str) -> Article:
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article: Article, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(article),
            "opts": self.opts,
            "article": article,
            "original": article,
            "can_restore": self.has_change_permission(request, article),
            **extra,
        }

    def revisions_view(self, request, object_id: str):
        """Every revision, newest first, with what it changed compared with the one before."""
        article = self._revision_article(request, object_id)
        revisions = article.revisions.select_related("created_by").order_by("created_at", "pk")
        rows, previous = [], None
        for revision in revisions:
            rows.append({"revision": revision, "summary": change_summary(previous and previous.data, revision.data)})
            # A refused conflict save never became the article, so the next save is compared with
            # what the article was.
            if revision.kind != Revision.Kind.CONFLICT:
                previous = revision
        rows.reverse()
        context = self._context(request, article, "Revision history", rows=rows)
        return TemplateResponse(request, self.revision_history_template, context)

    def revision_diff_view(self, request, object_id: str, revision_id: int):
        """One revision against the article as it is now, and against the revision before it."""
        article = self._revision_article(request, object_id)
        revision = get_object_or_404(article.revisions.select_related("created_by"), pk=revision_id)
        previous = (
            article.revisions.filter(
                Q(created_at__lt=revision.created_at) | Q(created_at=revision.created_at, pk__lt=revision.pk)
            )
            .exclude(kind=Revision.Kind.CONFLICT)
            .order_by("-created_at", "-pk")
            .first()
        )
        current = snapshot(article)
        names = snapshot_names(current, revision.data, previous.data if previous else None)
        context = self._context(
            request,
            article,
            f"Revision of {timezone.localtime(revision.created_at):%Y-%m-%d %H:%M}",
            revision=revision,
            previous=previous,
            comparisons=[
                {
                    "title": "Since this revision",
                    "help": "Left: this revision. Right: the article as it is now. Restoring brings back the left.",
                    "old_label": "This revision",
                    "new_label": "Now",
                    **comparison_for_template(revision_diff(revision.data, current, names)),
                },
                {
                    "title": "What this revision changed",
                    "help": "Left: the revision before. Right: this revision."
                    if previous
                    else "This is the article's first revision.",
                    "old_label": "Before" if previous else "Nothing",
                    "new_label": "This revision",
                    **comparison_for_template(revision_diff(previous.data if previous else None, revision.data, names)),
                },
            ],
        )
        return TemplateResponse(request, self.revision_diff_template, context)

    def revision_restore_view(self, request, object_id: str, revision_id: int):
        """Restore a revision (POST only): the article takes its content back as a new revision."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._revision_article(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        revision: Revision = get_object_or_404(article.revisions, pk=revision_id)
        _, warnings = revision_restore(article=article, revision=revision, user=request.user)
        self.message_user(
            request,
            f"Restored the revision of {timezone.localtime(revision.created_at):%Y-%m-%d %H:%M}.",
            messages.SUCCESS,
        )
        for warning in warnings:
            self.message_user(request, warning, messages.WARNING)
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", quote(article.pk))
