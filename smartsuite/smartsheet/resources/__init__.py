"""Smartsheet resource namespaces, one module per API noun."""
