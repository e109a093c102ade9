"""Calls release the GIL: other threads run while one waits, and one
client serves many threads."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import iam_mfa

# An HTTP server, in a process of its own so that it never needs this
# process's GIL, that waits before answering every request with an error.
SLOW_SERVER = textwrap.dedent(
    """
    import sys, time
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            time.sleep(float(sys.argv[1]))
            body = (b"<ErrorResponse><Error><Code>NoSuchEntity</Code>"
                    b"<Message>slow</Message></Error>"
                    b"<RequestId>slow-1</RequestId></ErrorResponse>")
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
)
DELAY = 1.0


@pytest.fixture
def slow_server() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_SERVER, str(DELAY)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    port = int(process.stdout.readline())
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait()
    process.stdout.close()


# Counts the turns another thread gets while a call waits on the slow
# server, in a process of its own: were the GIL held during the call, the
# counter would get no turn, or the process would hang (the library's log
# events need the GIL too) until the test's timeout.
COUNT_TURNS = textwrap.dedent(
    """
    import sys, threading, time
    import iam_mfa

    client = iam_mfa.Client.aws(
        region="us-east-1",
        endpoint_url=sys.argv[1],
        access_key_id="AKIAIOSFODNN7EXAMPLE",
        secret_access_key="test-secret-access-key",
        max_attempts=1,
    )
    turns = 0
    done = threading.Event()

    def count():
        global turns
        while not done.is_set():
            turns += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.monotonic()
    try:
        client.get_user("alice")
    except iam_mfa.NoSuchEntityError:
        pass
    finally:
        done.set()
        counter.join()
    print(turns, time.monotonic() - started)
    """
)


def test_another_thread_runs_while_a_call_waits(slow_server: str) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", COUNT_TURNS, slow_server],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )

    turns, seconds = finished.stdout.split()
    assert float(seconds) >= DELAY
    # One turn per millisecond at most; a held GIL would allow a handful.
    assert int(turns) > 100


def test_one_local_client_serves_many_threads(
    local: iam_mfa.LocalClient,
) -> None:
    def create(thread: int) -> list[str]:
        return [
            local.create_virtual_mfa_device(f"t{thread}-d{n}").serial_number
            for n in range(25)
        ]

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = [s for batch in pool.map(create, range(8)) for s in batch]

    listed = [d.serial_number for d in local.list_virtual_mfa_devices()]
    assert sorted(created) == listed
    assert len(listed) == 200


def test_one_served_client_serves_many_threads(
    client: iam_mfa.Client,
) -> None:
    def create_user(number: int) -> str:
        return client.create_user(f"user-{number:02}").user_name

    with ThreadPoolExecutor(max_workers=4) as pool:
        names = list(pool.map(create_user, range(20)))

    assert [user.user_name for user in client.list_users()] == names
