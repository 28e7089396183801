"""istanbul-claims: where news sources about one event agree, and where they contradict each other."""

__version__ = "0.1.0"
