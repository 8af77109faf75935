"""Factories for moderation tests and benchmarks: notices, and pages submitted through Wagtail's own workflow API."""

from django.utils import timezone

from embassies.models import ConsularNoticePage, ConsularNoticeType

from .selectors import workflow_for_page


def consular_notice(parent, *, title: str, notice_type: str = ConsularNoticeType.EMERGENCY, live: bool = False, **fields):
    """A consular notice under `parent`; a never-published draft unless `live`."""
    page = ConsularNoticePage(
        title=title, summary="Citizens should follow local instructions.", notice_type=notice_type,
        valid_from=timezone.now(), live=False, **fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def submitted(page, *, by, **changes):
    """Save a new revision of `page` (with `changes`) as `by` and start the workflow it goes through."""
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=by)
    workflow = workflow_for_page(page=page) or page.get_workflow()
    return workflow.start(page, by)
