"""Orders handler of the example app: Python with a compiled dependency (ujson, a C extension)
installed for arm64 by FunctionCode.fromPythonProject, and markupsafe from a Python layer."""
import ujson
from markupsafe import escape


def handler(event, context):
    order = event.get("order", {}) if isinstance(event, dict) else {}
    customer = str(escape(order.get("customer", "")))
    return {
        "statusCode": 200,
        "body": ujson.dumps({"customer": customer, "items": len(order.get("items", []))}),
    }
