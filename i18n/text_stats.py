"""Texts of classification, legends, hotspots, coverage gaps and the planner (the [stats] area)."""

TEXT = {
    "legend.no_change": ("tidak berubah", "no change"),
    "common.not_recorded": ("tidak tercatat", "not recorded"),
}
