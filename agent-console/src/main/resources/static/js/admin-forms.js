// What the administration page's forms share: elements, numbers read from inputs, skill rows, and showing every
// field error of a 400 next to its field. A field is an element with data-field="path" (skills[0].minimum); an error
// goes to the element whose path is the longest prefix of the error's, and to the form's list when none matches, so
// no error is ever dropped.
(function () {
  'use strict';
  const t = (key, values) => I18n.t(key, values);

  /** An element: tag, attributes (text, dataset, on* handlers and the rest as attributes), children. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) {
        return;
      }
      if (k === 'text') {
        e.textContent = v;
      } else if (k === 'i18n') {
        e.dataset.i18n = v;
        e.textContent = t(v);
      } else if (k === 'dataset') {
        Object.assign(e.dataset, v);
      } else if (k.startsWith('on')) {
        e.addEventListener(k.substring(2), v);
      } else if (k === 'value' || k === 'checked') {
        e[k] = v;
      } else {
        e.setAttribute(k, v === true ? '' : v);
      }
    });
    children.flat().filter(c => c !== null && c !== undefined).forEach(c => e.append(c));
    return e;
  }

  /** The whole number typed into an input, or null when it is empty (the API then applies its default). */
  function number(input) {
    const text = input.value.trim();
    return text === '' ? null : Number(text);
  }

  function text(input) {
    const value = input.value.trim();
    return value === '' ? null : value;
  }

  /** A human reading of an error: the server's words in English; in Chinese the code's translation, then them. */
  function describe(error) {
    const key = 'err.' + error.code;
    const translated = I18n.t(key);
    if (I18n.lang() === 'en' || translated === key) {
      return error.message || translated;
    }
    return translated + (error.message ? ' (' + error.message + ')' : '');
  }

  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    form.querySelector('.form-errors').replaceChildren();
  }

  /** Shows an API answer's errors in the form: each field error at its field, the rest in the form's list. */
  function showErrors(form, answer) {
    clearErrors(form);
    say('');
    const list = form.querySelector('.form-errors');
    const body = answer.body || {};
    const fields = body.fieldErrors || [];
    if (fields.length === 0) {
      // A refusal without field errors (409 last-admin, ...): its id translated where the dictionary knows it.
      const why = body.error ? describe({ code: body.error, message: body.message }) : body.message || answer.status;
      list.append(el('li', { text: t('msg.error', { m: why }) }));
      return;
    }
    const holders = [...form.querySelectorAll('[data-field]')];
    let first = null;
    fields.forEach(error => {
      const holder = holders.filter(h => matches(h.dataset.field, error.field))
        .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
      const message = el('span', { class: 'field-error', dataset: { errorFor: error.field }, text: describe(error) });
      if (!holder) {
        list.append(el('li', { dataset: { errorFor: error.field }, text: error.field + ': ' + describe(error) }));
        return;
      }
      const input = holder.querySelector('input, select, textarea');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        message.id = (input.id || 'f') + '-error-' + holder.querySelectorAll('.field-error').length;
        input.setAttribute('aria-describedby', message.id);
        first = first || input;
      }
      holder.append(message);
    });
    list.append(el('li', { text: t('adm.fixErrors', { n: fields.length }) }));
    if (first) {
      first.focus();
    }
  }

  /** Whether an error at {@code path} belongs to the field {@code field}: the same path or one under it. */
  function matches(field, path) {
    return path === field || path.startsWith(field + '.') || path.startsWith(field + '[');
  }

  /**
   * A row of a skill list: the skill's name and a level 1-10 (the queue's minimum or the agent's proficiency),
   * with a button that removes the row. {@code path} is the list's field path, {@code levelName} the API's name
   * of the level ("minimum" or "proficiency").
   */
  function skillRow(container, path, levelName, skill) {
    const index = container.children.length;
    const base = path + '[' + index + ']';
    const name = el('input', { list: 'skill-names', value: skill ? skill.skill : '', class: 'skill-name',
      'aria-label': t('adm.skill'), autocomplete: 'off' });
    const level = el('input', { type: 'number', min: 1, max: 10, class: 'skill-level',
      value: skill ? skill[levelName] : 5, 'aria-label': t(levelName === 'minimum' ? 'adm.minimum' : 'adm.proficiency') });
    const row = el('div', { class: 'row' },
      el('span', { dataset: { field: base + '.skill' } }, name),
      el('span', { dataset: { field: base + '.' + levelName } }, level),
      el('button', { type: 'button', class: 'remove', text: t('adm.remove'), onclick: () => {
        row.remove();
        renumber(container, path, levelName);
      } }));
    container.append(row);
    return row;
  }

  /** After a removal the rows' field paths follow their new places, as the API will number them. */
  function renumber(container, path, levelName) {
    [...container.children].forEach((row, i) => {
      const spans = row.querySelectorAll('[data-field]');
      spans[0].dataset.field = path + '[' + i + '].skill';
      spans[1].dataset.field = path + '[' + i + '].' + levelName;
    });
  }

  function readSkills(container, levelName) {
    return [...container.children].map(row => ({ skill: text(row.querySelector('.skill-name')),
      [levelName]: number(row.querySelector('.skill-level')) }));
  }

  /** Skills as short text: "billing ≥ 5, english ≥ 3" or "billing 7". */
  function skillsText(skills, levelName, sign) {
    return (skills || []).map(s => s.skill + ' ' + (sign || '') + s[levelName]).join(', ');
  }

  let said = () => '';

  /** Shows a message in the page's status line; one given as a function is said again in a newly chosen language. */
  function say(message) {
    said = typeof message === 'function' ? message : () => message;
    document.getElementById('answer').textContent = said();
  }

  I18n.onChange(() => { document.getElementById('answer').textContent = said(); });

  window.AdminForms = { el, number, text, showErrors, clearErrors, skillRow, readSkills, skillsText, say, t };
})();
