package dev.tollgate.testing;

import java.nio.file.Path;

/** The repository checkout the tools' tests read (eval sets, the registry knowledge, the cached NER model). */
public final class Repo {
    public static final Path ROOT = Path.of(System.getProperty("tollgate.root", "..")).toAbsolutePath().normalize();

    private Repo() {
    }
}
