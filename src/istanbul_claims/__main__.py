"""`python -m istanbul_claims` runs the `claims` command line."""

from .cli import run

run()
