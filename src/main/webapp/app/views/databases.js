import { call } from '../api.js';
import { errorLine, field, h, when } from '../dom.js';

/** The caller's databases; with selectedId, also that database's entries and the entry form. */
export async function databasesView(context, selectedId) {
  const databases = await call('GET', 'api/databases');
  const selected = databases.find((d) => d.id === selectedId) || null;
  const entries = selected ? await call('GET', `api/databases/${selected.id}/entries`) : [];

  const list = databases.length === 0
    ? h('p', { class: 'muted', id: 'no-databases' }, 'No databases yet: create the first one below.')
    : h('table', { id: 'databases' },
      h('caption', { class: 'muted' }, `${databases.length} database(s)`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Owner'),
        h('th', { scope: 'col' }, 'Created'))),
      h('tbody', {}, databases.map((d) => h('tr', {},
        h('td', {}, h('a', { href: `#/databases/${d.id}`, 'aria-current': d === selected ? 'true' : null }, d.name)),
        h('td', {}, d.owner), h('td', {}, when(d.created_at))))));

  const createError = errorLine('database-error');
  const createForm = h('form', { class: 'card', id: 'new-database', 'aria-labelledby': 'new-database-title', novalidate: true },
    h('h2', { id: 'new-database-title' }, 'New database'),
    field('database-name', 'Name', { required: true, maxlength: 255 }),
    createError,
    h('button', { type: 'submit' }, 'Create database'));
  createForm.addEventListener('submit', submitting(createForm, createError, async () => {
    const created = await call('POST', 'api/databases', { name: createForm.elements['database-name'].value });
    context.say(`Database “${created.name}” created.`);
    location.hash = `#/databases/${created.id}`;
  }));

  return {
    title: selected ? selected.name : 'Databases',
    node: h('div', {},
      h('h1', {}, 'Your databases'),
      list,
      selected ? entriesSection(context, selected, entries) : null,
      createForm),
  };
}

function entriesSection(context, database, entries) {
  const error = errorLine('entry-error');
  const form = h('form', { class: 'card', id: 'new-entry', 'aria-labelledby': 'new-entry-title', novalidate: true },
    h('h3', { id: 'new-entry-title' }, `Add an entry to ${database.name}`),
    field('entry-title', 'Title', { required: true }),
    field('entry-content', 'Content', { multiline: true }),
    error,
    h('button', { type: 'submit' }, 'Add entry'));
  form.addEventListener('submit', submitting(form, error, async () => {
    await call('POST', 'api/entry', {
      database_id: database.id,
      title: form.elements['entry-title'].value,
      content: form.elements['entry-content'].value,
    });
    context.say('Entry added.');
    window.dispatchEvent(new HashChangeEvent('hashchange')); // re-render with the new entry
  }));
  return h('section', { class: 'card', id: 'entries', 'aria-labelledby': 'entries-title' },
    h('h2', { id: 'entries-title' }, `Entries in ${database.name}`),
    entries.length === 0
      ? h('p', { class: 'muted' }, 'No entries yet.')
      : h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Content'),
          h('th', { scope: 'col' }, 'Created'))),
        h('tbody', {}, entries.map((e) => h('tr', {},
          h('td', { class: 'entry-title' }, e.title), h('td', {}, h('pre', { class: 'content' }, e.content ?? '')),
          h('td', {}, when(e.created_at)))))),
    form);
}

/** Submit handler: disables the button while the call runs, shows the API's error text. */
export function submitting(form, errorElement, action) {
  return async (event) => {
    event.preventDefault();
    errorElement.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await action();
    } catch (failure) {
      errorElement.textContent = failure.message;
    } finally {
      button.disabled = false;
    }
  };
}
