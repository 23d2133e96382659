"""The live preview beside the article form: the unsaved text as readers would get it.

The form's fields are posted as the editor types; the body goes through the same pipeline a save
runs (``article_preview`` in the core's derived steps), nothing is written, and the answer is a page for a sandboxed
frame plus the social card as Slack or X would draw it. The frame's page carries no inline script:
the reader's own stylesheet and spoiler script, from our static files.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.urls import path

from articles.models import Article
from articles.services.derived import article_preview
from articles.text import ScopeError, parse_scope
from articles.text.reveal import open_covered
from images.models import Image
from images.pictures import social_card
from people.models import Work
from reader.progress import covered_by

# As much as the article form accepts for each field; a longer post is cut, not refused.
LIMITS = {"headline": 300, "dek": 1000, "slug": 300, "body": 2 * 1024 * 1024}
SHOWN, HIDDEN = "shown", "hidden"


def _keys(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()]


class LivePreviewMixin:
    """Adds ``preview/`` to the article admin: POST the form, get the page readers would see."""

    def get_urls(self):
        view = self.admin_site.admin_view
        extra = [path("preview/", view(self.live_preview_view), name="articles_article_preview")]
        return [*extra, *super().get_urls()]

    def live_preview_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._preview_article(request)
        data = request.POST
        for name, limit in LIMITS.items():
            setattr(article, name, data.get(name, "")[:limit])
        if data.get("kind") in Article.Kind.values:
            article.kind = data["kind"]
        works = list(Work.objects.filter(pk__in=_keys(data.getlist("works"))).prefetch_related("seasons__episodes"))
        preview = article_preview(article=article, works=works)
        through, problem = self._through(data.get("preview_through", ""))
        if data.get("preview_spoilers") == SHOWN:
            body = open_covered(preview.html, lambda scope: True)
        elif through is not None:
            body = open_covered(preview.html, covered_by({through.work or "": through}))
        else:
            body = preview.html
        hero = Image.objects.filter(pk__in=_keys([data.get("hero_image", "")])).first()
        document = render_to_string(
            "articles/live_preview.html",
            {"article": article, "body_html": body, "bylines": self._bylines(article), "hero": hero},
            request=request,
            using="jinja2",
        )
        description = article.dek or preview.excerpt
        card = {
            "title": article.headline or "(no headline yet)",
            "description": description[:197] + "…" if len(description) > 200 else description,
            "site": request.get_host(),
            "image": social_card(hero).url if hero else "",
            "large": hero is not None,
        }
        return JsonResponse(
            {
                "document": document,
                "card": card,
                "warnings": [*preview.warnings, *([problem] if problem else [])],
                "through": self._through_choices(works),
            }
        )

    def _preview_article(self, request) -> Article:
        key = request.POST.get("preview_of", "")
        if not key:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return Article()
        if not key.isdigit():
            raise Http404("No such article.")
        article = Article.objects.filter(pk=int(key)).first()
        if article is None:
            raise Http404("No such article.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    @staticmethod
    def _bylines(article: Article) -> list:
        return list(article.bylines.select_related("person")) if article.pk else []

    @staticmethod
    def _through(value: str):
        """The "reader has watched through" choice, e.g. "the-show:S1E3"; empty means not said."""
        if not value:
            return None, ""
        try:
            scope = parse_scope(value)
        except ScopeError as error:
            return None, f"Preview: “{value}” is not a point in a show ({error})."
        return (scope, "") if scope.work else (None, f"Preview: “{value}” names no show.")

    @staticmethod
    def _through_choices(works: list[Work]) -> list[dict]:
        """Every episode of the article's works, for "reader has watched through…"."""
        choices = []
        for work in works:
            for season in work.seasons.all():
                for episode in season.episodes.all():
                    code = f"S{season.number}E{episode.number}"
                    choices.append({"value": f"{work.slug}:{code}", "label": f"{work.title} {code}"})
        return choices
