"""Frozen-app entry point: the same composition root as the `quorum` script."""

import multiprocessing
import sys

from ui.main import main

if __name__ == "__main__":
    # A frozen app's worker processes (parsing, page text, page drawing) start this same executable:
    # freeze_support turns such a start into the worker it was meant to be, instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
