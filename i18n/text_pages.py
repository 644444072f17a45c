"""Page titles for the navigation."""

TEXT = {
    "page.map": ("Peta Wilayah", "Area map"),
    "page.overview": ("Ringkasan", "Overview"),
    "page.placements": ("Penempatan", "Placements"),
    "page.coverage": ("Cakupan Komunitas", "Programme coverage"),
    "page.enterprises": ("Usaha Purna", "Returnee enterprises"),
    "page.reports": ("Laporan Non-Prosedural", "Non-procedural reports"),
    "page.planner": ("Perencanaan", "Planner"),
    "page.export": ("Ekspor", "Export"),
    "page.data": ("Data", "Data"),
}
