//! One thin layer over both databases, so every query is written once.
//!
//! SQL uses `$1`, `$2`, … placeholders, numbered in order of first use:
//! PostgreSQL reads them as positions, SQLite as names it numbers in order
//! of appearance, which is the same thing.

use crate::StoreError;
use std::collections::HashMap;

/// A parameter. Nulls carry their type, which PostgreSQL checks.
#[derive(Clone, Debug)]
pub(crate) enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}
impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Value {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_string()))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(Some(v.clone()))
    }
}
impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Value {
        Value::Text(v.map(str::to_string))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        Value::Text(v)
    }
}

/// Builds a parameter list.
macro_rules! params {
    ($($v:expr),* $(,)?) => { &[$($crate::sql::Value::from($v)),*][..] };
}
pub(crate) use params;

/// A result row from either database.
pub(crate) enum Row<'a> {
    Lite(&'a rusqlite::Row<'a>),
    Pg(&'a postgres::Row),
}

impl Row<'_> {
    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.opt_int(i)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {i} is null")))
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        Ok(match self {
            Row::Lite(r) => r.get(i)?,
            Row::Pg(r) => r.try_get(i)?,
        })
    }

    pub fn opt_real(&self, i: usize) -> Result<Option<f64>, StoreError> {
        Ok(match self {
            Row::Lite(r) => r.get(i)?,
            Row::Pg(r) => r.try_get(i)?,
        })
    }

    pub fn text(&self, i: usize) -> Result<String, StoreError> {
        self.opt_text(i)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {i} is null")))
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        Ok(match self {
            Row::Lite(r) => r.get(i)?,
            Row::Pg(r) => r.try_get(i)?,
        })
    }
}

/// A connection to either database.
pub(crate) enum Conn {
    Lite(rusqlite::Connection),
    Pg {
        client: Box<postgres::Client>,
        cache: HashMap<String, postgres::Statement>,
        /// To connect again after the server dropped the connection.
        url: String,
        /// Inside a transaction nothing is retried: its work would be lost.
        in_tx: bool,
    },
}

impl Conn {
    /// A PostgreSQL connection to `url`.
    pub fn postgres(url: &str) -> Result<Conn, StoreError> {
        let mut conn = Conn::Pg {
            client: Box::new(pg_connect(url)?),
            cache: HashMap::new(),
            url: url.to_string(),
            in_tx: false,
        };
        conn.batch("SET client_min_messages = WARNING")?;
        Ok(conn)
    }

    /// Whether `e` says the connection itself is gone (the server
    /// restarted, failed over or terminated the backend) and a statement
    /// outside a transaction may run again on a new connection.
    fn reconnect_after(&mut self, e: &postgres::Error) -> Result<bool, StoreError> {
        let Conn::Pg {
            client,
            cache,
            url,
            in_tx,
        } = self
        else {
            return Ok(false);
        };
        let gone = client.is_closed()
            || e.is_closed()
            || e.as_db_error()
                .is_some_and(|d| matches!(&d.code().code()[..2], "08" | "57"));
        if *in_tx || !gone {
            return Ok(false);
        }
        **client = pg_connect(url)?;
        cache.clear();
        client.batch_execute("SET client_min_messages = WARNING")?;
        Ok(true)
    }
}

fn pg_connect(url: &str) -> Result<postgres::Client, StoreError> {
    Ok(postgres::Client::connect(url, postgres::NoTls)?)
}

impl Conn {
    pub fn is_pg(&self) -> bool {
        matches!(self, Conn::Pg { .. })
    }

    /// Whether the connection is known to be closed.
    pub fn is_closed(&self) -> bool {
        match self {
            Conn::Lite(_) => false,
            Conn::Pg { client, .. } => client.is_closed(),
        }
    }

