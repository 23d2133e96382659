"""Template access to stored renditions; reads the prefetch cache and never queries."""

from django import template

from images import pictures

register = template.Library()


@register.simple_tag
def picture_for(image, shape: str = "") -> pictures.Picture:
    """``{% picture_for image "hero" as pic %}``: srcsets, src, width and height for one shape."""
    return pictures.picture(image, shape or pictures.Shape.ORIGINAL)


@register.simple_tag
def social_card(image) -> pictures.SocialCard:
    """``{% social_card image as card %}``: the 1.91:1 crop for Open Graph and Twitter cards."""
    return pictures.social_card(image)
