"""The minutes editor: the pieces of the Minutes tab (``app/ui/views/minutes.py`` puts them together)."""
