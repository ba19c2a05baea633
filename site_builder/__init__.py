"""Build the ITA transparency section of a Thai agency's website from YAML."""
