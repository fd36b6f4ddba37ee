"""The Textual-free core: config, catalog, backends, chat flow, storage.

Nothing under this package may import textual or rich (a test checks it).
"""
