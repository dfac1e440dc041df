package com.mediahub.databases.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.mediahub.databases.entity.Database;
import com.mediahub.databases.entity.Entry;
import com.mediahub.databases.entity.JpaDatabaseRepository;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.persistence.KeysetPage;
import com.mediahub.platform.rest.BeanValidation;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Databases and entries with the owner-or-admin rule of contract 3.6. */
@ApplicationScoped
public class DatabaseService {

    @Inject
    JpaDatabaseRepository databases;
    @Inject
    Clock clock;
    @Inject
    JpaUserRepository users;
    @Inject
    DatabaseAccessPolicy access;
    @Inject
    BeanValidation validation;

    public List<Database> visibleTo(CallerIdentity caller, KeysetPage page) {
        return caller.isAdmin() ? databases.listAll(page) : databases.listOwnedBy(caller.id(), page);
    }

    public Database get(CallerIdentity caller, long id) {
        Database database = databases.find(id).orElseThrow(() -> new ApiException(ErrorCatalogue.DATABASE_NOT_FOUND));
        access.checkMayAccess(caller, database);
        return database;
    }

    @Transactional
    public Database create(CallerIdentity caller, NewDatabase request) {
        validation.valid(request);
        return databases.add(new Database(request.name().strip(), users.findById(caller.id())
                .orElseThrow(() -> new ApiException(ErrorCatalogue.TOKEN_INVALID)), OffsetDateTime.now(clock)));
    }

    /** The same name rules as creating one; the owner and creation time stay. */
    @Transactional
    public Database rename(CallerIdentity caller, long id, NewDatabase request) {
        validation.valid(request);
        get(caller, id);
        return databases.rename(id, request.name().strip())
                .orElseThrow(() -> new ApiException(ErrorCatalogue.DATABASE_NOT_FOUND)); // deleted meanwhile
    }

    @Transactional
    public void delete(CallerIdentity caller, long id) {
        get(caller, id);
        databases.delete(id);
    }

    /** Unknown database: 404; someone else's: 403 (contract 3.6 "only into a database the caller owns"). */
    @Transactional
    public Entry addEntry(CallerIdentity caller, NewEntry request) {
        validation.valid(request);
        get(caller, request.databaseId());
        return databases.addEntry(new Entry(request.databaseId(), request.title(), request.content(), OffsetDateTime.now(clock)));
    }

    public List<Entry> entries(CallerIdentity caller, long databaseId, KeysetPage page) {
        get(caller, databaseId);
        return databases.entriesOf(databaseId, page);
    }

    /** An entry takes the access rule of its database: unknown 404, someone else's 403. */
    public Entry entry(CallerIdentity caller, long entryId) {
        Entry entry = databases.findEntry(entryId).orElseThrow(() -> new ApiException(ErrorCatalogue.ENTRY_NOT_FOUND));
        get(caller, entry.getDatabaseId());
        return entry;
    }

    /** Changes what is given and keeps the rest; the result must pass the rules of a new entry. */
    @Transactional
    public Entry changeEntry(CallerIdentity caller, long entryId, EntryChange change) {
        if (change.isEmpty()) {
            throw new ApiException(ErrorCatalogue.ENTRY_CHANGE_EMPTY);
        }
        Entry entry = entry(caller, entryId);
        NewEntry result = validation.valid(new NewEntry(entry.getDatabaseId(),
                change.title().orElse(entry.getTitle()), change.content().orElse(entry.getContent())));
        return databases.changeEntry(entryId, result.title(), result.content())
                .orElseThrow(() -> new ApiException(ErrorCatalogue.ENTRY_NOT_FOUND)); // deleted meanwhile
    }

    @Transactional
    public void deleteEntry(CallerIdentity caller, long entryId) {
        entry(caller, entryId);
        if (databases.deleteEntry(entryId) == 0) {
            throw new ApiException(ErrorCatalogue.ENTRY_NOT_FOUND); // deleted meanwhile
        }
    }
}
