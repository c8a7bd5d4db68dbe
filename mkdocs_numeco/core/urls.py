"""The one policy for every URL an author writes, and the one place that resolves them.

Cards, `::: quote` pictures, `image:` front matter and raw `<iframe>` players
all ask `classify` what a URL is, `refusal` whether it may go where they put
it, and `resolve` / `absolute` where it points. A URL is one of:

- `absolute`: `http://` or `https://`, with a valid host and no user name;
- `mailto`: `mailto:…` (links only);
- `site`: a path from the site root, `/images/x.png`;
- `relative`: a path from the page, `../img/x.png`, `#part`, `?page=2`;
- `refused`: anything else. Any other scheme (`javascript:`, `data:`,
  `vbscript:`, `file:`…), a protocol-relative `//host/…`, a backslash (which
  browsers read as `/`), a user name before `@` (which hides the real host),
  a control, invisible or unusual space character (browsers drop tabs and
  newlines, so `java\tscript:` is `javascript:`), and any of these spelled
  with character references (`jav&#x61;script:`) are all refused.

Hosts are compared on the parsed, IDNA-normalised host name (`host_in`): an
exact host, or a listed domain and its subdomains on a dot boundary; never a
substring. Pure: no MkDocs import, no logging; callers turn a refusal into a
`Problem` at the line they know.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, unquote, urlsplit

ABSOLUTE, MAILTO, SITE, RELATIVE, REFUSED = "absolute", "mailto", "site", "relative", "refused"
LOCAL = frozenset({SITE, RELATIVE})


@dataclass(frozen=True)
class Use:
    """Where a URL goes: the kinds allowed there, and how a warning says so."""

    kinds: frozenset[str]
    allowed: str


LINK = Use(
    frozenset({ABSOLUTE, MAILTO, SITE, RELATIVE}),
    "an http:// or https:// address, mailto:, a path from the site root (/…) or a relative path",
)
# Images and players: something a page loads, so no mailto:.
IMAGE = Use(
    frozenset({ABSOLUTE, SITE, RELATIVE}),
    "an http:// or https:// address, a path from the site root (/…) or a relative path",
)
EMBED = IMAGE


@dataclass(frozen=True)
class Url:
    """An author's URL as the policy reads it."""

    value: str  # as written, without surrounding spaces
    kind: str
    host: str = ""  # `absolute` only: lowercase, IDNA (ASCII), no trailing dot
    scheme: str = ""
    reason: str = ""  # `refused` only: why, for the warning

    @property
    def refused(self) -> bool:
        return self.kind == REFUSED


# Characters a browser drops or reads differently from what the author sees.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"})
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # the invisible characters of ASCII (its space aside)
_HOST = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_MAX_SHOWN = 60


@lru_cache(maxsize=4096)  # pure, and listings ask again for the same few image paths on every page
def classify(value: str) -> Url:
    """What `value` is: absolute, mailto, site, relative, or refused (with the reason)."""
    text = value.strip()
    url = _classify(text)
    if url.refused or "&" not in text:
        return url
    decoded = _classify(html.unescape(text))  # what a browser reads in an attribute
    if decoded.refused:
        return Url(text, REFUSED, reason=f"{decoded.reason}, once its character references (&…;) are decoded")
    return url


def embed_source(value: str) -> Url:
    """An iframe's `src`. Old embed codes write `//host/…`: a published page loads it over https, so it is read so."""
    text = value.strip()
    return classify("https:" + text if text.startswith("//") else text)


def refusal(url: Url, use: Use, what: str, consequence: str) -> str | None:
    """The warning for `url` where `use` applies (`what` names the field), or None when it is allowed there."""
    if url.refused:
        reason = url.reason
    elif url.kind not in use.kinds:
        reason = f"'{url.scheme}:' addresses are not allowed"
    else:
        return None
    return f"{what} {_shown(url.value)} is refused ({reason}): use {use.allowed}; {consequence}"


def host_in(url: Url, hosts: Iterable[str] = (), domains: Iterable[str] = ()) -> bool:
    """Whether an absolute URL's host is one of `hosts`, or one of `domains` or a subdomain of it."""
    if url.kind != ABSOLUTE:
        return False
    return url.host in set(hosts) or any(url.host == d or url.host.endswith("." + d) for d in domains)


def is_local(url: Url) -> bool:
    """A file of this site: a site or relative path (an absolute URL is a third-party request)."""
    return url.kind in LOCAL


