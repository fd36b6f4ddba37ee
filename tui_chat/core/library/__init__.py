"""The model library: the catalog, GGUF files on disk, Hub lookups and downloads."""
