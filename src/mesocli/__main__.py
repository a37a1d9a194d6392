"""``python -m mesocli``: Ctrl-C at any moment, even while mesocli is still loading, ends it with
"interrupted" and exit code 130, never a traceback."""

import contextlib
import os
import sys

if __name__ == "__main__":
    try:
        from mesocli.cli.app import main

        main()
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            os.write(2, b"mesocli: interrupted\n")
        sys.exit(130)
