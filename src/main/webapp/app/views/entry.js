import { call } from '../api.js';
import { deleteSection, errorLine, field, h, submitting, when } from '../dom.js';

/** One entry on its own page: the whole text, a form to change it, and deleting it. */
export async function entryView(context, id) {
  const entry = await call('GET', `api/entry/${id}`); // 404 and 403 become the problem page
  const database = await call('GET', `api/databases/${entry.database_id}`);
  return {
    title: entry.title,
    node: h('div', {},
      h('p', {}, h('a', { href: `#/databases/${database.id}`, id: 'back-to-database' }, `← ${database.name}`)),
      h('article', { class: 'card', id: 'entry', 'aria-labelledby': 'entry-heading' },
        h('h1', { id: 'entry-heading', tabindex: -1 }, entry.title),
        h('p', { class: 'muted' }, `Created ${when(entry.created_at)}`),
        entry.content
          ? h('pre', { class: 'content', id: 'entry-content-text' }, entry.content)
          : h('p', { class: 'muted', id: 'entry-content-text' }, 'No content.')),
      editForm(context, entry),
      deleteEntry(context, entry, database)),
  };
}

function editForm(context, entry) {
  const error = errorLine('edit-error');
  const form = h('form', { class: 'card', id: 'edit-entry', 'aria-labelledby': 'edit-title', novalidate: true },
    h('h2', { id: 'edit-title' }, 'Edit'),
    field('edit-entry-title', 'Title', { required: true, maxlength: 200, value: entry.title }),
    field('edit-entry-content', 'Content', { multiline: true, rows: 8 }),
    error,
    h('button', { type: 'submit' }, 'Save changes'));
  form.elements['edit-entry-content'].value = entry.content || ''; // a textarea's text is its value, not an attribute
  form.addEventListener('submit', submitting(form, error, async () => {
    await call('PATCH', `api/entry/${entry.id}`, {
      title: form.elements['edit-entry-title'].value,
      content: form.elements['edit-entry-content'].value,
    });
    await context.refresh('entry-heading');
    context.say('Changes saved.');
  }));
  return form;
}

function deleteEntry(context, entry, database) {
  return deleteSection({
    id: 'delete-entry',
    question: `Delete the entry “${entry.title}”? This cannot be undone.`,
    label: 'Delete entry',
    action: async () => {
      await call('DELETE', `api/entry/${entry.id}`);
      location.hash = `#/databases/${database.id}`;
      context.say(`Entry “${entry.title}” deleted.`);
    },
  });
}
