"""Charts drawn on the server as SVG geometry: no JavaScript library, nothing to download.

Functions here turn counts into coordinates; the templates draw them
(``templates/_charts.html``), so every label goes through Jinja's escaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Chart", "MapPoint", "Point", "Series", "line_chart", "month_range", "world_map"]

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28


@dataclass
class Point:
    x: float
    y: float
    value: float
    label: str
    href: str | None = None


@dataclass
class Series:
    name: str
    css: str
    points: list[Point] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass
class Chart:
    title: str
    series: list[Series]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.series)


def month_range(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last``, so gaps show as zeros, not as joins."""
    y, m = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 < value:
        step *= 10
    for mult in (1, 2, 5, 10):
        if step * mult >= value:
            return step * mult
    return step * 10


def line_chart(title: str, periods: list[str], lines: list[tuple[str, str, dict[str, float]]],
               href: object = None) -> Chart:
    """One line per ``(name, css class, {period: value})`` over ``periods``.

    ``href(name, period)`` gives the link behind each point (the events it counts).
    """
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_max(max((v for _, _, vals in lines for v in vals.values()), default=0))
    n = len(periods)

    def x_of(i: int) -> float:
        return LEFT + (plot_w * (i + 0.5) / n if n else 0)

    def y_of(v: float) -> float:
        return TOP + plot_h - plot_h * v / top

    series = []
    for name, css, values in lines:
        s = Series(name, css)
        for i, period in enumerate(periods):
            v = values.get(period, 0)
            link = href(name, period) if callable(href) else None
            s.points.append(Point(x_of(i), y_of(v), v, f"{name}, {period}: {v:g}", link))
        series.append(s)
    every = max(1, n // 8)
    x_labels = [(x_of(i), p) for i, p in enumerate(periods) if i % every == 0]
    y_ticks = [(y_of(top * k / 4), f"{top * k / 4:g}") for k in range(5)]
    return Chart(title, series, x_labels, y_ticks)


@dataclass
class MapPoint:
    x: float
    y: float
    label: str
    href: str
    css: str


def world_map(points: list[tuple[float, float, str, str, str]], width: int = 720
              ) -> tuple[list[MapPoint], list[tuple[float, float, float, float]]]:
    """Equirectangular projection of ``(lat, lon, label, href, css)``, plus graticule lines.

    A plain grid needs no map data; the coordinates alone show where events cluster.
    """
    height = width / 2

    def project(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    out = []
    for lat, lon, label, href, css in points:
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            x, y = project(lat, lon)
            out.append(MapPoint(x, y, label, href, css))
    grid = [(project(90, lon)[0], 0, project(90, lon)[0], height) for lon in range(-180, 181, 30)]
    grid += [(0, project(lat, 0)[1], width, project(lat, 0)[1]) for lat in range(-90, 91, 30)]
    return out, grid

