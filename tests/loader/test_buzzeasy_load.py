"""Loading Buzzeasy OData feed pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from tests.queries import query

from ccw.cli import EXIT_OK, EXIT_REJECTED, main

CONTEXT = "https://odata.example.com/odata/v1/$metadata#"


def write_page(path: Path, entity_set: str | None, rows: list[dict[str, object]]) -> Path:
    page: dict[str, object] = {"value": rows}
    if entity_set is not None:
        page = {"@odata.context": CONTEXT + entity_set, **page}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(page))
    return path


def load(*args: object) -> int:
    return main(["load", "buzzeasy", *map(str, args)])


def test_each_row_of_value_lands_in_its_entity_sets_table(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    write_page(
        tmp_path / "in" / "a.json", "QueueSegments", [{"queueId": "q-1"}, {"queueId": "q-2"}]
    )
    write_page(tmp_path / "in" / "b.json", "Calls(id,channelId)", [{"id": "c-1"}])
    write_page(tmp_path / "in" / "c.json", "Workitem", [{"id": "w-1"}])  # the doc's singular

    assert load(tmp_path / "in", "--db", db) == EXIT_OK

    assert query(
        db,
        "select _record_index, record ->> 'queueId' from raw.buzzeasy__queue_segments order by 1",
    ) == [(0, "q-1"), (1, "q-2")]
    assert query(db, "select record ->> 'id' from raw.buzzeasy__calls") == [("c-1",)]
    assert query(db, "select record ->> 'id' from raw.buzzeasy__workitems") == [("w-1",)]


@pytest.mark.parametrize(
    "name",
    [
        "CampaignRecordCustomFields.json",
        "campaign_record_custom_fields_0002.json",
        "CampaignRecordCustomFields-page-3.json.gz",
        "Campaign Record Custom Fields (lookup) 2.json",
    ],
)
def test_a_page_without_context_is_placed_by_its_file_name(name: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    page = json.dumps({"value": [{"campaignRecordId": "r-1", "customFieldName": "x"}]})
    path = tmp_path / name
    if name.endswith(".gz"):
        with gzip.open(path, "wt") as handle:
            handle.write(page)
    else:
        path.write_text(page)

    assert load(path, "--db", db) == EXIT_OK
    assert query(db, "select count(*) from raw.buzzeasy__campaign_record_custom_fields") == [(1,)]


def test_unknown_sets_and_pages_without_value_are_rejected_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    write_page(tmp_path / "in" / "widgets.json", "Widgets", [{"id": "x"}])
    write_page(tmp_path / "in" / "Mystery.json", None, [{"id": "y"}])
    (tmp_path / "in" / "not-a-page.json").write_text(
        json.dumps({"@odata.context": CONTEXT + "Calls", "rows": []})
    )
    write_page(tmp_path / "in" / "Calls.json", "Calls", [{"id": "c-1"}])

    assert load(tmp_path / "in", "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    assert "widgets.json: names an entity set the Buzzeasy feed does not document: Widgets" in out
    assert "Mystery.json: names an entity set the Buzzeasy feed does not document: Mystery" in out
    assert "not-a-page.json" in out and "Buzzeasy OData page" in out
    assert query(db, "select record ->> 'id' from raw.buzzeasy__calls") == [("c-1",)]


def test_an_empty_last_page_loads_with_no_records(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    write_page(tmp_path / "Calls-page-9.json", "Calls", [])

    assert load(tmp_path / "Calls-page-9.json", "--db", db) == EXIT_OK
    assert query(db, "select status, record_count from raw._load_files") == [("loaded", 0)]
