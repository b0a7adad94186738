"""Safe exports for spreadsheets: the admin's CSV and XLSX lists, the answers of form pages, and the public
open data.

Every export writes labels rather than stored values, local times, and neutralises spreadsheet formulas: a
CSV value starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe; in XLSX such a value
stays a text cell (Wagtail already stops openpyxl writing it as a formula) and is marked "quote prefix", so
the spreadsheet keeps it text even when someone edits the cell. Column headings get the same treatment.
"""

import datetime
import decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.contrib.forms.views import SubmissionsListView
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


def readable_values(preprocess: dict) -> dict:
    """Wagtail's value preprocessing `preprocess` with local times and yes/no for booleans in both formats."""
    return {
        **preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_datetime_text,
            SpreadsheetExportMixin.FORMAT_XLSX: local_datetime,
        },
        bool: {SpreadsheetExportMixin.FORMAT_CSV: yes_no, SpreadsheetExportMixin.FORMAT_XLSX: yes_no},
    }


class FormulaSafeExportMixin:
    """For a view with Wagtail's `SpreadsheetExportMixin` (put it first): no cell of its CSV or XLSX export, the
    headings included, is read as a formula."""

    def get_heading(self, queryset, field):
        return neutralise_formula(super().get_heading(queryset, field))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell


class SafeExportIndexView(FormulaSafeExportMixin, IndexView):
    """A snippet list whose CSV and XLSX exports have labels, local times and no formulas.

    `export_values` maps a column of `list_export` to a function of the row giving its value (a label rather
    than a stored value); other columns are read as attributes (dotted paths allowed)."""

    export_values: dict = {}

    custom_value_preprocess = readable_values(IndexView.custom_value_preprocess)

    def to_row_dict(self, item):
        return {
            field: self.export_values[field](item) if field in self.export_values else multigetattr(item, field)
            for field in self.list_export
        }


class SafeSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    """The answers of a form page (Wagtail's "Form submissions"), exported with local times, yes/no, numbers
    as numbers and no formulas. A form page with a `summary_admin_url()` gets a button to its summary."""

    custom_value_preprocess = readable_values(SubmissionsListView.custom_value_preprocess)

    def dispatch(self, request, *args, **kwargs):
        form_page = kwargs.get("form_page")
        self.number_fields = {field.clean_name for field in form_page.get_form_fields() if field.field_type == "number"}
        return super().dispatch(request, *args, **kwargs)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name in self.number_fields.intersection(row):
            row[name] = as_number(row[name])
        return row

    @property
    def header_buttons(self):
        summary_url = getattr(self.form_page, "summary_admin_url", None)
        if summary_url is None:
            return []
        return [HeaderButton(_("Summary"), url=summary_url(), icon_name="doc-full", priority=10)]


def as_number(value):
    """A number answer (kept as text in the answer's JSON) as a number, so a spreadsheet can count with it."""
    if not isinstance(value, str) or not value:
        return value
    try:
        number = decimal.Decimal(value)
    except decimal.InvalidOperation:
        return value
    return number if number.is_finite() else value
