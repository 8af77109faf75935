from django_tasks import task
from wagtail.models import Page

from .delivery import deliver_due, delete_sent_for_page
from .services import cancel_for_page


@task()
def deliver_due_posts() -> int:
    """Send the posts that are due now (enqueued on publish; `manage.py social_worker` also polls)."""
    return deliver_due()


@task()
def withdraw_page_posts(page_id: int) -> int:
    """The page was unpublished: cancel its pending posts and delete the sent ones where the platform allows."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    cancel_for_page(page, reason="The page was unpublished before the post went out.")
    return delete_sent_for_page(page)
