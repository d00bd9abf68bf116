package io.tegami.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What the certificate files look like on disk now: path, modification time, size and file key
 * (inode) of each. Two stamps differ when a file was edited, replaced (renamed over) or another
 * file was configured. Taking one costs two {@code stat} calls.
 *
 * @param files the files
 * @param cert the certificate file's attributes, or null if it is missing
 * @param key the key file's attributes, or null if it is missing
 */
record FileStamp(CertificateFiles files, Attributes cert, Attributes key) {

    /** The parts of a file's attributes that change when its content does. */
    record Attributes(FileTime modified, long size, Object fileKey) {
    }

    static FileStamp of(CertificateFiles files) {
        return new FileStamp(files, attributes(files.cert()), attributes(files.key()));
    }

    private static Attributes attributes(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Attributes(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }
}
