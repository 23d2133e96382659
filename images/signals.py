"""What the image library tells the apps above it. It imports none of them.

``image_changed`` is sent inside the saving transaction with ``image`` and ``file_replaced``
whenever ``image_save`` changed an image that already existed. Articles listen: their stored
bodies hold the image's file addresses and their lint reads its caption, so they render again.
"""

from django.dispatch import Signal

image_changed = Signal()
