"""Texts of boundary fetch/import/status (command line and any page that calls them)."""

TEXT = {
    # ---- whole-file problems of a boundary import (each followed by boundaries.nothing)
    "boundaries.nothing": ("Tidak ada yang diimpor.", "Nothing was imported."),
    "boundaries.file.missing": (
        "{file}: berkas tidak ada. Periksa jalurnya.",
        "{file}: the file does not exist. Check the path.",
    ),
    "boundaries.file.folder": (
        "{file}: ini folder, bukan berkas. Kemas berkas-berkas Shapefile ke dalam satu .zip.",
        "{file}: this is a folder, not a file. Zip a Shapefile's files into one .zip.",
    ),
    "boundaries.file.empty": ("{file}: berkas kosong (0 byte).", "{file}: the file is empty (0 bytes)."),
    "boundaries.file.suffix": (
        "{file}: jenis berkas {suffix} tidak didukung. Gunakan GeoPackage (.gpkg), Shapefile dalam zip (.zip), "
        "GeoJSON (.geojson) atau GeoParquet (.parquet).",
        "{file}: the file type {suffix} is not supported. Use a GeoPackage (.gpkg), zipped Shapefile (.zip), "
        "GeoJSON (.geojson) or GeoParquet (.parquet).",
    ),
    "boundaries.file.zip_corrupt": (
        "{file}: arsip zip rusak atau bukan berkas zip. Buat ulang zip Shapefile-nya lalu coba lagi.",
        "{file}: the zip archive is corrupt or not a zip file. Zip the Shapefile again and retry.",
    ),
    "boundaries.file.zip_member": (
        "{file}: arsip zip rusak (bagian {member} cacat). Buat ulang zip-nya.",
        "{file}: the zip archive is corrupt (member {member} is damaged). Zip the Shapefile again.",
    ),
    "boundaries.file.zip_no_shp": (
        "{file}: zip tidak berisi berkas .shp. Shapefile dalam zip memerlukan berkas .shp, .shx, .dbf dan .prj.",
        "{file}: the zip holds no .shp file. A zipped Shapefile needs its .shp, .shx, .dbf and .prj files.",
    ),
    "boundaries.file.zip_many_shp": (
        "{file}: zip berisi {count} Shapefile ({names}). Satu Shapefile per zip.",
        "{file}: the zip holds {count} Shapefiles ({names}). Zip one Shapefile per file.",
    ),
    "boundaries.file.zip_parts": (
        "{file}: Shapefile dalam zip tidak punya berkas {parts}. Kemas semua berkasnya bersama.",
        "{file}: the Shapefile in the zip lacks its {parts} file. Zip all its files together.",
    ),
    "boundaries.file.parquet_plain": (
        "{file}: berkas Parquet ini tidak berisi geometri (bukan GeoParquet). Ekspor sebagai GeoParquet.",
        "{file}: this Parquet file holds no geometry (no GeoParquet metadata). Export it as GeoParquet.",
    ),
    "boundaries.file.unreadable": (
        "{file}: berkas tidak dapat dibaca ({error}). Periksa apakah berkas rusak.",
        "{file}: the file cannot be read ({error}). Check that it is not damaged.",
    ),
    "boundaries.file.many_layers": (
        "{file}: berkas punya {count} lapisan ({names}). Pilih satu dengan --layer.",
        "{file}: the file has {count} layers ({names}). Choose one with --layer.",
    ),
    "boundaries.file.table_only": (
        "{file}: berkas tidak berisi geometri (tabel, bukan lapisan peta). Gunakan berkas berisi poligon.",
        "{file}: the file holds no geometry (a table, not a map layer). Use a file with polygons.",
    ),
    "boundaries.file.no_layer": (
        "{file}: tidak ada lapisan {layer} (lapisan: {names}). Pilih salah satunya dengan --layer.",
        "{file}: there is no layer {layer} (layers: {names}). Choose one of them with --layer.",
    ),
    "boundaries.file.no_rows": ("{file}: berkas tidak berisi baris.", "{file}: the file holds no rows."),
    "boundaries.file.no_geometry": (
        "{file}: tidak ada baris yang punya geometri (berkas tidak spasial). Gunakan berkas berisi poligon.",
        "{file}: no row has a geometry (the file is not spatial). Use a file with polygons.",
    ),
    "boundaries.file.not_polygons": (
        "{file}: berkas berisi titik atau garis, bukan poligon. Gunakan berkas berisi poligon wilayah.",
        "{file}: the file holds points or lines, not polygons. Use a file with area polygons.",
    ),
    "boundaries.file.no_crs": (
        "{file}: berkas tidak punya sistem koordinat dan tidak dalam derajat. Sertakan berkas .prj-nya.",
        "{file}: the file has no coordinate reference system and is not in degrees. Add its .prj.",
    ),
    "boundaries.file.no_code_column": (
        "{file}: tidak ada kolom berisi kode Kemendagri (kolom: {columns}). Sebutkan kolom kode dengan --code-column.",
        "{file}: no column holds Kemendagri codes (columns: {columns}). Name the code column with --code-column.",
    ),
    "boundaries.file.no_column": (
        "{file}: tidak ada kolom {column} (kolom: {columns}). Periksa --code-column / --name-column.",
        "{file}: there is no column {column} (columns: {columns}). Check --code-column / --name-column.",
    ),
    "boundaries.file.no_known_codes": (
        "{file}: tidak satu pun dari {count} kode di kolom {column} adalah kode Kemendagri dalam daftar resmi"
        "{hint}. Periksa kolom kode (--code-column) atau gunakan berkas berkode Kemendagri (mis. 36.04.13.2007).",
        "{file}: none of the {count} codes in column {column} is a Kemendagri code in the official gazetteer"
        "{hint}. Check the code column (--code-column) or use a file with Kemendagri codes (e.g. 36.04.13.2007).",
    ),
    "boundaries.file.bps_hint": (
        " ({count} tampak seperti kode BPS, sistem yang berbeda)",
        " ({count} look like BPS codes, a different system)",
    ),
    "boundaries.file.no_level_codes": (
        "{file}: tidak ada kode pada tingkat {level}. Periksa --level.",
        "{file}: no code is at {level} level. Check --level.",
    ),
    "boundaries.file.no_level_polygons": (
        "{file}: tidak ada baris tingkat {level} yang punya poligon yang dapat dipakai.",
        "{file}: no {level} row has a usable polygon.",
    ),
    # ---- row problems (the import goes on)
    "boundaries.row": ("baris {row}", "row {row}"),
    "boundaries.rows": ("baris {rows}", "rows {rows}"),
    "boundaries.more": ("dan {count} lainnya", "and {count} more"),
    "boundaries.problem.bad_codes": (
        "{count} baris tidak punya kode yang dapat dipakai di kolom {column}: {items}",
        "{count} rows have no usable code in column {column}: {items}",
    ),
    "boundaries.problem.unknown": (
        "{count} kode tidak ada dalam daftar resmi (dilewati): {items}",
        "{count} codes are not in the official gazetteer (skipped): {items}",
    ),
    "boundaries.problem.other_level": (
        "{count} baris bukan tingkat {level} (dilewati): {items}",
        "{count} rows are not at {level} level (skipped): {items}",
    ),
    "boundaries.problem.duplicates": (
        "{count} kode muncul lebih dari sekali (poligonnya digabung): {items}",
        "{count} codes appear more than once (their polygons were merged): {items}",
    ),
    "boundaries.problem.no_geometry": (
        "{count} baris tidak punya poligon (dilewati): {items}",
        "{count} rows have no polygon (skipped): {items}",
    ),
    "boundaries.problem.repaired": (
        "{count} poligon tidak sah telah diperbaiki: {items}",
        "{count} invalid polygons were repaired: {items}",
    ),
    "boundaries.problem.name_mismatch": (
        "{count} nama berbeda dari nama resmi (nama resmi dipakai): {items}",
        "{count} names differ from the official name (official kept): {items}",
    ),
    "boundaries.official": ("resmi: {name}", "official: {name}"),
    "boundaries.level.village": ("desa/kelurahan", "village"),
    "boundaries.level.district": ("kecamatan", "district"),
    "boundaries.level.regency": ("kabupaten/kota", "regency"),
    "boundaries.level.province": ("provinsi", "province"),
    # ---- fetch
    "boundaries.fetch.offline": (
        "Gagal mengunduh {url} ({reason}). Periksa koneksi internet atau alamat arsip (--source-url atau "
        "ATLAS_ARCHIVE_URL), atau impor berkas batas wilayah yang sudah Anda punya: "
        "python -m loaders.boundaries import FILE. Data tersimpan tidak berubah.",
        "Could not download {url} ({reason}). Check the internet connection or the archive address "
        "(--source-url or ATLAS_ARCHIVE_URL), or import a boundary file you already have: "
        "python -m loaders.boundaries import FILE. The store was not changed.",
    ),
    "boundaries.fetch.bad_province": (
        "{value} bukan kode provinsi dalam daftar resmi (mis. 36 untuk Banten).",
        "{value} is not a province code of the official gazetteer (e.g. 36 for Banten).",
    ),
    "boundaries.fetch.bad_regency": (
        "{value} bukan kode kabupaten/kota dalam daftar resmi (mis. 36.04 untuk Kab. Serang).",
        "{value} is not a regency code of the official gazetteer (e.g. 36.04 for Kab. Serang).",
    ),
    "boundaries.fetch.nothing_named": (
        "Sebutkan provinsi (--province 36) atau kabupaten/kota (--regency 36.04) yang akan diunduh.",
        "Name a province (--province 36) or regencies (--regency 36.04) to fetch.",
    ),
    "boundaries.fetch.none_found": (
        "Arsip di {base} tidak punya satu pun berkas yang diminta (HTTP 404 untuk {missing}). Periksa --source-url, "
        "atau impor berkas batas wilayah: python -m loaders.boundaries import FILE. Data tersimpan tidak berubah.",
        "The archive at {base} has none of the requested files (HTTP 404 for {missing}). Check --source-url, "
        "or import a boundary file: python -m loaders.boundaries import FILE. The store was not changed.",
    ),
    "boundaries.fetch.not_archive": (
        "{url} bukan berkas arsip wilayah_boundaries ({detail}); mungkin halaman galat. Data tersimpan tidak berubah.",
        "{url} is not a wilayah_boundaries archive file ({detail}); perhaps an error page. The store was not changed.",
    ),
    # ---- command line output
    "boundaries.cli.downloading": ("Mengunduh", "Downloading"),
    "boundaries.cli.unit": ("berkas", "file"),
    "boundaries.cli.downloaded": (
        "{downloaded} berkas diunduh, {cached} dari cache.",
        "{downloaded} files downloaded, {cached} from the cache.",
    ),
    "boundaries.cli.missing": (
        "Tidak ada di arsip (HTTP 404), dilewati: {items}",
        "Not in the archive (HTTP 404), skipped: {items}",
    ),
    "boundaries.cli.unknown_codes": (
        "Kode yang tidak ada dalam daftar resmi, dilewati: {items}",
        "Codes not in the official gazetteer, skipped: {items}",
    ),
    "boundaries.cli.province": (
        "Provinsi {code} {name}: {villages} desa/kelurahan, {with_polygon} berpoligon",
        "Province {code} {name}: {villages} villages, {with_polygon} with a polygon",
    ),
    "boundaries.cli.without": (", {count} tanpa poligon ({items})", ", {count} without ({items})"),
    "boundaries.cli.kept_original": (
        "  pembersihan cakupan mempertahankan poligon asli: {items}",
        "  coverage cleaning kept the original polygon of: {items}",
    ),
    "boundaries.cli.read": (
        "{file}: {rows} baris dibaca pada tingkat {level}.",
        "{file}: {rows} rows read at {level} level.",
    ),
    "boundaries.cli.status_empty": (
        "Data tersimpan di {store} belum berisi batas wilayah. Jalankan: python -m loaders.boundaries fetch --province PP",
        "The store at {store} holds no boundaries yet. Run: python -m loaders.boundaries fetch --province PP",
    ),
    "boundaries.cli.status_row": (
        "{code} {name}: {villages} desa/kelurahan, {without} tanpa poligon; sumber {source}, diimpor {imported_at}",
        "{code} {name}: {villages} villages, {without} without polygon; source {source}, imported {imported_at}",
    ),
    "boundaries.cli.error": ("Galat: {message}", "Error: {message}"),
    "boundaries.attribution_cli": (
        "Batas desa: wilayah_boundaries oleh cahya dsn (github.com/cahyadsn/wilayah_boundaries), lisensi MIT",
        "Village boundaries: wilayah_boundaries by cahya dsn (github.com/cahyadsn/wilayah_boundaries), MIT licence",
    ),
}
