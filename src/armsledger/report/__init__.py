"""The self-contained HTML report, and the read models the web app shares with it."""

from armsledger.report.build import render_report, write_report

__all__ = ["render_report", "write_report"]
