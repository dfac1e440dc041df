package com.mediahub.databases.entity;

import java.util.List;
import java.util.Optional;

import com.mediahub.platform.persistence.KeysetPage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Databases and their entries (one aggregate: entries live and die with their database), through JPA. */
@ApplicationScoped
@Transactional // joins the caller's transaction, else runs in its own: see package-info
public class JpaDatabaseRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    public Optional<Database> find(long id) {
        return Optional.ofNullable(em.find(Database.class, id));
    }

    public List<Database> listAll(KeysetPage page) {
        return em.createQuery("SELECT d FROM Database d JOIN FETCH d.owner WHERE d.id > :after ORDER BY d.id", Database.class)
                .setParameter("after", page.afterId()).setMaxResults(page.limit()).getResultList();
    }

    public List<Database> listOwnedBy(long ownerId, KeysetPage page) {
        return em.createQuery("SELECT d FROM Database d JOIN FETCH d.owner WHERE d.owner.id = :owner AND d.id > :after "
                        + "ORDER BY d.id", Database.class)
                .setParameter("owner", ownerId).setParameter("after", page.afterId()).setMaxResults(page.limit())
                .getResultList();
    }

    public Database add(Database database) {
        em.persist(database);
        em.flush();
        return database;
    }

    /** One statement; the database deletes the entries (ON DELETE CASCADE). */
    public void delete(long id) {
        em.createQuery("DELETE FROM Database d WHERE d.id = :id").setParameter("id", id).executeUpdate();
    }

    public Entry addEntry(Entry entry) {
        em.persist(entry);
        em.flush();
        return entry;
    }

    public List<Entry> entriesOf(long databaseId, KeysetPage page) {
        return em.createQuery("SELECT e FROM Entry e WHERE e.databaseId = :db AND e.id > :after ORDER BY e.id", Entry.class)
                .setParameter("db", databaseId).setParameter("after", page.afterId()).setMaxResults(page.limit())
                .getResultList();
    }

    public Optional<Entry> findEntry(long id) {
        return Optional.ofNullable(em.find(Entry.class, id));
    }

    /**
     * One UPDATE by id rather than changing the managed entity: when another request deleted the
     * row meanwhile, this counts 0 (a 404) where a flush would fail at commit on some providers.
     */
    public Optional<Entry> changeEntry(long id, String title, String content) {
        int changed = em.createQuery("UPDATE Entry e SET e.title = :title, e.content = :content WHERE e.id = :id")
                .setParameter("title", title).setParameter("content", content).setParameter("id", id).executeUpdate();
        return changed == 0 ? Optional.empty() : findEntry(id).map(this::reloaded);
    }

    /** A bulk UPDATE bypasses the persistence context: an instance read before it is read again. */
    private <T> T reloaded(T entity) {
        em.refresh(entity);
        return entity;
    }

    public int deleteEntry(long id) {
        return em.createQuery("DELETE FROM Entry e WHERE e.id = :id").setParameter("id", id).executeUpdate();
    }

    /** As {@link #changeEntry}: one UPDATE by id, 0 when the database is gone. */
    public Optional<Database> rename(long id, String name) {
        int changed = em.createQuery("UPDATE Database d SET d.name = :name WHERE d.id = :id")
                .setParameter("name", name).setParameter("id", id).executeUpdate();
        return changed == 0 ? Optional.empty() : find(id).map(this::reloaded);
    }
}
