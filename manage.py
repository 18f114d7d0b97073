#!/usr/bin/env python
import sys

from renja.cli import manage_main

if __name__ == "__main__":
    sys.exit(manage_main(sys.argv))
