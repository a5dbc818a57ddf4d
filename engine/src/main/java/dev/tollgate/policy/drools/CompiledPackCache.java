package dev.tollgate.policy.drools;

import dev.tollgate.policy.ClassPathDigest;
import dev.tollgate.policy.CompiledStore;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiled packs kept in a directory, so that a start with unchanged packs loads each pack's compiled rules
 * instead of compiling its DRL and tables again (the longest part of a start: docs/benchmarks.md, issue 14).
 * A pack's file is named by a digest of everything its compilation reads: the pack's files, its rule id prefix,
 * the Drools version, and the class files of the facts the rules match and of this package (the conventions
 * checked, the verdict collector). Any change compiles the pack again, reporting its problems as always; only a
 * pack that compiled with no problem is stored, and a stored file that cannot be read is compiled over.
 * <p>
 * The files are read with Java serialization (Drools' own form of a compiled package), so the directory must be
 * as trusted as the policies: it lives in the data directory, beside the keys.
 */
final class CompiledPackCache {
    private static final System.Logger LOG = System.getLogger(CompiledPackCache.class.getName());
    private static final String SUFFIX = ".drools";
    /**
     * The classes a stored pack holds. Helidon rejects every deserialization in the JVM once its server runs, which
     * would make every reload compile its packs again; this stream's own filter takes its place.
     */
    private static final ObjectInputFilter PACK_CLASSES = ObjectInputFilter.Config.createFilter(
            "java.**;org.drools.**;org.kie.**;org.mvel2.**;org.slf4j.**;dev.tollgate.**;!*");

    private final Optional<Path> directory;
    private final ClassLoader classLoader = CompiledPackCache.class.getClassLoader();
    private final AtomicInteger loaded = new AtomicInteger();

    private CompiledPackCache(Optional<Path> directory) {
        this.directory = directory;
    }

    static CompiledPackCache none() {
        return new CompiledPackCache(Optional.empty());
    }

    static CompiledPackCache in(Path directory) {
        return new CompiledPackCache(Optional.of(directory));
    }

    /** A pack as stored: its rules' knowledge base and their ids in the order the compilation listed them. */
    record Stored(KieBase kieBase, List<String> rules) {
    }

    /** @param files the pack's files by their path relative to the policy directory, as the compiler reads them */
    Optional<Stored> load(String pack, String idPrefix, Map<String, byte[]> files) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = file(pack, idPrefix, files);
        try (ObjectInputStream in = new DroolsObjectInputStream(Files.newInputStream(file), classLoader)) {
            in.setObjectInputFilter(PACK_CLASSES);
            @SuppressWarnings("unchecked")
            List<String> rules = (List<String>) in.readObject();
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.get().newKieBaseConfiguration(null, classLoader));
            kieBase.addPackages(packages);
            loaded.incrementAndGet();
            return Optional.of(new Stored(kieBase, rules));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pack " + pack + ": its stored compilation " + file
                    + " cannot be read (" + e + "); compiling it");
            return Optional.empty();
        }
    }

    /** Replaces the pack's earlier stored versions; a failure to store is logged and changes nothing else. */
    void store(String pack, String idPrefix, Map<String, byte[]> files, KieBase kieBase, List<String> rules) {
        if (directory.isEmpty()) {
            return;
        }
        Path file = file(pack, idPrefix, files);
        try {
            CompiledStore.write(file, PackCompiler.artifactId(pack) + "-*" + SUFFIX, stream -> {
                try (ObjectOutputStream out = new DroolsObjectOutputStream(stream)) {
                    out.writeObject(new ArrayList<>(rules));
                    out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pack " + pack + ": cannot store its compilation in "
                    + file.getParent() + " (" + e + "); the next start compiles it again");
        }
    }

    /** Packs loaded from the directory instead of compiled, since this was made. */
    int loaded() {
        return loaded.get();
    }

    private Path file(String pack, String idPrefix, Map<String, byte[]> files) {
        List<byte[]> parts = new ArrayList<>(List.of(Inputs.CODE, CompiledStore.utf8(pack), CompiledStore.utf8(idPrefix)));
        files.forEach((name, content) -> {
            parts.add(CompiledStore.utf8(name));
            parts.add(content);
        });
        return directory.orElseThrow().resolve(PackCompiler.artifactId(pack) + "-" + CompiledStore.key(parts) + SUFFIX);
    }

    /** The Drools version and Tollgate's code that a compiled pack depends on; once per JVM. */
    private static final class Inputs {
        static final byte[] CODE = (droolsJar() + "\n" + KnowledgePackageImpl.class.getPackage().getImplementationVersion()
                + "\n" + ClassPathDigest.of("dev/tollgate/facts", "dev/tollgate/policy/drools"))
                .getBytes(StandardCharsets.UTF_8);

        private static String droolsJar() {
            try {
                return Path.of(KnowledgePackageImpl.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .getFileName().toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
