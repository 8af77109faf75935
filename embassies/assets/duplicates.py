"""Near-duplicate images: a 64-bit DCT perceptual hash per image, and the lookup that finds images an editor may
already reuse instead of uploading a copy.

The hash (the classic pHash: greyscale, 32x32, DCT, the 8x8 lowest frequencies against their median) survives
resizing, re-encoding, small crops and colour or brightness changes; see ``benchmarks/duplicates_bench.py`` for the
measured precision and recall at ``NEAR_DUPLICATE_MAX_DISTANCE``. Pure Python (about a millisecond per image after
Pillow's resize), so no numpy/scipy dependency.
"""

import math
from dataclasses import dataclass
from functools import cached_property

from PIL import Image as PILImage
from PIL import ImageOps

from embassies.assets.selectors import images_choosable_by
from embassies.models import HubImage

DCT_SIZE = 32
HASH_SIZE = 8
# Largest Hamming distance (of 64 bits) still reported as "looks like"; chosen from the benchmark's sweep.
NEAR_DUPLICATE_MAX_DISTANCE = 10
_COSINES = [
    [math.cos((2 * x + 1) * u * math.pi / (2 * DCT_SIZE)) for x in range(DCT_SIZE)] for u in range(HASH_SIZE)
]


def perceptual_hash(image: PILImage.Image) -> str:
    """The image's 64-bit DCT perceptual hash as 16 hex digits (orientation applied, transparency on white)."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = PILImage.alpha_composite(background, rgba)
    small = image.convert("L").resize((DCT_SIZE, DCT_SIZE), PILImage.Resampling.LANCZOS)
    pixels = list(small.get_flattened_data())
    rows = [pixels[y * DCT_SIZE : (y + 1) * DCT_SIZE] for y in range(DCT_SIZE)]
    # Separable 2-D DCT-II, computing only the HASH_SIZE x HASH_SIZE lowest frequencies.
    partial = [[sum(c * p for c, p in zip(cosines, row)) for cosines in _COSINES] for row in rows]
    coefficients = [
        sum(_COSINES[v][y] * partial[y][u] for y in range(DCT_SIZE)) for v in range(HASH_SIZE) for u in range(HASH_SIZE)
    ]
    median = sorted(coefficients)[len(coefficients) // 2]
    bits = 0
    for coefficient in coefficients:
        bits = (bits << 1) | (coefficient > median)
    return f"{bits:016x}"


def perceptual_hash_of_file(file) -> str:
    """The perceptual hash of an image file, or "" when Pillow cannot decode it."""
    try:
        file.seek(0)
        with PILImage.open(file) as image:
            image.draft("RGB", (DCT_SIZE * 4, DCT_SIZE * 4))
            return perceptual_hash(image)
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        return ""
    finally:
        file.seek(0)


def hamming_distance(first: str, second: str) -> int:
    return (int(first, 16) ^ int(second, 16)).bit_count()


def distances_within(perceptual_hash: str, rows, max_distance: int) -> dict:
    """{key: distance} for the (key, hash) rows whose hash is within ``max_distance`` bits of ``perceptual_hash``."""
    query = int(perceptual_hash, 16)
    found = {}
    for key, other in rows:
        if other and (distance := (query ^ int(other, 16)).bit_count()) <= max_distance:
            found[key] = distance
    return found


@dataclass
class NearDuplicate:
    """An existing image that looks like an upload, and how far apart their hashes are (0 = same picture)."""

    image: HubImage
    distance: int

    @cached_property
    def mission_name(self) -> str:
        """The mission the image comes from: its source mission, else the mission owning its collection."""
        if self.image.source_mission_id:
            return self.image.source_mission.name
        mission = getattr(self.image.collection, "mission", None)
        return mission.name if mission else self.image.collection.name


def near_duplicates_for(
    *, perceptual_hash: str, user, file_hash: str = "", exclude_pk=None,
    max_distance: int = NEAR_DUPLICATE_MAX_DISTANCE, limit: int = 3,
) -> list[NearDuplicate]:
    """Images ``user`` may choose (their mission's plus network-shared ones, never another mission's private
    assets) that are byte-identical to the upload or whose hash is within ``max_distance``; closest first."""
    if not perceptual_hash and not file_hash:
        return []
    candidates = images_choosable_by(user=user)
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    distances = {}
    if perceptual_hash:
        rows = candidates.exclude(perceptual_hash="").values_list("pk", "perceptual_hash").iterator()
        distances = distances_within(perceptual_hash, rows, max_distance)
    if file_hash:
        distances.update((pk, 0) for pk in candidates.filter(file_hash=file_hash).values_list("pk", flat=True))
    closest = sorted(distances, key=lambda pk: (distances[pk], -pk))[:limit]
    images = HubImage.objects.select_related("source_mission", "collection__mission").in_bulk(closest)
    return [NearDuplicate(image=images[pk], distance=distances[pk]) for pk in closest]


def perceptual_hashes_backfill(*, batch_size: int = 200, total=None, progress=None) -> tuple[int, int]:
    """Hash every image stored without a perceptual hash; returns (hashed, unreadable). Unreadable files keep an
    empty hash and are counted, so a rerun retries them."""
    missing = HubImage.objects.filter(perceptual_hash="").order_by("pk")
    if total:
        total(missing.count())
    hashed = unreadable = 0
    last_pk = 0
    while batch := list(missing.filter(pk__gt=last_pk).only("pk", "file")[:batch_size]):
        for image in batch:
            try:
                with image.file.open("rb") as f:
                    value = perceptual_hash_of_file(f)
            except OSError:
                value = ""
            if value:
                HubImage.objects.filter(pk=image.pk).update(perceptual_hash=value)
                hashed += 1
            else:
                unreadable += 1
            if progress:
                progress(1)
        last_pk = batch[-1].pk
    return hashed, unreadable
