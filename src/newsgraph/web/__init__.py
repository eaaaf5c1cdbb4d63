"""The web reader and explorer (FastAPI + Jinja2): ``create_app(db_path)``, ``serve(db, host, port)``."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
