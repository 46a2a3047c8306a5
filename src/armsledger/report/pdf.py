"""A PDF of the report through the system's headless Chromium (Debian's `chromium`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from armsledger.errors import ArmsledgerError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = "install it with `sudo apt-get install chromium`"
# Flags for a browser that must not reach the network or a display while it prints.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
PRINT_TIMEOUT_S = 120


def find_chromium() -> Path | None:
    """The first Chromium on PATH, else Debian's fixed location."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    debian = Path("/usr/bin/chromium")
    return debian if debian.exists() else None


def print_pdf(html_path: Path, pdf_path: Path, chromium: Path | None = None) -> Path:
    """Print `html_path` to `pdf_path`; raises ArmsledgerError naming the file on failure."""
    browser = chromium or find_chromium()
    if browser is None:
        raise ArmsledgerError(f"{pdf_path}: no Chromium found to print the PDF; {INSTALL_HINT}")
    command = [
        str(browser),
        *CHROMIUM_FLAGS,
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf_path.resolve()}",
        html_path.resolve().as_uri(),
    ]
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=PRINT_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        problem = f"Chromium could not print the report ({error})"
        raise ArmsledgerError(f"{pdf_path}: {problem}") from error
    if completed.returncode != 0 or not pdf_path.exists():
        last_line = (completed.stderr.strip().splitlines() or ["no message"])[-1]
        raise ArmsledgerError(f"{pdf_path}: Chromium could not print the report ({last_line})")
    return pdf_path
