"""What happens when a workflow finishes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail imports this while its own models load, so the module imports nothing at the top.
"""


def workflow_state_publish(workflow_state, user=None) -> None:
    """Publish (or, with a go-live date, schedule) the approved revision.

    The approval is the authorisation: reviewers approve without holding Wagtail's publish permission, which
    would also let them publish without review.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
