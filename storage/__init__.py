"""Where the index is kept and read: one interface (`base.Store`) and its backends (`local.py`)."""
