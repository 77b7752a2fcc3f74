"""Issue 13's exports of the seed, read by the tools analysts use: the
GDELT export's ActionGeo columns through pandas, and the Parquet export's
location columns through pyarrow."""

import pandas as pd
import pyarrow.parquet as pq

from conftest import SEED, run_cli

GDELT = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]


def seed_store(cli, tmp_path):
    data = tmp_path / "store"
    out = run_cli(cli, "ingest", "--data-dir", data, SEED)
    assert out.returncode == 0, out.stderr
    return data


def test_gdelt_action_geo_reads_with_pandas(cli, tmp_path):
    data = seed_store(cli, tmp_path)
    path = tmp_path / "events.tsv"
    out = run_cli(cli, "export", "--format", "gdelt", "--data-dir", data, "--output", path)
    assert out.returncode == 0, out.stderr
    df = pd.read_csv(path, sep="\t", header=None, names=GDELT, dtype={"ActionGeo_ADM1Code": str})
    assert len(GDELT) == 61 and len(df.columns) == 61
    assert df["ActionGeo_Lat"].dtype == "float64" and df["ActionGeo_Long"].dtype == "float64"
    assert str(df["ActionGeo_Type"].dtype).startswith(("float", "int"))
    placed = df[df["ActionGeo_FullName"].notna()]
    rows = {r.ActionGeo_FullName: r for r in placed.itertuples()}
    damascus, havana = rows["Damascus, Syria"], rows["Havana, Cuba"]
    assert (damascus.ActionGeo_Type, damascus.ActionGeo_CountryCode) == (4, "SY")
    assert damascus.ActionGeo_ADM1Code.startswith("SY")
    assert abs(damascus.ActionGeo_Lat - 33.51) < 0.05 and abs(damascus.ActionGeo_Long - 36.29) < 0.05
    assert (havana.ActionGeo_Type, havana.ActionGeo_CountryCode) == (4, "CU")
    # Events with no place have empty ActionGeo columns, read as missing.
    assert df["ActionGeo_FullName"].isna().sum() > 0


def test_parquet_has_location_fields(cli, tmp_path):
    data = seed_store(cli, tmp_path)
    path = tmp_path / "events.parquet"
    out = run_cli(cli, "export", "--format", "parquet", "--data-dir", data, "--output", path)
    assert out.returncode == 0, out.stderr
    t = pq.read_table(path)
    types = {f.name: str(f.type) for f in t.schema}
    assert types["location_name"] == "string" and types["location_lat"] == "double"
    assert types["location_geonames_id"] == "int64"
    rows = [r for r in t.to_pylist() if r["location_name"] == "Havana"]
    assert rows and rows[0]["location_country"] == "CUB" and rows[0]["location_feature"] == "city"
    assert rows[0]["location_source"] == "text" and abs(rows[0]["location_lat"] - 23.13) < 0.05
