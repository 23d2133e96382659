"""The upload form: the file is judged by its content, with a message that says what is wrong."""

from django import forms

from images.models import Image
from images.validators import CHECKED, identify_image

ACCEPT = "image/jpeg,image/png,image/webp,image/gif"


class LibraryImageField(forms.ImageField):
    """Like Django's ImageField, but refusing with Callboard's specific reasons.

    Django's own field answers every problem with "Upload a valid image", which does not tell
    an editor that the file is a ZIP, an SVG, a bomb or cut short.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        info = identify_image(upload)
        setattr(upload, CHECKED, info.format)
        upload.content_type = f"image/{info.format.lower()}"
        return upload


class ImageAdminForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "licence", "title", "focal_x", "focal_y"]
        field_classes = {"file": LibraryImageField}
        widgets = {
            "file": forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            "focal_x": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
        }
