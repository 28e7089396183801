"""`python -m istanbul_claims` runs the `claims` command line."""

from .fastpath import main

main()
