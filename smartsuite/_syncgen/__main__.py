"""``python -m smartsuite._syncgen``: regenerate the sync facade (``--check``: report only)."""

from .generate import main

if __name__ == "__main__":  # importing this module (a package walk) runs nothing
    raise SystemExit(main())
