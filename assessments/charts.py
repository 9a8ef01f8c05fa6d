"""A growth chart drawn on the server as SVG geometry: no chart library, no JavaScript."""

WIDTH, HEIGHT, PAD = 640, 260, 40
MARKERS = ["circle", "square", "diamond", "triangle", "circle", "square", "diamond"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3"]


def line_chart(series):
    """One polyline per dimension; lines differ by dash and marker as well as colour."""
    count = max((len(s["points"]) for s in series), default=0)
    step = (WIDTH - 2 * PAD) / max(count - 1, 1)
    lines = []
    for index, line in enumerate(series):
        points = []
        for n, (_, score) in enumerate(line["points"]):
            x = PAD + n * step if count > 1 else WIDTH / 2
            y = HEIGHT - PAD - score / 100 * (HEIGHT - 2 * PAD)
            points.append({"x": round(x, 1), "y": round(y, 1), "score": score})
        lines.append(
            {
                "name": line["name"],
                "index": index % 7,
                "dash": DASHES[index % 7],
                "points": points,
                "path": " ".join(f"{p['x']},{p['y']}" for p in points),
            }
        )
    grid = [
        {"value": v, "y": round(HEIGHT - PAD - v / 100 * (HEIGHT - 2 * PAD), 1)}
        for v in (0, 25, 50, 75, 100)
    ]
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "lines": lines, "grid": grid}
