"""Background work of the asset library (django-tasks: immediate in development and tests, the database
backend in production): renditions are made here, never while a request waits."""

from django_tasks import task

from embassies.models import HubImage

from .renditions import image_renditions_generate


@task()
def image_renditions_generate_task(image_id: int) -> dict:
    """Every named size in every format for one image, as it is when the task runs (a deleted image is fine)."""
    image = HubImage.objects.filter(pk=image_id).first()
    if image is None:
        return {"image": image_id, "created": 0, "deleted": 0}
    report = image_renditions_generate(image=image)
    return {"image": image_id, "created": len(report.created), "deleted": report.deleted, "path": report.path}
