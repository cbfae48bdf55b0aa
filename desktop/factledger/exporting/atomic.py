"""Writing an export to a temporary file next to its target and renaming it into place only on success."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from factledger.domain import UserError
from factledger.processes import process_alive

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


@contextlib.contextmanager
def atomic_text_file(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Yield a text file that becomes `path` only if the `with` block finishes without an exception.

    The temporary file lives in the target's own folder so the final `os.replace` is an atomic rename on
    one file system: readers see either the old file or the complete new one, never half a file. On any
    exception (a cancel, a failing row source, a full disk) the temporary file is removed and an existing
    file at `path` is left exactly as it was. Newlines are written untranslated (`newline=""`): each
    writer chooses its own line ending.
    """
    target = Path(path)
    if target.is_dir():
        raise UserError(f"'{target}' is a folder; choose a file name to export to.")
    temp, handle = _create_temp(target, encoding=encoding)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temp, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        if isinstance(error, OSError) and error.errno in _DISK_FULL:
            raise UserError(
                f"The disk is full; free some space or export elsewhere than '{target}'."
            ) from error
        raise


def _put_in_place(temp: Path, target: Path) -> None:
    """Rename the finished file over the target, keeping the permissions someone gave the old file."""
    try:
        if target.exists():
            shutil.copymode(target, temp)
        os.replace(temp, target)
    except PermissionError as error:
        raise UserError(f"Cannot replace '{target}': permission denied; choose another file name.") from error


def clean_stale_temps(target: Path) -> list[Path]:
    """Remove the hidden temporary files that exports to `target` killed mid-way left behind.

    A temporary file names the process writing it, so one still being written by a live export (in this
    or another process) is left alone; one from a dead process is a leftover. Files of the older naming,
    without a process id, are removed once they are an hour old.
    """
    removed: list[Path] = []
    prefix = f".{target.name}."
    try:
        entries = [
            e for e in target.parent.iterdir() if e.name.startswith(prefix) and e.name.endswith(".part")
        ]
    except OSError:
        return removed
    for entry in entries:
        middle = entry.name[len(prefix) : -len(".part")]
        pid_text, _, token = middle.partition("-")
        try:
            stale = (
                not process_alive(int(pid_text))
                if token
                else time.time() - entry.stat().st_mtime > _OLD_TEMP_SECONDS
            )
        except (ValueError, OSError):
            continue
        if stale:
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


_OLD_TEMP_SECONDS = 3600


def _create_temp(target: Path, *, encoding: str) -> tuple[Path, TextIO]:
    """Create a fresh hidden file beside `target`, with the user's umask (not mkstemp's 0600); first
    remove what killed exports to the same target left."""
    folder = target.parent
    clean_stale_temps(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = folder / f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}.part"
        try:
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        except FileNotFoundError as error:
            raise UserError(f"The folder '{folder}' does not exist; choose an existing folder.") from error
        except PermissionError as error:
            raise UserError(
                f"Cannot write to the folder '{folder}'; choose a folder you can write to."
            ) from error
        except OSError as error:
            if error.errno == errno.EROFS:
                raise UserError(f"The folder '{folder}' is read-only; choose another folder.") from error
            raise
        # A large buffer: an export writes many small rows, and each flush is a system call.
        return temp, open(fd, "w", encoding=encoding, newline="", buffering=1 << 20)
    raise FileExistsError(f"could not create a unique temporary file in {folder}")
