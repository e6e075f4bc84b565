"""The generator of the sync facade (:mod:`smartsuite.sync`): ``python -m smartsuite._syncgen``.

It lives apart from :mod:`smartsuite.sync` so that it runs even when the checked-in generated
modules no longer import (after an async name they use was renamed).
"""
