"""`manage.py rebuild_renditions`: everything again, or only what is missing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from images.models import Rendition
from tests import factories
from tests.images.conftest import stored_image

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("rebuild_renditions", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_missing_only_makes_renditions_for_images_that_have_none():
    bare = factories.image()  # saved without the service, as older rows were
    output = run("--missing-only")
    assert Rendition.objects.filter(image=bare).exists()
    assert "1/1 images" in output and "[" in output


def test_missing_only_leaves_up_to_date_renditions_alone():
    image = stored_image()
    before = set(image.renditions.values_list("pk", flat=True))
    run("--missing-only")
    assert set(image.renditions.values_list("pk", flat=True)) == before


def test_a_full_rebuild_remakes_every_rendition_of_one_image():
    image, other = stored_image(), stored_image()
    before, untouched = (
        set(image.renditions.values_list("pk", flat=True)),
        set(other.renditions.values_list("pk", flat=True)),
    )
    run("--image", str(image.pk))
    assert not before & set(image.renditions.values_list("pk", flat=True))
    assert set(other.renditions.values_list("pk", flat=True)) == untouched


def test_an_unknown_image_number_is_an_error():
    with pytest.raises(CommandError):
        run("--image", "999")
