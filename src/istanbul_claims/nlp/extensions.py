"""The Doc extensions our components fill. Plain data only: offsets, strings, numbers, dicts."""

from spacy.tokens import Doc

# name -> default factory; every value is a list of dicts except `reference` (an ISO date or None).
FIELDS = ("actors", "sentences", "dates", "proposals", "figures")


def register() -> None:
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)
    for name in FIELDS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
