import { call } from '../api.js';
import { errorLine, field, h, submitting, when } from '../dom.js';
import { pagedRows, pager } from '../paging.js';

/** The databases the caller may see (an admin: everyone's), a page at a time, and the form for a new one. */
export async function databasesView(context) {
  const list = await pagedRows(pager('api/databases'), {
    noun: 'database',
    moreId: 'more-databases',
    rowOf: (d) => h('tr', {},
      h('td', { 'data-label': 'Name' }, h('a', { href: `#/databases/${d.id}` }, d.name)),
      h('td', { 'data-label': 'Owner' }, d.owner), h('td', { 'data-label': 'Created' }, when(d.created_at))),
  });
  const table = list.empty
    ? h('p', { class: 'muted', id: 'no-databases' }, 'No databases yet: create the first one below.')
    : h('div', {}, h('table', { id: 'databases' }, list.caption,
      h('thead', {}, h('tr', {}, ['Name', 'Owner', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
      list.tbody), list.footer);

  const createError = errorLine('database-error');
  const createForm = h('form', { class: 'card', id: 'new-database', 'aria-labelledby': 'new-database-title', novalidate: true },
    h('h2', { id: 'new-database-title' }, 'New database'),
    field('database-name', 'Name', { required: true, maxlength: 100 }),
    createError,
    h('button', { type: 'submit' }, 'Create database'));
  createForm.addEventListener('submit', submitting(createForm, createError, async () => {
    const created = await call('POST', 'api/databases', { name: createForm.elements['database-name'].value });
    location.hash = `#/databases/${created.id}`;
    context.say(`Database “${created.name}” created.`);
  }));

  return {
    title: 'Databases',
    node: h('div', {},
      h('h1', {}, context.isAdmin() ? 'All databases' : 'Your databases'),
      context.isAdmin() ? h('p', { class: 'muted', id: 'admin-note' }, 'As an admin you see the databases of every user.') : null,
      table,
      createForm),
  };
}
