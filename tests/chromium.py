"""A headless Chromium driven over the DevTools protocol, for tests that open a page from disk.

Chromium is started with ``--remote-debugging-pipe``: commands go to its file descriptor 3 and
answers come from 4, as NUL-separated JSON, so no port, network or extra package is needed.
``Browser.open(path)`` loads a local file and waits for its load event; ``evaluate`` runs a
JavaScript expression in the page; ``screenshot`` returns PNG bytes; ``problems`` lists the
console errors, warnings and uncaught exceptions the page produced.

Run as a script, it writes a screenshot of a page (used for the picture in docs/report.md):

    python tests/chromium.py report.html docs/report.png [--width 1200] [--height 1600]

This module drives a browser; it does not build pages or check what they show.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
TIMEOUT = 30.0


def find_chromium() -> str | None:
    """The Chromium executable (Debian's ``chromium`` package), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, executable: str, *, width: int = 1200, height: int = 900) -> None:
        self.executable, self.width, self.height = executable, width, height
        self.events: list[dict[str, Any]] = []
        self._buffer = b""
        self._next = 0

    def __enter__(self) -> Browser:
        self._profile = tempfile.TemporaryDirectory(prefix="report-chromium-", ignore_cleanup_errors=True)
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()
        high = [os.dup(fd) if fd < 10 else fd for fd in (to_chrome, from_chrome)]

        def descriptors() -> None:  # in the child: the pipe ends where Chromium expects them
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self._process = subprocess.Popen(
            [self.executable, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            preexec_fn=descriptors,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fd in {to_chrome, from_chrome, *high}:
            os.close(fd)
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for method in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(method)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
        )
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self._write)
        os.close(self._read)
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._remove_profile()

    def _remove_profile(self) -> None:
        """Remove the profile folder; Chromium's helper processes may write to it a moment after the browser
        exits (a fresh CI run failed on "Directory not empty"), so removal is tried again for up to 5 s."""
        for _ in range(50):
            try:
                shutil.rmtree(self._profile.name)
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.1)
        self._profile.cleanup()  # whatever is left, without raising (ignore_cleanup_errors)

    def _send(self, method: str, params: dict[str, Any] | None, session: str | None) -> int:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next

    def _receive(self, until: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > until:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._read], [], [], max(0.0, until - time.monotonic()))
            if not ready:
                continue
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        ident = self._send(method, params, session)
        until = time.monotonic() + TIMEOUT
        while True:
            message = self._receive(until)
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """One DevTools command on the page; returns its result."""
        return self._call(method, params, self._session)

    def wait_for(self, method: str, after: int = 0) -> dict[str, Any]:
        """The first event ``method`` received since event number ``after`` (waiting for it if needed)."""
        until = time.monotonic() + TIMEOUT
        while True:
            for event in self.events[after:]:
                if event.get("method") == method:
                    return event
            after = len(self.events)
            self.events.append(self._receive(until))

    def open(self, path: Path, fragment: str = "") -> None:
        """Load a local file (with an optional ``#fragment``) afresh and wait for its load event."""
        for url in ("about:blank", path.resolve().as_uri() + (f"#{fragment}" if fragment else "")):
            mark = len(self.events)
            self.call("Page.navigate", {"url": url})
            self.wait_for("Page.loadEventFired", mark)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (raises on an exception)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key: str, code: str = "", text: str = "") -> None:
        """Press and release one key, as a user would (``key`` is the DOM key name: "Tab", "/", "a")."""
        base = {"key": key, "code": code or key, "windowsVirtualKeyCode": _KEY_CODES.get(key, ord(key[0].upper()))}
        self.call("Input.dispatchKeyEvent", {"type": "keyDown" if text else "rawKeyDown", **base, "text": text})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", **base})

    def type(self, text: str) -> None:
        for char in text:
            self.key(char, text=char)

    def screenshot(self, *, full_page: bool = False) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        return base64.b64decode(self.call("Page.captureScreenshot", params)["data"])

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and browser log errors, as lines."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {[arg.get('value') for arg in params.get('args', [])]}")
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')}")
        return found


_KEY_CODES = {"Tab": 9, "Enter": 13, "Escape": 27, " ": 32, "ArrowDown": 40, "ArrowUp": 38, "/": 191}


def main() -> None:
    parser = argparse.ArgumentParser(description="Screenshot a local HTML file with headless Chromium.")
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--fragment", default="")
    args = parser.parse_args()
    executable = find_chromium()
    if executable is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    with Browser(executable, width=args.width, height=args.height) as browser:
        browser.open(args.page, args.fragment)
        args.png.write_bytes(browser.screenshot())


if __name__ == "__main__":
    main()
