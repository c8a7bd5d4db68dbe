"""Where the plugin may write: one function for every output path, and who owns each path already.

Every path the plugin writes or hands MkDocs to write (post permalinks, redirect pages, listing,
tag and series pages, feeds, the poster) goes through `confine`. It reads the path as a URL path
from the site root (a leading `/` is the root, as Eleventy's `permalink` reads it), normalises it,
refuses anything that could name another place (`.` and `..` segments, backslashes, control
characters, and the same spelled with `%` escapes, which a browser or server decodes), shortens
names longer than file systems allow, and, given `site_dir`, proves the result lies inside it once
symbolic links are followed.

`Claims` knows which output path belongs to whom (the user's pages and files, the theme, MkDocs,
the search plugin, the plugin's own pages), so that nothing generated ever replaces another's file.

Pure: no MkDocs; the only I/O is `Path.resolve` when `site_dir` is given.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

# A file name may hold 255 bytes on most file systems; the margin leaves room for what other
# tools add to a name (`.gz`, a social card's `.png`) and for file systems that hold less.
MAX_NAME_BYTES = 200
HASH_CHARS = 10
PLUGIN = "numeco"  # the plugin, as a claimant: its assets folder is reserved for it alone
_MAX_SUFFIX_BYTES = 10  # `.html`, `.xml`, `.json`: kept when a name is shortened


@dataclass(frozen=True)
class Confined:
    """A path inside the site (`path`), or why there is none (`refusal`)."""

    path: str | None  # site-relative, `/`-separated, no leading `/`; a trailing `/` kept; "" is the root
    refusal: str | None = None
    shortened: tuple[str, ...] = ()  # the names that were too long, as written
    target: Path | None = None  # the resolved file or folder, when `site_dir` was given

    @property
    def note(self) -> str | None:
        """What was shortened, for a warning; None when nothing was."""
        if not self.shortened:
            return None
        return "; ".join(_shortening(name) for name in self.shortened)


def confine(value: str, site_dir: str | os.PathLike[str] | None = None) -> Confined:
    """The site-relative path for `value`, refused when it could leave the site or name another place."""
    text = value.strip(" ")
    refusal = _refusal(text)
    if refusal is not None:
        return Confined(None, refusal)
    names = [name for name in text.split("/") if name]
    shortened = tuple(name for name in names if len(name.encode("utf-8")) > MAX_NAME_BYTES)
    path = "/".join(shorten(name) for name in names)
    if path and text.endswith("/"):
        path += "/"
    if site_dir is None:
        return Confined(path, shortened=shortened)
    root = Path(site_dir).resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root):
        return Confined(None, f"it lies outside {site_dir} once links are followed")
    return Confined(path, shortened=shortened, target=target)


def shorten(name: str) -> str:
    """`name` if it fits in a file name; else its start, a hash of the whole and its suffix (`.html`)."""
    encoded = name.encode("utf-8")
    if len(encoded) <= MAX_NAME_BYTES:
        return name
    digest = hashlib.sha256(encoded).hexdigest()[:HASH_CHARS]
    stem, dot, extension = name.rpartition(".")
    suffix = f".{extension}" if dot and stem and len(extension.encode("utf-8")) < _MAX_SUFFIX_BYTES else ""
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8")) - 1 - HASH_CHARS
    head = encoded[:budget].decode("utf-8", "ignore")  # never half a character
    return f"{head}-{digest}{suffix}"


def shown(value: str, limit: int = 60) -> str:
    """`value` quoted for a message, control characters escaped, cut after `limit` characters."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


# -- refusals ---------------------------------------------------------------------------------------


def _control(text: str) -> str | None:
    for char in text:
        if unicodedata.category(char)[0] == "C":
            return f"it has the control character U+{ord(char):04X}"
    return None


def _backslash(text: str) -> str | None:
    return "it has a backslash" if "\\" in text else None


def _dots(text: str) -> str | None:
    for name in text.split("/"):
        if name in (".", ".."):
            return f"it has a {name!r} segment"
    return None


_CHECKS: tuple[Callable[[str], str | None], ...] = (_control, _backslash, _dots)


