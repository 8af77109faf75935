"""Benchmark: the hub's rendition task next to Wagtail's stock path, for the same photo-like originals.

    .venv/bin/python benchmarks/renditions_bench.py [--images 200] [--sizes og,square,x,story,web-1200]
                                                    [--formats original,webp] [--size 3000x2000]

Builds a throwaway SQLite database (BENCH_DATABASE, default /tmp/embassy-hub-renditions-bench.sqlite3) and
media directory (BENCH_MEDIA, default /tmp/embassy-hub-renditions-bench-media), generates `--images` photo-like
JPEGs (default 3000×2000, quality 88), and makes the chosen named sizes in the chosen formats twice, each
path on its own copy of the images and in its own forked process (so peak RSS is per path):

- hub: `embassies.assets.renditions.image_renditions_generate` (what the upload task runs): the original is
  read and decoded once, shrunk by the JPEG decoder (`draft`) to the largest scale any size needs, every size
  cut from that one decoded image, encoded on two threads, all renditions saved in one bulk insert;
- wagtail: `image.get_rendition(spec)` once per size and format, as a template tag or an API serializer
  that meets a missing rendition does (each call opens, decodes and transforms the full original).

Prints images/s, total seconds, peak RSS and seconds per size side by side. Numbers are printed, never
asserted: they depend on the machine.
"""

import argparse
import io
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get("BENCH_DATABASE", "/tmp/embassy-hub-renditions-bench.sqlite3")
MEDIA = os.environ.get("BENCH_MEDIA", "/tmp/embassy-hub-renditions-bench-media")
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ["TEST_MEDIA_ROOT"] = MEDIA
os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings.test"

import django  # noqa: E402

django.setup()

from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.db.models.signals import post_save, pre_save  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from tqdm import tqdm  # noqa: E402
from wagtail.images.models import Filter  # noqa: E402
from wagtail.models import Collection  # noqa: E402

from embassies.assets.renditions import image_renditions_generate  # noqa: E402
from embassies.factories import photo_like_image  # noqa: E402
from embassies.models import HubImage  # noqa: E402
from embassies.assets.sizes import SOCIAL_SIZES, WEB_WIDTHS, format_filter_spec, web_filter_spec  # noqa: E402

NAMED = {**SOCIAL_SIZES, **{f"web-{width}": web_filter_spec(width) for width in WEB_WIDTHS}}


def original_jpeg(seed: int, size: tuple[int, int]) -> bytes:
    """A photo-like JPEG: drawn at a third of the size (fast), scaled up, saved like a camera would."""
    small = photo_like_image(seed, size=(size[0] // 3, size[1] // 3))
    buffer = io.BytesIO()
    small.resize(size, PILImage.Resampling.BICUBIC).save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def build(*, images: int, size: tuple[int, int]) -> dict[str, list[int]]:
    """A fresh database and media directory with two copies of each original, one per path."""
    Path(DATABASE).unlink(missing_ok=True)
    os.system(f"rm -rf {MEDIA}")  # noqa: S605 - a throwaway directory this script owns
    call_command("migrate", verbosity=0)
    # Uploading queues the hub's task; here each path is timed on its own, so nothing runs on save.
    post_save.disconnect(sender=HubImage, dispatch_uid="hub_image_renditions_after")
    pre_save.disconnect(sender=HubImage, dispatch_uid="hub_image_renditions_before")
    root = Collection.get_first_root_node()
    ids = {"hub": [], "wagtail": []}
    for seed in tqdm(range(images), desc="Originals", unit="image"):
        data = original_jpeg(seed, size)
        for path in ids:
            image = HubImage.objects.create(
                title=f"Photo {seed}", collection=root, file=ImageFile(io.BytesIO(data), name=f"photo-{seed}.jpg"),
                focal_point_x=size[0] // 3, focal_point_y=size[1] // 2, focal_point_width=200, focal_point_height=200,
            )
            ids[path].append(image.pk)
    return ids


def run_path(path: str, image_ids: list[int], specs: list[str], results) -> None:
    """One path over every image, in a forked child (its own peak RSS)."""
    connections.close_all()
    timings: dict[str, float] = {}
    filters = [Filter(spec=spec) for spec in specs]
    started = time.perf_counter()
    for image in tqdm(HubImage.objects.filter(pk__in=image_ids).order_by("pk"), total=len(image_ids), desc=path, unit="image"):
        if path == "hub":
            report = image_renditions_generate(image=image, filters=filters, timings=timings)
            assert len(report.created) == len(specs), report
        else:
            for spec in specs:
                spec_started = time.perf_counter()
                image.get_rendition(spec)
                timings[spec] = timings.get(spec, 0.0) + time.perf_counter() - spec_started
    seconds = time.perf_counter() - started
    results.put({
        "path": path, "seconds": seconds, "timings": timings,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--sizes", default="og,square,x,story,web-1200", help=f"Named sizes, from: {', '.join(NAMED)}")
    parser.add_argument("--formats", default="original,webp", help="original, webp, avif")
    parser.add_argument("--size", default="3000x2000", help="Originals' size")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.split("x"))
    sizes = args.sizes.split(",")
    formats = args.formats.split(",")
    specs = [NAMED[name] if fmt == "original" else format_filter_spec(NAMED[name], fmt) for name in sizes for fmt in formats]

    ids = build(images=args.images, size=size)
    connections.close_all()
    context = multiprocessing.get_context("fork")
    outcomes = {}
    for path in ("hub", "wagtail"):
        results = context.Queue()
        child = context.Process(target=run_path, args=(path, ids[path], specs, results))
        child.start()
        outcomes[path] = results.get()
        child.join()

    hub, wagtail = outcomes["hub"], outcomes["wagtail"]
    print(f"\n{args.images} originals {size[0]}×{size[1]} JPEG; sizes {', '.join(sizes)}; formats {', '.join(formats)}"
          f" ({len(specs)} renditions per image)")
    print(f"{'':34}{'hub task':>14}{'Wagtail stock':>16}")
    for label, key in (("images/s", None), ("total seconds", "seconds"), ("peak RSS (MB)", "peak_rss_mb")):
        if key is None:
            row = [args.images / hub["seconds"], args.images / wagtail["seconds"]]
            print(f"{label:34}{row[0]:>14.2f}{row[1]:>16.2f}")
        else:
            print(f"{label:34}{hub[key]:>14.1f}{wagtail[key]:>16.1f}")
    print(f"{'decode (hub: once per image), s':34}{hub['timings'].get('decode', 0):>14.1f}{'(in each size)':>16}")
    for spec in specs:
        print(f"{'  ' + spec:34}{hub['timings'].get(spec, 0):>14.1f}{wagtail['timings'].get(spec, 0):>16.1f}")
    print("(hub per-size seconds are cut+encode time summed over two encoder threads; wall time is the total)")


if __name__ == "__main__":
    main()
