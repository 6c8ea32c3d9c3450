package dev.vigil.risk.geoip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies one version of a file, read with a single stat: geoipupdate writes a new file and renames it over
 * the old one, which gives a new file key (device and inode); time and size catch a copy over the old file.
 *
 * @param fileKey null when the platform has none, or when there is no file
 */
record FileStamp(Object fileKey, FileTime lastModified, long size) {

    static final FileStamp ABSENT = new FileStamp(null, null, -1);

    /** The file's stamp, or {@link #ABSENT} when it cannot be read (missing, no permission on its folder). */
    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return ABSENT;
        }
    }
}
