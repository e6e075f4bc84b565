"""Run the long soaks and print their figures.

    python -m tests.soak.run                      # all three, full size
    python -m tests.soak.run smartsheet --rows 100000 --targets 10 --batch-size 100
    python -m tests.soak.run appsheet --rows 20000
    python -m tests.soak.run rm --rows 2000

Exits non-zero when any record is lost, duplicated, wrong or misreported.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from smartsuite.emulator import Emulator

from .appsheet import soak_appsheet
from .harness import SOAK_MIX, SoakReport
from .resource_management import soak_time_entries
from .sheets import soak_sheets

DEFAULTS = {
    "smartsheet": {"rows": 100_000, "targets": 10, "batch_size": 100},
    "appsheet": {"rows": 20_000, "targets": 4, "batch_size": 100},
    "rm": {"rows": 2_000, "targets": 10, "batch_size": 0},
}


async def run_one(service: str, args: argparse.Namespace) -> SoakReport:
    size = dict(DEFAULTS[service])
    for name in size:
        value = getattr(args, name)
        if value is not None:
            size[name] = value
    async with Emulator() as emu:
        with tempfile.TemporaryDirectory(prefix="smartsuite-soak-") as tmp:
            work = Path(tmp)
            if service == "smartsheet":
                return await soak_sheets(
                    emu,
                    work,
                    rows=size["rows"],
                    sheets=size["targets"],
                    mix=SOAK_MIX,
                    seed=args.seed,
                    batch_size=size["batch_size"],
                )
            if service == "appsheet":
                return await soak_appsheet(
                    emu,
                    work,
                    rows=size["rows"],
                    tables=size["targets"],
                    mix=SOAK_MIX,
                    seed=args.seed,
                    batch_size=size["batch_size"],
                )
            return await soak_time_entries(
                emu,
                work,
                rows=size["rows"],
                users=size["targets"],
                projects=5,
                mix=SOAK_MIX,
                seed=args.seed,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services", nargs="*", metavar="SERVICE", help=", ".join(DEFAULTS))
    parser.add_argument("--rows", type=int, help="records in all")
    parser.add_argument("--targets", type=int, help="sheets / tables (RM: users)")
    parser.add_argument("--batch-size", type=int, dest="batch_size", help="rows per request")
    parser.add_argument("--seed", type=int, default=1, help="the fault mix's random seed")
    args = parser.parse_args(argv)
    unknown = [s for s in args.services if s not in DEFAULTS]
    if unknown:
        parser.error(f"unknown service {unknown[0]!r}; use {', '.join(DEFAULTS)}")
    clean = True
    for service in args.services or list(DEFAULTS):
        report = asyncio.run(run_one(service, args))
        print("\n".join(report.lines()), flush=True)
        print(flush=True)
        clean = clean and report.verification.clean
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
