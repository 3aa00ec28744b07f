"""Hostile and unusual input: each case is rejected by name with a reason, or loaded correctly,
and the good file beside it always loads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from tests.queries import query

from ccw import landing
from ccw.cli import EXIT_OK, EXIT_REJECTED, main
from ccw.files import InputFile

RAW = "raw.cxengage__interactions"


def good_and(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.json").write_text(json.dumps({"interactionId": "i-good"}))
    return folder


def loaded_ids(db: Path) -> list[str]:
    return [
        str(row[0]) for row in query(db, f"select record ->> 'interactionId' from {RAW} order by 1")
    ]


def test_duplicate_keys_keep_the_record_verbatim(tmp_path: Path) -> None:
    folder = good_and(tmp_path / "in")
    (folder / "dup.json").write_text(
        '{"interactionId": "i-dup", "channelType": "voice", "channelType": "chat"}'
    )
    db = tmp_path / "w.duckdb"

    assert main(["load", "cxengage", str(folder), "--db", str(db)]) == EXIT_OK

    assert loaded_ids(db) == ["i-dup", "i-good"]
    # the record is kept as delivered, both keys included
    [(record,)] = query(db, f"select record from {RAW} where record ->> 'interactionId' = 'i-dup'")
    assert str(record).count("channelType") == 2


def test_an_object_larger_than_duckdbs_default_limit_loads(tmp_path: Path) -> None:
    folder = good_and(tmp_path / "in")
    notes = "x" * (20 * 1024 * 1024)  # DuckDB's default maximum_object_size is 16 MB
    (folder / "large.json").write_text(json.dumps({"interactionId": "i-large", "notes": notes}))
    db = tmp_path / "w.duckdb"

    assert main(["load", "cxengage", str(folder), "--db", str(db)]) == EXIT_OK

    assert loaded_ids(db) == ["i-good", "i-large"]
    [(size,)] = query(
        db,
        f"select length(record ->> 'notes') from {RAW}"
        " where record ->> 'interactionId' = 'i-large'",
    )
    assert size == len(notes)


def test_an_array_element_larger_than_the_readers_first_buffer_loads(tmp_path: Path) -> None:
    folder = good_and(tmp_path / "in")
    notes = "y" * (20 * 1024 * 1024)  # array elements are read with a 16 MiB buffer first
    small = {"interactionId": "i-small"}
    (folder / "large-array.json").write_text(
        json.dumps([small, {"interactionId": "i-large", "notes": notes}])
    )
    db = tmp_path / "w.duckdb"

    assert main(["load", "cxengage", str(folder), "--db", str(db)]) == EXIT_OK

    assert loaded_ids(db) == ["i-good", "i-large", "i-small"]


def test_deeply_nested_json_is_loaded_or_rejected_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = good_and(tmp_path / "in")
    depth = 100_000
    deep = folder / "deep.json"
    deep.write_text('{"interactionId": "i-deep", "x": ' + "[" * depth + "]" * depth + "}")
    db = tmp_path / "w.duckdb"

    code = main(["load", "cxengage", str(folder), "--db", str(db)])

    out = capsys.readouterr().out
    if code == EXIT_OK:
        assert loaded_ids(db) == ["i-deep", "i-good"]
    else:
        assert code == EXIT_REJECTED
        assert loaded_ids(db) == ["i-good"]
        rejected = [line for line in out.splitlines() if line.startswith("REJECTED")]
        assert len(rejected) == 1 and str(deep.resolve()) in rejected[0]


@pytest.mark.parametrize(
    "name",
    ["it's; drop table raw._load_files; --.json", 'quote"d.json', "back\\slash.json"],
)
def test_file_names_are_data_never_sql(name: str, tmp_path: Path) -> None:
    folder = good_and(tmp_path / "in")
    odd = folder / name
    odd.write_text(json.dumps({"interactionId": "i-odd"}))
    db = tmp_path / "w.duckdb"

    assert main(["load", "cxengage", str(folder), "--db", str(db)]) == EXIT_OK

    assert loaded_ids(db) == ["i-good", "i-odd"]
    paths = {Path(str(p)).name for (p,) in query(db, "select file_path from raw._load_files")}
    assert paths == {"good.json", name}


def test_an_entity_name_with_sql_in_it_is_rejected_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    page = {
        "@odata.context": "https://x/odata/$metadata#Calls",
        "value": [{"conversationId": "c-1"}],
    }
    (folder / "Calls.json").write_text(json.dumps(page))
    hostile = "Calls'; drop table raw._load_files; --"
    bad = {"@odata.context": f"https://x/odata/$metadata#{hostile}", "value": [{"id": 1}]}
    (folder / "bad.json").write_text(json.dumps(bad))
    db = tmp_path / "w.duckdb"

    assert main(["load", "buzzeasy", str(folder), "--db", str(db)]) == EXIT_REJECTED

    out = capsys.readouterr().out
    rejected = next(line for line in out.splitlines() if line.startswith("REJECTED"))
    assert "bad.json" in rejected and "drop table" in rejected
    assert query(db, "select count(*) from raw.buzzeasy__calls") == [(1,)]
    assert query(db, "select count(*) from raw._load_files") == [(2,)]


def test_a_symlink_loop_in_the_input_folder_does_not_hang_or_duplicate(tmp_path: Path) -> None:
    folder = good_and(tmp_path / "in")
    os.symlink(folder, folder / "loop")
    os.symlink(folder / "again", folder / "again")  # a link to itself
    db = tmp_path / "w.duckdb"

    code = main(["load", "cxengage", str(folder), "--db", str(db)])

    assert code in (EXIT_OK, EXIT_REJECTED)
    assert loaded_ids(db) == ["i-good"]


def test_a_group_that_runs_out_of_memory_is_landed_in_halves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many files read at once can exhaust the loader's memory limit: the group is split in
    halves until the parts fit, not read file by file, and every file still lands once."""
    folder = good_and(tmp_path / "in")
    for number in range(15):
        (folder / f"i-{number:02d}.json").write_text(json.dumps({"interactionId": f"i-{number}"}))
    sizes: list[int] = []
    land_group = landing.Loader._land_group

    def at_most_four_files(
        self: landing.Loader, group: list[InputFile], value_limit: int
    ) -> list[landing.FileOutcome]:
        sizes.append(len(group))
        if len(group) > 4:
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate data")
        return land_group(self, group, value_limit)

    monkeypatch.setattr(landing.Loader, "_land_group", at_most_four_files)
    db = tmp_path / "w.duckdb"

    assert main(["load", "cxengage", str(folder), "--db", str(db)]) == EXIT_OK

    assert len(loaded_ids(db)) == 16
    assert sizes == [16, 8, 4, 4, 8, 4, 4]
