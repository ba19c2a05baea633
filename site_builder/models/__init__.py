"""Typed models of the agency's content (by topic) and of the assessment catalogs (by year)."""
