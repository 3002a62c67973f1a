"""common.termination and common.terminal: clean stops, and text that cannot drive a terminal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common import termination
from dialogue_cli.common.terminal import json_printable, printable, without_controls
from dialogue_cli.common.termination import (
    Terminated,
    exit_status,
    killed_on_termination,
    signals_unwind,
)

POSIX = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
CONTROLS = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} | {
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
}


# ---------------------------------------------------------------- terminal text


def test_json_printable_keeps_the_data_and_escapes_what_a_terminal_acts_on() -> None:
    data = {"nom": "Ville\x1b]0;pwned\x07 \x9b31m \u202eevil \x7f « é »"}
    text = json_printable(json.dumps(data, ensure_ascii=False, indent=2))
    assert "\\u009b" in text and "\\u202e" in text and "\\u007f" in text
    assert "« é »" in text  # readable text stays as it is
    assert not CONTROLS & set(text) - {"\n"}
    assert json.loads(text) == data


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_printable_never_changes_the_data(data: object) -> None:
    text = json_printable(json.dumps(data, ensure_ascii=False, indent=2))
    assert json.loads(text) == data
    assert not CONTROLS & set(text) - {"\n"}


@given(st.text())
def test_without_controls_leaves_no_control(text: str) -> None:
    assert not CONTROLS & set(without_controls(text))
    kept = without_controls(text, keep_newlines=True)
    assert not CONTROLS & set(kept) - {"\n"}
    assert "\r" not in kept


def test_without_controls_by_hand() -> None:
    assert without_controls("Salle\x1b[2J des\tfêtes\r\nétage\x07") == "Salle[2J des fêtes étage"
    assert without_controls("l1\r\nl2\rl3\x00", keep_newlines=True) == "l1\nl2\nl3"
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"


# ---------------------------------------------------------------- signals


@POSIX
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_kills_the_registered_children_then_unwinds(signum: int) -> None:
    killed: list[str] = []
    cleaned: list[str] = []
    before = signal.getsignal(signum)
    child = killed_on_termination(lambda: killed.append("chart child"))
    with pytest.raises(Terminated) as caught, signals_unwind(), child:
        try:
            os.kill(os.getpid(), signum)
            time.sleep(5)  # interrupted by the handler at once
        finally:
            cleaned.append("scratch folder")
    assert caught.value.signum == signum
    assert exit_status(signum) == 128 + signum
    assert killed == ["chart child"] and cleaned == ["scratch folder"]
    assert signal.getsignal(signum) is before, "the previous handler is back"
    assert termination._cleanups == {}


@POSIX
def test_sigint_unwinds_as_keyboard_interrupt_and_a_second_signal_does_not_cut_the_cleanup() -> (
    None
):
    cleaned = []
    with pytest.raises(KeyboardInterrupt), signals_unwind():
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # a second signal while cleaning up
            cleaned.append("done")
    assert cleaned == ["done"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_a_child_dies_with_its_parent_even_after_kill_9(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, signal, sys, time
        from dialogue_cli.common.termination import reset_in_child
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            reset_in_child(parent)
            time.sleep(60)
            os._exit(0)
        print(pid, flush=True)
        time.sleep(0.5)
        os.kill(parent, signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == -signal.SIGKILL
    child = int(result.stdout)
    assert _dead(child), "the child outlived its parent"


def _dead(pid: int, wait: float = 5.0) -> bool:
    """True when ``pid`` is gone or a zombie (killed, not reaped by an init that does not reap)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False
