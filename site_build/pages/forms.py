"""Write a calculator's HTML form from its declaration; no form is written by hand.

The markup follows the DESIGN.md contract: ``<form data-calculator="<id>">`` whose fields carry
the Python input names, and one ``data-output="<name>"`` element per output whose
``data-value`` the page script fills with the raw value and whose text with the localised
display. Numbers are typed into text fields with a decimal keyboard rather than
``type="number"``, so a Romanian reader may type ``70,5`` and every value reaches Python, the
only place where input is validated.
"""
from __future__ import annotations

import json
from html import escape

from calculators.spec import Calculator, ChoiceInput, DateInput, NumberInput, points_by_answer

from site_build.content.formatting import fill, format_number, format_signed
from site_build.content.messages import Catalog


def render_calculator(calculator: Calculator, texts: Catalog, script_url: str) -> str:
    """The complete widget: form, progress, result area, messages and declaration for the script."""
    fields = [_field(calculator, declared, texts) for declared in calculator.inputs if declared.name not in calculator.unit_selectors]
    prefix = calculator.id
    parts = [
        f'<div class="calc" id="calc-{prefix}">',
        f'<form class="calc-form" data-calculator="{escape(prefix)}" novalidate autocomplete="off">',
        '<p class="calc-form-error" data-error-for="_form" role="alert" hidden></p>',
        *fields,
        f'<button type="submit" class="md-button md-button--primary">{escape(texts["ui.calculate"])}</button>',
        "</form>",
        _loading(prefix, texts),
        f'<noscript><p class="calc-noscript">{escape(texts["ui.noscript"])}</p></noscript>',
        _result_area(calculator, texts),
        f'<p class="calc-disclaimer">{escape(texts["ui.disclaimer"])}</p>',
        f'<script type="application/json" data-calc-messages>{_json_for_html(texts.texts)}</script>',
        f'<script type="application/json" data-calc-declaration>{_json_for_html(declaration_for_page(calculator))}</script>',
        "</div>",
        f'<script type="module" src="{escape(script_url)}"></script>',
    ]
    return "\n".join(parts)


def declaration_for_page(calculator: Calculator) -> dict:
    """What the page script needs from the declaration, as data: ``units``, for each number
    input with a unit selector, the selector's name and, per unit, the factor to the canonical
    unit and the limits shown (``NumberInput.limits``), so that a unit changed under a typed
    number converts that number instead of reinterpreting it. (Which band a result falls in,
    for its next steps, is Python's answer: ``evaluate(...)["band"]``.)"""
    units = {}
    for declared in calculator.inputs:
        if isinstance(declared, NumberInput) and declared.unit_input:
            units[declared.name] = {
                "selector": declared.unit_input,
                "integer": declared.integer,
                "units": {
                    unit: {"factor": limits.factor, "min": limits.minimum, "max": limits.maximum, "decimals": limits.decimals}
                    for unit, limits in declared.limits.items()
                },
            }
    return {"units": units}


def _loading(prefix: str, texts: Catalog) -> str:
    """The runtime's progress: a bar, and the stage in words (a polite status line)."""
    status_id = f"{prefix}-status"
    return (
        f'<div class="calc-loading" data-calc-loading>'
        f'<progress class="calc-progress" data-calc-progress value="0" aria-labelledby="{status_id}"></progress>'
        f'<p class="calc-status" id="{status_id}" data-calc-status role="status">{escape(texts["ui.status_loading"])}</p>'
        "</div>"
    )


def _field(calculator: Calculator, declared, texts: Catalog) -> str:
    field_id = f"{calculator.id}-{declared.name}"
    label = texts[f"inputs.{declared.name}.label"]
    hint = texts.get(f"inputs.{declared.name}.hint")
    hint_id = f"{field_id}-hint"
    error_id = f"{field_id}-error"
    described_by = " ".join(part for part in (hint_id if hint else "", error_id) if part)
    hint_html = f'<p class="calc-hint" id="{hint_id}">{escape(hint)}</p>' if hint else ""
    error_html = f'<p class="calc-error" id="{error_id}" data-error-for="{declared.name}" hidden></p>'

    if isinstance(declared, ChoiceInput):
        points = points_by_answer(calculator.criteria, declared)

        def choice_label(choice: str) -> str:
            text = texts[f"inputs.{declared.name}.choices.{choice}"]
            if choice not in points:
                return text
            return fill(texts["ui.choice_points"], {"label": text, "points": format_signed(points[choice], texts)}, texts)

    if isinstance(declared, ChoiceInput) and declared.widget == "radio":
        options = "".join(
            f'<label class="calc-radio"><input type="radio" name="{declared.name}" value="{escape(choice)}"'
            f'{" checked" if choice == declared.default else ""}> {escape(choice_label(choice))}</label>'
            for choice in declared.choices
        )
        return (
            f'<fieldset class="calc-field" data-field="{declared.name}" aria-describedby="{described_by}">'
            f"<legend>{escape(label)}</legend>{options}{hint_html}{error_html}</fieldset>"
        )

    if isinstance(declared, ChoiceInput):
        control = _select(declared, field_id, described_by, texts, choice_label)
    elif isinstance(declared, DateInput):
        control = f'<input type="date" id="{field_id}" name="{declared.name}" aria-describedby="{described_by}">'
    else:
        control = _number_control(calculator, declared, field_id, described_by, texts)
        if declared.unit_input:
            # The unit selector is validated too (it may be required, with no default): its
            # error needs a place beside it, like any field's.
            error_html += (
                f'<p class="calc-error" id="{calculator.id}-{declared.unit_input}-error"'
                f' data-error-for="{declared.unit_input}" hidden></p>'
            )
            # Where the page says that a number was converted to the unit just chosen.
            error_html += f'<p class="calc-converted" data-converted-for="{declared.name}" role="status"></p>'
    return (
        f'<div class="calc-field" data-field="{declared.name}">'
        f'<label for="{field_id}">{escape(label)}</label>'
        f'<div class="calc-control">{control}</div>{hint_html}{error_html}</div>'
    )


