"""Rendering the project's HTML pages in headless Chromium (Debian's `chromium`, installed by
`make setup-browser`), as a reader's browser would, from file:// with no server."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class Rendered:
    dom: str
    # Every message the page wrote to the browser console (errors, uncaught exceptions).
    console: list[str]


def render(url: str, width: int = 1280, height: int = 900) -> Rendered:
    """The DOM after the page's scripts ran, and what they wrote to the console."""
    chromium = shutil.which("chromium")
    assert chromium, "chromium is not installed: run `make setup-browser`"
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--window-size={width},{height}",
            "--virtual-time-budget=5000",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return Rendered(done.stdout, console)
