"""Starting the server: the one place that decides whether an address may be bound."""

from __future__ import annotations

import ipaddress

from communique.errors import CommuniqueError

__all__ = ["check_bind", "is_loopback", "run"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name could resolve anywhere


def check_bind(host: str, token: str | None, public_read_only: bool) -> None:
    """Refuse to expose the database beyond this machine without a token or explicit consent."""
    if not is_loopback(host) and not token and not public_read_only:
        raise CommuniqueError(
            f"refusing to listen on {host}: other machines could read the database; "
            "pass --token TOKEN (or set COMMUNIQUE_TOKEN), or --public-read-only"
        )


def run(db_path: str, *, host: str, port: int, token: str | None, public_read_only: bool,
        model: str | None = None) -> None:
    import uvicorn

    from communique.web.app import create_app

    app = create_app(db_path, token=token, public_read_only=public_read_only, model=model)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
