from tests.core.support import server

__all__ = ["server"]
