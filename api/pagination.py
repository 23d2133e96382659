"""Cursor pagination over indexed orderings: a page costs the same at the millionth row as at
the first, and never counts the rows.

DRF's cursor carries the position of the page's edge as text the client sends back, so a crafted
cursor can hold any text; a position the ordering's column cannot hold is refused as an invalid
cursor (404, as DRF answers any cursor it cannot read), never passed on to the database.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        cursor = self.decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            self.check_position(queryset.model, self.get_ordering(request, queryset, view), cursor.position)
        return super().paginate_queryset(queryset, request, view)

    def check_position(self, model, ordering: tuple[str, ...], position: str) -> None:
        name = ordering[0].lstrip("-")
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        try:
            if "\x00" in position:
                raise ValidationError("NUL")
            value = field.to_python(position)
            field.run_validators(value)
            if isinstance(value, datetime) and value.tzinfo is None:
                raise ValidationError("A position in time carries its offset.")
        except (ValidationError, ValueError, OverflowError):
            raise NotFound(self.invalid_cursor_message) from None


class NewestFirst(Cursor):
    """Newest publish time first: the ``article_published_newest`` index, read in order."""

    ordering = ("-publish_at", "-pk")


class BySlug(Cursor):
    """Alphabetical by slug, which is unique and so indexed."""

    ordering = ("slug",)


class NewestKeyFirst(Cursor):
    """The most recently recorded first, by primary key."""

    ordering = ("-pk",)
