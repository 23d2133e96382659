"""The image admin: uploads through the service, refusals that keep the editor's words, where used."""

import pytest
from django.urls import reverse

from images.models import Image
from tests import factories
from tests.images.conftest import GPS_IFD, gps_exif, image_upload, png_bomb, stored_image, upload, zip_archive

pytestmark = pytest.mark.django_db

ADD = "admin:images_image_add"


def form(**fields) -> dict:
    data = {"alt_text": "", "caption": "", "credit": "", "licence": "", "title": "", "focal_x": "0.5", "focal_y": "0.5"}
    data.update(fields)
    return data


def test_uploading_through_the_admin_cleans_the_file_and_makes_renditions(staff_client, admin_user):
    response = staff_client.post(
        reverse(ADD),
        form(file=image_upload("JPEG", (900, 600), exif=gps_exif().tobytes()), alt_text="A stage at night"),
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.uploaded_by == admin_user
    assert image.renditions.exists()
    from PIL import Image as PILImage

    with image.file.open("rb") as handle, PILImage.open(handle) as base:
        assert not base.getexif().get_ifd(GPS_IFD)


@pytest.mark.parametrize(
    "refused, reason",
    [
        (lambda: upload(zip_archive(), "still.png", "image/png"), "ZIP archive"),
        (lambda: upload(png_bomb(), "bomb.png", "image/png"), "decompression bomb"),
        (lambda: upload(b"<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>", "a.svg"), "SVG"),
    ],
)
def test_a_refused_file_keeps_the_alt_text_and_caption_typed(staff_client, refused, reason):
    response = staff_client.post(
        reverse(ADD),
        form(file=refused(), alt_text="Casimere Jollette mid-leap", caption="In rehearsal for the gala"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert reason in page
    assert 'value="Casimere Jollette mid-leap"' in page
    assert 'value="In rehearsal for the gala"' in page
    assert not Image.objects.exists()


def test_the_change_form_lists_where_an_image_is_used(staff_client):
    image = stored_image()
    article = factories.article(headline="Gala night", hero_image=image)
    person = factories.person("Casimere Jollette", headshot=image)
    work = factories.work("Tiny Pretty Things", poster=image)
    inline = factories.article(headline="Rehearsal diary", body=f"Intro.\n\n![Leap](image:{image.pk})\n")
    factories.article(headline="Not this one", body=f"![Other](image:{image.pk}1)")

    page = staff_client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()

    for thing in (article, person, work, inline):
        assert reverse(f"admin:{thing._meta.app_label}_{thing._meta.model_name}_change", args=[thing.pk]) in page
    assert "Article hero image" in page and "Person headshot" in page and "Work poster" in page
    assert "Article body" in page
    assert "Not this one" not in page


def test_an_image_used_as_a_hero_cannot_be_deleted_and_the_admin_says_where(staff_client):
    image = stored_image()
    factories.article(headline="Gala night", hero_image=image)
    url = reverse("admin:images_image_delete", args=[image.pk])

    page = staff_client.get(url).content.decode()
    assert "is in use, so it cannot be deleted" in page
    assert "Gala night" in page

    staff_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


def test_an_image_referenced_only_in_a_body_cannot_be_deleted(staff_client):
    image = stored_image()
    factories.article(headline="Rehearsal diary", body=f"![Leap](image:{image.pk})")
    url = reverse("admin:images_image_delete", args=[image.pk])

    page = staff_client.get(url).content.decode()
    assert "Rehearsal diary" in page and "in its body" in page

    staff_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


def test_bulk_deletion_refuses_images_in_use(staff_client):
    used, unused = stored_image(), stored_image()
    factories.person("Casimere Jollette", headshot=used)
    response = staff_client.post(
        reverse("admin:images_image_changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
    )
    assert "none of them was deleted" in response.content.decode()
    assert Image.objects.count() == 2


def test_an_unused_image_is_deleted_with_its_files(staff_client, django_capture_on_commit_callbacks):
    image = stored_image()
    names = [image.file.name, *image.renditions.values_list("file", flat=True)]
    storage, original = image.file.storage, image.original
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"})
    assert not Image.objects.exists()
    assert not any(storage.exists(name) for name in names)
    assert not original.storage.exists(original.name)


def test_the_original_is_downloadable_by_staff_only(staff_client):
    image = stored_image(image_upload("JPEG", (300, 200), exif=gps_exif().tobytes()))
    url = reverse("admin:images_image_original", args=[image.pk])

    response = staff_client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == image.original.open("rb").read()

    staff_client.logout()
    anonymous = staff_client.get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_saving_a_new_focal_point_in_the_admin_remakes_the_crops(staff_client):
    image = stored_image(image_upload("JPEG", (1600, 900)), title="Wide")
    hero = image.renditions.filter(shape="hero").values_list("pk", flat=True)
    before = set(hero)
    response = staff_client.post(
        reverse("admin:images_image_change", args=[image.pk]),
        form(alt_text=image.alt_text, title="Wide", focal_x="0.1", focal_y="0.4"),
    )
    assert response.status_code == 302
    assert not before & set(image.renditions.filter(shape="hero").values_list("pk", flat=True))


@pytest.mark.parametrize("term", ["Giraud", "rehearsal", "leap", "press kit", "#{pk}", "{pk}"])
def test_the_chooser_searches_alt_text_caption_credit_licence_and_number(staff_client, term):
    image = factories.image(
        alt_text="A dancer mid-leap",
        caption="In rehearsal",
        credit="Sophie Giraud/Netflix",
        licence="Netflix press kit",
    )
    factories.image(alt_text="Something else entirely")
    article = factories.article()
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": term.format(pk=image.pk),
            "app_label": "articles",
            "model_name": "article",
            "field_name": "hero_image",
        },
    )
    assert article  # the chooser is the article form's hero image field
    results = response.json()["results"]
    assert [r["id"] for r in results] == [str(image.pk)]
    assert results[0]["text"] == f"A dancer mid-leap — Sophie Giraud/Netflix (#{image.pk})"


def test_the_change_form_offers_a_focal_point_picker_and_crop_previews(staff_client):
    image = stored_image(image_upload("JPEG", (1600, 900)))
    page = staff_client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    assert "data-focal-picker" in page
    assert "js/focal-point.js" in page
    assert 'class="image-crops"' in page
    assert "Download the original" in page
