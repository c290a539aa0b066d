"""A local TCP proxy that can be cut and restored (a server away) or made slow (a far server)."""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time


class CuttableProxy:
    """Forwards ``127.0.0.1:port`` to ``target`` (optionally late); ``cut()`` drops everything."""

    def __init__(self, target: tuple[str, int], *, delay_s: float = 0.0) -> None:
        self.target = target
        self.delay_s = delay_s  # held before each forwarded chunk: network latency one way
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open = threading.Event()
        self._open.set()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            if not self._open.is_set():
                client.close()
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        """Read as fast as data comes; each chunk is sent ``delay_s`` after it arrived (latency,
        not a bandwidth limit)."""
        late: queue.Queue[tuple[float, bytes]] = queue.Queue()
        sender = threading.Thread(target=self._send_late, args=(late, sink), daemon=True)
        sender.start()
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                late.put((time.monotonic() + self.delay_s, data))
        late.put((0.0, b""))

    @staticmethod
    def _send_late(late: queue.Queue[tuple[float, bytes]], sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while True:
                due, data = late.get()
                if not data:
                    break
                time.sleep(max(0.0, due - time.monotonic()))
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """The server is gone: open connections break, new ones are refused."""
        self._open.clear()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for s in sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def restore(self) -> None:
        """The server is back."""
        self._open.set()

    def close(self) -> None:
        """Stop listening and drop everything."""
        self.cut()
        self._listener.close()
