"""Tables rendered from the calculators' own data, so a page never retypes a number.

- the inputs table of a calculator (label, unit options, accepted range, default);
- a score's criteria (the published rules and their points);
- a score's interpretation bands;
- the guideline's regimen per indication (``calculators.guideline.REGIMENS``).

Numbers are written by the one formatting rule (site_build.content.formatting) in the page's
language. Texts come from the translators' message files.
"""
from __future__ import annotations

from html import escape
from typing import Iterable, Sequence

from calculators.spec import Calculator, ChoiceInput, DateInput, NumberInput

from site_build.content.formatting import fill, format_number, format_signed
from site_build.content.messages import Catalog


#: The class every generated table carries (with its own): layout.css gives it the theme's table look.
TABLE_CLASS = "scar-table"


def table_box(table_html: str) -> str:
    """A table inside the two boxes Material's script puts around the tables it renders itself
    (``div.md-typeset__scrollwrap > div.md-typeset__table``), so that a table wider than a phone
    scrolls inside its own box instead of widening the page. The script only wraps tables
    without a class (``table:not([class])``); ours have one, so the build writes the boxes,
    which also keeps them there with JavaScript off. The scrolling box takes the keyboard's
    focus (``tabindex="0"``), so a keyboard alone can scroll it too (WCAG 2.1.1)."""
    return f'<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table">{table_html}</div></div>'


def html_table(headers: Sequence[str], rows: Iterable[Sequence[str]], css_class: str, caption: str | None = None) -> str:
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return table_box(f'<table class="{TABLE_CLASS} {css_class}">{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def criteria_table(calculator: Calculator, texts: Catalog) -> str:
    rows = [(fill(texts[f"criteria.{criterion.key}"], criterion.params, texts), format_signed(criterion.points, texts)) for criterion in calculator.criteria]
    return html_table((texts["ui.table_criterion"], texts["ui.table_points"]), rows, "calc-criteria")


def bands_table(calculator: Calculator, texts: Catalog) -> str:
    columns = list(calculator.bands[0].values) if calculator.bands else []
    headers = [texts["bands.title"], *(texts[f"bands.columns.{column}"] for column in columns)]
    rows = [[band_label(texts, band.key), *(format_number(band.values[column], texts) for column in columns)] for band in calculator.bands]
    return html_table(headers, rows, "calc-bands")


def band_label(texts: Catalog, key: str) -> str:
    """A band's label: ``bands.<key>``, or ``bands.<key>.label`` once the band also has texts of
    its own (``bands.<key>.next``, its next steps, which YAML can only nest beside a label)."""
    nested = texts.get(f"bands.{key}.label")
    return nested if nested is not None else texts[f"bands.{key}"]


def inputs_table(calculator: Calculator, texts: Catalog) -> str:
    rows = []
    for declared in calculator.inputs:
        if declared.name in calculator.unit_selectors:
            continue
        rows.append((texts[f"inputs.{declared.name}.label"], _accepted(calculator, declared, texts), _required(declared, texts)))
    return html_table((texts["ui.table_input"], texts["ui.table_accepted"], texts["ui.table_required"]), rows, "calc-inputs")


def _accepted(calculator: Calculator, declared, texts: Catalog) -> str:
    if isinstance(declared, ChoiceInput):
        return ", ".join(texts[f"inputs.{declared.name}.choices.{choice}"] for choice in declared.choices)
    if isinstance(declared, DateInput):
        return texts["ui.table_date"]
    # The limits in each unit come from the declaration, computed once (spec.UnitLimits): the
    # validation's error message states the same numbers.
    ranges = [
        f"{format_number(limits.minimum, texts, limits.decimals)}–{format_number(limits.maximum, texts, limits.decimals)} {texts[f'unit.{unit}']}"
        for unit, limits in declared.limits.items()
    ]
    text = "; ".join(ranges)
    if declared.integer:
        text += f" ({texts['ui.table_whole_number']})"
    return text


def _required(declared, texts: Catalog) -> str:
    if declared.default is not None:
        default = declared.default
        shown = texts.get(f"inputs.{declared.name}.choices.{default}") if isinstance(declared, ChoiceInput) else format_number(default, texts)
        return fill(texts["ui.table_default"], {"default": shown}, texts)
    if getattr(declared, "optional_when", None) is not None or getattr(declared, "required_when", None) is not None:
        # Required or not depending on another answer: the calculator's own words say when.
        return texts[f"inputs.{declared.name}.requirement"]
    return texts["ui.table_yes"] if declared.required else texts["ui.table_optional"]


def regimen_table(texts: Catalog) -> str:
    """The EDF/EADV regimens, one row per indication, from ``calculators.guideline``.

    Each row carries the guideline's own qualifier of the indication's place in therapy
    (``place.<indication>``), and a dose or days cell its note where one exists
    (``dose_note.<indication>``, ``days_note.<indication>``), so no row reads as an unqualified
    "first line" or a bare number.
    """
    from calculators.guideline import REGIMENS

    rows = []
    for indication, regimen in REGIMENS.items():
        low, high = regimen.dose_range_g_per_kg
        dose = format_number(low, texts) if low == high else f"{format_number(low, texts)}–{format_number(high, texts)}"
        dose = f"{dose} g/kg"
        dose_note = texts.get(f"dose_note.{indication}")
        if dose_note:
            dose += ". " + fill(dose_note, {"standard": high, "reduced": low}, texts)
        days = str(regimen.days_min) if regimen.days_min == regimen.days_max else f"{regimen.days_min}–{regimen.days_max}"
        days_note = texts.get(f"days_note.{indication}")
        if days_note:
            days += ". " + fill(days_note, {"days": regimen.recommended_days}, texts)
        if regimen.single_cycle:
            interval = texts["single_cycle"]
        else:
            interval = fill(texts["interval"], {"weeks": regimen.interval_weeks, "max": regimen.max_interval_weeks}, texts)
        if regimen.initial_months is None:
            duration = "—"
        else:
            first, last = regimen.initial_months
            duration = fill(texts["months_single" if first == last else "months"], {"min": first, "max": last}, texts)
        rows.append((texts[f"indications.{indication}"], dose, days, interval, duration, texts[f"place.{indication}"], regimen.evidence))
    headers = [texts[f"columns.{name}"] for name in ("indication", "dose", "days", "interval", "initial_duration", "place", "evidence")]
    return html_table(headers, rows, "regimen-table", caption=texts["caption"])
