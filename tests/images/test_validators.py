"""Uploads are judged by their content, and refused with a reason an editor can act on."""

import pytest
from django.core.exceptions import ValidationError
from PIL import Image as PILImage

from images.validators import ANIMATION_MAX_FRAMES, ANIMATION_PIXEL_BUDGET, identify_image
from tests.images.conftest import SVG_WITH_SCRIPT, encode, image_upload, picture, png_bomb, upload, zip_archive


def refusal(upload_file) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        identify_image(upload_file)
    return caught.value


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
def test_each_accepted_format_is_identified_by_content(fmt):
    info = identify_image(image_upload(fmt, (64, 48), name="misleading-name.txt"))
    assert (info.format, info.width, info.height) == (fmt, 64, 48)


def test_an_svg_with_a_script_is_refused_as_svg():
    error = refusal(upload(SVG_WITH_SCRIPT, "logo.png", "image/png"))
    assert error.code == "not_an_image"
    assert "SVG" in error.messages[0]


def test_a_png_that_is_really_a_zip_is_refused_as_a_zip():
    error = refusal(upload(zip_archive(), "still.png", "image/png"))
    assert error.code == "not_an_image"
    assert "ZIP archive" in error.messages[0]


def test_a_decompression_bomb_is_refused():
    error = refusal(upload(png_bomb(), "bomb.png", "image/png"))
    assert error.code == "decompression_bomb"


def test_a_truncated_file_is_refused_as_damaged():
    whole = encode(picture((400, 300)), "JPEG")
    error = refusal(upload(whole[: len(whole) // 2], "cut.jpg"))
    assert error.code == "unreadable_image"
    assert "incomplete" in error.messages[0]


def test_a_truncated_png_is_refused_as_damaged():
    whole = encode(picture((400, 300)), "PNG")
    assert refusal(upload(whole[: len(whole) - 200], "cut.png", "image/png")).code == "unreadable_image"


def test_a_file_over_the_size_limit_is_refused_with_both_sizes(settings):
    settings.CALLBOARD_IMAGE_MAX_BYTES = 1000
    error = refusal(image_upload("PNG", (400, 300)))
    assert error.code == "file_too_large"
    assert "1000" in error.messages[0] or "KB" in error.messages[0]


def test_an_image_over_the_pixel_limit_is_refused_with_its_size(settings):
    settings.CALLBOARD_IMAGE_MAX_PIXELS = 100 * 100
    error = refusal(image_upload("PNG", (200, 100)))
    assert error.code == "too_many_pixels"
    assert "200×100" in error.messages[0]


def test_a_real_image_of_another_format_is_named_and_refused():
    error = refusal(upload(encode(picture((20, 20)), "BMP"), "scan.jpg"))
    assert error.code == "format_not_allowed"
    assert "BMP" in error.messages[0]


def test_checking_leaves_the_upload_where_it_was():
    upload_file = image_upload("PNG", (20, 20))
    upload_file.seek(5)
    identify_image(upload_file)
    assert upload_file.tell() == 5


# --- Animations: bounded by frames × pixels, so saving one stays quick ---------------------------


def animation(size: tuple[int, int], frames: int) -> bytes:
    """A GIF of `frames` distinct frames (each a different colour, so none is merged away)."""
    images = [PILImage.new("P", size, n % 256) for n in range(frames)]
    palette = [value for n in range(256) for value in (n, (n * 7) % 256, (n * 13) % 256)]
    for image in images:
        image.putpalette(palette)
    return encode(images[0], "GIF", save_all=True, append_images=images[1:], duration=40, loop=0)


def test_an_animation_at_the_pixel_budget_is_accepted():
    width, height = 500, 400
    frames = ANIMATION_PIXEL_BUDGET // (width * height)
    info = identify_image(upload(animation((width, height), frames), "loop.gif", "image/gif"))
    assert (info.format, info.width, info.height) == ("GIF", width, height)


def test_an_animation_one_frame_over_the_pixel_budget_is_refused_with_the_limits():
    width, height = 500, 400
    frames = ANIMATION_PIXEL_BUDGET // (width * height) + 1
    error = refusal(upload(animation((width, height), frames), "loop.gif", "image/gif"))
    assert error.code == "animation_too_large"
    assert "20 million pixels across all frames" in error.messages[0]


def test_an_animation_of_too_many_tiny_frames_is_refused():
    error = refusal(upload(animation((4, 4), ANIMATION_MAX_FRAMES + 1), "flicker.gif", "image/gif"))
    assert error.code == "animation_too_large"
    assert f"at most {ANIMATION_MAX_FRAMES} frames" in error.messages[0]
