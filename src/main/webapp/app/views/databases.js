import { ApiError, call } from '../api.js';
import { errorLine, field, h, submitting, when } from '../dom.js';
import { plural } from '../messages.js';

/** The caller's databases; with selectedId, also that database's entries and the entry form. */
export async function databasesView(context, selectedId) {
  const databases = await call('GET', 'api/databases');
  const selected = databases.find((d) => d.id === selectedId) || null;
  if (selectedId !== null && selected === null) {
    throw new ApiError(404, 'Database not found'); // deleted, or never there: say so, not the list
  }
  const entries = selected ? await call('GET', `api/databases/${selected.id}/entries`) : [];

  const list = databases.length === 0
    ? h('p', { class: 'muted', id: 'no-databases' }, 'No databases yet: create the first one below.')
    : h('table', { id: 'databases' },
      h('caption', { class: 'muted' }, plural(databases.length, 'database')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Owner'),
        h('th', { scope: 'col' }, 'Created'))),
      h('tbody', {}, databases.map((d) => h('tr', {},
        h('td', { 'data-label': 'Name' }, h('a', { href: `#/databases/${d.id}`, 'aria-current': d === selected ? 'true' : null }, d.name)),
        h('td', { 'data-label': 'Owner' }, d.owner), h('td', { 'data-label': 'Created' }, when(d.created_at))))));

  const createError = errorLine('database-error');
  const createForm = h('form', { class: 'card', id: 'new-database', 'aria-labelledby': 'new-database-title', novalidate: true },
    h('h2', { id: 'new-database-title' }, 'New database'),
    field('database-name', 'Name', { required: true, maxlength: 255 }),
    createError,
    h('button', { type: 'submit' }, 'Create database'));
  createForm.addEventListener('submit', submitting(createForm, createError, async () => {
    const created = await call('POST', 'api/databases', { name: createForm.elements['database-name'].value });
    location.hash = `#/databases/${created.id}`;
    context.say(`Database “${created.name}” created.`);
  }));

  return {
    title: selected ? selected.name : 'Databases',
    node: h('div', {},
      h('h1', {}, context.isAdmin() ? 'All databases' : 'Your databases'),
      context.isAdmin() ? h('p', { class: 'muted', id: 'admin-note' }, 'As an admin you see the databases of every user.') : null,
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
    await context.refresh('entry-title'); // the new entry in the list, the focus back in the form
    context.say('Entry added.');
  }));
  return h('section', { class: 'card', id: 'entries', 'aria-labelledby': 'entries-title' },
    h('h2', { id: 'entries-title' }, `Entries in ${database.name}`),
    entries.length === 0
      ? h('p', { class: 'muted' }, 'No entries yet.')
      : h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Content'),
          h('th', { scope: 'col' }, 'Created'))),
        h('tbody', {}, entries.map((e) => h('tr', {},
          h('td', { class: 'entry-title', 'data-label': 'Title' }, e.title),
          h('td', { 'data-label': 'Content' }, h('pre', { class: 'content' }, e.content ?? '')),
          h('td', { 'data-label': 'Created' }, when(e.created_at)))))),
    form);
}
