"""`python -m generator`: the same as the `kamerdossier` command."""

import sys

from generator.cli import main

sys.exit(main())
