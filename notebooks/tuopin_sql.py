"""SQL access to Tuopin's tables from a notebook: one in-process, read-only Spark session through JPype.

    from tuopin_sql import query
    df = query("SELECT * FROM curated.incidence WHERE level = 'NATION' ORDER BY reporting_year")

The session reads the warehouse named by TUOPIN_WAREHOUSE (default: ./warehouse of the project) with the
configuration of TUOPIN_CONF (default: the embedded conf/local.conf). Build the jar first (./tuopin --help does).
"""
import io
import os
import zipfile

import jpype
import pandas as pd

ROOT = os.environ.get("TUOPIN_HOME") or os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
JAR = os.path.join(ROOT, "jobs", "target", "tuopin.jar")
# Debian's python3-jpype starts a JVM only with its support jar on the class path.
JPYPE_JAR = "/usr/share/java/org.jpype.jar"

_session = None


def _add_opens():
    """The --add-opens flags Spark needs on Java 17, read from the jar's manifest (written once, in the pom)."""
    with zipfile.ZipFile(JAR) as z:
        text = z.read("META-INF/MANIFEST.MF").decode("utf-8")
    # Manifest lines wrap at 72 bytes; a continuation line starts with one space.
    text = text.replace("\r\n", "\n").replace("\n ", "")
    for line in text.split("\n"):
        if line.startswith("Add-Opens:"):
            return ["--add-opens=%s=ALL-UNNAMED" % p for p in line.split(":", 1)[1].split()]
    return []


def session():
    """The notebook's session, started on first use."""
    global _session
    if _session is None:
        if not os.path.exists(JAR):
            raise RuntimeError("%s is missing: run ./tuopin --help in %s to build it" % (JAR, ROOT))
        if not jpype.isJVMStarted():
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            jpype.startJVM(*_add_opens(), "-Xmx2g", classpath=[JAR, JPYPE_JAR], convertStrings=True)
        notebook_session = jpype.JClass("org.tuopin.jobs.sql.NotebookSession")
        warehouse = os.environ.get("TUOPIN_WAREHOUSE") or os.path.join(ROOT, "warehouse")
        _session = notebook_session.open(os.environ.get("TUOPIN_CONF"), warehouse)
    return _session


def query(sql, limit=200000):
    """Runs a read-only SQL statement and returns a pandas DataFrame (codes kept as strings)."""
    text = str(session().csv(sql, limit))
    header = text.split("\n", 1)[0].split(",")
    codes = {c: str for c in header if c.endswith("_code") or c in ("household_id", "area_code")}
    return pd.read_csv(io.StringIO(text), dtype=codes)
