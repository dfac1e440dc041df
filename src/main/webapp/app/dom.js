// Builds DOM nodes. Text always goes in as text nodes: user content (entry titles, user agents)
// can never become markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** A labelled input; the label's for= ties them together for screen readers. */
export function field(id, label, attributes = {}) {
  const control = attributes.multiline
    ? h('textarea', { id, name: id, rows: 4, ...attributes, multiline: null })
    : h('input', { id, name: id, ...attributes });
  return [h('label', { for: id }, label), control];
}

/** The paragraph where a form reports the API's error text (read out by screen readers). */
export function errorLine(id) {
  return h('p', { id, class: 'error', role: 'alert' });
}

/** A button whose call is running: disabled (it looks it, styles.css) and aria-busy for screen readers. */
export function busy(button, working) {
  button.disabled = working;
  if (working) {
    button.setAttribute('aria-busy', 'true');
  } else {
    button.removeAttribute('aria-busy');
  }
}

/**
 * Runs action with button busy, and shows what went wrong in errorElement (an ApiError's
 * people-facing message, or a check of the form itself thrown as Error).
 */
async function runBusy(button, errorElement, action) {
  errorElement.textContent = '';
  busy(button, true);
  try {
    await action();
  } catch (failure) {
    errorElement.textContent = failure.message;
  } finally {
    busy(button, false);
  }
}

/** Submit handler of a form: its submit button is busy while the action runs. */
export function submitting(form, errorElement, action) {
  return async (event) => {
    event.preventDefault();
    await runBusy(form.querySelector('button[type=submit]'), errorElement, action);
  };
}

/**
 * The "Delete" card of a page: an explanation, an error line, and a danger button that asks
 * `question` first and runs `action` only on OK. `id` names the button ("delete-entry"); the
 * card's heading and error line take ids from it.
 */
export function deleteSection({ id, explanation, question, label, action }) {
  const error = errorLine(`${id}-error`);
  return h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, 'Delete'),
    explanation ? h('p', {}, explanation) : null,
    error,
    h('button', {
      type: 'button',
      class: 'danger',
      id,
      onclick: acting(error, async () => {
        if (window.confirm(question)) {
          await action();
        }
      }),
    }, label));
}

/** Click handler of a button outside a form (sign out, delete): the same, for that button. */
export function acting(errorElement, action) {
  return async (event) => runBusy(event.currentTarget, errorElement, action);
}
