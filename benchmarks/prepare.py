"""Write the docs and config of the equivalent floor or of the peer, in a process of its own.

`run.py` starts every timed build from its own process, and on Linux a child's peak
memory (`ru_maxrss`) can't read below the high-water mark of the process it was
started from. Reading the equivalent floor's record (every page's HTML) in `run.py`
itself would raise that mark above the floors' own peaks, so it is done here.

    python benchmarks/prepare.py equivalent|peer SITE_ROOT POSTS [splice|markdown]
"""

from __future__ import annotations

import sys
from pathlib import Path

from equivalent import MODES, write_equivalent
from peer import write_peer
from synthetic import SyntheticSite


def main(argv: list[str]) -> int:
    variant, root, posts = argv[:3]
    mode = argv[3] if len(argv) > 3 else MODES[0]
    site = SyntheticSite(Path(root), int(posts))
    if variant == "equivalent":
        write_equivalent(site, mode)
    elif variant == "peer":
        write_peer(site)
    else:
        raise SystemExit(f"prepare.py: no variant {variant!r} to write (equivalent or peer)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
