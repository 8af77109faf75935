"""The admin URL walker: every admin URL pattern, filled with another mission's objects, as each mission role.

`tests/test_admin_isolation.py` checks the views someone thought of; this test finds the ones nobody did. It
reads the whole admin URLconf (Wagtail's, wagtail-localize's and the hub's own), fills each pattern's ids with
Paris's objects in every state that must stay private — a never-published (and locked) draft, a live page with
an unapproved newer revision, a page in review, a scheduled page, a login-restricted page, an expired page, a
draft translation, a private image and document — and GETs it as an anonymous visitor, a Hanoi editor, a Hanoi
head and an Asia-Pacific reviewer, following a redirect once. Every secret title carries MARKER; an answer that
shows one, in its page or in a flash message it queued, is a leak.
"""

import itertools
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page, PageViewRestriction, Revision, TaskState, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from embassies import factories as content
from embassies.models import ArticlePage
from moderation.factories import submitted
from moderation.models import Submission
from moderation.selectors import workflow_for_page

MARKER = "Zephyrmark"
WALKERS = ("anonymous", "hanoi_editor", "hanoi_head", "asia_reviewer")
SKIPPED_ROUTES = {"admin/logout/", "admin/failwhale/"}  # ends the walker's session; Wagtail's deliberate 500

# Which of a state's objects fills a URL keyword argument, by the argument's name. Written here on purpose rather
# than read from hub.isolation.ADMIN_OBJECT_KWARGS: the walker must not share the guard's blind spots.
OBJECT_KWARGS = {
    "page_id": "page", "parent_page_id": "page", "page_to_move_id": "page", "destination_id": "page",
    "page_pk": "page", "revision_id": "revision", "task_state_id": "task_state", "task_id": "task",
    "workflow_state_id": "workflow_state", "translation_id": "translation",
    "translation_source_id": "translation_source", "image_id": "image", "document_id": "document",
    "doc_id": "document", "collection_id": "collection",
}
# Arguments that name no object of ours: any value the pattern accepts.
FIXED_KWARGS = {
    "action_name": ["approve", "reject"], "filter_spec": ["max-165x165"], "mode": ["default"],
    "revision_id_a": ["earliest"], "revision_id_b": ["latest"], "uidb64": ["MQ"], "token": ["set-password"],
}


@pytest.fixture
def paris_secrets(paris, staff):
    """Paris's objects in every state another mission must never see, each with MARKER in its secret title."""
    news = content.section(paris)
    paris_editor = staff["paris_editor"]
    states = {}

    draft = content.article(news, title=f"{MARKER} draft statement", live=False)
    Page.objects.filter(pk=draft.pk).update(locked=True, locked_by=paris_editor, locked_at=timezone.now())
    states["draft"] = {"page": draft}  # locked too, for the locked-pages report

    revised = content.article(news, title="Paris public headline")
    revised.title = f"{MARKER} unapproved revision"
    revised.save_revision(user=paris_editor)
    states["live with draft"] = {"page": revised}

    in_review = content.article(news, title=f"{MARKER} in review", live=False)
    submitted(in_review, by=paris_editor)
    states["in review"] = {"page": in_review}

    scheduled = content.article(news, title=f"{MARKER} embargoed headline", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=3)
    scheduled.save_revision().publish()
    states["scheduled"] = {"page": scheduled}

    restricted = content.article(news, title=f"{MARKER} staff only")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    states["login restricted"] = {"page": restricted}

    expired = content.article(news, title=f"{MARKER} expired notice")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=5))
    states["expired"] = {"page": expired}

    english = draft.get_parent().get_translations().get(locale__language_code="en").locale
    source, _ = TranslationSource.get_or_create_from_instance(draft)
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(user=paris_editor)
    states["draft translation"] = {
        "page": draft.get_translation(english), "translation": translation, "translation_source": source,
    }

    states["private image"] = {"image": content.image(title=f"{MARKER} ambassador photo", collection=paris.collection)}
    states["private document"] = {
        "document": content.document(title=f"{MARKER} internal memo", collection=paris.collection),
    }

    for objects in states.values():
        page = objects.get("page")
        if page is None:
            continue
        objects["revision"] = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("-pk").first()
        workflow_state = WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(page.pk)).first()
        if workflow_state:
            task_state = TaskState.objects.filter(workflow_state=workflow_state).order_by("-pk").first()
            objects.update(workflow_state=workflow_state, task_state=task_state, task=task_state.task)
            objects["submission"] = Submission.objects.get(workflow_state=workflow_state)
        objects["collection"] = paris.collection
    secret_titles = {
        title
        for title in itertools.chain(
            Page.objects.filter(draft_title__contains=MARKER).values_list("draft_title", flat=True),
            Page.objects.filter(title__contains=MARKER).values_list("title", flat=True),
            (objects[kind].title for objects in states.values() for kind in ("image", "document") if kind in objects),
        )
    }
    return {"states": states, "titles": secret_titles}


