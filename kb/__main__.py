"""`python -m kb` entry point."""
import sys

from kb.cli import main

sys.exit(main())
