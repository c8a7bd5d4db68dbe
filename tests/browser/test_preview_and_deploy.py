"""The demo through `mkdocs serve` (live edits) and `mkdocs gh-deploy` (to a local bare remote).

The deploy runs the command of .github/workflows/docs.yml, with a local remote and branch.

Both work on a copy of the demo in tmp_path: the repository is never touched.
No browser is needed; the pages are read over HTTP or from git and parsed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from needs import need
from numeco_browser import ROOT

POST = "posts/episode-3-former"  # a post with one tag and a series, in the demo
POST_SOURCE = f"demo_site/docs/{POST}.md"
NEW_TAG = "Aperçu en direct"
NEW_SERIES = "Série de l'aperçu"
SITE_URL = "https://example.org/numeco-demo/"  # the demo's site_url
WAIT = 90  # seconds: an upper bound for a rebuild on a busy machine, not a performance claim


def _copy_demo(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "demo_site", target / "demo_site")
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str, str]:
    """(status, final URL, body); 4xx/5xx are answers, not errors."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.geturl(), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, url, ""


def _links(html: str, page_url: str, selector: str = "article a[href]") -> set[str]:
    """Absolute URLs (without fragment) of the links matching `selector`."""
    soup = BeautifulSoup(html, "lxml")
    return {urljoin(page_url, a["href"]).split("#")[0] for a in soup.select(selector)}


def _series_and_tags(html: str, page_url: str) -> tuple[str, str, set[str]]:
    """A post's series name, series page URL and tag page URLs, from its rendered boxes."""
    soup = BeautifulSoup(html, "lxml")
    series_link = soup.select_one(".numeco-series .numeco-series__name a")
    assert series_link is not None, "the post has no series box"
    tags = {urljoin(page_url, a["href"]) for a in soup.select(".numeco-tags a[href]")}
    return series_link.get_text(strip=True), urljoin(page_url, series_link["href"]), tags


def _edit_front_matter(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    lines = []
    for line in head.split("\n"):
        if line.startswith("tags:"):
            line = f"tags: ['Vidéo', '{NEW_TAG}']"
        elif line.startswith("series:"):
            line = f'series: "{NEW_SERIES}"'
        lines.append(line)
    edited = "\n".join(lines)
    assert edited != head and NEW_TAG in edited and NEW_SERIES in edited, "the demo post's front matter changed shape"
    path.write_text(edited + sep + body, encoding="utf-8")


@pytest.fixture
def serve(tmp_path):
    """`mkdocs serve` of a copy of the demo; yields (copy directory, root URL of the site)."""
    site = _copy_demo(tmp_path / "demo")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(site / "mkdocs.yml")],
        cwd=site,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        deadline = time.monotonic() + WAIT
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                status, final_url, _ = _get(f"http://127.0.0.1:{port}/")
                if status == 200:
                    break  # `/` redirects to the path of site_url
            except OSError:
                pass
            assert time.monotonic() < deadline, "mkdocs serve did not answer:\n" + (tmp_path / "serve.log").read_text()
            time.sleep(0.5)
        yield site, final_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_mkdocs_serve_rebuilds_tag_and_series_pages_after_an_edit(serve, tmp_path):
    site, root = serve
    post_url = urljoin(root, POST + "/")
    status, _, html = _get(post_url)
    assert status == 200
    old_series_name, old_series_url, old_tags = _series_and_tags(html, post_url)
    assert old_series_name != NEW_SERIES and old_tags
    assert post_url in _links(_get(old_series_url)[2], old_series_url)

    _edit_front_matter(site / POST_SOURCE)

    # Poll until the rebuilt site shows the edit everywhere (bounded; how fast is not asserted).
    deadline = time.monotonic() + WAIT
    while True:
        status, _, html = _get(post_url)
        series_name, series_url, tags = _series_and_tags(html, post_url) if status == 200 else ("", "", set())
        if series_name == NEW_SERIES and len(tags) == 2:
            new_series = _get(series_url)
            new_tag_urls = tags - old_tags
            new_tag = _get(next(iter(new_tag_urls))) if len(new_tag_urls) == 1 else (404, "", "")
            old_series = _get(old_series_url)
            if (
                new_series[0] == 200
                and post_url in _links(new_series[2], series_url)
                and new_tag[0] == 200
                and post_url in _links(new_tag[2], new_tag[1])
                and post_url not in _links(old_series[2], old_series_url)
            ):
                break
        assert time.monotonic() < deadline, "the pages never changed:\n" + (tmp_path / "serve.log").read_text()
        time.sleep(0.5)

    # The new tag and series are listed on the index pages too.
    soup = BeautifulSoup(_get(new_tag[1])[2], "lxml")
    assert NEW_TAG in soup.select_one("article h1").get_text()
    soup = BeautifulSoup(new_series[2], "lxml")
    assert NEW_SERIES in soup.select_one("article h1").get_text()


