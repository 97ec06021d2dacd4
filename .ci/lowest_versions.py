"""Print the lowest version of every runtime dependency that pyproject.toml declares, as pins.

With `--test`, print the test extra's requirements as declared instead (installed beside the
pins with `-c`, so nothing they pull in lifts a runtime dependency above its floor).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
if "--test" in sys.argv:
    print("\n".join(project["optional-dependencies"]["test"]))
else:
    for requirement in project["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([^,;\s]+).*", requirement)
        if not match:
            sys.exit(f"lowest_versions: {requirement!r} declares no lower bound (>=)")
        print(f"{match[1]}=={match[2]}")
