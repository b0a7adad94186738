"""Safe exports for spreadsheets: the admin's CSV and XLSX lists and the public open data.

Every export writes labels rather than stored values, local times, and neutralises spreadsheet formulas: a
CSV value starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe; in XLSX such a value
stays a text cell (Wagtail already stops openpyxl writing it as a formula) and is marked "quote prefix", so
the spreadsheet keeps it text even when someone edits the cell.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import multigetattr
from wagtail.snippets.views.snippets import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text that a spreadsheet would read as a formula, with a leading apostrophe; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """In Finnish time without a zone, as a spreadsheet shows it (Wagtail's default would be UTC)."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def local_datetime_text(value: datetime.datetime) -> str:
    return local_datetime(value).strftime("%Y-%m-%d %H:%M")


class SafeExportIndexView(IndexView):
    """A snippet list whose CSV and XLSX exports have labels, local times and no formulas.

    `export_values` maps a column of `list_export` to a function of the row giving its value (a label rather
    than a stored value); other columns are read as attributes (dotted paths allowed)."""

    export_values: dict = {}

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: local_datetime_text,
            IndexView.FORMAT_XLSX: local_datetime,
        },
        bool: {IndexView.FORMAT_CSV: yes_no, IndexView.FORMAT_XLSX: yes_no},
    }

    def to_row_dict(self, item):
        return {
            field: self.export_values[field](item) if field in self.export_values else multigetattr(item, field)
            for field in self.list_export
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell
