package com.mediahub.users.startup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;
import com.mediahub.users.entity.Usernames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Gives users stored before usernames were compared canonically their key and skeleton, then
 * makes both unique. A database may already hold names that now count as the same ({@code Admin}
 * beside {@code admin}) or as look-alikes: they all keep working and signing in with their own
 * spelling; the oldest account owns the canonical key, and each later one gets its key marked with
 * its id ({@code admin#7}), so it no longer matches another spelling. The count, never the names,
 * is logged for the operator. {@link UsernameKeyIndexes} then makes both unique.
 */
@ApplicationScoped
public class UsernameKeyBackfill {

    private static final Logger LOG = Logger.getLogger(UsernameKeyBackfill.class.getName());

    @Inject
    JpaUserRepository users;

    @Transactional
    public void run() {
        List<User> missing = users.withoutUsernameKey();
        if (!missing.isEmpty()) {
            Set<String> keys = new HashSet<>();
            Set<String> skeletons = new HashSet<>();
            int clashes = 0;
            for (User user : missing) {
                String key = Usernames.lookupKey(user.getUsername());
                String skeleton = Usernames.skeleton(key);
                boolean keyTaken = !keys.add(key) || users.existsWithKey(key);
                boolean skeletonTaken = !skeletons.add(skeleton) || users.existsWithSkeleton(skeleton);
                if (keyTaken || skeletonTaken) {
                    clashes++;
                }
                users.setUsernameKey(user.getId(), keyTaken ? key + "#" + user.getId() : key,
                        skeletonTaken ? skeleton + "#" + user.getId() : skeleton);
            }
            LOG.info("Usernames: " + missing.size() + " account(s) given a canonical key"
                    + (clashes == 0 ? "" : "; " + clashes + " of them clash with an older account's name (same name in "
                    + "another case or width, or a look-alike) and keep signing in with their exact spelling only"));
        }
    }
}
