"""The ``smartsuite`` command (install the ``cli`` extra: ``pip install "smartsuite[cli]"``).

Only this package imports typer and rich, so the library itself works without them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``smartsuite`` command line.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).

    Returns:
        The process exit code: 0 on success, 1 when any row failed or the job failed, 2 for
        usage errors.
    """
    try:
        from .app import build_app
    except ImportError as exc:  # typer / rich are optional
        sys.stderr.write(
            f"the smartsuite command needs its extra ({exc.name} is missing): "
            'pip install "smartsuite[cli]"\n'
        )
        return 2
    app = build_app()
    try:
        app(args=list(argv) if argv is not None else None, prog_name="smartsuite")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


__all__ = ["main"]
