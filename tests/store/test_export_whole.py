"""An export that fails part-way (disk full, Ctrl-C) leaves the previous export whole, or no file: never a
truncated JSONL/CSV/Parquet file that a reader would take as the whole table."""

import pytest

from storytrace.store import export
from tests.report.test_write_whole import _disk_fills_up_in, _page


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_failing_part_way_keeps_the_previous_file(tmp_path, monkeypatch, fmt):
    path = tmp_path / f"pages.{fmt}"
    assert export([_page(1)], path, fmt) == 1
    before = path.read_bytes()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        real_write_table = pq.write_table

        def stopped(table, where, **kwargs):
            real_write_table(table.slice(0, 1), where, **kwargs)
            raise KeyboardInterrupt

        monkeypatch.setattr(pq, "write_table", stopped)
        with pytest.raises(KeyboardInterrupt):
            export([_page(i) for i in range(3)], path, fmt)
    else:
        _disk_fills_up_in(monkeypatch, "")
        with pytest.raises(OSError, match="No space"):
            export([_page(i) for i in range(3)], path, fmt)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_failing_first_time_leaves_no_file(tmp_path, monkeypatch, fmt):
    path = tmp_path / "out" / f"pages.{fmt}"
    _disk_fills_up_in(monkeypatch, "")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        def half_written(table, where, **kwargs):
            with open(where, "wb") as out:
                out.write(b"PAR1")  # the magic bytes, and no more: the disk is full
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(pq, "write_table", half_written)
    with pytest.raises(OSError, match="No space"):
        export([_page(i) for i in range(3)], path, fmt)
    monkeypatch.undo()
    assert list(path.parent.iterdir()) == []
