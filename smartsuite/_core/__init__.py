"""The shared transport core. Knows HTTP; knows nothing about any one service."""
