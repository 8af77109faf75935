import pytest
from embassies import factories as content

URLS = {
    "explore": "/admin/pages/{parent}/",
    "edit": "/admin/pages/{id}/edit/",
    "view_draft": "/admin/pages/{id}/view_draft/",
    "copy": "/admin/pages/{id}/copy/",
    "move": "/admin/pages/{id}/move/",
    "delete": "/admin/pages/{id}/delete/",
    "history": "/admin/pages/{id}/history/",
    "search": "/admin/pages/search/?q=Secretdraft",
    "chooser_search": "/admin/choose-page/search/?q=Secretdraft",
    "chooser_browse": "/admin/choose-page/{parent}/",
    "images": "/admin/images/",
    "image_edit": "/admin/images/{img}/",
    "image_chooser": "/admin/images/chooser/?q=Secretphoto",
    "documents": "/admin/documents/",
    "doc_edit": "/admin/documents/edit/{doc}/",
    "doc_chooser": "/admin/documents/chooser/?q=Secretdoc",
    "collections": "/admin/collections/",
    "usage": "/admin/pages/{id}/usage/",
}

def test_probe(client, staff, hanoi, paris):
    sec = content.section(paris)
    p = content.article(sec, title="Secretdraft Paris", live=False)
    img = content.image(title="Secretphoto Paris", collection=paris.collection)
    doc = content.document(title="Secretdoc Paris", collection=paris.collection)
    client.force_login(staff["hanoi_editor"])
    for name, url in URLS.items():
        u = url.format(parent=sec.pk, id=p.pk, img=img.pk, doc=doc.pk)
        r = client.get(u)
        body = r.content.decode(errors="ignore")
        print(name, u, r.status_code, r.get("Location"), "LEAK" if (p.title in body or img.title in body or doc.title in body or "Actualités" in body) else "")
