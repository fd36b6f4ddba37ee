"""Screens: help, diagnostics, settings, confirm."""
