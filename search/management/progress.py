"""Progress bars for the search commands, whose services report a total first and then each item done."""

import sys
from collections.abc import Callable

from tqdm import tqdm


def progress_bar(desc: str, unit: str, *, disable: bool) -> tuple[tqdm, Callable[[int], None]]:
    """A bar on stderr (counts and rate) and the `total` callback the services call once they know the count."""
    bar = tqdm(unit=unit, desc=desc, disable=disable, file=sys.stderr, dynamic_ncols=True)

    def set_total(count: int) -> None:
        bar.total = count
        bar.refresh()

    return bar, set_total
