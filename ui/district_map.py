"""The district map: municipalities coloured by an indicator, with legend and table.

Geometry, values and colour classes are app/district/geo.py's and indicators.py's; this module
only paints. The shapes are turned into QPainterPaths once per map (in map units), so a new
indicator or period only recolours: a redraw is a fill per path.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.district import geo
from app.district.indicators import AreaIndicator, format_number


class MapPicture:
    """What one map drawing needs: paths, colours, labels, legend; ``paint`` draws it."""

    def __init__(self) -> None:
        self.dmap: geo.DistrictMap | None = None
        self.paths: list[tuple[str, QPainterPath]] = []
        self.colours: dict[str, QColor] = {}
        self.labels: dict[str, str] = {}
        self.legend: geo.Legend | None = None
        self.indicator: AreaIndicator | None = None
        self.title = ""

    def set_map(self, dmap: geo.DistrictMap, labels: dict[str, str]) -> None:
        self.dmap = dmap
        self.labels = labels
        self.paths = []
        for shape in dmap.shapes:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for ring in shape.rings:
                path.moveTo(*ring[0])
                for x, y in ring[1:]:
                    path.lineTo(x, y)
                path.closeSubpath()
            self.paths.append((shape.ags, path))

    def set_values(
        self, indicator: AreaIndicator | None, pooled: dict[str, str], title: str = ""
    ) -> None:
        self.indicator = indicator
        self.title = title
        if self.dmap is None or indicator is None:
            self.colours, self.legend = {}, None
            return
        values = geo.area_values(self.dmap, indicator.values, pooled)
        self.legend = geo.legend(list(indicator.values.values()))
        self.colours = {a: QColor(self.legend.colour(v)) for a, v in values.items()}

    def legend_texts(self) -> list[tuple[str, str]]:
        """(colour, text) per legend entry, as the painter and the PDF show them."""
        if self.legend is None or self.indicator is None:
            return []
        ind = self.indicator
        out = []
        for e in self.legend.entries:
            if e.low is None:
                text = lang.t("verdeckt oder keine Angabe", "hidden or no data")
            else:
                text = (
                    f"{format_number(e.low, max(ind.digits, 1), percent=ind.percent)} – "
                    f"{format_number(e.high, max(ind.digits, 1), percent=ind.percent)}"
                )
            out.append((e.colour, text))
        return out

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.fillRect(rect, QColor("white"))
        legend_w = min(230.0, rect.width() * 0.32)
        area = QRectF(rect.left() + 6, rect.top() + 6, rect.width() - legend_w - 18,
                      rect.height() - 12)  # fmt: skip
        if self.dmap is None or not self.paths:
            painter.restore()
            return
        x0, y0, x1, y1 = self.dmap.bounds
        w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        scale = min(area.width() / w, area.height() / h)
        ox = area.left() + (area.width() - w * scale) / 2
        oy = area.top() + (area.height() + h * scale) / 2
        transform = QTransform(scale, 0, 0, -scale, ox - x0 * scale, oy + y0 * scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#444"))
        pen.setCosmetic(True)
        pen.setWidthF(1.0)
        no_data = QColor(geo.NO_DATA)
        painter.setPen(pen)
        for ags, path in self.paths:
            painter.setBrush(QBrush(self.colours.get(ags, no_data)))
            painter.drawPath(transform.map(path))
        font = QFont(painter.font())
        font.setPointSizeF(7.0 if self.dmap.kind == "tiles" else 6.5)
        painter.setFont(font)
        for shape in self.dmap.shapes:
            c = transform.map(QPointF(*shape.centre))
            colour = self.colours.get(shape.ags, no_data)
            painter.setPen(QColor("white" if colour.lightness() < 110 else "#111"))
            label = self.labels.get(shape.ags, shape.ags)
            box = QRectF(c.x() - 46, c.y() - 14, 92, 28)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             label)  # fmt: skip
        # legend
        lx = rect.right() - legend_w - 6
        ly = rect.top() + 10
        painter.setPen(QColor("#111"))
        bold = QFont(painter.font())
        bold.setPointSizeF(8.0)
        bold.setBold(True)
        painter.setFont(bold)
        title_box = QRectF(lx, ly, legend_w, 44)
        painter.drawText(title_box, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                         self.title)  # fmt: skip
        ly += 48
        plain = QFont(bold)
        plain.setBold(False)
        painter.setFont(plain)
        for colour, text in self.legend_texts():
            painter.setPen(pen)
            painter.setBrush(QBrush(QColor(colour)))
            painter.drawRect(QRectF(lx, ly, 18, 13))
            painter.setPen(QColor("#111"))
            painter.drawText(QRectF(lx + 24, ly - 2, legend_w - 24, 18),
                             int(Qt.AlignmentFlag.AlignVCenter), text)  # fmt: skip
            ly += 20
        if self.dmap.kind == "tiles":
            painter.setPen(QColor("#555"))
            note = lang.t("Schematische Kachelkarte: eine Kachel je Gemeinde, nahe ihrer Lage.",
                          "Schematic tile map: one tile per municipality, near its place.")  # fmt: skip
            painter.drawText(QRectF(lx, ly + 6, legend_w, 60),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), note)  # fmt: skip
        painter.restore()

    def image(self, width: int, height: int, scale: float = 1.0) -> QImage:
        """The map drawn at ``width`` x ``height`` (layout units) into an image ``scale``
        times as large (crisp when the PDF shows it bigger)."""
        img = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.white)
        painter = QPainter(img)
        painter.scale(scale, scale)
        self.paint(painter, QRectF(0, 0, width, height))
        painter.end()
        return img


class MapView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = MapPicture()
        self.setMinimumSize(420, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Karte der Gemeinden"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 480)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        self.picture.paint(painter, QRectF(self.rect()))
        painter.end()


class AreaTableModel(QAbstractTableModel):
    """Area, value and its colour class: the map's figures as a table."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = []  # (area label, value text, colour)
        self.heading = ""

    def set_rows(self, rows: list[tuple[str, str, str]], heading: str) -> None:
        self.beginResetModel()
        self.rows, self.heading = rows, heading
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        label, value, colour = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else value
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.tr("Gebiet") if section == 0 else self.heading


