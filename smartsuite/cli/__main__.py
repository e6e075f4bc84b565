"""``python -m smartsuite.cli``: the ``smartsuite`` command (used to start the background
emulator with the same interpreter)."""

import sys

from . import main

sys.exit(main())
