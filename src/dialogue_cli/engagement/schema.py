"""The JSON Schema of ``engagement.yaml``, generated from the Pydantic models."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://dialogue-cli.invalid/engagement.schema.json"


def schema() -> dict[str, Any]:
    from .model import Engagement

    data = Engagement.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **data}


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2)
