"""The fake Hub's search and tree routes (the rest is in :mod:`tests.fakehub`).

* ``GET /api/models?search=&filter=&sort=downloads&limit=`` — what ``HfApi.list_models``
  calls: repo ids containing the search (case-insensitive) with every filter among their
  tags, most downloaded first, with downloads, likes, lastModified and gated;
* ``GET /api/models/{repo}/tree/{revision}[/{path}]?recursive=`` — what
  ``HfApi.list_repo_tree`` calls: files with size, oid and LFS facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


@dataclass
class RepoFacts:
    """What the search route says about a repo."""

    downloads: int = 0
    likes: int = 0
    last_modified: str = "2025-01-01T00:00:00.000Z"
    gated: bool | str = False
    tags: list[str] = field(default_factory=lambda: ["gguf"])


class SearchContent:
    """FakeHub's side: repo facts for the search route."""

    _repo_facts: dict[str, RepoFacts]
    _lock: Any

    def describe_repo(self, repo: str, **facts: Any) -> None:
        """Set what search results say about ``repo`` (downloads, likes, last_modified...)."""
        with self._lock:
            self._repo_facts[repo] = RepoFacts(**facts)
        self.add_repo(repo)  # type: ignore[attr-defined]

    def search_hits(self, query: str, filters: list[str], limit: int | None) -> list[dict]:
        """The search route's answer, most downloaded first."""
        with self._lock:
            facts = dict(self._repo_facts)
            repos = set(self._revisions)  # type: ignore[attr-defined]
        hits = []
        for repo in sorted(repos):
            fact = facts.get(repo, RepoFacts())
            if query.lower() not in repo.lower() or not all(f in fact.tags for f in filters):
                continue
            hits.append({"_id": repo[:24], "id": repo, "modelId": repo, "likes": fact.likes,
                         "downloads": fact.downloads, "lastModified": fact.last_modified,
                         "gated": fact.gated, "private": False, "tags": fact.tags})
        hits.sort(key=lambda h: -h["downloads"])
        return hits[:limit] if limit else hits


class SearchRoutes:
    """The handler's side: answers the two routes."""

    hub: Any
    _json: Any
    _injected: Any
    _missing: Any

    def _search(self, record: Any, query: str) -> None:
        record.route = "search"
        form = parse_qs(query)
        limit = int(form["limit"][0]) if "limit" in form else None
        hits = self.hub.search_hits(form.get("search", [""])[0], form.get("filter", []), limit)
        self._json(record, hits)

    def _tree(self, record: Any, repo: str, revision: str, prefix: str) -> None:
        record.route = "tree"
        if self._injected(record, repo) or self._missing(record, repo, revision):
            return
        entries = []
        for name, hub_file in sorted(self.hub._files_of(repo, revision).items()):
            if prefix and not name.startswith(prefix.rstrip("/") + "/"):
                continue
            entries.append({"type": "file", "path": name, "size": len(hub_file.data),
                            "oid": hub_file.blob_id,
                            "lfs": {"oid": hub_file.sha256, "size": len(hub_file.data),
                                    "pointerSize": 134}})
        self._json(record, entries)
