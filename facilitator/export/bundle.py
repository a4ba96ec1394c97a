"""The zip export: the JSON export plus every attached file, so an import on another laptop restores both.

``event.json`` is byte for byte the JSON export; ``evidence/<sha256>`` holds each file once. An import
checks every file against its name's digest before anything is written, merges the rows, then keeps
the files; a file missing from the zip or not matching its digest is reported in one line.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from facilitator.domain.clock import local_time
from facilitator.domain.evidence import MAX_BYTES, SHA256
from facilitator.export import files, json_format
from facilitator.export.json_format import BadFile
from facilitator.export.records import EventRecords, Row

JSON_NAME = "event.json"
FOLDER = "evidence/"
# The JSON inside may be as large as a JSON export can be; past this it is not one of ours.
JSON_MAX = 512 * 1024 * 1024


def is_bundle(path: Path) -> bool:
    try:
        return path.is_file() and zipfile.is_zipfile(path)
    except OSError:
        return False


def write(path: Path, json_text: str, evidence: Iterable[Row], read_file: Callable[[str], bytes | None], now: datetime) -> Path:
    """The zip at ``path``: the JSON, then each file there is, in digest order, stamped ``now`` (local)."""
    stamp = local_time(now).timetuple()[:6]
    digests = sorted({str(row["sha256"]) for row in evidence})

    def write_zip(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo(JSON_NAME, date_time=stamp), json_text.encode("utf-8"), zipfile.ZIP_DEFLATED)
            for sha in digests:
                data = read_file(sha)
                if data is not None:  # a file merged without its bytes stays missing; the import says so
                    archive.writestr(zipfile.ZipInfo(FOLDER + sha, date_time=stamp), data, zipfile.ZIP_DEFLATED)

    return files.write_atomically(path, write_zip)


def read(path: Path) -> tuple[EventRecords, dict[str, bytes], list[str]]:
    """The records, the files whose bytes match their digest, and the names of those that do not."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist()}
            info = members.get(JSON_NAME)
            if info is None:
                raise BadFile(f"{name} is a zip without {JSON_NAME}: not a facilitator zip export; nothing imported.")
            if info.file_size > JSON_MAX:
                raise BadFile(f"{name}: {JSON_NAME} is too large to be a facilitator export; nothing imported.")
            records = json_format.from_bytes(archive.read(info), f"{name} ({JSON_NAME})")
            wanted = {str(row.get("sha256")) for row in records.rows("evidence")}
            kept: dict[str, bytes] = {}
            mismatched: list[str] = []
            for sha in sorted(wanted):
                member = members.get(FOLDER + sha)
                if member is None or not SHA256.match(sha):
                    continue
                if member.file_size > MAX_BYTES:
                    mismatched.append(sha)
                    continue
                data = archive.read(member)
                if _digest(data) == sha:
                    kept[sha] = data
                else:
                    mismatched.append(sha)
    except zipfile.BadZipFile as error:
        raise BadFile(f"{name} is a damaged zip ({error}); nothing imported.") from None
    except (OSError, EOFError, zipfile.LargeZipFile) as error:
        raise BadFile(f"Cannot read {name}: {getattr(error, 'strerror', None) or error}; nothing imported.") from None
    return records, kept, mismatched


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def named_files(records: EventRecords) -> dict[str, str]:
    """Each attached file's digest and the name it was first attached under, in the records' order."""
    names: dict[str, str] = {}
    for row in records.rows("evidence"):
        names.setdefault(str(row["sha256"]), str(row["original_name"]))
    return names


def restore(evidence_repository, names: dict[str, str], kept: dict[str, bytes], mismatched: list[str], *, from_zip: bool) -> str:
    """Keep the files that came with the import; one line about any file still not here (else empty)."""
    restored = 0
    for sha, data in kept.items():
        if not evidence_repository.has_file(sha):
            evidence_repository.store_bytes(sha, data)
            restored += 1
    bad = [sha for sha in mismatched if not evidence_repository.has_file(sha)]
    missing = [sha for sha in names if sha not in bad and not evidence_repository.has_file(sha)]
    parts = []
    if restored:
        parts.append(f"{_files(restored)} restored")
    if bad:
        parts.append(f"{_files(len(bad))} not matching the sha256 they are filed under, not kept: {_list(bad, names)}")
    if missing:
        where = "missing from the zip" if from_zip else "not here (the zip export carries them)"
        parts.append(f"{_files(len(missing))} {where}: {_list(missing, names)}")
    if not bad and not missing:
        return f"Evidence: {parts[0]}, each checked against its sha256." if parts else ""
    return "Evidence: " + "; ".join(parts) + "."


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def _list(digests: list[str], names: dict[str, str]) -> str:
    shown = [f"{names.get(sha, 'file')} {sha[:8]}" for sha in digests[:3]]
    return ", ".join(shown) + (f" and {len(digests) - 3} more" if len(digests) > 3 else "")
