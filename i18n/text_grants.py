"""Province grants: deny by default, writes inside the grant, the Data page as a grant sees it."""

TEXT = {
    "auth.no_grant": (
        "Akun {name} belum diberi hak akses provinsi, jadi belum ada data yang boleh Anda lihat. "
        "Minta administrator memberi provinsi Anda: `python -m loaders.accounts grant {name} "
        "--province 36` (atau `--all-provinces` untuk semua provinsi), atau melalui tab Audit "
        "halaman Data.",
        "The account {name} has no province grant yet, so there is no data you may see. Ask an "
        "administrator to grant your provinces: `python -m loaders.accounts grant {name} --province "
        "36` (or `--all-provinces` for every province), or on the Audit tab of the Data page.",
    ),
    "auth.no_provinces": ("tidak ada (tidak melihat data)", "none (sees no data)"),
    "auth.grant_all": ("Semua provinsi", "Every province"),
    "auth.grant_help": (
        "Tanpa provinsi, pengguna tidak melihat data apa pun (kecuali administrator). Pilih "
        "provinsinya, atau centang Semua provinsi.",
        "Without a province the user sees no data at all (administrators excepted). Choose the "
        "provinces, or tick Every province.",
    ),
    "auth.denied.no_grant": (
        "Akun {name} belum diberi hak akses provinsi: tidak ada yang boleh dilihat atau diubah. Minta "
        "administrator memberi provinsi Anda (`python -m loaders.accounts grant {name} --province 36`).",
        "The account {name} has no province grant: it may see or change nothing. Ask an administrator "
        "to grant your provinces (`python -m loaders.accounts grant {name} --province 36`).",
    ),
    "auth.denied.read_province": (
        "Tidak ada hak akses untuk provinsi {provinces}: Anda hanya boleh melihat data provinsi "
        "{granted}. Minta administrator bila Anda memerlukannya.",
        "No grant for province {provinces}: you may only see data of province {granted}. Ask an "
        "administrator if you need it.",
    ),
    "auth.denied.version_outside": (
        "Versi {version} juga berisi baris provinsi lain yang tidak boleh Anda ubah, jadi tidak "
        "dihapus. Ganti baris provinsi Anda dengan impor baru (Ganti), atau minta administrator "
        "menghapus versi ini.",
        "Version {version} also holds rows of other provinces that you may not change, so it was not "
        "deleted. Replace the rows of your provinces with a new import (Replace), or ask an "
        "administrator to delete this version.",
    ),
    "auth.denied.outside": (
        "Ini akan mengubah data di luar provinsi Anda. Tidak ada yang diubah.",
        "This would change data outside your provinces. Nothing was changed.",
    ),
    "audit.action.store-copy": ("salin store", "store copy"),
    "data.mode.replace_all_limited": (
        "Ganti semua data provinsi Anda ({provinces})",
        "Replace all data of your provinces ({provinces})",
    ),
    "data.changes": (
        "Menyimpan akan mengubah data provinsi {provinces}.",
        "Saving will change data of province {provinces}.",
    ),
    "data.file_hidden": (
        "(berkas juga memuat provinsi lain)",
        "(file also holds other provinces)",
    ),
    "data.partial_note": (
        "Baris bertanda “berkas juga memuat provinsi lain” berasal dari berkas yang juga berisi data "
        "provinsi di luar hak akses Anda: nama berkas dan angka berkas itu disembunyikan; jumlah baris "
        "dan total hanya menghitung provinsi Anda.",
        "Rows marked “file also holds other provinces” come from a file that also holds data of "
        "provinces outside your grant: that file's name and figures are hidden; rows and totals count "
        "your provinces only.",
    ),
    "boundaries.fetch.not_asked": (
        "Berkas dari {base} tidak memuat satu pun desa dari kabupaten/kota yang diminta ({regencies}); "
        "tidak ada yang disimpan. Periksa alamat arsip (ATLAS_ARCHIVE_URL).",
        "The files from {base} hold no village of the regencies asked for ({regencies}); nothing was "
        "written. Check the archive address (ATLAS_ARCHIVE_URL).",
    ),
}
