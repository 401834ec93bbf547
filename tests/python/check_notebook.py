"""Executes the example notebook as a user would and checks what they see.

  check_notebook.py NOTEBOOK WORKDIR JUPYTER

Runs `jupyter nbconvert --to notebook --execute`, then reads the executed
.ipynb: it fails when a cell has an error, anything on stderr or any warning
text, when no cell shows a PNG image (the chart, drawn inline), or when the
search results show no marked match; and `--to html` of the executed
notebook must embed that image.
"""

import base64
import json
import os
import struct
import subprocess
import sys


def main() -> int:
    notebook, workdir, jupyter = sys.argv[1:4]
    if not os.path.exists(jupyter):
        print(f"jupyter not found ({jupyter}): install Debian's jupyter-nbconvert")
        return 1
    os.makedirs(workdir, exist_ok=True)
    # A first matplotlib import may build its font cache and say so on stderr:
    # do that here, not inside the notebook.
    import matplotlib.font_manager  # noqa: F401

    name = os.path.splitext(os.path.basename(notebook))[0]
    subprocess.run(
        [jupyter, "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.timeout=120", "--output-dir", workdir, notebook],
        check=True)
    return check_executed(os.path.join(workdir, name + ".ipynb"), workdir, [jupyter])


def check_executed(executed: str, workdir: str, jupyter: list) -> int:
    """Checks the executed notebook @p executed; @p jupyter runs Jupyter (exports to HTML)."""
    name = os.path.splitext(os.path.basename(executed))[0]
    with open(executed, encoding="utf-8") as f:
        cells = json.load(f)["cells"]

    problems, pngs, marks = [], [], 0
    for number, cell in enumerate(cells):
        for out in cell.get("outputs", []):
            kind = out["output_type"]
            if kind == "error":
                problems.append(f"cell {number}: {out['ename']}: {out['evalue']}")
            elif kind == "stream" and out["name"] == "stderr":
                problems.append(f"cell {number} wrote to stderr: {''.join(out['text'])!r}")
            data = out.get("data", {})
            text = "".join(out.get("text", [])) + "".join(data.get("text/plain", []))
            if "Warning" in text or "warning" in text:
                problems.append(f"cell {number} shows a warning: {text!r}")
            if "image/png" in data:
                pngs.append(base64.b64decode(data["image/png"]))
            marks += "<mark>" in "".join(data.get("text/html", []))
    if not pngs:
        problems.append("no cell shows a PNG image: the chart is not drawn inline")
    for png in pngs:
        if png[:8] != b"\x89PNG\r\n\x1a\n":
            problems.append("an image/png output is not a PNG")
            continue
        width, height = struct.unpack(">II", png[16:24])
        print(f"chart: {width}x{height} PNG, {len(png)} bytes")
        if width < 300 or height < 200:
            problems.append(f"the chart is only {width}x{height}")
    if not marks:
        problems.append("no search result shows a <mark>ed match")

    subprocess.run([*jupyter, "nbconvert", "--to", "html", "--output-dir", workdir, executed],
                   check=True)
    with open(os.path.join(workdir, name + ".html"), encoding="utf-8") as f:
        if "data:image/png;base64," not in f.read():
            problems.append("the HTML export has no image")

    for problem in problems:
        print("FAIL:", problem)
    print(f"notebook: {len(cells)} cells, {len(pngs)} image(s), {marks} output(s) with <mark>, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
