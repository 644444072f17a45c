"""Texts of the store's format, its upgrade and its backups (``loaders.store.format``)."""

TEXT = {
    "store.format.newer": (
        "Penyimpanan data di {store} berformat {found}, ditulis oleh rilis Atlas PMI yang lebih baru; "
        "rilis ini membaca format sampai {current}, jadi penyimpanan itu tidak dibuka (tidak ada yang "
        "dibaca atau diubah). Jalankan rilis yang lebih baru, atau pulihkan cadangan yang dibuat untuk "
        "rilis ini: {command}",
        "The store at {store} has format {found}, written by a newer release of Atlas PMI; this release "
        "reads formats up to {current}, so it does not open it (nothing was read or changed). Run the "
        "newer release, or restore a backup made for this one: {command}",
    ),
    "store.format.older": (
        "Penyimpanan data di {store} berformat {found}, ditulis oleh rilis sebelumnya; rilis ini "
        "memerlukan format {current} dan tidak dapat memutakhirkannya di sini ({reason}). Mutakhirkan "
        "sekali, sebagai pengguna yang boleh menulisnya (cadangan dibuat lebih dulu): {command}",
        "The store at {store} has format {found}, written by an earlier release; this release needs "
        "format {current} and could not upgrade it here ({reason}). Upgrade it once, as a user who may "
        "write it (a backup is kept first): {command}",
    ),
    "store.format.damaged": (
        "Penyimpanan data di {store} memiliki {file} yang rusak ({error}); penyimpanan itu tidak dibuka "
        "agar tidak ada yang salah baca. Pulihkan cadangan: {command}",
        "The store at {store} has a damaged {file} ({error}); it is not opened, so nothing is misread. "
        "Restore a backup: {command}",
    ),
    "store.format.step_failed": (
        "Pemutakhiran penyimpanan data di {store} dari format {found} gagal ({error}); penyimpanan "
        "sebelum pemutakhiran ada di {backup}: {command}",
        "Upgrading the store at {store} from format {found} failed ({error}); the store as it was is in "
        "{backup}: {command}",
    ),
    "store.format.backup_newer": (
        "Cadangan {backup} berisi penyimpanan data format {found}, ditulis oleh rilis Atlas PMI yang "
        "lebih baru; rilis ini membaca format sampai {current}, jadi cadangan itu tidak dipulihkan. "
        "Tidak ada yang diubah.",
        "The backup {backup} holds store format {found}, written by a newer release of Atlas PMI; this "
        "release reads formats up to {current}, so it does not restore it. Nothing was changed.",
    ),
    "store.format.reason.read_only": ("foldernya hanya-baca", "the folder is read-only"),
    "store.format.reason.no_backup": (
        "cadangan tidak dapat ditulis ke {folder}: {error}",
        "no backup could be written to {folder}: {error}",
    ),
    "store.format.reason.failed": ("pemutakhiran gagal: {error}", "the upgrade failed: {error}"),
}
