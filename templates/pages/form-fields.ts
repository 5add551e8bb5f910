/**
 * Form fields of the public pages, each with its label, hint and error bound to the input
 * (`aria-describedby`, `aria-invalid`), and the error summary that leads to them. A field is named by
 * the dotted path of the JSON field it fills; its id is that name with the dots made hyphens.
 * Given the page's `lang`, every text of a field is printed in that language alone; without it (the
 * workspace's forms) in both.
 */
import { html, type SafeHtml } from '../escape.ts';
import type { FieldLimits } from '#domain/field-limits';
import type { AgencyText } from '../agency-text.ts';
import { say, type Lang } from '../language.ts';
import { tr } from './parts.ts';
import type { Label } from '../labels.ts';

/** A refusal as a form shows it (the HTTP layer's FormRefusal, without depending on it). */
export interface FormProblem {
  code: string;
  message: string;
  /** Field name → the service's message about it (may be empty: the field's own `fix` text is shown). */
  fields: Record<string, string>;
  /** Field name → what is wrong with it in both languages (functions/domain/field-errors.ts), where known. */
  messages?: Record<string, Label>;
}

export interface FormState {
  values: Record<string, string>;
  problem?: FormProblem;
}

/**
 * A field with the `maxlength` and `required` its schema gives (domain/field-limits.ts, carried in
 * the view), so the form never states a limit of its own. A row of a list (`members.3.name`) takes
 * the list's row limits (`members.*.name`) but only the `maxlength`: a row may be left empty.
 */
export function withLimits<S extends FieldSpec>(spec: S, limits: FieldLimits): S {
  const limit = limits[spec.name];
  if (limit) {
    return { ...spec, required: limit.required, ...(limit.maxlength ? { maxlength: limit.maxlength } : {}) };
  }
  const row = limits[spec.name.replace(/\.\d+(?=\.|$)/g, '.*')];
  return row?.maxlength ? { ...spec, maxlength: row.maxlength } : spec;
}

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;

const idOf = (spec: FieldSpec) => spec.id ?? fieldId(spec.name);

export interface FieldSpec {
  name: string;
  /** The element's id, where one page holds two forms with a field of the same name; else fieldId(name). */
  id?: string;
  /** A label of the form, or a text the agency wrote (a fee item's name: English only where given). */
  label: Label | AgencyText;
  hint?: Label;
  /** What to do, said in both languages, shown above the service's own message when the field is refused. */
  fix?: Label;
  required?: boolean;
  type?: 'text' | 'email' | 'date' | 'time';
  autocomplete?: string;
  maxlength?: number;
}

/**
 * What is wrong, in the page's language (or both): the field's message from the schema's rules where
 * the refusal has one, else what the form says to do, else the service's own (English) words.
 */
const problemText = (spec: FieldSpec, error: string, problem?: FormProblem, lang?: Lang) => {
  const said = problem?.messages?.[spec.name] ?? spec.fix;
  return said ? pair(said, lang) : html`<span lang="en">${error}</span>`;
};

/** A form's own words: in `lang` alone, or both with the English marked as such. */
const pair = (label: Label, lang?: Lang) =>
  lang ? label[lang] : html`${label.zh} <span lang="en">${label.en}</span>`;

const optional = (lang?: Lang) =>
  html` <span class="optional"
    >${lang === 'en' ? '(optional)' : html`（${pair({ zh: '選填', en: 'optional' }, lang)}）`}</span
  >`;

function describedBy(spec: FieldSpec, error: string | undefined): string {
  return [spec.hint ? `${idOf(spec)}-hint` : '', error !== undefined ? `${idOf(spec)}-error` : '']
    .filter(Boolean)
    .join(' ');
}

function labelAndHelp(
  spec: FieldSpec,
  error: string | undefined,
  problem?: FormProblem,
  lang?: Lang,
): SafeHtml {
  const id = idOf(spec);
  return html`<label for="${id}">${tr(spec.label, lang)}${spec.required ? '' : optional(lang)}</label
    >${spec.hint ? html`<p class="hint" id="${id}-hint">${pair(spec.hint, lang)}</p>` : ''}${
      error !== undefined
        ? html`<p class="field-error" id="${id}-error">${problemText(spec, error, problem, lang)}</p>`
        : ''
    }`;
}

const attrs = (spec: FieldSpec, error: string | undefined) => {
  const described = describedBy(spec, error);
  return html`${spec.required ? html` required` : ''}${described ? html` aria-describedby="${described}"` : ''}${
    error !== undefined ? html` aria-invalid="true"` : ''
  }${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${
    spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''
  }`;
};

export function inputField(spec: FieldSpec, state: FormState, lang?: Lang): SafeHtml {
  const error = state.problem?.fields[spec.name];
  return html`<div class="field">
    ${labelAndHelp(spec, error, state.problem, lang)}
    <input
      type="${spec.type ?? 'text'}"
      id="${idOf(spec)}"
      name="${spec.name}"
      value="${state.values[spec.name] ?? ''}"
      ${attrs(spec, error)}
    />
  </div>`;
}

export function textareaField(spec: FieldSpec & { rows?: number }, state: FormState, lang?: Lang): SafeHtml {
  const error = state.problem?.fields[spec.name];
  return html`<div class="field">
    ${labelAndHelp(spec, error, state.problem, lang)}
    <textarea id="${idOf(spec)}" name="${spec.name}" rows="${spec.rows ?? 6}" ${attrs(spec, error)}>
${state.values[spec.name] ?? ''}</textarea>
  </div>`;
}

