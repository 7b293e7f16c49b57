"""`python -m kb serve [--host H] [--port P]` — GreenKB over HTTP (FastAPI on uvicorn).

    POST /search  POST /ask  GET /documents  POST /documents  GET /jobs/{id}
    DELETE /documents/{id}  GET /timeline  GET /diff  GET /standards  POST /checklist
    POST /v1/chat/completions  GET /v1/models      (OpenAI-compatible: kb.interfaces.api_openai)
    GET /docs (OpenAPI)  GET /health

The JSON of each answer is that of the CLI's `--json` output. One Searcher serves every request
(kb.interfaces.api_state); uploads are ingested by a job worker (kb.interfaces.api_jobs).

Security: with keys in GREENKB_API_KEYS every endpoint but /health and the OpenAPI pages wants
`Authorization: Bearer KEY`; without keys the server refuses to listen on anything but the
loopback address. Bodies are capped (JSON: settings.api_max_request_kb; uploads:
settings.max_file_mb). CORS is off unless settings.api_cors_origins lists origins. Every error
is JSON: {"error": {"message": 一行中文, "type", "code"}} (the OpenAI shape, so SDKs show it).
"""
from __future__ import annotations

import datetime as _dt
import ipaddress
import logging
import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from kb.interfaces.api_state import ApiState
from kb.settings import Settings

log = logging.getLogger(__name__)

MAX_QUESTION = 2000
UPLOAD_PATH = "/documents"


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str = "", kind: str = "invalid_request_error") -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.kind = status, message, code, kind


def error_body(message: str, code: str = "", kind: str = "invalid_request_error") -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": code or None, "param": None}}


# ---------------------------------------------------------------------- request models
class FilterModel(BaseModel):
    """Restricts the search like the CLI's --type/--region/--issuer/--date-from/--date-to/--doc/--all-versions."""

    types: list[str] = Field(default_factory=list, description="文件类型，如 法律、规范性文件、标准")
    regions: list[str] = Field(default_factory=list, description="地区，如 北京市")
    issuers: list[str] = Field(default_factory=list, description="发文机关（名称的一部分即可）")
    date_from: str = Field("", description="版本日期不早于 YYYY-MM-DD")
    date_to: str = Field("", description="版本日期不晚于 YYYY-MM-DD")
    docs: list[str] = Field(default_factory=list, description="只在这些文件中检索（文件名或标题）")
    all_versions: bool = Field(False, description="包括已被修订或废止的版本")

    def to_filters(self):
        from kb.search.searcher import Filters

        return Filters(doc_types=self.types, regions=self.regions, issuers=self.issuers, date_from=self.date_from,
                       date_to=self.date_to, file_names=self.docs, include_superseded=self.all_versions)


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class SearchRequest(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_QUESTION, description="问题或检索词")
    k: int = Field(10, ge=1, le=50, description="返回的段落数")
    filters: FilterModel = Field(default_factory=FilterModel)


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_QUESTION, description="问题")
    mode: Literal["extractive", "llm"] = Field("extractive", description="extractive（摘录，默认）或 llm")
    k: int = Field(8, ge=1, le=50, description="检索的段落数")
    filters: FilterModel = Field(default_factory=FilterModel)
    history: list[Turn] = Field(default_factory=list, max_length=40, description="此前的对话（追问时用）")


# ---------------------------------------------------------------------- auth and limits
bearer = HTTPBearer(auto_error=False, description="GREENKB_API_KEYS 中的任一密钥")


