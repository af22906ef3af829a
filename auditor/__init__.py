"""auditor: source-reliability and translation-artifact auditing for news text."""

__version__ = "0.1.0"
