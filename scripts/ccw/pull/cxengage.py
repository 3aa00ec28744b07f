"""CxEngage: GET one interaction at a time, a few at once, for a list of interaction ids.

The ids are read in chunks; each chunk's bodies are landed before the state records how many
ids are done, so a stopped pull started again with the same list goes on from the first chunk it
had not landed. An id the API does not know (404) is reported and the others go on.
"""

from __future__ import annotations

import hashlib
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ccw.pull.http import CredentialError, JsonClient, JsonResponse, NotFoundError, PullError
from ccw.pull.run import PullRun

KEY_VARIABLE = "CXENGAGE_API_KEY"
SECRET_VARIABLE = "CXENGAGE_API_SECRET"
ENDPOINT = "interactions"
CHUNK_IDS = 50
DEFAULT_CONCURRENCY = 4
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


class IdsFileError(Exception):
    """The ids file cannot be used; the message names the file and line."""


def read_ids(path: Path) -> list[str]:
    """Interaction ids, one a line; blank lines and `#` comments skipped, repeats dropped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IdsFileError(f"{path}: cannot be read: {exc}") from exc
    ids: dict[str, None] = {}
    for number, line in enumerate(lines, start=1):
        value = line.split("#", 1)[0].strip()
        if not value:
            continue
        if not _ID.match(value):
            raise IdsFileError(
                f"{path}, line {number}: {value[:60]!r} is not an interaction id (one id a line)"
            )
        ids[value] = None
    if not ids:
        raise IdsFileError(f"{path} holds no interaction ids (one id a line)")
    return list(ids)


@dataclass
class CxEngagePull:
    run: PullRun
    client: JsonClient
    url: str
    tenant_id: str
    ids: list[str]
    concurrency: int = DEFAULT_CONCURRENCY

    @property
    def scope(self) -> str:
        digest = hashlib.sha256("\n".join(self.ids).encode()).hexdigest()[:16]
        return f"{self.url.rstrip('/')}/v1/tenants/{self.tenant_id} ids:{digest}"

    def pull(self) -> None:
        run = self.run
        state = run.state(ENDPOINT, self.scope)
        done = 0
        if state and not state.finished and state.position:
            done = int(state.position)
            run.say(f"resuming run {state.run_id}: {done:,} of {len(self.ids):,} ids landed")
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            while done < len(self.ids):
                chunk = self.ids[done : done + CHUNK_IDS]
                outcomes = list(pool.map(self._get, chunk))
                run.requests += len(chunk)
                spent = [o for o in outcomes if type(o) is PullError]
                if spent and len(spent) == len(chunk):
                    # Retries spent on every id of the chunk: the API is down, not one id.
                    raise spent[0]
                for interaction_id, failure in zip(chunk, outcomes, strict=True):
                    if isinstance(failure, PullError):
                        run.refused.append(f"{interaction_id}: {failure}")
                responses = [o if isinstance(o, JsonResponse) else None for o in outcomes]
                paths = [
                    run.write(f"{_file_name(interaction_id)}.json", response.body)
                    for interaction_id, response in zip(chunk, responses, strict=True)
                    if response is not None
                ]
                if paths:
                    run.land(paths)
                done += len(chunk)
                run.records += len(paths)
                run.save_state(
                    ENDPOINT,
                    self.scope,
                    range_start=None,
                    range_end=str(len(self.ids)),
                    position=str(done),
                    finished=done >= len(self.ids),
                )
                run.progress(f"{done:,}/{len(self.ids):,} ids")
        run.say(f"{done:,}/{len(self.ids):,} ids")
        if run.not_found:
            shown = ", ".join(run.not_found[:5]) + (" ..." if len(run.not_found) > 5 else "")
            run.say(f"WARNING: {len(run.not_found):,} ids not found (404): {shown}")

    def _get(self, interaction_id: str) -> JsonResponse | PullError | None:
        """The interaction's response; None when the API does not know the id (404); the error
        when this id failed (a 4xx for it, or retries spent) and the others may go on. Refused
        credentials stop the pull."""
        url = f"{self.url.rstrip('/')}/v1/tenants/{self.tenant_id}/interactions/{interaction_id}"
        try:
            return self.client.get(url)
        except NotFoundError:
            self.run.not_found.append(interaction_id)
            return None
        except CredentialError:
            raise
        except PullError as exc:
            return exc


def _file_name(interaction_id: str) -> str:
    """A file name for the id's body: the id with unsafe characters replaced, and a short
    hash of the id itself, so two ids never share a file."""
    digest = hashlib.sha256(interaction_id.encode()).hexdigest()[:8]
    return f"{re.sub(r'[^A-Za-z0-9._-]', '_', interaction_id)}-{digest}"
