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

from calculators.spec import Calculator, ChoiceInput, DateInput, NumberInput

from .messages import Catalog


def render_calculator(calculator: Calculator, texts: Catalog, script_url: str) -> str:
    """The complete widget: form, status line, result area, messages for the script."""
    unit_selectors = {declared.unit_input for declared in calculator.inputs if isinstance(declared, NumberInput) and declared.unit_input}
    fields = [
        _field(calculator, declared, texts)
        for declared in calculator.inputs
        if declared.name not in unit_selectors
    ]
    prefix = calculator.id
    parts = [
        f'<div class="calc" id="calc-{prefix}">',
        f'<form class="calc-form" data-calculator="{escape(prefix)}" novalidate autocomplete="off">',
        '<p class="calc-form-error" data-error-for="_form" role="alert" hidden></p>',
        *fields,
        f'<button type="submit" class="md-button md-button--primary">{escape(texts["ui.calculate"])}</button>',
        "</form>",
        f'<p class="calc-status" data-calc-status role="status">{escape(texts["ui.status_loading"])}</p>',
        f'<noscript><p class="calc-noscript">{escape(texts["ui.noscript"])}</p></noscript>',
        _result_area(calculator, texts),
        f'<p class="calc-disclaimer">{escape(texts["ui.disclaimer"])}</p>',
        f'<script type="application/json" data-calc-messages>{_json_for_html(texts.texts)}</script>',
        "</div>",
        f'<script type="module" src="{escape(script_url)}"></script>',
    ]
    return "\n".join(parts)


def _field(calculator: Calculator, declared, texts: Catalog) -> str:
    field_id = f"{calculator.id}-{declared.name}"
    label = texts[f"inputs.{declared.name}.label"]
    hint = texts.get(f"inputs.{declared.name}.hint")
    hint_id = f"{field_id}-hint"
    error_id = f"{field_id}-error"
    described_by = " ".join(part for part in (hint_id if hint else "", error_id) if part)
    hint_html = f'<p class="calc-hint" id="{hint_id}">{escape(hint)}</p>' if hint else ""
    error_html = f'<p class="calc-error" id="{error_id}" data-error-for="{declared.name}" hidden></p>'

    if isinstance(declared, ChoiceInput) and declared.widget == "radio":
        options = "".join(
            f'<label class="calc-radio"><input type="radio" name="{declared.name}" value="{escape(choice)}"'
            f'{" checked" if choice == declared.default else ""}> {escape(texts[f"inputs.{declared.name}.choices.{choice}"])}</label>'
            for choice in declared.choices
        )
        return (
            f'<fieldset class="calc-field" data-field="{declared.name}" aria-describedby="{described_by}">'
            f"<legend>{escape(label)}</legend>{options}{hint_html}{error_html}</fieldset>"
        )

    if isinstance(declared, ChoiceInput):
        control = _select(declared, field_id, described_by, texts, lambda choice: texts[f"inputs.{declared.name}.choices.{choice}"])
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
    return (
        f'<div class="calc-field" data-field="{declared.name}">'
        f'<label for="{field_id}">{escape(label)}</label>'
        f'<div class="calc-control">{control}</div>{hint_html}{error_html}</div>'
    )


def _number_control(calculator: Calculator, declared: NumberInput, field_id: str, described_by: str, texts: Catalog) -> str:
    placeholder = ""
    if declared.default is not None:
        placeholder = f' placeholder="{escape(_format_plain(declared.default, texts.language))}"'
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


#: Output kinds holding structured data, shown as a block rather than inline text.
BLOCK_KINDS = ("breakdown", "cycles", "dated_notes", "notes")


def _result_area(calculator: Calculator, texts: Catalog) -> str:
    rows = []
    for output in calculator.outputs:
        label = texts[f"outputs.{output.name}.label"]
        unit = texts[f"unit.{output.unit}"] if output.unit else ""
        attributes = (
            f'data-output="{output.name}" data-kind="{output.kind}" data-decimals="{output.decimals}"'
            f' data-unit="{escape(unit)}" data-value=""'
        )
        if output.kind in BLOCK_KINDS:
            rows.append(
                f'<div class="calc-output-block" data-output-row="{output.name}"><dt>{escape(label)}</dt>'
                f"<dd><div {attributes}></div></dd></div>"
            )
        else:
            rows.append(
                f'<div class="calc-output-row" data-output-row="{output.name}"><dt>{escape(label)}</dt>'
                f"<dd><output {attributes}></output></dd></div>"
            )
    # The live region is a wrapper that is always rendered: screen readers announce changes
    # only inside a region they already know, so a region that is itself unhidden together
    # with its first result would often stay silent.
    return (
        f'<div class="calc-live" aria-live="polite">'
        f'<section class="calc-result" data-calc-result hidden>'
        f'<h3 class="calc-result-title">{escape(texts["ui.results"])}</h3>'
        f'<dl class="calc-outputs">{"".join(rows)}</dl>'
        f'<ul class="calc-warnings" data-calc-warnings></ul>'
        f'<p class="calc-actions"><button type="button" class="md-button" data-calc-copy>{escape(texts["ui.copy_summary"])}</button>'
        f' <span data-calc-copied role="status"></span></p>'
        f"</section></div>"
    )


def _format_plain(value: float, language: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if language == "ro" else text


def _json_for_html(data: dict) -> str:
    """JSON safe inside a <script> element: no closing tag or comment opener can appear."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
