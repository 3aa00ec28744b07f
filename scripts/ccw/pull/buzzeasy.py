"""Buzzeasy OData feed: every entity set from its first page to the last `@odata.nextLink`.

Each page is landed before the state records the link to the page after it, so a stopped pull
resumes at the first page it had not landed. A set read to its end starts from its first page on
the next run: the feed documents no change filter, so every run reads each set whole and the
pages that did not change are skipped by content hash. The lookup tables (Agents, Queues, ...)
are snapshots the feed refreshes once a day; they are read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin

from ccw.pull.http import ClientError, JsonClient, NotFoundError, PullError
from ccw.pull.run import PullRun
from ccw.vendors.buzzeasy import ENTITY_OF_NAME, ENTITY_SETS, SET_OF_ENTITY, normalized

TOKEN_VARIABLE = "BUZZEASY_TOKEN"
NEXT_LINK = "@odata.nextLink"


def entity_of(name: str) -> str | None:
    """The raw entity an entity set name means, in any of its documented spellings."""
    return ENTITY_OF_NAME.get(normalized(name))


def entity_sets(names: Sequence[str] | None) -> list[str]:
    """The documented entity sets asked for (all by default), spelled as the feed spells them."""
    if not names:
        return list(ENTITY_SETS)
    chosen = []
    for name in names:
        entity = entity_of(name)
        if entity is None:
            raise ValueError(
                f"{name!r} is not an entity set of the feed; the documented ones are "
                + ", ".join(ENTITY_SETS)
            )
        chosen.append(SET_OF_ENTITY[entity])
    return list(dict.fromkeys(chosen))


def headers(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


class BuzzeasyPull:
    def __init__(
        self,
        run: PullRun,
        client: JsonClient,
        root: str,
        sets: Sequence[str],
        *,
        chosen: bool = False,
    ) -> None:
        self.run = run
        self.client = client
        self.root = root.rstrip("/") + "/"
        self.sets = list(sets)
        # Sets the user named: one the feed does not have is an error, not a note.
        self.chosen = chosen
        self.pages = 0

    def pull(self) -> None:
        offered = self._service_document()
        for entity_set in self.sets:
            url = urljoin(self.root, entity_set)
            if offered is not None:
                entity = ENTITY_SETS[entity_set]
                if entity not in offered and not self.chosen:
                    self.run.notes.append(
                        f"{entity_set}: not in the feed's service document ({self.root}); "
                        "not pulled"
                    )
                    continue
                url = offered.get(entity, url)
            try:
                self._pull_set(entity_set, url)
            except NotFoundError:
                if self.chosen:
                    self.run.not_found.append(f"entity set {entity_set} ({url})")
                else:
                    self.run.notes.append(f"{entity_set}: the feed answers 404 at {url}")

    def _service_document(self) -> dict[str, str] | None:
        """The entity sets the feed's OData service document lists (entity -> URL), or None
        when the root does not answer one (then the documented names are tried)."""
        try:
            response = self.client.get(self.root, json_required=False)
        except ClientError:
            return None
        data = response.data
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            return None
        offered: dict[str, str] = {}
        undocumented = []
        for item in data["value"]:
            if not isinstance(item, dict) or item.get("kind", "EntitySet") != "EntitySet":
                continue
            name, url = item.get("name"), item.get("url") or item.get("name")
            if not isinstance(name, str) or not isinstance(url, str):
                continue
            entity = entity_of(name)
            if entity is None:
                undocumented.append(name)
            else:
                offered[entity] = urljoin(self.root, url)
        if undocumented:
            self.run.notes.append(
                "the feed also offers " + ", ".join(sorted(undocumented)) + ", which its "
                "documentation does not describe; not pulled"
            )
        return offered

    def _pull_set(self, entity_set: str, first_url: str) -> None:
        run = self.run
        scope = self.root + entity_set
        state = run.state(entity_set, scope)
        if state and not state.finished and state.position:
            run.say(f"{entity_set}: resuming run {state.run_id} at {state.position}")
            try:
                self._read_pages(entity_set, scope, state.position)
                return
            except ClientError as exc:
                # A saved link's skip token may have expired: read the set from its start.
                run.notes.append(
                    f"{entity_set}: the saved next page was refused ({exc}); read from the start"
                )
        self._read_pages(entity_set, scope, first_url)

    def _read_pages(self, entity_set: str, scope: str, first_url: str) -> None:
        run = self.run
        url: str | None = first_url
        seen: set[str] = set()
        records = pages = 0
        while url is not None:
            if url in seen:
                raise PullError(f"{entity_set}: {NEXT_LINK} leads back to {url}; stopping there")
            seen.add(url)
            response = self.client.get(url)
            run.requests += 1
            data = response.data
            if not isinstance(data, dict) or not isinstance(data.get("value"), list):
                saved = run.write(f"unexpected_{run.requests:05d}.json", response.body)
                raise PullError(
                    f"{response.url} answered JSON without an OData `value` list (kept as "
                    f"{saved}); the pull stops here and resumes from this page"
                )
            link = data.get(NEXT_LINK)
            next_url = urljoin(response.url, link) if isinstance(link, str) and link else None
            self.pages += 1
            pages += 1
            path = run.write(f"{entity_set}-page-{self.pages:05d}.json", response.body)
            run.land([path])
            records += len(data["value"])
            run.records += len(data["value"])
            run.save_state(
                entity_set,
                scope,
                range_start=None,
                range_end=None,
                position=next_url,
                finished=next_url is None,
            )
            url = next_url
            run.progress(f"{entity_set}: {records:,} records in {pages:,} pages so far")
        run.say(f"{entity_set}: {records:,} records in {pages:,} pages")
