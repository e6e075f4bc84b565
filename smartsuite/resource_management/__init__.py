"""The Resource Management by Smartsheet (10,000ft API v1) client."""

from .client import DEFAULT_BASE_URL, ResourceManagementClient
from .models import *  # noqa: F403 - the models are part of this package's surface
from .models import __all__ as _models_all
from .receiver import parse_webhook

__all__ = ["DEFAULT_BASE_URL", "ResourceManagementClient", "parse_webhook", *_models_all]
