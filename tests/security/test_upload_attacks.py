"""Boundary uploads are data, never instructions (issue 21, item 1), from the user's side: each
attack of the issue through ``python -m loaders.boundaries import FILE`` in a subprocess, with
sign-in off (the default) and on (a steward of Banten). Every one is refused with a message that
names the file and says what to do, quotes nothing the file reached, sends no request to a
listener on 127.0.0.1, writes nothing, and (with sign-in on) is in the audit log.

Also: permission comes before any byte is parsed (a steward without a grant, a viewer), and GDAL
itself is locked down (``loaders.gdal_safety``) for a file no content check saw.
"""

from __future__ import annotations

import shutil

import pytest
from fuzzing import store_digest

from tests.security.attack_files import (
    Listener,
    audit,
    boundary_cli,
    crs_link,
    gdalg_reading,
    geojson,
    gpkg_with_view,
    make_book,
    shapefile_zip,
    vrt_fetching,
    vrt_reading,
    zipped,
)


@pytest.fixture()
def listener():
    served = Listener()
    yield served
    served.close()


@pytest.fixture()
def store(tmp_path):
    """A store holding Serang's villages (so a refusal has something to spoil) and the users."""
    root = tmp_path / "store"
    hashes = make_book(root)
    good = tmp_path / "good.geojson"
    good.write_bytes(geojson())
    done = boundary_cli(good, root)
    assert done.returncode == 0, done.stderr
    return root, hashes


def _attack(name: str, tmp_path, store_root, listener):
    """The file of attack ``name`` in ``tmp_path``; returns (path to pass, what the message must say)."""
    database = store_root / "accounts.sqlite"
    if name == "vrt as geojson":
        path = tmp_path / "desa.geojson"
        path.write_bytes(vrt_reading(database))
        return path, "holds XML, not GeoJSON"
    if name == "vrt as geojson in a zip":
        path = tmp_path / "desa.zip"
        path.write_bytes(zipped({"desa.geojson": vrt_reading(database)}))
        return path, "holds XML, not GeoJSON"
    if name == "vrt member of a zip":
        path = tmp_path / "desa.zip"
        path.write_bytes(zipped({"desa.vrt": vrt_reading(database), "desa.geojson": geojson()}))
        return path, "points at other files"
    if name == "vsicurl vrt":
        path = tmp_path / "desa.geojson"
        path.write_bytes(vrt_fetching(listener.url + "/desa.csv"))
        return path, "holds XML, not GeoJSON"
    if name == "crs link":
        path = tmp_path / "desa.geojson"
        path.write_bytes(crs_link(listener.url + "/crs.wkt"))
        return path, "links in uploads are never followed"
    if name == "gdalg pipeline":
        path = tmp_path / "desa.geojson"
        path.write_bytes(gdalg_reading(database))
        return path, "is not GeoJSON"
    if name == "OGR_ driver prefix in the name":
        # a name GDAL could read as "open desa.geojson with the VRT driver" (desa.geojson is the
        # VRT); GDAL 3.12 opens the named file while it exists, the check does not rely on that
        (tmp_path / "desa.geojson").write_bytes(vrt_reading(database))
        path = tmp_path / "OGR_VRT:desa.geojson"
        path.write_bytes(geojson())
        return path.name, "would read this name as an instruction"
    if name == "geopackage view calling a file function":
        path = gpkg_with_view(tmp_path, "SELECT readfile('/etc/passwd') AS isi")
        return path, "can open other files or data sources"
    if name == "shapefile prj that is no projection":
        path = tmp_path / "desa.zip"
        path.write_bytes(shapefile_zip(tmp_path, prj=b'<?xml version="1.0"?><x href="/etc/passwd"/>'))
        return path, "is not a coordinate system in WKT"
    raise KeyError(name)


ATTACKS = [
    "vrt as geojson",
    "vrt as geojson in a zip",
    "vrt member of a zip",
    "vsicurl vrt",
    "crs link",
    "gdalg pipeline",
    "OGR_ driver prefix in the name",
    "geopackage view calling a file function",
    "shapefile prj that is no projection",
]


