package dev.vigil.oncall;

import java.util.Optional;

/**
 * Resolves what a document refers to (users by username; teams, policies and schedules by id or name)
 * to the id that is stored. {@link #AS_STORED} is for reading documents back from the database, whose
 * references were resolved when they were saved.
 */
interface References {

    References AS_STORED = new References() {
        @Override
        public Optional<String> user(String username) {
            return Optional.of(username);
        }

        @Override
        public Optional<String> find(OnCallResource kind, String idOrName) {
            return Optional.of(idOrName);
        }
    };

    /** The username, if such a user exists. */
    Optional<String> user(String username);

    /** The id of the team, policy or schedule with this id or name. */
    Optional<String> find(OnCallResource kind, String idOrName);

}
