"""Kamerdossier: annotated, cross-linked pages from Dutch parliamentary letters."""
