"""`python -m cli …`: the same as the `decisions` command."""

import sys

from .main import main

sys.exit(main())