class MapPanel(QWidget):
    """Indicator choice, the map (with legend) and the table beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator_box = QComboBox()
        self.indicator_box.setAccessibleName(self.tr("Kennzahl der Karte"))
        self.view = MapView()
        self.model = AreaTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Tabelle zur Karte"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(300)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        label = QLabel(self.tr("&Kennzahl:"))
        label.setBuddy(self.indicator_box)
        top.addWidget(label)
        top.addWidget(self.indicator_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.note)
        body = QHBoxLayout()
        body.addWidget(self.view, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.indicators: list[AreaIndicator] = []
        self.area_names: dict[str, str] = {}
        self.pooled: dict[str, str] = {}
        self.indicator_box.currentIndexChanged.connect(self._show)

    def set_map(self, dmap: geo.DistrictMap, labels: dict[str, str], pooled: dict[str, str],
                area_names: dict[str, str]) -> None:  # fmt: skip
        self.picture.set_map(dmap, labels)
        self.pooled = pooled
        self.area_names = area_names
        source = dmap.source.rsplit("/", 1)[-1]
        self.note.setText(
            self.tr("Karte: %1").replace("%1", source)
            if dmap.kind == "geojson"
            else self.tr("Ohne geladene Kartendatei: schematische Kachelkarte.")
        )
        self._show()

    @property
    def picture(self) -> MapPicture:
        return self.view.picture

    def set_indicators(self, indicators: list[AreaIndicator]) -> None:
        keep = self.indicator_box.currentData()
        self.indicators = indicators
        self.indicator_box.blockSignals(True)
        self.indicator_box.clear()
        for ind in indicators:
            self.indicator_box.addItem(ind.label(lang.current()), ind.key)
        i = self.indicator_box.findData(keep)
        self.indicator_box.setCurrentIndex(max(0, i))
        self.indicator_box.blockSignals(False)
        self._show()

    def select(self, key: str) -> None:
        self.indicator_box.setCurrentIndex(max(0, self.indicator_box.findData(key)))

    def current(self) -> AreaIndicator | None:
        key = self.indicator_box.currentData()
        return next((i for i in self.indicators if i.key == key), None)

    def _show(self, *_args) -> None:
        ind = self.current()
        title = ind.label(lang.current()) if ind else ""
        self.picture.set_values(ind, self.pooled, title)
        rows = []
        if ind is not None and self.picture.legend is not None:
            for code, value in ind.values.items():
                text = format_number(value, ind.digits, percent=ind.percent)
                rows.append((self.area_names.get(code, code), text,
                             self.picture.legend.colour(value)))  # fmt: skip
        self.model.set_rows(rows, title)
        self.view.update()