def require_key(request: Request, cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    keys = request.app.state.api.settings.api_key_list
    if not keys:
        return
    if cred is None or not cred.credentials:
        raise ApiError(401, "缺少 API 密钥：请在请求头中加入 Authorization: Bearer <密钥>。", "missing_api_key",
                       "authentication_error")
    given = cred.credentials.encode()
    if not any(secrets.compare_digest(given, k.encode()) for k in keys):
        raise ApiError(401, "API 密钥无效。", "invalid_api_key", "authentication_error")


class BodyLimit:
    """Request bodies over their limit get the JSON 413: a declared Content-Length at once,
    a chunked body as soon as the bytes received pass the limit.

    (FastAPI's own max_body_size answers a declared oversize body in plain text, whatever the
    app's error handlers say, so the limit is kept here.)"""

    def __init__(self, app: Any, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = upload_limit(self.settings) if scope.get("path") == UPLOAD_PATH else json_limit(self.settings)
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            body = error_body(too_large(self.settings), "request_too_large")
            await JSONResponse(body, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:  # raised inside the body parsing: the app's handler answers it
                    raise StarletteHTTPException(413)
            return message

        await self.app(scope, counted, send)


def json_limit(settings: Settings) -> int:
    return max(1, settings.api_max_request_kb) * 1024


def upload_limit(settings: Settings) -> int:
    """The body limit of an upload request: one file of max_file_mb and the form around it."""
    mb = settings.max_file_mb
    return int((mb + 1) * 1024 * 1024) if mb and mb > 0 else 1 << 40


def too_large(settings: Settings) -> str:
    files = f"，上传的文件不超过 {settings.max_file_mb:g} MB" if settings.max_file_mb > 0 else ""
    return f"请求内容过大：JSON 请求不超过 {settings.api_max_request_kb} KB{files}。"


# ---------------------------------------------------------------------- errors
_VALIDATION_CN = {
    "missing": "缺少该字段", "string_type": "应为字符串", "int_type": "应为整数", "int_parsing": "应为整数",
    "bool_type": "应为 true 或 false", "bool_parsing": "应为 true 或 false", "list_type": "应为数组",
    "dict_type": "应为 JSON 对象", "model_type": "应为 JSON 对象", "literal_error": "取值不在允许范围内",
    "string_too_short": "不能为空", "string_too_long": "过长", "too_long": "条目过多",
    "greater_than_equal": "过小", "less_than_equal": "过大", "json_invalid": "不是有效的 JSON",
    "extra_forbidden": "不认识的字段",
}


def validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        what = _VALIDATION_CN.get(str(err.get("type", "")), "格式不正确")
        parts.append(f"{loc or '请求体'}：{what}")
    return "请求格式不正确：" + "；".join(parts) + "。"


def install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(error_body(exc.message, exc.code, exc.kind), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(error_body(validation_message(exc), "invalid_request"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {404: f"没有这个接口：{request.url.path}", 405: f"接口 {request.url.path} 不支持 {request.method} 请求。",
                    413: too_large(request.app.state.api.settings)}
        message = messages.get(exc.status_code) or f"请求无法处理（HTTP {exc.status_code}）。"
        return JSONResponse(error_body(message, f"http_{exc.status_code}"), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        from kb.index.chroma_client import IndexError_

        if isinstance(exc, IndexError_):
            return JSONResponse(error_body(str(exc), "index_unavailable", "server_error"), status_code=503)
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(error_body(f"服务器内部错误（{type(exc).__name__}），请查看服务器日志。", "internal_error",
                                       "server_error"), status_code=500)


# ---------------------------------------------------------------------- endpoints
def _state(request: Request) -> ApiState:
    return request.app.state.api


router = APIRouter(dependencies=[Depends(require_key)])


@router.post("/search", summary="检索相关条文", tags=["问答"])
def search(body: SearchRequest, request: Request) -> dict[str, Any]:
    """The JSON of `python -m kb search --json`."""
    with _state(request).reading() as searcher:
        hits = searcher.search(body.question, k=body.k, filters=body.filters.to_filters())
        return {"question": body.question, "results": [h.to_result() for h in hits]}


@router.post("/ask", summary="回答问题并给出引用", tags=["问答"])
def ask(body: AskRequest, request: Request) -> dict[str, Any]:
    """The JSON of `python -m kb ask --json`: answer, abstained, mode, warnings, citations, related."""
    from kb.answers.answer import answer

    history = [t.model_dump() for t in body.history]
    with _state(request).reading() as searcher:
        pq = searcher.read(body.question, history)
        result = answer(pq, searcher, mode=body.mode, k=body.k, filters=body.filters.to_filters(), history=history)
        return result.to_dict()


@router.get("/documents", summary="已导入的文件", tags=["文件"])
def documents(request: Request) -> dict[str, Any]:
    """Every indexed document (the JSON of `python -m kb docs --json`) with its status."""
    with _state(request).reading() as searcher:
        docs = sorted(searcher.docs.values(), key=lambda d: (d.title, d.date))
        return {"documents": [d.to_dict() | {"status": searcher.status.get(d.doc_id, "")} for d in docs]}


def upload(request: Request,
           files: Annotated[list[UploadFile], File(description="PDF、DOCX、HTML、Markdown 或 TXT 文件")]) -> dict[str, Any]:
    """Saves the files to corpus/uploads/ and queues their ingest; follow it at GET /jobs/{id}."""
    from kb.interfaces import app_render as render
    from kb.interfaces import app_uploads as uploads

    state = _state(request)
    saved, rejected = [], []
    for f in files:
        name = f.filename or ""
        try:
            saved.append(uploads.save_upload(name, f.file.read(), state.settings).path)
        except uploads.UploadRejected as exc:
            rejected.append({"file": render.strip_control(name, keep_newlines=False)[:200], "reason": str(exc)})
        except OSError as exc:
            rejected.append({"file": render.strip_control(name, keep_newlines=False)[:200],
                             "reason": f"无法保存：{exc.strerror or exc}"})
    if not saved:
        detail = "；".join(f"{r['file']}：{r['reason']}" for r in rejected) or "没有收到文件"
        raise ApiError(400 if rejected else 422, f"没有可导入的文件（{detail}）。", "upload_rejected")
    job = state.jobs.submit(saved)
    return {"job": job.to_dict(), "rejected": rejected}


@router.get("/jobs/{job_id}", summary="导入任务的状态", tags=["文件"])
def job_status(job_id: str, request: Request) -> dict[str, Any]:
    job = _state(request).jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"没有编号为 {job_id[:40]} 的导入任务。", "job_not_found")
    return job.to_dict()


@router.delete("/documents/{doc_id}", summary="从知识库删除文件", tags=["文件"])
def delete(doc_id: str, request: Request) -> dict[str, Any]:
    """Removes the document from the index; its file too when it was uploaded (corpus/uploads/)."""
    from kb.interfaces import app_uploads as uploads

    state = _state(request)
    with state.writing() as searcher:
        meta = searcher.index.documents().get(doc_id)
        if meta is None:
            raise ApiError(404, f"知识库中没有编号为 {doc_id[:80]} 的文件。", "document_not_found")
        file_deleted = uploads.delete_document(meta, state.settings, searcher.index)
    return {"deleted": doc_id, "title": meta.title, "file_name": meta.file_name, "file_deleted": file_deleted}


@router.get("/timeline", summary="法规版本与时间线", tags=["版本"])
def timeline(request: Request) -> dict[str, Any]:
    """The JSON of `python -m kb timeline --json`, as one list."""
    from kb.versions.timeline import family_events

    with _state(request).reading() as searcher:
        graph = searcher.versions
        families = []
        for f in graph.families:
            obj = f.to_dict(graph.status)
            obj["events"] = [e.to_dict() for e in family_events(graph, f)]
            families.append(obj)
        return {"families": families}


@router.get("/diff", summary="比较两个版本", tags=["版本"])
def diff(request: Request, a: Annotated[str, Query(description="旧版本：文件名或标题")],
         b: Annotated[str, Query(description="新版本：文件名或标题")]) -> dict[str, Any]:
    """The JSON of `python -m kb diff A B --json`."""
    from kb.versions.diff import diff_documents
    from kb.versions.resolve import resolve_document

    with _state(request).reading() as searcher:
        try:
            da, db = resolve_document(searcher.docs, a), resolve_document(searcher.docs, b)
        except LookupError as exc:
            raise ApiError(404, str(exc).strip("'\""), "document_not_found") from None
        if da.doc_id == db.doc_id:
            raise ApiError(400, "两个参数指向同一个文件。", "same_document")
        return diff_documents(searcher.index, da, db).to_dict()


@router.get("/standards", summary="标准库", tags=["标准与合规"])
def standards(request: Request, family: Annotated[str, Query(description="标准类别，如 GB/T、GB、DB")] = "",
              status: Annotated[Literal["", "现行", "即将实施", "废止", "状态不详"], Query(description="只列出该状态的标准")] = "",
              cited_by: Annotated[str, Query(description="只列出该文件引用的标准（文件名或标题）")] = "",
              search: Annotated[str, Query(description="标准号或名称中包含的文字")] = "",
              as_of: Annotated[str, Query(description="按该日期（YYYY-MM-DD）判断状态，默认今天")] = "") -> dict[str, Any]:
    """The JSON of `python -m kb standards --json`, as one list, with the date the status holds on."""
    from kb.registers.standards import StandardsRegister
    from kb.versions.resolve import resolve_document

    try:
        today = _dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise ApiError(400, f"日期“{as_of[:40]}”的格式应为 YYYY-MM-DD。", "invalid_date") from None
    state = _state(request)
    with state.reading() as searcher:
        reg = StandardsRegister.load(searcher.index, state.settings.layout, searcher.docs, today)
        doc_ids = None
        if cited_by:
            try:
                doc_ids = [resolve_document(searcher.docs, cited_by).doc_id]
            except LookupError as exc:
                raise ApiError(404, str(exc).strip("'\""), "document_not_found") from None
        chosen = reg.select(family=family, status=status, cited_by=doc_ids, text=search)
        return {"as_of": reg.today.isoformat(), "total": len(reg.standards),
                "standards": [s.to_dict() | {"chain": [c.code for c in reg.chain(s)]} for s in chosen]}


@router.post("/checklist", summary="按企业画像生成合规清单", tags=["标准与合规"])
def checklist(request: Request, profile: dict[str, Any]) -> dict[str, Any]:
    """A profile (the JSON of `kb checklist --profile`) → the JSON of `python -m kb checklist --json`."""
    from kb.registers.checklist import build_checklist
    from kb.registers.duties import DutyRegister
    from kb.registers.profile import Profile, ProfileError

    try:
        prof = Profile.from_dict(profile)
    except ProfileError as exc:
        raise ApiError(400, str(exc), "invalid_profile") from None
    with _state(request).reading() as searcher:
        if not searcher.docs:
            raise ApiError(409, "知识库中还没有文件。", "empty_index")
        return build_checklist(prof, DutyRegister.of(searcher), searcher.versions).to_dict()


# ---------------------------------------------------------------------- the app
def create_app(state: ApiState) -> FastAPI:
    from fastapi.middleware.cors import CORSMiddleware
    from fastapi_offline import FastAPIOffline

    from kb.interfaces import api_openai

    # FastAPI's own /docs and /redoc load their scripts from a CDN, blank on a machine without
    # network access; FastAPIOffline serves the same pages with the scripts it ships.
    app = FastAPIOffline(
        title="GreenKB 绿色制造政策与标准知识库 API",
        description="检索、带引用的问答、文件管理、版本与标准；/v1/chat/completions 兼容 OpenAI。"
                    "配置了 GREENKB_API_KEYS 时请在请求头中加入 Authorization: Bearer <密钥>。",
        version="1",
        static_url="/docs-assets",
    )
    app.state.api = state
    install_errors(app)

    @app.get("/health", summary="服务状态", tags=["服务"])
    def health() -> dict[str, Any]:
        return {"status": "ok"}

    app.include_router(router)
    app.add_api_route(UPLOAD_PATH, upload, methods=["POST"], status_code=202, summary="上传文件并导入（返回导入任务）",
                      tags=["文件"], dependencies=[Depends(require_key)])
    app.include_router(api_openai.router, dependencies=[Depends(require_key)])
    if state.settings.api_origins:
        app.add_middleware(CORSMiddleware, allow_origins=state.settings.api_origins, allow_methods=["*"],
                           allow_headers=["*"])
    app.add_middleware(BodyLimit, settings=state.settings)
    return app


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Run the server until interrupted; refuses a non-loopback host when no key is configured."""
    import sys

    import uvicorn

    if not settings.api_key_list and not loopback(host):
        print(f"错误：未配置 API 密钥（GREENKB_API_KEYS）时只能在本机地址 127.0.0.1 上提供服务，不能监听 {host}。"
              "请先设置密钥，或去掉 --host。", file=sys.stderr)
        return 2
    from kb.index.chroma_client import IndexError_

    try:
        state = ApiState(settings)
    except IndexError_ as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    state.start()
    print(f"GreenKB API：http://{host}:{port}（接口文档 /docs；{len(state.searcher.docs)} 份文件；"
          f"{'需要 API 密钥' if settings.api_key_list else '未设密钥，仅限本机访问'}）", file=sys.stderr, flush=True)
    try:
        uvicorn.run(create_app(state), host=host, port=port, log_level="warning", access_log=False)
    finally:
        state.stop()
    return 0
