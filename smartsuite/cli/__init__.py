"""The ``smartsuite`` command (install the ``cli`` extra: ``pip install "smartsuite[cli]"``).

Only this package imports typer and rich, so the library itself works without them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``smartsuite`` command line.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).

    Returns:
        The process exit code: 0 ok, 1 some rows failed or are unknown, 2 bad input or
        configuration, 3 authentication or permission, 4 network, server unavailable or rate
        limit exhausted, 130 interrupted.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        from ._clickapi import UsageError
        from ._errors import error_json
        from .app import build_app
    except ImportError as exc:  # typer / rich are optional
        sys.stderr.write(
            f"the smartsuite command needs its extra ({exc.name} is missing): "
            'pip install "smartsuite[cli]"\n'
        )
        return 2
    app = build_app()
    if "--json" not in args:
        try:
            app(args=args, prog_name="smartsuite")
        except SystemExit as exit_:
            code = exit_.code
            return code if isinstance(code, int) else (0 if code is None else 1)
        return 0
    try:  # usage errors become JSON too
        code = app(args=args, prog_name="smartsuite", standalone_mode=False)
    except UsageError as exc:
        sys.stdout.write(json.dumps(error_json(exc)) + "\n")
        return 2
    return code if isinstance(code, int) else 0


__all__ = ["main"]
