import sys

from nkcase.cli import main

sys.exit(main())
