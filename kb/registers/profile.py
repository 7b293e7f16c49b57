"""An enterprise profile, the facts a compliance checklist is decided by: read from a JSON or
TOML file or a form, each value checked, one Chinese line for a value that cannot be used.

Keys: name, industry, region (empty: national rules only), energy_tce_per_year,
water_m3_per_year, permit (重点管理 | 简化管理 | 登记管理 | none), products, key_energy_user,
key_pollutant_unit, applies_green_factory (booleans; absent: thresholds or 需确认 decide) and
listed_in (名单 / 名录 / 目录 the company knows it is on).
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PERMITS = ("重点管理", "简化管理", "登记管理", "none")
PERMIT_HOLDERS = ("重点管理", "简化管理")


class ProfileError(ValueError):
    """A profile that cannot be read; the message is one Chinese line."""


@dataclass
class Profile:
    name: str = ""
    industry: str = ""
    region: str = ""  # 北京市 …; empty: national rules only
    energy_tce_per_year: float | None = None
    water_m3_per_year: float | None = None
    permit: str | None = None  # 重点管理 | 简化管理 | 登记管理 | none; None: not stated
    products: list[str] = field(default_factory=list)
    key_energy_user: bool | None = None  # None: the thresholds decide
    key_pollutant_unit: bool | None = None
    applies_green_factory: bool | None = None
    listed_in: list[str] = field(default_factory=list)  # 名单 / 名录 / 目录 the company is on

    @classmethod
    def load(cls, path: str | Path) -> "Profile":
        p = Path(path)
        if not p.is_file():
            raise ProfileError(f"找不到企业画像文件：{p}")
        raw = p.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
            data = tomllib.loads(text) if p.suffix.lower() == ".toml" else json.loads(text)
        except (UnicodeDecodeError, ValueError, tomllib.TOMLDecodeError) as exc:
            kind = "TOML" if p.suffix.lower() == ".toml" else "JSON"
            raise ProfileError(f"企业画像 {p.name} 不是有效的 {kind}：{str(exc).splitlines()[0][:120]}") from exc
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, d: Any) -> "Profile":
        if not isinstance(d, dict):
            raise ProfileError("企业画像应当是一个对象（键值对），例如 {\"industry\": \"钢铁\", …}")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(d) - known)
        if unknown:
            raise ProfileError(f"企业画像中有不认识的键：{'、'.join(unknown)}（可用的键：{'、'.join(sorted(known))}）")
        out = cls()
        for key in ("name", "industry", "region"):
            out.__dict__[key] = _text(d, key)
        for key in ("energy_tce_per_year", "water_m3_per_year"):
            out.__dict__[key] = _number(d, key)
        for key in ("key_energy_user", "key_pollutant_unit", "applies_green_factory"):
            out.__dict__[key] = _flag(d, key)
        for key in ("products", "listed_in"):
            out.__dict__[key] = _texts(d, key)
        permit = d.get("permit")
        if permit is not None:
            permit = str(permit).strip() or None
            if permit is not None and permit.lower() == "none":
                permit = "none"
            if permit is not None and permit not in PERMITS:
                raise ProfileError(f"permit 应为 重点管理、简化管理、登记管理 或 none，而不是“{permit}”")
        out.permit = permit
        return out

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _text(d: dict, key: str) -> str:
    v = d.get(key, "")
    if v is None:
        return ""
    if not isinstance(v, (str, int, float)) or isinstance(v, bool):
        raise ProfileError(f"{key} 应为文字")
    return str(v).strip()


def _number(d: dict, key: str) -> float | None:
    v = d.get(key)
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise ProfileError(f"{key} 应为数字")
    try:
        n = float(str(v).replace(",", "").strip())
    except ValueError:
        raise ProfileError(f"{key} 应为数字，而不是“{v}”") from None
    if n < 0 or n != n:
        raise ProfileError(f"{key} 不能为负数")
    return n


def _flag(d: dict, key: str) -> bool | None:
    v = d.get(key)
    if v is None or isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in ("true", "是", "yes", "1"):
        return True
    if s in ("false", "否", "no", "0"):
        return False
    raise ProfileError(f"{key} 应为 true 或 false（或省略，由门槛判断）")


def _texts(d: dict, key: str) -> list[str]:
    v = d.get(key) or []
    if isinstance(v, str):
        v = [x for x in re.split(r"[、,，;；]", v)]
    if not isinstance(v, list):
        raise ProfileError(f"{key} 应为列表，例如 [\"电器电子产品\"]")
    return [str(x).strip() for x in v if str(x).strip()]
