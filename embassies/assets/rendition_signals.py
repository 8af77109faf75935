"""Signal handlers that queue rendition work when an image's pixels or focal point change (connected in
EmbassiesConfig.ready). The task is enqueued on commit, so it sees the saved image and a rolled-back
upload queues nothing."""

from functools import partial

from django.db import transaction

from .tasks import image_renditions_generate_task

RENDITION_FIELDS = ("file", "file_hash", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


def _state(image) -> tuple:
    return tuple(str(getattr(image, name) or "") for name in RENDITION_FIELDS)


def image_pre_save(sender, instance, raw=False, **kwargs):
    """Remember what the stored row looks like, to tell afterwards whether renditions must be remade."""
    if raw or instance.pk is None:
        instance._rendition_state_before = None
        return
    before = sender.objects.filter(pk=instance.pk).values_list(*RENDITION_FIELDS).first()
    instance._rendition_state_before = tuple(str(value or "") for value in before) if before else None


def image_post_save(sender, instance, created=False, raw=False, **kwargs):
    """On upload, a new file or a new focal point: (re)generate every named rendition after the commit, unless the
    image leaves them to be made on demand (`HubImage.renditions_on_demand`)."""
    if raw or instance.renditions_on_demand:
        return
    before = getattr(instance, "_rendition_state_before", None)
    if not created and before is not None and before == _state(instance):
        return
    transaction.on_commit(partial(image_renditions_generate_task.enqueue, instance.pk), robust=True)
