"""``python -m accord.names.evalset``: print the evaluation set as CSV on standard output."""

import sys

from accord.names.evalset import generate_pairs, to_csv

sys.stdout.write(to_csv(generate_pairs()))
