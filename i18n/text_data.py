"""Texts of the data import: layer names, the Data page, import problems and their fixes, CLI."""

TEXT = {
    # ---------------------------------------------------------------- layers
    "layer.placements": ("Penempatan PMI", "Placements"),
    "layer.programmes": ("Cakupan komunitas", "Community programmes"),
    "layer.enterprises": ("Usaha PMI purna", "Returnee enterprises"),
    "layer.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    "layer.population": ("Penduduk", "Population"),
    # ---------------------------------------------------------------- page
    "data.title": ("Data: impor dan status", "Data: import and status"),
    "data.intro": (
        "Muat file Excel (XLSX/XLS), LibreOffice (ODS) atau CSV apa adanya. Atlas mengenali kolom, membuang data pribadi, "
        "mencocokkan setiap baris ke desa, dan menampilkan hasilnya sebelum Anda menyimpan.",
        "Load Excel (XLSX/XLS), LibreOffice (ODS) or CSV files as they are. The atlas recognises the columns, drops personal "
        "data, matches every row to a village and shows you the result before you save.",
    ),
    "data.tab.import": ("Impor file", "Import a file"),
    "data.tab.status": ("Data tersimpan", "Stored data"),
    "data.tab.templates": ("Templat dan kamus data", "Templates and data dictionary"),
    "data.tab.log": ("Riwayat impor", "Import log"),
    "data.layer": ("Lapisan data", "Data layer"),
    "data.upload": ("File (XLSX, XLS, ODS atau CSV)", "File (XLSX, XLS, ODS or CSV)"),
    "data.upload_help": (
        "CSV dengan koma, titik koma atau tab; UTF-8 atau Windows-1252. Baris judul, baris jumlah dan "
        "catatan di bawah tabel dikenali sendiri.",
        "CSV with commas, semicolons or tabs; UTF-8 or Windows-1252. Title rows, totals rows and notes "
        "below the table are recognised automatically.",
    ),
    "data.sheet": ("Lembar (sheet)", "Sheet"),
    "data.sheet_all": (
        "Semua lembar yang berisi tabel yang sama",
        "Every sheet that holds the same table",
    ),
    "data.sheet_help": (
        "Tanpa pilihan, semua lembar berisi baris desa dengan kolom yang sama dibaca sekaligus; lembar lain disebut di ringkasan beserta alasannya.",
        "Without a choice, every sheet of village rows with the same columns is read together; the other sheets are named in the summary with the reason.",
    ),
    "data.summary": ("Lembar dan kolom", "Sheets and columns"),
    "data.sheet_context.year": ("tahun {value}", "year {value}"),
    "data.sheet_context.regency": ("kabupaten/kota {value}", "regency {value}"),
    "data.sheet_context.province": ("provinsi {value}", "province {value}"),
    "data.col.from_sheet": ("(dari nama atau judul lembar)", "(from the sheet's name or title)"),
    "data.col.match_sheet": ("Lembar", "Sheet"),
    "data.checking": ("Memeriksa file ...", "Checking the file ..."),
    "data.mode": ("Cara menyimpan", "How to save"),
    "data.mode.replace": ("Ganti yang dicakup file ini", "Replace what this file covers"),
    "data.mode.append": ("Tambahkan", "Add"),
    "data.mode.replace_all": ("Ganti seluruh lapisan (admin)", "Replace the whole layer (admin)"),
    "data.mode_short.replace": ("ganti yang dicakup", "replace covered"),
    "data.mode_short.append": ("tambah", "add"),
    "data.mode_short.replace_all": ("ganti seluruh lapisan", "replace whole layer"),
    "data.mode_short.undo": ("batalkan", "undo"),
    "data.mode.help": (
        "Ganti yang dicakup file ini: baris tersimpan di wilayah dan tahun yang dicakup file ini "
        "diganti, sisanya tetap. Tambahkan: semua yang tersimpan tetap ada. Ganti seluruh lapisan: "
        "semua versi lama dihapus (admin); bagi pengelola data hanya baris provinsi yang diberikan "
        "kepadanya (semua tahun), baris provinsi lain tetap. Setiap penyimpanan dapat dibatalkan.",
        "Replace what this file covers: stored rows in the areas and years this file covers are "
        "replaced, the rest stays. Add: everything stored stays. Replace the whole layer: every "
        "earlier version goes (admin); for a data steward only the rows of her granted provinces "
        "(every year), rows of other provinces stay. Every save can be undone.",
    ),
    "data.skip_invalid": (
        "Lewati baris dengan nilai salah (jangan tolak seluruh file)",
        "Skip rows with wrong values (do not reject the whole file)",
    ),
    "data.preview": ("Yang terdeteksi di file {file}", "What was found in {file}"),
    "data.read_info": (
        "Lembar: {sheet} · baris judul kolom: {header} · encoding: {encoding} · pemisah: {delimiter}",
        "Sheet: {sheet} · header row: {header} · encoding: {encoding} · delimiter: {delimiter}",
    ),
    "data.mapping": ("Pemetaan kolom", "Column mapping"),
    "data.col.field": ("Isian atlas", "Atlas field"),
    "data.col.column": ("Kolom di file", "Column in the file"),
    "data.rows_read": ("Baris dibaca", "Rows read"),
    "data.matched": ("Cocok ke desa", "Matched to a village"),
    "data.ambiguous": ("Ragu (beberapa calon)", "Ambiguous"),
    "data.unmatched": ("Tidak cocok", "Not matched"),
    "data.subtotals": ("Baris jumlah (tidak dihitung)", "Subtotal rows (not counted)"),
    "data.invalid": ("Dilewati (nilai salah)", "Skipped (wrong values)"),
    "data.row_level": (
        "File ini berisi satu baris per orang/laporan: baris dijumlahkan per desa, tahun dan rincian.",
        "This file has one row per person/report: rows are summed per village, year and breakdown.",
    ),
    "data.dropped": (
        "Kolom data pribadi dibuang sebelum apa pun disimpan: {columns}",
        "Personal-data columns dropped before anything is saved: {columns}",
    ),
    "data.dropped_none": ("Tidak ada kolom data pribadi.", "No personal-data columns."),
    "data.rejected": (
        "File ditolak, tidak ada yang disimpan. Perbaiki masalah di bawah lalu muat lagi.",
        "The file is rejected, nothing was saved. Fix the problems below and load it again.",
    ),
    "data.ready": (
        "Siap disimpan: {rows} baris gabungan untuk {villages} desa (total {total}).",
        "Ready to save: {rows} aggregated rows for {villages} villages (total {total}).",
    ),
    "data.not_stored_rows": (
        "Baris yang tidak ikut disimpan: {n} (lihat laporan). Perbaiki nama/kode desanya lalu impor lagi.",
        "Rows not saved: {n} (see the report). Fix their village names/codes and import again.",
    ),
    "data.report": ("Laporan per baris", "Row-by-row report"),
    "data.report_download": ("Unduh laporan (CSV)", "Download the report (CSV)"),
    "data.report_empty": ("Tidak ada masalah.", "No problems."),
    "data.confirm": ("Simpan ke atlas", "Save to the atlas"),
    "data.imported": (
        "Tersimpan: {layer}, versi {version} ({rows} baris).",
        "Saved: {layer}, version {version} ({rows} rows).",
    ),
    "data.demo_readonly": (
        'Data demo hanya untuk dilihat. Pilih "Data tersimpan" di samping untuk menyimpan impor; '
        "pemeriksaan di bawah tetap berjalan.",
        'The demo data is read-only. Choose "Stored data" in the sidebar to save imports; the check '
        "below still runs.",
    ),
    "data.status.empty": ("Belum ada lapisan data tersimpan.", "No data layer is stored yet."),
    "data.col.layer": ("Lapisan", "Layer"),
    "data.col.versions": ("Versi", "Versions"),
    "data.col.rows": ("Baris", "Rows"),
    "data.col.villages": ("Desa", "Villages"),
    "data.col.total": ("Total", "Total"),
    "data.col.version": ("Versi", "Version"),
    "data.col.file": ("File", "File"),
    "data.col.written": ("Disimpan", "Saved"),
    "data.col.mode": ("Cara", "Mode"),
    "data.col.matched": ("Cocok", "Matched"),
    "data.col.rejected": ("Tidak disimpan", "Not saved"),
    "data.col.row": ("Baris", "Row"),
    "data.col.severity": ("Jenis", "Kind"),
    "data.col.message": ("Masalah dan perbaikan", "Problem and fix"),
    "data.versions_of": ("Versi lapisan {layer}", "Versions of {layer}"),
    "data.delete_version": ("Hapus versi", "Delete a version"),
    "data.delete_button": ("Hapus", "Delete"),
    "data.deleted": ("Versi {version} dari {layer} dihapus.", "Version {version} of {layer} deleted."),
    "data.templates_intro": (
        'Templat Excel per lapisan, dengan lembar "Kamus data" yang menjelaskan setiap kolom dan nama '
        "lain yang dikenali. File Anda tidak harus mengikuti templat.",
        'An Excel template per layer, with a "Data dictionary" sheet describing every column and the '
        "other names recognised. Your files need not follow the template.",
    ),
    "data.template_download": ("Templat {layer} (XLSX)", "{layer} template (XLSX)"),
    "data.log.empty": ("Belum ada impor.", "No imports yet."),
    # ---------------------------------------------------------------- file uploader (ui.localise_uploader)
    "app.upload_button": ("Pilih berkas", "Choose file"),
    "app.upload_limit": ("Maks. {mb} MB per berkas", "Max. {mb} MB per file"),
    # ---------------------------------------------------------------- boundaries tab
    "data.tab.boundaries": ("Batas wilayah", "Boundaries"),
    "data.boundaries.intro": (
        "Batas desa/kelurahan yang digambar di peta. Unduh dari arsip publik, atau impor berkas batas "
        "wilayah resmi yang Anda punya. Setiap penyimpanan lengkap atau tidak sama sekali.",
        "The village boundaries the maps draw. Fetch them from the public archive, or import an official "
        "boundary file you have. Every write is complete or not done at all.",
    ),
    "data.boundaries.demo_target": (
        "Anda sedang melihat data demo. Batas wilayah yang diunduh atau diimpor di sini disimpan ke data "
        "tersimpan Anda ({store}), tidak pernah ke demo. Beralih ke data tersimpan untuk melihatnya di peta.",
        "You are viewing the demo data. Boundaries fetched or imported here are saved to your stored data "
        "({store}), never to the demo. Switch to stored data to see them on the maps.",
    ),
    "data.boundaries.switch": ("Beralih ke data tersimpan", "Switch to stored data"),
    "data.boundaries.fetch_title": ("Unduh dari arsip publik", "Fetch from the public archive"),
    "data.boundaries.province": ("Provinsi", "Province"),
    "data.boundaries.province_pick": ("Pilih provinsi", "Choose a province"),
    "data.boundaries.regencies": ("Kabupaten/kota (opsional)", "Regencies/cities (optional)"),
    "data.boundaries.regencies_all": ("Semua kabupaten/kota", "All regencies/cities"),
    "data.boundaries.regencies_help": (
        "Kosong: seluruh provinsi. Pilih beberapa untuk mengunduh sebagian provinsi; desa kabupaten/kota "
        "lain yang sudah tersimpan tetap ada.",
        "Empty: the whole province. Choose some to fetch part of the province; stored villages of other "
        "regencies are kept.",
    ),
    "data.boundaries.archive": ("Alamat arsip: {url}", "Archive address: {url}"),
    "data.boundaries.fetch_button": ("Unduh batas wilayah", "Fetch boundaries"),
    "data.boundaries.progress": (
        "Mengunduh: {done} dari {total} berkas selesai ({label})",
        "Downloading: {done} of {total} files done ({label})",
    ),
    "data.boundaries.building": (
        "Menyusun dan menyimpan batas wilayah ...",
        "Building and saving the boundaries ...",
    ),
    "data.boundaries.written": (
        "Tersimpan: provinsi {code} {name}, {villages} desa/kelurahan: {with_polygon} dengan poligon, "
        "{without} tanpa poligon.",
        "Saved: province {code} {name}, {villages} villages: {with_polygon} with a polygon, {without} without.",
    ),
    "data.boundaries.fetch_failed": (
        '{message} Di halaman ini: unggah berkas batas wilayah di bagian "Impor berkas batas wilayah" di bawah.',
        '{message} On this page: upload a boundary file under "Import a boundary file" below.',
    ),
    "data.boundaries.import_title": ("Impor berkas batas wilayah", "Import a boundary file"),
    "data.boundaries.upload": (
        "Berkas batas wilayah (GeoPackage, Shapefile dalam .zip, GeoJSON, GeoParquet)",
        "Boundary file (GeoPackage, zipped Shapefile, GeoJSON, GeoParquet)",
    ),
    "data.boundaries.upload_help": (
        "Sistem koordinat apa pun. Setiap baris perlu kode Kemendagri (mis. 36.04.13.2007, dengan atau "
        "tanpa titik); kolom kodenya dikenali sendiri. Kode BPS tidak dapat dipakai.",
        "Any coordinate reference system. Every row needs a Kemendagri code (e.g. 36.04.13.2007, with or "
        "without dots); the code column is recognised automatically. BPS codes cannot be used.",
    ),
    "data.boundaries.auto": ("otomatis", "automatic"),
    "data.boundaries.code_column": ("Kolom kode (opsional)", "Code column (optional)"),
    "data.boundaries.code_column_help": (
        "Nama kolom berisi kode Kemendagri, bila tidak dikenali sendiri (sama dengan --code-column di "
        "baris perintah).",
        "Name of the column holding Kemendagri codes, when it is not recognised (same as --code-column on "
        "the command line).",
    ),
    "data.boundaries.name_column": ("Kolom nama (opsional)", "Name column (optional)"),
    "data.boundaries.name_column_help": (
        "Kolom nama wilayah, untuk dibandingkan dengan nama resmi (sama dengan --name-column).",
        "Column of area names, compared with the official names (same as --name-column).",
    ),
    "data.boundaries.layer": ("Lapisan (opsional)", "Layer (optional)"),
    "data.boundaries.layer_help": (
        "Untuk GeoPackage dengan beberapa lapisan: nama lapisan yang diimpor (sama dengan --layer).",
        "For a GeoPackage with several layers: the name of the layer to import (same as --layer).",
    ),
    "data.boundaries.import_button": ("Impor batas wilayah", "Import boundaries"),
    "data.boundaries.importing": ("Membaca dan menyimpan {file} ...", "Reading and saving {file} ..."),
    "data.boundaries.problems": (
        "Masalah pada baris (dilaporkan, impor tetap berjalan):",
        "Row problems (reported, the import went on):",
    ),
    "data.boundaries.status_title": ("Batas wilayah tersimpan", "Stored boundaries"),
    "data.boundaries.status_where": ("Data tersimpan: {store}", "Store: {store}"),
    "data.boundaries.status_empty": (
        "Data tersimpan belum berisi batas wilayah. Unduh atau impor di atas.",
        "The store holds no boundaries yet. Fetch or import them above.",
    ),
    "data.boundaries.col.province": ("Provinsi", "Province"),
    "data.boundaries.col.villages": ("Desa/kelurahan", "Villages"),
    "data.boundaries.col.without": ("Tanpa poligon", "Without polygon"),
    "data.boundaries.col.source": ("Sumber", "Source"),
    "data.boundaries.col.date": ("Tanggal impor", "Imported on"),
    "data.severity.error": ("galat", "error"),
    "data.severity.unmatched": ("tidak cocok", "unmatched"),
    "data.severity.ambiguous": ("ragu", "ambiguous"),
    "data.severity.warning": ("peringatan", "warning"),
    "data.severity.info": ("info", "info"),
    "data.severity.skipped": ("dilewati", "skipped"),
    "data.severity.subtotal": ("baris jumlah", "subtotal"),
    "data.severity.dropped": ("dibuang", "dropped"),
    "data.severity.sheet": ("lembar", "sheet"),
    "data.severity.column": ("kolom", "column"),
    # ---------------------------------------------------------------- fields (mapping table)
    "data.field.village_code": ("Kode desa (Kemendagri)", "Village code (Kemendagri)"),
    "data.field.bps_code": ("Kode BPS (tidak dipakai)", "BPS code (not used)"),
    "data.field.district_code": ("Kode kecamatan", "District code"),
    "data.field.regency_code": ("Kode kabupaten/kota", "Regency code"),
    "data.field.province_code": ("Kode provinsi", "Province code"),
    "data.field.village_name": ("Nama desa/kelurahan", "Village name"),
    "data.field.district_name": ("Kecamatan", "District"),
    "data.field.regency_name": ("Kabupaten/kota", "Regency/city"),
    "data.field.province_name": ("Provinsi", "Province"),
    "data.field.latitude": ("Lintang", "Latitude"),
    "data.field.longitude": ("Bujur", "Longitude"),
    "data.field.coordinates": ("Koordinat (lintang, bujur)", "Coordinates (latitude, longitude)"),
    "data.field.year": ("Tahun", "Year"),
    "data.field.month": ("Bulan", "Month"),
    "data.field.date": ("Tanggal", "Date"),
    "data.field.count": ("Jumlah PMI", "Workers placed"),
    "data.field.count_l": ("Jumlah laki-laki", "Men"),
    "data.field.count_p": ("Jumlah perempuan", "Women"),
    "data.field.gender": ("Jenis kelamin", "Gender"),
    "data.field.destination": ("Negara penempatan", "Destination country"),
    "data.field.sector": ("Sektor/jabatan", "Sector/occupation"),
    "data.field.scheme": ("Skema penempatan", "Placement scheme"),
    "data.field.agency": ("Perusahaan penempatan (P3MI)", "Recruitment agency (P3MI)"),
    "data.field.programme": ("Jenis program", "Programme type"),
    "data.field.start_year": ("Tahun mulai", "Start year"),
    "data.field.members": ("Jumlah anggota", "Members"),
    "data.field.active": ("Aktif", "Active"),
    "data.field.enterprise_type": ("Jenis usaha", "Enterprise type"),
    "data.field.kur_credit": ("Akses KUR", "KUR credit"),
    "data.field.cooperative": ("Koperasi", "Cooperative"),
    "data.field.enterprises": ("Jumlah usaha", "Enterprises"),
    "data.field.channel": ("Modus/jalur", "Channel"),
    "data.field.outcome": ("Hasil penanganan", "Outcome"),
    "data.field.persons": ("Jumlah orang", "Persons"),
    "data.field.reports": ("Jumlah laporan", "Reports"),
    "data.field.residents": ("Jumlah penduduk", "Residents"),
    # ---------------------------------------------------------------- personal data
    "data.pii.nik": ("NIK", "NIK (ID number)"),
    "data.pii.family_card": ("nomor KK", "family-card number"),
    "data.pii.passport": ("nomor paspor", "passport number"),
    "data.pii.phone": ("nomor telepon", "phone number"),
    "data.pii.email": ("e-mail", "e-mail"),
    "data.pii.birth": ("tanggal lahir", "birth date"),
    "data.pii.address": ("alamat", "address"),
    "data.pii.name": ("nama orang", "person's name"),
    "data.pii.by_header": ("dari judul kolom", "by its header"),
    "data.pii.by_content": ("dari isinya", "by its content"),
    # ---------------------------------------------------------------- problems (each with the fix)
    "data.issue.personal_dropped": (
        "Kolom '{column}' berisi data pribadi ({kind}, dikenali {by}) dan dibuang; tidak disimpan di mana pun.",
        "Column '{column}' holds personal data ({kind}, recognised {by}) and was dropped; it is stored nowhere.",
    ),
    "data.issue.personal_values_blanked": (
        "Kolom '{column}': {n} sel tampak berisi data pribadi (baris {rows}) dan dikosongkan. Hapus data pribadi dari kolom ini.",
        "Column '{column}': {n} cells look like personal data (rows {rows}) and were blanked. Remove personal data from this column.",
    ),
    "data.issue.file_bad_xlsx": (
        "{file}: bukan file Excel yang bisa dibaca ({detail}). Simpan ulang sebagai .xlsx atau CSV.",
        "{file}: not a readable Excel file ({detail}). Save it again as .xlsx or CSV.",
    ),
    "data.issue.file_old_xls": (
        "{file}: format Excel lama (.xls). Buka di Excel dan simpan sebagai .xlsx atau CSV.",
        "{file}: old Excel format (.xls). Open it in Excel and save it as .xlsx or CSV.",
    ),
    "data.issue.file_no_sheet": (
        "{file}: tidak ada lembar '{sheet}'. Lembar yang ada: {sheets}.",
        "{file}: there is no sheet '{sheet}'. Sheets: {sheets}.",
    ),
    "data.issue.file_unreadable": (
        "{file}: file tidak bisa dibuka ({detail}). Periksa nama dan lokasinya.",
        "{file}: the file cannot be opened ({detail}). Check its name and location.",
    ),
    "data.issue.file_not_a_table": (
        "{file}: bukan file tabel (XLSX, XLS atau CSV). Ekspor datanya sebagai Excel atau CSV lalu muat lagi.",
        "{file}: not a table file (XLSX, XLS or CSV). Export the data as Excel or CSV and load it again.",
    ),
    "data.issue.count_empty": (
        "Kolom '{column}': {n} sel kosong (baris {rows}) dihitung 0. Isi angkanya bila bukan nol.",
        "Column '{column}': {n} empty cells (rows {rows}) are counted as 0. Fill in the number if it is not zero.",
    ),
    "data.issue.too_large": (
        "Baris {row}, kolom '{column}': '{value}' terlalu besar untuk sebuah jumlah. Periksa angkanya (mungkin NIK atau kode?).",
        "Row {row}, column '{column}': '{value}' is too large for a count. Check the number (an ID or a code?).",
    ),
    "data.issue.file_empty_file": (
        "{file}: file kosong. Pilih file yang berisi tabel.",
        "{file}: the file is empty. Choose a file with a table.",
    ),
    "data.issue.no_rows": (
        "{file}: ada judul kolom tetapi tidak ada baris data.",
        "{file}: there is a header but no data rows.",
    ),
    "data.issue.no_village_column": (
        "{file}: tidak ada kolom desa. Beri judul kolom seperti 'Kode Desa', 'Kode Wilayah' atau 'Desa/Kelurahan' (lihat kamus data). Kolom yang ditemukan: {columns}",
        "{file}: no village column. Name a column like 'Kode Desa', 'Kode Wilayah' or 'Desa/Kelurahan' (see the data dictionary). Columns found: {columns}",
    ),
    "data.issue.only_area_columns": (
        "{file}: berkas ini berisi angka per kabupaten/kota atau kecamatan (kolom '{column}'), tanpa kolom desa. "
        "Atlas memetakan desa: gunakan rekap per desa dengan kolom 'Desa/Kelurahan' atau 'Kode Desa'.",
        "{file}: this file holds figures per regency or district (column '{column}'), with no village column. "
        "The atlas maps villages: use a recap per village with a 'Desa/Kelurahan' or 'Kode Desa' column.",
    ),
    "data.issue.only_bps_column": (
        "{file}: kolom '{column}' berisi kode BPS, yang bukan kode Kemendagri dan tidak dapat dicocokkan dengan aman. "
        "Tambahkan kolom kode desa Kemendagri (mis. 36.04.13.2007) atau nama desa, kecamatan dan kabupaten.",
        "{file}: column '{column}' holds BPS codes, which are not Kemendagri codes and cannot be matched safely. "
        "Add a Kemendagri village code column (e.g. 36.04.13.2007) or village, district and regency names.",
    ),
    "data.issue.code_column_by_content": (
        "Kolom '{column}' dipakai sebagai kode desa karena isinya kode Kemendagri.",
        "Column '{column}' is used as the village code because it holds Kemendagri codes.",
    ),
    "data.issue.skipped_totals": (
        "Baris {row} ('{text}') adalah baris jumlah; tidak dihitung dan tidak disimpan.",
        "Row {row} ('{text}') is a totals row; it is not counted or stored.",
    ),
    "data.issue.subtotal_word": (
        "Baris {row} ('{place}') adalah baris jumlah/subtotal; tidak dihitung dan tidak disimpan.",
        "Row {row} ('{place}') is a total or subtotal row; it is not counted or stored.",
    ),
    "data.issue.subtotal_area": (
        "Baris {row} ('{place}') menyebut kecamatan atau kabupaten tanpa desa: baris subtotal, "
        "tidak dihitung dan tidak disimpan.",
        "Row {row} ('{place}') names a district or regency without a village: a subtotal row, "
        "not counted or stored.",
    ),
    "data.issue.subtotal_sum": (
        "Baris {row} ('{place}'): angkanya sama dengan jumlah baris di atasnya dalam kelompoknya, "
        "jadi dianggap subtotal dan tidak dihitung. Bila ini sebuah desa, tulis nama atau kode desanya.",
        "Row {row} ('{place}'): its count equals the sum of the rows above it in its group, so it "
        "is taken as a subtotal and not counted. If it is a village, write its name or code.",
    ),
    "data.issue.skipped_notes": (
        "Baris {row} ('{text}') adalah catatan dan dilewati.",
        "Row {row} ('{text}') is a note and was skipped.",
    ),
    "data.issue.not_a_number": (
        "Baris {row}, kolom '{column}': '{value}' bukan angka. Tulis jumlah sebagai angka (mis. 1.210).",
        "Row {row}, column '{column}': '{value}' is not a number. Write the count as a number (e.g. 1,210).",
    ),
    "data.issue.not_whole": (
        "Baris {row}, kolom '{column}': '{value}' bukan bilangan bulat. Jumlah orang harus bilangan bulat.",
        "Row {row}, column '{column}': '{value}' is not a whole number. Counts of people must be whole numbers.",
    ),
    "data.issue.negative": (
        "Baris {row}, kolom '{column}': '{value}' negatif. Jumlah tidak boleh negatif; perbaiki angkanya.",
        "Row {row}, column '{column}': '{value}' is negative. Counts cannot be negative; correct the number.",
    ),
    "data.issue.year_range": (
        "Baris {row}, kolom '{column}': tahun '{value}' tidak mungkin. Tulis tahun antara {min} dan {max}.",
        "Row {row}, column '{column}': year '{value}' is impossible. Write a year between {min} and {max}.",
    ),
    "data.issue.year_not_a_year": (
        "Baris {row}, kolom '{column}': '{value}' bukan tahun. Tulis tahun empat angka (mis. 2023).",
        "Row {row}, column '{column}': '{value}' is not a year. Write a four-digit year (e.g. 2023).",
    ),
    "data.issue.year_missing": (
        "Baris {row}, kolom '{column}': tahun kosong. Isi tahunnya.",
        "Row {row}, column '{column}': the year is empty. Fill it in.",
    ),
    "data.issue.no_year": (
        "{file}: tidak ada kolom tahun atau tanggal, dan judul tabel tidak menyebut satu tahun. Tambahkan kolom 'Tahun'.",
        "{file}: no year or date column, and the title does not name one year. Add a 'Tahun' (year) column.",
    ),
    "data.issue.year_from_title": (
        "Tidak ada kolom tahun: tahun {year} diambil dari judul, nama lembar atau nama file.",
        "No year column: the year {year} was taken from the title, sheet name or file name.",
    ),
    "data.issue.month_range": (
        "Baris {row}, kolom '{column}': bulan '{value}' tidak ada. Tulis bulan 1–12 atau namanya.",
        "Row {row}, column '{column}': month '{value}' does not exist. Write a month 1–12 or its name.",
    ),
    "data.issue.month_not_a_month": (
        "Baris {row}, kolom '{column}': '{value}' bukan bulan. Tulis 1–12 atau nama bulan (Januari ...).",
        "Row {row}, column '{column}': '{value}' is not a month. Write 1–12 or a month name.",
    ),
    "data.issue.date_not_a_date": (
        "Baris {row}, kolom '{column}': '{value}' bukan tanggal. Tulis seperti 29/12/2023 atau 29 Desember 2023.",
        "Row {row}, column '{column}': '{value}' is not a date. Write it like 29/12/2023 or 29 Desember 2023.",
    ),
    "data.issue.gender_unknown": (
        "Baris {row}, kolom '{column}': jenis kelamin '{value}' tidak dikenal (dipakai: L/P, Laki-laki/Perempuan); dibiarkan kosong.",
        "Row {row}, column '{column}': gender '{value}' is not recognised (use L/P, Laki-laki/Perempuan); left empty.",
    ),
    "data.issue.scheme_unknown": (
        "Baris {row}, kolom '{column}': skema '{value}' tidak dikenal (G to G, P to P, Mandiri); disimpan sebagai 'lainnya'.",
        "Row {row}, column '{column}': scheme '{value}' is not recognised (G to G, P to P, Mandiri); stored as 'other'.",
    ),
    "data.issue.outcome_unknown": (
        "Baris {row}, kolom '{column}': hasil '{value}' tidak dikenal (dicegah, dipulangkan, ditangani); disimpan sebagai 'lainnya'.",
        "Row {row}, column '{column}': outcome '{value}' is not recognised (prevented, returned, case handled); stored as 'other'.",
    ),
    "data.issue.programme_unknown": (
        "Baris {row}, kolom '{column}': jenis program '{value}' tidak dikenal. Pakai salah satu: KKBM, Desmigratif, Kawan PMI, MRC/BP PIPA, Perdes PMI, Perwira PMI, Lainnya (beberapa program dalam satu sel dipisah koma, '&' atau 'dan').",
        "Row {row}, column '{column}': programme type '{value}' is not recognised. Use one of: KKBM, Desmigratif, Kawan PMI, MRC/BP PIPA, Perdes PMI, Perwira PMI, Other (several programmes in one cell separated by commas, '&' or 'dan').",
    ),
    "data.issue.programme_missing": (
        "Baris {row}, kolom '{column}': jenis program kosong. Isi jenis programnya.",
        "Row {row}, column '{column}': the programme type is empty. Fill it in.",
    ),
    "data.issue.no_programme_column": (
        "{file}: tidak ada kolom jenis program. Tambahkan kolom 'Jenis Program'.",
        "{file}: no programme-type column. Add a 'Jenis Program' column.",
    ),
    "data.issue.no_residents_column": (
        "{file}: tidak ada kolom jumlah penduduk. Tambahkan kolom 'Jumlah Penduduk'.",
        "{file}: no residents column. Add a 'Jumlah Penduduk' column.",
    ),
    "data.issue.wide_years": (
        "Kolom {column} dibaca sebagai jumlah per tahun ({n} tahun).",
        "Columns {column} were read as counts per year ({n} years).",
    ),
    "data.issue.programme_matrix": (
        "Kolom {column} dibaca sebagai tanda program per desa (Ya/✓ = ada program).",
        "Columns {column} were read as programme marks per village (Yes/✓ = has the programme).",
    ),
    "data.issue.total_ignored": (
        "Kolom '{column}' (total) tidak dipakai karena jumlah laki-laki dan perempuan ada.",
        "Column '{column}' (total) is not used because the men and women columns are given.",
    ),
    "data.issue.duplicate": (
        "Baris {row} mengulang baris {first} (kolom {column} sama) dan tidak ada kolom lain yang membedakannya. Bila keduanya data yang berbeda, tambahkan kolom pembedanya (mis. skema, negara, sektor); bila baris tersalin dua kali, hapus salinannya.",
        "Row {row} repeats row {first} (same {column}) and no other column tells them apart. If both are real, add the column that tells them apart (e.g. scheme, country, sector); if the row was copied twice, remove the copy.",
    ),
    "data.issue.duplicate_counted": (
        "Baris {row} mengulang desa dan jenis program baris {first}: dihitung sebagai dua program. Bila kelompoknya sama, hapus salah satu.",
        "Row {row} repeats the village and programme type of row {first}: counted as two programmes. If it is the same group, delete one.",
    ),
    "data.issue.nothing_matched": (
        "{file}: tidak ada baris yang cocok ke desa. Periksa kode/nama desa (lihat laporan) lalu impor lagi.",
        "{file}: no row matched a village. Check the village codes/names (see the report) and import again.",
    ),
    "data.issue.match_code_unknown": (
        "Baris {row}: kode '{place}' tidak ada di daftar desa Kemendagri. Periksa kodenya atau tambahkan nama desa dan kecamatan.",
        "Row {row}: code '{place}' is not in the Kemendagri village list. Check the code or add village and district names.",
    ),
    "data.issue.match_code_looks_like_bps": (
        "Baris {row}: '{place}' tampaknya kode BPS, bukan kode Kemendagri. Pakai kode Kemendagri (mis. 36.04.13.2007) atau nama desa.",
        "Row {row}: '{place}' looks like a BPS code, not a Kemendagri code. Use the Kemendagri code (e.g. 36.04.13.2007) or the village name.",
    ),
    "data.issue.match_code_not_a_code": (
        "Baris {row}: '{place}' bukan kode wilayah. Tulis kode seperti 36.04.13.2007 atau 3604132007.",
        "Row {row}: '{place}' is not an area code. Write a code like 36.04.13.2007 or 3604132007.",
    ),
    "data.issue.match_code_bad_length": (
        "Baris {row}: kode '{place}' panjangnya salah. Kode desa punya 10 angka (36.04.13.2007).",
        "Row {row}: code '{place}' has the wrong length. A village code has 10 digits (36.04.13.2007).",
    ),
    "data.issue.match_code_bad_village_part": (
        "Baris {row}: kode '{place}': bagian desa harus diawali 1 (kelurahan) atau 2 (desa). Periksa kodenya.",
        "Row {row}: code '{place}': the village part must start with 1 (kelurahan) or 2 (desa). Check the code.",
    ),
    "data.issue.match_regency_not_found": (
        "Baris {row}: kabupaten/kota di '{place}' tidak dikenal. Periksa ejaannya. Calon: {candidates}",
        "Row {row}: the regency/city in '{place}' is not known. Check the spelling. Candidates: {candidates}",
    ),
    "data.issue.match_regency_ambiguous": (
        "Baris {row}: kabupaten/kota di '{place}' cocok ke beberapa wilayah. Tambahkan provinsi atau 'Kab.'/'Kota'. Calon: {candidates}",
        "Row {row}: the regency/city in '{place}' fits several areas. Add the province or 'Kab.'/'Kota'. Candidates: {candidates}",
    ),
    "data.issue.match_province_ambiguous": (
        "Baris {row}: provinsi di '{place}' cocok ke beberapa wilayah. Calon: {candidates}",
        "Row {row}: the province in '{place}' fits several areas. Candidates: {candidates}",
    ),
    "data.issue.match_province_not_found": (
        "Baris {row}: provinsi di '{place}' tidak dikenal. Calon: {candidates}",
        "Row {row}: the province in '{place}' is not known. Candidates: {candidates}",
    ),
    "data.issue.match_district_not_found": (
        "Baris {row}: kecamatan di '{place}' tidak ada di kabupaten itu. Periksa ejaannya. Calon: {candidates}",
        "Row {row}: the district in '{place}' is not in that regency. Check the spelling. Candidates: {candidates}",
    ),
    "data.issue.match_district_ambiguous": (
        "Baris {row}: kecamatan di '{place}' cocok ke beberapa wilayah. Tambahkan kabupaten/kota. Calon: {candidates}",
        "Row {row}: the district in '{place}' fits several areas. Add the regency/city. Candidates: {candidates}",
    ),
    "data.issue.match_village_not_found": (
        "Baris {row}: desa '{place}' tidak ditemukan di wilayah induknya. Periksa ejaan atau pakai kode desa. Calon: {candidates}",
        "Row {row}: village '{place}' was not found in its parent area. Check the spelling or use the village code. Candidates: {candidates}",
    ),
    "data.issue.match_village_ambiguous": (
        "Baris {row}: desa '{place}' cocok ke beberapa desa. Tambahkan kecamatan atau pakai kode desa. Calon: {candidates}",
        "Row {row}: village '{place}' fits several villages. Add the district or use the village code. Candidates: {candidates}",
    ),
    "data.issue.match_village_not_found_no_parent": (
        "Baris {row}: desa '{place}' tidak ditemukan. Tambahkan kecamatan dan kabupaten, atau pakai kode desa.",
        "Row {row}: village '{place}' was not found. Add district and regency, or use the village code.",
    ),
    "data.issue.match_village_ambiguous_no_parent": (
        "Baris {row}: ada beberapa desa bernama '{place}'. Tambahkan kecamatan dan kabupaten, atau pakai kode desa. Calon: {candidates}",
        "Row {row}: several villages are called '{place}'. Add district and regency, or use the village code. Candidates: {candidates}",
    ),
    "data.issue.match_no_village": (
        "Baris {row}: nama desa kosong ('{place}'). Isi nama atau kode desa.",
        "Row {row}: the village name is empty ('{place}'). Fill in the village name or code.",
    ),
    "data.issue.match_no_location": (
        "Baris {row}: tidak ada kode, nama desa atau koordinat. Isi salah satunya.",
        "Row {row}: no code, village name or coordinates. Fill in one of them.",
    ),
    "data.issue.match_area_total_row": (
        "Baris {row}: '{place}' adalah baris kecamatan/kabupaten, bukan desa; dianggap subtotal dan tidak disimpan.",
        "Row {row}: '{place}' is a district/regency row, not a village; it is taken as a subtotal and not saved.",
    ),
    "data.issue.match_point_outside": (
        "Baris {row}: koordinatnya tidak jatuh di batas desa mana pun yang tersimpan. Periksa lintang/bujur atau tambahkan nama desa.",
        "Row {row}: its coordinates fall in no stored village boundary. Check latitude/longitude or add the village name.",
    ),
    # ---------------------------------------------------------------- limits and hostile files
    "data.issue.file_limit_file_mb": (
        "{file}: ukuran file {found} MB melebihi batas {limit} MB ({variable}). Pecah file menjadi beberapa bagian.",
        "{file}: the file is {found} MB, over the limit of {limit} MB ({variable}). Split it into parts.",
    ),
    "data.issue.file_limit_rows": (
        "{file}: {found} baris melebihi batas {limit} baris ({variable}). Pecah file per tahun atau per wilayah.",
        "{file}: {found} rows, over the limit of {limit} rows ({variable}). Split the file by year or area.",
    ),
    "data.issue.file_limit_columns": (
        "{file}: {found} kolom melebihi batas {limit} kolom ({variable}). Hapus kolom kosong atau yang tidak dipakai.",
        "{file}: {found} columns, over the limit of {limit} columns ({variable}). Delete empty or unused columns.",
    ),
    "data.issue.file_limit_cell_chars": (
        "{file}: sebuah sel berisi {found} karakter, melebihi batas {limit} ({variable}). Periksa isi sel yang sangat panjang.",
        "{file}: a cell holds {found} characters, over the limit of {limit} ({variable}). Check the very long cell.",
    ),
    "data.issue.file_limit_sheet_cells": (
        "{file}: lembar kerja menyatakan atau berisi {found} sel, melebihi batas {limit} ({variable}). Simpan hanya tabelnya sebagai CSV, atau hapus baris/kolom kosong.",
        "{file}: the sheet declares or holds {found} cells, over the limit of {limit} ({variable}). Save only the table as CSV, or delete empty rows/columns.",
    ),
    "data.issue.file_limit_unzipped_mb": (
        "{file}: isi file setelah dibuka {found} MB, melebihi batas {limit} MB ({variable}). Simpan ulang hanya tabelnya.",
        "{file}: its content unpacks to {found} MB, over the limit of {limit} MB ({variable}). Save only the table again.",
    ),
    "data.issue.file_limit_features": (
        "{file}: {found} wilayah melebihi batas {limit} ({variable}). Pecah file per provinsi.",
        "{file}: {found} areas, over the limit of {limit} ({variable}). Split the file by province.",
    ),
    "data.issue.file_xml_entities": (
        "{file}: bagian '{member}' berisi deklarasi DTD/entitas XML, yang tidak dibaca demi keamanan. Buka di Excel dan simpan ulang sebagai .xlsx.",
        "{file}: part '{member}' holds an XML DTD/entity declaration, which is not read for safety. Open it in Excel and save it again as .xlsx.",
    ),
    "data.issue.file_unexpected": (
        "{file}: file tidak bisa diproses ({detail}); tidak ada yang disimpan. Simpan ulang sebagai .xlsx atau CSV; bila masih gagal, laporkan nama file ini.",
        "{file}: the file could not be processed ({detail}); nothing was saved. Save it again as .xlsx or CSV; if it still fails, report this file.",
    ),
    # ---------------------------------------------------------------- boundary files: hostile and misplaced
    "boundaries.file.zip_unsafe": (
        "{file}: arsip berisi bagian dengan jalur absolut atau '..' ({member}); arsip seperti ini tidak dibuka. Buat ulang zip hanya dari berkas Shapefile-nya.",
        "{file}: the archive holds a member with an absolute or '..' path ({member}); such archives are not opened. Zip the Shapefile's own files again.",
    ),
    "boundaries.file.zip_too_large": (
        "{file}: isi arsip {found} MB setelah dibuka, melebihi batas {limit} MB ({variable}). Pecah per provinsi.",
        "{file}: the archive unpacks to {found} MB, over the limit of {limit} MB ({variable}). Split it by province.",
    ),
    "boundaries.file.too_many_features": (
        "{file}: {found} wilayah, melebihi batas {limit} ({variable}). Pecah per provinsi.",
        "{file}: {found} areas, over the limit of {limit} ({variable}). Split it by province.",
    ),
    "boundaries.file.outside_indonesia": (
        "{file}: {count} poligon berada di luar wilayah Indonesia (baris {rows}; batas {bounds}; CRS berkas: {crs}). Kemungkinan penyebab: {cause}",
        "{file}: {count} polygons lie outside Indonesia (rows {rows}; extent {bounds}; file CRS: {crs}). Likely cause: {cause}",
    ),
    "boundaries.cause.swapped": (
        "lintang dan bujur tertukar. Ekspor ulang dengan urutan bujur, lintang (x = bujur).",
        "latitude and longitude are swapped. Export again in longitude, latitude order (x = longitude).",
    ),
    "boundaries.cause.projected": (
        "koordinat dalam meter (CRS proyeksi) tetapi berkas tidak menyatakannya dengan benar. Sertakan berkas .prj atau ekspor dalam EPSG:4326.",
        "coordinates in metres (a projected CRS) that the file does not declare correctly. Include the .prj file or export in EPSG:4326.",
    ),
    "boundaries.cause.crs": (
        "CRS yang dinyatakan berkas salah. Periksa CRS-nya atau ekspor dalam EPSG:4326.",
        "the CRS the file declares is wrong. Check its CRS or export in EPSG:4326.",
    ),
    "boundaries.cause.shifted": (
        "koordinat bergeser atau salah. Periksa berkas di aplikasi GIS.",
        "the coordinates are shifted or wrong. Check the file in a GIS application.",
    ),
    # ---------------------------------------------------------------- office forms (issue 16)
    "data.issue.total_column_ignored": (
        "Kolom '{column}' adalah total dan tidak dihitung (jumlahnya dihitung dari kolom per tahun/bulan).",
        "Column '{column}' is a total and is not counted (the counts come from the per-year/month columns).",
    ),
    "data.issue.wide_months": (
        "Kolom {column} dibaca sebagai jumlah per bulan ({n} bulan).",
        "Columns {column} were read as counts per month ({n} months).",
    ),
    "data.issue.title_years_differ": (
        "Judul tabel menyebut tahun {title}, tetapi kolomnya berisi tahun {columns}. Periksa apakah tabel lengkap.",
        "The table title names the years {title}, but its columns hold the years {columns}. Check that the table is complete.",
    ),
    "data.issue.bps_by_content": (
        "{file}: kolom '{column}' berisi kode BPS ({share} % nilainya berbentuk kode BPS PPKKCCCDDD), bukan kode Kemendagri; "
        "tidak ada baris yang disimpan, juga yang kebetulan terbaca sebagai kode Kemendagri. "
        "Tambahkan kolom kode desa Kemendagri (mis. 36.04.13.2007) atau nama desa, kecamatan dan kabupaten.",
        "{file}: column '{column}' holds BPS codes ({share} % of its values have the BPS shape PPKKCCCDDD), not Kemendagri codes; "
        "no row is stored, not even those that happen to read as Kemendagri codes. "
        "Add a Kemendagri village code column (e.g. 36.04.13.2007) or village, district and regency names.",
    ),
    "data.issue.area_codes_by_content": (
        "{file}: kolom '{column}' berisi kode kecamatan atau kabupaten/kota ({share} % nilainya), bukan kode desa; tidak ada baris yang disimpan. "
        "Gunakan rekap per desa dengan kode desa Kemendagri (10 digit).",
        "{file}: column '{column}' holds district or regency codes ({share} % of its values), not village codes; no row is stored. "
        "Use a table per village with Kemendagri village codes (10 digits).",
    ),
    "data.issue.village_numbers_as_code": (
        "Kolom '{column}' berisi nomor desa (4 digit), dibaca sebagai bagian akhir kode desa bersama kolom kode kecamatan/kabupaten.",
        "Column '{column}' holds village numbers (4 digits), read as the last part of the village code with the district/regency code columns.",
    ),
    # ---------------------------------------------------------------- the join preview (issue 11)
    "data.matches": ("Pencocokan desa per baris", "Village matched by each row"),
    "data.matches_empty": ("Belum ada baris yang dicocokkan.", "No row has been matched yet."),
    "data.matches_filter": ("Tampilkan cara pencocokan", "Show matching method"),
    "data.matches_all": ("Semua cara", "All methods"),
    "data.col.match_row": ("Baris", "Row"),
    "data.col.match_kind": ("Cara", "Method"),
    "data.col.match_score": ("Skor", "Score"),
    "data.col.match_village": ("Kode desa", "Village code"),
    "data.col.match_village_name": ("Desa/Kelurahan", "Village"),
    "data.col.match_district": ("Kecamatan", "District"),
    "data.col.match_regency": ("Kabupaten/Kota", "Regency/city"),
    "data.method.code": ("kode", "code"),
    "data.method.name": ("nama", "name"),
    "data.method.old_spelling": ("ejaan lama", "old spelling"),
    "data.method.fuzzy": ("mirip (fuzzy)", "fuzzy"),
    "data.method.name_only": ("nama saja (unik)", "name only (unique)"),
    "data.method.name_regency": ("nama dalam kabupaten", "name within regency"),
    "data.method.point": ("titik dalam poligon", "point in polygon"),
    "data.method.unmatched": ("tidak cocok", "unmatched"),
    "data.method.ambiguous": ("ragu", "ambiguous"),
    "data.method.subtotal": ("baris jumlah", "subtotal"),
    "data.method.": ("–", "–"),
    "data.keep_other_rows": (
        "Simpan {rest} baris lainnya (lewati {n} baris bermasalah)",
        "Keep the other {rest} rows (skip the {n} rows with problems)",
    ),
    "programme.PERWIRA": ("Perwira PMI", "Perwira PMI"),
    # ---------------------------------------------------------------- CLI
    "data.cli.read": (
        "{file}: {rows} baris dibaca (lembar {sheet}).",
        "{file}: {rows} rows read (sheet {sheet}).",
    ),
    "data.cli.dropped": (
        "  kolom data pribadi dibuang: '{column}' ({kind})",
        "  personal-data column dropped: '{column}' ({kind})",
    ),
    "data.cli.matched": (
        "  cocok: {matched}, ragu: {ambiguous}, tidak cocok: {unmatched}",
        "  matched: {matched}, ambiguous: {ambiguous}, unmatched: {unmatched}",
    ),
    "data.cli.subtotals": (
        "  baris jumlah/subtotal (tidak dihitung): {n}",
        "  total and subtotal rows (not counted): {n}",
    ),
    "data.cli.more": (
        "  ... dan {n} masalah lain (lihat laporan)",
        "  ... and {n} more problems (see the report)",
    ),
    "data.cli.rejected": (
        "{file} ditolak; tidak ada yang disimpan.",
        "{file} was rejected; nothing was saved.",
    ),
    "data.cli.imported": (
        "Tersimpan: {layer} versi {version}, {rows} baris ({mode}).",
        "Saved: {layer} version {version}, {rows} rows ({mode}).",
    ),
    # ---------------------------------------------------------------- sheets, columns, wide tables (issue 25)
    "data.issue.sheet_read": (
        "Lembar '{sheet}' dibaca: {rows} baris. {context}",
        "Sheet '{sheet}' read: {rows} rows. {context}",
    ),
    "data.issue.sheet_not_read_empty": (
        "Lembar '{sheet}' tidak dibaca: kosong atau tanpa tabel.",
        "Sheet '{sheet}' not read: empty or no table.",
    ),
    "data.issue.sheet_not_read_hidden": (
        "Lembar '{sheet}' tidak dibaca: lembar tersembunyi. Pilih namanya bila lembar ini yang diimpor.",
        "Sheet '{sheet}' not read: a hidden sheet. Choose it by name if it is the one to import.",
    ),
    "data.issue.sheet_not_read_no_village_column": (
        "Lembar '{sheet}' tidak dibaca: tidak ada kolom desa/kelurahan (rekap per wilayah?).",
        "Sheet '{sheet}' not read: no village column (a recap per area?).",
    ),
    "data.issue.sheet_not_read_other_table": (
        "Lembar '{sheet}' tidak dibaca: berisi tabel lain (kolomnya bukan kolom data file ini).",
        "Sheet '{sheet}' not read: it holds another table (its columns are not this file's data columns).",
    ),
    "data.issue.sheet_not_read_not_chosen": (
        "Lembar '{sheet}' tidak dibaca: lembar lain dipilih.",
        "Sheet '{sheet}' not read: another sheet was chosen.",
    ),
    "data.issue.sheets_differ": (
        '{file}: lembar {sheets} berisi baris desa dengan kolom yang berbeda, jadi tidak dibaca sekaligus. Pilih satu lembar (di baris perintah: --sheet "{first}"; di halaman Data: pilihan Lembar) dan impor lembar demi lembar, atau samakan kolomnya.',
        '{file}: sheets {sheets} hold village rows with different columns, so they are not read together. Choose one sheet (command line: --sheet "{first}"; Data page: the Sheet choice) and import them one by one, or give them the same columns.',
    ),
    "data.issue.year_from_sheet": (
        "Tidak ada kolom tahun: tahun tiap baris diambil dari nama atau judul lembarnya ({sheets}).",
        "No year column: each row's year was taken from its sheet's name or title ({sheets}).",
    ),
    "data.issue.regency_from_sheet": (
        "Tidak ada kolom kabupaten/kota: diambil dari nama atau judul lembar ({names}).",
        "No regency column: taken from the sheet's name or title ({names}).",
    ),
    "data.issue.province_from_sheet": (
        "Tidak ada kolom provinsi: diambil dari judul ({names}).",
        "No province column: taken from the title ({names}).",
    ),
    "data.issue.column_not_used": (
        "Kolom '{column}' tidak dipakai: lapisan ini tidak membaca kolom seperti itu.",
        "Column '{column}' not used: this layer reads no such column.",
    ),
    "data.issue.column_numbers_not_names": (
        "Kolom '{column}' berisi angka, bukan nama, jadi tidak dibaca sebagai kolom kategori (negara, sektor, jenis); angka tidak pernah disimpan sebagai nama.",
        "Column '{column}' holds numbers, not names, so it is not read as a category column (country, sector, type); a number is never stored as a name.",
    ),
    "data.issue.value_is_number": (
        "Baris {row}, kolom '{column}': '{value}' adalah angka, bukan nama; dibiarkan kosong.",
        "Row {row}, column '{column}': '{value}' is a number, not a name; left empty.",
    ),
    "data.issue.flag_unknown": (
        "Baris {row}, kolom '{column}': '{value}' bukan Ya/Tidak; dibiarkan kosong (tidak diketahui).",
        "Row {row}, column '{column}': '{value}' is not yes/no; left empty (unknown).",
    ),
    "data.issue.coordinate_unreadable": (
        "Baris {row}, kolom '{column}': koordinat '{value}' tidak terbaca (pakai -6,0123 atau 6°01'12\" LS); baris dicocokkan tanpa koordinat.",
        "Row {row}, column '{column}': coordinate '{value}' cannot be read (write -6.0123 or 6°01'12\" LS); the row is matched without it.",
    ),
    "data.issue.rows_split_by_column": (
        "Beberapa baris mengulang desa yang sama dan dibedakan oleh kolom '{column}', yang tidak dibaca lapisan ini: jumlahnya dijumlahkan per desa.",
        "Some rows repeat a village and are told apart by column '{column}', which this layer does not read: their counts are added up per village.",
    ),
    "data.issue.total_differs": (
        "Kolom '{column}' (total) berbeda dengan jumlah kolom rinciannya pada {n} baris (baris {rows}); rinciannya yang dihitung.",
        "Column '{column}' (total) differs from the sum of its parts in {n} rows (rows {rows}); the parts are counted.",
    ),
    "data.issue.wide_destination": (
        "Kolom {column} dibaca sebagai jumlah per negara tujuan ({n} kolom).",
        "Columns {column} were read as counts per destination country ({n} columns).",
    ),
    "data.issue.wide_sector": (
        "Kolom {column} dibaca sebagai jumlah per sektor ({n} kolom).",
        "Columns {column} were read as counts per sector ({n} columns).",
    ),
    "data.issue.wide_scheme": (
        "Kolom {column} dibaca sebagai jumlah per skema penempatan ({n} kolom).",
        "Columns {column} were read as counts per placement scheme ({n} columns).",
    ),
    "data.issue.programmes_in_one_cell": (
        "Kolom '{column}': {n} sel menyebut beberapa program (baris {rows}); satu baris per program, anggotanya dihitung sekali (pada program pertama).",
        "Column '{column}': {n} cells name several programmes (rows {rows}); one row per programme, its members counted once (with the first programme).",
    ),
}
