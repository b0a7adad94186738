"""Open data: published ideas and closed rounds' results as CSV and JSON, under CC BY 4.0, without personal
data (no names, no e-mail, no codes). CSV cells that a spreadsheet would read as formulas are neutralised."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from pages.exports import neutralise_formula

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    """A UTF-8 CSV download (with a byte order mark, so spreadsheets read the letters right)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise_formula(value) for value in row])
    return response


def json_response(filename: str, data: dict) -> HttpResponse:
    """A JSON download; `data` should say its licence (see `with_licence`)."""
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def with_licence(data: dict, source_url: str) -> dict:
    return {"licence": LICENCE, "licence_url": LICENCE_URL, "source": source_url, **data}