# A git identity and no user or system configuration: commits work on any machine.
_GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **_GIT_ENV}
    result = subprocess.run(["git", *args], check=False, cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stderr}"
    return result.stdout


def _workflow_command() -> list[str]:
    """The deploy command of .github/workflows/docs.yml (its last step), as the test runs it."""
    (job,) = yaml.safe_load((ROOT / ".github" / "workflows" / "docs.yml").read_text(encoding="utf-8"))["jobs"].values()
    command = job["steps"][-1]["run"].split()
    assert command[:2] == ["mkdocs", "gh-deploy"], command
    return [sys.executable, "-m", *command]


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], Path]:
    """The workflow's `mkdocs gh-deploy` of a copy of the demo, to a local bare remote: (files of gh-pages, remote)."""
    need("git")
    tmp_path = tmp_path_factory.mktemp("deploy")
    site = _copy_demo(tmp_path / "demo")
    remote = tmp_path / "remote.git"
    _git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    _git("init", "-q", "-b", "main", cwd=site)
    _git("add", ".", cwd=site)
    _git("commit", "-q", "-m", "demo", cwd=site)
    _git("remote", "add", "deploy", str(remote), cwd=site)

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **_GIT_ENV}
    result = subprocess.run(
        [*_workflow_command(), "--remote-name", "deploy", "--remote-branch", "gh-pages"],
        check=False,
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return set(_git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()), remote


def test_mkdocs_gh_deploy_pushes_post_tag_and_series_pages(deployed):
    files, remote = deployed
    assert ".nojekyll" in files
    post = f"{POST}/index.html"
    assert post in files
    # The tag and series pages this post links to, resolved from the deployed page itself.
    html = _git("show", f"gh-pages:{post}", cwd=remote)
    page_url = "http://site.invalid/" + post
    _, series_url, tag_urls = _series_and_tags(html, page_url)
    linked = {urlsplit(url).path.lstrip("/") + "index.html" for url in {series_url, *tag_urls}}
    assert any(path.startswith("series/") for path in linked) and any(path.startswith("tags/") for path in linked)
    assert linked <= files, linked - files
    # The generated index pages too.
    assert {"series/index.html", "tags/index.html", "posts/index.html"} <= files


def _site_path(url: str, page: str) -> str:
    """The file of the deployed tree that `url` (relative to `page`, or absolute under SITE_URL) names."""
    path = urljoin(SITE_URL + page, url).removeprefix(SITE_URL).split("#")[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


def test_mkdocs_gh_deploy_pushes_the_home_page_and_every_feed(deployed):
    """The feeds each deployed page announces are deployed, and every feed entry links to a deployed page."""
    files, remote = deployed
    assert {"index.html", "feed.xml", "feed.json", "sitemap.xml", "404.html"} <= files
    feeds = set()
    for page in ("index.html", "tags/index.html", "series/index.html", f"{POST}/index.html"):
        soup = BeautifulSoup(_git("show", f"gh-pages:{page}", cwd=remote), "lxml")
        for link in soup.select("link[rel~=alternate][href]"):
            feeds.add(_site_path(link["href"], page.removesuffix("index.html")))
    atom = {path for path in feeds if path.endswith(".xml")}
    assert "feed.xml" in atom and any(path.startswith("tags/") for path in atom), feeds
    assert feeds <= files, feeds - files
    for path in sorted(atom):
        entries = feedparser.parse(_git("show", f"gh-pages:{path}", cwd=remote)).entries
        assert entries, path
        assert {_site_path(entry.link, "") for entry in entries} <= files, path
