"""The web UI and HTTP API (``communique serve``): FastAPI app, pages and JSON endpoints."""

from communique.web.app import create_app

__all__ = ["create_app"]
