"""``python -m smartsuite._syncgen``: regenerate the sync facade (``--check``: report only)."""

from .generate import main

raise SystemExit(main())