@pytest.mark.parametrize("auth", ["off", "local"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_a_hostile_boundary_file_is_refused_reads_nothing_and_sends_nothing(
    attack, auth, tmp_path, store, listener
):
    root, hashes = store
    path, says = _attack(attack, tmp_path, root, listener)
    before = store_digest(root)
    entries = len(audit(root))
    done = boundary_cli(path, root, auth=auth, user="steward36" if auth == "local" else None, cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    name = path if isinstance(path, str) else path.name
    assert f"{name}: " in done.stderr and says in done.stderr and "Nothing was imported." in done.stderr
    assert not any(digest in output for digest in hashes.values())
    assert "$argon2" not in output
    assert listener.requests == []
    after = store_digest(root)
    assert {k: v for k, v in after.items() if k != "accounts.sqlite"} == {
        k: v for k, v in before.items() if k != "accounts.sqlite"
    }
    logged = audit(root)[entries:]
    if auth == "local":
        refused = [e for e in logged if e["action"] == "boundary-import"]
        assert [(e["user"], e["outcome"], e["file"]) for e in refused] == [("steward36", "refused", name)]
        assert not any(digest in str(e) for e in logged for digest in hashes.values())
    else:
        assert logged == []


def test_no_known_codes_names_the_column_and_count_never_the_values(tmp_path, store):
    """The message that quoted a file's first values (the hashes of the VRT attack) now gives the
    column and the count only."""
    root, _ = store
    path = tmp_path / "kode.geojson"
    secret = "RAHASIA-3604131207850003"
    path.write_bytes(geojson().replace(b'"36.04.13.', b'"' + secret.encode() + b"-"))
    done = boundary_cli(path, root)
    assert done.returncode == 1
    assert "none of the 3 codes in column 'kode'" in done.stderr
    assert secret not in done.stdout + done.stderr


def test_permission_comes_before_any_byte_is_parsed(tmp_path, store):
    """A steward without a grant and a viewer are refused before the file is read: a damaged
    file answers "access denied" (exit 3), not a parse error, and the refusal is logged."""
    root, _ = store
    broken = tmp_path / "rusak.geojson"
    broken.write_bytes(b'{"type": "FeatureCollection", "features": [')
    entries = len(audit(root))
    for user in ("steward0", "viewer"):
        done = boundary_cli(broken, root, auth="local", user=user)
        assert done.returncode == 3, done.stdout + done.stderr
        assert "rusak.geojson" not in done.stdout and "cannot be read" not in done.stderr
    denied = [e for e in audit(root)[entries:] if e["action"] == "boundary-import"]
    assert [(e["user"], e["outcome"], e["file"]) for e in denied] == [
        ("steward0", "denied", "rusak.geojson"),
        ("viewer", "denied", "rusak.geojson"),
    ]
    # the granted steward gets the file's own answer
    done = boundary_cli(broken, root, auth="local", user="steward36")
    assert done.returncode == 1 and "rusak.geojson: " in done.stderr


@pytest.mark.parametrize(
    ("members", "says"),
    [
        (
            {f"x{i}.txt": b"" for i in range(1_200)} | {"desa.geojson": geojson()},
            "1,201 files, over the limit",
        ),
        ({"desa.geojson": b" " * 60_000_000}, "times its packed size"),
        ({"../desa.geojson": geojson()}, "absolute or '..' path"),
    ],
    ids=["many members", "zip bomb", "parent path"],
)
def test_a_zip_is_refused_from_its_directory_before_anything_is_unpacked(members, says, tmp_path, store):
    root, _ = store
    path = tmp_path / "desa.zip"
    path.write_bytes(zipped(members))
    before = store_digest(root)
    done = boundary_cli(path, root)
    assert done.returncode == 1 and "desa.zip: " in done.stderr and says in done.stderr
    assert store_digest(root) == before


# --------------------------------------------------------------------------- GDAL itself
def test_gdal_is_locked_down_for_a_file_no_check_saw(tmp_path, listener, monkeypatch):
    """The second wall: handed straight to pyogrio (no content check), a VRT and a GDALG are no
    known format, a ``/vsicurl/`` path is no file, a CRS link fetches nothing, even with
    ``no_proxy`` naming the listener; and only the three boundary drivers are registered."""
    import subprocess
    import sys

    from tests.security.attack_files import ROOT

    database = tmp_path / "accounts.sqlite"
    make_book(tmp_path)
    (tmp_path / "vrt.geojson").write_bytes(vrt_reading(database))
    (tmp_path / "curl.vrt").write_bytes(vrt_fetching(listener.url + "/x.csv"))
    (tmp_path / "gdalg.geojson").write_bytes(gdalg_reading(database))
    (tmp_path / "link.geojson").write_bytes(crs_link(listener.url + "/crs.wkt"))
    code = f"""
import loaders, pyogrio
from loaders import gdal_safety
print("problems", gdal_safety.check())
print("drivers", sorted(pyogrio.list_drivers()))
for name in ["vrt.geojson", "curl.vrt", "gdalg.geojson", "{listener.url}/x.geojson"]:
    source = name if name.startswith("http") else "{tmp_path}/" + name
    source = "/vsicurl/" + source if name.startswith("http") else source
    try:
        print(name, "OPENED", pyogrio.read_info(source)["driver"])
    except Exception as err:
        print(name, "refused", type(err).__name__)
print("link crs", pyogrio.read_info("{tmp_path}/link.geojson")["crs"][:12])
print("refused urls", len(gdal_safety.REFUSED))
"""
    env = {"PATH": "/usr/bin:/bin", "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "problems []" in out
    assert "drivers ['ESRI Shapefile', 'GPKG', 'GeoJSON']" in out
    assert "OPENED" not in out and out.count("refused DataSourceError") == 4
    assert "refused urls 1" in out  # the CRS link asked, and got nothing
    assert listener.requests == []


def test_a_gpkg_with_only_its_own_triggers_and_rtree_is_read(tmp_path, store):
    """GDAL's own triggers and R-tree index of a GeoPackage pass the checks (no false alarm)."""
    root, _ = store
    path = gpkg_with_view(tmp_path, "SELECT kode FROM desa")
    shutil.copy(path, tmp_path / "dua.gpkg")
    done = boundary_cli(tmp_path / "dua.gpkg", root)
    assert done.returncode == 0, done.stderr