def _admin_patterns():
    """The route, with `<name>` placeholders, of every admin URL, Wagtail's nested URLconfs included."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + _route_text(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    return sorted({route for route in walk(get_resolver().url_patterns, "") if route.startswith("admin/")})


def _route_text(pattern) -> str:
    """A route with `<name>` placeholders, from a path() route or a regex pattern alike."""
    text = str(pattern)
    if hasattr(pattern, "_route"):
        return re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", text)
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", text)
    return text.replace("^", "").replace("$", "").replace("\\.", ".")


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]


def _fillings(route: str, objects: dict, others: dict) -> list[dict]:
    """Every assignment of the route's placeholders worth trying for one state's objects.

    A route naming two objects (a page and a task state, a page and a move destination) also gets the second
    from `others`: every state's objects and the walker's own, since a mismatched pair is what makes Wagtail
    answer "The page '…' is not currently awaiting moderation".
    """
    choices = []
    object_names = [name for name in re.findall(r"<(\w+)>", route) if name in OBJECT_KWARGS]
    for name in re.findall(r"<(\w+)>", route):
        if name in OBJECT_KWARGS:
            kind = OBJECT_KWARGS[name]
            if name != object_names[0]:
                choices.append([(name, pk) for pk in sorted(others.get(kind, set()))])
                continue
            if kind not in objects:
                return []
            choices.append([(name, objects[kind].pk)])
        elif name in FIXED_KWARGS:
            choices.append([(name, value) for value in FIXED_KWARGS[name]])
        elif name in ("pk", "object_id"):
            kinds = ("submission", "page") if "moderation" in route else ("page", "image", "document", "revision")
            values = {objects[kind].pk for kind in kinds if kind in objects}
            if "moderation" not in route and "translation" in objects:
                values.add(objects["translation"].pk)
            choices.append([(name, value) for value in sorted(values)])
        elif name in ("app_label", "model_name", "app_name", "content_type_app_name", "content_type_model_name"):
            continue  # filled together below
        else:
            choices.append([(name, 1)])
    if re.search(r"<(app_label|app_name|content_type_app_name)>", route):
        models = [(model._meta.app_label, model._meta.model_name) for model in _page_models()]
        models += [("wagtailcore", "page"), ("embassies", "hubimage"), ("embassies", "hubdocument")]
        names = re.findall(r"<(app_label|app_name|content_type_app_name)>", route)[0], re.findall(
            r"<(model_name|content_type_model_name)>", route
        )[0]
        choices.append([((names[0], app), (names[1], model)) for app, model in models])
    fillings = []
    for combination in itertools.product(*choices):
        filling = {}
        for item in combination:
            pairs = item if isinstance(item[0], tuple) else (item,)
            filling.update(dict(pairs))
        fillings.append(filling)
    return fillings


def _urls_to_try(objects: dict, others: dict) -> list[str]:
    """Concrete admin URLs for one state: every pattern filled, bulk actions with the state's ids, searches."""
    urls = set()
    for route in _admin_patterns():
        if "<action>" in route or route in SKIPPED_ROUTES:
            continue  # bulk actions: below, from their registry
        if "<" not in route:
            continue  # listings: tried once, by _listing_urls
        for filling in _fillings(route, objects, others):
            urls.add("/" + re.sub(r"<(\w+)>", lambda match: str(filling[match.group(1)]), route))
    bulk_action_registry._scan_for_bulk_actions()
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            kind = {"page": "page", "image": "image", "document": "document"}.get(model_name.removeprefix("hub"))
            if kind is None and issubclass(apps.get_model(app_label, model_name), Page):
                kind = "page"
            if kind and kind in objects:
                for action in actions:
                    urls.add(f"/admin/bulk/{app_label}/{model_name}/{action}/?id={objects[kind].pk}")
    return sorted(urls)


def _listing_urls() -> list[str]:
    """Admin URLs that name no object (listings, reports, searches), searched for the marker."""
    return [f"/{route}?q={MARKER}" for route in _admin_patterns() if "<" not in route and route not in SKIPPED_ROUTES]


def _others(states: dict, own: dict) -> dict[str, set[int]]:
    """Ids by kind across every state, plus the walker's own mission's."""
    others: dict[str, set[int]] = {}
    for objects in [*states.values(), own]:
        for kind, instance in objects.items():
            others.setdefault(kind, set()).add(instance.pk)
    return others


def _shown(response, titles) -> list[str]:
    """Secret titles in the answer's body or in the flash messages it queued for the next page."""
    text = response.content.decode("utf-8", errors="replace")
    # Only the messages this request queued: older ones wait in the session until a page renders them.
    text += " ".join(str(message) for message in get_messages(response.wsgi_request)._queued_messages)
    return sorted(title for title in titles if title in text)


@pytest.mark.parametrize("username", WALKERS)
def test_no_admin_url_shows_another_missions_private_objects(client, staff, hanoi, paris_secrets, username):
    if username != "anonymous":
        client.force_login(staff[username])
    client.raise_request_exception = False
    titles = paris_secrets["titles"]
    own_section = content.section(hanoi)
    own = {"page": own_section, "task": workflow_for_page(page=own_section).workflow_tasks.first().task}
    others = _others(paris_secrets["states"], own)
    leaks, errors, tried = [], [], 0
    walk = [("listing", url) for url in _listing_urls()]
    walk += [(state, url) for state, objects in paris_secrets["states"].items() for url in _urls_to_try(objects, others)]
    for state, url in walk:
        tried += 1
        response = client.get(url)
        shown = _shown(response, titles)
        if response.status_code in (301, 302) and not shown:
            response = client.get(response["Location"], follow=True)
            shown = _shown(response, titles)
        client.cookies.pop("messages", None)  # a message left unshown must not be blamed on the next URL
        if response.status_code >= 500:
            errors.append(f"{url} → {response.status_code}")
        elif shown:
            leaks.append(f"[{state}] {url} → {response.status_code} shows {shown[0]!r}")
    print(f"\n{username}: {tried} admin URLs tried over {len(paris_secrets['states'])} states; "
          f"{len(leaks)} leaks, {len(errors)} server errors")
    assert not leaks, f"{username} saw another mission's private titles:\n" + "\n".join(leaks)
    assert not errors, "\n".join(errors)