    /// Runs statements without parameters; outside a transaction, once
    /// more on a new connection if the connection was cut off.
    pub fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        let result = match self {
            Conn::Lite(c) => return Ok(c.execute_batch(sql)?),
            Conn::Pg { client, .. } => client.batch_execute(sql),
        };
        match result {
            Err(e) if self.reconnect_after(&e)? => self.batch(sql),
            other => Ok(other?),
        }
    }

    /// Runs one statement; returns the rows it changed. Outside a
    /// transaction, a statement cut off with its connection runs once more
    /// on a new connection.
    pub fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        refuse_nul(params)?;
        let mut again = true;
        loop {
            let result = match self {
                Conn::Lite(c) => {
                    let mut st = c.prepare_cached(sql)?;
                    return Ok(
                        st.execute(rusqlite::params_from_iter(params.iter().map(lite)))? as u64,
                    );
                }
                Conn::Pg { client, cache, .. } => pg_statement(client, cache, sql)
                    .and_then(|st| Ok(client.execute(&st, &pg_params(params))?)),
            };
            match result {
                Err(StoreError::Postgres(e)) if std::mem::take(&mut again) => {
                    if !self.reconnect_after(&e)? {
                        return Err(e.into());
                    }
                }
                other => return other,
            }
        }
    }

    /// Runs a query, calling `each` on every row. Outside a transaction,
    /// a query cut off with its connection before its first row runs once
    /// more on a new connection.
    pub fn query(
        &mut self,
        sql: &str,
        params: &[Value],
        mut each: impl FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        refuse_nul(params)?;
        let mut again = true;
        loop {
            let mut rows = 0usize;
            let result = match self {
                Conn::Lite(c) => {
                    let mut st = c.prepare_cached(sql)?;
                    let mut rows = st.query(rusqlite::params_from_iter(params.iter().map(lite)))?;
                    while let Some(r) = rows.next()? {
                        each(&Row::Lite(r))?;
                    }
                    return Ok(());
                }
                Conn::Pg { client, cache, .. } => pg_rows(client, cache, sql, params, |r| {
                    rows += 1;
                    each(r)
                }),
            };
            match result {
                Err(StoreError::Postgres(e)) if rows == 0 && std::mem::take(&mut again) => {
                    if !self.reconnect_after(&e)? {
                        return Err(e.into());
                    }
                }
                other => return other,
            }
        }
    }

    /// The first column of the first row, if any.
    pub fn one_int(&mut self, sql: &str, params: &[Value]) -> Result<Option<i64>, StoreError> {
        let mut out = None;
        self.query(sql, params, |r| {
            if out.is_none() {
                out = r.opt_int(0)?;
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Runs `f` in a transaction: committed when it returns `Ok`, rolled
    /// back otherwise.
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&mut Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // SQLite: take the write lock up front, so two writers queue on the
        // busy timeout instead of failing mid-transaction.
        self.batch(if self.is_pg() {
            "BEGIN"
        } else {
            "BEGIN IMMEDIATE"
        })?;
        self.set_in_tx(true);
        let out = match f(self) {
            Ok(v) => self.batch("COMMIT").map(|()| v),
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        };
        self.set_in_tx(false);
        out
    }

    fn set_in_tx(&mut self, on: bool) {
        if let Conn::Pg { in_tx, .. } = self {
            *in_tx = on;
        }
    }
}

/// The one rule for NUL characters, on both backends: a text value that
/// holds one is refused before it reaches the database. PostgreSQL cannot
/// store NUL in text; SQLite could, but a store must answer the same
/// whichever backend holds it.
fn refuse_nul(params: &[Value]) -> Result<(), StoreError> {
    if params
        .iter()
        .any(|v| matches!(v, Value::Text(Some(s)) if s.contains('\0')))
    {
        return Err(StoreError::Nul);
    }
    Ok(())
}

fn lite(v: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match v {
        Value::Int(Some(i)) => V::Integer(*i),
        Value::Real(Some(f)) => V::Real(*f),
        Value::Text(Some(s)) => V::Text(s.clone()),
        _ => V::Null,
    }
}

fn pg_params(params: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|v| match v {
            Value::Int(i) => i as &(dyn postgres::types::ToSql + Sync),
            Value::Real(f) => f as _,
            Value::Text(s) => s as _,
        })
        .collect()
}

/// Streams a PostgreSQL query's rows to `each` (exports read millions).
fn pg_rows(
    client: &mut postgres::Client,
    cache: &mut HashMap<String, postgres::Statement>,
    sql: &str,
    params: &[Value],
    mut each: impl FnMut(&Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    use postgres::fallible_iterator::FallibleIterator;
    let st = pg_statement(client, cache, sql)?;
    let p = pg_params(params);
    let mut it = client.query_raw(&st, p.iter().map(|v| *v as &dyn postgres::types::ToSql))?;
    while let Some(r) = it.next()? {
        each(&Row::Pg(&r))?;
    }
    Ok(())
}

fn pg_statement(
    client: &mut postgres::Client,
    cache: &mut HashMap<String, postgres::Statement>,
    sql: &str,
) -> Result<postgres::Statement, StoreError> {
    if let Some(st) = cache.get(sql) {
        return Ok(st.clone());
    }
    let st = client.prepare(sql)?;
    cache.insert(sql.to_string(), st.clone());
    Ok(st)
}
