"""Guessing passwords: failed sign-ins are counted per account and per client in the book, on
both backends, so a restarted app (a new book object, another process) still refuses; the lock
is recorded, an admin lifts it. Attack of issue 21: "25 wrong passwords in a row, then the right
one works"."""

from __future__ import annotations

import pytest

from loaders import accounts
from loaders.accounts import Role, SignInLocked

PASSWORD = "kata-sandi-rahasia"


@pytest.fixture(params=["sqlite", "postgres"])
def book(request, tmp_path, monkeypatch) -> accounts.AccountBook:
    """Sign-in on, no delay, a lock after 5 failures of an account or 8 from one client."""
    monkeypatch.setenv("ATLAS_AUTH", "local")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("ATLAS_SIGNIN_DELAY_SECONDS", "0")
    monkeypatch.setenv("ATLAS_SIGNIN_LOCK_AFTER", "5")
    monkeypatch.setenv("ATLAS_SIGNIN_CLIENT_LOCK_AFTER", "8")
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    if request.param == "postgres":
        monkeypatch.setenv("ATLAS_DATABASE_URL", request.getfixturevalue("pg_url"))
    held = accounts.book()
    digest = accounts.hash_password(PASSWORD)
    held.add_user("steward52", Role.STEWARD, password_hash=digest, provinces=["52"])
    held.add_user("budi", Role.VIEWER, password_hash=digest)
    return held


def _reopened(held) -> accounts.AccountBook:
    """The same book as a restarted app opens it: a new object, nothing kept in memory."""
    accounts._PG_READY.clear()
    return (
        accounts.SqliteBook(held.path)
        if isinstance(held, accounts.SqliteBook)
        else accounts.PostgresBook(held.url)
    )


def test_twenty_five_wrong_passwords_lock_the_account_even_after_a_restart(book):
    refused = 0
    for _ in range(25):
        try:
            assert accounts.authenticate("steward52", "tebakan-salah") is None
        except SignInLocked:
            refused += 1
    assert refused == 20  # five checked, then refused unchecked
    with pytest.raises(SignInLocked) as locked:
        accounts.authenticate("steward52", PASSWORD, books=_reopened(book))
    assert locked.value.wait > 60 and "unlock" in locked.value.message("en")
    entries = book.entries()
    locks = [e for e in entries if e["action"] == "sign-in-locked"]
    assert [(e["user"], e["outcome"]) for e in locks] == [("steward52", "locked")]
    assert '"scope": "account"' in locks[0]["detail"]
    assert sum(e["outcome"] == "locked" and e["action"] == "sign-in-failed" for e in entries) == 21
    assert not any(e["action"] == "sign-in" for e in entries)
    # other accounts are not locked by it
    assert accounts.authenticate("budi", PASSWORD) is not None


def test_many_names_from_one_client_lock_the_client(book):
    for n in range(8):
        assert accounts.authenticate(f"tebak{n}", "tebakan-salah", client="203.0.113.9") is None
    with pytest.raises(SignInLocked):
        accounts.authenticate("budi", PASSWORD, client="203.0.113.9")
    assert accounts.authenticate("budi", PASSWORD, client="198.51.100.4") is not None  # another client
    lock = [e for e in book.entries() if e["action"] == "sign-in-locked"]
    assert len(lock) == 1 and '"scope": "client"' in lock[0]["detail"] and "203.0.113.9" in lock[0]["detail"]


def test_the_delay_grows_and_a_success_forgets_the_account_but_not_the_client(book, monkeypatch):
    monkeypatch.setenv("ATLAS_SIGNIN_DELAY_SECONDS", "600")
    assert accounts.authenticate("budi", "salah-1", client="c1") is None  # a typo costs nothing
    assert accounts.authenticate("budi", PASSWORD, client="c1") is not None
    assert accounts.authenticate("budi", "salah-2", client="c1") is None
    # the account is forgotten after the success, the client's count is not: second failure, delay
    with pytest.raises(SignInLocked) as delayed:
        accounts.authenticate("budi", PASSWORD, client="c1")
    assert 60 < delayed.value.wait <= 600
    assert accounts.authenticate("budi", PASSWORD, client="c2") is not None  # the account itself waits not


def test_an_admin_unlocks_an_account_from_the_command_line(book):
    for _ in range(5):
        accounts.authenticate("steward52", "tebakan-salah")
    with pytest.raises(SignInLocked):
        accounts.authenticate("steward52", PASSWORD)
    assert accounts.main(["unlock", "steward52"]) == 0  # the owner of the book (this test's user)
    assert accounts.authenticate("steward52", PASSWORD) is not None
    assert '"unlocked": true' in book.entries()[-2]["detail"]
