"""Keep generated sections of our Markdown docs up to date, leaving the rest alone."""

from __future__ import annotations

from pathlib import Path

__all__ = ["replace_section"]


def replace_section(path: Path, heading: str, body: str) -> None:
    """Replace the section under ``heading`` (e.g. ``"## Throughput"``) with ``body``.

    The section runs to the next heading of the same or a higher level.  A
    missing section is appended; a missing file is created with a title.
    """
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else [f"# {path.stem.title()}", ""]
    level = len(heading) - len(heading.lstrip("#"))
    start = next((i for i, line in enumerate(lines) if line.strip() == heading), None)
    new = [heading, "", *body.rstrip("\n").splitlines(), ""]
    if start is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines.extend(new)
    else:
        end = start + 1
        while end < len(lines):
            stripped = lines[end].lstrip()
            hashes = len(stripped) - len(stripped.lstrip("#"))
            if stripped.startswith("#") and 0 < hashes <= level and stripped[hashes : hashes + 1] == " ":
                break
            end += 1
        lines[start:end] = new
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
