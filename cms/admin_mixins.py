"""Behaviour shared by the admins: cache purges on every write, and forms that refuse crafted input.

A crafted POST (a key too large for the database, "abc" for a picture, a season number of twenty
digits) must come back as the form with an error beside the field and everything else the editor
typed still in it, never as a server error. `RefusesImpossibleInput` does that for the fields the
admin builds from the model; `hardened` does it for the fields a form declares itself, so inlines
and custom forms are covered too. Every admin of public pages gets both through `ChangesPublicPages`.
"""

from __future__ import annotations

import copy

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, router

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


class ChangesPublicPages(RefusesImpossibleInput):
    """For admins of anything readers see: every write tells the page cache the site changed, and
    every form and inline form refuses crafted keys and numbers with a form error."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        return hardened(super().get_form(request, obj, change=change, **kwargs))

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            formset.form = hardened(formset.form)
            yield formset, inline

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
