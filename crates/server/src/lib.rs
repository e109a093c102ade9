//! The iam-mfa emulator served over IAM's HTTP query protocol.
//!
//! [`Server`] answers the requests that boto3, the AWS CLI and the Rust
//! SDK send to `https://iam.amazonaws.com/`: form-encoded `Action=...&
//! Version=2010-05-08` parameters in a POST body or a GET query string, and
//! XML answers shaped as IAM shapes them. Every action goes through an
//! [`iam_mfa::Client`], normally over the embedded emulator, so the server
//! enforces exactly the rules the library does.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use iam_mfa_server::{Server, ServerOptions};
//!
//! let client = iam_mfa::Client::in_memory().expect("an in-memory emulator");
//! let server = Server::bind("127.0.0.1:0".parse().unwrap(), client, ServerOptions::default())
//!     .await?;
//! println!("listening on http://{}", server.local_addr());
//! server.serve(async { tokio::signal::ctrl_c().await.ok(); }).await
//! # }
//! ```

mod actions;
mod errors;
mod params;
mod service;
mod sigv4;
mod xml;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use sigv4::Credentials;

/// The XML namespace of every IAM answer.
pub const IAM_NAMESPACE: &str = "https://iam.amazonaws.com/doc/2010-05-08/";

/// The one API version IAM has.
pub const IAM_VERSION: &str = "2010-05-08";

/// How long a stopping server waits for requests in flight to finish.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// How a [`Server`] treats requests.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// When set, every request must carry a valid SigV4 signature made
    /// with these credentials; when `None`, any signature is accepted, as
    /// moto does.
    pub credentials: Option<Credentials>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Default for ServerOptions {
    /// No signature check and a 256 KiB body limit, which holds the
    /// largest request the MFA actions can make (50 tags of 128 + 256
    /// characters, percent-encoded).
    fn default() -> ServerOptions {
        ServerOptions {
            credentials: None,
            max_body_bytes: 256 * 1024,
        }
    }
}

/// An IAM query-protocol server bound to a TCP port.
pub struct Server {
    listener: TcpListener,
    state: Arc<service::State>,
}

impl Server {
    /// Binds `address` (port 0 picks a free port) and prepares to answer
    /// through `client`.
    ///
    /// # Errors
    ///
    /// The I/O error of binding, for example when the port is taken.
    pub async fn bind(
        address: SocketAddr,
        client: iam_mfa::Client,
        options: ServerOptions,
    ) -> io::Result<Server> {
        let listener = TcpListener::bind(address).await?;
        let state = Arc::new(service::State::new(client, options));
        Ok(Server { listener, state })
    }

    /// The address the server listens on, with the port it was given.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound TCP listener has a local address")
    }

    /// Answers requests until `shutdown` completes, then stops accepting
    /// connections and waits (up to 30 seconds) for the requests in flight
    /// to finish.
    ///
    /// # Errors
    ///
    /// Never for a single failed connection, which is logged and dropped;
    /// only when the listener itself fails persistently.
    pub async fn serve(self, shutdown: impl Future<Output = ()>) -> io::Result<()> {
        let graceful = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);

        loop {
            tokio::select! {
                accepted = self.listener.accept() => {
                    let stream = match accepted {
                        Ok((stream, _)) => stream,
                        Err(error) => {
                            tracing::warn!(%error, "accepting a connection failed");
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            continue;
                        }
                    };
                    stream.set_nodelay(true).ok();
                    let state = Arc::clone(&self.state);
                    let connection = http1::Builder::new().serve_connection(
                        TokioIo::new(stream),
                        hyper::service::service_fn(move |request| {
                            service::handle(Arc::clone(&state), request)
                        }),
                    );
                    let connection = graceful.watch(connection);
                    tokio::spawn(async move {
                        if let Err(error) = connection.await {
                            tracing::debug!(%error, "connection ended with an error");
                        }
                    });
                }
                () = &mut shutdown => break,
            }
        }

        drop(self.listener);
        tracing::info!(connections = graceful.count(), "stopping");
        if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("requests still running after 30 s were dropped");
        }
        Ok(())
    }

    /// Runs the server on the current runtime until the handle stops it.
    pub fn spawn(self) -> RunningServer {
        let address = self.local_addr();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(self.serve(async {
            stopped.await.ok();
        }));
        RunningServer {
            address,
            stop: Some(stop),
            task,
        }
    }
}

/// A server running on a task of its own, as tests and embedders use it.
///
/// Dropping the handle stops the server as [`RunningServer::shutdown`]
/// does, without waiting for it.
pub struct RunningServer {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<io::Result<()>>,
}

impl RunningServer {
    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// `http://HOST:PORT`, the endpoint URL to give a client.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Stops the server, letting requests in flight finish.
    ///
    /// # Errors
    ///
    /// The error the server stopped with, if any.
    pub async fn shutdown(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
        match (&mut self.task).await {
            Ok(result) => result,
            Err(error) => Err(io::Error::other(error)),
        }
    }
}
