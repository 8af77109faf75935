"""Keeps each mission's staff inside their own part of the network in the admin.

Wagtail checks what a user may *do* with an object, but many of its views name the object first: the move
confirmation, bulk-action confirmations, workflow actions and previews quote a page's title before (or instead
of) refusing. So every admin URL is checked once, here, before its view runs: each object the URL names (by its
keyword arguments, by its route, or by the ids of a bulk action) must be one the user may see, or the answer is
a 404, as if the object did not exist. Bulk actions drop the ids the user may not see before the view reads them.

What "may see" means is each domain's rule, registered with `admin_object_kind`: pages the user can explore
(hub.selectors) or choose (embassies), assets they can choose (embassies.assets), translations of pages they can
explore, submissions of such pages. `tests/test_admin_url_walk.py` walks every admin URL to prove nothing is missed.
"""

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, QueryDict
from wagtail.models import Revision, TaskState, WorkflowState

from .selectors import pages_explorable_by

ADMIN_PREFIX = "admin/"

# Which kind of object a keyword argument of an admin URL names (Wagtail's, wagtail-localize's and the hub's).
ADMIN_OBJECT_KWARGS = {
    "page_id": "page",
    "parent_page_id": "page",
    "page_to_move_id": "page",
    "destination_id": "page",
    "page_pk": "page",
    "revision_id": "revision",
    "task_state_id": "task_state",
    "workflow_state_id": "workflow_state",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "translation_id": "translation",
    "translation_source_id": "translation_source",
}
# Routes whose `pk` names an object of a known kind (route prefixes after "admin/", regex anchors removed).
ADMIN_PK_ROUTES = (
    ("api/main/pages/", "page"),
    ("api/main/images/", "image"),
    ("api/main/documents/", "document"),
    ("pages/", "page"),
    ("images/chooser/chosen/", "image"),
    ("documents/chooser/chosen/", "document"),
    ("moderation/queue/", "submission"),
)
# Bulk actions (admin/bulk/<app>/<model>/<action>/?id=…): the kind of each model's ids.
BULK_ACTION_MODELS = {"wagtailcore.page": "page", "embassies.hubimage": "image", "embassies.hubdocument": "document"}
# Routes where a page counts as seen when the user may choose it, not only explore it (HQ's public pages).
CHOOSER_ROUTES = ("choose-page/",)

_rules: dict[str, list[Callable]] = {}


def admin_object_kind(name: str):
    """Register a rule for one kind of object: `rule(user=…, ids={…}) -> the ids it lets the user see`.

    A kind may have several rules; an object is visible when any of them shows it (pages: the ones the user can
    explore, and, registered by moderation, the ones waiting for the user's review)."""

    def register(rule):
        _rules.setdefault(name, []).append(rule)
        return rule

    return register


@admin_object_kind("page")
def _visible_pages(*, user, ids):
    return set(pages_explorable_by(user=user).filter(pk__in=ids).values_list("pk", flat=True))


@admin_object_kind("choosable_page")
def _choosable_as_visible_pages(*, user, ids):
    """Whatever the user may see (a page waiting for their review, say) they may also browse to in the chooser."""
    return visible_ids("page", user=user, ids=ids)


def _visible_by_page(queryset, *, user, ids, page_id_field):
    """Ids of `queryset` rows whose page (by `page_id_field`) the user may see."""
    rows = [(pk, int(page_id)) for pk, page_id in queryset.filter(pk__in=ids).values_list("pk", page_id_field) if page_id]
    visible_pages = visible_ids("page", user=user, ids={page_id for _pk, page_id in rows})
    return {pk for pk, page_id in rows if page_id in visible_pages}


@admin_object_kind("revision")
def _visible_revisions(*, user, ids):
    return _visible_by_page(Revision.page_revisions, user=user, ids=ids, page_id_field="object_id")


@admin_object_kind("workflow_state")
def _visible_workflow_states(*, user, ids):
    states = WorkflowState.objects.filter(base_content_type__model="page", base_content_type__app_label="wagtailcore")
    return _visible_by_page(states, user=user, ids=ids, page_id_field="object_id")


@admin_object_kind("task_state")
def _visible_task_states(*, user, ids):
    states = TaskState.objects.filter(workflow_state__base_content_type__app_label="wagtailcore")
    return _visible_by_page(states, user=user, ids=ids, page_id_field="workflow_state__object_id")


def objects_named_by(*, route: str, kwargs: dict) -> list[tuple[str, int]]:
    """(kind, id) of every object an admin URL names through its keyword arguments."""
    path = route.replace("^", "").replace("$", "").removeprefix(ADMIN_PREFIX)
    named = []
    for name, value in kwargs.items():
        kind = ADMIN_OBJECT_KWARGS.get(name)
        if kind is None and name == "pk":
            kind = next((kind for prefix, kind in ADMIN_PK_ROUTES if path.startswith(prefix)), None)
        if kind == "page" and path.startswith(CHOOSER_ROUTES):
            kind = "choosable_page"
        if kind is not None and str(value).isdigit():
            named.append((kind, int(value)))
    return named


def visible_ids(kind: str, *, user, ids) -> set[int]:
    """The ids of `kind` the user may see in the admin (all of them for superusers)."""
    ids = set(ids)
    if user.is_superuser or not ids:
        return ids
    rules = _rules.get(kind)
    if not rules:
        raise LookupError(f"No admin visibility rule for {kind!r}: register one with admin_object_kind.")
    seen: set[int] = set()
    for rule in rules:
        seen |= rule(user=user, ids=ids - seen)
        if seen == ids:
            break
    return seen


def _bulk_ids_kept(request, kwargs) -> None:
    """Drop the ids a bulk action names that the user may not see (its confirmation lists only what is left)."""
    kind = BULK_ACTION_MODELS.get(f"{kwargs.get('app_label')}.{kwargs.get('model_name')}")
    if kind is None:
        return
    query = request.GET.copy()
    asked = query.getlist("id")
    seen = visible_ids(kind, user=request.user, ids={int(value) for value in asked if value.isdigit()})
    query.setlist("id", [value for value in asked if value == "all" or (value.isdigit() and int(value) in seen)])
    child_of = query.get("childOf")
    if child_of and (not child_of.isdigit() or not visible_ids("page", user=request.user, ids={int(child_of)})):
        raise Http404("No such page in your part of the network.")
    request.GET = QueryDict(query.urlencode())


class AdminIsolationMiddleware:
    """Answers 404 for an admin URL that names an object its signed-in user may not see (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", AnonymousUser())
        if match is None or not match.route.startswith(ADMIN_PREFIX) or not user.is_authenticated:
            return None  # anonymous visitors meet Wagtail's login redirect (every admin view requires access)
        if user.is_superuser:
            return None
        for kind, pk in objects_named_by(route=match.route, kwargs=view_kwargs):
            if pk not in visible_ids(kind, user=user, ids={pk}):
                raise Http404("No such object in your part of the network.")
        if match.route.startswith(f"{ADMIN_PREFIX}bulk/"):
            _bulk_ids_kept(request, view_kwargs)
        return None
