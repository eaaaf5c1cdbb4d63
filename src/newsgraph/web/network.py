"""Where the server listens and which ``Host`` names it answers.

A browser sends the name it was pointed at in ``Host``.  A page on another site
can make its own name resolve to 127.0.0.1 (DNS rebinding) and then read our
answers as same-origin; the only defence is to refuse every name the server was
not started for.  IP literals need no such care: a page at another origin cannot
pose as one, so the machine's own addresses are safe to accept.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable

from ..errors import ServeError

__all__ = ["LOCAL_HOSTS", "exposes_network", "host_pattern", "allowed_hosts_for", "listen", "base_url"]

# What a browser on this machine sends for the loopback addresses (Host keeps IPv6 brackets).
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
_WILDCARDS = {"", "0.0.0.0", "::", "[::]"}
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_NAME = re.compile(rf"(?:\*\.)?{_LABEL}(?:\.{_LABEL})*")


def exposes_network(host: str) -> bool:
    """Whether listening on ``host`` accepts connections from other machines."""
    if host.strip().lower() in _WILDCARDS:
        return True
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a name: whatever it resolves to, it is not only this machine
        return host.strip().lower() != "localhost"


def host_pattern(text: str) -> str:
    """``text`` as Starlette's TrustedHostMiddleware compares it: lower case, IPv6 in
    brackets, no port.  Raises E403 for anything that is not a name, an address,
    ``*.domain`` or ``*`` (accept every host)."""
    host = text.strip().lower()
    if host == "*":
        return host
    try:
        address = ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
    except ValueError:
        if _NAME.fullmatch(host):
            return host
        raise ServeError("E403", host=text) from None
    return f"[{address.compressed}]" if address.version == 6 else address.compressed


def _machine_hosts() -> list[str]:
    """This machine's name, its fully qualified name and the addresses they resolve to."""
    names = {socket.gethostname(), socket.getfqdn()}
    hosts = [n for n in names if n]
    for name in list(hosts):
        try:
            infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
        except OSError:  # the name does not resolve: it adds no addresses
            continue
        hosts.extend(str(info[4][0]).split("%")[0] for info in infos)
    return hosts


def allowed_hosts_for(host: str, extra: Iterable[str] = ()) -> list[str]:
    """The ``Host`` names to answer when listening on ``host``: the loopback names,
    ``host`` itself, and ``extra`` (``--allowed-host``).  On a wildcard address
    (0.0.0.0, ::) ``host`` says nothing, so the machine's name and addresses stand in."""
    chosen = list(LOCAL_HOSTS)
    if host.strip().lower() in _WILDCARDS:
        chosen += _machine_hosts()
    else:
        chosen.append(host)
    chosen += list(extra)
    return list(dict.fromkeys(host_pattern(h) for h in chosen))


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (0: any free port); E401 or E402
    instead of an exception when the port is out of range, taken, or not ours to use."""
    if not 0 <= port <= 65535:
        raise ServeError("E401", port=port)
    sock = None
    try:
        family, _, _, _, address = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        # As uvicorn does: a restart may reuse the port while old connections linger in TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
        return sock
    except OSError as exc:
        if sock is not None:
            sock.close()
        raise ServeError("E402", host=host or "*", port=port, detail=exc.strerror or str(exc)) from None


def base_url(sock: socket.socket) -> str:
    """The URL to print for a listening socket (localhost for a wildcard address)."""
    address, port = sock.getsockname()[:2]
    if address in _WILDCARDS:
        address = "localhost"
    elif ":" in address:
        address = f"[{address}]"
    return f"http://{address}:{port}/"
