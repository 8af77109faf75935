"""axe-core in a Playwright page: inject the npm package's script (package.json pins it), run it, read the results.

axe.min.js comes from `npm ci` (node_modules/, never from the network at test time).
"""

import json
import os
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, plus axe's best practices (landmarks, one main, headings, skip links, region).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING_IMPACTS = ("critical", "serious")


def artifacts_dir() -> Path:
    """Where axe results go: $HUB_TEST_ARTIFACTS/axe (default test-artifacts/axe, gitignored)."""
    return Path(os.environ.get("HUB_TEST_ARTIFACTS") or REPO / "test-artifacts") / "axe"


def axe_run(page) -> dict:
    """Run axe-core on the page as it is now and return its results (violations, passes, incomplete…)."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )


def violations_by_impact(results: dict) -> dict[str, int]:
    """How many violated rules of each impact: {'critical': 0, 'serious': 1, …}."""
    counts = Counter(violation["impact"] for violation in results["violations"])
    return {impact: counts.get(impact, 0) for impact in IMPACTS}


def blocking_violations(results: dict) -> list[str]:
    """Serious and critical violations, one readable line per rule with the elements it failed on."""
    lines = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING_IMPACTS:
            targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
            lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return lines


def axe_save(name: str, *, url: str, results: dict) -> Path:
    """Save the page's axe results as JSON (rules, impacts, offending elements) and return the file's path."""
    directory = artifacts_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.json"
    report = {
        "page_type": name,
        "url": url,
        "axe_version": results.get("testEngine", {}).get("version"),
        "tags": AXE_TAGS,
        "violations_by_impact": violations_by_impact(results),
        "violations": [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "helpUrl": violation["helpUrl"],
                "nodes": [{"target": node["target"], "html": node["html"]} for node in violation["nodes"]],
            }
            for violation in results["violations"]
        ],
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return path
