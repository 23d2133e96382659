from django import forms
from django.core.exceptions import ValidationError

from articles.text import ScopeError
from people.models import Work
from reader.progress import watched_through


class ReaderProgressForm(forms.Form):
    """How far a reader has watched one work. An empty "through" clears it."""

    work = forms.SlugField()
    through = forms.CharField(required=False, max_length=40)
    next = forms.CharField(required=False, max_length=2000)

    def clean_work(self) -> Work:
        slug = self.cleaned_data["work"]
        work = Work.objects.filter(slug=slug).prefetch_related("seasons__episodes").first()
        if work is None:
            raise ValidationError("There is no work with this address.")
        return work

    def clean(self):
        cleaned = super().clean()
        work, through = cleaned.get("work"), (cleaned.get("through") or "").strip()
        if work is None:
            return cleaned
        cleaned["scope"] = None
        if not through:
            return cleaned
        try:
            cleaned["scope"] = watched_through(work, through)
        except ScopeError as error:
            self.add_error("through", str(error))
        return cleaned
