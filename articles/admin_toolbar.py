"""What the body's writing toolbar asks the server: the episodes a spoiler can name, the images.

Two JSON lookups under the article admin, for staff who may view articles:

- ``toolbar/scopes/?work=1&work=2``: each work with its seasons and the episodes that exist, and
  the scope text the toolbar writes for each (``lighthouse-keepers:S1E5``);
- ``toolbar/images/?q=lamp``: library images found the way the image admin's search finds them,
  with a thumbnail and the alt text the toolbar writes into ``![alt](image:42)``.

The script and markup are ``static/js/body-toolbar.js`` and
``templates/admin/articles/article/body_toolbar.html``.
"""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import path

from articles.text import Scope, ScopeError, parse_scope
from images.models import Image
from images.pictures import picture
from people.models import Episode, Season, Work

# An article covers a handful of works; more than this in one request is not the toolbar asking.
MAX_WORKS = 20
MAX_SEARCH_CHARS = 200
IMAGE_RESULTS = 12
THUMBNAIL_WIDTH = 320


class ToolbarRequestError(ValueError):
    """A lookup's parameters cannot be answered; the message is shown to the editor as it is."""


def requested_work_ids(values: list[str]) -> list[int]:
    """The ``work`` parameters as ids, in the order given, each once."""
    if not values:
        raise ToolbarRequestError("Name at least one work, e.g. ?work=12.")
    if len(values) > MAX_WORKS:
        raise ToolbarRequestError(f"Ask for at most {MAX_WORKS} works at a time.")
    ids: list[int] = []
    for value in values:
        text = value.strip()
        if not text.isascii() or not text.isdigit() or int(text) < 1:
            raise ToolbarRequestError(f"“{value}” is not a work id; works are named by number, e.g. ?work=12.")
        if int(text) not in ids:
            ids.append(int(text))
    return ids


def written_scope(slug: str, season: int | None = None, episode: int | None = None) -> str | None:
    """The scope as the toolbar writes it ("slug:S1E5", "slug:S1", "slug"), or None when the body's
    scope reader would not read it back as this work (a slug with capitals or underscores)."""
    try:
        scope = Scope(work=slug, season=season, episode=episode)
    except ScopeError:
        return None
    text = f"{slug}:{scope.code}" if scope.code else slug
    try:
        return text if parse_scope(text) == scope else None
    except ScopeError:
        return None


def work_choices(work: Work) -> dict:
    """One work's scopes for the picker, from its prefetched seasons and episodes (no query)."""
    return {
        "id": work.pk,
        "title": work.title,
        "label": str(work),
        "slug": work.slug,
        "scope": written_scope(work.slug),
        "seasons": [
            {
                "number": season.number,
                "title": season.title,
                "scope": written_scope(work.slug, season.number),
                "episodes": [
                    {
                        "number": episode.number,
                        "title": episode.title,
                        "code": f"S{season.number}E{episode.number}",
                        "scope": written_scope(work.slug, season.number, episode.number),
                    }
                    for episode in season.episodes.all()
                ],
            }
            for season in work.seasons.all()
        ],
    }


def works_with_episodes(ids: list[int]) -> dict[int, Work]:
    """The works with these ids, their seasons and episodes in order: three queries, whatever the counts."""
    episodes = Episode.objects.only("season_id", "number", "title").order_by("number")
    seasons = (
        Season.objects.only("work_id", "number", "title")
        .order_by("number")
        .prefetch_related(Prefetch("episodes", queryset=episodes))
    )
    works = (
        Work.objects.filter(pk__in=ids)
        .only("kind", "title", "slug", "year")
        .prefetch_related(Prefetch("seasons", queryset=seasons))
    )
    return {work.pk: work for work in works}


def image_choice(image: Image) -> dict:
    """One library image as the picker lists it (its renditions already fetched, or none)."""
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.alt_text,
        "credit": image.credit,
        "label": str(image),
        "thumbnail": picture(image, src_width=THUMBNAIL_WIDTH).src if image.file else "",
    }


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


class BodyToolbarMixin:
    """Adds the toolbar's JSON lookups to the article admin."""

    def get_urls(self):
        return [*self.toolbar_urls(), *super().get_urls()]

    def toolbar_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("toolbar/scopes/", view(self.toolbar_scopes_view), name=f"{prefix}_toolbar_scopes"),
            path("toolbar/images/", view(self.toolbar_images_view), name=f"{prefix}_toolbar_images"),
        ]

    def toolbar_scopes_view(self, request):
        """The seasons and episodes of the works asked for, as the spoiler buttons offer them."""
        if not self.has_view_permission(request):
            return _error("You do not have permission to view articles.", 403)
        try:
            ids = requested_work_ids(request.GET.getlist("work"))
        except ToolbarRequestError as error:
            return _error(str(error), 400)
        works = works_with_episodes(ids)
        missing = [str(pk) for pk in ids if pk not in works]
        if missing:
            return _error(f"No work has the id {', '.join(missing)}; it may have been deleted.", 400)
        return JsonResponse({"works": [work_choices(works[pk]) for pk in ids]})

    def toolbar_images_view(self, request):
        """Library images matching ``q`` (newest first when it is empty), found as the image
        admin's own search finds them, among the images that admin shows this user."""
        image_admin = self.admin_site.get_model_admin(Image)
        if not (self.has_view_permission(request) and image_admin.has_view_permission(request)):
            return _error("You do not have permission to view the image library.", 403)
        term = request.GET.get("q", "").strip()
        if len(term) > MAX_SEARCH_CHARS:
            return _error(f"Search for at most {MAX_SEARCH_CHARS} characters.", 400)
        images = image_admin.get_queryset(request)
        if term:
            images, may_have_duplicates = image_admin.get_search_results(request, images, term)
            if may_have_duplicates:
                images = images.distinct()
        found = list(images[: IMAGE_RESULTS + 1])
        return JsonResponse(
            {"images": [image_choice(image) for image in found[:IMAGE_RESULTS]], "more": len(found) > IMAGE_RESULTS}
        )
