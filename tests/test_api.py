"""The HTTP API through its real interface: `python -m kb serve` as a uvicorn process on a free
127.0.0.1 port, the real `openai` SDK as the chat client (streaming with citations), httpx for
the other endpoints; bearer keys, body limits, Chinese JSON errors, upload jobs, CORS.

Documents are fixtures written by us (示例市…, 测试样例).
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import httpx
import pytest

from tests.api_server import ROOT, base_env, build_index, running_api

pytestmark = pytest.mark.slow

KEY = "测试密钥-k1".encode().hex()  # any string works as a key; this one is not a real secret
OTHER_KEY = "k2-fixture"
AUTH = {"Authorization": f"Bearer {KEY}"}
QUESTION = "示例市节能监察办法第三条要求报送什么材料？"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api")
    data = build_index(tmp)
    env = {"GREENKB_API_KEYS": f"{KEY}, {OTHER_KEY}", "GREENKB_API_MAX_REQUEST_KB": "16"}
    with running_api(data, tmp / "serve.log", env) as url:
        yield {"url": url, "data": data, "tmp": tmp}


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server["url"], headers=AUTH, timeout=60) as c:
        yield c


def sdk(server, key: str = KEY):
    from openai import OpenAI

    return OpenAI(base_url=server["url"] + "/v1", api_key=key, max_retries=0, timeout=60)


# ---------------------------------------------------------------------- OpenAI-compatible
def test_openai_sdk_streams_an_answer_with_citations(server):
    stream = sdk(server).chat.completions.create(
        model="greenkb", messages=[{"role": "system", "content": "你是助手"}, {"role": "user", "content": QUESTION}],
        stream=True, stream_options={"include_usage": True})
    pieces, final, usage = [], None, None
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
        if chunk.choices and chunk.choices[0].finish_reason == "stop":
            final = chunk
        if chunk.usage is not None:
            usage = chunk.usage
    text = "".join(pieces)
    assert len(pieces) > 2  # streamed in several chunks, not one
    assert "能源利用状况报告" in text and "[1]" in text
    assert "来源：" in text and "《示例市节能监察办法（测试样例）》第三条" in text
    cites = final.model_extra["citations"]  # the structured field, on the last chunk
    assert cites[0]["n"] == 1 and cites[0]["locator"] == "第三条" and "能源利用状况报告" in cites[0]["quote"]
    assert final.model_extra["abstained"] is False
    assert usage is not None and usage.completion_tokens == len(text)


def test_openai_sdk_answers_a_follow_up_from_the_conversation(server):
    client = sdk(server)
    assert [m.id for m in client.models.list()] == ["greenkb"]  # greenkb-llm only with an LLM configured
    first = client.chat.completions.create(model="greenkb", messages=[{"role": "user", "content": QUESTION}])
    reply = first.choices[0].message.content
    assert first.choices[0].finish_reason == "stop" and first.model_extra["citations"][0]["locator"] == "第三条"
    follow = client.chat.completions.create(model="greenkb", messages=[
        {"role": "user", "content": QUESTION}, {"role": "assistant", "content": reply},
        {"role": "user", "content": [{"type": "text", "text": "不按时报送会怎样？"}]}])
    cited = {c["locator"] for c in follow.model_extra["citations"]}
    assert "第四条" in cited and "罚款" in follow.choices[0].message.content
    assert all(c["file_name"].startswith("示例市节能监察办法") for c in follow.model_extra["citations"])


def test_openai_errors_reach_the_sdk_in_chinese(server):
    import openai

    with pytest.raises(openai.NotFoundError, match="没有模型 gpt-4"):
        sdk(server).chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": QUESTION}])
    with pytest.raises(openai.BadRequestError, match="最后一条消息应当是用户的问题"):
        sdk(server).chat.completions.create(model="greenkb", messages=[{"role": "assistant", "content": "你好"}])


# ---------------------------------------------------------------------- auth
def test_requests_without_a_valid_key_are_refused(server):
    import openai

    with httpx.Client(base_url=server["url"], timeout=30) as anon:
        for method, path in [("POST", "/ask"), ("POST", "/search"), ("GET", "/documents"), ("GET", "/timeline"),
                             ("POST", "/v1/chat/completions"), ("GET", "/v1/models"), ("DELETE", "/documents/x")]:
            r = anon.request(method, path, json={"question": QUESTION})
            assert r.status_code == 401, (method, path)
            assert r.json()["error"]["message"].startswith("缺少 API 密钥")
            assert r.headers["www-authenticate"] == "Bearer"
        bad = anon.get("/documents", headers={"Authorization": "Bearer wrong"})
        assert bad.status_code == 401 and bad.json()["error"]["message"] == "API 密钥无效。"
        assert anon.get("/health").json() == {"status": "ok"}  # liveness and the OpenAPI pages stay open
        spec = anon.get("/openapi.json").json()
        assert {"/ask", "/search", "/documents", "/v1/chat/completions", "/standards", "/checklist"} <= set(spec["paths"])
    with pytest.raises(openai.AuthenticationError, match="API 密钥无效"):
        sdk(server, key="wrong").chat.completions.create(model="greenkb", messages=[{"role": "user", "content": "节能"}])
    assert sdk(server, key=OTHER_KEY).models.list().data  # every configured key works


def test_serve_refuses_a_public_address_without_keys(server):
    proc = subprocess.run([sys.executable, "-m", "kb", "serve", "--host", "0.0.0.0", "--data", str(server["data"])],
                          cwd=ROOT, env=base_env(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "未配置 API 密钥" in proc.stderr and "127.0.0.1" in proc.stderr


# ---------------------------------------------------------------------- the other endpoints
def test_ask_returns_the_json_of_the_cli(server, client):
    r = client.post("/ask", json={"question": QUESTION})
    assert r.status_code == 200
    body = r.json()
    cli = subprocess.run([sys.executable, "-m", "kb", "ask", QUESTION, "--json", "--data", str(server["data"])],
                         cwd=ROOT, env=base_env(), capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert body == json.loads(cli.stdout)
    assert set(body) == {"question", "answer", "abstained", "mode", "warnings", "citations", "related"}


def test_search_filters_and_documents(client):
    hits = client.post("/search", json={"question": "固体废物产生量", "k": 3}).json()["results"]
    assert hits and hits[0]["title"] == "示例市资源综合利用条例（测试样例）"
    assert hits[0]["status"] == "现行有效"  # the newer version ranks first
    old = client.post("/search", json={"question": "固体废物产生量", "filters": {"all_versions": True,
                                                                          "date_to": "2020-12-31"}}).json()["results"]
    assert old and all(h["date"] <= "2020-12-31" for h in old)
    docs = client.get("/documents").json()["documents"]
    assert len(docs) == 3
    status = {d["file_name"]: d["status"] for d in docs}
    assert status["示例市资源综合利用条例(2019-03-01).md"] == "已被修订"


def test_timeline_diff_and_standards(client):
    fams = client.get("/timeline").json()["families"]
    fam = next(f for f in fams if f["title"].startswith("示例市资源综合利用条例"))
    assert len(fam["versions"]) == 2
    d = client.get("/diff", params={"a": "示例市资源综合利用条例(2019-03-01).md",
                                    "b": "示例市资源综合利用条例(2022-06-01).md"}).json()
    assert d["counts"]["added"] >= 1 and d["counts"]["changed"] >= 1
    missing = client.get("/diff", params={"a": "不存在的文件", "b": "示例市资源综合利用条例(2022-06-01).md"})
    assert missing.status_code == 404 and "不存在的文件" in missing.json()["error"]["message"]
    std = client.get("/standards", params={"search": "99901"}).json()
    assert [s["code"] for s in std["standards"]] == ["GB/T 99901-2019"]
    assert client.get("/standards", params={"as_of": "明天"}).json()["error"]["message"].startswith("日期")


def test_checklist_from_a_profile(client):
    ok = client.post("/checklist", json={"name": "示例企业（测试样例）", "industry": "化工", "region": "示例市",
                                         "energy_tce_per_year": 8000})
    assert ok.status_code == 200
    body = ok.json()
    assert {"profile", "applicable", "to_confirm", "left_out"} <= set(body)
    assert body["profile"]["name"] == "示例企业（测试样例）"
    bad = client.post("/checklist", json={"energy_tce_per_year": "很多"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_profile"


def test_upload_is_ingested_by_a_job_then_found_then_deleted(server, client):
    rule = ("# 示例市绿色工厂评价办法（测试样例）\n\n2030年1月1日 示例市人民政府公布\n\n"
            "第一条 示例工厂申报绿色工厂的，应当提交第三方评价报告和能源审计报告。\n")
    r = client.post("/documents", files=[("files", ("示例市绿色工厂评价办法（测试样例）.md", rule.encode(), "text/markdown")),
                                         ("files", ("标准目录.xlsx", b"PK\x03\x04fixture", "application/vnd.ms-excel"))])
    assert r.status_code == 202
    job = r.json()["job"]
    assert r.json()["rejected"][0]["file"] == "标准目录.xlsx" and "标准库" in r.json()["rejected"][0]["reason"]
    deadline = time.monotonic() + 120
    while job["status"] in ("queued", "running", "waiting") and time.monotonic() < deadline:
        time.sleep(0.5)
        job = client.get(f"/jobs/{job['id']}").json()
    assert job["status"] == "done", job
    assert job["results"][0]["result"] == "新增" and job["message"].startswith("导入完成：新增 1")
    saved = server["data"].parent / "served" / "uploads" / "示例市绿色工厂评价办法（测试样例）.md"
    assert saved.is_file()
    # the shared Searcher has loaded the new generation: the next question finds the upload
    hits = client.post("/search", json={"question": "绿色工厂申报要提交什么报告", "k": 3}).json()["results"]
    assert hits[0]["title"] == "示例市绿色工厂评价办法（测试样例）"
    doc_id = job["results"][0]["doc_id"]
    gone = client.delete(f"/documents/{doc_id}").json()
    assert gone["deleted"] == doc_id and gone["file_deleted"] is True and not saved.exists()
    assert all(d["doc_id"] != doc_id for d in client.get("/documents").json()["documents"])
    assert client.delete(f"/documents/{doc_id}").status_code == 404
    assert client.get("/jobs/nope").status_code == 404


def test_only_unsupported_files_are_refused_with_a_reason(client):
    r = client.post("/documents", files=[("files", ("目录.csv", b"a,b\n1,2\n", "text/csv"))])
    assert r.status_code == 400
    msg = r.json()["error"]["message"]
    assert "目录.csv" in msg and "标准库" in msg


def test_limits_and_errors_are_chinese_json(client):
    big = {"question": "节" * 20_000}  # over the 16 KB this server allows
    r = client.post("/ask", json=big)
    assert r.status_code == 413 and r.json()["error"]["message"].startswith("请求内容过大")

    def chunks():
        for _ in range(40):
            yield b" " * 1024  # no Content-Length: counted while it arrives

    r = client.post("/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["message"].startswith("请求内容过大")
    r = client.post("/ask", json={"k": 3})
    assert r.status_code == 422 and r.json()["error"]["message"] == "请求格式不正确：question：缺少该字段。"
    r = client.post("/ask", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "不是有效的 JSON" in r.json()["error"]["message"]
    r = client.get("/nowhere")
    assert r.status_code == 404 and r.json()["error"]["message"] == "没有这个接口：/nowhere"
    assert client.get("/ask").status_code == 405
    assert "access-control-allow-origin" not in client.options(
        "/ask", headers={"Origin": "https://oa.example", "Access-Control-Request-Method": "POST"}).headers


def test_concurrent_questions_are_all_answered(server):
    errors: list[str] = []

    def worker(n: int) -> None:
        with httpx.Client(base_url=server["url"], headers=AUTH, timeout=120) as c:
            for q in (QUESTION, "固体废物产生量怎么报告？", "节能监察记录怎么保存？"):
                r = c.post("/ask", json={"question": q})
                if r.status_code != 200 or not r.json()["answer"]:
                    errors.append(f"{n}: {r.status_code} {r.text[:200]}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_cors_allows_only_the_configured_origins(server):
    from fastapi.testclient import TestClient

    from kb.interfaces.api import create_app
    from kb.interfaces.api_state import ApiState
    from kb.search.searcher import Searcher
    from kb.settings import Settings

    settings = Settings(data_dir=server["data"], embed_model="none", api_cors_origins="https://oa.example")
    state = ApiState(settings, Searcher(settings), watch_seconds=0)
    with TestClient(create_app(state)) as c:
        pre = {"Access-Control-Request-Method": "POST"}
        ok = c.options("/ask", headers={"Origin": "https://oa.example", **pre})
        assert ok.headers["access-control-allow-origin"] == "https://oa.example"
        other = c.options("/ask", headers={"Origin": "https://evil.example", **pre})
        assert "access-control-allow-origin" not in other.headers


def test_missing_data_folder_is_refused(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kb", "serve", "--data", str(tmp_path / "typo")], cwd=ROOT,
                          env=base_env(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "不存在" in proc.stderr and not (tmp_path / "typo").exists()


def test_openapi_docs_page_is_served_without_network(server):
    r = httpx.get(server["url"] + "/docs", timeout=30)
    assert r.status_code == 200 and "swagger" in r.text.lower()
    assert "cdn." not in r.text  # Swagger UI from the installed package: the page works offline
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert asset in r.text
        got = httpx.get(server["url"] + asset, timeout=30)
        assert got.status_code == 200 and len(got.content) > 10_000


@pytest.mark.browser
def test_docs_page_renders_in_a_browser_without_network(server):
    """Every request that leaves the server is refused, as on a machine without network: the
    page still draws the API's operations."""
    from tests.test_e2e_browser import browser_page

    url = server["url"]
    with browser_page() as page:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
        page.goto(url + "/docs")
        page.locator(".opblock").first.wait_for(timeout=30_000)
        assert page.locator(".opblock").count() >= 10
        assert "GreenKB" in page.locator(".swagger-ui .info").inner_text()
