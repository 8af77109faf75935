"""The API keeps its own contract: Schemathesis, with every check it has, against a real hub server holding the
demo network, anonymously and with the demo's API key, finds no failure.

Every check runs (`--checks all`) in every phase: the schema's examples, coverage of each parameter's boundaries,
property-based fuzzing of valid and invalid requests (`--mode all`), and stateful sequences along the links
Schemathesis infers between operations (a webhook created, read, deleted, then gone). The example count is fixed
and generation is deterministic (Schemathesis's fixed-seed mode: `--seed` is ignored with it), so a CI run
repeats the last one exactly. A failure prints
Schemathesis's own report: the check, the request as `curl`, and the answer.

The server is a process of its own (`runserver`, test settings) on a copy of the session's test database with
`seed_demo` run on it (tests/live_servers.py), so nothing here touches the network other tests roll back to.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.live_servers import copy_test_database, free_port, wait_until_serving

REPO = Path(__file__).resolve().parents[2]
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
MAX_EXAMPLES = 20
RUN_TIMEOUT_SECONDS = 600
KEY_LINE = re.compile(r"API key \(shown this once[^)]*\): (\S+)")


@pytest.fixture(scope="module")
def demo_api_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """(base URL, API key): a live hub on a copy of the test database with the demo network seeded into it."""
    tmp_dir = tmp_path_factory.mktemp("contract-server")
    with django_db_blocker.unblock():
        database_url, drop_database = copy_test_database(tmp_dir, "contract")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.test",
        "DATABASE_URL": database_url,
        "TEST_MEDIA_ROOT": str(tmp_dir / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    process = None
    try:
        seeded = subprocess.run(
            [sys.executable, "manage.py", "seed_demo", "--force", "--no-progress"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
        )
        assert seeded.returncode == 0, seeded.stdout + seeded.stderr
        key = KEY_LINE.search(seeded.stdout)
        assert key, f"seed_demo printed no API key:\n{seeded.stdout}"
        port = free_port()
        log_path = tmp_dir / "server.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        base_url = f"http://127.0.0.1:{port}"
        wait_until_serving(process, f"{base_url}/api/v1/", log_path)
        yield base_url, key[1]
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        with django_db_blocker.unblock():
            drop_database()


# Its one per-operation rule, and why: the file says.
CONFIG_FILE = Path(__file__).with_name("schemathesis.toml")

def _schemathesis(base_url: str, tmp_path: Path, *headers: str) -> subprocess.Popen:
    """Start Schemathesis over the whole published schema (its output goes to files in `tmp_path`)."""
    command = [
        SCHEMATHESIS, "--config-file", str(CONFIG_FILE), "run", f"{base_url}/api/v1/schema/",
        "--checks", "all", "--mode", "all",
        "--max-examples", str(MAX_EXAMPLES), "--generation-deterministic",
        "--workers", "1", "--no-color",
        *[argument for header in headers for argument in ("--header", header)],
    ]
    tmp_path.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        command, cwd=tmp_path, text=True,
        stdout=(tmp_path / "stdout").open("w"), stderr=(tmp_path / "stderr").open("w"),
    )


@pytest.mark.django_db
def test_schemathesis_with_every_check_finds_no_failure(demo_api_server, tmp_path):
    """Both callers at once against the one server: the two runs are independent (Schemathesis is deterministic
    and the server threaded), and running them side by side halves the longest single test of the suite."""
    base_url, key = demo_api_server
    callers = {"anonymous": [], "api_key": [f"Authorization: Api-Key {key}"]}
    runs = {caller: _schemathesis(base_url, tmp_path / caller, *headers) for caller, headers in callers.items()}

    failures = []
    for caller, process in runs.items():
        try:
            returncode = process.wait(timeout=RUN_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            returncode = "timeout"
        report = ((tmp_path / caller / "stdout").read_text() + (tmp_path / caller / "stderr").read_text())
        report = report.replace(key, "<key>")
        generated = re.search(r"(\d+) generated", report)
        generated = int(generated[1]) if generated else 0
        if returncode != 0:
            failures.append(f"{caller}: exit {returncode}\n{report[-20_000:]}")
        elif generated < 26 * 10:
            failures.append(f"{caller}: only {generated} cases were generated:\n{report[-5_000:]}")
        else:
            print(f"schemathesis ({caller}): {generated} cases, 0 failures")
    assert not failures, "\n\n".join(failures)
