package com.mediahub.users.startup;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;

import com.mediahub.users.entity.JpaUserRepository;

import jakarta.persistence.PersistenceException;

/**
 * Two instances starting together on a new database: the later CREATE UNIQUE INDEX IF NOT
 * EXISTS fails with a unique violation in PostgreSQL's catalogue (seen in SchemaMigrationIT's
 * concurrent start); a second attempt finds the index and passes.
 */
class UsernameKeyIndexesTest {

    private final JpaUserRepository users = mock(JpaUserRepository.class);
    private final UsernameKeyIndexes indexes = new UsernameKeyIndexes();

    UsernameKeyIndexesTest() {
        indexes.users = users;
        indexes.self = indexes;
    }

    @Test
    void aConcurrentCreationIsTriedOnceMore() {
        doThrow(new PersistenceException("duplicate key value violates unique constraint \"pg_class_relname_nsp_index\""))
                .doNothing().when(users).createUsernameKeyIndexes();
        indexes.ensure();
        verify(users, times(2)).createUsernameKeyIndexes();
    }

    @Test
    void aFailureThatPersistsStopsTheStart() {
        PersistenceException broken = new PersistenceException("permission denied");
        doThrow(broken).when(users).createUsernameKeyIndexes();
        assertSame(broken, assertThrows(PersistenceException.class, indexes::ensure));
        verify(users, times(2)).createUsernameKeyIndexes();
    }

    @Test
    void onceIsEnoughWhenNobodyElseIsStarting() {
        doNothing().when(users).createUsernameKeyIndexes();
        indexes.ensure();
        verify(users, times(1)).createUsernameKeyIndexes();
    }
}
