"""The secret behind ``--keep-contributor-hash``: one random salt per engagement folder.

Stored in ``.dialogue-salt`` beside ``engagement.yaml`` (readable by its owner only), so that
importing the same export again gives the same hashes, and two exports of one platform count a
contributor once. Without the salt, a hash cannot be matched to an e-mail by trying candidates;
deleting the file makes new hashes unlinkable to earlier ones. Never send it with the files.
"""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path

from ..common.atomic import write_atomic
from ..common.errors import FileProblem
from ..common.files import display_name, read_bytes

FILENAME = ".dialogue-salt"


def salt_for(base_dir: Path) -> bytes:
    """The folder's salt, created (32 random bytes, hex) the first time it is needed."""
    path = base_dir / FILENAME
    if path.exists():
        text = read_bytes(path, display_name(path), "manifest").strip()
        if len(text) < 32:
            raise FileProblem(f"{display_name(path)}: not a salt written by dialogue; delete it")
        return text
    value = secrets.token_hex(32).encode()
    write_atomic(path, value + b"\n")
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    return value
