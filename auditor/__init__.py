"""auditor: source-reliability and translation-artifact auditing for news text."""

__version__ = "0.1.0"

__all__ = ["__version__", "audit"]


def __getattr__(name: str):
    # ``from auditor import audit`` without importing the engine on ``import auditor``
    # (the CLI imports this package first and must start fast).
    if name == "audit":
        from auditor.api import audit

        return audit
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