def _refusal(text: str) -> str | None:
    """Why `text` may not be written, as written and as a browser or server decodes its `%` escapes."""
    for check in _CHECKS:
        found = check(text)
        if found is not None:
            return found
    for name in text.split("/"):
        decoded = unquote(name, errors="replace")
        if decoded != name and ("/" in decoded or any(check(decoded) for check in _CHECKS)):
            return f"{name!r} reads as {decoded!r} in a URL"
    return None


def _shortening(name: str) -> str:
    short = shorten(name)
    return (
        f"the name '{name[:24]}…' is {len(name.encode('utf-8'))} bytes, more than a file name may hold"
        f" ({MAX_NAME_BYTES} bytes): it is shortened to '{short[:24]}…{short[-HASH_CHARS - 1 :]}'"
    )


# -- claims -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    dest: str
    owner: str  # a noun phrase for messages: "the page posts.md", "the theme's 404.html"
    me: str | None  # who claimed it, so that one never clashes with oneself

    def against(self, me: str | None) -> bool:
        return me is None or self.me != me


@dataclass
class _Node:
    """One name of the output tree: the file there, the reservation of the folder, and what lies below."""

    children: dict[str, _Node] = field(default_factory=dict)
    file: _Claim | None = None
    reserved: _Claim | None = None
    files_below: int = 0


def _names(path: str) -> list[str]:
    """Case and Unicode normalisation fold together, as on macOS and Windows file systems."""
    return [name for name in unicodedata.normalize("NFC", path).casefold().split("/") if name]


class Claims:
    """Who owns each output path of the site; a new path is checked against all of them.

    A path clashes with a file at the same place, with a file where it needs a folder
    (`feed.xml` for `feed.xml/index.html`), with a folder where it would be a file, and
    with a folder reserved whole (`search/` of the search plugin). A tree of names keeps
    every operation linear in the length of the path.
    """

    def __init__(self) -> None:
        self._root = _Node()

    def claim(self, dest: str, owner: str, me: str | None = None) -> None:
        """`dest` is `owner`'s; the first claim of a path stays."""
        path = self._walk(dest, create=True)
        assert path is not None
        if path[-1].file is not None:
            return
        path[-1].file = _Claim(dest.strip("/"), owner, me)
        for node in path[:-1]:
            node.files_below += 1

    def reserve(self, folder: str, owner: str, me: str | None = None) -> None:
        """Everything under `folder` is `owner`'s."""
        path = self._walk(folder, create=True)
        assert path is not None
        path[-1].reserved = _Claim(folder.strip("/"), owner, me)

    def release(self, dest: str) -> None:
        path = self._walk(dest, create=False)
        if path is None or path[-1].file is None:
            return
        path[-1].file = None
        for node in path[:-1]:
            node.files_below -= 1

    def clash(self, dest: str, me: str | None = None) -> str | None:
        """Why `dest` can't be written (whose it is already), or None when it is free."""
        node = self._root
        names = _names(dest)
        for depth, name in enumerate(names, start=1):
            node = node.children.get(name)  # type: ignore[assignment]
            if node is None:
                return None
            last = depth == len(names)
            if node.file is not None and node.file.against(me):
                if last:
                    return f"{node.file.dest} is already taken by {node.file.owner}"
                return f"{node.file.dest} is already taken by {node.file.owner} and cannot be a folder"
            if node.reserved is not None and node.reserved.against(me):
                return f"{node.reserved.dest}/ is reserved for {node.reserved.owner}"
            if last and node.files_below:
                return f"{dest.strip('/')} is already a folder, holding {self._one_below(node).owner}"
        return None

    def _walk(self, path: str, create: bool) -> list[_Node] | None:
        """The nodes from the root's child down to `path`'s, or None when one is missing."""
        node, nodes = self._root, []
        for name in _names(path):
            child = node.children.get(name)
            if child is None:
                if not create:
                    return None
                child = node.children[name] = _Node()
            nodes.append(child)
            node = child
        return nodes or [self._root]

    @staticmethod
    def _one_below(node: _Node) -> _Claim:
        while node.file is None:
            node = next(child for child in node.children.values() if child.files_below or child.file)
        return node.file
