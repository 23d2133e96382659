"""Behaviour shared by the admins: cache purges on every write, forms that refuse crafted input,
and inline rows that read their choices together.

A crafted POST (a key too large for the database, "abc" for a picture, a season number of twenty
digits) must come back as the form with an error beside the field and everything else the editor
typed still in it, never as a server error. `RefusesImpossibleInput` does that for the fields the
admin builds from the model; `hardened` does it for the fields a form declares itself, so inlines
and custom forms are covered too. Every admin of public pages gets both through `ChangesPublicPages`.

A change form runs the same number of queries for one inline row as for fifty: `RowsReadTogether`
gives every row's select one shared read of its choices, and every row's autocomplete one shared
read of the objects chosen in all the rows (`ChangesPublicPages` adds it to every inline).
"""

from __future__ import annotations

import copy

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin, AutocompleteSelect, RelatedFieldWidgetWrapper
from django.core.exceptions import EmptyResultSet
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, router
from django.forms.models import ModelChoiceIterator
from django.forms.widgets import ChoiceWidget
from django.utils.functional import cached_property

from cms.fields import KeyChoiceField, KeyMultipleChoiceField, widest_integer_range
from cms.pagecache import site_changed


class RefusesImpossibleInput:
    """For a ModelAdmin or an inline: relation fields that refuse keys the database cannot hold, and
    number fields limited to what the database column holds."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeyChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeyMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.IntegerField) and not db_field.choices and db_field.editable:
            alias = router.db_for_write(db_field.model)
            low, high = connections[alias].ops.integer_field_range(db_field.get_internal_type())
            if low is not None:
                kwargs.setdefault("min_value", low)
            if high is not None:
                kwargs.setdefault("max_value", high)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def hardened_field(field: forms.Field) -> forms.Field:
    """The same field, refusing impossible keys and numbers; unchanged when it already does."""
    if type(field) is forms.ModelChoiceField:
        field = copy.copy(field)
        field.__class__ = KeyChoiceField  # adds checks only: every attribute keeps its meaning
    elif type(field) is forms.ModelMultipleChoiceField:
        field = copy.copy(field)
        field.__class__ = KeyMultipleChoiceField
    elif isinstance(field, forms.IntegerField) and (field.max_value is None or field.min_value is None):
        low, high = widest_integer_range()
        field = copy.copy(field)
        field.validators = [*field.validators]
        if field.max_value is None and high is not None:
            field.max_value = high
            field.validators.append(MaxValueValidator(high))
        if field.min_value is None and low is not None:
            field.min_value = low
            field.validators.append(MinValueValidator(low))
    return field


def hardened(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """A subclass of `form_class` whose fields, declared ones included, refuse impossible input."""
    fields = {name: hardened_field(field) for name, field in form_class.base_fields.items()}
    if all(fields[name] is field for name, field in form_class.base_fields.items()):
        return form_class
    subclass = type(form_class.__name__, (form_class,), {"__module__": form_class.__module__})
    subclass.base_fields = fields
    # A further subclass (an admin adding attributes to the form) collects its declared fields again.
    subclass.declared_fields = {name: fields[name] for name in form_class.declared_fields if name in fields}
    return subclass


def query_identity(queryset: models.QuerySet) -> tuple:
    """What decides the rows a queryset returns: its database, SQL and parameters."""
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # .none(): no rows, whatever else it says
        sql, params = "", ()
    return queryset.db, sql, repr(params)


class SharedChoices(ModelChoiceIterator):
    """A select's choices, read once for every row of a formset that would read the same ones.

    Django's iterator runs its query each time a row's select is drawn. Rows share a read only when
    their querysets are the same query, so a form that narrows one row's choices keeps its own.
    """

    def __init__(self, field: forms.ModelChoiceField, read: dict):
        super().__init__(field)
        self.read = read

    @cached_property
    def key(self) -> tuple:
        """Worked out when the select is drawn; a form that is only validated never needs it."""
        field = self.field
        return type(field), field.empty_label, field.to_field_name, query_identity(self.queryset)

    def __iter__(self):
        if self.key not in self.read:
            self.read[self.key] = list(super().__iter__())
        yield from self.read[self.key]

    def __len__(self):  # Django's counts in the database; these rows are read already
        return sum(1 for _ in self)

    def __bool__(self):
        return any(True for _ in self)


class SelectedObjects:
    """For one autocomplete field of a formset: the objects chosen in all its rows, read in one query.

    Django's autocomplete select reads its own chosen object when it is drawn, one query a row.
    The first row drawn reads every row's choice at once; a row whose queryset differs, or whose
    value was not among those read, falls back to its own query.
    """

    def __init__(self, formset: forms.BaseFormSet, name: str):
        self.formset = formset
        self.name = name
        self.query = None
        self.keys: set[str] = set()
        self.objects: list[models.Model] = []

    def chosen(self, widget: RowAutocompleteSelect, keys: set[str]) -> list[models.Model] | None:
        """The objects of `keys` in the widget's queryset order, or None when they were not read."""
        queryset = widget.choices.queryset.using(widget.db)
        query = query_identity(queryset)
        attname = widget.key_attname()
        if self.query is None:
            self.query = query
            self.keys = keys | self.keys_in_rows(widget)
            if self.keys:
                self.objects = list(queryset.filter(**{f"{attname}__in": self.keys}))
        if query != self.query or not keys <= self.keys:
            return None
        return [obj for obj in self.objects if str(getattr(obj, attname)) in keys]

    def keys_in_rows(self, widget: RowAutocompleteSelect) -> set[str]:
        empty = widget.choices.field.empty_values
        return {
            key
            for form in self.formset.forms
            if self.name in form.fields
            for key in widget.format_value(form[self.name].value())
            if key not in empty
        }


class RowAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete select, drawing its chosen object from its formset's shared read."""

    rows: SelectedObjects | None = None

    def key_attname(self) -> str:
        """The attribute of the related object that the select's values are (its key, usually)."""
        opts = self.field.remote_field.model._meta
        return opts.get_field(getattr(self.field.remote_field, "field_name", opts.pk.attname)).attname

    def optgroups(self, name, value, attr=None):
        keys = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        objects = self.rows.chosen(self, keys) if self.rows is not None else None
        if objects is None:
            return super().optgroups(name, value, attr)
        # The options Django's own optgroups builds, from the shared read instead of a query.
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance
        attname = self.key_attname()
        for obj in objects:
            options.append(self.create_option(name, getattr(obj, attname), label(obj), keys, len(options)))
        return [(None, options, 0)]


class RowsReadTogether:
    """For an inline formset: every row's select shows choices read once for all the rows, and every
    row's autocomplete its chosen object from one read of all the rows' choices; the empty row that
    "Add another" copies shares them too. Only drawing changes: validation still checks a posted
    key against the field's own queryset."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices_read: dict[tuple, list] = {}
        self.selected_objects: dict[str, SelectedObjects] = {}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
            if type(widget) is AutocompleteSelect:
                # Each form holds its own copy of the widget; the subclass changes only where the
                # chosen object is read from.
                widget.__class__ = RowAutocompleteSelect
            if isinstance(widget, RowAutocompleteSelect):
                widget.rows = self.selected_objects.setdefault(name, SelectedObjects(self, name))
            elif isinstance(widget, ChoiceWidget) and not isinstance(widget, AutocompleteMixin):
                widget.choices = SharedChoices(field, self.choices_read)


def rows_read_together(formset_class: type[forms.BaseFormSet]) -> type[forms.BaseFormSet]:
    """A subclass of `formset_class` whose rows read their choices together."""
    if issubclass(formset_class, RowsReadTogether):
        return formset_class
    return type(formset_class.__name__, (RowsReadTogether, formset_class), {"__module__": formset_class.__module__})


class ChangesPublicPages(RefusesImpossibleInput):
    """For admins of anything readers see: every write tells the page cache the site changed, every
    form and inline form refuses crafted keys and numbers with a form error, and an inline's rows
    read their choices together, so a change form's queries do not grow with its rows."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        return hardened(super().get_form(request, obj, change=change, **kwargs))

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            formset.form = hardened(formset.form)
            yield rows_read_together(formset), inline

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        site_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        site_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        site_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        site_changed()
