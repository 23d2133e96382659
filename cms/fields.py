"""Form fields that answer a crafted value with a form error, never a server error.

Django's model choice fields turn a key that is not a number into "Select a valid choice", but
a number the database cannot hold (99999999999999999999) reaches the query and SQLite raises
OverflowError; and the admin's autocomplete widget, re-showing a refused form, looks up whatever
was posted ("abc" included) and fails the same way. These fields check a posted key against the
key field itself (its type and the database's integer range) before any query, refuse what does
not fit with the usual message, and re-show the form without it.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


def is_valid_key(queryset: models.QuerySet, to_field_name: str | None, value) -> bool:
    """Whether `value` could be a stored key of `queryset`'s model: the key field's type accepts it
    and, for integers, the database can hold it (the field's own range validators say so)."""
    if isinstance(value, models.Model):
        return True
    key_field = queryset.model._meta.get_field(to_field_name) if to_field_name else queryset.model._meta.pk
    while key_field.remote_field is not None and key_field.is_relation:  # a key that is itself a relation
        key_field = key_field.target_field
    try:
        key_field.run_validators(key_field.to_python(value))
    except (ValidationError, TypeError, ValueError, OverflowError):
        return False
    return True


class KeyChoiceField(forms.ModelChoiceField):
    """A `ModelChoiceField` that refuses keys the database could never hold instead of querying them."""

    def to_python(self, value):
        if value not in self.empty_values and not is_valid_key(self.queryset, self.to_field_name, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def prepare_value(self, value):
        # A refused form is shown again with what was posted; a key that cannot exist shows as no choice.
        if value not in self.empty_values and not is_valid_key(self.queryset, self.to_field_name, value):
            return None
        return super().prepare_value(value)


class KeyMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A `ModelMultipleChoiceField` that refuses keys the database could never hold."""

    def clean(self, value):
        # Checked before the parent's clean, which passes the value through `prepare_value` first.
        for key in value if isinstance(value, list | tuple) else ():
            if key not in self.empty_values and not is_valid_key(self.queryset, self.to_field_name, key):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": str(key)[:100]}
                )
        return super().clean(value)

    def prepare_value(self, value):
        # Only for showing the form again: `clean` has refused these keys already.
        if isinstance(value, list | tuple | set | frozenset):
            value = [key for key in value if is_valid_key(self.queryset, self.to_field_name, key)]
        return super().prepare_value(value)


def widest_integer_range(using: str = "default") -> tuple[int | None, int | None]:
    """The range of the widest integer column the database has: no stored number lies outside it."""
    from django.db import connections

    return connections[using].ops.integer_field_range("BigIntegerField")
