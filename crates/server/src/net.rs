//! The connection loop: accepts connections up to the cap, serves each
//! with hyper's HTTP/1 (with a header-read timeout, which closes idle and
//! slowloris connections), and drains on shutdown within a bound.

use crate::{router, AppState, Config};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The largest request head hyper reads before refusing it itself (with a
/// bare 431); the router refuses smaller ones above its own limits with a
/// problem.
const MAX_HEAD_BUFFER: usize = 64 * 1024;

/// Serves `listener` until `signal` completes, then stops accepting,
/// interrupts coding, and waits at most `config.drain` for requests in
/// flight.
pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    config: &Config,
    signal: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let app = router(state.clone(), config);
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout)
        .max_buf_size(MAX_HEAD_BUFFER);
    // Idle store connections close within a second of their idle time.
    let trimmer = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tick.tick().await;
                state.trim();
            }
        })
    };
    tokio::pin!(signal);
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut signal => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: pause, and go on.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut signal => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A client that goes away mid-request is not an error.
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    trimmer.abort();
    state.stopping.store(true, Ordering::Relaxed);
    tracing::info!("stopping: draining requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(config.drain) => {
            tracing::warn!(after = ?config.drain, "requests still in flight at the end of the drain; abandoned");
        }
    }
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
