"""The OpenAI-compatible part of the HTTP API: `POST /v1/chat/completions` and `GET /v1/models`,
so chat front-ends (Open WebUI, Dify, an OA system's assistant) and the `openai` SDK use GreenKB
as if it were a model.

* The last user message is the question; the earlier user/assistant turns are the history a
  follow-up is read with (searcher.read(question, history)); system messages are ignored.
* Model `greenkb` answers in the extractive mode, `greenkb-llm` through the configured LLM.
* The reply's text is the answer, its warnings and a 来源 block ("[1] 《标题》第五条 第2页（文件名）");
  the same citations come as data in a top-level `citations` field (the citation objects of
  `kb ask --json`), with `warnings` and `abstained` — in the response, or in the last chunk when
  streaming. A 来源 block sent back in the history is dropped before the follow-up is read.
* Streaming is server-sent events in OpenAI's chunk format, ending with `data: [DONE]`. The
  answer is complete (and verified) before the first chunk; it is then sent line by line.
* `usage` counts characters, not tokens: GreenKB has no tokenizer of the client's model.
"""
from __future__ import annotations

import json
import time
import uuid
from typing import Any, Iterator, Literal

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from kb.interfaces.api import MAX_QUESTION, ApiError, FilterModel, _state
from kb.text.titles import book_title
from kb.types import Answer

MODELS = {"greenkb": "extractive", "greenkb-llm": "llm"}
SOURCES_HEAD = "来源："
RELATED_HEAD = "相关段落（仅供参考，不构成依据）："

router = APIRouter(prefix="/v1", tags=["OpenAI 兼容"])


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        """The message's text; of a list of parts, the text parts joined."""
        if isinstance(self.content, str):
            return self.content
        parts = self.content or []
        return "\n".join(str(p.get("text", "")) for p in parts if p.get("type") == "text")


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")

    include_usage: bool = False


class ChatRequest(BaseModel):
    """OpenAI's request body; sampling parameters (temperature …) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = Field("greenkb", description="greenkb（摘录式）或 greenkb-llm（大模型生成）")
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: bool = False
    stream_options: StreamOptions | None = None
    k: int = Field(8, ge=1, le=50, description="GreenKB：检索的段落数")
    filters: FilterModel = Field(default_factory=FilterModel, description="GreenKB：检索筛选")


def _models(request: Request) -> list[str]:
    llm = _state(request).settings.llm_configured
    return [m for m, mode in MODELS.items() if mode != "llm" or llm]


@router.get("/models", summary="可用的模型")
def models(request: Request) -> dict[str, Any]:
    return {"object": "list", "data": [{"id": m, "object": "model", "created": 0, "owned_by": "greenkb"}
                                       for m in _models(request)]}


def strip_sources(text: str) -> str:
    """An assistant turn without the 来源 / 相关段落 block GreenKB appended to it."""
    for head in (SOURCES_HEAD, RELATED_HEAD):
        cut = text.find("\n\n" + head)
        if cut >= 0:
            text = text[:cut]
    return text


def split_conversation(messages: list[ChatMessage]) -> tuple[str, list[dict[str, str]]]:
    """(the question, the history before it)."""
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise ApiError(400, "最后一条消息应当是用户的问题（role 为 user）。", "no_question")
    question = turns[-1].text().strip()
    if not question:
        raise ApiError(400, "问题为空。", "empty_question")
    if len(question) > MAX_QUESTION:
        raise ApiError(400, f"问题过长：上限为 {MAX_QUESTION} 字。", "question_too_long")
    history = []
    for m in turns[:-1]:
        text = m.text()
        text = strip_sources(text) if m.role == "assistant" else text
        if text.strip():
            history.append({"role": m.role, "content": text})
    return question, history


def source_line(n: int, hit: Any) -> str:
    pages = f" 第{hit.page_start}页" if hit.page_start else ""
    status = f" 〔{hit.status}〕" if hit.status and hit.status != "现行有效" else ""
    return f"[{n}] {book_title(hit.title or hit.file_name)}{hit.locator}{pages}{status}（{hit.file_name}）"


def message_text(result: Answer) -> str:
    """The reply as a chat front-end shows it: answer, warnings, then its sources."""
    parts = [result.text.strip()]
    parts += [f"⚠ {w}" for w in result.warnings]
    text = "\n".join(p for p in parts if p)
    if result.citations:
        text += "\n\n" + SOURCES_HEAD + "\n" + "\n".join(source_line(c.n, c.hit) for c in result.citations)
    elif result.related:
        text += "\n\n" + RELATED_HEAD + "\n" + "\n".join(source_line(i, h) for i, h in enumerate(result.related, 1))
    return text


def extras(result: Answer) -> dict[str, Any]:
    return {"citations": [c.to_dict() for c in result.citations], "warnings": list(result.warnings),
            "abstained": result.abstained}


@router.post("/chat/completions", summary="对话问答（兼容 OpenAI Chat Completions，支持流式）")
def chat_completions(body: ChatRequest, request: Request):
    from kb.answers.answer import answer

    if body.model not in MODELS:
        raise ApiError(404, f"没有模型 {body.model[:60]}：可用的模型是 {'、'.join(_models(request))}。",
                       "model_not_found")
    question, history = split_conversation(body.messages)
    with _state(request).reading() as searcher:
        pq = searcher.read(question, history)
        result = answer(pq, searcher, mode=MODELS[body.model], k=body.k, filters=body.filters.to_filters(),
                        history=history)
    text = message_text(result)
    prompt_chars = len(question) + sum(len(t["content"]) for t in history)
    usage = {"prompt_tokens": prompt_chars, "completion_tokens": len(text), "total_tokens": prompt_chars + len(text)}
    head = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()), "model": body.model}
    if not body.stream:
        return head | {
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop",
                         "logprobs": None}],
            "usage": usage,
        } | extras(result)
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    return StreamingResponse(_chunks(head, text, result, usage if include_usage else None),
                             media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


def _chunks(head: dict[str, Any], text: str, result: Answer, usage: dict[str, int] | None) -> Iterator[str]:
    def event(choices: list[dict[str, Any]], **more: Any) -> str:
        obj = head | {"object": "chat.completion.chunk", "choices": choices} | more
        return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n"

    yield event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
    for piece in text.splitlines(keepends=True):
        yield event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
    yield event([{"index": 0, "delta": {}, "finish_reason": "stop"}], **extras(result))
    if usage is not None:
        yield event([], usage=usage)
    yield "data: [DONE]\n\n"
