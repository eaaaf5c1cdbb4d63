"""`newsgraph serve` as a user runs it (a real process on a real socket): a bad or
taken port is one coded line and exit 1, "serving at" appears only once the socket
is bound, and the server answers only the host names it was started for."""

from __future__ import annotations

import http.client
import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsgraph.store import Store
from support import SRC
from support.sample import sample_articles

EVIL = "rebind.attacker.example"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "serve.db"
    with Store(path) as store:
        for a in sample_articles():
            store.add(a)
    return path


def command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), *args]


def run_serve(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(command(db, *args), capture_output=True, text=True, env=env, timeout=60)


@contextmanager
def running(db: Path, *args: str, timeout: float = 60) -> Iterator[tuple[int, str, str]]:
    """Start `serve`, wait for its "serving at" line; yield (port, that line, stderr so far)."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(command(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + timeout
        line = ""
        while "serving" not in line:
            left = deadline - time.monotonic()
            if left <= 0 or proc.poll() is not None:
                raise AssertionError(f"serve did not start: {proc.stderr.read() if proc.poll() is not None else ''}")
            ready, _, _ = select.select([proc.stdout], [], [], left)
            if ready:
                line = proc.stdout.readline()
        port = int(line.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
        ready, _, _ = select.select([proc.stderr], [], [], 0)
        warning = proc.stderr.readline() if ready else ""
        yield port, line, warning
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()


def request(port: int, path: str, host: str, method: str = "GET") -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def assert_one_coded_line(result: subprocess.CompletedProcess, code: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and lines[0].endswith(f"[{code}]"), result.stderr
    assert "Traceback" not in result.stderr and "serving" not in result.stdout


@pytest.mark.parametrize("port", ["99999", "65536", "-1"])
def test_a_port_out_of_range_is_one_coded_line(db, port):
    assert_one_coded_line(run_serve(db, f"--port={port}"), "E401")


def test_a_taken_port_is_one_coded_line_and_never_announced(db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_serve(db, "--port", str(taken.getsockname()[1]))
    assert_one_coded_line(result, "E402")
    assert "in use" in result.stderr


def test_a_bad_allowed_host_is_one_coded_line(db):
    assert_one_coded_line(run_serve(db, "--port", "0", "--allowed-host", "evil*.example"), "E403")


def test_serving_is_announced_once_the_socket_answers_and_only_local_names_are_answered(db):
    with running(db, "--port", "0") as (port, line, warning):
        assert line.startswith("newsgraph is serving") and f"http://127.0.0.1:{port}/" in line
        assert warning == ""  # localhost only: no warning
        for host in ("127.0.0.1", f"127.0.0.1:{port}", f"localhost:{port}"):
            status, _, body = request(port, "/api/stats", host)
            assert status == 200 and b'"articles":3' in body
        status, headers, body = request(port, "/api/stats", EVIL)
        assert status == 400 and b"articles" not in body
        status, headers, _ = request(port, "/static", f"{EVIL}:{port}")
        assert status == 400 and EVIL not in headers.get("location", "")
        status, headers, body = request(port, "/", f"localhost:{port}", "HEAD")
        assert status == 200 and body == b"" and headers["content-type"].startswith("text/html")


def test_listening_on_every_interface_warns_and_answers_this_machine_and_allowed_names(db):
    with running(db, "--host", "0.0.0.0", "--port", "0", "--allowed-host", "news.example.org") as (port, _, warning):
        assert warning.startswith("warning:") and "network" in warning and "corpus" in warning
        assert "news.example.org" in warning and socket.gethostname().lower() in warning
        for host in (socket.gethostname(), "news.example.org", f"localhost:{port}"):
            assert request(port, "/api/stats", host)[0] == 200, host
        assert request(port, "/api/stats", EVIL)[0] == 400
        assert request(port, "/api/stats", "0.0.0.0")[0] == 400
