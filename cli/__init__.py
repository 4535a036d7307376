"""The `decisions` command, the top floor: it may import every package; none imports it."""
