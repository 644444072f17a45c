"""Texts of the GIS files (GeoPackage, GeoJSON) and of ``atlas export``."""

TEXT = {
    "export.format.gpkg": ("GeoPackage (GIS, dengan gaya QGIS)", "GeoPackage (GIS, with QGIS style)"),
    "export.format.geojson": ("GeoJSON (GIS)", "GeoJSON (GIS)"),
    # field aliases in QGIS
    "gis.field.code": ("Kode wilayah", "Area code"),
    "gis.field.name": ("Nama wilayah", "Area name"),
    "gis.field.layer": ("Lapisan data", "Data layer"),
    "gis.field.value": ("Angka", "Figure"),
    "gis.field.shown": ("Tampil sebagai", "Shown as"),
    "gis.field.class": ("Kelas", "Class"),
    "gis.field.class_label": ("Kelas (legenda)", "Class (legend)"),
    "gis.field.colour": ("Warna", "Colour"),
    "gis.field.period": ("Periode", "Period"),
    "gis.field.year": ("Tahun", "Year"),
    # atlas export
    "gis.cli.wrote": (
        "{path} ditulis: {what}, {area}, {period} ({size})",
        "Wrote {path}: {what}, {area}, {period} ({size})",
    ),
    "gis.cli.no_area": (
        "Wilayah {area} tidak ada di penyimpanan. Wilayah yang dapat diekspor: {areas}.",
        "Area {area} is not in the store. Areas that can be exported: {areas}.",
    ),
    "gis.cli.no_year": (
        "Tahun {year} tidak ada di data. Tahun yang tersedia: {years}.",
        "The data holds no year {year}. Years held: {years}.",
    ),
    "gis.cli.no_layer": (
        "Lapisan {layer} belum dimuat. Lapisan yang tersedia: {layers}.",
        "Layer {layer} is not loaded. Layers held: {layers}.",
    ),
    "gis.cli.empty": (
        "Belum ada batas wilayah dan lapisan data untuk diekspor di {store}. Muat data dulu (atlas boundaries, atlas import).",
        "There are no boundaries and data layers to export in {store} yet. Load data first (atlas boundaries, atlas import).",
    ),
    "gis.cli.national_denied": (
        "Semua desa/kelurahan Indonesia hanya dapat diekspor oleh pengguna yang boleh melihat semua "
        "provinsi; Anda boleh melihat provinsi {granted}. Pilih provinsi Anda dengan --area.",
        "Every village of Indonesia is exported only for a user who may see every province; you may "
        "see province {granted}. Choose your province with --area.",
    ),
    "gis.cli.failed": ("Ekspor tidak dapat dibuat: {message}", "The export could not be made: {message}"),
    "gis.cli.write_failed": (
        "{path} tidak dapat ditulis: {message}. Pilih folder lain dengan -o.",
        "Could not write {path}: {message}. Choose another folder with -o.",
    ),
}