def _number_control(calculator: Calculator, declared: NumberInput, field_id: str, described_by: str, texts: Catalog) -> str:
    placeholder = ""
    if declared.default is not None:
        placeholder = f' placeholder="{escape(format_number(declared.default, texts, PLACEHOLDER_DECIMALS))}"'
    inputmode = "numeric" if declared.integer else "decimal"
    control = (
        f'<input type="text" inputmode="{inputmode}" id="{field_id}" name="{declared.name}"'
        f'{placeholder} aria-describedby="{described_by}" autocomplete="off" spellcheck="false">'
    )
    if declared.unit_input:
        selector = calculator.input(declared.unit_input)
        assert isinstance(selector, ChoiceInput)
        unit_id = f"{calculator.id}-{selector.name}"
        control += _select(
            selector,
            unit_id,
            f"{unit_id}-error",
            texts,
            lambda choice: texts[f"unit.{choice}"],
            aria_label=f'{texts[f"inputs.{declared.name}.label"]}: {texts["ui.unit_select"]}',
        )
    else:
        control += f'<span class="calc-unit">{escape(texts[f"unit.{declared.unit}"])}</span>'
    return control


def _select(declared: ChoiceInput, field_id: str, described_by: str, texts: Catalog, label_of, aria_label: str | None = None) -> str:
    empty = "" if declared.default is not None else f'<option value="">{escape(texts["ui.choose"])}</option>'
    options = "".join(
        f'<option value="{escape(choice)}"{" selected" if choice == declared.default else ""}>{escape(label_of(choice))}</option>'
        for choice in declared.choices
    )
    described = f' aria-describedby="{described_by}"' if described_by else ""
    label = f' aria-label="{escape(aria_label)}"' if aria_label else ""
    return f'<select id="{field_id}" name="{declared.name}"{described}{label}>{empty}{options}</select>'


#: The most decimals a default shown in an empty field (its placeholder) is written with.
PLACEHOLDER_DECIMALS = 6

def _output_row(output, texts: Catalog) -> str:
    label = texts[f"outputs.{output.name}.label"]
    unit = texts[f"unit.{output.unit}"] if output.unit else ""
    attributes = (
        f'data-output="{output.name}" data-kind="{output.kind}" data-decimals="{output.decimals}"'
        f' data-unit="{escape(unit)}" data-value=""'
    )
    if output.is_block:
        return (
            f'<div class="calc-output-block" data-output-row="{output.name}"><dt>{escape(label)}</dt>'
            f"<dd><div {attributes}></div></dd></div>"
        )
    return (
        f'<div class="calc-output-row" data-output-row="{output.name}"><dt>{escape(label)}</dt>'
        f"<dd><output {attributes}></output></dd></div>"
    )


def _result_area(calculator: Calculator, texts: Catalog) -> str:
    """The result, in the order a reader acts on it: the primary output, large; the warnings
    beside it; the band's next steps and the calculator's note; then every other output; then
    (for print only) the inputs as entered, the permalink and the time of the calculation.
    """
    primary = calculator.primary_output
    details = "".join(_output_row(output, texts) for output in calculator.outputs if output is not primary)
    note = texts.get("result_note")
    note_html = f'<p class="calc-result-note" data-calc-note>{escape(note)}</p>' if note else ""
    record = (
        '<div class="calc-record" data-calc-record>'
        f'<h4 class="calc-record-title">{escape(texts["ui.inputs_entered"])}</h4>'
        '<dl class="calc-record-inputs" data-calc-record-inputs></dl>'
        f'<p class="calc-record-link">{escape(texts["ui.permalink"])}: <span data-calc-permalink></span></p>'
        '<p class="calc-record-time" data-calc-time></p>'
        "</div>"
    )
    # The live region is a wrapper that is always rendered: screen readers announce changes
    # only inside a region they already know, so a region that is itself unhidden together
    # with its first result would often stay silent.
    return (
        f'<div class="calc-live" aria-live="polite">'
        f'<p class="calc-incomplete" data-calc-incomplete hidden>{escape(texts["ui.incomplete"])}</p>'
        f'<section class="calc-result" data-calc-result hidden>'
        f'<h3 class="calc-result-title">{escape(texts["ui.results"])}</h3>'
        f'<dl class="calc-primary">{_output_row(primary, texts)}</dl>'
        f'<ul class="calc-warnings" data-calc-warnings></ul>'
        f'<p class="calc-next" data-calc-next hidden></p>'
        f"{note_html}"
        f'<dl class="calc-outputs">{details}</dl>'
        f"{record}"
        f'<p class="calc-actions"><button type="button" class="md-button" data-calc-copy>{escape(texts["ui.copy_summary"])}</button>'
        f' <span data-calc-copied role="status"></span></p>'
        f"</section></div>"
    )


def _json_for_html(data: dict) -> str:
    """JSON safe inside a <script> element: no closing tag or comment opener can appear."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
