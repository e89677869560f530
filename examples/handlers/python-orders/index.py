"""Orders handler of the example app: Python with a compiled dependency (bcrypt, a Rust extension)
installed for arm64 by FunctionCode.fromPythonProject, and psutil (a C extension) from a Python layer."""
import json

import bcrypt
import psutil


def handler(event, context):
    order = event.get("order", {}) if isinstance(event, dict) else {}
    customer = str(order.get("customer", ""))
    return {
        "statusCode": 200,
        "body": json.dumps({
            "customer": bcrypt.hashpw(customer.encode(), bcrypt.gensalt()).decode() if customer else "",
            "items": len(order.get("items", [])),
            "memoryPercent": psutil.virtual_memory().percent,
        }),
    }
