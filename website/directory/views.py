"""Public views of the activity directory (being written)."""
