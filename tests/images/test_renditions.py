"""The base file and renditions: upright, free of metadata, cropped around the focal point, made once."""

from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage

from images.models import Rendition
from images.renditions import WIDTHS, crop_box, planned_widths, rendition_build_all
from images.services import image_save
from images.validators import ANIMATION_PIXEL_BUDGET
from tests.images.conftest import GPS_IFD, encode, gps_exif, image_upload, picture, stored_image, upload

pytestmark = pytest.mark.django_db

Shape = Rendition.Shape


def opened(field_file) -> PILImage.Image:
    with field_file.open("rb") as handle:
        image = PILImage.open(handle)
        image.load()
    return image


def assert_no_metadata(image: PILImage.Image) -> None:
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD), "GPS data left in a served file"
    assert len(exif) == 0, f"EXIF left in a served file: {dict(exif)}"
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info)


# --- Orientation and metadata --------------------------------------------------------------------


@pytest.mark.parametrize(
    "orientation, size",
    [(1, (800, 600)), (3, (800, 600)), (6, (600, 800)), (8, (600, 800))],
)
def test_exif_orientation_is_applied_to_the_base_file(orientation, size):
    # Red on the left, blue on the right as stored; orientation 6 means "rotate 90° clockwise to view".
    image = stored_image(image_upload("JPEG", (800, 600), exif=gps_exif(orientation).tobytes()))
    base = opened(image.file)
    assert base.size == size == (image.width, image.height)
    top_left = base.convert("RGB").getpixel((10, 10))
    expected_red = orientation in (1, 6)  # 6 puts the stored left edge on top; 3 and 8 put blue there
    assert (top_left[0] > 150) is expected_red


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_and_exif_are_absent_from_the_base_file_and_every_rendition(fmt):
    image = stored_image(image_upload(fmt, (1400, 900), exif=gps_exif(6).tobytes()))
    assert_no_metadata(opened(image.file))
    renditions = list(image.renditions.all())
    assert renditions
    for rendition in renditions:
        assert_no_metadata(opened(rendition.file))


def test_the_original_is_kept_with_its_metadata_outside_media_root():
    image = stored_image(image_upload("JPEG", (640, 480), exif=gps_exif().tobytes()))
    original_path = Path(image.original.path)
    assert not original_path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with PILImage.open(original_path) as original:
        assert original.getexif().get_ifd(GPS_IFD)
    with pytest.raises(ValueError):
        image.original.url  # noqa: B018 — originals have no public address


def test_the_served_file_is_named_by_its_content_not_the_uploaded_name():
    image = stored_image(image_upload("JPEG", (200, 100), name="finale-twist-reveal.jpg"))
    assert "finale" not in image.file.name
    assert not any("finale" in r.file.name for r in image.renditions.all())


def test_an_animated_gif_keeps_its_frames_in_the_base_file():
    frames = [picture((120, 80), color=(n * 40, 0, 0)) for n in range(4)]
    content = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0, comment=b"hi")
    image = stored_image(upload(content, "loop.gif", "image/gif"))
    with image.file.open("rb") as handle, PILImage.open(handle) as base:
        assert base.n_frames == 4
        assert "comment" not in base.info


def test_transparent_images_get_png_fallbacks_and_opaque_ones_jpeg():
    clear = stored_image(image_upload("PNG", (700, 500), transparent=True))
    solid = stored_image(image_upload("PNG", (700, 500)))
    assert clear.has_transparency and not solid.has_transparency
    assert {r.format for r in clear.renditions.all()} == {"webp", "png"}
    assert {r.format for r in solid.renditions.all()} == {"webp", "jpeg"}


# --- Sizes ---------------------------------------------------------------------------------------


def test_renditions_are_never_upscaled():
    image = stored_image(image_upload("JPEG", (800, 500)))
    for rendition in image.renditions.all():
        assert rendition.width <= 800 and rendition.height <= 500
        assert opened(rendition.file).size == (rendition.width, rendition.height)
    assert sorted({r.width for r in image.renditions.filter(shape=Shape.ORIGINAL)}) == [320, 640, 800]


def test_large_images_get_every_standard_width_in_webp_and_jpeg():
    image = stored_image(image_upload("JPEG", (2400, 1600)))
    original = image.renditions.filter(shape=Shape.ORIGINAL)
    assert sorted({r.width for r in original}) == list(WIDTHS)
    assert {r.format for r in original} == {"webp", "jpeg"}
    assert image.renditions.filter(shape=Shape.SOCIAL).get().width == 1200


@pytest.mark.parametrize(
    "available, expected",
    [(100, [100]), (320, [320]), (330, [320]), (1000, [320, 640, 960]), (1200, [320, 640, 960, 1200]), (5000, WIDTHS)],
)
def test_planned_widths_fit_the_source(available, expected):
    assert planned_widths(available) == list(expected)


