"""Texts of what the data covers: coverage notes on figures, the import's replace plan, undo,
the coverage view of the Data page."""

TEXT = {
    # units of the notes (after a number)
    "coverage.unit.province": ("provinsi", "provinces"),
    "coverage.unit.regency": ("kabupaten/kota", "regencies/cities"),
    "coverage.unit.district": ("kecamatan", "districts"),
    "coverage.unit.village": ("desa/kelurahan", "villages"),
    "coverage.unit_one.province": ("provinsi", "province"),
    "coverage.unit_one.regency": ("kabupaten/kota", "regency/city"),
    "coverage.unit_one.district": ("kecamatan", "district"),
    "coverage.unit_one.village": ("desa/kelurahan", "village"),
    # notes on figures and comparisons
    "coverage.note.fewer": (
        "{layer} {year} mencakup {now} dari {before} {unit} yang ada untuk {previous}; perubahan dihitung atas {now} {unit_now} itu saja.",
        "{layer}: {year} covers {now} of the {before} {unit} held for {previous}; the change is computed over those {now} {unit_now} only.",
    ),
    "coverage.note.differs": (
        "{layer}: {year} mencakup {now} {unit_now}, {previous} mencakup {before} {unit}; perubahan dihitung atas {common} {unit_common} yang tercakup di kedua tahun.",
        "{layer}: {year} covers {now} {unit_now}, {previous} {before} {unit}; the change is computed over the {common} {unit_common} covered in both years.",
    ),
    "coverage.note.no_common": (
        "{layer}: {year} dan {previous} tidak mencakup wilayah yang sama; tidak ada perubahan yang dapat dihitung.",
        "{layer}: {year} and {previous} cover no area in common; no change can be computed.",
    ),
    "coverage.note.partial": (
        "{layer} {year} hanya mencakup {now} dari {total} {unit} di {area}; angkanya hanya untuk bagian itu.",
        "{layer}: {year} covers only {now} of the {total} {unit} of {area}; the figure is for that part only.",
    ),
    "coverage.note.trend": (
        "Tren atas {common} {unit_common} yang tercakup di setiap tahun {period} (tahun-tahun itu mencakup {least}–{most} {unit}).",
        "Trend over the {common} {unit_common} covered in every year {period} (those years cover {least}–{most} {unit}).",
    ),
    "coverage.note.outside": (
        "Tidak dihitung: {items} di provinsi yang batas wilayahnya belum ada di atlas ({provinces}).",
        "Not counted: {items} in provinces whose boundaries the atlas does not hold ({provinces}).",
    ),
    "coverage.note.side_by_side": (
        "Kedua peta hanya menunjukkan {common} {unit_common} yang tercakup di {a} dan {b} ({a}: {count_a}, {b}: {count_b}); wilayah lain tidak ada data.",
        "Both maps show only the {common} {unit_common} covered in {a} and in {b} ({a}: {count_a}, {b}: {count_b}); other areas read no data.",
    ),
    "figure.no_common": (
        "tidak sebanding dengan {year} (cakupan berbeda)",
        "not comparable with {year} (different coverage)",
    ),
    "coverage.leaves_rows_out": (
        "Cakupan itu meninggalkan {rows} baris berkas ini di luar ({areas}); sebuah berkas selalu mencakup wilayah baris-barisnya.",
        "That coverage leaves {rows} rows of this file outside it ({areas}); a file always covers the areas of its rows.",
    ),
    "audit.action.undo": ("batalkan impor", "undo an import"),
    # what a file covers (preview, CLI)
    "coverage.describe.title": ("Yang dicakup file ini", "What this file covers"),
    "coverage.describe.line": ("{years}: {areas}", "{years}: {areas}"),
    "coverage.describe.every_year": ("setiap tahun (daftar)", "every year (a register)"),
    "coverage.describe.more": ("dan {n} lainnya", "and {n} more"),
    "coverage.describe.rule": (
        "Di wilayah dan tahun ini, desa tanpa baris dihitung 0; di luarnya: tidak ada data.",
        "In these areas and years a village without a row counts as 0; outside them: no data.",
    ),
    "coverage.level": ("Cakupan menurut", "Coverage by"),
    "coverage.level.help": (
        "Bawaan: setiap kabupaten/kota yang punya baris di file ini (provinsi untuk program). Pilih provinsi untuk memperluas ke seluruh provinsi, atau kecamatan/desa untuk mempersempit.",
        "By default: each regency with a row in this file (province for programmes). Choose province to widen to the whole province, district or village to narrow.",
    ),
    "coverage.level.province": ("provinsi", "province"),
    "coverage.level.regency": ("kabupaten/kota", "regency/city"),
    "coverage.level.district": ("kecamatan", "district"),
    "coverage.level.village": ("desa/kelurahan", "village"),
    "coverage.areas": ("Wilayah yang dicakup", "Areas covered"),
    "coverage.areas.help": (
        "Tambahkan wilayah yang dilaporkan berkas ini tanpa baris (nol penempatan), atau hapus wilayah yang tidak dilaporkannya.",
        "Add areas this file reports without a row (no placement), or remove areas it does not report.",
    ),
    # what a write replaces (preview, CLI)
    "replace.title": ("Yang akan diganti atau dihapus", "What will be replaced or removed"),
    "replace.none": (
        "Tidak ada baris tersimpan yang diganti atau dihapus.",
        "No stored row is replaced or removed.",
    ),
    "replace.summary": (
        "{rows} baris tersimpan ({total}) akan diganti atau dihapus:",
        "{rows} stored rows ({total}) will be replaced or removed:",
    ),
    "replace.line": (
        "{name} ({area}), {year}: {rows} baris ({total})",
        "{name} ({area}), {year}: {rows} rows ({total})",
    ),
    "replace.line_every_year": (
        "{name} ({area}): {rows} baris ({total})",
        "{name} ({area}): {rows} rows ({total})",
    ),
    "replace.versions_removed": (
        "Versi yang hilang seluruhnya: {versions}",
        "Versions removed entirely: {versions}",
    ),
    "replace.kept": (
        "Semua baris lain tetap seperti semula.",
        "Every other row stays as it is.",
    ),
    "replace.confirm": (
        "Saya sudah memeriksa: ganti {rows} baris tersimpan ini",
        "I have checked: replace these {rows} stored rows",
    ),
    "replace.changed": (
        "Data tersimpan berubah sejak pratinjau ini; periksa lagi apa yang akan diganti.",
        "The stored data changed since this preview; check again what will be replaced.",
    ),
    "data.cli.not_written": (
        "Belum ada yang disimpan. Periksa di atas, lalu jalankan lagi dengan --yes untuk menyimpan.",
        "Nothing written yet. Check the above, then run again with --yes to store it.",
    ),
    "data.cli.bad_coverage": (
        "Cakupan tidak dapat dipakai: {message}",
        "The coverage cannot be used: {message}",
    ),
    # undo
    "undo.title": ("Batalkan impor terakhir", "Undo the last import"),
    "undo.none": ("Tidak ada yang dapat dibatalkan untuk {layer}.", "Nothing to undo for {layer}."),
    "undo.what.write": (
        "Membatalkan penyimpanan versi {version} ({mode}, {at}): {layer} kembali persis seperti sebelumnya — {rows_after} baris tersimpan (kini {rows_now}); provinsi yang berubah: {provinces}.",
        "Undoes the save of version {version} ({mode}, {at}): {layer} goes back exactly as it was — {rows_after} stored rows (now {rows_now}); provinces changed: {provinces}.",
    ),
    "undo.what.delete": (
        "Membatalkan penghapusan versi {version} ({at}): {layer} kembali persis seperti sebelumnya — {rows_after} baris tersimpan (kini {rows_now}); provinsi yang berubah: {provinces}.",
        "Undoes the deletion of version {version} ({at}): {layer} goes back exactly as it was — {rows_after} stored rows (now {rows_now}); provinces changed: {provinces}.",
    ),
    "undo.button": ("Batalkan", "Undo"),
    "undo.confirm": (
        "Saya yakin: kembalikan {layer} seperti sebelumnya",
        "I am sure: put {layer} back as it was",
    ),
    "undo.done": (
        "{layer}: penyimpanan versi {version} dibatalkan.",
        "{layer}: the save of version {version} was undone.",
    ),
    "undo.done_delete": (
        "{layer}: penghapusan versi {version} dibatalkan.",
        "{layer}: the deletion of version {version} was undone.",
    ),
    # coverage view (Data page, atlas coverage)
    "coverage.tab": ("Cakupan data", "Data coverage"),
    "coverage.view.intro": (
        "Apa yang dicakup setiap lapisan, menurut wilayah dan tahun: di wilayah dan tahun yang tercantum, desa tanpa baris dihitung 0; di luarnya tidak ada data.",
        "What each layer covers, by area and year: in the areas and years listed, a village without a row counts as 0; outside them there is no data.",
    ),
    "coverage.view.empty": ("Belum ada lapisan data.", "No data layer yet."),
    "coverage.view.matrix": ("{layer}: wilayah × tahun", "{layer}: area × year"),
    "coverage.view.held": ("ada", "held"),
    "coverage.view.col.area": ("Wilayah", "Area"),
    "coverage.view.col.code": ("Kode", "Code"),
    "coverage.view.col.year": ("Tahun", "Year"),
    "coverage.view.col.versions": ("Versi", "Versions"),
    "coverage.view.col.rows": ("Baris", "Rows"),
    "coverage.view.col.total": ("Jumlah", "Total"),
    "coverage.view.every_year": ("setiap tahun", "every year"),
    "export.brief.no_data": (
        "{layer}: tidak ada data untuk {period} di wilayah ini.",
        "{layer}: no data for {period} in this area.",
    ),
    "export.brief.change_no_common": (
        ", tidak sebanding dengan {year} (cakupan berbeda)",
        ", not comparable with {year} (different coverage)",
    ),
    "export.brief.change_common": (
        " (atas wilayah yang tercakup di kedua tahun)",
        " (over the areas covered in both years)",
    ),
    "panel.not_covered": (
        "Tidak ada data: tidak ada berkas yang mencakup desa ini.",
        "No data: no file covers this village.",
    ),
}
