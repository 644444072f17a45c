"""Texts of the checks every upload passes before a reader touches it (issue 21: safe to share)."""

TEXT = {
    # ---------------------------------------------------------------- boundary files: content checks
    "boundaries.file.too_large": (
        "{file}: berkas {found} MB, melebihi batas {limit} MB ({variable}). Pecah per provinsi.",
        "{file}: the file is {found} MB, over the limit of {limit} MB ({variable}). Split it by province.",
    ),
    "boundaries.file.not_a_file": (
        "{file}: nama ini dibaca GDAL sebagai perintah (awalan driver seperti 'OGR_VRT:' atau jalur '/vsi...'), bukan berkas; tidak dibuka. Ganti nama berkas tanpa ':' lalu coba lagi.",
        "{file}: GDAL would read this name as an instruction (a driver prefix such as 'OGR_VRT:' or a '/vsi...' path), not as a file; it is not opened. Rename the file without ':' and retry.",
    ),
    "boundaries.file.xml_not_geojson": (
        "{file}: berkas berisi XML, bukan GeoJSON (mis. OGR VRT atau GML, yang dapat menunjuk ke berkas atau server lain); berkas seperti ini tidak pernah dibuka. Ekspor lapisan sebagai GeoJSON, GeoPackage atau Shapefile dalam zip.",
        "{file}: the file holds XML, not GeoJSON (e.g. an OGR VRT or GML, which can point at other files or servers); such files are never opened. Export the layer as GeoJSON, GeoPackage or zipped Shapefile.",
    ),
    "boundaries.file.not_geojson": (
        "{file}: berkas bukan GeoJSON (bukan objek JSON berisi fitur GeoJSON). Ekspor ulang lapisan sebagai GeoJSON.",
        "{file}: the file is not GeoJSON (not a JSON object holding GeoJSON features). Export the layer again as GeoJSON.",
    ),
    "boundaries.file.geojson_link": (
        '{file}: GeoJSON ini meminta mengambil sistem koordinat atau data dari alamat lain (anggota "url"/"href"); tautan dalam unggahan tidak diikuti. Hapus tautan "crs" itu (atau ekspor ulang dalam EPSG:4326) lalu coba lagi.',
        '{file}: this GeoJSON asks to fetch a coordinate system or data from another address (a "url"/"href" member); links in uploads are never followed. Remove that "crs" link (or export again in EPSG:4326) and retry.',
    ),
    "boundaries.file.not_gpkg": (
        "{file}: berkas bukan GeoPackage (bukan basis data SQLite). Ekspor ulang lapisan sebagai GeoPackage.",
        "{file}: the file is not a GeoPackage (no SQLite database). Export the layer again as GeoPackage.",
    ),
    "boundaries.file.gpkg_unsafe": (
        "{file}: GeoPackage ini berisi {what} {name} yang dapat membuka berkas atau sumber data lain; berkas seperti ini tidak dibuka. Simpan lapisannya ke GeoPackage baru (QGIS: Ekspor > Simpan Fitur Sebagai) lalu coba lagi.",
        "{file}: this GeoPackage holds a {what} {name} that can open other files or data sources; such files are not opened. Save the layer into a new GeoPackage (QGIS: Export > Save Features As) and retry.",
    ),
    "boundaries.file.gpkg_what.view": ("view", "view"),
    "boundaries.file.gpkg_what.trigger": ("trigger", "trigger"),
    "boundaries.file.gpkg_what.virtual": ("tabel virtual", "virtual table"),
    "boundaries.file.not_shapefile": (
        "{file}: bagian {part} dari Shapefile tidak berformat Shapefile. Buat ulang zip dari berkas Shapefile aslinya.",
        "{file}: the Shapefile's {part} part is not in Shapefile format. Zip the Shapefile's own files again.",
    ),
    "boundaries.file.shp_parts": (
        "{file}: Shapefile tidak punya berkas {parts}. Sertakan semua berkasnya (.shp, .shx, .dbf, .prj).",
        "{file}: the Shapefile lacks its {parts} file. Include all its files (.shp, .shx, .dbf, .prj).",
    ),
    "boundaries.file.prj_not_wkt": (
        "{file}: berkas .prj bukan sistem koordinat dalam WKT; tidak dibaca. Ekspor ulang Shapefile dari aplikasi GIS (yang menulis .prj-nya).",
        "{file}: the .prj is not a coordinate system in WKT; it is not read. Export the Shapefile again from a GIS application (which writes its .prj).",
    ),
    "boundaries.file.not_parquet": (
        "{file}: berkas bukan Parquet (tanda PAR1 tidak ada). Ekspor ulang sebagai GeoParquet.",
        "{file}: the file is not Parquet (its PAR1 marks are missing). Export it again as GeoParquet.",
    ),
    "boundaries.file.wrong_driver": (
        "{file}: GDAL membaca berkas sebagai {driver}, bukan {expected}; tidak dipakai. Ekspor ulang dalam format yang sesuai dengan akhiran namanya.",
        "{file}: GDAL read the file as {driver}, not {expected}; it is not used. Export it again in the format its name says.",
    ),
    "boundaries.file.zip_vrt": (
        "{file}: zip berisi {member}, berkas yang menunjuk ke berkas atau server lain (VRT); berkas seperti ini tidak pernah dibuka. Buat ulang zip hanya dari berkas Shapefile (.shp, .shx, .dbf, .prj).",
        "{file}: the zip holds {member}, a file that points at other files or servers (a VRT); such files are never opened. Zip only the Shapefile's own files (.shp, .shx, .dbf, .prj).",
    ),
    "boundaries.file.zip_members": (
        "{file}: zip berisi {found} berkas, melebihi batas {limit} ({variable}). Buat zip hanya dari berkas Shapefile.",
        "{file}: the zip holds {found} files, over the limit of {limit} ({variable}). Zip only the Shapefile's files.",
    ),
    "boundaries.file.zip_ratio": (
        "{file}: satu bagian zip mengembang {found} kali ukurannya saat dibuka, melebihi batas {limit} ({variable}); zip seperti ini (bom zip) tidak dibuka.",
        "{file}: a member of the zip unpacks to {found} times its packed size, over the limit of {limit} ({variable}); such zips (zip bombs) are not opened.",
    ),
    # ---------------------------------------------------------------- table files: zip members
    "data.issue.file_zip_unsafe": (
        "{file}: file berisi bagian dengan jalur absolut atau '..' ('{member}'); file seperti ini tidak dibuka. Buka di Excel dan simpan ulang sebagai .xlsx.",
        "{file}: the file holds a member with an absolute or '..' path ('{member}'); such files are not opened. Open it in Excel and save it again as .xlsx.",
    ),
    "data.issue.file_limit_zip_members": (
        "{file}: file berisi {found} bagian, melebihi batas {limit} ({variable}). Simpan ulang hanya tabelnya.",
        "{file}: the file holds {found} parts, over the limit of {limit} ({variable}). Save only the table again.",
    ),
    "data.issue.file_limit_zip_ratio": (
        "{file}: satu bagian file mengembang {found} kali ukurannya saat dibuka, melebihi batas {limit} ({variable}); file seperti ini (bom zip) tidak dibuka. Simpan ulang hanya tabelnya.",
        "{file}: a part of the file unpacks to {found} times its packed size, over the limit of {limit} ({variable}); such files (zip bombs) are not opened. Save only the table again.",
    ),
    # ---------------------------------------------------------------- the audit log
    "audit.outcome.refused": ("berkas ditolak", "file refused"),
    # ---------------------------------------------------------------- the Data page
    "data.upload_denied": (
        "Berkas tidak dibaca: {reason}",
        "The file was not read: {reason}",
    ),
}
