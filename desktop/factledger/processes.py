"""Whether another process is still running: shared by every layer that cleans up after a killed one."""

from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    """True when `pid` runs (or cannot be signalled by us, which also means it exists).

    Temporary files carry their writer's process id; one left by a process that is gone (killed with -9)
    can be removed, one of a live writer must be left alone.
    """
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
