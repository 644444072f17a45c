"""Peta Wilayah / Area map: Indonesia by province, drill down to villages, official names."""

from geo.codes import Level
from ui import Keys, controls, maps, t
from ui import dashboard as dash

dash.page_head("map")

area, _, slot = dash.view_bar(extra="level")
default = maps.shown_level(area)
deeper = [int(level) for level in Level if level >= default]
level = Level(
    controls.bound(
        slot.selectbox,
        Keys.MAP_LEVEL,
        "level",
        int(default),
        options=deeper,
        value_arg="index",
        label=t("map.level"),
        format_func=lambda lv: t(f"level.{Level(lv).key}"),
    )
)

villages = dash.village_table(area)
if level == Level.VILLAGE:
    selected = maps.choropleth(
        "map",
        lambda lv, codes: dash.village_kinds(codes),
        label=t("map.village_kind"),
        categories=dash.village_kind_categories(),
        level=level,
    )
else:
    selected = maps.choropleth(
        "map",
        lambda lv, codes: dash.villages_within(villages, codes),
        label=t("map.village_count"),
        level=level,
    )
dash.boundary_note(area, villages)
dash.village_panel(selected, dash.load_layers())
