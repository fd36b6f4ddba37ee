"""Package data: the router example set."""
