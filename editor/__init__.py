"""Tools for editors that are not part of a build: `invoke new` (scaffold) lives here."""
