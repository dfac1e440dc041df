// Lists that load a page at a time ("Show more"), over the API's keyset paging (?limit=&after=).
import { call } from './api.js';
import { acting, errorLine, h } from './dom.js';
import { plural } from './messages.js';

export const PAGE_SIZE = 50;

/**
 * Reads `path` a page at a time; each call of the returned function gives the next page and
 * whether there is another. It asks for one item more than a page, so it knows without a count.
 */
export function pager(path, pageSize = PAGE_SIZE) {
  let after = 0;
  return async function next() {
    const items = await call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${pageSize + 1}&after=${after}`);
    const page = items.slice(0, pageSize);
    if (page.length > 0) {
      after = page[page.length - 1].id;
    }
    return { page, more: items.length > pageSize };
  };
}

/**
 * A table body filled from a pager, with a caption counting what is shown and a "Show more"
 * button while there is more. After a click the focus goes to the first new row's link, so a
 * keyboard user reads on where the list grew.
 */
export async function pagedRows(next, { noun, nouns, rowOf, moreId }) {
  const first = await next();
  const tbody = h('tbody', {}, first.page.map(rowOf));
  const caption = h('caption', { class: 'muted' });
  const error = errorLine(`${moreId}-error`);
  const more = h('button', { type: 'button', class: 'secondary', id: moreId }, `Show more ${nouns || `${noun}s`}`);
  const count = () => tbody.children.length;
  const update = (hasMore) => {
    caption.textContent = hasMore ? `${plural(count(), noun, nouns)} shown, more below` : plural(count(), noun, nouns);
    more.hidden = !hasMore;
  };
  more.addEventListener('click', acting(error, async () => {
    const { page, more: hasMore } = await next();
    const rows = page.map(rowOf);
    tbody.append(...rows);
    update(hasMore);
    // The first new row's link; with nothing new, the last row's (the hidden button lost the focus).
    const row = rows.length > 0 ? rows[0] : tbody.lastElementChild;
    const link = row ? row.querySelector('a') : null;
    if (link) {
      link.focus();
    }
  }));
  update(first.more);
  return { empty: first.page.length === 0, caption, tbody, footer: h('div', {}, error, more) };
}
