package io.tegami.api.user;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A user directory that administrators can edit from the console ({@code useradd}, {@code userdel},
 * {@code passwd}). Read-only directories (LDAP, a shared database) do not offer this service.
 */
@ConsumerType
public interface UserAccounts {

    /**
     * Adds a user with a password, hashed with the directory's default scheme.
     *
     * @throws DirectoryException if the user exists or the directory cannot be written
     */
    User add(String name, char[] password) throws DirectoryException;

    /**
     * Removes a user (mail on disk is kept).
     *
     * @return true if the user existed
     */
    boolean remove(String name) throws DirectoryException;

    /**
     * Sets a user's password.
     *
     * @return false if there is no such user
     */
    boolean setPassword(String name, char[] password) throws DirectoryException;
}