def resolve(url: Url, src_uri: str) -> str | None:
    """Where `url`, written in the page at `src_uri`, points: a docs-relative path, an http(s) URL, or None.

    `/x.png` is from the docs root; the query and fragment are not part of a
    file name; `%20` is a space. None for mailto:, refused URLs, and a bare
    `#part` or `?query` (no file).
    """
    if url.kind == ABSOLUTE:
        return url.value
    if url.kind not in LOCAL:
        return None
    path = unquote(urlsplit(url.value).path)
    if not path:
        return None
    if url.kind == SITE:
        return posixpath.normpath(path.lstrip("/")) if path.strip("/") else None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))


def absolute(site_url: str, path: str) -> str:
    """An absolute URL: an http(s) URL stays as it is; anything else is a path under `site_url`."""
    if classify(path).kind == ABSOLUTE:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative_url(url: str, page_url: str) -> str:
    """`url` (from the site root) as a link written in the page served at `page_url`."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    target = _relpath(_segments(url.removeprefix("./")), _segments(base.removeprefix("./").rstrip("/")))
    return target + "/" if url.endswith("/") and target != "." else ("./" if target == "." else target)


@lru_cache(maxsize=8192)  # a pure function of the text: the few feed paths and each page's directory
def _segments(path: str) -> tuple[str, ...]:
    """The segments of `/path` once normalised, as `posixpath.relpath` splits them."""
    return tuple(part for part in posixpath.normpath("/" + path).split("/") if part)


def _relpath(path: tuple[str, ...], start: tuple[str, ...]) -> str:
    """`posixpath.relpath` of two normalised absolute paths given by their segments."""
    common = 0
    for mine, theirs in zip(path, start):
        if mine != theirs:
            break
        common += 1
    parts = [posixpath.pardir] * (len(start) - common) + list(path[common:])
    return "/".join(parts) if parts else posixpath.curdir


# -- reading one URL -----------------------------------------------------------------------------


def _classify(text: str) -> Url:
    odd = _odd_character(text)
    if odd:
        return Url(text, REFUSED, reason=odd)
    try:
        parts = urlsplit(text)
    except ValueError:
        return Url(text, REFUSED, reason="it is not a valid address")
    read = _SCHEMES.get(parts.scheme, _other_scheme)
    return read(text, parts)


def _odd_character(text: str) -> str:
    if "\\" in text:
        return "it contains a backslash"
    if text.isascii():
        found = _ASCII_CONTROL.search(text)
        return f"it contains the invisible character U+{ord(found.group()):04X}" if found else ""
    for char in text:
        if char != " " and unicodedata.category(char) in _INVISIBLE:
            return f"it contains the invisible character U+{ord(char):04X}"
    return ""


def _no_scheme(text: str, parts: SplitResult) -> Url:
    if text.startswith("//"):
        return Url(text, REFUSED, reason="'//' with no scheme before it")
    return Url(text, SITE if text.startswith("/") else RELATIVE)


def _web(text: str, parts: SplitResult) -> Url:
    scheme = parts.scheme
    if not parts.netloc:
        return Url(text, REFUSED, scheme=scheme, reason=f"'{scheme}:' must be followed by '//' and a host")
    if "@" in parts.netloc:
        return Url(text, REFUSED, scheme=scheme, reason="a user name before '@' hides the real host")
    try:
        parts.port  # noqa: B018 - reading it validates it
    except ValueError:
        return Url(text, REFUSED, scheme=scheme, reason="its port is not a number from 0 to 65535")
    host = _host(parts)
    if not host:
        return Url(text, REFUSED, scheme=scheme, reason="its host is not a valid host name")
    return Url(text, ABSOLUTE, host=host, scheme=scheme)


def _host(parts: SplitResult) -> str:
    """The host, lowercase and IDNA-encoded as browsers send it; "" when it is no host name."""
    if parts.netloc.startswith("["):  # an IPv6 literal, already validated by urlsplit
        return parts.hostname or ""
    name = unquote(parts.hostname or "")
    try:
        ascii_name = name.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        return ""
    return ascii_name if _HOST.fullmatch(ascii_name) else ""


def _mailto(text: str, parts: SplitResult) -> Url:
    return Url(text, MAILTO, scheme="mailto")


def _other_scheme(text: str, parts: SplitResult) -> Url:
    return Url(text, REFUSED, scheme=parts.scheme, reason=f"'{parts.scheme}:' addresses are not allowed")


_SCHEMES: dict[str, Callable[[str, SplitResult], Url]] = {
    "": _no_scheme,
    "http": _web,
    "https": _web,
    "mailto": _mailto,
}


def _shown(value: str) -> str:
    """The value as a warning quotes it: invisible characters made visible, shortened."""
    return repr(value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 1] + "…")
