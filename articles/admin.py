from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles import services
from articles.admin_preview import LivePreviewMixin
from articles.admin_quote_review import QuoteReviewMixin, printed_name_fits
from articles.admin_revisions import RevisionAdminMixin, comparison_for_template
from articles.admin_toolbar import BodyToolbarMixin
from articles.conflicts import conflict_comparison
from articles.forms import (
    ArticleAdminForm,
    ArticleSpoilerForm,
    ArticleSpoilerFormSet,
    MergeForm,
    PasteArticleForm,
    PeopleReviewForm,
    QuoteAdminForm,
    SpoilerScopeActionForm,
)
from articles.importing import import_text
from articles.models import Article, ArticleSpoiler, AuditEntry, Byline, Correction, Quote, ShareLink, SpoilerScope
from articles.revisions import field_values, revision_diff, snapshot, snapshot_names
from articles.text import Scope, ScopeError, parse_scope
from articles.text.spoilers import UNSCOPED
from cms.admin_mixins import ChangesPublicPages


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    fields = ["person", "label", "position"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "article")


class ArticleSpoilerInline(admin.TabularInline):
    model = ArticleSpoiler
    form = ArticleSpoilerForm
    formset = ArticleSpoilerFormSet
    extra = 0
    verbose_name = "spoiler tag"
    verbose_name_plural = "spoiler tags (what the article gives away)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("tag__work", "content_object")


class QuoteInline(admin.TabularInline):
    """One line per quote; the sentence around each, confidence and one-click decisions are on the
    article's "Review quotes" page, and every field of a quote on its own page in the Quotes admin."""

    model = Quote
    extra = 0
    fields = ["words", "speaker", "speaker_name", "status", "attention"]
    readonly_fields = ["attention"]
    autocomplete_fields = ["speaker"]
    verbose_name_plural = "quotes (review them with their sentences on the “Review quotes” page)"
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 48})}}

    @admin.display(description="needs attention")
    def attention(self, quote: Quote) -> str:
        notes = []
        if quote.missing_from_body:
            notes.append("These words are no longer in the body.")
        if quote.candidates:
            notes.append("Could be: " + ", ".join(quote.candidates) + ". Choose the speaker.")
        if quote.speaker and not printed_name_fits(quote.speaker_name, quote.speaker):
            notes.append(
                f"The article prints “{quote.speaker_name}”; the speaker chosen is {quote.speaker.name}. "
                "Check the choice, or give them that name as an alias."
            )
        notes.append(quote_spoiler_note(quote))
        return " ".join(filter(None, notes)) or "—"

    def get_queryset(self, request):
        # The article's works name a spoiler's scope as editors write it: "S1E5" for the work
        # the article is about, "other-show:S1E5" otherwise.
        queryset = super().get_queryset(request).select_related("speaker", "character__work", "article")
        return queryset.prefetch_related("article__works", "speaker__aliases")


def _buttons(rows: list[tuple[str, str, str]]) -> list[dict]:
    """Publishing buttons for the template from (action, label, what it does)."""
    return [{"value": value, "label": label, "help": help_text} for value, label, help_text in rows]


# How a rendered body marks a spoiler; only the renderer writes the attribute, never the text.
SPOILER_ATTRIBUTE = 'data-spoiler="'


def quote_spoiler_note(quote: Quote) -> str:
    """Who may see a quote outside its article, speaking only of spoilers the body has.

    The renderer stores "unscoped" for words that sit in a spoiler nobody can open, span spoilers
    of more than one work, or could not be found in the body at all; in a body without spoilers
    only the last can be true.
    """
    if not quote.spoiler_scope:
        return ""
    if quote.spoiler_scope != UNSCOPED:
        try:
            scope = parse_scope(quote.spoiler_scope)
        except ScopeError:
            scope = None
        if scope is None or scope.work is None:
            where = scope.code if scope else quote.spoiler_scope
            return f"Inside the spoiler for {where}, which names no work: it stays off pages outside the article."
        where = scope_as_written(scope, quote.article.works.all())
        return f"Inside the spoiler for {where}: outside the article only readers who have watched that far see it."
    if quote.missing_from_body:
        return "The quote stays off pages outside the article until its words match the body again."
    if SPOILER_ATTRIBUTE not in quote.article.body_html:
        return (
            "These words could not be found in the body as written, so the quote stays off pages outside "
            "the article until they match it."
        )
    return (
        "The quote stays off pages outside the article: its words sit in a spoiler with no scope (none "
        "written, and no spoiler tag or single work to lend one), span spoilers of more than one work, "
        "or could not be found in the body as written."
    )


