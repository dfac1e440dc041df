import { call } from '../api.js';
import { deleteSection, errorLine, field, h, submitting, when } from '../dom.js';
import { pagedRows, pager } from '../paging.js';

const PREVIEW = 140;

/** One database: its entries a page at a time, a form for a new entry, renaming and deleting it. */
export async function databaseView(context, id) {
  const database = await call('GET', `api/databases/${id}`); // 404 and 403 become the problem page
  const entries = await pagedRows(pager(`api/databases/${id}/entries`), {
    noun: 'entry',
    nouns: 'entries',
    moreId: 'more-entries',
    rowOf: (e) => h('tr', {},
      h('td', { class: 'entry-title', 'data-label': 'Title' }, h('a', { href: `#/entries/${e.id}` }, e.title)),
      h('td', { 'data-label': 'Content' }, preview(e.content)),
      h('td', { 'data-label': 'Created' }, when(e.created_at))),
  });
  return {
    title: database.name,
    node: h('div', {},
      h('p', {}, h('a', { href: '#/databases' }, context.isAdmin() ? '← All databases' : '← Your databases')),
      h('h1', { id: 'database-name-heading', tabindex: -1 }, database.name),
      h('p', { class: 'muted' }, `Owner ${database.owner} · created ${when(database.created_at)}`),
      h('section', { class: 'card', id: 'entries', 'aria-labelledby': 'entries-title' },
        h('h2', { id: 'entries-title' }, 'Entries'),
        entries.empty
          ? h('p', { class: 'muted', id: 'no-entries' }, 'No entries yet.')
          : h('table', { id: 'entry-list' }, entries.caption,
            h('thead', {}, h('tr', {}, ['Title', 'Content', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
            entries.tbody),
        entries.footer),
      newEntryForm(context, database),
      renameForm(context, database),
      deleteDatabase(context, database)),
  };
}

/** The start of the content on one line; the whole text is on the entry's own page. */
function preview(content) {
  const line = (content || '').replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW ? `${line.slice(0, PREVIEW)}…` : line;
}

function newEntryForm(context, database) {
  const error = errorLine('entry-error');
  const form = h('form', { class: 'card', id: 'new-entry', 'aria-labelledby': 'new-entry-title', novalidate: true },
    h('h2', { id: 'new-entry-title' }, 'Add an entry'),
    field('entry-title', 'Title', { required: true, maxlength: 200 }),
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
  return form;
}

function renameForm(context, database) {
  const error = errorLine('rename-error');
  const form = h('form', { class: 'card', id: 'rename-database', 'aria-labelledby': 'rename-title', novalidate: true },
    h('h2', { id: 'rename-title' }, 'Rename'),
    field('new-database-name', 'New name', { required: true, maxlength: 100, value: database.name }),
    error,
    h('button', { type: 'submit' }, 'Rename database'));
  form.addEventListener('submit', submitting(form, error, async () => {
    const renamed = await call('PATCH', `api/databases/${database.id}`, { name: form.elements['new-database-name'].value });
    await context.refresh('database-name-heading');
    context.say(`Renamed to “${renamed.name}”.`);
  }));
  return form;
}

function deleteDatabase(context, database) {
  return deleteSection({
    id: 'delete-database',
    explanation: 'Deleting a database deletes all its entries. It cannot be undone.',
    question: `Delete the database “${database.name}” and all its entries? This cannot be undone.`,
    label: 'Delete database',
    action: async () => {
      await call('DELETE', `api/databases/${database.id}`);
      location.hash = '#/databases';
      context.say(`Database “${database.name}” deleted.`);
    },
  });
}
