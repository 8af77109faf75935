"""Benchmark: near-duplicate detection (the hub's DCT perceptual hash) next to Wagtail's exact-duplicate check
(``file_hash``, SHA-1 of the bytes), on the same generated library and uploads.

    .venv/bin/python benchmarks/duplicates_bench.py [--images 250] [--seed 7]

Generates ``--images`` distinct photo-like pictures (``embassies.factories.photo_like_image``: gradients, random
shapes, blur, noise), each saved as a JPEG "library image", then uploads to check against that library: five
variants of every picture (resized to 60%, re-encoded at JPEG quality 35, cropped ~5%, colour-shifted and
brightened, resized + re-encoded + cropped together) and as many new distinct pictures (which must match nothing).
Prints precision and recall at the production threshold, a threshold sweep, and the time to hash and to compare.
Nothing is asserted: the regular tests check behaviour on a small set.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from hashlib import sha1
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")

import django  # noqa: E402

django.setup()

from PIL import Image as PILImage  # noqa: E402
from PIL import ImageEnhance  # noqa: E402

from embassies.assets.duplicates import (  # noqa: E402
    NEAR_DUPLICATE_MAX_DISTANCE,
    distances_within,
    hamming_distance,
    perceptual_hash_of_file,
)
from embassies.factories import photo_like_image  # noqa: E402


def jpeg(image: PILImage.Image, quality: int = 88) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def resized(image, factor):
    return image.resize((round(image.width * factor), round(image.height * factor)), PILImage.Resampling.LANCZOS)


def cropped(image, fraction):
    dx, dy = round(image.width * fraction / 2), round(image.height * fraction / 2)
    return image.crop((dx, dy, image.width - dx, image.height - dy))


def colour_shifted(image):
    red, green, blue = image.convert("RGB").split()
    shifted = PILImage.merge("RGB", (red.point(lambda v: min(255, v + 25)), green, blue.point(lambda v: v * 0.85)))
    return ImageEnhance.Brightness(shifted).enhance(1.15)


def near_duplicate_variants(image: PILImage.Image) -> dict[str, bytes]:
    """The uploads that should be recognised as the same picture, encoded as an editor's tools would send them."""
    return {
        "resized 60%": jpeg(resized(image, 0.6)),
        "JPEG quality 35": jpeg(image, quality=35),
        "cropped 5%": jpeg(cropped(image, 0.05)),
        "colour/brightness": jpeg(colour_shifted(image)),
        "resized+JPEG 50+crop 4%": jpeg(cropped(resized(image, 0.75), 0.04), quality=50),
    }


def hash_bytes(data: bytes) -> str:
    return perceptual_hash_of_file(io.BytesIO(data))


def precision_recall(library, queries, threshold):
    """library: [(id, hash)]; queries: [(true id or None, hash)]. A query's matches are library entries within
    threshold; a correct match is the true id."""
    true_positives = false_positives = found = duplicates = 0
    for true_id, query_hash in queries:
        matched = set(distances_within(query_hash, library, threshold))
        if true_id is not None:
            duplicates += 1
            found += true_id in matched
        true_positives += true_id in matched
        false_positives += len(matched - {true_id})
    predicted = true_positives + false_positives
    return (true_positives / predicted if predicted else 1.0), found / duplicates


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=250)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    base = args.seed * 100_000
    library, library_sha1, queries, exact_queries, per_variant = [], [], [], [], {}
    hash_seconds = []
    for index in range(args.images):
        picture = photo_like_image(base + index, size=(640, 480))
        original = jpeg(picture)
        started = time.perf_counter()
        library.append((index, hash_bytes(original)))
        hash_seconds.append(time.perf_counter() - started)
        library_sha1.append((index, sha1(original).hexdigest()))
        for name, data in near_duplicate_variants(picture).items():
            variant_hash = hash_bytes(data)
            queries.append((index, variant_hash))
            exact_queries.append((index, sha1(data).hexdigest()))
            per_variant.setdefault(name, []).append((index, variant_hash))
        distinct = jpeg(photo_like_image(base + 50_000 + index, size=(640, 480)))
        queries.append((None, hash_bytes(distinct)))
        exact_queries.append((None, sha1(distinct).hexdigest()))

    variants = len(queries) - args.images
    print(f"{args.images} library images, {variants} near-duplicate uploads, {args.images} distinct uploads\n")

    precision, recall = precision_recall(library, queries, NEAR_DUPLICATE_MAX_DISTANCE)
    exact_found = sum(1 for true_id, digest in exact_queries if true_id is not None and (true_id, digest) in set(library_sha1))
    print(f"| detector | precision | recall |\n| --- | ---: | ---: |")
    print(f"| hub: DCT perceptual hash, Hamming distance <= {NEAR_DUPLICATE_MAX_DISTANCE} | {precision:.3f} | {recall:.3f} |")
    print(f"| Wagtail: exact file_hash (SHA-1) | 1.000 | {exact_found / variants:.3f} |\n")

    print("| variant | recall at production threshold |\n| --- | ---: |")
    for name, rows in per_variant.items():
        print(f"| {name} | {precision_recall(library, rows, NEAR_DUPLICATE_MAX_DISTANCE)[1]:.3f} |")

    print("\n| threshold | precision | recall |\n| ---: | ---: | ---: |")
    for threshold in range(0, 23, 2):
        sweep_precision, sweep_recall = precision_recall(library, queries, threshold)
        marker = " (production)" if threshold == NEAR_DUPLICATE_MAX_DISTANCE else ""
        print(f"| {threshold}{marker} | {sweep_precision:.3f} | {sweep_recall:.3f} |")

    distances = sorted(hamming_distance(a, b) for i, (_, a) in enumerate(library) for _, b in library[i + 1 :])
    print(f"\nDistinct library pairs: minimum distance {distances[0]}, 1st percentile {distances[len(distances) // 100]}")

    rng = random.Random(args.seed)
    network = [(i, f"{rng.getrandbits(64):016x}") for i in range(10_000)]
    started = time.perf_counter()
    for _, query_hash in queries[:200]:
        distances_within(query_hash, network, NEAR_DUPLICATE_MAX_DISTANCE)
    compare_ms = (time.perf_counter() - started) / 200 * 1000
    print(f"Hashing a 640x480 JPEG: {statistics.median(hash_seconds) * 1000:.1f} ms median; "
          f"comparing one upload with 10,000 visible images: {compare_ms:.1f} ms")


if __name__ == "__main__":
    main()