def scope_as_written(scope: Scope, works) -> str:
    """A scope as an editor writes it in a spoiler marker: "S1E5" when the article is about that
    work alone, "the-show:S1E5" otherwise, and "all of The Show" for a whole work."""
    titles = {work.slug: work.title for work in works}
    if not scope.code:
        return f"all of {titles.get(scope.work, scope.work)}"
    if list(titles) == [scope.work]:
        return scope.code
    return f"{scope.work}:{scope.code}"


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["corrected_at", "note"]
    verbose_name_plural = "corrections (printed at the end of the article)"


class SpoilerFilter(admin.SimpleListFilter):
    title = "spoilers"
    parameter_name = "spoilers"

    def lookups(self, request, model_admin):
        return [("none", "Spoiler-free"), ("any", "Has spoilers")] + [
            (f"severity:{value}", f"{label} spoilers") for value, label in ArticleSpoiler.Severity.choices
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(spoiler_items__isnull=True)
        if value == "any":
            return queryset.filter(spoiler_items__isnull=False).distinct()
        if value and value.startswith("severity:"):
            return queryset.filter(spoiler_items__severity=value.split(":", 1)[1]).distinct()
        return queryset


@admin.register(Article)
class ArticleAdmin(
    ChangesPublicPages, LivePreviewMixin, QuoteReviewMixin, BodyToolbarMixin, RevisionAdminMixin, admin.ModelAdmin
):
    change_list_template = "admin/articles/article/change_list.html"
    change_form_template = "admin/articles/article/change_form.html"
    form = ArticleAdminForm
    list_display = ["headline", "kind", "state", "publish_at", "authors", "spoiler_scope", "body_problems"]
    list_filter = ["status", "kind", "works", SpoilerFilter]
    search_fields = ["headline", "dek", "body"]
    prepopulated_fields = {"slug": ["headline"]}
    date_hierarchy = "publish_at"
    autocomplete_fields = ["works", "people", "hero_image", "reviewed_work", "reviewed_season", "reviewed_episode"]
    actions = ["publish_selected", "unpublish_selected", "submit_selected", "set_spoiler_scope"]
    readonly_fields = ["publishing_state"]
    fieldsets = [
        (None, {"fields": ["kind", "headline", "slug", "dek"]}),
        ("Body", {"fields": ["body"]}),
        ("Coverage", {"fields": ["works", "people", "tags", "hero_image"]}),
        (
            "Review",
            {
                "fields": [
                    ("rating", "rating_scale"),
                    "verdict",
                    "reviewed_work",
                    "reviewed_season",
                    "reviewed_episode",
                ],
                "description": "Only for reviews.",
            },
        ),
        ("Publishing", {"fields": ["publishing_state", "publish_at", "status", "base_version", "action"]}),
    ]
    inlines = [BylineInline, ArticleSpoilerInline, QuoteInline, CorrectionInline]

    def get_queryset(self, request):
        # The list shows the body's warnings, not the body: keep only the long text deferred.
        listing = super().get_queryset(request).for_listing().defer(None)
        return listing.defer("body", "body_html", "body_safe_html", "safe_text").with_is_live()

    # --- Roles: the rules are in services; the admin only asks ---------------------------------

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj))

    def has_publish_permission(self, request) -> bool:
        return services.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        if services.can_publish(request.user):
            return self.readonly_fields
        return [*self.readonly_fields, "publish_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"editor": request.user})

    def save_model(self, request, obj, form, change):
        """The row is written by the core's save sequence, together with its inlines (save_related)."""

    def save_related(self, request, form, formsets, change):
        article = form.instance
        action = form.cleaned_data.get("action")
        keeps_published = form.cleaned_data.get("status") == Article.Status.PUBLISHED
        if change and form.was_live and keeps_published and action != form.PUBLISH_CHANGES:
            return self._save_for_later(request, form, formsets)
        try:
            result = services.article_save(
                article=article,
                user=request.user,
                base_version=form.cleaned_data.get("base_version"),
                status=form.cleaned_data.get("status", article.status),
                publish_at=form.cleaned_data.get("publish_at", services.editing.UNSET),
                save_related=lambda: super(ArticleAdmin, self).save_related(request, form, formsets, change),
                fields=field_values(form.cleaned_data),
                # The form shows a live article's unpublished changes, so its save carries them.
                replaces_pending=True,
            )
        except ValidationError as error:
            # Raised only by a crafted POST: the form itself asks for the version and the state.
            raise PermissionDenied(" ".join(error.messages)) from error
        found = result.quotes
        if found.get("suggested") or found.get("flagged"):
            self.message_user(
                request,
                f"Quotes: {found['suggested']} new suggestion(s) to review, {found['flagged']} confirmed quote(s) "
                "whose words are no longer in the body.",
                messages.INFO,
            )
        for warning in result.warnings:
            self.message_user(request, warning, messages.WARNING)
        for problem in result.errors:
            self.message_user(request, problem, messages.ERROR)
        if article.status == Article.Status.PUBLISHED and article.publish_at and not result.errors:
            address = request.build_absolute_uri(article.get_absolute_url())
            if article.publish_at <= timezone.now():
                note = format_html('Live at <a href="{}">{}</a>.', address, address)
            else:
                when = timezone.localtime(article.publish_at).strftime("%b %-d, %Y %H:%M")
                note = format_html('Goes live on {} at <a href="{}">{}</a>.', when, address, address)
            self.message_user(request, note, messages.SUCCESS)
        elif result.action == "unpublished":
            self.message_user(request, "Unpublished: readers no longer see this article.", messages.SUCCESS)
        elif article.status != Article.Status.PUBLISHED:
            state = article.get_status_display().lower()
            self.message_user(request, f"Saved ({state}): readers do not see it.", messages.SUCCESS)

    def _save_for_later(self, request, form, formsets):
        """A live article's edits wait for "Publish changes"; bylines, spoiler tags, quotes and
        corrections are decided on the live article at once."""
        cleaned = form.cleaned_data
        coverage = {name: [row.pk for row in cleaned[name]] for name in ("works", "people") if name in cleaned}
        if "tags" in cleaned:
            coverage["tags"] = list(cleaned["tags"])

        def save_inlines() -> bool:
            for formset in formsets:
                self.save_formset(request, form, formset, change=True)
            return any(formset.has_changed() for formset in formsets)

        article = form.instance
        result = services.article_save_for_later(
            article=article,
            user=request.user,
            base_version=cleaned.get("base_version"),
            coverage=coverage,
            save_related=save_inlines,
        )
        for warning in result.warnings:
            self.message_user(request, warning, messages.WARNING)
        address = request.build_absolute_uri(result.article.get_absolute_url())  # the live address
        self.message_user(
            request,
            format_html(
                'Saved for later. Readers still see the published version at <a href="{}">{}</a>; '
                "“Publish changes” makes these changes live.",
                address,
                address,
            ),
            messages.SUCCESS,
        )

    def response_change(self, request, obj):
        # A publishing button keeps the editor on the article, with the messages above.
        if request.POST.get("action") and "_popup" not in request.POST:
            return redirect("admin:articles_article_change", obj.pk)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("action") and "_popup" not in request.POST:
            self.message_user(request, format_html("“{}” is saved.", obj), messages.SUCCESS)
            return redirect("admin:articles_article_change", obj.pk)
        return super().response_add(request, obj, post_url_continue)

    def get_object(self, request, object_id, from_field=None):
        """On the change form, a live article's unpublished changes are what is shown and edited."""
        article = super().get_object(request, object_id, from_field)
        match = request.resolver_match
        if article is not None and match is not None and match.url_name == "articles_article_change":
            pending = services.pending_apply(article)
            if pending is not None:
                article.pending_coverage, _ = pending
        return article

    @admin.display(description="state")
    def publishing_state(self, article: Article) -> str:
        if article.pk is None:
            return "A new draft."
        now = timezone.now()
        when = timezone.localtime(article.publish_at).strftime("%b %-d, %Y %H:%M") if article.publish_at else ""
        if services.article_is_live(article, now):
            state = f"Live since {when}."
            if article.pending_changes_id:
                state += " The form shows unpublished changes; readers see the published version."
            return state
        if article.status == Article.Status.PUBLISHED:
            return f"Scheduled: goes live on {when}."
        return article.get_status_display() + "."

    def publishing_buttons(self, request, article: Article | None) -> list[dict]:
        """The buttons that change the article's state, by role and state; the first is the main one."""
        form = self.form
        editor = services.can_publish(request.user)
        status = article.status if article is not None else Article.Status.DRAFT
        if article is not None and services.article_is_live(article):
            buttons = [
                (form.SAVE, "Save for later", "Keeps the published version; readers see your changes once published."),
                (form.PUBLISH_CHANGES, "Publish changes", "Readers see this version at once."),
                (form.UNPUBLISH, "Unpublish", "Takes the article away from readers; the text is kept."),
            ]
            return _buttons(buttons) if editor else []
        if status == Article.Status.PUBLISHED:
            buttons = [
                (form.SAVE, "Save", "Keeps the schedule; a new publish time above moves it."),
                (form.PUBLISH, "Publish now", "Readers see it at once."),
                (form.RETURN, "Cancel the schedule", "Back to draft; nothing goes out."),
            ]
        elif editor:
            buttons = [
                (form.SAVE, "Save draft" if status == Article.Status.DRAFT else "Save", "Nothing goes out."),
                (form.PUBLISH, "Publish now", "Readers see it at once."),
                (form.SCHEDULE, "Schedule", "Goes live by itself at the publish time above."),
            ]
            if status == Article.Status.IN_REVIEW:
                buttons.append((form.RETURN, "Back to draft", "Returns it to the writer."))
        else:
            buttons = [(form.SAVE, "Save draft" if status == Article.Status.DRAFT else "Save", "Nothing goes out.")]
            if status == Article.Status.DRAFT:
                buttons.append((form.SUBMIT, "Submit for review", "An editor checks and publishes it."))
            elif status == Article.Status.IN_REVIEW:
                buttons.append((form.RETURN, "Back to draft", "Take it back from the editors."))
        return _buttons(buttons)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["publishing_buttons"] = self.publishing_buttons(request, obj)
        if obj is not None and obj.pending_changes_id:
            context["pending_changes"] = self.pending_comparison(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def pending_comparison(self, article: Article) -> dict:
        """The published version against the unpublished changes, for the form's notice."""
        live = snapshot(Article.objects.get(pk=article.pk))
        pending = article.pending_changes
        names = snapshot_names(live, pending.data)
        return {
            "revision": pending,
            "title": "Unpublished changes",
            "help": "Left: what readers see. Right: the changes saved for later.",
            "old_label": "Published",
            "new_label": "Unpublished changes",
            **comparison_for_template(revision_diff(live, pending.data, names)),
        }

    def discard_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if request.method != "POST" or not self.has_change_permission(request, article):
            raise PermissionDenied
        try:
            base_version = int(request.POST.get("base_version", ""))
        except ValueError:
            base_version = None
        if base_version is None:
            self.message_user(request, services.versions.MISSING_VERSION, messages.ERROR)
            return redirect("admin:articles_article_change", article.pk)
        try:
            services.article_discard_changes(article=article, user=request.user, base_version=base_version)
        except services.EditConflict:
            self.message_user(
                request,
                "Someone saved this article after you opened it; nothing was discarded. Look at it again first.",
                messages.ERROR,
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            note = "The unpublished changes are discarded; the form shows the published version."
            self.message_user(request, note, messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.EditConflict as conflict:
            return self.conflict_view(request, conflict)

    def conflict_view(self, request, conflict):
        """The second editor's save was refused: show what changed, keep their text, offer a merge."""
        refused = services.article_store_refused(conflict=conflict, user=request.user)
        article = Article.objects.get(pk=conflict.article_id)
        base = article.revisions.filter(version=conflict.base_version).exclude(kind="conflict").first()
        comparison = conflict_comparison(
            base=base.data["fields"] if base else None, current=field_values(article), mine=conflict.fields
        )
        form = MergeForm(
            initial={
                "base_version": article.version,
                **{name: row["merged"] for name, row in comparison.items() if name in ("headline", "dek", "body")},
            }
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Someone else saved this article",
            "article": article,
            "comparison": comparison,
            "refused": refused,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/conflict.html", context, status=409)

    def merge_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if request.method != "POST" or not self.has_change_permission(request, article):
            raise PermissionDenied
        form = MergeForm(request.POST)
        if form.is_valid():
            try:
                services.article_merge_save(article=article, user=request.user, **form.cleaned_data)
            except services.EditConflict as conflict:
                return self.conflict_view(request, conflict)
            self.message_user(request, "The merged version is saved.", messages.SUCCESS)
            return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge",
            "article": article,
            "form": form,
            "comparison": {},
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/conflict.html", context, status=400)

    def share_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if request.method != "POST" or not services.can_publish(request.user):
            raise PermissionDenied
        link = services.share_link_create(article=article, user=request.user)
        url = request.build_absolute_uri(reverse("articles:share_preview", args=[services.share_link_token(link)]))
        self.message_user(
            request,
            format_html(
                'Preview link, valid until {}: <a href="{}">{}</a>',
                timezone.localtime(link.expires_at).strftime("%b %-d, %Y %H:%M"),
                url,
                url,
            ),
            messages.SUCCESS,
        )
        return redirect("admin:articles_article_change", article.pk)

    def revoke_view(self, request, object_id, link_id):
        link = get_object_or_404(ShareLink, pk=link_id, article_id=object_id)
        if request.method != "POST" or not services.can_publish(request.user):
            raise PermissionDenied
        services.share_link_revoke(link=link, user=request.user)
        self.message_user(request, "The preview link no longer works.", messages.SUCCESS)
        return redirect("admin:articles_article_change", object_id)

    def get_urls(self):
        view = self.admin_site.admin_view
        extra = [
            path("paste/", view(self.paste_view), name="articles_article_paste"),
            path("<path:object_id>/merge/", view(self.merge_view), name="articles_article_merge"),
            path("<path:object_id>/people/", view(self.people_view), name="articles_article_people"),
            path("<path:object_id>/share/", view(self.share_view), name="articles_article_share"),
            path("<path:object_id>/discard/", view(self.discard_view), name="articles_article_discard"),
            path(
                "<path:object_id>/share/<int:link_id>/revoke/", view(self.revoke_view), name="articles_article_revoke"
            ),
        ]
        return [*extra, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        links = list(
            ShareLink.objects.filter(article_id=object_id, revoked_at__isnull=True, expires_at__gt=timezone.now())
        )
        can_share = services.can_publish(request.user)
        for link in links:
            # The address again, for whoever may hand it out: it is not only in the one-time message.
            token = services.share_link_token(link)
            link.url = request.build_absolute_uri(reverse("articles:share_preview", args=[token])) if can_share else ""
        audit = AuditEntry.objects.filter(article_id=object_id).select_related("user")[:20]
        extra = {
            "share_links": links,
            "audit_entries": audit,
            "can_share": can_share,
            "people_waiting": Quote.objects.waiting_for_a_person().filter(article_id=object_id).exists(),
        }
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def people_view(self, request, object_id):
        """Review the people the article introduces: add them, say who they are, or skip them;
        accept the credits it gives; their quotes are attributed."""
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        proposals = services.article_proposals(article=article)
        form = PeopleReviewForm(request.POST or None, proposals=proposals)
        if request.method == "POST" and form.is_valid():
            try:
                result = services.proposals_apply(article=article, user=request.user, decisions=form.decisions())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, f"People in this article: {result.summary()}.", messages.SUCCESS)
                return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": "People in this article",
            "article": article,
            "proposals": proposals,
            "form": form,
            "can_apply": request.user.has_perm("people.add_person") and services.can_edit(request.user, article),
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "admin/articles/article/people.html", context, status=400 if form.errors else 200
        )

    def paste_view(self, request):
        """Paste an article's text; get a draft with everything the analyser found, ready to review."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PasteArticleForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            result = import_text(form.cleaned_data["text"], source="pasted text", user=request.user)
            article, analysis = result.article, result.analysis
            self.message_user(
                request,
                f"Draft created from pasted text: {len(analysis.quotes)} quote(s) and {len(analysis.qa_turns)} Q&A "
                f"turn(s) found. Check the suggestions below, then publish.",
                messages.SUCCESS,
            )
            for problem in analysis.errors:
                self.message_user(request, problem, messages.WARNING)
            for credit in analysis.image_credits:
                self.message_user(
                    request,
                    f"Photo credit taken out of the text: “{credit}”. Give it to the hero image when you add one.",
                    messages.INFO,
                )
            if services.article_proposals(article=article):
                self.message_user(
                    request,
                    "The article introduces people or credits the database does not have yet: "
                    "say who they are before reviewing the quotes.",
                    messages.INFO,
                )
                return redirect("admin:articles_article_people", article.pk)
            return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": "Paste an article",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/paste.html", context)

    @admin.display(description="state", ordering="status")
    def state(self, article: Article) -> str:
        if article.is_live and article.pending_changes_id:
            return mark_safe("Published, <strong>with unpublished changes</strong>")
        if article.status == Article.Status.PUBLISHED and not article.is_live:
            local = timezone.localtime(article.publish_at)
            return format_html("<strong>Scheduled</strong> for {}", local.strftime("%b %-d, %Y %H:%M"))
        if article.status == Article.Status.IN_REVIEW and article.publish_at and article.publish_at <= timezone.now():
            local = timezone.localtime(article.publish_at)
            return format_html(
                '<strong style="color:#ba2121">In review, overdue</strong>: its publish time {} has passed',
                local.strftime("%b %-d, %Y %H:%M"),
            )
        return article.get_status_display()

    @admin.display(description="authors")
    def authors(self, article: Article) -> str:
        return ", ".join(byline.person.name for byline in article.bylines.all())

    @admin.display(description="warnings")
    def body_problems(self, article: Article) -> str:
        if not article.body_warnings:
            return ""
        return format_html_join(mark_safe("<br>"), "⚠ {}", ((warning,) for warning in article.body_warnings))

    @admin.display(description="spoiler scope")
    def spoiler_scope(self, article: Article) -> str:
        return "; ".join(str(item) for item in article.spoiler_items.all()) or "—"

    @admin.action(
        description="Publish selected articles (or their unpublished changes)",
        permissions=["publish"],
    )
    def publish_selected(self, request, queryset):
        published = 0
        for article in queryset:
            try:
                if services.article_is_live(article) and article.pending_changes_id:
                    services.article_publish_changes(article=article, user=request.user)
                else:
                    services.article_publish(article=article, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"“{article}” was not published: {' '.join(error.messages)}", messages.ERROR)
            else:
                published += 1
        if published:
            self.message_user(request, f"Published {published} article(s).", messages.SUCCESS)

    @admin.action(description="Submit selected drafts for review")
    def submit_selected(self, request, queryset):
        submitted = 0
        for article in queryset.filter(status=Article.Status.DRAFT):
            try:
                services.article_submit(article=article, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"“{article}”: {' '.join(error.messages)}", messages.ERROR)
            else:
                submitted += 1
        self.message_user(request, f"Submitted {submitted} article(s) for review.", messages.SUCCESS)

    @admin.action(description="Set the spoiler scope of selected articles…", permissions=["publish"])
    def set_spoiler_scope(self, request, queryset):
        form = SpoilerScopeActionForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            scope = form.scope()
            for article in queryset:
                services.article_set_spoiler_scope(
                    article=article, scope=scope, severity=form.cleaned_data["severity"], user=request.user
                )
            self.message_user(
                request, f"Set the spoiler scope of {len(queryset)} article(s) to {scope.name}.", messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Set spoiler scope",
            "articles": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/set_spoiler_scope.html", context)

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            services.article_unpublish(article=article, user=request.user)
        self.message_user(request, f"Unpublished {len(queryset)} article(s).", messages.SUCCESS)


@admin.register(Quote)
class QuoteAdmin(ChangesPublicPages, admin.ModelAdmin):
    form = QuoteAdminForm
    list_display = ["__str__", "speaker_display", "article", "status", "confidence", "missing_from_body"]
    list_select_related = ["speaker", "article"]
    list_filter = ["status", "missing_from_body"]
    search_fields = ["words", "speaker__name", "speaker_name", "article__headline"]
    autocomplete_fields = ["article", "speaker", "character"]
    actions = ["confirm_selected", "reject_selected"]

    def view_on_site(self, quote: Quote) -> str | None:
        """A quote's page exists only while the quote is public: confirmed, outside any spoiler, in a
        live article. A suggestion gets no "View on site" link to a page readers cannot open."""
        return quote.get_absolute_url() if Quote.objects.public().filter(pk=quote.pk).exists() else None

    # --- Roles: a quote is part of its article; the core decides who may change it -------------

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj.article))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj.article))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"editor": request.user})

    def save_model(self, request, obj, form, change):
        services.quote_save(quote=obj, user=request.user)

    def delete_model(self, request, obj):
        services.quote_delete(quote=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for quote in queryset.select_related("article"):
            services.quote_delete(quote=quote, user=request.user)

    @admin.action(description="Confirm selected quotes (each needs a speaker)")
    def confirm_selected(self, request, queryset):
        confirmed = 0
        for quote in queryset.select_related("article", "speaker"):
            try:
                services.quote_confirm(quote=quote, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{quote} was not confirmed: {' '.join(error.messages)}", messages.ERROR)
            except PermissionDenied as error:
                self.message_user(request, f"{quote} was not confirmed: {error}", messages.ERROR)
            else:
                confirmed += 1
        if confirmed:
            self.message_user(request, f"Confirmed {confirmed} quote(s).", messages.SUCCESS)

    @admin.action(description="Reject selected quotes")
    def reject_selected(self, request, queryset):
        rejected = 0
        for quote in queryset.select_related("article"):
            try:
                services.quote_reject(quote=quote, user=request.user)
            except PermissionDenied as error:
                self.message_user(request, f"{quote} was not rejected: {error}", messages.ERROR)
            else:
                rejected += 1
        if rejected:
            self.message_user(request, f"Rejected {rejected} quote(s).", messages.SUCCESS)

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_display(self, quote: Quote) -> str:
        return quote.speaker_display


@admin.register(SpoilerScope)
class SpoilerScopeAdmin(ChangesPublicPages, admin.ModelAdmin):
    ordering = ["name", "pk"]
    list_display = ["name", "work", "season_number", "episode_number", "article_count"]
    list_select_related = ["work"]
    list_filter = ["work"]
    search_fields = ["name", "work__title"]
    fields = ["work", "season_number", "episode_number"]
    autocomplete_fields = ["work"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("article_items"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, scope: SpoilerScope) -> int:
        return scope.article_count


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "article", "user", "detail"]
    list_select_related = ["article", "user"]
    list_filter = ["action"]
    search_fields = ["article__headline", "user__username", "detail"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
