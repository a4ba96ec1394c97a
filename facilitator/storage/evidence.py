"""Evidence files and their rows: a file is copied once into ``evidence/<sha256>``, a row points at it.

The copy is written to a temporary name, hashed as it is read, and moved into place only when complete,
so a half-copied photo is never taken for a whole one. The same content attached again finds its file
already there and writes only a row.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.errors import UserError
from facilitator.domain.evidence import MAX_BYTES, SHA256, Evidence, ItemKind, clean_caption, clean_name, human_size, media_type
from facilitator.storage.errors import NotFound, saving

_CHUNK = 1024 * 1024


class EvidenceRepository:
    def __init__(self, db: Database, clock: Clock, folder: Path) -> None:
        self.db = db
        self.clock = clock
        self.folder = folder

    # Files -----------------------------------------------------------------------------------------

    def file_path(self, sha256: str) -> Path:
        if not SHA256.match(sha256):
            raise UserError(f"{sha256!r} is not a SHA-256 digest.")
        return self.folder / sha256

    def has_file(self, sha256: str) -> bool:
        return SHA256.match(sha256) is not None and self.file_path(sha256).is_file()

    def read_file(self, sha256: str) -> bytes | None:
        """The file's bytes if it is here and still matches its digest, else None."""
        try:
            data = self.file_path(sha256).read_bytes()
        except (OSError, UserError):
            return None
        return data if hashlib.sha256(data).hexdigest() == sha256 else None

    def store_bytes(self, sha256: str, data: bytes) -> bool:
        """Keep ``data`` as the file for ``sha256`` (an import); False if the bytes do not match it."""
        if hashlib.sha256(data).hexdigest() != sha256:
            return False
        if self.read_file(sha256) is None:
            self._place([data])
        return True

    def _place(self, chunks: Iterable[bytes]) -> tuple[str, int]:
        """Write ``chunks`` to a temporary file in the folder, hashing them; move it to its digest's name."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=self.folder)
        except OSError as error:
            raise UserError(f"Cannot write in {self.folder}: {error.strerror or error}; nothing attached.") from None
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if self.read_file(sha) is not None:
                Path(temporary).unlink(missing_ok=True)  # the same content is already kept: one file
            else:
                os.replace(temporary, self.folder / sha)
            return sha, size
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise UserError(f"Cannot copy into {self.folder}: {error.strerror or error}; nothing attached.") from None
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    # Rows ------------------------------------------------------------------------------------------

    def attach(self, event_id: str, kind: ItemKind | str, item_id: str, path: Path | str, caption: str = "") -> Evidence:
        """Copy the file at ``path`` in and attach it to the item; one line and no change if anything is wrong."""
        kind = _kind(kind)
        caption = clean_caption(caption)
        self._check_item(event_id, kind, item_id)
        source = readable_file(path)
        try:
            with source.open("rb") as handle:
                sha, size = self._place(_chunks(handle))
        except PermissionError:
            raise UserError(f"Cannot read {source}: permission denied; nothing attached.") from None
        except OSError as error:
            raise UserError(f"Cannot read {source}: {error.strerror or error}; nothing attached.") from None
        evidence = Evidence(
            event_id=event_id, item_kind=kind, item_id=item_id, sha256=sha, original_name=clean_name(source.name),
            size=size, media_type=media_type(source.name), attached_at=self.clock.now(), caption=caption,
        )
        return self.add(evidence, file_kept=True)

    def add(self, evidence: Evidence, *, file_kept: bool = False) -> Evidence:
        """The row for a file already kept (``attach`` copies it in first; the demo stores its own).

        ``file_kept``: the file must still be there once the row is written, under the write lock; a
        file nothing referred to may have been cleaned by another process since it was copied in.
        """
        with saving("the evidence"), self.db.atomic():
            self._check_item(evidence.event_id, evidence.item_kind, evidence.item_id)
            self.db["evidence"].insert(_row(evidence))
            if file_kept and not self.has_file(evidence.sha256):
                raise UserError(f"The copy of {evidence.original_name} was cleaned up meanwhile; attach it again.")
        return evidence

    def _check_item(self, event_id: str, kind: ItemKind, item_id: str) -> None:
        table = kind.table
        if table not in self.db.table_names():
            raise NotFound(f"There are no {kind.value}s in this database yet; nothing attached.")
        has_event = "event_id" in {column.name for column in self.db[table].columns}
        sql = f"select 1 from [{table}] where id = ?" + (" and event_id = ?" if has_event else "")
        if not list(self.db.query(sql, [item_id, event_id] if has_event else [item_id])):
            raise NotFound(f"No {kind.value} {item_id[:8]} in this event; nothing attached.")

    def detach(self, evidence_id: str) -> None:
        """Remove the row; its file goes too once no row refers to it (storage/evidence_release.py)."""
        with saving("the removal"), self.db.atomic():
            self.db.execute("delete from evidence where id = ?", [evidence_id])

    def for_item(self, kind: ItemKind | str, item_id: str) -> list[Evidence]:
        rows = self.db.query(
            "select * from evidence where item_kind = ? and item_id = ? order by attached_at, rowid", [_kind(kind).value, item_id]
        )
        return [_evidence(row) for row in rows]

    def for_event(self, event_id: str) -> list[Evidence]:
        rows = self.db.query("select * from evidence where event_id = ? order by attached_at, rowid", [event_id])
        return [_evidence(row) for row in rows]

    def counts(self, event_id: str, kind: ItemKind | str) -> dict[str, int]:
        """Item id -> how many files are attached to it."""
        rows = self.db.query(
            "select item_id, count(*) as n from evidence where event_id = ? and item_kind = ? group by item_id",
            [event_id, _kind(kind).value],
        )
        return {row["item_id"]: row["n"] for row in rows}

    def missing(self, event_id: str) -> list[Evidence]:
        """Rows whose file is not in the folder (e.g. merged from a JSON export without its files)."""
        return [item for item in self.for_event(event_id) if not self.has_file(item.sha256)]


def readable_file(path: Path | str) -> Path:
    """The file at ``path`` (quotes from a drag-and-drop and ``~`` allowed), or one line saying why not."""
    text = str(path).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    if not text:
        raise UserError("Type the path of a file to attach.")
    source = Path(text).expanduser()
    try:
        info = source.stat()
    except FileNotFoundError:
        raise UserError(f"{source} does not exist; nothing attached.") from None
    except PermissionError:
        raise UserError(f"Cannot read {source}: permission denied; nothing attached.") from None
    except OSError as error:
        raise UserError(f"Cannot read {source}: {error.strerror or error}; nothing attached.") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{source} is a folder; attach a file.")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{source} is not a regular file; nothing attached.")
    if info.st_size > MAX_BYTES:
        raise UserError(
            f"{source.name} is {human_size(info.st_size)}; at most {human_size(MAX_BYTES)} can be attached. Nothing attached."
        )
    if not os.access(source, os.R_OK):
        raise UserError(f"Cannot read {source}: permission denied; nothing attached.")
    return source


def _chunks(handle) -> Iterator[bytes]:
    read = 0
    while chunk := handle.read(_CHUNK):
        read += len(chunk)
        if read > MAX_BYTES:  # the file grew after it was measured
            raise UserError(f"The file grew past {human_size(MAX_BYTES)} while being copied; nothing attached.")
        yield chunk


def _kind(kind: ItemKind | str) -> ItemKind:
    try:
        return ItemKind(kind)
    except ValueError:
        raise UserError(f"Evidence attaches to {', '.join(k.value for k in ItemKind)}; not {kind!r}.") from None


def _row(evidence: Evidence) -> dict[str, Any]:
    return {
        "id": evidence.id, "event_id": evidence.event_id, "item_kind": evidence.item_kind.value,
        "item_id": evidence.item_id, "sha256": evidence.sha256, "original_name": evidence.original_name,
        "size": evidence.size, "media_type": evidence.media_type, "caption": evidence.caption,
        "attached_at": to_iso(evidence.attached_at),
    }


def _evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(
        id=row["id"], event_id=row["event_id"], item_kind=ItemKind(row["item_kind"]), item_id=row["item_id"],
        sha256=row["sha256"], original_name=row["original_name"], size=row["size"], media_type=row["media_type"],
        attached_at=from_iso(row["attached_at"]), caption=row["caption"] or "",
    )
