"""Subcommands of the ``tui-chat`` CLI, one module each."""
