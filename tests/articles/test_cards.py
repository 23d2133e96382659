import io

from PIL import Image

from articles.cards import card_signature, draw_quote_card


def test_card_is_a_1200_by_630_png():
    with Image.open(io.BytesIO(draw_quote_card("Short words here", "Anna Maiche", "Tiny Pretty Things"))) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_very_long_quotes_still_fit_the_card():
    words = "word " * 400
    with Image.open(io.BytesIO(draw_quote_card(words, "Someone"))) as card:
        assert card.size == (1200, 630)


def test_signature_changes_with_words_speaker_or_work():
    base = card_signature("words", "speaker", "work")
    assert base == card_signature("words", "speaker", "work")
    assert (
        len(
            {
                base,
                card_signature("other", "speaker", "work"),
                card_signature("words", "x", "work"),
                card_signature("words", "speaker", "y"),
            }
        )
        == 4
    )
