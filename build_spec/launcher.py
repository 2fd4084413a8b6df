"""Frozen-app entry point: the same composition root as the `quorum` script."""

import sys

from ui.main import main

sys.exit(main())
