"""The press area's press-kit downloads: `/<language>/press/kits/<page id>.zip`, served from the private storage
to whoever may read the copy it was built from (anyone for a public page; an embargoed copy only to the journalists
it is addressed to). Anyone else gets a 404, as for a kit that does not exist."""

from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control

from press.press_kits import press_kit_for
from press.selectors import journalist_for


def press_kit_download(request, page_id: int):
    kit = press_kit_for(page_id=page_id, journalist=journalist_for(request.user))
    if kit is None:
        raise Http404("No such press kit.")
    response = FileResponse(kit.file.open("rb"), content_type="application/zip", as_attachment=True,
                            filename=f"press-kit-{page_id}.zip")
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
