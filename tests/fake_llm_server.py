"""A scripted OpenAI-compatible chat server for tests (stdlib only, 127.0.0.1, ephemeral port).

    with FakeLLM() as srv:
        srv.script(reply("答案[1]。"))          # next request gets this
        settings = Settings(llm_base_url=srv.base_url, llm_model="fake", llm_api_key="sk-test")

Each scripted step is a dict: {"content": str} for a normal reply, {"status": 500} for an HTTP
error, {"raw": bytes} for a raw (possibly malformed) body, {"sleep": seconds} to stall before
answering. Every request body received is kept in `srv.requests` (parsed JSON), with its headers.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def reply(content: str) -> dict[str, Any]:
    return {"content": content}


def _completion(content: str, model: str) -> bytes:
    body = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop", "logprobs": None}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


class FakeLLM:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._steps: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"_unparsed": raw.decode("utf-8", "replace")}
                with outer._lock:
                    outer.requests.append(body)
                    outer.headers.append({k: v for k, v in self.headers.items()})
                    step = outer._steps.pop(0) if outer._steps else {"content": "（没有脚本）"}
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": "not found"}')
                    return
                if step.get("sleep"):
                    # stall, but give up early when the server is shutting down
                    outer._stop.wait(float(step["sleep"]))
                if "status" in step:
                    self._send(int(step["status"]), json.dumps({"error": {"message": "boom"}}).encode())
                elif "raw" in step:
                    self._send(200, step["raw"])
                else:
                    self._send(200, _completion(step.get("content", ""), body.get("model", "fake")))

            def _send(self, status: int, payload: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *steps: dict[str, Any]) -> None:
        with self._lock:
            self._steps.extend(steps)

    def start(self) -> "FakeLLM":
        self.thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "FakeLLM":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()


if __name__ == "__main__":  # manual use: python tests/fake_llm_server.py
    srv = FakeLLM().start()
    print(srv.base_url)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        srv.close()
