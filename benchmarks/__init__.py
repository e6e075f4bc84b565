"""Benchmarks: smartsuite against its baselines, measured side by side in one run.

Each module is a script (``python -m benchmarks.decode_sheet`` ...) that prints a table of the
median, min and max over several repetitions and the ratio to the baseline of the same run.
See ``benchmarks/README.md`` for the list, the commands and the latest figures.
"""