@pytest.mark.parametrize(
    "shape, ratio", [(Shape.HERO, 16 / 9), (Shape.HEADSHOT, 1), (Shape.POSTER, 2 / 3), (Shape.SOCIAL, 1.91)]
)
def test_each_shape_has_its_aspect_ratio(shape, ratio):
    image = stored_image(image_upload("JPEG", (1600, 1200)))
    for rendition in image.renditions.filter(shape=shape):
        assert rendition.width / rendition.height == pytest.approx(ratio, rel=0.01)


# --- Focal point ---------------------------------------------------------------------------------


@pytest.mark.parametrize("focal", [(0.5, 0.5), (0.1, 0.2), (0.9, 0.85), (0.0, 1.0), (0.7, 0.3)])
@pytest.mark.parametrize("size", [(3000, 1000), (1000, 3000), (1200, 1200)])
@pytest.mark.parametrize("ratio", [16 / 9, 1.0, 2 / 3, 1.91])
def test_crops_keep_the_focal_point_inside_and_as_central_as_the_edges_allow(focal, size, ratio):
    width, height = size
    left, top, right, bottom = crop_box(width, height, ratio, *focal)
    fx, fy = focal[0] * width, focal[1] * height
    assert 0 <= left <= fx <= right <= width and 0 <= top <= fy <= bottom <= height
    assert (right - left) / (bottom - top) == pytest.approx(ratio, rel=0.01)
    # Centred, unless the crop is pinned against an edge.
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    assert abs(centre_x - fx) <= 1 or left == 0 or right == width
    assert abs(centre_y - fy) <= 1 or top == 0 or bottom == height


def test_a_headshot_crop_is_centred_on_a_marked_focal_point():
    # A wide picture with one green square at 80% across: the headshot must show it in the middle.
    source = picture((1600, 600))
    source.paste((0, 255, 0), (1260, 280, 1300, 320))
    image = stored_image(upload(encode(source, "PNG"), "wide.png", "image/png"), focal_x=0.8, focal_y=0.5)
    headshot = image.renditions.get(shape=Shape.HEADSHOT, format="png" if image.has_transparency else "jpeg", width=600)
    pixels = opened(headshot.file).convert("RGB")
    assert pixels.size == (600, 600)
    red, green, _blue = pixels.getpixel((300, 300))
    assert green > 200 and red < 60


def test_moving_the_focal_point_remakes_only_the_crops():
    image = stored_image(image_upload("JPEG", (1600, 900)))
    before = {r.shape: {r.pk for r in image.renditions.filter(shape=r.shape)} for r in image.renditions.all()}
    image.focal_x = 0.2
    image_save(image=image)
    after = {r.shape: {r.pk for r in image.renditions.filter(shape=r.shape)} for r in image.renditions.all()}
    assert after[Shape.ORIGINAL] == before[Shape.ORIGINAL]
    for shape in (Shape.HERO, Shape.HEADSHOT, Shape.POSTER, Shape.SOCIAL):
        assert not after[shape] & before[shape]


# --- Built once -----------------------------------------------------------------------------------


def test_renditions_are_made_once_and_reused():
    image = stored_image(image_upload("JPEG", (1300, 800)))
    count = image.renditions.count()
    assert count > 0
    assert rendition_build_all(image) == []
    assert image.renditions.count() == count


def test_forcing_a_rebuild_replaces_files_and_keeps_the_count():
    image = stored_image(image_upload("JPEG", (700, 400)))
    names = set(image.renditions.values_list("file", flat=True))
    remade = rendition_build_all(image, force=True)
    assert len(remade) == len(names)
    for name in names:
        assert not image.file.storage.exists(name) or name in {r.file.name for r in remade}


def test_replacing_the_file_replaces_the_renditions():
    image = stored_image(image_upload("JPEG", (700, 400)))
    old = set(image.renditions.values_list("pk", flat=True))
    image_save(image=image, upload=image_upload("PNG", (400, 700)))
    image.refresh_from_db()
    assert (image.width, image.height) == (400, 700)
    assert not old & set(image.renditions.values_list("pk", flat=True))


def test_an_animation_at_the_pixel_budget_is_saved_whole_with_first_frame_renditions():
    """At the budget the base file keeps every frame and the renditions are stills of the first:
    the work is bounded by frames × pixels, and by one frame for each rendition."""
    width, height = 500, 400
    frames = ANIMATION_PIXEL_BUDGET // (width * height)
    first, second = (200, 30, 60), (20, 40, 220)
    images = [PILImage.new("RGB", (width, height), first if n == 0 else second) for n in range(frames)]
    for n, image in enumerate(images):
        image.putpixel((0, 0), (n % 256, 0, 0))  # no two frames alike, so none is merged away
    content = encode(images[0], "GIF", save_all=True, append_images=images[1:], duration=40, loop=0)
    image = stored_image(upload(content, "loop.gif", "image/gif"))
    with image.file.open("rb") as handle, PILImage.open(handle) as base:
        assert base.n_frames == frames
    renditions = list(image.renditions.all())
    assert renditions
    for rendition in renditions:
        still = opened(rendition.file)
        assert getattr(still, "n_frames", 1) == 1
        assert still.convert("RGB").getpixel((still.width // 2, still.height // 2)) == pytest.approx(first, abs=12)
