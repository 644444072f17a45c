"""Sign-in, roles, grants and the audit log (ui/auth.py, loaders/accounts.py, the Audit tab)."""

TEXT = {
    "auth.title": ("Masuk ke Atlas PMI", "Sign in to Atlas PMI"),
    "auth.intro": (
        "Data penempatan dan laporan non-prosedural bersifat rahasia (UU PDP 27/2022). "
        "Masuk dengan akun Anda untuk melihatnya.",
        "Placement data and non-procedural reports are confidential (Personal Data Protection Act "
        "27/2022). Sign in with your account to see them.",
    ),
    "auth.name": ("Nama pengguna", "User name"),
    "auth.password": ("Kata sandi", "Password"),
    "auth.submit": ("Masuk", "Sign in"),
    "auth.oidc_button": ("Masuk dengan akun kantor", "Sign in with the office account"),
    "auth.oidc_again": ("Masuk lagi", "Sign in again"),
    "auth.wrong_password": (
        "Nama pengguna atau kata sandi salah. Periksa keduanya dan coba lagi; bila lupa, minta "
        "administrator mengatur ulang kata sandi Anda.",
        "Wrong user name or password. Check both and try again; if you forgot it, ask an "
        "administrator to reset your password.",
    ),
    "auth.expired": (
        "Sesi Anda telah berakhir (tidak aktif lebih dari {minutes} menit). Silakan masuk lagi.",
        "Your session has expired (inactive for more than {minutes} minutes). Please sign in again.",
    ),
    "auth.token_expired": (
        "Sesi dari penyedia identitas telah berakhir. Silakan masuk lagi.",
        "The session from the identity provider has expired. Please sign in again.",
    ),
    "auth.no_account": (
        "Akun {name} belum terdaftar di Atlas PMI atau dinonaktifkan, jadi belum ada peran atau hak "
        "akses provinsi. Minta administrator menambahkannya: `python -m loaders.accounts add-user "
        "{name} --role viewer --oidc`",
        "The account {name} is not registered in Atlas PMI or has been disabled, so it has no role "
        "or province grant yet. Ask an administrator to add it: `python -m loaders.accounts add-user "
        "{name} --role viewer --oidc`",
    ),
    "auth.not_configured": (
        "Masuk melalui penyedia identitas belum diatur: tambahkan bagian [auth] di "
        ".streamlit/secrets.toml (lihat README, bagian Masuk dan peran).",
        "Sign-in through the identity provider is not set up: add an [auth] section to "
        ".streamlit/secrets.toml (see the README, section Sign-in and roles).",
    ),
    "auth.signed_in_as": ("Masuk sebagai **{name}** ({role})", "Signed in as **{name}** ({role})"),
    "auth.provinces": ("Provinsi: {provinces}", "Provinces: {provinces}"),
    "auth.all_provinces": ("semua", "all"),
    "auth.sign_out": ("Keluar", "Sign out"),
    "auth.role.viewer": ("pembaca", "viewer"),
    "auth.role.analyst": ("analis", "analyst"),
    "auth.role.steward": ("pengelola data", "data steward"),
    "auth.role.admin": ("administrator", "administrator"),
    "auth.denied.signed_out": (
        "Masuk dulu untuk melakukan ini (ATLAS_AUTH aktif). Di baris perintah, isi ATLAS_USER dan "
        "ATLAS_PASSWORD.",
        "Sign in first to do this (ATLAS_AUTH is on). On the command line, set ATLAS_USER and "
        "ATLAS_PASSWORD.",
    ),
    "auth.denied.province": (
        "Tidak ada hak akses untuk provinsi {provinces}: Anda hanya boleh mengubah data provinsi "
        "{granted}. Tidak ada yang disimpan. Minta administrator memberi hak akses, atau impor hanya "
        "baris provinsi Anda.",
        "No grant for province {provinces}: you may only change data of province {granted}. Nothing "
        "was saved. Ask an administrator for a grant, or import only the rows of your provinces.",
    ),
    "auth.denied.role": (
        "Peran {role} tidak boleh melakukan {action}. Tidak ada yang diubah; minta administrator "
        "bila Anda memerlukannya.",
        "The {role} role may not do {action}. Nothing was changed; ask an administrator if you need it.",
    ),
    "auth.cli.no_user": (
        "ATLAS_AUTH aktif: isi ATLAS_USER (dan ATLAS_PASSWORD, atau ketik saat diminta) untuk "
        "menjalankan perintah ini.",
        "ATLAS_AUTH is on: set ATLAS_USER (and ATLAS_PASSWORD, or type it when asked) to run this command.",
    ),
    "auth.cli.password_prompt": ("Kata sandi {name}: ", "Password of {name}: "),
    "auth.cli.not_owner": (
        "Hanya administrator yang masuk (ATLAS_USER dan ATLAS_PASSWORD akun admin, saat ATLAS_AUTH "
        "aktif) atau pemilik penyimpanan ({owner}) yang boleh menjalankan perintah akun; Anda {user}. "
        "Tidak ada yang diubah, dan percobaan ini dicatat.",
        "Only a signed-in administrator (ATLAS_USER and ATLAS_PASSWORD of an admin account, with "
        "ATLAS_AUTH on) or the owner of the store ({owner}) may run account commands; you are {user}. "
        "Nothing was changed, and the attempt is recorded.",
    ),
    "auth.locked.seconds": (
        "Terlalu banyak percobaan masuk yang gagal untuk akun ini atau dari perangkat ini. Coba lagi "
        "dalam {seconds} detik; kata sandi tidak diperiksa sebelum itu.",
        "Too many failed sign-ins for this account or from this device. Try again in {seconds} "
        "seconds; no password is checked before then.",
    ),
    "auth.locked.minutes": (
        "Terlalu banyak percobaan masuk yang gagal: akun ini atau perangkat ini dikunci sementara. "
        "Coba lagi dalam {minutes} menit, atau minta administrator membukanya "
        "(`python -m loaders.accounts unlock NAMA`).",
        "Too many failed sign-ins: this account or this device is locked for a while. Try again in "
        "{minutes} minutes, or ask an administrator to unlock it "
        "(`python -m loaders.accounts unlock NAME`).",
    ),
    "auth.open_banner": (
        "Atlas ini terbuka untuk siapa saja: masuk dimatikan (ATLAS_AUTH=off) pada basis data bersama. "
        "Siapa pun yang membuka alamat ini melihat dan dapat mengubah datanya.",
        "This atlas is open to anyone: sign-in is switched off (ATLAS_AUTH=off) on a shared database. "
        "Whoever opens this address sees its data and can change it.",
    ),
    "auth.protected.note": (
        "Peran pembaca: angka kecil selalu disembunyikan, seperti pada ekspor. Pilih wilayah, lapisan "
        "dan tahun di bawah.",
        "Viewer role: small counts are always hidden, as in exports. Choose the area, layer and year below.",
    ),
    "auth.protected.empty": (
        "Belum ada data untuk wilayah yang boleh Anda lihat.",
        "There is no data yet for the areas you may see.",
    ),
    "audit.tab": ("Audit", "Audit"),
    "audit.intro": (
        "Setiap masuk, impor, penggantian, penghapusan, pengambilan atau impor batas wilayah, unduhan "
        "ekspor dan perubahan hak akses, dengan pengguna, waktu, provinsi, nama berkas dan sha256. "
        "Catatan ini hanya bisa ditambah, tidak bisa diubah atau dihapus. Tidak pernah berisi nilai "
        "pribadi dari berkas.",
        "Every sign-in, import, replace, delete, boundary fetch or import, export download and grant "
        "change, with user, time, province scope, file name and sha256. The log can only be appended "
        "to, never changed or deleted. It never holds a personal value from a file.",
    ),
    "audit.empty": ("Catatan audit masih kosong.", "The audit log is empty."),
    "audit.download": ("Unduh catatan audit (CSV)", "Download the audit log (CSV)"),
    "audit.users": ("Pengguna dan hak akses", "Users and grants"),
    "audit.change": ("Ubah peran dan hak akses", "Change a role and grants"),
    "audit.save": ("Simpan", "Save"),
    "audit.saved": (
        "Perubahan untuk {name} disimpan dan dicatat. Berlaku pada langkah berikutnya pengguna itu.",
        "The change for {name} is saved and recorded. It applies from that user's next step.",
    ),
    "audit.col.at": ("Waktu (UTC)", "Time (UTC)"),
    "audit.col.user": ("Pengguna", "User"),
    "audit.col.role": ("Peran", "Role"),
    "audit.col.action": ("Tindakan", "Action"),
    "audit.col.outcome": ("Hasil", "Outcome"),
    "audit.col.provinces": ("Provinsi", "Provinces"),
    "audit.col.file": ("Berkas", "File"),
    "audit.col.detail": ("Rincian", "Detail"),
    "audit.col.active": ("Aktif", "Active"),
    "audit.outcome.ok": ("berhasil", "done"),
    "audit.outcome.denied": ("ditolak", "refused"),
    "audit.outcome.expired": ("berakhir", "expired"),
    "audit.outcome.locked": ("dikunci", "locked"),
    "audit.action.sign-in": ("masuk", "sign-in"),
    "audit.action.sign-in-failed": ("gagal masuk", "failed sign-in"),
    "audit.action.sign-in-locked": ("masuk dikunci", "sign-in locked"),
    "audit.action.sign-out": ("keluar", "sign-out"),
    "audit.action.import": ("impor (tambah)", "import (append)"),
    "audit.action.replace": ("impor (ganti)", "import (replace)"),
    "audit.action.delete": ("hapus versi", "delete version"),
    "audit.action.boundary-fetch": ("ambil batas wilayah", "boundary fetch"),
    "audit.action.boundary-import": ("impor batas wilayah", "boundary import"),
    "audit.action.export-download": ("unduh ekspor", "export download"),
    "audit.action.user-add": ("tambah pengguna", "user added"),
    "audit.action.user-change": ("ubah pengguna", "user changed"),
    "audit.action.grant-change": ("ubah hak akses", "grant change"),
    "audit.action.audit-export": ("unduh catatan audit", "audit log download"),
    "audit.action.store-backup": ("cadangkan penyimpanan", "store backup"),
    "audit.action.store-restore": ("pulihkan penyimpanan", "store restore"),
    "audit.action.user-list": ("daftar pengguna", "user list"),
    "audit.action.api-token": ("token API", "API token"),
    "audit.action.api-request": ("permintaan API", "API request"),
}
