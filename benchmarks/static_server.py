"""A loopback static host that gzips text, as a static host would, and logs what it sent.

The site is served under a base path (the path of `site_url`, e.g. `/numeco-demo/`),
so absolute links to the site resolve as in production; anything outside it is a 404.
Each response is logged with the bytes written to the socket (status line, headers and
body as sent), which is what the page transferred: the figure does not depend on what
the browser's instrumentation reports for workers or aborted loads.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import mimetypes
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6  # what nginx and most static hosts use for on-the-fly compression is 1 to 6
COMPRESSED_TYPES = {
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/feed+json",
    "image/svg+xml",
}


def is_compressible(content_type: str) -> bool:
    return content_type.startswith("text/") or content_type in COMPRESSED_TYPES


@dataclass(frozen=True)
class Sent:
    """One response as it left the server."""

    path: str
    status: int
    content_type: str
    bytes: int  # status line + headers + body, as written to the socket


class _CountingWriter:
    """Wraps the socket writer of one connection and counts the bytes written."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str):
        return getattr(self.raw, name)  # flush, close, closed


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `base_path`; gzips text types when the request accepts gzip."""

    base_path = "/"

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)
        self._status = 0
        self._type = ""

    def finish(self) -> None:
        super().finish()
        if self._status:
            self.server.log.append(Sent(urlsplit(self.path).path, self._status, self._type, self.wfile.count))

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-type":
            self._type = value.split(";")[0].strip()
        super().send_header(keyword, value)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / ".outside-the-base-path")
        return super().translate_path("/" + path[len(self.base_path) :])

    def do_GET(self) -> None:
        body = self._gzipped_body()
        if body is None:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", self._type_of(self._file()))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _file(self) -> Path:
        target = Path(self.translate_path(self.path))
        return target / "index.html" if unquote(urlsplit(self.path).path).endswith("/") else target

    def _type_of(self, file: Path) -> str:
        return self.guess_type(str(file))

    def _gzipped_body(self) -> bytes | None:
        """The gzipped file when the request accepts gzip and the file is text; None: serve as is."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        file = self._file()
        if not file.is_file() or not is_compressible(self._type_of(file)):
            return None
        return gzip.compress(file.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.log: list[Sent] = []

    def handle_error(self, request, client_address) -> None:
        # The browser drops connections it no longer needs (page changes, aborted loads).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, base_path: str = "/"):
    """Serve `directory` at http://127.0.0.1:<free port><base_path>; yields (base URL, server log)."""
    mimetypes.add_type("application/json", ".json")
    handler = type("Handler", (GzipHandler,), {"base_path": base_path})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}", server.log
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
