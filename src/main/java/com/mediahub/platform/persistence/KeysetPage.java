package com.mediahub.platform.persistence;

/**
 * One page of a list ordered by id: the rows with an id above {@code afterId}, at most
 * {@code limit} of them. Keyset paging, not OFFSET: a page stays correct while rows are added or
 * deleted before it, and no earlier page is read and skipped (ADR 0021).
 */
public record KeysetPage(long afterId, int limit) {

    /** No paging asked for: the whole list, as contract 3.6 returns it. */
    public static final KeysetPage ALL = new KeysetPage(0, Integer.MAX_VALUE);
}