export function selectField(
  spec: FieldSpec & { options: { value: string; label: Label | AgencyText }[] },
  state: FormState,
  lang?: Lang,
): SafeHtml {
  const error = state.problem?.fields[spec.name];
  const chosen = state.values[spec.name] ?? '';
  return html`<div class="field">
    ${labelAndHelp(spec, error, state.problem, lang)}
    <select id="${idOf(spec)}" name="${spec.name}" ${attrs(spec, error)}>
      ${spec.options.map(
        (o) =>
          html`<option value="${o.value}" ${o.value === chosen ? html` selected` : ''}>
            ${lang ? say(lang)(o.label) : `${o.label.zh}${o.label.en === undefined ? '' : ` ${o.label.en}`}`}
          </option>`,
      )}
    </select>
  </div>`;
}

/** One checkbox (ticked posts `on`), its label beside it and its hint and error below. */
export function checkboxField(spec: FieldSpec, state: FormState, lang?: Lang): SafeHtml {
  const error = state.problem?.fields[spec.name];
  const id = fieldId(spec.name);
  return html`<div class="field choice">
    <input
      type="checkbox"
      id="${id}"
      name="${spec.name}"
      value="on"
      ${state.values[spec.name] === 'on' ? html` checked` : ''}${attrs(spec, error)}
    />
    <label for="${id}">${tr(spec.label, lang)}</label>
    ${spec.hint ? html`<p class="hint" id="${id}-hint">${pair(spec.hint, lang)}</p>` : ''}${
      error !== undefined
        ? html`<p class="field-error" id="${id}-error">${problemText(spec, error, state.problem, lang)}</p>`
        : ''
    }
  </div>`;
}

/** Radio choices in a fieldset; the first radio carries the field's id so the summary can lead to it. */
export function radioField(
  spec: FieldSpec & { options: { value: string; label: Label; explanation?: Label }[] },
  state: FormState,
  lang?: Lang,
): SafeHtml {
  const error = state.problem?.fields[spec.name];
  const chosen = state.values[spec.name];
  const id = idOf(spec);
  return html`<fieldset${error !== undefined ? html` class="invalid"` : ''}${
    error !== undefined ? html` aria-describedby="${id}-error"` : ''
  }>
    <legend>${tr(spec.label, lang)}</legend>
    ${error !== undefined ? html`<p class="field-error" id="${id}-error">${problemText(spec, error, state.problem, lang)}</p>` : ''}
    ${spec.options.map((o, i) => {
      const optionId = i === 0 ? id : `${id}-${o.value}`;
      return html`<div class="choice">
        <input
          type="radio"
          id="${optionId}"
          name="${spec.name}"
          value="${o.value}"
          ${spec.required ? html` required` : ''}${o.value === chosen ? html` checked` : ''}
        />
        <label for="${optionId}"
          ><strong>${tr(o.label, lang)}</strong>${
            o.explanation
              ? lang
                ? html` ${o.explanation[lang]}`
                : html` ${o.explanation.zh}<br /><span class="en" lang="en">${o.explanation.en}</span>`
              : ''
          }</label
        >
      </div>`;
    })}
  </fieldset>`;
}

/**
 * Enter in a text field presses the form's first submit button. A form whose first buttons add or
 * remove rows starts with this one, so Enter saves instead. It is moved off screen rather than
 * hidden, and kept out of the tab order and the accessibility tree: the visible save is further down.
 */
export const defaultSubmit = (value: string, label: Label) =>
  html`<button
    type="submit"
    name="action"
    value="${value}"
    class="default-action"
    tabindex="-1"
    aria-hidden="true"
  >
    ${label.zh} <span lang="en">${label.en}</span>
  </button>`;

/** The CSS of {@link defaultSubmit}. */
export const DEFAULT_SUBMIT_STYLE = '.default-action{position:absolute;left:-9999px}';

/**
 * The box at the top of a refused form: what went wrong in the page's language (or both) and a link
 * to each field named, so a keyboard or screen-reader user lands on it. Fields the form does not
 * show are told in the general message.
 */
export function errorSummary(
  problem: FormProblem | undefined,
  heading: Label,
  fields: readonly FieldSpec[],
  /** Refusals by code, said in both languages (the service's message is English). */
  explained: Record<string, Label> = {},
  lang?: Lang,
): SafeHtml {
  if (!problem) return html``;
  const named = fields.filter((f) => problem.fields[f.name] !== undefined);
  const known = explained[problem.code];
  const general = known
    ? lang
      ? html`<p>${known[lang]}</p>`
      : html`<p>${known.zh}</p>
          <p class="en" lang="en">${known.en}</p>`
    : named.length === 0
      ? html`<p lang="en">${problem.message}</p>`
      : '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">
      ${lang ? heading[lang] : html`${heading.zh} <span lang="en">${heading.en}</span>`}
    </h2>
    ${general}
    ${
      named.length > 0
        ? html`<ul>
            ${named.map(
              (f) =>
                html`<li>
                  <a href="#${idOf(f)}">${tr(f.label, lang)}</a
                  >${lang === 'en' ? ': ' : '：'}${problemText(f, problem.fields[f.name]!, problem, lang)}
                </li>`,
            )}
          </ul>`
        : ''
    }
  </div>`;
}
