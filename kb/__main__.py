"""`python -m kb` entry point."""
import sys

from kb.interfaces.cli import main

sys.exit(main())
